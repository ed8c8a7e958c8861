// The examiner's pages over real HTTP (F12, R7): role examiner only, and only in the rooms the
// examiner is assigned to (sitting_staff); three examiners open, see the draw and score a
// candidate; the combined total is shown to them; malformed scores are refused in Chinese.
#include <gtest/gtest.h>

#include <regex>

#include "app/practical/practical_support.h"
#include "store/batch_repository.h"
#include "store/registration_repository.h"
#include "store/sitting_repository.h"
#include "store/statement.h"
#include "store/user_repository.h"
#include "support/page_test_helpers.h"
#include "support/role_sessions.h"

namespace rc {
namespace {

using testing::body_has;
using testing::http_request;
using testing::HttpResponse;
using testing::SignedIn;

constexpr const char* kTicket = "T2026WEB001";

class ExaminerPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sessions_ = testing::sign_in_every_role(p_);
    examiner_ = sessions_.by_role.at(store::Role::kExaminer);
    auto& db = p_.platform().database();
    const auto now = app::to_timestamp(p_.platform().clock().now());
    auto made = db.transaction([&](store::Transaction& tx) -> Result<void> {
      store::Batch b{0, sessions_.organisation_id, sessions_.station_id, 5, "2026 年第一批", store::BatchStatus::kDraft, now, {}};
      const store::Id batch = store::BatchRepository(tx).insert(b).value();
      store::Registration r;
      r.candidate_id = sessions_.candidate_id;
      r.batch_id = batch;
      r.policy_id = "policy-2025";
      r.registered_on = *CivilDate::parse("2026-08-01");
      r.status = store::RegistrationStatus::kApproved;
      r.created_at = now;
      registration_ = store::RegistrationRepository(tx).insert(r).value();
      store::Sitting s;
      s.station_id = sessions_.station_id;
      s.held_on = china_date(p_.platform().clock().now());
      s.practical_starts_at = now;
      s.capacity = 30;
      s.status = store::SittingStatus::kOpen;
      s.created_at = now;
      sitting_ = store::SittingRepository(tx).insert(s).value();
      store::Statement room(tx, "INSERT INTO exam_rooms (station_id, name, seats, kind, created_at)"
                                " VALUES (:s, '实操 A', 30, 'practical', :at) RETURNING id");
      room.bind(sessions_.station_id).bind(now).into(room_);
      room.execute();
      store::Statement seat(tx, "INSERT INTO sitting_seats (sitting_id, registration_id, room_id, seat_no, practical_kind,"
                                " ticket_no, assigned_at) VALUES (:s, :r, :room, 1, 'first', :t, :at)");
      seat.bind(sitting_).bind(registration_).bind(room_).bind(kTicket).bind(now);
      seat.execute();
      for (const char* name : {"examiner-b", "examiner-c", "examiner-outsider"}) {
        store::User u;
        u.username = name;
        u.role = store::Role::kExaminer;
        u.phone = "13800000019";
        u.station_id = sessions_.station_id;
        others_.push_back(store::UserRepository(tx).insert(u).value());
      }
      return ok();
    });
    ASSERT_TRUE(made) << made.error().message;
    for (auto id : others_) {
      auto s = p_.platform().sessions().create(id, "examiner", identity::Stage::kFull, "127.0.0.1");
      ASSERT_TRUE(s);
      other_sessions_.push_back({id, "rc_session=" + s->first, s->second.csrf_token});
    }
  }

  void assign(store::Id user) {
    auto r = p_.platform().database().transaction([&](store::Transaction& tx) -> Result<void> {
      store::Statement st(tx, "INSERT INTO sitting_staff (sitting_id, room_id, user_id, duty, assigned_at)"
                              " VALUES (:s, :r, :u, 'examiner', 0)");
      st.bind(sitting_).bind(room_).bind(user);
      st.execute();
      return ok();
    });
    ASSERT_TRUE(r) << r.error().message;
  }
  void assign_group() {
    assign(examiner_.user_id);
    assign(others_[0]);
    assign(others_[1]);
  }

  HttpResponse get(const SignedIn& who, const std::string& path) {
    return http_request(p_.port(), "GET", path, "", "", {{"Cookie", who.cookie}});
  }
  HttpResponse post(const SignedIn& who, const std::string& path, const std::string& body) {
    return http_request(p_.port(), "POST", path, body + "&_csrf=" + who.csrf, "application/x-www-form-urlencoded",
                        {{"Cookie", who.cookie}});
  }
  std::string room_path() const {
    return "/examiner/sittings/" + std::to_string(sitting_) + "/rooms/" + std::to_string(room_);
  }
  store::Id open() {
    auto r = post(examiner_, room_path() + "/open", "ticket=" + std::string(kTicket));
    EXPECT_EQ(r.status, 303) << r.body;
    std::smatch m;
    const std::string loc = r.headers["location"];
    EXPECT_TRUE(std::regex_match(loc, m, std::regex("/examiner/draws/(\\d+)"))) << loc;
    return m.empty() ? 0 : std::stoll(m[1]);
  }
  // Every line of the assessed items at `points_of(line points)`.
  std::string sheet_body(store::Id draw, int percent, const std::string& odd_key = "", const std::string& odd_value = "") {
    auto l = p_.platform().database().read([&](store::Transaction& tx) { return app::load_draw(tx, draw); });
    EXPECT_TRUE(l);
    std::string body;
    for (const auto* it : practical::assessed_items(*l->scheme, l->draw))
      for (const auto& line : it->lines) {
        const int tenths = line.points * 10 * percent / 100;
        const std::string key = it->id + "." + line.id;
        body += "&l." + key + "=" +
                (key == odd_key ? odd_value : std::to_string(tenths / 10) + "." + std::to_string(tenths % 10));
      }
    return body.substr(1);
  }

