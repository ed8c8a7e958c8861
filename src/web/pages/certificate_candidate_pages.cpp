#include "web/pages/certificate_candidate_pages.h"

#include "app/certificates/apply_for_reissue.h"
#include "app/certificates/holder_certificates.h"
#include "cert/page_render.h"
#include "web/error_status.h"
#include "web/pages/page_support.h"

namespace rc::web {
namespace {

using nlohmann::json;
const Access kCandidate = only({store::Role::kCandidate});

json holder_json(const app::HolderCertificate& h) {
  const auto& c = h.listing.certificate;
  json j = h.printed;
  j["id"] = c.id;
  j["number"] = c.number;
  j["status"] = std::string(app::state_code(h.state));
  j["status_label"] = std::string(app::state_label(h.state));
  j["valid"] = h.state == app::CertificateState::kValid;
  j["valid_until_label"] = c.valid_until ? c.valid_until->to_string() : "长期有效";
  j["revoked_reason"] = c.revoked_reason.value_or("");
  if (c.reissue_of) j["reissued"] = true;
  return j;
}

Reply certificates_page(app::Platform& platform, const Views& views, const RequestContext& ctx) {
  auto list = app::holder_certificates(platform.database(), platform.clock(), actor_of(ctx));
  if (!list) return html_error(views, ctx, list.error());
  json rows = json::array();
  for (const auto& h : *list) rows.push_back(holder_json(h));
  return html_page(views, ctx, "certificate_me", "证书下载", {{"certificates", rows}, {"none", rows.empty()}});
}

Reply download(app::Platform& platform, const Views& views, const RequestContext& ctx, bool pdf) {
  auto id = id_param(ctx);
  if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "证书不存在"));
  auto file = app::download_certificate(platform.database(), platform.clock(), actor_of(ctx), *id, pdf ? "pdf" : "ofd");
  if (!file) return html_error(views, ctx, file.error());
  if (!pdf) return file_reply("application/ofd", file->number + ".ofd", std::move(file->bytes));
  auto rendered = cert::render_ofd_pdf(file->bytes);
  if (!rendered) return html_error(views, ctx, rendered.error());
  return file_reply("application/pdf", file->number + ".pdf", std::move(*rendered));
}

json application_json(const store::ReissueApplication& a) {
  return {{"id", a.id},
          {"old_number", a.old_number},
          {"old_issued_on", a.old_issued_on.to_string()},
          {"reason_label", std::string(app::reissue_reason_label(a.reason))},
          {"status_label", std::string(app::reissue_status_label(a.status))},
          {"decision_reason", a.decision_reason.value_or("")}};
}

Reply reissue_page(app::Platform& platform, const Views& views, const RequestContext& ctx, json data, int status = 200) {
  auto list = app::own_reissue_applications(platform.database(), actor_of(ctx));
  if (!list) return html_error(views, ctx, list.error());
  json rows = json::array();
  for (const auto& a : *list) rows.push_back(application_json(a));
  data["applications"] = rows;
  if (query_value(ctx, "done") == "applied") data["flash"] = "补发申请已提交，请等待鉴定站审核。";
  return html_page(views, ctx, "certificate_reissue", "证书补发申请", data, status);
}

}  // namespace

void add_certificate_candidate_pages(Routes& routes, app::Platform& platform, const Views& views, CertificateWeb&) {
  routes.get("/me/certificates", kCandidate,
             [&platform, &views](RequestContext& ctx) { return certificates_page(platform, views, ctx); });
  routes.get("/me/certificates/:id(\\d+)/download.ofd", kCandidate,
             [&platform, &views](RequestContext& ctx) { return download(platform, views, ctx, false); });
  routes.get("/me/certificates/:id(\\d+)/download.pdf", kCandidate,
             [&platform, &views](RequestContext& ctx) { return download(platform, views, ctx, true); });
  routes.get("/me/reissue", kCandidate,
             [&platform, &views](RequestContext& ctx) { return reissue_page(platform, views, ctx, json::object()); });
  routes.post("/me/reissue", kCandidate, [&platform, &views](RequestContext& ctx) {
    const auto& f = *ctx.form;
    app::ReissueRequest request{f.get("old_number"), f.get("old_issued_on"), f.get("reason")};
    auto applied = app::apply_for_reissue(platform.database(), platform.clock(), actor_of(ctx), request);
    if (!applied) {
      if (needs_error_page(applied.error())) return html_error(views, ctx, applied.error());
      json keep{{"problem", applied.error().message}, {"code", std::string(code_name(applied.error().code))},
                {"old_number", request.old_number}, {"old_issued_on", request.old_issued_on}};
      return reissue_page(platform, views, ctx, keep, http_status(applied.error().code));
    }
    return redirect("/me/reissue?done=applied");
  });
}

}  // namespace rc::web
