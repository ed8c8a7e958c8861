#include "web/pages/results_pages.h"

#include "app/results/appeals.h"
#include "app/results/candidate_rights.h"
#include "app/results/result_views.h"
#include "app/rules_evaluation.h"
#include "web/error_status.h"
#include "web/pages/appeal_pages.h"
#include "web/pages/certificate_support.h"
#include "web/pages/page_support.h"

namespace rc::web {
namespace {

using nlohmann::json;
const Access kCandidate = only({store::Role::kCandidate});
const Access kOrganisation = only({store::Role::kOrganisation});
const Access kStation = only({store::Role::kStation});

json line_json(const app::ResultLine& l, bool with_candidate) {
  const auto& a = l.row.attempt;
  json j{{"attempt_id", a.id},
         {"sitting_id", a.sitting_id},
         {"held_on", a.held_on.to_string()},
         {"station", l.row.station_name},
         {"subject", std::string(store::to_text(a.subject))},
         {"subject_label", std::string(app::subject_label(a.subject))},
         {"kind_label", std::string(app::attempt_kind_label(a.kind))},
         {"published", l.visible},
         {"state", std::string(app::publication_code(l.state))},
         {"state_label", std::string(app::publication_label(l.state))},
         {"publish_on", l.row.publish_on ? l.row.publish_on->to_string() : ""}};
  if (l.visible) {
    j["outcome"] = std::string(store::to_text(a.outcome));
    j["outcome_label"] = std::string(app::outcome_label(a.outcome));
    j["passed"] = a.outcome == store::Outcome::kPass;
    j["score"] = a.score_milli ? app::result_score_text(*a.score_milli) : "";
  }
  if (with_candidate) {
    j["name"] = l.row.candidate_name;
    j["id_number_masked"] = l.row.id_number_masked;
    j["organisation"] = l.row.organisation_name;
  }
  return j;
}

json lines_json(const std::vector<app::ResultLine>& lines, bool with_candidate) {
  json rows = json::array();
  for (const auto& l : lines) rows.push_back(line_json(l, with_candidate));
  return rows;
}

json sitting_json(const app::SittingResults& s) {
  const auto& t = s.summary.sitting;
  const auto publish_on = s.summary.publish_on ? s.summary.publish_on : s.expected_publish_on;
  std::string note;
  if (s.state == app::PublicationState::kIncomplete)
    note = "成绩未齐（尚有 " + std::to_string(s.summary.pending) + " 项待评分），预计 " +
           (publish_on ? publish_on->to_string() : std::string("—")) + " 公布";
  else if (s.state == app::PublicationState::kScheduled)
    note = "将于 " + s.summary.publish_on->to_string() + " 00:00 公布";
  else
    note = "已于 " + s.summary.publish_on->to_string() + " 公布";
  return {{"id", t.id},
          {"held_on", t.held_on.to_string()},
          {"attempts", s.summary.attempts},
          {"pending", s.summary.pending},
          {"state", std::string(app::publication_code(s.state))},
          {"state_label", std::string(app::publication_label(s.state))},
          {"published", s.state == app::PublicationState::kPublished},
          {"note", note}};
}

Reply candidate_results_page(app::Platform& platform, const Views& views, const RequestContext& ctx,
                             json data = json::object(), int status = 200) {
  auto lines = app::candidate_results(platform.database(), platform.clock(), actor_of(ctx));
  if (!lines) return html_error(views, ctx, lines.error());
  auto appeals = app::candidate_appeals(platform.database(), actor_of(ctx));
  if (!appeals) return html_error(views, ctx, appeals.error());
  json rows = lines_json(*lines, false);
  json appeal_rows = json::array();
  for (const auto& a : *appeals)
    appeal_rows.push_back({{"id", a.appeal.id},
                           {"subject_label", std::string(app::subject_label(a.result.attempt.subject))},
                           {"held_on", a.result.attempt.held_on.to_string()},
                           {"reason", a.appeal.reason},
                           {"status_label", std::string(app::appeal_status_label(a.appeal.status))},
                           {"decision_reason", a.appeal.decision_reason.value_or("")}});
  data["results"] = rows;
  data["none"] = rows.empty();
  data["appeals"] = appeal_rows;
  data["has_appeals"] = !appeal_rows.empty();
  if (query_value(ctx, "done") == "appeal") data["flash"] = "复核申请已提交，鉴定站复核后结果会显示在这里。";
  return html_page(views, ctx, "results_me", "成绩查询", data, status);
}

json subject_right_json(const char* label, const rules::SubjectDecision& d) {
  json j{{"subject_label", label},
         {"status", std::string(rules::code(d.status))},
         {"status_label", std::string(app::subject_status_label(d.status))},
         {"rule", d.rule},
         {"deadline", d.deadline ? d.deadline->to_string() : ""},
         {"kind_label", d.kind ? std::string(rules::name_zh(*d.kind)) : ""},
         {"valid_until", d.valid_until ? d.valid_until->to_string() : ""},
         {"free_label", d.free ? (*d.free ? "免费" : "须缴费") : ""},
         {"has_right", d.status == rules::SubjectStatus::kRetakeAvailable ||
                           d.status == rules::SubjectStatus::kOnsiteRetakeAvailable}};
  return j;
}

Reply rights_page(app::Platform& platform, const Views& views, const RequestContext& ctx) {
  auto rights = app::candidate_rights(platform.database(), platform.policies(), platform.clock(), actor_of(ctx));
  if (!rights) return html_error(views, ctx, rights.error());
  json data{{"none", !rights->has_value()}, {"held", *rights && (*rights)->held}};
  if (*rights && !(*rights)->held) {
    const auto& d = (*rights)->decision;
    data["registration_status"] = std::string(rules::code(d.registration_status));
    data["registration_status_label"] = std::string(app::rights_status_label(d.registration_status));
    data["reregistration_required"] = d.reregistration_required;
    data["policy"] = d.policy_id;
    data["registered_on"] = (*rights)->registration.registered_on.to_string();
    data["subjects"] = json::array({subject_right_json("理论知识考试", d.theory), subject_right_json("技能考核", d.practical)});
    data["explanation"] = d.explanation;
  }
  return html_page(views, ctx, "rights_me", "我的补考/重考权利", data);
}

Reply station_results_page(app::Platform& platform, const Views& views, const RequestContext& ctx) {
  auto list = app::station_sittings(platform.database(), platform.policies(), platform.clock(), actor_of(ctx));
  if (!list) return html_error(views, ctx, list.error());
  json rows = json::array();
  for (const auto& s : *list) rows.push_back(sitting_json(s));
  return html_page(views, ctx, "results_station", "成绩管理", {{"sittings", rows}, {"none", rows.empty()}});
}

Reply station_sitting_page(app::Platform& platform, const Views& views, const RequestContext& ctx) {
  auto id = id_param(ctx);
  if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "场次不存在"));
  auto s = app::station_sitting_results(platform.database(), platform.policies(), platform.clock(), actor_of(ctx), *id);
  if (!s) return html_error(views, ctx, s.error());
  json data = sitting_json(*s);
  data["results"] = lines_json(s->lines, true);
  return html_page(views, ctx, "results_sitting", "场次成绩", data);
}

}  // namespace