  testing::RunningPlatform p_;
  testing::RoleSessions sessions_;
  SignedIn examiner_;
  store::Id registration_ = 0, sitting_ = 0, room_ = 0;
  std::vector<store::Id> others_;
  std::vector<SignedIn> other_sessions_;
};

TEST_F(ExaminerPagesTest, OnlyExaminersGetInAndOnlyInTheirOwnRoom) {
  for (const auto& [role, who] : sessions_.by_role) {
    const int status = get(who, "/examiner").status;
    EXPECT_EQ(status, role == store::Role::kExaminer ? 200 : 403) << store::to_text(role);
    if (role != store::Role::kExaminer) {
      EXPECT_EQ(get(who, room_path()).status, 403) << store::to_text(role);
    }
  }
  // Not assigned yet: no room listed, the room refused.
  EXPECT_TRUE(body_has(get(examiner_, "/examiner"), "no-rooms"));
  EXPECT_EQ(get(examiner_, room_path()).status, 403);
  assign_group();
  auto home = get(examiner_, "/examiner");
  EXPECT_TRUE(body_has(home, "实操 A")) << home.body;
  EXPECT_EQ(get(examiner_, room_path()).status, 200);
  EXPECT_EQ(get(other_sessions_[2], room_path()).status, 403);  // an examiner of another group
  const store::Id draw = open();
  EXPECT_EQ(get(other_sessions_[2], "/examiner/draws/" + std::to_string(draw)).status, 403);
  EXPECT_EQ(post(other_sessions_[2], "/examiner/draws/" + std::to_string(draw) + "/sheet", sheet_body(draw, 80)).status, 403);
}

TEST_F(ExaminerPagesTest, ThreeExaminersScoreACandidateAndSeeTheTotal) {
  assign_group();
  const store::Id draw = open();
  const std::string page = "/examiner/draws/" + std::to_string(draw);
  auto shown = get(examiner_, page);
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(body_has(shown, "抽考项目"));
  EXPECT_TRUE(body_has(shown, "drawn-item"));
  EXPECT_TRUE(body_has(shown, "心肺复苏"));
  EXPECT_EQ(post(examiner_, page + "/sheet", sheet_body(draw, 80)).status, 303);
  EXPECT_TRUE(body_has(get(examiner_, page), "已提交评分表 <strong id=\"submitted\">1</strong> / 3"));
  EXPECT_EQ(post(other_sessions_[0], page + "/sheet", sheet_body(draw, 70)).status, 303);
  EXPECT_EQ(post(other_sessions_[1], page + "/sheet", sheet_body(draw, 90)).status, 303);
  auto done = get(other_sessions_[1], page);
  EXPECT_TRUE(body_has(done, "<span id=\"total\">80.0</span>")) << done.body;
  EXPECT_TRUE(body_has(done, "合格"));
  EXPECT_TRUE(body_has(get(examiner_, room_path()), "总分 80.0"));
}

TEST_F(ExaminerPagesTest, MalformedScoresAndTicketsAreRefusedInChinese) {
  assign_group();
  auto bad_ticket = post(examiner_, room_path() + "/open", "ticket=%3Cscript%3E");
  EXPECT_EQ(bad_ticket.status, 422) << bad_ticket.body;
  EXPECT_TRUE(body_has(bad_ticket, "准考证号格式不正确"));
  auto forged_qr = post(examiner_, room_path() + "/open", "ticket=RCT1%3A" + std::string(kTicket) + "%3A0000000000000000");
  EXPECT_NE(forged_qr.status, 303);
  const store::Id draw = open();
  const std::string page = "/examiner/draws/" + std::to_string(draw);
  auto bad = post(examiner_, page + "/sheet", sheet_body(draw, 80, "cpr.quality", "abc"));
  EXPECT_GE(bad.status, 400);
  EXPECT_TRUE(body_has(bad, "得分应为不超过一位小数的数字"));
  auto high = post(examiner_, page + "/sheet", sheet_body(draw, 80, "cpr.quality", "11"));
  EXPECT_GE(high.status, 400);
  EXPECT_TRUE(body_has(high, "分之间"));
  EXPECT_TRUE(body_has(get(examiner_, page), "已提交评分表 <strong id=\"submitted\">0</strong> / 3"));
}

}  // namespace
}  // namespace rc
