// The practical assessment on both backends (F12, R7): the draw recorded and reproducible, three
// examiners combined into the rules history, the claim of one group, the odd-number rule, veto
// items, permission and append-only evidence.
#include "app/practical/open_practical.h"

#include <thread>

#include "app/practical/practical_view.h"
#include "practical_fixture.h"
#include "store/storage_error.h"
#include "store/store_fixture.h"

namespace rc::app::testing {
namespace {

TEST_P(PracticalTest, TheDrawIsRecordedWithItsSeedAndTimeAndReplaysForAudit) {
  const store::Id id = open(0);
  ASSERT_NE(id, 0);
  auto l = loaded(id);
  EXPECT_EQ(l.row.drawn_by, examiners_[0]);
  EXPECT_EQ(l.row.drawn_at, to_timestamp(clock_.now()));
  EXPECT_EQ(l.row.attempt_kind, store::AttemptKind::kFirst);
  EXPECT_EQ(l.row.seed, std::to_string(SeededRandom(1000).next_u64()));
  EXPECT_TRUE(practical::redraw_matches(*l.scheme, l.draw));  // recomputed from the recorded seed
  EXPECT_EQ(l.draw.items.size(), 2u);
  // Opening again (another examiner of the group) shows the same draw, never a new one.
  EXPECT_EQ(open(0, room_a_, 1), id);
  EXPECT_EQ(loaded(id).row.seed, l.row.seed);
}

TEST_P(PracticalTest, ThreeExaminersSheetsAreCombinedIntoThePracticalHistory) {
  const store::Id id = open(0);
  auto first = submit_score_sheet(db(), clock_, examiner(0), id, sheet(id, 100));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->submitted, 1);
  EXPECT_EQ(first->needed, 3);
  EXPECT_FALSE(first->result);
  EXPECT_TRUE(history(0).empty());  // nothing decided before the group is complete
  auto last = score(id, {sheet(id, 50), sheet(id, 60)}, 1);
  ASSERT_TRUE(last) << last.error().message;
  ASSERT_TRUE(last->result);
  EXPECT_EQ(last->result->display(), "60.0");  // the median of 100/50/60 per item, exactly 60: pass
  EXPECT_TRUE(last->result->passed);
  auto h = history(0);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].subject, store::Subject::kPractical);
  EXPECT_EQ(h[0].kind, store::AttemptKind::kFirst);
  EXPECT_EQ(h[0].outcome, store::Outcome::kPass);
  EXPECT_EQ(h[0].score_milli, 60000);
  auto stored = db().read([&](store::Transaction& tx) { return store::PracticalRepository(tx).result_of(id); });
  ASSERT_TRUE(stored && *stored);
  EXPECT_EQ((*stored)->attempt_id, h[0].id);
  EXPECT_EQ((*stored)->method, "median");
  EXPECT_TRUE(nlohmann::json::parse((*stored)->detail_json)["divergent"].get<bool>());  // 100 vs 50
  auto claim = db().read([&](store::Transaction& tx) {
    return store::PracticalRepository(tx).claim_of(sitting_, registrations_[0]);
  });
  ASSERT_TRUE(claim);
  EXPECT_FALSE(*claim);  // released with the result
}

TEST_P(PracticalTest, APendingHistoryRowFromCheckInGetsTheOutcome) {
  ASSERT_TRUE(in_tx([&](store::Transaction& tx) -> Result<store::Id> {
    store::Attempt a;
    a.registration_id = registrations_[0];
    a.sitting_id = sitting_;
    a.subject = store::Subject::kPractical;
    a.kind = store::AttemptKind::kFirst;
    a.recorded_at = store::testing::kT0;
    return store::AttemptRepository(tx).record(a);
  }));
  const store::Id id = open(0);
  ASSERT_TRUE(score(id, {sheet(id, 40), sheet(id, 40), sheet(id, 40)}));
  auto h = history(0);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].outcome, store::Outcome::kFail);
  EXPECT_EQ(h[0].score_milli, 40000);
}

