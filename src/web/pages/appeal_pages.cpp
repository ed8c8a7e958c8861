#include "web/pages/appeal_pages.h"

#include "app/results/appeals.h"
#include "app/results/candidate_rights.h"
#include "app/results/result_publication.h"
#include "app/results/result_views.h"
#include "app/results/retake_scheduling.h"
#include "app/results/score_input.h"
#include "app/sittings/assign_candidates.h"
#include <functional>

#include "web/error_status.h"
#include "web/pages/page_support.h"

namespace rc::web {
namespace {

using nlohmann::json;
const Access kStation = only({store::Role::kStation});
const Access kOrganisation = only({store::Role::kOrganisation});

json appeal_json(const app::AppealListing& l) {
  const auto& a = l.appeal;
  const auto& at = l.result.attempt;
  return {{"id", a.id},
          {"attempt_id", a.attempt_id},
          {"name", l.result.candidate_name},
          {"id_number_masked", l.result.id_number_masked},
          {"subject_label", std::string(app::subject_label(at.subject))},
          {"held_on", at.held_on.to_string()},
          {"score", at.score_milli ? app::result_score_text(*at.score_milli) : ""},
          {"outcome_label", std::string(app::outcome_label(at.outcome))},
          {"reason", a.reason},
          {"status", std::string(store::to_text(a.status))},
          {"status_label", std::string(app::appeal_status_label(a.status))},
          {"pending", a.status == store::AppealStatus::kPending},
          {"decision_reason", a.decision_reason.value_or("")}};
}

Reply appeals_page(app::Platform& platform, const Views& views, const RequestContext& ctx, json data = json::object(),
                   int status = 200) {
  auto list = app::station_appeals(platform.database(), platform.clock(), actor_of(ctx));
  if (!list) return html_error(views, ctx, list.error());
  json rows = json::array();
  for (const auto& l : *list) rows.push_back(appeal_json(l));
  data["appeals"] = rows;
  data["none"] = rows.empty();
  if (query_value(ctx, "done") == "decided") data["flash"] = "已登记复核结果，考生的补考/重考权利已按全部记录重新计算（D13）。";
  return html_page(views, ctx, "appeals_station", "成绩复核", data, status);
}

json right_json(const char* subject, const char* code, const rules::SubjectDecision& d) {
  return {{"subject", code},
          {"subject_label", subject},
          {"status_label", std::string(app::subject_status_label(d.status))},
          {"rule", d.rule},
          {"deadline", d.deadline ? d.deadline->to_string() : ""},
          {"kind_label", d.kind ? std::string(rules::name_zh(*d.kind)) : ""},
          {"schedulable", d.status == rules::SubjectStatus::kRetakeAvailable}};
}

Reply retakes_page(app::Platform& platform, const Views& views, const RequestContext& ctx, json data = json::object(),
                   int status = 200) {
  const app::Actor actor = actor_of(ctx);
  auto list = app::candidates_with_rights(platform.database(), platform.policies(), platform.clock(), actor);
  if (!list) return html_error(views, ctx, list.error());
  json rows = json::array();
  for (const auto& c : list->candidates) {
    json placed = json::array();
    for (const auto& p : c.placements)
      placed.push_back({{"sitting_id", p.sitting_id},
                        {"subject_label", std::string(app::subject_label(p.subject))},
                        {"kind_label", std::string(app::attempt_kind_label(p.kind))},
                        {"rule", p.rule}});
    rows.push_back({{"registration_id", c.registration.id},
                    {"name", c.name},
                    {"id_number_masked", c.id_number_masked},
                    {"status_label", std::string(app::rights_status_label(c.decision.registration_status))},
                    {"reregister", c.decision.reregistration_required},
                    {"can_reregister", c.decision.reregistration_required && actor.role == store::Role::kOrganisation},
                    {"rights", json::array({right_json("理论知识考试", "theory", c.decision.theory),
                                            right_json("技能考核", "practical", c.decision.practical)})},
                    {"placements", placed}});
  }
  json sittings = json::array();
  for (const auto& s : list->later_sittings) sittings.push_back({{"id", s.id}, {"held_on", s.held_on.to_string()}});
  data["candidates"] = rows;
  data["none"] = rows.empty();
  data["sittings"] = sittings;
  data["no_sittings"] = sittings.empty();
  data["base"] = actor.role == store::Role::kStation ? "/station/retakes" : "/org/retakes";
  const std::string done = query_value(ctx, "done");
  if (done == "scheduled") data["flash"] = "已安排补考（免费，D15），由鉴定站分配座位。";
  if (done == "seated") data["flash"] = "已安排补考（免费，D15）并分配座位、生成准考证号。";
  if (done == "reregistered") data["flash"] = "已重新报名，须缴纳考务费；鉴定站登记已缴费后方可审核通过（D15）。";
  return html_page(views, ctx, "retakes", "补考安排", data, status);
}

Reply refused(const Views& views, const RequestContext& ctx, const Error& e,
              const std::function<Reply(json, int)>& again) {
  if (needs_error_page(e)) return html_error(views, ctx, e);
  return again({{"problem", e.message}, {"code", std::string(code_name(e.code))}}, http_status(e.code));
}

}  // namespace

void add_appeal_pages(Routes& routes, app::Platform& platform, const Views& views) {
  routes.get("/station/appeals", kStation,
             [&platform, &views](RequestContext& ctx) { return appeals_page(platform, views, ctx); });
  routes.post("/station/appeals/:id(\\d+)", kStation, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "复核申请不存在"));
    const auto& f = *ctx.form;
    app::AppealDecision d{*id, f.get("outcome") == "corrected", std::nullopt, f.get("reason")};
    auto again = [&](json data, int status) { return appeals_page(platform, views, ctx, std::move(data), status); };
    if (d.corrected) {
      auto score = app::parse_score_milli(f.get("score"), "score");
      if (!score) return refused(views, ctx, score.error(), again);
      d.new_score_milli = *score;
    } else if (f.get("outcome") != "upheld") {
      return refused(views, ctx, make_error(ErrorCode::kInvalidValue, "outcome", "请选择复核结果"), again);
    }
    auto r = app::decide_appeal(platform.database(), platform.policies(), platform.clock(), actor_of(ctx), d);
    if (!r) return refused(views, ctx, r.error(), again);
    return redirect("/station/appeals?done=decided");
  });
  for (const auto& [base, access] : {std::pair{"/station/retakes", kStation}, std::pair{"/org/retakes", kOrganisation}}) {
    routes.get(base, access, [&platform, &views](RequestContext& ctx) { return retakes_page(platform, views, ctx); });
    routes.post(base, access, [&platform, &views, base](RequestContext& ctx) {
      const auto& f = *ctx.form;
      auto again = [&](json data, int status) { return retakes_page(platform, views, ctx, std::move(data), status); };
      auto reg = parse_id(f.get("registration_id"));
      auto sitting = parse_id(f.get("sitting_id"));
      auto subject = store::enum_from_text<store::Subject>(f.get("subject"));
      if (!reg || !sitting || !subject)
        return refused(views, ctx, make_error(ErrorCode::kInvalidValue, "sitting_id", "请选择考生、科目和场次"), again);
      const app::Actor actor = actor_of(ctx);
      auto r = app::schedule_retake(platform.database(), platform.policies(), platform.clock(), actor,
                                    {*reg, *sitting, *subject});
      if (!r) return refused(views, ctx, r.error(), again);
      if (actor.role != store::Role::kStation) return redirect(std::string(base) + "?done=scheduled");
      // The station also seats the candidate at once, through the seat plan (F6; the seat records
      // 补考 for every subject the rules allow there). A refusal (no free seat, a closed sitting)
      // keeps the placement: the station seats them from the sitting's plan later.
      auto seated = app::assign_candidates(platform.database(), platform.clock(), platform.policies(), platform.random(),
                                           actor, *sitting, {*reg});
      if (!seated)
        return again({{"flash", "已登记补考安排（免费，D15），但未能分配座位：" + seated.error().message}}, 200);
      return redirect(std::string(base) + "?done=seated");
    });
  }
  routes.post("/org/reregister", kOrganisation, [&platform, &views](RequestContext& ctx) {
    auto again = [&](json data, int status) { return retakes_page(platform, views, ctx, std::move(data), status); };
    auto reg = parse_id(ctx.form->get("registration_id"));
    if (!reg) return refused(views, ctx, make_error(ErrorCode::kInvalidValue, "registration_id", "请选择考生"), again);
    auto r = app::re_register(platform.database(), platform.policies(), platform.clock(), actor_of(ctx), *reg);
    if (!r) return refused(views, ctx, r.error(), again);
    return redirect("/org/retakes?done=reregistered");
  });
}

}  // namespace rc::web
