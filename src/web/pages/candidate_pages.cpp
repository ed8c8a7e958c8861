#include "web/pages/candidate_pages.h"

#include <optional>
#include <string>

#include "app/registration/agree_and_submit.h"
#include "app/registration/candidate_application.h"
#include "app/registration/complete_missing_fields.h"
#include "app/registration/confirm_id_information.h"
#include "app/registration/request_manual_review.h"
#include "app/registration/upload_photo.h"
#include "app/registration/verify_face.h"
#include "web/error_status.h"
#include "web/pages/page_support.h"

namespace rc::web {
namespace {

using nlohmann::json;
const Access kCandidate = only({store::Role::kCandidate});

// The settings the pages apply: without face models, the manual check is available at once.
app::RegistrationSettings settings_of(app::Platform& platform) {
  app::RegistrationSettings s = platform.registration_settings();
  if (!platform.face_models_present()) s.face_failures_before_manual_review = 0;
  return s;
}

// The registration named in the query (?registration=) or form; nullopt: the latest one.
// `bad` is set when a value is given but is not an id.
std::optional<store::Id> chosen_registration(const std::string& value, bool& bad) {
  bad = false;
  if (value.empty()) return std::nullopt;
  auto id = parse_id(value);
  if (!id) bad = true;
  return id;
}

std::string_view short_status(store::RegistrationStatus s) {
  switch (s) {
    case store::RegistrationStatus::kDraft: return "申报单位填报中";
    case store::RegistrationStatus::kSubmitted: return "待确认";
    case store::RegistrationStatus::kConfirmed: return "待审核";
    case store::RegistrationStatus::kApproved: return "审核通过";
    case store::RegistrationStatus::kReturned: return "已退回";
  }
  return "";
}

bool missing(const app::CandidateApplicationView& v, std::string_view field) {
  for (const auto& m : v.missing)
    if (m.field == field) return true;
  return false;
}

json application_json(const app::CandidateApplicationView& v, bool face_available) {
  json missing_items = json::array();
  for (const auto& m : v.missing) missing_items.push_back({{"field", m.field}, {"label", m.label}});
  const bool fields_done = !missing(v, "address") && !missing(v, "emergency_contact_name") &&
                           !missing(v, "emergency_contact_phone") && !missing(v, "health_declared");
  const bool face_passed = v.progress.face_verified_at.has_value();
  const bool manual = v.progress.manual_review_requested_at.has_value() && !face_passed;
  const bool resident_id = v.document_type == "resident_id";
  return {{"registration_id", v.registration_id},
          {"status", std::string(store::to_text(v.status))},
          {"status_short", std::string(short_status(v.status))},
          {"status_label", v.status_label},
          {"name", v.name},
          {"id_number_masked", v.id_number_masked},
          {"sex", v.sex == store::Sex::kMale ? "男" : "女"},
          {"birth_date", v.birth_date.to_string()},
          {"phone_masked", v.phone_masked},
          {"level_name", v.level_name},
          {"batch_title", v.batch_title},
          {"organisation_name", v.organisation_name},
          {"station_name", v.station_name},
          {"details",
           {{"address", v.details.address},
            {"emergency_contact_name", v.details.emergency_contact_name},
            {"emergency_contact_phone", v.details.emergency_contact_phone},
            {"employer", v.details.employer}}},
          {"health_declared", v.health_declared},
          {"missing", missing_items},
          {"missing_any", !v.missing.empty()},
          {"complete", v.missing.empty()},
          {"can_edit", v.can_edit},
          {"waiting", v.status == store::RegistrationStatus::kConfirmed},
          {"approved", v.status == store::RegistrationStatus::kApproved},
          {"returned", v.status == store::RegistrationStatus::kReturned},
          {"return_reason", v.return_reason.value_or("")},
          {"photo_done", !missing(v, "photo")},
          {"id_done", v.progress.id_confirmed_at.has_value()},
          {"face_done", v.progress.face_done()},
          {"face_passed", face_passed},
          {"manual_review", manual},
          {"face_failures", v.progress.face_failures},
          {"face_offered", face_available && resident_id && !v.progress.face_done()},
          {"face_unavailable", !face_available},
          {"other_document", !resident_id},
          {"can_request_manual_review", v.can_request_manual_review && !v.progress.face_done()},
          {"fields_done", fields_done},
          {"agreed", v.progress.agreed_at.has_value()}};
}

const char* flash_text(const std::string& done) {
  if (done == "photo") return "照片已通过检查并保存。";
  if (done == "id") return "身份信息已确认。";
  if (done == "face") return "人脸核验通过。";
  if (done == "manual") return "已申请人工核验，鉴定站审核时将比对您的照片与证件。";
  if (done == "fields") return "信息已保存。";
  if (done == "agreed") return "已提交，等待鉴定站审核。";
  return nullptr;
}

json flash_of(const RequestContext& ctx) {
  json extra = json::object();
  if (const char* t = flash_text(query_value(ctx, "done"))) extra["flash"] = t;
  return extra;
}

std::string query_registration(const RequestContext& ctx) { return query_value(ctx, "registration"); }

// Renders `page` (me or me_confirm) for the chosen registration, with `extra` merged in.
Reply application_page(app::Platform& platform, const Views& views, const RequestContext& ctx, std::string_view page,
                       std::string_view title, std::optional<store::Id> registration_id, json extra, int status) {
  const auto settings = settings_of(platform);
  auto v = app::candidate_application(platform.database(), platform.clock(), actor_of(ctx),
                                      settings.face_failures_before_manual_review, registration_id);
  if (!v) {
    if (v.error().code == ErrorCode::kNotFound && page == "me")
      return html_page(views, ctx, page, title, {{"none", true}});
    return html_error(views, ctx, v.error());
  }
  json data{{"app", application_json(*v, platform.face_models_present())},
            {"manual_after", settings.face_failures_before_manual_review},
            {"photo_days", settings.photo_retention.count()},
            {"template_days", settings.face_template_retention.count()}};
  for (auto& [k, val] : extra.items()) data[k] = val;
  return html_page(views, ctx, page, title, data, status);
}

Reply confirm_page(app::Platform& platform, const Views& views, const RequestContext& ctx, store::Id id, json extra,
                   int status) {
  return application_page(platform, views, ctx, "me_confirm", "确认报名", id, std::move(extra), status);
}

// The registration a POST acts on: the form's hidden field, else the candidate's latest.
Result<store::Id> posted_registration(app::Platform& platform, const RequestContext& ctx) {
  bool bad = false;
  auto id = chosen_registration(ctx.form->get("registration"), bad);
  if (bad) return fail(ErrorCode::kNotFound, "registration", "报名记录不存在");
  if (id) return *id;
  auto v = app::candidate_application(platform.database(), platform.clock(), actor_of(ctx),
                                      settings_of(platform).face_failures_before_manual_review);
  if (!v) return fail(v.error());
  return v->registration_id;
}

std::string confirm_url(store::Id id, std::string_view done) {
  return "/me/confirm?registration=" + std::to_string(id) + "&done=" + std::string(done);
}

// A refusal of a step: identity and permission errors get the error page, the rest the
// confirmation page again with the message.
Reply refused(app::Platform& platform, const Views& views, const RequestContext& ctx, store::Id id, const Error& e,
              json extra = json::object()) {
  if (needs_error_page(e)) return html_error(views, ctx, e);
  extra["problem"] = e.message;
  return confirm_page(platform, views, ctx, id, std::move(extra), http_status(e.code));
}

// The PIPL Art. 29 separate consent (DOMAIN.md §4.2) checked before any face processing.
bool face_consent_given(const Form& f) { return f.get("face_consent") == "yes"; }
const char* const kFaceConsentMissing = "请先阅读《人脸信息处理告知》并勾选单独同意，方可处理您的人脸信息";

Reply post_photo(app::Platform& platform, const Views& views, RequestContext& ctx) {
  auto id = posted_registration(platform, ctx);
  if (!id) return html_error(views, ctx, id.error());
  if (!face_consent_given(*ctx.form))
    return refused(platform, views, ctx, *id, make_error(ErrorCode::kMissingField, "face_consent", kFaceConsentMissing));
  auto file = ctx.form->files.find("photo");
  if (file == ctx.form->files.end() || file->second.bytes.empty())
    return refused(platform, views, ctx, *id,
                   make_error(ErrorCode::kMissingField, "photo", "请选择要上传的照片（JPEG 或 PNG）"));
  auto outcome = app::upload_photo(platform.database(), platform.clock(), platform.cipher(), platform.face_verifier(),
                                   settings_of(platform), actor_of(ctx), *id, file->second.bytes);
  if (!outcome) return refused(platform, views, ctx, *id, outcome.error());
  if (!outcome->accepted) {
    json issues = json::array();
    for (const auto& i : outcome->issues) issues.push_back({{"code", i.code}, {"reason", i.reason}});
    return confirm_page(platform, views, ctx, *id,
                        {{"problem", "照片未通过检查，未保存："}, {"photo_issues", issues}, {"photo_refused", true}}, 422);
  }
  return redirect(confirm_url(*id, "photo"));
}

Reply post_face(app::Platform& platform, const Views& views, RequestContext& ctx) {
  auto id = posted_registration(platform, ctx);
  if (!id) return html_error(views, ctx, id.error());
  face::FaceVerifier* verifier = platform.face_verifier();
  if (!verifier)
    return refused(platform, views, ctx, *id,
                   make_error(ErrorCode::kWrongState, "face", "本平台暂未安装人脸比对模型，请申请人工核验"));
  if (!face_consent_given(*ctx.form))
    return refused(platform, views, ctx, *id, make_error(ErrorCode::kMissingField, "face_consent", kFaceConsentMissing));
  auto file = ctx.form->files.find("capture");
  if (file == ctx.form->files.end() || file->second.bytes.empty())
    return refused(platform, views, ctx, *id, make_error(ErrorCode::kMissingField, "capture", "请拍照或选择本人正面照片"));
  auto outcome = app::verify_face(platform.database(), platform.clock(), platform.cipher(), *verifier,
                                  settings_of(platform), actor_of(ctx), *id, file->second.bytes);
  if (!outcome) return refused(platform, views, ctx, *id, outcome.error());
  if (!outcome->same_person)
    return confirm_page(platform, views, ctx, *id,
                        {{"problem", outcome->message}}, 422);
  return redirect(confirm_url(*id, "face"));
}

// "yes" / "no" / absent for the health declaration; anything else is refused.
Result<std::optional<bool>> health_field(const Form& f) {
  if (!f.has("health_declared")) return std::optional<bool>{};
  const auto v = f.get("health_declared");
  if (v == "yes") return std::optional<bool>{true};
  if (v == "no") return std::optional<bool>{false};
  return fail(ErrorCode::kInvalidValue, "health_declared", "健康声明请选择“是”或“否”");
}

Reply post_fields(app::Platform& platform, const Views& views, RequestContext& ctx) {
  auto id = posted_registration(platform, ctx);
  if (!id) return html_error(views, ctx, id.error());
  const auto& f = *ctx.form;
  app::MissingFieldsForm form;
  if (f.has("address")) form.address = f.get("address");
  if (f.has("emergency_contact_name")) form.emergency_contact_name = f.get("emergency_contact_name");
  if (f.has("emergency_contact_phone")) form.emergency_contact_phone = f.get("emergency_contact_phone");
  if (f.has("employer")) form.employer = f.get("employer");
  auto health = health_field(f);
  if (!health) return refused(platform, views, ctx, *id, health.error());
  form.health_declared = *health;
  auto done = app::complete_missing_fields(platform.database(), platform.clock(), actor_of(ctx), *id, form);
  if (!done) {
    // What the candidate typed is kept in the form (escaped), so one mistake does not erase the rest.
    json typed{{"address", f.get("address")},
               {"emergency_contact_name", f.get("emergency_contact_name")},
               {"emergency_contact_phone", f.get("emergency_contact_phone")},
               {"employer", f.get("employer")}};
    return refused(platform, views, ctx, *id, done.error(), {{"typed", typed}, {"error_field", done.error().field}});
  }
  return redirect(confirm_url(*id, "fields"));
}

Reply post_agree(app::Platform& platform, const Views& views, RequestContext& ctx) {
  auto id = posted_registration(platform, ctx);
  if (!id) return html_error(views, ctx, id.error());
  const auto& f = *ctx.form;
  if (f.get("declaration") != "yes")
    return refused(platform, views, ctx, *id,
                   make_error(ErrorCode::kMissingField, "declaration", "请阅读并勾选报名声明后再点击同意"));
  if (!face_consent_given(f)) return refused(platform, views, ctx, *id,
                                             make_error(ErrorCode::kMissingField, "face_consent", kFaceConsentMissing));
  auto done = app::agree_and_submit(platform.database(), platform.clock(), actor_of(ctx), *id);
  if (!done) return refused(platform, views, ctx, *id, done.error());
  return redirect(confirm_url(*id, "agreed"));
}

}  // namespace

void add_candidate_pages(Routes& routes, app::Platform& platform, const Views& views) {
  routes.get("/me", kCandidate, [&platform, &views](RequestContext& ctx) {
    bool bad = false;
    auto id = chosen_registration(query_registration(ctx), bad);
    if (bad) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "registration", "报名记录不存在"));
    return application_page(platform, views, ctx, "me", "用户中心", id, flash_of(ctx), 200);
  });

  routes.get("/me/confirm", kCandidate, [&platform, &views](RequestContext& ctx) {
    bool bad = false;
    auto id = chosen_registration(query_registration(ctx), bad);
    if (bad) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "registration", "报名记录不存在"));
    return application_page(platform, views, ctx, "me_confirm", "确认报名", id, flash_of(ctx), 200);
  });

  routes.post("/me/confirm/photo", kCandidate,
              [&platform, &views](RequestContext& ctx) { return post_photo(platform, views, ctx); });

  routes.post("/me/confirm/id", kCandidate, [&platform, &views](RequestContext& ctx) {
    auto id = posted_registration(platform, ctx);
    if (!id) return html_error(views, ctx, id.error());
    auto done = app::confirm_id_information(platform.database(), platform.clock(), actor_of(ctx), *id);
    if (!done) return refused(platform, views, ctx, *id, done.error());
    return redirect(confirm_url(*id, "id"));
  });

  routes.post("/me/confirm/face", kCandidate,
              [&platform, &views](RequestContext& ctx) { return post_face(platform, views, ctx); });

  routes.post("/me/confirm/manual-review", kCandidate, [&platform, &views](RequestContext& ctx) {
    auto id = posted_registration(platform, ctx);
    if (!id) return html_error(views, ctx, id.error());
    auto done = app::request_manual_review(platform.database(), platform.clock(), settings_of(platform),
                                           actor_of(ctx), *id);
    if (!done) return refused(platform, views, ctx, *id, done.error());
    return redirect(confirm_url(*id, "manual"));
  });

  routes.post("/me/confirm/fields", kCandidate,
              [&platform, &views](RequestContext& ctx) { return post_fields(platform, views, ctx); });

  routes.post("/me/confirm/agree", kCandidate,
              [&platform, &views](RequestContext& ctx) { return post_agree(platform, views, ctx); });
}

}  // namespace rc::web