TEST_P(PracticalTest, AnotherGroupCannotScoreAClaimedCandidate) {
  const store::Id id = open(0);
  SeededRandom random(5);
  auto other = open_practical(db(), clock_, random, *policies_, examiner(3), sitting_, room_b_, ticket(0));
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kPracticalClaimed);
  // Nor can an examiner of room B submit a sheet for room A's draw.
  auto sheet_b = submit_score_sheet(db(), clock_, examiner(3), id, sheet(id, 80));
  ASSERT_FALSE(sheet_b);
  EXPECT_EQ(sheet_b.error().code, ErrorCode::kForbidden);
}

TEST_P(PracticalTest, AClaimExpiresAfterTheSchemesMinutes) {
  const auto at = to_timestamp(clock_.now());
  auto claim = [&](store::Id room_id, store::Timestamp when) {
    return db().transaction([&](store::Transaction& tx) {
      return store::PracticalRepository(tx).claim(
          {sitting_, registrations_[1], room_id, examiners_[0], when, when + std::chrono::minutes(30)});
    });
  };
  ASSERT_TRUE(claim(room_a_, at));
  ASSERT_TRUE(claim(room_a_, at + std::chrono::minutes(1)));  // the same group renews
  auto busy = claim(room_b_, at + std::chrono::minutes(30));
  ASSERT_FALSE(busy);
  EXPECT_EQ(busy.error().code, ErrorCode::kPracticalClaimed);
  EXPECT_TRUE(claim(room_b_, at + std::chrono::minutes(31)));  // expired: another group may take over
}

TEST_P(PracticalTest, AGroupOfTwoOrFourExaminersCannotScore) {
  for (auto [room_id, as] : {std::pair{room_two_, 6}, std::pair{room_four_, 8}}) {
    SeededRandom random(5);
    auto o = open_practical(db(), clock_, random, *policies_, examiner(as), sitting_, room_id, ticket(2));
    ASSERT_FALSE(o);
    EXPECT_EQ(o.error().code, ErrorCode::kPracticalExaminers);
  }
}

TEST_P(PracticalTest, AVetoMarkedByTheMajorityFailsFullMarks) {
  const store::Id id = open(1);
  auto vetoed = sheet(id, 100);
  vetoed.vetoes.insert("cpr_abdomen");
  auto r = score(id, {vetoed, vetoed, sheet(id, 100)});
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_TRUE(r->result);
  EXPECT_TRUE(r->result->vetoed);
  EXPECT_FALSE(r->result->passed);
  auto h = history(1);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].outcome, store::Outcome::kFail);
}

TEST_P(PracticalTest, RefusalsChangeNothing) {
  const store::Id id = open(0);
  ASSERT_TRUE(submit_score_sheet(db(), clock_, examiner(0), id, sheet(id, 70)));
  auto again = submit_score_sheet(db(), clock_, examiner(0), id, sheet(id, 90));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto partial = sheet(id, 70);
  partial.line_tenths.erase("cpr.quality");
  auto bad = submit_score_sheet(db(), clock_, examiner(1), id, partial);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "lines.cpr.quality");
  SeededRandom random(1);
  auto unknown = open_practical(db(), clock_, random, *policies_, examiner(0), sitting_, room_a_, "T2026XX9999");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kTicketInvalid);
  Actor proctor = examiner(0);
  proctor.role = store::Role::kProctor;
  auto wrong_role = open_practical(db(), clock_, random, *policies_, proctor, sitting_, room_a_, ticket(1));
  ASSERT_FALSE(wrong_role);
  EXPECT_EQ(wrong_role.error().code, ErrorCode::kForbidden);
  auto sheets = db().read([&](store::Transaction& tx) { return store::PracticalRepository(tx).sheets_of(id); });
  ASSERT_TRUE(sheets);
  EXPECT_EQ(sheets->size(), 1u);
  ASSERT_TRUE(score(id, {sheet(id, 70), sheet(id, 70)}, 1));
  auto late = submit_score_sheet(db(), clock_, examiner(2), id, sheet(id, 70));
  ASSERT_FALSE(late);
}

