#include "app/practical/submit_score_sheet.h"

#include "app/practical/open_practical.h"
#include "app/practical/practical_support.h"
#include "app/results/attempt_outcome.h"
#include "store/practical_repository.h"

namespace rc::app {
namespace {

Result<practical::CombinedResult> decide(store::Transaction& tx, const LoadedDraw& loaded,
                                         const std::vector<store::PracticalSheet>& rows, const Actor& actor,
                                         store::Timestamp at) {
  std::vector<practical::ScoreSheet> sheets;
  for (const auto& r : rows) {
    auto s = practical::sheet_from_json(nlohmann::json::parse(r.sheet_json, nullptr, false));
    if (!s) return fail(s.error());
    sheets.push_back(std::move(*s));
  }
  auto combined = practical::combine_sheets(*loaded.scheme, loaded.draw, sheets);
  if (!combined) return fail(combined.error());
  // The practical row of the rules history for this draw (R12): the pending one recorded when the
  // candidate was seated or checked in gets its outcome; otherwise a row is added.
  store::Attempt outcome;
  outcome.registration_id = loaded.row.registration_id;
  outcome.sitting_id = loaded.row.sitting_id;
  outcome.subject = store::Subject::kPractical;
  outcome.kind = loaded.row.attempt_kind;
  outcome.outcome = combined->passed ? store::Outcome::kPass : store::Outcome::kFail;
  outcome.score_milli = combined->score_milli;
  outcome.recorded_at = at;
  outcome.recorded_by = actor.user_id;
  auto attempt = record_attempt_outcome(tx, outcome);
  if (!attempt) return fail(attempt.error());
  store::PracticalResult res;
  res.draw_id = loaded.row.id;
  res.method = std::string(practical::combine_method_text(combined->method));
  res.examiner_count = combined->examiners;
  res.total_num = combined->total_num;
  res.total_den = combined->total_den;
  res.display_tenths = combined->display_tenths;
  res.passed = combined->passed;
  res.vetoed = combined->vetoed;
  res.detail_json = combined->detail_json().dump();
  res.attempt_id = *attempt;
  res.decided_at = at;
  store::PracticalRepository repo(tx);
  auto id = repo.insert_result(res);
  if (!id) return fail(id.error());
  if (auto r = repo.release_claim(loaded.row.sitting_id, loaded.row.registration_id); !r) return fail(r.error());
  // The score stays out of the trail's detail: it is held until publication (R8).
  nlohmann::json detail{{"draw", loaded.row.id}, {"attempt", *attempt}, {"examiners", combined->examiners},
                        {"divergent", combined->divergent}};
  if (auto a = audit(tx, actor, at, {"practical.result", "practical_result", *id, std::move(detail)}); !a)
    return fail(a.error());
  return *combined;
}

}  // namespace

Result<SheetOutcome> submit_score_sheet(store::Database& db, const Clock& clock, const Actor& actor, store::Id draw_id,
                                        const practical::ScoreSheet& sheet) {
  const auto at = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<SheetOutcome> {
    auto loaded = load_draw(tx, draw_id);
    if (!loaded) return fail(loaded.error());
    const auto& d = loaded->row;
    auto group = require_room_examiner(tx, actor, d.sitting_id, d.room_id);
    if (!group) return fail(group.error());
    store::PracticalRepository repo(tx);
    auto done = repo.result_of(draw_id);
    if (!done) return fail(done.error());
    if (*done) return fail(ErrorCode::kWrongState, "draw", "该考生的技能考核已评分完毕，不能再提交评分表");
    if (auto n = loaded->scheme->check_examiner_count(static_cast<int>(group->examiners.size())); !n) return fail(n.error());
    // Renewing the claim updates its row first: on PostgreSQL that row lock makes the group's
    // last two sheets take turns, so the later one counts the earlier (committed) sheet and the
    // result is decided exactly once (SQLite writers are serialised anyway).
    if (auto c = claim_candidate(tx, actor, *loaded->scheme, d.sitting_id, d.registration_id, d.room_id, at); !c)
      return fail(c.error());
    if (auto r = practical::check_sheet(*loaded->scheme, loaded->draw, sheet); !r) return fail(r.error());
    store::PracticalSheet row{0, draw_id, actor.user_id, d.room_id, practical::sheet_to_json(sheet).dump(), at};
    auto id = repo.insert_sheet(row);
    if (!id) {
      if (id.error().code == ErrorCode::kConflict)
        return fail(ErrorCode::kConflict, "sheet", "您已提交过该考生的评分表，评分表提交后不能修改");
      return fail(id.error());
    }
    if (auto a = audit(tx, actor, at, {"practical.sheet", "practical_sheet", *id, {{"draw", draw_id}}}); !a)
      return fail(a.error());
    auto rows = repo.sheets_of(draw_id);
    if (!rows) return fail(rows.error());
    SheetOutcome out{static_cast<int>(rows->size()), static_cast<int>(group->examiners.size()), std::nullopt};
    if (out.submitted < out.needed) return out;
    auto result = decide(tx, *loaded, *rows, actor, at);
    if (!result) return fail(result.error());
    out.result = std::move(*result);
    return out;
  });
}

}  // namespace rc::app
