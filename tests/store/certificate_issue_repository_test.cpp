// V005's certificate tables: the numbering counter (first serial 1, consecutive blocks, a
// rolled-back take leaves no gap, a claim only when the counter has not moved), the issue row
// (serial unique per station and year), the stored file, the joined listings; filings (a
// registration is filed once, recorded once) and reissue decisions (once, reason on refusal).
#include "sample_records.h"
#include "store/certificate_issue_repository.h"
#include "store/certificate_repository.h"
#include "store/filing_repository.h"
#include "store/reissue_repository.h"

namespace rc::store::testing {
namespace {

class CertificateTablesTest : public StoreTest {
 protected:
  Id insert_certificate(const Seeded& s, const std::string& number, int serial) {
    auto id = in_tx([&](Transaction& tx) -> Result<Id> {
      Certificate c;
      c.number = number;
      c.scheme = "demo-yjjy";
      c.registration_id = s.registration;
      c.issued_on = date("2025-04-20");
      c.created_at = kT0;
      auto cid = CertificateRepository(tx).insert(c);
      if (!cid) return cid;
      CertificateIssue i{*cid, s.station, s.candidate, 2025, serial, date("2025-03-15"), date("2025-04-20")};
      if (auto r = CertificateIssueRepository(tx).insert_issue(i); !r) return fail(r.error());
      CertificateFile f{*cid, "application/ofd", Bytes{'P', 'K', 0, 1, 0xff}, "abc"};
      if (auto r = CertificateIssueRepository(tx).insert_file(f); !r) return fail(r.error());
      return cid;
    });
    return id.value_or(0);
  }
};

TEST_P(CertificateTablesTest, CounterHandsOutConsecutiveSerialsAndARollbackLeavesNoGap) {
  auto s = seed_committed(db());
  auto first = in_tx([&](Transaction& tx) { return CertificateIssueRepository(tx).take_serials(s.station, 2025, 3); });
  EXPECT_EQ(first.value_or(0), 1);
  {
    auto tx = db().begin();
    ASSERT_TRUE(tx);
    EXPECT_EQ(CertificateIssueRepository(*tx).take_serials(s.station, 2025, 5).value_or(0), 4);
    // rolled back on destruction
  }
  auto next = in_tx([&](Transaction& tx) { return CertificateIssueRepository(tx).take_serials(s.station, 2025, 1); });
  EXPECT_EQ(next.value_or(0), 4);
  auto other_year = in_tx([&](Transaction& tx) { return CertificateIssueRepository(tx).take_serials(s.station, 2026, 1); });
  EXPECT_EQ(other_year.value_or(0), 1);
}

TEST_P(CertificateTablesTest, ClaimSucceedsOnlyWhereTheCounterStands) {
  auto s = seed_committed(db());
  auto peek = in_tx([&](Transaction& tx) { return CertificateIssueRepository(tx).peek_next_serial(s.station, 2025); });
  EXPECT_EQ(peek.value_or(0), 1);
  auto stale = in_tx([&](Transaction& tx) { return CertificateIssueRepository(tx).claim_serials(s.station, 2025, 2, 3); });
  EXPECT_FALSE(stale.value_or(true));
  auto claimed = in_tx([&](Transaction& tx) { return CertificateIssueRepository(tx).claim_serials(s.station, 2025, 1, 3); });
  EXPECT_TRUE(claimed.value_or(false));
  auto after = in_tx([&](Transaction& tx) { return CertificateIssueRepository(tx).peek_next_serial(s.station, 2025); });
  EXPECT_EQ(after.value_or(0), 4);
}

TEST_P(CertificateTablesTest, IssueFileAndListingsRoundTrip) {
  auto s = seed_committed(db());
  const Id id = insert_certificate(s, "YJJY2025511300150000001", 1);
  ASSERT_NE(id, 0);
  auto listing = db().read([&](Transaction& tx) { return CertificateIssueRepository(tx).listing_by_number("YJJY2025511300150000001"); });
  ASSERT_TRUE(listing && *listing);
  EXPECT_EQ((*listing)->issue.serial, 1);
  EXPECT_EQ((*listing)->holder_name, sample_candidate(1).name);
  EXPECT_EQ((*listing)->id_number_masked, sample_candidate(1).id_number_masked);
  auto file = db().read([&](Transaction& tx) { return CertificateIssueRepository(tx).find_file(id); });
  ASSERT_TRUE(file && *file);
  EXPECT_EQ((*file)->content, (Bytes{'P', 'K', 0, 1, 0xff}));
  auto mine = db().read([&](Transaction& tx) { return CertificateIssueRepository(tx).listings_of_candidate(s.candidate); });
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->size(), 1u);
  auto has = db().read([&](Transaction& tx) { return CertificateIssueRepository(tx).registration_has_certificate(s.registration); });
  EXPECT_TRUE(has.value_or(false));
}

TEST_P(CertificateTablesTest, ASerialIsNeverUsedTwiceAtAStationInAYear) {
  auto s = seed_committed(db());
  ASSERT_NE(insert_certificate(s, "A-1", 1), 0);
  auto r = db().transaction([&](Transaction& tx) -> Result<void> {
    if (auto r = CertificateRepository(tx).revoke(1, {"重发", kT0, std::nullopt}); !r) return r;
    Certificate c;
    c.number = "A-1-again";
    c.scheme = "demo-yjjy";
    c.registration_id = s.registration;
    c.issued_on = date("2025-04-21");
    c.created_at = kT0;
    auto cid = CertificateRepository(tx).insert(c);
    if (!cid) return fail(cid.error());
    return CertificateIssueRepository(tx).insert_issue({*cid, s.station, s.candidate, 2025, 1, date("2025-03-15"), date("2025-04-21")});
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
}

TEST_P(CertificateTablesTest, ARegistrationIsFiledOnceAndRecordedOnce) {
  auto s = seed_committed(db());
  Filing f;
  f.station_id = s.station;
  f.exported_at = kT0;
  auto id = in_tx([&](Transaction& tx) { return FilingRepository(tx).insert(f, {{0, s.registration, date("2025-03-15")}}); });
  ASSERT_TRUE(id);
  auto twice = db().transaction([&](Transaction& tx) { return FilingRepository(tx).insert(f, {{0, s.registration, date("2025-03-15")}}); });
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  auto unfiled = db().read([&](Transaction& tx) { return FilingRepository(tx).filed_entry(s.registration); });
  ASSERT_TRUE(unfiled);
  EXPECT_FALSE(unfiled->has_value());  // exported, not yet recorded
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return FilingRepository(tx).record_filed(*id, date("2025-04-10"), kT0, std::nullopt); }));
  auto again = db().transaction([&](Transaction& tx) { return FilingRepository(tx).record_filed(*id, date("2025-04-11"), kT0, std::nullopt); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto filed = db().read([&](Transaction& tx) { return FilingRepository(tx).filed_entry(s.registration); });
  ASSERT_TRUE(filed && *filed);
  EXPECT_EQ((*filed)->filed_on.to_string(), "2025-04-10");
  auto waiting = db().read([&](Transaction& tx) { return FilingRepository(tx).filed_without_certificate(s.station); });
  ASSERT_TRUE(waiting);
  EXPECT_EQ(*waiting, std::vector<Id>{s.registration});
}

TEST_P(CertificateTablesTest, AReissueIsDecidedOnceAndARefusalNeedsAReason) {
  auto s = seed_committed(db());
  ReissueApplication a;
  a.candidate_id = s.candidate;
  a.station_id = s.station;
  a.old_number = "PAPER-1";
  a.old_issued_on = date("2019-06-30");
  a.created_at = kT0;
  auto id = in_tx([&](Transaction& tx) { return ReissueRepository(tx).insert(a); });
  ASSERT_TRUE(id);
  auto no_reason = db().transaction([&](Transaction& tx) {
    return ReissueRepository(tx).decide(*id, {ReissueStatus::kRefused, std::nullopt, std::nullopt, kT0, std::nullopt});
  });
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().code, ErrorCode::kReasonRequired);
  ASSERT_TRUE(in_tx([&](Transaction& tx) {
    return ReissueRepository(tx).decide(*id, {ReissueStatus::kRefused, std::string("无法核实"), std::nullopt, kT0, std::nullopt});
  }));
  auto again = db().transaction([&](Transaction& tx) {
    return ReissueRepository(tx).decide(*id, {ReissueStatus::kApproved, std::nullopt, std::nullopt, kT0, std::nullopt});
  });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto found = db().read([&](Transaction& tx) { return ReissueRepository(tx).find(*id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->status, ReissueStatus::kRefused);
  EXPECT_EQ(found->decision_reason, "无法核实");
}

}  // namespace

RC_INSTANTIATE_STORE_TEST(CertificateTablesTest);

}  // namespace rc::store::testing
