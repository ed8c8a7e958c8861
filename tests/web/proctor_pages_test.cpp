// The proctor's check-in pages over real HTTP (F10, R6, D11): every new route refused to nobody and
// to every other role, and to a proctor not assigned to the room; the assigned proctor looks a
// candidate up by the ticket's QR text, is refused without a reason, admits with one, and the
// candidate can then start while an unadmitted one cannot; after the cut-off the door refuses with
// the D11 message; face checks are rate-limited per proctor; incidents are recorded.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/exam/admission_ticket.h"
#include "app/exam/exam_day_setup.h"
#include "app/registration/actor.h"
#include "store/statement.h"
#include "store/user_repository.h"
#include "support/http_client.h"
#include "support/page_test_helpers.h"
#include "support/role_sessions.h"

namespace rc {
namespace {

using nlohmann::json;
using testing::http_request;
using testing::url_encode;

const char* const kForm = "application/x-www-form-urlencoded";

class ProctorPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    roles_ = testing::sign_in_every_role(p_);
    app::ExamDayOptions o;
    o.candidates = 3;
    o.sessions = true;
    o.admit = false;
    auto day = app::set_up_exam_day(p_.platform(), o);
    ASSERT_TRUE(day) << day.error().message;
    day_ = std::move(*day);
    auto made = p_.platform().database().transaction([&](store::Transaction& tx) -> Result<void> {
      const auto now = app::to_timestamp(p_.clock().now());
      for (const char* name : {"第一考场", "第二考场"}) {
        store::Id id = 0;
        store::Statement st(tx,
                            "INSERT INTO exam_rooms (station_id, name, seats, "
                            "created_at) VALUES (:s, :n, 30, :t) RETURNING id");
        st.bind(day_.station_id).bind(name).bind(now).into(id);
        st.execute();
        rooms_.push_back(id);
        store::Statement link(tx, "INSERT INTO sitting_rooms (sitting_id, room_id) VALUES (:s, :r)");
        link.bind(day_.sitting_id).bind(id).execute();
      }
      for (int i = 0; i < 3; ++i) {
        store::Statement st(tx,
                            "INSERT INTO sitting_seats (sitting_id, registration_id, room_id, seat_no, theory_kind,"
                            " ticket_no, assigned_at) VALUES (:s, :r, :room, :n, 'first', :t, :at)");
        st.bind(day_.sitting_id).bind(day_.candidates[static_cast<std::size_t>(i)].registration_id);
        st.bind(rooms_[i == 2 ? 1 : 0]).bind(i + 1).bind(ticket(i)).bind(now).execute();
      }
      // The signed-in proctor on room 1; a second proctor, signed in below, on room 2 only.
      store::User u;
      u.username = "proctor-two";
      u.role = store::Role::kProctor;
      u.station_id = roles_.station_id;
      u.created_at = now;
      auto uid = store::UserRepository(tx).insert(u);
      if (!uid) return fail(uid.error());
      other_proctor_.user_id = *uid;
      const std::pair<store::Id, store::Id> staff[] = {{rooms_[0], roles_.by_role.at(store::Role::kProctor).user_id},
                                                       {rooms_[1], *uid}};
      for (const auto& [room, user] : staff) {
        store::Statement st(tx,
                            "INSERT INTO sitting_staff (sitting_id, room_id, user_id, duty, assigned_at)"
                            " VALUES (:s, :r, :u, 'proctor', :t)");
        st.bind(day_.sitting_id).bind(room).bind(user).bind(now).execute();
      }
      return ok();
    });
    ASSERT_TRUE(made) << made.error().message;
    auto s = p_.platform().sessions().create(other_proctor_.user_id, "proctor", identity::Stage::kFull, "127.0.0.1");
    ASSERT_TRUE(s);
    other_proctor_.cookie = "rc_session=" + s->first;
    other_proctor_.csrf = s->second.csrf_token;
  }

