#include "web/pages/certificate_verify_pages.h"

#include "web/error_status.h"
#include "web/pages/page_support.h"

namespace rc::web {
namespace {

using nlohmann::json;

// The form with a fresh captcha; `data` keeps what was typed and the outcome.
Reply verify_form(app::Platform& platform, const Views& views, const RequestContext& ctx, json data, int status) {
  auto captcha = platform.captcha().issue();
  if (!captcha) return html_error(views, ctx, captcha.error());
  data["captcha_id"] = captcha->id;
  data["captcha_png"] = base64(captcha->png);
  if (!data.contains("by_id")) data["by_number"] = true;
  return html_page(views, ctx, "verify", "证书查询与核验", data, status);
}

json outcome(const Error& e) {
  json d{{"problem", e.message}, {"code", std::string(code_name(e.code))}};
  if (e.code == ErrorCode::kStatusUnavailable) d["indeterminate"] = true;
  return d;
}

// The QR code's target: the status of one number, masked name only.
Reply status_of_number(app::Platform& platform, const Views& views, CertificateWeb& web, const RequestContext& ctx,
                       const std::string& number) {
  if (auto allowed = allow_verification(web, platform, ctx); !allowed)
    return html_page(views, ctx, "verify_status", "证书核验", outcome(allowed.error()), 429);
  auto status = app::certificate_status(platform.database(), platform.clock(), number);
  if (!status) {
    json d = outcome(status.error());
    d["number"] = number;
    return html_page(views, ctx, "verify_status", "证书核验", d, http_status(status.error().code));
  }
  json c = public_certificate_json(*status);
  c.erase("masked_id_number");
  return html_page(views, ctx, "verify_status", "证书核验", {{"certificate", c}});
}

Reply submit(app::Platform& platform, const Views& views, CertificateWeb& web, const RequestContext& ctx) {
  const auto& f = *ctx.form;
  const bool by_id = f.get("mode") == "id";
  json keep{{"number", f.get("number")}, {"name", f.get("name")}, {"by_id", by_id}, {"by_number", !by_id}};
  if (auto allowed = allow_verification(web, platform, ctx); !allowed) {
    keep.update(outcome(allowed.error()));
    return verify_form(platform, views, ctx, keep, 429);
  }
  if (auto c = platform.captcha().check(f.get("captcha_id"), f.get("captcha")); !c) {
    keep.update(outcome(c.error()));
    return verify_form(platform, views, ctx, keep, 422);
  }
  app::VerificationQuery q{by_id ? "" : f.get("number"), by_id ? f.get("id_number") : "", f.get("name")};
  auto found = app::verify_certificate(platform.database(), platform.clock(), platform.cipher(), q);
  if (!found) {
    keep.update(outcome(found.error()));
    return verify_form(platform, views, ctx, keep, http_status(found.error().code));
  }
  json results = json::array();
  for (const auto& c : *found) results.push_back(public_certificate_json(c));
  keep["results"] = results;
  return verify_form(platform, views, ctx, keep, 200);
}

}  // namespace

void add_certificate_verify_pages(Routes& routes, app::Platform& platform, const Views& views, CertificateWeb& web) {
  routes.get("/verify", anyone(), [&platform, &views, &web](RequestContext& ctx) {
    const std::string number = query_value(ctx, "no");
    if (!number.empty()) return status_of_number(platform, views, web, ctx, number);
    return verify_form(platform, views, ctx, json::object(), 200);
  });
  routes.post("/verify", anyone(), [&platform, &views, &web](RequestContext& ctx) {
    return submit(platform, views, web, ctx);
  });
}

}  // namespace rc::web
