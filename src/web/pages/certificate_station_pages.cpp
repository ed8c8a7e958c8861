#include "web/pages/certificate_station_pages.h"

#include "app/certificates/certificate_filing.h"
#include "app/certificates/certificate_snapshot.h"
#include "app/certificates/decide_reissue.h"
#include "app/certificates/apply_for_reissue.h"
#include "app/certificates/holder_certificates.h"
#include "app/certificates/revoke_certificate.h"
#include "app/certificates/station_certificates.h"
#include "web/error_status.h"
#include "web/pages/page_support.h"

namespace rc::web {
namespace {

using nlohmann::json;
const Access kStation = only({store::Role::kStation});

const char* flash_text(const std::string& done) {
  if (done == "filing") return "备案名单已生成，请下载后报送国家职业技能评价备案系统，备案通过后登记备案日期。";
  if (done == "filed") return "已登记备案日期，可以发证。";
  if (done == "revoked") return "证书已撤销，核验时将显示“已撤销”。";
  if (done == "approved") return "已批准补发，电子证书已签发。";
  if (done == "refused") return "已不予补发，考生可在补发申请页看到原因。";
  return nullptr;
}

json overview_json(const app::StationCertificates& o) {
  json filings = json::array();
  for (const auto& f : o.filings)
    filings.push_back({{"id", f.id},
                       {"entries", f.entries},
                       {"exported_on", china_date(f.exported_at).to_string()},
                       {"filed", f.status == store::FilingStatus::kFiled},
                       {"filed_on", f.filed_on ? f.filed_on->to_string() : ""}});
  json certs = json::array();
  for (const auto& r : o.certificates) {
    const auto& c = r.listing.certificate;
    certs.push_back({{"id", c.id},
                     {"number", c.number},
                     {"name", r.listing.holder_name},
                     {"id_number_masked", r.listing.id_number_masked},
                     {"level", app::level_label(r.listing.level)},
                     {"issued_on", c.issued_on.to_string()},
                     {"status", std::string(app::state_code(r.state))},
                     {"status_label", std::string(app::state_label(r.state))},
                     {"valid", r.state == app::CertificateState::kValid}});
  }
  json waiting = json::array();
  for (const auto& w : o.waiting)
    waiting.push_back({{"registration_id", w.registration_id}, {"name", w.name}, {"id_number_masked", w.id_number_masked}});
  return {{"waiting_for_filing", o.waiting_for_filing},
          {"waiting", waiting},
          {"waiting_for_issuance", o.waiting_for_issuance},
          {"can_file", o.waiting_for_filing > 0},
          {"can_issue", o.waiting_for_issuance > 0},
          {"filings", filings},
          {"certificates", certs}};
}

Reply overview(CertificateWeb& web, const Views& views, const RequestContext& ctx, json extra = json::object(),
               int status = 200) {
  auto o = app::station_certificates(*web.services, actor_of(ctx));
  if (!o) return html_error(views, ctx, o.error());
  json data = overview_json(*o);
  for (auto& [k, v] : extra.items()) data[k] = v;
  if (const char* t = flash_text(query_value(ctx, "done"))) data["flash"] = t;
  return html_page(views, ctx, "certificate_station", "证书管理", data, status);
}

// A refused action: the overview again with the message, or the error page for access errors.
Reply refused(CertificateWeb& web, const Views& views, const RequestContext& ctx, const Error& e) {
  if (needs_error_page(e)) return html_error(views, ctx, e);
  return overview(web, views, ctx, {{"problem", e.message}, {"code", std::string(code_name(e.code))}}, http_status(e.code));
}

Reply reissues_page(CertificateWeb& web, const Views& views, const RequestContext& ctx, json data = json::object(),
                    int status = 200) {
  auto list = app::station_reissue_applications(web.services->db, actor_of(ctx));
  if (!list) return html_error(views, ctx, list.error());
  json rows = json::array();
  for (const auto& r : *list) {
    const auto& a = r.application;
    rows.push_back({{"id", a.id},
                    {"name", r.holder_name},
                    {"id_number_masked", r.id_number_masked},
                    {"old_number", a.old_number},
                    {"old_issued_on", a.old_issued_on.to_string()},
                    {"in_store", a.old_certificate_id.has_value()},
                    {"reason_label", std::string(app::reissue_reason_label(a.reason))},
                    {"pending", a.status == store::ReissueStatus::kPending},
                    {"status_label", std::string(app::reissue_status_label(a.status))},
                    {"decision_reason", a.decision_reason.value_or("")}});
  }
  data["applications"] = rows;
  if (const char* t = flash_text(query_value(ctx, "done"))) data["flash"] = t;
  return html_page(views, ctx, "certificate_station_reissues", "补发审核", data, status);
}

void add_filing_routes(Routes& routes, const Views& views, CertificateWeb& web) {
  routes.post("/station/certificates/filings", kStation, [&web, &views](RequestContext& ctx) {
    auto id = app::export_filing(*web.services, actor_of(ctx));
    if (!id) return refused(web, views, ctx, id.error());
    return redirect("/station/certificates?done=filing");
  });
  routes.get("/station/certificates/filings/:id(\\d+)/export.xlsx", kStation, [&web, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "备案记录不存在"));
    auto file = app::filing_workbook(*web.services, actor_of(ctx), *id);
    if (!file) return html_error(views, ctx, file.error());
    return file_reply("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file->file_name,
                      std::move(file->xlsx));
  });
  routes.post("/station/certificates/filings/:id(\\d+)/filed", kStation, [&web, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "备案记录不存在"));
    auto on = CivilDate::parse(ctx.form->get("filed_on"));
    if (!on) return refused(web, views, ctx, make_error(ErrorCode::kInvalidDate, "filed_on", "请填写备案日期（如 2026-11-20）", "R9"));
    auto done = app::record_filing(*web.services, actor_of(ctx), *id, *on);
    if (!done) return refused(web, views, ctx, done.error());
    return redirect("/station/certificates?done=filed");
  });
}