  static std::string ticket(int i) { return "NC2026-000" + std::to_string(i + 1); }
  std::string room_path(int room = 0) const {
    return "/proctor/sittings/" + std::to_string(day_.sitting_id) + "/rooms/" +
           std::to_string(rooms_[static_cast<std::size_t>(room)]);
  }
  testing::HttpResponse as(const testing::SignedIn& who, const std::string& method, const std::string& target,
                           const std::string& body = "", const std::string& type = kForm) {
    return http_request(p_.port(), method, target, body, type, {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}});
  }
  const testing::SignedIn& proctor() const { return roles_.by_role.at(store::Role::kProctor); }
  testing::HttpResponse start(int who) {
    const auto& c = day_.candidates[static_cast<std::size_t>(who)];
    return http_request(p_.port(), "POST", "/api/v1/exam/attempts", json{{"paper", c.paper_id}}.dump(),
                        "application/json",
                        {{"Cookie", "rc_session=" + c.session_token}, {"X-CSRF-Token", c.csrf_token}});
  }
  static std::string code(const testing::HttpResponse& r) {
    auto j = json::parse(r.body, nullptr, false);
    return j.is_object() && j.contains("error") ? j["error"]["code"].get<std::string>() : "";
  }

  testing::RunningPlatform p_;
  testing::RoleSessions roles_;
  app::ExamDay day_;
  std::vector<store::Id> rooms_;
  testing::SignedIn other_proctor_;
};

TEST_F(ProctorPagesTest, EveryNewRouteIsForTheAssignedProctorOnly) {
  const std::vector<std::pair<std::string, std::string>> routes{
      {"GET", room_path()},
      {"POST", room_path() + "/lookup"},
      {"POST", room_path() + "/face"},
      {"POST", room_path() + "/admit"},
      {"POST", room_path() + "/incidents"},
  };
  for (const auto& [method, target] : routes) {
    auto nobody = http_request(p_.port(), method, target, "", kForm);
    if (method == "GET") {
      EXPECT_EQ(nobody.status, 302) << target;
      EXPECT_EQ(nobody.headers["location"], "/login");
    } else {
      EXPECT_TRUE(nobody.status == 302 || nobody.status == 403) << target << " " << nobody.status;
    }
    for (const auto& [role, who] : roles_.by_role) {
      if (role == store::Role::kProctor) continue;
      EXPECT_EQ(as(who, method, target, "scan=" + ticket(0)).status, 403)
          << method << " " << target << " as " << store::to_text(role);
    }
    // A proctor, but of another room of the sitting.
    auto other = as(other_proctor_, method, target,
                    "scan=" + ticket(0) + "&ticket=" + ticket(0) + "&note=x&kind=other&description=x");
    EXPECT_EQ(other.status, 403) << method << " " << target << " " << other.body.substr(0, 200);
  }
  EXPECT_EQ(as(proctor(), "GET", room_path()).status, 200);
  EXPECT_EQ(as(other_proctor_, "GET", room_path(1)).status, 200);
  // A room the sitting does not have.
  EXPECT_EQ(as(proctor(), "GET", "/proctor/sittings/" + std::to_string(day_.sitting_id) + "/rooms/999999").status, 404);
  // The home page lists only the proctor's own room; other roles are refused.
  auto home = as(proctor(), "GET", "/proctor");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find(room_path()), std::string::npos);
  EXPECT_EQ(home.body.find(room_path(1)), std::string::npos);
  EXPECT_EQ(as(roles_.by_role.at(store::Role::kStation), "GET", "/proctor").status, 403);
  EXPECT_EQ(as(roles_.by_role.at(store::Role::kCandidate), "GET", "/proctor").status, 403);
  // Nothing was written by any refused request.
  auto written = p_.platform().database().read([&](store::Transaction& tx) -> Result<std::int64_t> {
    std::int64_t n = 0;
    store::Statement st(tx,
                        "SELECT (SELECT count(*) FROM exam_checkins) + (SELECT count(*) FROM exam_incidents)");
    st.into(n);
    st.execute();
    return n;
  });
  ASSERT_TRUE(written);
  EXPECT_EQ(*written, 0);
}

