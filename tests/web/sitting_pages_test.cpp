// The sitting and ticket pages over real HTTP (F6, F7): each new route is in the route table with
// exactly its roles and refuses every other role; the station adds a room, creates a sitting,
// seats its approved candidate and sees the seat plan with the masked ID number; the candidate
// then sees the ticket page and downloads the PDF, and the station downloads the same PDF.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>

#include "app/registration/actor.h"
#include "store/batch_repository.h"
#include "store/registration_repository.h"
#include "support/http_client.h"
#include "support/role_sessions.h"

namespace rc {
namespace {

using testing::http_request;
const char* const kForm = "application/x-www-form-urlencoded";
const store::Role kAllRoles[] = {store::Role::kCandidate, store::Role::kOrganisation, store::Role::kStation,
                                 store::Role::kProctor,   store::Role::kExaminer,     store::Role::kAdministrator};

class SittingPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    roles_ = testing::sign_in_every_role(p_);
    // The signed-in candidate's application, approved at the station.
    auto made = p_.platform().database().transaction([&](store::Transaction& tx) -> Result<store::Id> {
      store::Batch b{0, roles_.organisation_id, roles_.station_id, 5, "第一批", store::BatchStatus::kSubmitted, {},
                    app::to_timestamp(p_.clock().now())};
      auto batch = store::BatchRepository(tx).insert(b);
      if (!batch) return fail(batch.error());
      store::Registration r;
      r.candidate_id = roles_.candidate_id;
      r.batch_id = *batch;
      r.policy_id = "policy-2025";
      r.registered_on = china_date(p_.clock().now());
      r.status = store::RegistrationStatus::kApproved;
      return store::RegistrationRepository(tx).insert(r);
    });
    ASSERT_TRUE(made) << made.error().message;
    registration_ = *made;
  }

  testing::HttpResponse as(store::Role role, const std::string& method, const std::string& target,
                           const std::string& body = "") {
    const auto& who = roles_.by_role.at(role);
    return http_request(p_.port(), method, target, body, kForm, {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}});
  }

  testing::RunningPlatform p_;
  testing::RoleSessions roles_;
  store::Id registration_ = 0;
};

TEST_F(SittingPagesTest, EachRouteIsGuardedForItsRoleOnly) {
  using R = store::Role;
  const std::map<std::string, R> expected{
      {"GET /station/rooms", R::kStation},
      {"POST /station/rooms", R::kStation},
      {"GET /station/sittings", R::kStation},
      {"POST /station/sittings", R::kStation},
      {"GET /station/sittings/:id(\\d+)", R::kStation},
      {"POST /station/sittings/:id(\\d+)/assign", R::kStation},
      {"POST /station/sittings/:id(\\d+)/move", R::kStation},
      {"POST /station/sittings/:id(\\d+)/staff", R::kStation},
      {"POST /station/sittings/:id(\\d+)/staff/remove", R::kStation},
      {"GET /station/sittings/:id(\\d+)/tickets", R::kStation},
      {"GET /station/registrations/:id(\\d+)/ticket.pdf", R::kStation},
      {"GET /me/ticket", R::kCandidate},
      {"GET /me/ticket.pdf", R::kCandidate},
  };
  std::size_t seen = 0;
  for (const auto& r : p_.server().guarded_routes()) {
    auto it = expected.find(r.method + " " + r.path);
    if (it == expected.end()) continue;
    ++seen;
    EXPECT_FALSE(r.access.anyone) << it->first;
    for (auto role : kAllRoles)
      EXPECT_EQ((r.access.roles & (1u << static_cast<unsigned>(role))) != 0, role == it->second)
          << it->first << " " << store::to_text(role);
    // Over HTTP: nobody is sent to the login (GET) or refused; every other role gets 403.
    const std::string target = std::regex_replace(r.path, std::regex(R"(:[a-z_]+(\([^)]*\))?)"), "1");
    auto nobody = http_request(p_.port(), r.method, target, "", kForm);
    EXPECT_TRUE(nobody.status == 302 || nobody.status == 403) << it->first << " " << nobody.status;
    for (auto role : kAllRoles) {
      if (role == it->second) continue;
      EXPECT_EQ(as(role, r.method, target).status, 403) << it->first << " " << store::to_text(role);
    }
  }
  EXPECT_EQ(seen, expected.size());
}

