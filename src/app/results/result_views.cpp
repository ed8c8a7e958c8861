#include "app/results/result_views.h"

#include "sheet/xlsx_writer.h"
#include "store/result_repository.h"
#include "store/sitting_repository.h"
#include "store/station_repository.h"

namespace rc::app {
namespace {

ResultLine line_for(store::ResultRow row, CivilDate today, bool station) {
  ResultLine l;
  l.state = publication_state(row.publish_on, today);
  l.visible = station || l.state == PublicationState::kPublished;
  if (!l.visible) {  // R8: nothing of the result leaves the app layer before publication
    row.attempt.outcome = store::Outcome::kPending;
    row.attempt.score_milli.reset();
  }
  l.row = std::move(row);
  return l;
}

Result<std::vector<ResultLine>> lines_for(Result<std::vector<store::ResultRow>> rows, CivilDate today, bool station) {
  if (!rows) return fail(rows.error());
  std::vector<ResultLine> out;
  out.reserve(rows->size());
  for (auto& r : *rows) out.push_back(line_for(std::move(r), today, station));
  return out;
}

Result<SittingResults> summary_of(const PolicyCatalog& policies, store::SittingResultSummary s, CivilDate today) {
  SittingResults out;
  out.state = publication_state(s.publish_on, today);
  if (!s.publish_on) {
    auto day = publication_day(policies, s.sitting.held_on);
    if (!day) return fail(day.error());
    out.expected_publish_on = *day;
  }
  out.summary = std::move(s);
  return out;
}

Result<SittingResults> own_sitting(store::Transaction& tx, const PolicyCatalog& policies, const Actor& actor,
                                   store::Id sitting_id, CivilDate today) {
  if (actor.role != store::Role::kStation) return fail(ErrorCode::kForbidden, "role", "只有鉴定站可以查看场次成绩");
  auto sittings = store::ResultRepository(tx).sittings_of_station(actor.entity_id);
  if (!sittings) return fail(sittings.error());
  for (auto& s : *sittings)
    if (s.sitting.id == sitting_id) {
      auto out = summary_of(policies, std::move(s), today);
      if (!out) return out;
      auto lines = lines_for(store::ResultRepository(tx).by_sitting(sitting_id), today, true);
      if (!lines) return fail(lines.error());
      out->lines = std::move(*lines);
      return out;
    }
  auto sitting = store::SittingRepository(tx).find(sitting_id);
  if (!sitting) return fail(sitting.error());
  if (sitting->station_id != actor.entity_id)
    return fail(ErrorCode::kForbidden, "sitting_id", "该场次不属于本鉴定站");
  return fail(ErrorCode::kNotFound, "sitting_id", "该场次尚无考试成绩");
}

}  // namespace

std::string_view attempt_kind_label(store::AttemptKind k) {
  switch (k) {
    case store::AttemptKind::kFirst: return "首次";
    case store::AttemptKind::kOnsiteRetake: return "现场补考";
    case store::AttemptKind::kRetake: return "补考";
    case store::AttemptKind::kMakeup: return "缺考补考";
  }
  return "";
}

std::string_view outcome_label(store::Outcome o) {
  switch (o) {
    case store::Outcome::kPending: return "待评分";
    case store::Outcome::kPass: return "合格";
    case store::Outcome::kFail: return "不合格";
    case store::Outcome::kAbsent: return "缺考";
    case store::Outcome::kDeclined: return "放弃";
    case store::Outcome::kVoid: return "成绩无效";
  }
  return "";
}

Result<std::vector<ResultLine>> candidate_results(store::Database& db, const Clock& clock, const Actor& actor) {
  if (actor.role != store::Role::kCandidate) return fail(ErrorCode::kForbidden, "role", "只有考生本人可以查询成绩");
  const CivilDate today = china_date(clock.now());
  return db.read([&](store::Transaction& tx) {
    return lines_for(store::ResultRepository(tx).by_candidate(actor.entity_id), today, false);
  });
}

Result<ResultLine> candidate_result(store::Database& db, const Clock& clock, const Actor& actor, store::Id attempt_id) {
  if (actor.role != store::Role::kCandidate) return fail(ErrorCode::kForbidden, "role", "只有考生本人可以查询成绩");
  const CivilDate today = china_date(clock.now());
  return db.read([&](store::Transaction& tx) -> Result<ResultLine> {
    auto row = store::ResultRepository(tx).by_attempt(attempt_id);
    if (!row) return fail(row.error());
    if (row->candidate_id != actor.entity_id) return fail(ErrorCode::kNotFound, "id", "成绩不存在");
    ResultLine l = line_for(std::move(*row), today, false);
    if (!l.visible) {
      std::string when = l.row.publish_on ? "，将于 " + l.row.publish_on->to_string() + " 公布" : "";
      return fail(ErrorCode::kResultNotPublished, "id", "成绩尚未公布" + when + "（R8、D17）", "R8");
    }
    return l;
  });
}

Result<std::vector<ResultLine>> organisation_results(store::Database& db, const Clock& clock, const Actor& actor) {
  if (actor.role != store::Role::kOrganisation)
    return fail(ErrorCode::kForbidden, "role", "只有集体申报单位可以查看本单位考生成绩");
  const auto now = to_timestamp(clock.now());
  const CivilDate today = china_date(now);
  return db.transaction([&](store::Transaction& tx) -> Result<std::vector<ResultLine>> {
    auto lines = lines_for(store::ResultRepository(tx).by_organisation(actor.entity_id), today, false);
    if (!lines) return lines;
    std::size_t shown = 0;
    for (const auto& l : *lines) shown += l.visible ? 1 : 0;
    nlohmann::json detail{{"lines", lines->size()}, {"scores_shown", shown}};
    if (auto a = audit(tx, actor, now, {"results.organisation_view", "organisation", actor.entity_id, detail, true}); !a)
      return fail(a.error());
    return lines;
  });
}

Result<std::vector<SittingResults>> station_sittings(store::Database& db, const PolicyCatalog& policies,
                                                     const Clock& clock, const Actor& actor) {
  if (actor.role != store::Role::kStation) return fail(ErrorCode::kForbidden, "role", "只有鉴定站可以查看场次成绩");
  const CivilDate today = china_date(clock.now());
  return db.read([&](store::Transaction& tx) -> Result<std::vector<SittingResults>> {
    auto sittings = store::ResultRepository(tx).sittings_of_station(actor.entity_id);
    if (!sittings) return fail(sittings.error());
    std::vector<SittingResults> out;
    for (auto& s : *sittings) {
      auto one = summary_of(policies, std::move(s), today);
      if (!one) return fail(one.error());
      out.push_back(std::move(*one));
    }
    return out;
  });
}

Result<SittingResults> station_sitting_results(store::Database& db, const PolicyCatalog& policies, const Clock& clock,
                                               const Actor& actor, store::Id sitting_id) {
  const auto now = to_timestamp(clock.now());
  const CivilDate today = china_date(now);
  return db.transaction([&](store::Transaction& tx) -> Result<SittingResults> {
    auto out = own_sitting(tx, policies, actor, sitting_id, today);
    if (!out) return out;
    nlohmann::json detail{{"lines", out->lines.size()}, {"state", std::string(publication_code(out->state))}};
    if (auto a = audit(tx, actor, now, {"results.sitting_view", "sitting", sitting_id, detail, true}); !a)
      return fail(a.error());
    return out;
  });
}

Result<ResultsFile> sitting_results_workbook(store::Database& db, const PolicyCatalog& policies, const Clock& clock,
                                             const Actor& actor, store::Id sitting_id) {
  const auto now = to_timestamp(clock.now());
  const CivilDate today = china_date(now);
  return db.transaction([&](store::Transaction& tx) -> Result<ResultsFile> {
    auto out = own_sitting(tx, policies, actor, sitting_id, today);
    if (!out) return fail(out.error());
    auto station = store::StationRepository(tx).find(actor.entity_id);
    if (!station) return fail(station.error());
    sheet::WorkbookSpec spec;
    spec.sheet_name = "成绩";
    for (const char* title : {"序号", "姓名", "证件号码", "报名单位", "科目", "类别", "成绩", "结果", "考试日期", "公布状态"})
      spec.columns.push_back({title, 14, true, {}});
    const std::string state(publication_label(out->state));
    for (const auto& l : out->lines) {
      const auto& a = l.row.attempt;
      spec.rows.push_back({std::to_string(spec.rows.size() + 1), l.row.candidate_name, l.row.id_number_masked,
                           l.row.organisation_name, std::string(subject_label(a.subject)),
                           std::string(attempt_kind_label(a.kind)),
                           a.score_milli ? result_score_text(*a.score_milli) : "", std::string(outcome_label(a.outcome)),
                           a.held_on.to_string(), state});
    }
    auto xlsx = sheet::write_xlsx(spec);
    if (!xlsx) return fail(xlsx.error());
    nlohmann::json detail{{"lines", out->lines.size()}, {"state", std::string(publication_code(out->state))}};
    if (auto a = audit(tx, actor, now, {"results.sitting_export", "sitting", sitting_id, detail, true}); !a)
      return fail(a.error());
    return ResultsFile{"成绩_" + station->code + "_" + out->summary.sitting.held_on.to_string() + "_" +
                           std::to_string(sitting_id) + ".xlsx",
                       std::move(*xlsx)};
  });
}

}  // namespace rc::app