TEST_F(ProctorPagesTest, TheProctorAdmitsByTicketQrAndOnlyTheAdmittedCandidateMayStart) {
  p_.clock().set(p_.clock().now() + std::chrono::minutes(3));
  const std::string qr = app::ticket_qr_text(p_.platform(), ticket(0));
  auto card = as(proctor(), "POST", room_path() + "/lookup", "scan=" + url_encode(qr));
  ASSERT_EQ(card.status, 200) << card.body.substr(0, 500);
  EXPECT_NE(card.body.find("id=\"candidate\""), std::string::npos);
  EXPECT_NE(card.body.find("压测考生1"), std::string::npos);
  EXPECT_NE(card.body.find("待入场"), std::string::npos);
  EXPECT_EQ(card.body.find("BENCH"), std::string::npos) << "the ID number is masked";
  // A forged QR (the number changed, the MAC kept) and a ticket of the other room are refused.
  std::string forged = qr;
  forged.replace(forged.find(ticket(0)), ticket(0).size(), ticket(1));
  auto bad = as(proctor(), "POST", room_path() + "/lookup", "scan=" + url_encode(forged));
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("二维码无效"), std::string::npos);
  auto elsewhere = as(proctor(), "POST", room_path() + "/lookup", "scan=" + ticket(2));
  EXPECT_EQ(elsewhere.status, 422);
  EXPECT_NE(elsewhere.body.find("不在本考场"), std::string::npos);

  auto no_reason = as(proctor(), "POST", room_path() + "/admit", "ticket=" + ticket(0) + "&note=");
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_NE(no_reason.body.find("必须填写核验说明"), std::string::npos);
  EXPECT_EQ(code(start(0)), "exam.not_checked_in");

  auto admitted =
      as(proctor(), "POST", room_path() + "/admit", "ticket=" + ticket(0) + "&note=" + url_encode("已核对身份证原件"));
  EXPECT_EQ(admitted.status, 303) << admitted.body.substr(0, 300);
  EXPECT_EQ(admitted.headers["location"], room_path() + "?done=manual");
  auto list = as(proctor(), "GET", room_path() + "?done=manual");
  EXPECT_NE(list.body.find("data-status=\"admitted\""), std::string::npos);
  EXPECT_NE(list.body.find("id=\"count-admitted\">1<"), std::string::npos);
  auto twice = as(proctor(), "POST", room_path() + "/admit", "ticket=" + ticket(0) + "&note=x");
  EXPECT_EQ(twice.status, 409);

  EXPECT_EQ(start(0).status, 201);
  auto other = start(1);
  EXPECT_EQ(other.status, 422) << other.body;
  EXPECT_EQ(code(other), "exam.not_checked_in");
}

TEST_F(ProctorPagesTest, AfterTheCutOffTheDoorRefusesWithTheD11Message) {
  p_.clock().set(p_.clock().now() + std::chrono::minutes(16));
  auto admit =
      as(proctor(), "POST", room_path() + "/admit", "ticket=" + ticket(1) + "&note=" + url_encode("已核对证件"));
  EXPECT_EQ(admit.status, 422);
  EXPECT_NE(admit.body.find("开考 15 分钟后不得入场，按缺考处理（D11）"), std::string::npos);
  auto list = as(proctor(), "GET", room_path());
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("id=\"count-absent\">2<"), std::string::npos) << "the list swept the room";
  EXPECT_NE(list.body.find("缺考"), std::string::npos);
  auto started = start(1);
  EXPECT_EQ(code(started), "exam.late");
}

TEST_F(ProctorPagesTest, FaceChecksAreRateLimitedPerProctor) {
  const std::string boundary = "----rcboundary";
  const std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"ticket\"\r\n\r\n" + ticket(0) +
                           "\r\n--" + boundary +
                           "\r\nContent-Disposition: form-data; name=\"capture\"; filename=\"c.jpg\"\r\n"
                           "Content-Type: image/jpeg\r\n\r\nnot-a-jpeg\r\n--" +
                           boundary + "--\r\n";
  int limited = 0;
  for (int i = 0; i < 14; ++i) {
    auto r = as(proctor(), "POST", room_path() + "/face", body, "multipart/form-data; boundary=" + boundary);
    EXPECT_NE(r.status, 303) << "a broken capture never admits";
    if (r.status == 429) ++limited;
  }
  EXPECT_EQ(limited, 2);
  // The other proctor has a budget of their own.
  auto other = as(other_proctor_, "POST", room_path(1) + "/face", body, "multipart/form-data; boundary=" + boundary);
  EXPECT_NE(other.status, 429);
}

TEST_F(ProctorPagesTest, IncidentsAreRecordedAndShownInTheRoom) {
  auto bad = as(proctor(), "POST", room_path() + "/incidents", "kind=other&description=");
  EXPECT_EQ(bad.status, 422);
  auto done = as(proctor(), "POST", room_path() + "/incidents",
                 "kind=device&ticket=" + ticket(1) + "&description=" + url_encode("3 号机位死机，已更换机位"));
  EXPECT_EQ(done.status, 303);
  auto list = as(proctor(), "GET", room_path());
  EXPECT_NE(list.body.find("[设备故障] 3 号机位死机，已更换机位"), std::string::npos);
}

}  // namespace
}  // namespace rc
