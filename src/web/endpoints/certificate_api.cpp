#include "web/endpoints/certificate_api.h"

#include "web/pages/page_support.h"
#include "web/request_checks.h"

namespace rc::web {
namespace {

using nlohmann::json;

// Tri-state: an unreadable status is "indeterminate", never "valid".
Reply refusal(const Error& e) {
  Reply r = error_reply(e);
  if (e.code == ErrorCode::kStatusUnavailable) {
    auto body = json::parse(r.body, nullptr, false);
    if (body.is_object()) {
      body["status"] = "indeterminate";
      r.body = body.dump();
    }
  }
  return r;
}

}  // namespace

void add_certificate_api(Routes& routes, app::Platform& platform, CertificateWeb& web) {
  Access api_public = anyone();
  api_public.api = true;
  auto answer = [&platform](const app::VerificationQuery& q) {
    auto found = app::verify_certificate(platform.database(), platform.clock(), platform.cipher(), q);
    if (!found) return refusal(found.error());
    json list = json::array();
    for (const auto& c : *found) list.push_back(public_certificate_json(c));
    Reply r = json_reply(200, {{"certificates", list}});
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
  };
  // By number and name in the query string. An ID number is refused there (DOMAIN.md §4): a URL
  // ends up in access logs, proxies and browser history; it goes in a POST body instead.
  routes.get("/api/v1/certificates/verify", api_public, [&platform, &web, answer](RequestContext& ctx) {
    if (!query_value(ctx, "id_number").empty())
      return error_reply(make_error(ErrorCode::kInvalidValue, "id_number",
                                    "证件号码不能放在网址中（会留在日志和浏览记录里），请用 POST 以 JSON 提交"));
    if (auto allowed = allow_verification(web, platform, ctx); !allowed) return refusal(allowed.error());
    return answer(app::VerificationQuery{query_value(ctx, "number"), "", query_value(ctx, "name")});
  });
  // By number and name, or by name and ID number: {"number"|"id_number": "...", "name": "..."}.
  routes.post_lookup("/api/v1/certificates/verify", api_public, [&platform, &web, answer](RequestContext& ctx) {
    if (auto e = require_json_body(ctx.req); !e) return error_reply(e.error());
    auto body = json::parse(ctx.req->body(), nullptr, false);
    if (body.is_discarded() || !body.is_object())
      return error_reply(make_error(ErrorCode::kMalformedJson, "", "请求体不是有效的 JSON 对象"));
    app::VerificationQuery q;
    const std::pair<const char*, std::string*> fields[] = {{"number", &q.number}, {"id_number", &q.id_number}, {"name", &q.name}};
    for (const auto& [field, into] : fields) {
      if (!body.contains(field)) continue;
      if (!body[field].is_string())
        return error_reply(make_error(ErrorCode::kWrongType, field, std::string(field) + " 应为字符串"));
      *into = body[field].get<std::string>();
    }
    if (auto allowed = allow_verification(web, platform, ctx); !allowed) return refusal(allowed.error());
    return answer(q);
  });
  // The status by number is what QR scans and `cert verify --status-url` ask, often and for the
  // same numbers: answered from a short-lived cache (certificate_status_cache.h says how stale).
  routes.get("/api/v1/certificates/:number([A-Za-z0-9-]{1,64})/status",
             [&platform, cache = &web.status_cache](const Request&, const RouteParams& params) {
               auto number = path_param(params, "number");
               if (!number) return refusal(make_error(ErrorCode::kNotFound, "number", "证书不存在"));
               auto s = cache->status(platform.database(), platform.clock(), *number);
               if (!s) return refusal(s.error());
               return json_reply(200, {{"number", s->number},
                                       {"status", std::string(app::state_code(s->state))},
                                       {"checked_on", s->checked_on.to_string()}});
             });
}

}  // namespace rc::web
