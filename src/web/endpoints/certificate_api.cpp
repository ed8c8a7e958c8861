#include "web/endpoints/certificate_api.h"


#include "web/pages/page_support.h"

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
  routes.get("/api/v1/certificates/verify", api_public, [&platform, &web](RequestContext& ctx) {
    if (auto allowed = allow_verification(web, platform, ctx); !allowed) return refusal(allowed.error());
    app::VerificationQuery q{query_value(ctx, "number"), query_value(ctx, "id_number"), query_value(ctx, "name")};
    auto found = app::verify_certificate(platform.database(), platform.clock(), platform.cipher(), q);
    if (!found) return refusal(found.error());
    json list = json::array();
    for (const auto& c : *found) list.push_back(public_certificate_json(c));
    Reply r = json_reply(200, {{"certificates", list}});
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
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
