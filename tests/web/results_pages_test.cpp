// Results pages over real HTTP (issue 6: F13-F15; R8, D13, D17): each route answers only the roles
// it names, a candidate and an organisation see a published score and not an unpublished one (page
// and API: results.not_published), the station sees both sittings with their state, and the
// station's .xlsx export. Platform date 2026-11-28: sitting A on 2026-11-01 (published
// 2026-11-16), sitting B on 2026-11-25 (publishes 2026-12-10).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/demo/demo_certificates.h"
#include "app/registration/actor.h"
#include "app/results/result_publication.h"
#include "store/attempt_repository.h"
#include "store/batch_repository.h"
#include "store/registration_repository.h"
#include "support/http_client.h"
#include "support/role_sessions.h"

namespace rc {
namespace {

using testing::http_request;

class ResultsPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sessions_ = testing::sign_in_every_role(p_);
    auto& platform = p_.platform();
    const auto now = app::to_timestamp(platform.clock().now());
    auto seeded = platform.database().transaction([&](store::Transaction& tx) -> Result<void> {
      store::Batch b{0, sessions_.organisation_id, sessions_.station_id, 5, "已考", store::BatchStatus::kClosed, now, now};
      auto batch = store::BatchRepository(tx).insert(b);
      auto a = app::seed_sitting(tx, sessions_.station_id, *CivilDate::parse("2026-11-01"), now);
      auto bsit = app::seed_sitting(tx, sessions_.station_id, *CivilDate::parse("2026-11-25"), now);
      if (!batch || !a || !bsit) return fail(ErrorCode::kStorageFailure);
      store::Registration r;
      r.candidate_id = sessions_.candidate_id;
      r.batch_id = *batch;
      r.policy_id = "policy-2025";
      r.registered_on = *CivilDate::parse("2026-08-01");
      r.status = store::RegistrationStatus::kApproved;
      r.created_at = now;
      auto rid = store::RegistrationRepository(tx).insert(r);
      if (!rid) return fail(rid.error());
      store::AttemptRepository attempts(tx);
      store::Attempt t{0, *rid, *a, store::Subject::kTheory, store::AttemptKind::kFirst, store::Outcome::kPass, 72500, now, std::nullopt, {}};
      store::Attempt pr{0, *rid, *bsit, store::Subject::kPractical, store::AttemptKind::kFirst, store::Outcome::kPass, 81250, now, std::nullopt, {}};
      auto ti = attempts.record(t);
      auto pi = attempts.record(pr);
      if (!ti || !pi) return fail(ErrorCode::kStorageFailure);
      theory_ = *ti;
      practical_ = *pi;
      sitting_a_ = *a;
      sitting_b_ = *bsit;
      return ok();
    });
    ASSERT_TRUE(seeded) << seeded.error().message;
    auto n = app::record_complete_publications(platform.database(), platform.policies(), platform.clock());
    ASSERT_TRUE(n);
    ASSERT_EQ(*n, 2);
  }
  std::map<std::string, std::string> as(store::Role role) {
    const auto& s = sessions_.by_role.at(role);
    return {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}};
  }
  testing::HttpResponse get(store::Role role, const std::string& path) {
    return http_request(p_.port(), "GET", path, "", "application/json", as(role));
  }

  testing::RunningPlatform p_;
  testing::RoleSessions sessions_;
  store::Id theory_ = 0, practical_ = 0, sitting_a_ = 0, sitting_b_ = 0;
};

TEST_F(ResultsPagesTest, EachRouteAnswersOnlyItsRoles) {
  using R = store::Role;
  const std::vector<std::pair<std::string, std::vector<R>>> routes{
      {"/me/results", {R::kCandidate}},
      {"/api/v1/me/results", {R::kCandidate}},
      {"/me/rights", {R::kCandidate}},
      {"/api/v1/me/rights", {R::kCandidate}},
      {"/org/results", {R::kOrganisation}},
      {"/station/results", {R::kStation}},
      {"/station/results/" + std::to_string(sitting_a_), {R::kStation}},
      {"/station/results/" + std::to_string(sitting_a_) + "/export.xlsx", {R::kStation}},
      {"/station/appeals", {R::kStation}},
      {"/station/retakes", {R::kStation}},
      {"/org/retakes", {R::kOrganisation}},
  };
  for (const auto& [path, allowed] : routes)
    for (const auto& [role, session] : sessions_.by_role) {
      const bool ok = std::find(allowed.begin(), allowed.end(), role) != allowed.end();
      auto r = get(role, path);
      if (ok) EXPECT_EQ(r.status, 200) << path << " as " << store::to_text(role) << ": " << r.body.substr(0, 300);
      else EXPECT_EQ(r.status, 403) << path << " as " << store::to_text(role);
    }
  auto nobody = http_request(p_.port(), "GET", "/api/v1/me/results");
  EXPECT_EQ(nobody.status, 401);
}

