// Every guarded route, hit as every role and as nobody: the answer must be what its Access says.
// Routes are taken from the running server, so a route added later is covered without editing
// this test. Path parameters are filled with a placeholder id.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "support/http_client.h"
#include "support/role_sessions.h"

namespace rc {
namespace {

using testing::http_request;

std::string concrete(const std::string& path) {
  // "/org/batches/:id(\\d+)" -> "/org/batches/1"
  return std::regex_replace(path, std::regex(R"(:[a-z_]+(\([^)]*\))?)"), "1");
}

bool role_allowed(const web::Access& a, store::Role r) {
  return a.anyone || a.roles == 0 || (a.roles & (1u << static_cast<unsigned>(r))) != 0;
}

bool is_api(const std::string& path) { return path.rfind("/api/", 0) == 0; }

class PermissionTest : public ::testing::Test {
 protected:
  void SetUp() override { sessions_ = testing::sign_in_every_role(p_); }
  testing::RunningPlatform p_;
  testing::RoleSessions sessions_;
};

TEST_F(PermissionTest, RouteTableIsNotEmpty) {
  EXPECT_GE(p_.server().guarded_routes().size(), 5u);
}

// Issue 4: the certificate routes are in the table the walks below hit, each with the roles it
// names (the holder's pages for candidates, management for stations, verification for anyone).
TEST_F(PermissionTest, CertificateRoutesAreGuardedPerRole) {
  const std::map<std::string, std::pair<bool, std::vector<store::Role>>> expected{
      {"GET /me/certificates", {false, {store::Role::kCandidate}}},
      {"GET /me/certificates/:id(\\d+)/download.ofd", {false, {store::Role::kCandidate}}},
      {"GET /me/certificates/:id(\\d+)/download.pdf", {false, {store::Role::kCandidate}}},
      {"POST /me/reissue", {false, {store::Role::kCandidate}}},
      {"GET /station/certificates", {false, {store::Role::kStation}}},
      {"POST /station/certificates/filings", {false, {store::Role::kStation}}},
      {"GET /station/certificates/filings/:id(\\d+)/export.xlsx", {false, {store::Role::kStation}}},
      {"POST /station/certificates/issue", {false, {store::Role::kStation}}},
      {"POST /station/certificates/:id(\\d+)/revoke", {false, {store::Role::kStation}}},
      {"GET /api/v1/station/certificate-jobs/:id(\\d+)", {false, {store::Role::kStation}}},
      {"POST /station/reissues/:id(\\d+)/approve", {false, {store::Role::kStation}}},
      {"GET /verify", {true, {}}},
      {"POST /verify", {true, {}}},
      {"GET /api/v1/certificates/verify", {true, {}}},
      {"POST /api/v1/certificates/verify", {true, {}}},
  };
  std::size_t seen = 0;
  for (const auto& r : p_.server().guarded_routes()) {
    auto it = expected.find(r.method + " " + r.path);
    if (it == expected.end()) continue;
    ++seen;
    EXPECT_EQ(r.access.anyone, it->second.first) << it->first;
    for (auto role : {store::Role::kCandidate, store::Role::kOrganisation, store::Role::kStation, store::Role::kProctor,
                      store::Role::kExaminer, store::Role::kAdministrator}) {
      const bool listed = std::find(it->second.second.begin(), it->second.second.end(), role) != it->second.second.end();
      EXPECT_EQ(role_allowed(r.access, role), r.access.anyone || listed) << it->first << " " << store::to_text(role);
    }
  }
  EXPECT_EQ(seen, expected.size());
}

TEST_F(PermissionTest, NobodyIsSentToLoginOrRefused) {
  for (const auto& r : p_.server().guarded_routes()) {
    if (r.access.anyone) continue;
    const auto target = concrete(r.path);
    auto res = http_request(p_.port(), r.method, target, "", "application/x-www-form-urlencoded");
    if (is_api(r.path) || r.access.api) {
      EXPECT_EQ(res.status, 401) << r.method << " " << target;
    } else if (r.method == "GET") {
      EXPECT_EQ(res.status, 302) << r.method << " " << target;
      EXPECT_EQ(res.headers["location"], "/login") << target;
    } else {
      // A POST without a session is refused (login redirect, or CSRF refusal first).
      EXPECT_TRUE(res.status == 302 || res.status == 403) << r.method << " " << target << " " << res.status;
    }
  }
}

TEST_F(PermissionTest, EachRoleGetsInOnlyWhereAllowed) {
  for (const auto& r : p_.server().guarded_routes()) {
    const auto target = concrete(r.path);
    if (target == "/logout") continue;  // ends the session the rest of the walk uses; tested below
    for (const auto& [role, who] : sessions_.by_role) {
      std::map<std::string, std::string> headers{{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}};
      auto res = http_request(p_.port(), r.method, target, "", "application/x-www-form-urlencoded", headers);
      const std::string what = r.method + " " + target + " as " + std::string(store::to_text(role));
      if (role_allowed(r.access, role)) {
        EXPECT_NE(res.status, 403) << what;
        EXPECT_NE(res.status, 401) << what;
        EXPECT_FALSE(res.status == 302 && res.headers["location"] == "/login") << what;
        EXPECT_LT(res.status, 500) << what << " " << res.body;
      } else {
        EXPECT_EQ(res.status, 403) << what;
      }
    }
  }
}

TEST_F(PermissionTest, StateChangingRequestsNeedTheCsrfToken) {
  std::vector<std::string> lookups;  // POSTs that change nothing (Routes::post_lookup)
  for (const auto& r : p_.server().guarded_routes()) {
    if (r.method != "POST") continue;
    if (!r.checks_csrf) {
      lookups.push_back(r.path);
      continue;
    }
    const auto target = concrete(r.path);
    for (const auto& [role, who] : sessions_.by_role) {
      if (!role_allowed(r.access, role)) continue;
      auto none = http_request(p_.port(), "POST", target, "", "application/x-www-form-urlencoded",
                               {{"Cookie", who.cookie}});
      EXPECT_EQ(none.status, 403) << target << " without a token";
      auto wrong = http_request(p_.port(), "POST", target, "_csrf=forged", "application/x-www-form-urlencoded",
                                {{"Cookie", who.cookie}});
      EXPECT_EQ(wrong.status, 403) << target << " with a forged token";
    }
  }
  // The one public look-up sent by POST to keep an ID number out of URLs; any other is a review.
  EXPECT_EQ(lookups, std::vector<std::string>{"/api/v1/certificates/verify"});
}

TEST_F(PermissionTest, LogoutEndsTheSession) {
  const auto& admin = sessions_.by_role.at(store::Role::kAdministrator);
  const std::map<std::string, std::string> headers{{"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}};
  EXPECT_EQ(http_request(p_.port(), "GET", "/admin", "", "", headers).status, 200);
  auto out = http_request(p_.port(), "POST", "/logout", "", "application/x-www-form-urlencoded", headers);
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(http_request(p_.port(), "GET", "/admin", "", "", headers).status, 302);
}

TEST_F(PermissionTest, ForgedOrExpiredSessionCookieIsNobody) {
  auto res = http_request(p_.port(), "GET", "/admin", "", "", {{"Cookie", "rc_session=forged-token"}});
  EXPECT_EQ(res.status, 302);
}

TEST_F(PermissionTest, SessionCookieIsHttpOnlySameSiteSecure) {
  auto res = http_request(p_.port(), "GET", "/login");
  ASSERT_EQ(res.status, 200) << res.body;
  const auto cookie = res.headers["set-cookie"];
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Secure"), std::string::npos) << cookie;
}

}  // namespace
}  // namespace rc
