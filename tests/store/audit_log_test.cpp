// The audit log: appended and listed; the database refuses to change or delete it.
#include "store/audit_log.h"

#include "sample_records.h"

namespace rc::store::testing {
namespace {

class AuditLogTest : public StoreTest {
 protected:
  AuditEvent event(long long at, const char* action, const char* entity_id, bool pdv) {
    return AuditEvent{0, at_ms(at), 7, "station1", action, "candidate", entity_id, R"({"field":"id_number"})", pdv};
  }
};

TEST_P(AuditLogTest, AppendsAndListsByEntityAndPersonalDataViews) {
  ASSERT_TRUE(in_tx([&](Transaction& tx) -> Result<void> {
    AuditLog log(tx);
    for (const auto& e : {event(1, "candidate.create", "42", false), event(2, "candidate.view", "42", true),
                          event(3, "candidate.view", "43", true), event(4, "candidate.update", "42", false)})
      if (auto id = log.append(e); !id) return fail(id.error());
    AuditEvent system{0, at_ms(5), std::nullopt, "system", "biometrics.erase", "candidate", "42", "{}", false};
    if (auto id = log.append(system); !id) return fail(id.error());
    return ok();
  }));
  auto trail = db().read([](Transaction& tx) { return AuditLog(tx).list_by_entity("candidate", "42"); });
  ASSERT_TRUE(trail);
  ASSERT_EQ(trail->size(), 4u);
  EXPECT_EQ((*trail)[0].action, "candidate.create");
  EXPECT_EQ((*trail)[3].actor_user_id, std::nullopt);
  AuditEvent expected = event(2, "candidate.view", "42", true);
  expected.id = (*trail)[1].id;
  EXPECT_EQ((*trail)[1], expected);

  auto views = db().read([](Transaction& tx) { return AuditLog(tx).list_personal_data_views(at_ms(0), at_ms(3)); });
  ASSERT_TRUE(views);
  ASSERT_EQ(views->size(), 1u);  // [from, to): the view at 3 is outside
  EXPECT_EQ((*views)[0].entity_id, "42");
}

TEST_P(AuditLogTest, TheDatabaseRefusesUpdatesAndDeletes) {
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return AuditLog(tx).append(event(1, "candidate.view", "42", true)); }));
  for (const char* sql : {"UPDATE audit_events SET actor = 'someone else'", "DELETE FROM audit_events"}) {
    auto r = db().transaction([&](Transaction& tx) -> Result<void> {
      tx.session() << sql;
      return ok();
    });
    ASSERT_FALSE(r) << sql;
    EXPECT_EQ(r.error().code, ErrorCode::kConflict) << r.error().message;
  }
  auto trail = db().read([](Transaction& tx) { return AuditLog(tx).list_by_entity("candidate", "42"); });
  ASSERT_TRUE(trail);
  ASSERT_EQ(trail->size(), 1u);
  EXPECT_EQ((*trail)[0].actor, "station1");
}

RC_INSTANTIATE_STORE_TEST(AuditLogTest);

}  // namespace
}  // namespace rc::store::testing