void add_results_pages(Routes& routes, app::Platform& platform, const Views& views) {
  routes.get("/me/results", kCandidate,
             [&platform, &views](RequestContext& ctx) { return candidate_results_page(platform, views, ctx); });
  routes.post("/me/results/:id(\\d+)/appeal", kCandidate, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "成绩不存在"));
    auto r = app::request_appeal(platform.database(), platform.clock(), actor_of(ctx), {*id, ctx.form->get("reason")});
    if (!r) {
      if (needs_error_page(r.error())) return html_error(views, ctx, r.error());
      return candidate_results_page(platform, views, ctx,
                                    {{"problem", r.error().message}, {"code", std::string(code_name(r.error().code))}},
                                    http_status(r.error().code));
    }
    return redirect("/me/results?done=appeal");
  });
  routes.get("/api/v1/me/results", kCandidate, [&platform](RequestContext& ctx) {
    auto lines = app::candidate_results(platform.database(), platform.clock(), actor_of(ctx));
    if (!lines) return error_reply(lines.error());
    return json_reply(200, {{"results", lines_json(*lines, false)}});
  });
  routes.get("/api/v1/me/results/:id(\\d+)", kCandidate, [&platform](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return error_reply(make_error(ErrorCode::kNotFound, "id", "成绩不存在"));
    auto line = app::candidate_result(platform.database(), platform.clock(), actor_of(ctx), *id);
    if (!line) return error_reply(line.error());
    return json_reply(200, line_json(*line, false));
  });
  routes.get("/me/rights", kCandidate, [&platform, &views](RequestContext& ctx) { return rights_page(platform, views, ctx); });
  routes.get("/api/v1/me/rights", kCandidate, [&platform](RequestContext& ctx) {
    auto rights = app::candidate_rights(platform.database(), platform.policies(), platform.clock(), actor_of(ctx));
    if (!rights) return error_reply(rights.error());
    if (!*rights) return json_reply(200, {{"registration", nullptr}});
    if ((*rights)->held) return json_reply(200, {{"registration_id", (*rights)->registration.id}, {"held", true}});
    return json_reply(200, {{"registration_id", (*rights)->registration.id},
                            {"decision", app::render_decision((*rights)->decision)}});
  });
  routes.get("/org/results", kOrganisation, [&platform, &views](RequestContext& ctx) {
    auto lines = app::organisation_results(platform.database(), platform.clock(), actor_of(ctx));
    if (!lines) return html_error(views, ctx, lines.error());
    json rows = lines_json(*lines, true);
    return html_page(views, ctx, "results_org", "考生成绩", {{"results", rows}, {"none", rows.empty()}});
  });
  routes.get("/station/results", kStation,
             [&platform, &views](RequestContext& ctx) { return station_results_page(platform, views, ctx); });
  routes.get("/station/results/:id(\\d+)", kStation,
             [&platform, &views](RequestContext& ctx) { return station_sitting_page(platform, views, ctx); });
  routes.get("/station/results/:id(\\d+)/export.xlsx", kStation, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "场次不存在"));
    auto file = app::sitting_results_workbook(platform.database(), platform.policies(), platform.clock(), actor_of(ctx), *id);
    if (!file) return html_error(views, ctx, file.error());
    return file_reply("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file->file_name,
                      std::move(file->bytes));
  });
  add_appeal_pages(routes, platform, views);
}

}  // namespace rc::web