TEST_F(ResultsPagesTest, PublishedScoreShownUnpublishedWithheldOnPagesAndApi) {
  auto page = get(store::Role::kCandidate, "/me/results");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("72.5"), std::string::npos);
  EXPECT_EQ(page.body.find("81.2"), std::string::npos) << "the practical publishes on 2026-12-10 (R8, D17)";
  EXPECT_NE(page.body.find("2026-12-10"), std::string::npos);
  auto held = get(store::Role::kCandidate, "/api/v1/me/results/" + std::to_string(practical_));
  EXPECT_EQ(held.status, 422);
  EXPECT_EQ(nlohmann::json::parse(held.body).at("error").at("code"), "results.not_published");
  auto shown = get(store::Role::kCandidate, "/api/v1/me/results/" + std::to_string(theory_));
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(nlohmann::json::parse(shown.body).at("score"), "72.5");
  auto list = nlohmann::json::parse(get(store::Role::kCandidate, "/api/v1/me/results").body);
  ASSERT_EQ(list.at("results").size(), 2u);
  for (const auto& r : list.at("results"))
    EXPECT_EQ(r.contains("score"), r.at("published").get<bool>()) << r.dump();
  auto rights = nlohmann::json::parse(get(store::Role::kCandidate, "/api/v1/me/rights").body);
  EXPECT_EQ(rights.value("held", false), true) << rights.dump();

  auto org = get(store::Role::kOrganisation, "/org/results");
  EXPECT_NE(org.body.find("72.5"), std::string::npos);
  EXPECT_EQ(org.body.find("81.2"), std::string::npos);

  auto station = get(store::Role::kStation, "/station/results");
  EXPECT_NE(station.body.find("已公布"), std::string::npos);
  EXPECT_NE(station.body.find("未公布"), std::string::npos);
  auto sitting = get(store::Role::kStation, "/station/results/" + std::to_string(sitting_b_));
  EXPECT_NE(sitting.body.find("81.2"), std::string::npos) << "the station sees every score";
  auto xlsx = get(store::Role::kStation, "/station/results/" + std::to_string(sitting_b_) + "/export.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}

TEST_F(ResultsPagesTest, AppealFormNeedsCsrfAndRefusesAnUnpublishedScore) {
  const auto& c = sessions_.by_role.at(store::Role::kCandidate);
  auto no_csrf = http_request(p_.port(), "POST", "/me/results/" + std::to_string(theory_) + "/appeal", "reason=x",
                              "application/x-www-form-urlencoded", {{"Cookie", c.cookie}});
  EXPECT_EQ(no_csrf.status, 403);
  auto held = http_request(p_.port(), "POST", "/me/results/" + std::to_string(practical_) + "/appeal",
                           "reason=%E6%BC%8F%E5%88%A4&_csrf=" + c.csrf, "application/x-www-form-urlencoded",
                           {{"Cookie", c.cookie}});
  EXPECT_EQ(held.status, 422);
  EXPECT_NE(held.body.find("成绩尚未公布"), std::string::npos);
  auto ok = http_request(p_.port(), "POST", "/me/results/" + std::to_string(theory_) + "/appeal",
                         "reason=%E6%BC%8F%E5%88%A4&_csrf=" + c.csrf, "application/x-www-form-urlencoded",
                         {{"Cookie", c.cookie}});
  EXPECT_EQ(ok.status, 303);
  auto appeals = get(store::Role::kStation, "/station/appeals");
  EXPECT_NE(appeals.body.find("漏判"), std::string::npos);
}

}  // namespace
}  // namespace rc