json job_json(const app::IssuanceJobProgress& p) {
  const std::size_t handled = p.issued + p.skipped + p.refused;
  return {{"id", p.id},         {"total", p.total},       {"issued", p.issued},
          {"skipped", p.skipped}, {"refused", p.refused}, {"finished", p.finished},
          {"error", p.error},   {"refusals", p.refusals},
          {"percent", p.total ? static_cast<int>(handled * 100 / p.total) : 100}};
}

void add_issuance_routes(Routes& routes, const Views& views, CertificateWeb& web) {
  routes.post("/station/certificates/issue", kStation, [&web, &views](RequestContext& ctx) {
    // Ticked candidates come as fields r<registration id>=on; none ticked: all that wait.
    std::vector<store::Id> chosen;
    for (const auto& [name, value] : ctx.form->fields)
      if (name.size() > 1 && name[0] == 'r')
        if (auto id = parse_id(std::string_view(name).substr(1))) chosen.push_back(*id);
    auto job = web.jobs->start(actor_of(ctx), std::move(chosen));
    if (!job) return refused(web, views, ctx, job.error());
    return redirect("/station/certificates/jobs/" + std::to_string(*job));
  });
  routes.get("/station/certificates/jobs/:id(\\d+)", kStation, [&web, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    auto p = id ? web.jobs->progress(static_cast<std::uint64_t>(*id), actor_of(ctx)) : std::nullopt;
    if (!p) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "发证任务不存在"));
    return html_page(views, ctx, "certificate_station_job", "批量发证", {{"job", job_json(*p)}});
  });
  routes.get("/api/v1/station/certificate-jobs/:id(\\d+)", api_only({store::Role::kStation}),
             [&web](RequestContext& ctx) {
               auto id = id_param(ctx);
               auto p = id ? web.jobs->progress(static_cast<std::uint64_t>(*id), actor_of(ctx)) : std::nullopt;
               if (!p) return error_reply(make_error(ErrorCode::kNotFound, "id", "发证任务不存在"));
               return json_reply(200, job_json(*p));
             });
  routes.post("/station/certificates/:id(\\d+)/revoke", kStation, [&web, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "证书不存在"));
    auto done = app::revoke_certificate(*web.services, actor_of(ctx), *id, ctx.form->get("reason"));
    if (!done) return refused(web, views, ctx, done.error());
    return redirect("/station/certificates?done=revoked");
  });
  routes.get("/station/certificates/:id(\\d+)/download.ofd", kStation, [&web, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "证书不存在"));
    auto file = app::download_certificate(web.services->db, web.services->clock, actor_of(ctx), *id, "ofd");
    if (!file) return html_error(views, ctx, file.error());
    return file_reply("application/ofd", file->number + ".ofd", std::move(file->bytes));
  });
}

void add_reissue_routes(Routes& routes, const Views& views, CertificateWeb& web) {
  routes.get("/station/reissues", kStation, [&web, &views](RequestContext& ctx) { return reissues_page(web, views, ctx); });
  for (const bool approve : {true, false}) {
    const std::string path = std::string("/station/reissues/:id(\\d+)/") + (approve ? "approve" : "refuse");
    routes.post(path, kStation, [&web, &views, approve](RequestContext& ctx) {
      auto id = id_param(ctx);
      if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "补发申请不存在"));
      auto done = app::decide_reissue(*web.services, actor_of(ctx), {*id, approve, ctx.form->get("reason")});
      if (!done) {
        if (needs_error_page(done.error())) return html_error(views, ctx, done.error());
        return reissues_page(web, views, ctx, {{"problem", done.error().message}, {"code", std::string(code_name(done.error().code))}},
                             http_status(done.error().code));
      }
      return redirect(std::string("/station/reissues?done=") + (approve ? "approved" : "refused"));
    });
  }
}

}  // namespace

void add_certificate_station_pages(Routes& routes, app::Platform&, const Views& views, CertificateWeb& web) {
  routes.get("/station/certificates", kStation, [&web, &views](RequestContext& ctx) { return overview(web, views, ctx); });
  add_filing_routes(routes, views, web);
  add_issuance_routes(routes, views, web);
  add_reissue_routes(routes, views, web);
}

}  // namespace rc::web