TEST_F(SittingPagesTest, TheStationPlansASittingAndTheCandidateGetsTheTicket) {
  auto before = as(store::Role::kCandidate, "GET", "/me/ticket");
  EXPECT_EQ(before.status, 200);
  EXPECT_NE(before.body.find("id=\"no-ticket\""), std::string::npos);
  EXPECT_EQ(as(store::Role::kCandidate, "GET", "/me/ticket.pdf").status, 404);

  ASSERT_EQ(as(store::Role::kStation, "POST", "/station/rooms", "name=%E7%AC%AC%E4%B8%80%E8%80%83%E5%9C%BA&seats=30&kind=theory").status, 303);
  auto bad = as(store::Role::kStation, "POST", "/station/rooms", "name=x&seats=0");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("data-code=\"input.invalid_value\""), std::string::npos) << bad.body.substr(0, 200);
  auto rooms = as(store::Role::kStation, "GET", "/station/rooms");
  ASSERT_EQ(rooms.status, 200);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(rooms.body, m, std::regex("data-room=\"(\\d+)\"")));
  const std::string room = m[1];

  const std::string day = china_date(p_.clock().now()).plus_days(20).to_string();
  auto created = as(store::Role::kStation, "POST", "/station/sittings",
                    "held_on=" + day + "&theory_start=09%3A00&practical_start=14%3A00&room" + room + "=on");
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 300);
  const std::string location = created.headers["location"];
  ASSERT_TRUE(std::regex_search(location, m, std::regex("^/station/sittings/(\\d+)\\?done=created$"))) << location;
  const std::string sitting = m[1];
  auto plan = as(store::Role::kStation, "GET", "/station/sittings/" + sitting);
  ASSERT_EQ(plan.status, 200);
  EXPECT_NE(plan.body.find("5113**********1236"), std::string::npos);  // masked, in the candidates to seat
  EXPECT_NE(plan.body.find("name=\"g" + std::to_string(registration_) + "\""), std::string::npos);

  auto none = as(store::Role::kStation, "POST", "/station/sittings/" + sitting + "/assign", "");
  EXPECT_EQ(none.status, 422);
  auto assigned = as(store::Role::kStation, "POST", "/station/sittings/" + sitting + "/assign",
                     "g" + std::to_string(registration_) + "=on");
  ASSERT_EQ(assigned.status, 303) << assigned.body.substr(0, 400);
  plan = as(store::Role::kStation, "GET", "/station/sittings/" + sitting);
  ASSERT_TRUE(std::regex_search(plan.body, m, std::regex("class=\"ticket-no\">(\\d{15})<")));
  const std::string ticket = m[1];
  EXPECT_NE(plan.body.find("理论（新考）"), std::string::npos);

  auto page = as(store::Role::kCandidate, "GET", "/me/ticket");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-ticket=\"" + ticket + "\""), std::string::npos);
  EXPECT_NE(page.body.find("5113**********1236"), std::string::npos);
  EXPECT_NE(page.body.find("<svg"), std::string::npos);
  EXPECT_NE(page.body.find("15 分钟后不得入场"), std::string::npos);
  auto pdf = as(store::Role::kCandidate, "GET", "/me/ticket.pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.headers["content-type"], "application/pdf");
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  auto station_pdf = as(store::Role::kStation, "GET", "/station/registrations/" + std::to_string(registration_) + "/ticket.pdf");
  ASSERT_EQ(station_pdf.status, 200);
  EXPECT_EQ(station_pdf.body.substr(0, 5), "%PDF-");
  auto all = as(store::Role::kStation, "GET", "/station/sittings/" + sitting + "/tickets");
  ASSERT_EQ(all.status, 200);
  EXPECT_NE(all.body.find("data-ticket=\"" + ticket + "\""), std::string::npos);

  // A second assignment of the same candidate is refused and the page says why.
  auto again = as(store::Role::kStation, "POST", "/station/sittings/" + sitting + "/assign",
                  "g" + std::to_string(registration_) + "=on");
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("已在本场次安排了座位"), std::string::npos);
}

}  // namespace
}  // namespace rc