TEST_P(PracticalTest, SheetsDrawsAndResultsAreAppendOnlyInTheDatabase) {
  const store::Id id = open(0);
  ASSERT_TRUE(score(id, {sheet(id, 70), sheet(id, 70), sheet(id, 70)}));
  for (const char* sql : {"UPDATE practical_score_sheets SET sheet_json = '{}'", "DELETE FROM practical_score_sheets",
                          "UPDATE practical_draws SET seed = '1'", "DELETE FROM practical_results"}) {
    auto r = db().transaction([&](store::Transaction& tx) {
      return store::guarded("test", [&]() -> Result<void> {
        store::Statement st(tx, sql);
        st.execute();
        return ok();
      });
    });
    EXPECT_FALSE(r) << sql;
  }
}

TEST_P(PracticalTest, TheExaminersViewShowsProgressAndTheCombinedTotal) {
  const store::Id id = open(0);
  ASSERT_TRUE(submit_score_sheet(db(), clock_, examiner(0), id, sheet(id, 80)));
  auto v = practical_draw_view(db(), clock_, *policies_, examiner(1), id);
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(v->sheets.size(), 1u);
  EXPECT_FALSE(v->mine);
  EXPECT_FALSE(v->result);
  EXPECT_EQ(v->examiners, 3);
  EXPECT_NE(v->masked_name.find('*'), std::string::npos);
  ASSERT_TRUE(score(id, {sheet(id, 70), sheet(id, 90)}, 1));
  v = practical_draw_view(db(), clock_, *policies_, examiner(1), id);
  ASSERT_TRUE(v);
  ASSERT_TRUE(v->result);
  EXPECT_EQ(v->result->display_tenths, 800);
  EXPECT_TRUE(v->mine);
  auto room = examiner_room_view(db(), examiner(2), sitting_, room_a_);
  ASSERT_TRUE(room);
  ASSERT_EQ(room->candidates.size(), 1u);
  EXPECT_EQ(room->candidates[0].sheets, 3);
  auto forbidden = practical_draw_view(db(), clock_, *policies_, examiner(3), id);
  ASSERT_FALSE(forbidden);
  EXPECT_EQ(forbidden.error().code, ErrorCode::kForbidden);
}

TEST_P(PracticalTest, TheLastTwoSheetsSubmittedAtOnceDecideTheResultExactlyOnce) {
  for (int i = 0; i < kCandidates; ++i) {
    const store::Id id = open(i);
    ASSERT_TRUE(submit_score_sheet(db(), clock_, examiner(0), id, sheet(id, 70)));
    const auto s1 = sheet(id, 80), s2 = sheet(id, 90);
    Result<SheetOutcome> a = fail(ErrorCode::kInvalidValue), b = fail(ErrorCode::kInvalidValue);
    std::thread t1([&] { a = submit_score_sheet(db(), clock_, examiner(1), id, s1); });
    std::thread t2([&] { b = submit_score_sheet(db(), clock_, examiner(2), id, s2); });
    t1.join();
    t2.join();
    ASSERT_TRUE(a) << a.error().message;
    ASSERT_TRUE(b) << b.error().message;
    EXPECT_NE(a->result.has_value(), b->result.has_value()) << "exactly one of them completes the group";
    auto stored = db().read([&](store::Transaction& tx) { return store::PracticalRepository(tx).result_of(id); });
    ASSERT_TRUE(stored && *stored) << "candidate " << i;
    EXPECT_EQ((*stored)->display_tenths, 800);
    EXPECT_EQ(history(i).size(), 1u);
  }
}

RC_INSTANTIATE_STORE_TEST(PracticalTest);

}  // namespace
}  // namespace rc::app::testing
