#include "web/pages/station_pages.h"

#include <optional>
#include <string>

#include "app/document_type_label.h"
#include "app/registration/approve_application.h"
#include "app/registration/return_application.h"
#include "app/registration/review_detail.h"
#include "app/registration/review_queue.h"
#include "domain/occupation/occupation.h"
#include "web/error_status.h"
#include "web/pages/page_support.h"

namespace rc::web {
namespace {

using nlohmann::json;
const Access kStation = only({store::Role::kStation});

std::string level_name(int code) {
  auto level = level_by_code(code);
  return level ? level->display_name() : std::to_string(code) + " 级";
}


std::string yuan(std::int64_t fen) {
  const std::string cents = std::to_string(fen % 100);
  return std::to_string(fen / 100) + "." + (cents.size() < 2 ? "0" : "") + cents;
}

// "150", "150.5" or "150.50" yuan as fen; nullopt for an empty field.
Result<std::optional<std::int64_t>> parse_yuan(const std::string& text) {
  if (text.empty()) return std::optional<std::int64_t>{};
  const auto bad = [] {
    return fail(ErrorCode::kInvalidValue, "fee_paid", "缴费金额格式不正确，请填写如 150 或 150.00（元）");
  };
  const auto dot = text.find('.');
  const std::string whole = text.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : text.substr(dot + 1);
  if (whole.empty() || whole.size() > 9 || fraction.size() > 2) return bad();
  for (char c : whole + fraction)
    if (c < '0' || c > '9') return bad();
  fraction.resize(2, '0');
  return std::optional<std::int64_t>{std::stoll(whole) * 100 + std::stoll(fraction)};
}

json face_json(const app::ConfirmationProgress& p) {
  if (p.face_verified_at) return {{"passed", true}, {"label", "人脸核验通过"}, {"failures", p.face_failures}};
  if (p.manual_review_requested_at)
    return {{"manual", true},
            {"label", "考生申请人工核验：请比对照片与证件，确认为本人"},
            {"failures", p.face_failures}};
  return {{"label", "未完成人脸核验"}, {"failures", p.face_failures}};
}

json detail_json(const app::ReviewDetail& d) {
  const auto& c = d.candidate;
  const auto& r = d.registration;
  json j{{"registration_id", r.id},
         {"status_label", std::string(registration_status_label(r.status))},
         {"decidable", r.status == store::RegistrationStatus::kConfirmed},
         {"review_reason", r.review_reason.value_or("")},
         {"name", c.name},
         {"document_label", std::string(app::document_type_label(c.document_type))},
         {"id_number", d.id_number},
         {"sex", c.sex == store::Sex::kMale ? "男" : "女"},
         {"birth_date", c.birth_date.to_string()},
         {"phone", c.phone},
         {"health_declared", c.health_declared},
         {"level_name", level_name(r.level)},
         {"batch_title", d.batch.title},
         {"details",
          {{"address", d.details.address},
           {"emergency_contact_name", d.details.emergency_contact_name},
           {"emergency_contact_phone", d.details.emergency_contact_phone},
           {"employer", d.details.employer}}},
         {"id_confirmed", d.progress.id_confirmed_at.has_value()},
         {"face", face_json(d.progress)},
         {"re_registration", d.re_registration},
         {"fee_due", yuan(d.fee_due_fen)},
         {"fee_paid", yuan(r.fee_paid_fen)}};
  if (d.photo) j["photo_src"] = "data:" + d.photo_media_type + ";base64," + base64(*d.photo);
  return j;
}

Reply detail_page(app::Platform& platform, const Views& views, const RequestContext& ctx, store::Id id,
                  json extra = json::object(), int status = 200) {
  auto d = app::review_detail(platform.database(), platform.clock(), platform.cipher(), actor_of(ctx), id);
  if (!d) return html_error(views, ctx, d.error());
  json data{{"reg", detail_json(*d)}};
  for (auto& [k, v] : extra.items()) data[k] = v;
  Reply r = html_page(views, ctx, "station_registration", "报名审核", data, status);
  // The full ID number and the photo: never kept by a browser or proxy cache.
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

// A refused decision: the detail again with the message, or the error page for access errors.
Reply refused(app::Platform& platform, const Views& views, const RequestContext& ctx, store::Id id, const Error& e,
              json extra = json::object()) {
  if (needs_error_page(e)) return html_error(views, ctx, e);
  extra["problem"] = e.message;
  return detail_page(platform, views, ctx, id, std::move(extra), http_status(e.code));
}

const char* flash_text(const std::string& done) {
  if (done == "approved") return "已审核通过。";
  if (done == "returned") return "已退回考生，考生登录后可看到退回原因并修改后重新提交。";
  return nullptr;
}

json queue_row(const app::ReviewQueueItem& q) {
  return {{"registration_id", q.registration_id},
          {"name", q.name},
          {"id_number_masked", q.id_number_masked},
          {"level_name", level_name(q.level)},
          {"batch_title", q.batch_title},
          {"organisation_name", q.organisation_name},
          {"face_verified", q.face_verified},
          {"manual_review", q.manual_review_requested && !q.face_verified},
          {"confirmed_on", china_date(q.confirmed_at).to_string()}};
}

}  // namespace

void add_station_pages(Routes& routes, app::Platform& platform, const Views& views) {
  routes.get("/station", kStation, [&platform, &views](RequestContext& ctx) {
    const app::Actor actor = actor_of(ctx);
    auto queue = app::review_queue(platform.database(), platform.clock(), actor, actor.entity_id);
    if (!queue) return html_error(views, ctx, queue.error());
    json rows = json::array();
    for (const auto& q : *queue) rows.push_back(queue_row(q));
    json data{{"queue", rows}, {"count", rows.size()}};
    if (const char* t = flash_text(query_value(ctx, "done"))) data["flash"] = t;
    return html_page(views, ctx, "station", "待审核报名", data);
  });

  routes.get("/station/registrations/:id(\\d+)", kStation, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "报名记录不存在"));
    return detail_page(platform, views, ctx, *id);
  });

  routes.post("/station/registrations/:id(\\d+)/approve", kStation, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "报名记录不存在"));
    auto fee = parse_yuan(ctx.form->get("fee_paid"));
    if (!fee) return refused(platform, views, ctx, *id, fee.error());
    auto done = app::approve_application(platform.database(), platform.clock(), platform.policies(), actor_of(ctx),
                                         {*id, *fee});
    if (!done) return refused(platform, views, ctx, *id, done.error());
    return redirect("/station?done=approved");
  });

  routes.post("/station/registrations/:id(\\d+)/return", kStation, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "报名记录不存在"));
    const std::string reason = ctx.form->get("reason");
    auto done = app::return_application(platform.database(), platform.clock(), actor_of(ctx), *id, reason);
    // The typed reason is kept in the textarea (escaped) so a too-long one can be shortened.
    if (!done) return refused(platform, views, ctx, *id, done.error(), {{"typed_reason", reason}});
    return redirect("/station?done=returned");
  });
}

}  // namespace rc::web
