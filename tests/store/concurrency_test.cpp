// Several threads on one Database: writers queue (SQLite) or interleave (PostgreSQL), nothing is
// lost, and compare-and-set moves let exactly one of two racing reviewers win.
#include <atomic>
#include <thread>

#include "sample_records.h"
#include "store/audit_log.h"

namespace rc::store::testing {
namespace {

class ConcurrencyTest : public StoreTest {};

TEST_P(ConcurrencyTest, TwoWritersLoseNothing) {
  constexpr int kPerThread = 40;
  std::atomic<int> failures{0};
  auto writer = [&](int thread) {
    for (int i = 0; i < kPerThread; ++i) {
      auto r = db().transaction([&](Transaction& tx) -> Result<Id> {
        AuditEvent e{0, at_ms(i), std::nullopt, "t" + std::to_string(thread), "answer.save", "attempt",
                     std::to_string(thread), "{}", false};
        if (auto a = AuditLog(tx).append(e); !a) return a;
        return StationRepository(tx).insert(sample_station(thread * 1000 + i));
      });
      if (!r) {
        ADD_FAILURE() << r.error().message;
        ++failures;
      }
    }
  };
  std::thread a(writer, 1), b(writer, 2);
  a.join();
  b.join();
  EXPECT_EQ(failures.load(), 0);
  auto counts = db().read([](Transaction& tx) -> Result<std::pair<std::size_t, std::size_t>> {
    auto s = StationRepository(tx).list();
    auto t1 = AuditLog(tx).list_by_entity("attempt", "1");
    auto t2 = AuditLog(tx).list_by_entity("attempt", "2");
    if (!s || !t1 || !t2) return fail(ErrorCode::kStorageFailure);
    return std::pair{s->size(), t1->size() + t2->size()};
  });
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->first, 2u * kPerThread);
  EXPECT_EQ(counts->second, 2u * kPerThread);
}

TEST_P(ConcurrencyTest, ReadersRunWhileAWriterHoldsItsTransaction) {
  auto seeded = seed_committed(db());
  auto writer = db().begin();
  ASSERT_TRUE(writer);
  ASSERT_TRUE(StationRepository(*writer).insert(sample_station(99)));
  // Another thread reads the committed state without waiting for the writer.
  std::size_t seen = 0;
  std::thread reader([&] {
    auto r = db().read([](Transaction& tx) { return StationRepository(tx).list(); });
    if (r) seen = r->size();
  });
  reader.join();
  EXPECT_EQ(seen, 1u);
  ASSERT_TRUE(writer->commit());
  EXPECT_GT(seeded.station, 0);
}

TEST_P(ConcurrencyTest, OnlyOneOfTwoRacingStatusMovesWins) {
  auto s = seed_committed(db());
  std::atomic<int> won{0}, conflicted{0};
  auto reviewer = [&](RegistrationStatus to) {
    auto r = db().transaction([&](Transaction& tx) {
      return RegistrationRepository(tx).change_status(s.registration, RegistrationStatus::kDraft, to);
    });
    if (r) ++won;
    else if (r.error().code == ErrorCode::kConflict) ++conflicted;
  };
  std::thread a(reviewer, RegistrationStatus::kSubmitted), b(reviewer, RegistrationStatus::kConfirmed);
  a.join();
  b.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(conflicted.load(), 1);
}

RC_INSTANTIATE_STORE_TEST(ConcurrencyTest);

}  // namespace
}  // namespace rc::store::testing
