// Issue 6 integration test (F14, R12, D1-D9): every scenario of shared/scenarios is stored in the
// database through the real repositories (candidate, approved registrations, sittings, attempts),
// the candidate's rights are computed through the app (rights_of_candidate, which builds the
// history from the store), and the result must equal what `rescuecert rules evaluate` prints for the
// scenario's input (app::evaluate_rules_document, the function behind the command), on SQLite and
// PostgreSQL. Nothing is special-cased per scenario.

#include <gtest/gtest.h>

#include <cmath>

#include "app/results/candidate_rights.h"
#include "app/rules_evaluation.h"
#include "results_fixture.h"
#include "support/json_subset.h"
#include "support/scenario_files.h"

namespace rc::app::results_testing {
namespace {

using nlohmann::json;

using rc::testing::read_scenario;
using rc::testing::scenario_files;

template <class E>
E stored(const json& v) {
  auto e = store::enum_from_text<E>(v.get<std::string>());
  EXPECT_TRUE(e) << v;
  return e ? *e : E{};
}

class RightsScenarioTest : public ResultsTest {};

TEST_P(RightsScenarioTest, RightsFromStoredHistoriesAgreeWithRulesEvaluateOnEveryScenario) {
  const auto files = scenario_files();
  ASSERT_GE(files.size(), 14u);
  int n = 0;
  for (const auto& name : files) {
    SCOPED_TRACE(name);
    const json file = read_scenario(name);
    const json& input = file.at("input");
    ASSERT_FALSE(input.contains("policy")) << "a scenario naming a policy needs storing it on the registration";
    // The engine on the document, exactly as the command prints it.
    auto engine = evaluate_rules_document(input.dump(), *policies_);

    // The same history through the repositories.
    ++n;
    Seeded who;
    auto stored_ok = in_tx([&](store::Transaction& tx) -> Result<void> {
      who = add_candidate(tx, n, date(input.at("birth_date").get<std::string>().c_str()));
      const store::Id batch = add_batch(tx, org_a_, station_);
      for (const auto& reg : input.at("registrations")) {
        const store::Id rid = add_registration(tx, who.candidate_id, batch,
                                               date(reg.at("registered_on").get<std::string>().c_str()),
                                               reg.at("fee_paid").get<bool>(), 30000);
        for (const auto& s : reg.at("sittings")) {
          std::optional<std::int32_t> score;
          if (s.contains("score")) score = static_cast<std::int32_t>(std::lround(s.at("score").get<double>() * 1000));
          add_attempt(tx, rid, sitting_on(tx, date(s.at("date").get<std::string>().c_str())),
                      stored<store::Subject>(s.at("subject")), stored<store::AttemptKind>(s.at("kind")),
                      stored<store::Outcome>(s.at("outcome")), score);
        }
      }
      return rc::ok();
    });
    ASSERT_TRUE(stored_ok);
    set_date(input.at("today").get<std::string>().c_str());

    // The app's computation from the store (candidate_rights adds only the R8 hold on top of it,
    // tested in appeals_scheduling_test).
    auto app = db().read([&](store::Transaction& tx) {
      return rights_of_candidate(tx, *policies_, who.candidate_id, today());
    });
    if (!engine) {
      ASSERT_FALSE(app) << "the engine refused the document, the app accepted the stored history";
      EXPECT_EQ(code_name(app.error().code), code_name(engine.error().code));
      EXPECT_EQ(app.error().rule, engine.error().rule);
      ASSERT_TRUE(file.at("expected").contains("error"));
      continue;
    }
    ASSERT_TRUE(app) << app.error().message;
    ASSERT_TRUE(app->has_value()) << "no approved registration found";
    const json from_db = render_decision((*app)->decision);
    EXPECT_EQ(from_db, *engine) << "stored: " << from_db.dump() << "\nengine: " << engine->dump();
    // And both match the scenario's expectation (a guard against both being wrong the same way).
    EXPECT_EQ(testing::json_subset_mismatch(file.at("expected"), from_db), "");
  }
}

RC_INSTANTIATE_RESULTS_TEST(RightsScenarioTest);

}  // namespace
}  // namespace rc::app::results_testing
