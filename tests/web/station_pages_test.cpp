// The station's review pages (/station, /station/registrations/:id and the two decisions) over
// real HTTP on a running platform. Applications are built and confirmed by the real use cases
// (create_batch -> add_applicant -> submit_batch, then the candidate's steps with an image-level
// photo check and the manual identity check), so these tests do not depend on the face models.
#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

#include <cctype>
#include <string>
#include <vector>

#include "app/registration/add_applicant.h"
#include "app/registration/agree_and_submit.h"
#include "app/registration/complete_missing_fields.h"
#include "app/registration/confirm_id_information.h"
#include "app/registration/create_batch.h"
#include "app/registration/request_manual_review.h"
#include "app/registration/submit_batch.h"
#include "app/registration/upload_photo.h"
#include "domain/identity/id_number.h"
#include "store/station_repository.h"
#include "store/user_repository.h"
#include "support/http_client.h"
#include "support/page_test_helpers.h"
#include "support/role_sessions.h"

namespace rc {
namespace {

using testing::http_request;
using testing::HttpResponse;
using testing::SignedIn;

std::string id_number(int seq) { return testing::resident_id_number(seq); }
using testing::url_encode;

std::string grey_png() {
  cv::Mat img(500, 400, CV_8UC3, cv::Scalar(128, 128, 128));
  std::vector<unsigned char> out;
  cv::imencode(".png", img, out);
  return std::string(out.begin(), out.end());
}

// Enrols anything: the photo step of these tests checks the image only.
struct AnyFace final : face::FaceVerifier {
  Result<face::FaceTemplate> enrol(std::string_view) override { return face::FaceTemplate{}; }
  Result<face::Match> verify(const face::FaceTemplate&, std::string_view) override { return face::Match{}; }
  std::string_view name() const override { return "test"; }
};

bool has(const HttpResponse& r, const std::string& text) { return testing::body_has(r, text); }

struct Applicant {
  app::AddedApplicant added;
  app::Actor actor;  // the candidate's account
  SignedIn session;
};

class StationPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sessions_ = testing::sign_in_every_role(p_);
    station_ = sessions_.by_role[store::Role::kStation];
    auto& platform = p_.platform();
    org_ = app::Actor{sessions_.by_role[store::Role::kOrganisation].user_id, "user-organisation",
                      store::Role::kOrganisation, sessions_.organisation_id};
    auto batch = app::create_batch(platform.database(), platform.clock(), platform.policies(), org_,
                                   {sessions_.station_id, 5, "2026年第四期集体申报"});
    ASSERT_TRUE(batch) << batch.error().message;
    std::vector<app::AddedApplicant> added{add(batch->id, "王芳明", 101, "13900000101"),
                                           add(batch->id, "李军明", 103, "13900000103")};
    auto submitted = app::submit_batch(platform.database(), platform.clock(), platform.policies(), platform.sms(),
                                       org_, batch->id);
    ASSERT_TRUE(submitted) << submitted.error().message;
    alice_ = account(added[0]);
    bob_ = account(added[1]);
    confirm(alice_);  // Bob has not confirmed yet: not in the queue
  }

  app::AddedApplicant add(store::Id batch, const std::string& name, int seq, const std::string& mobile) {
    auto& platform = p_.platform();
    app::ApplicantForm form{name, "", id_number(seq), seq % 2 ? "男" : "女", "", mobile, "是", "", "", ""};
    auto added = app::add_applicant(platform.database(), platform.clock(), platform.policies(), platform.cipher(),
                                    platform.registration_settings(), org_, batch, form);
    if (!added) ADD_FAILURE() << added.error().errors.front().message;
    return added ? *added : app::AddedApplicant{};
  }

  Applicant account(const app::AddedApplicant& a) {
    auto user = p_.platform().database().read(
        [&](store::Transaction& tx) { return store::UserRepository(tx).find_by_candidate(a.candidate_id); });
    EXPECT_TRUE(user && *user);
    if (!user || !*user) return {};
    auto s = p_.platform().sessions().create((*user)->id, "candidate", identity::Stage::kFull, "127.0.0.1");
    EXPECT_TRUE(s);
    return Applicant{a, app::Actor{(*user)->id, (*user)->username, store::Role::kCandidate, a.candidate_id},
                     SignedIn{(*user)->id, "rc_session=" + s->first, s->second.csrf_token}};
  }

  // The candidate's confirmation steps through the use cases: photo, ID, manual check, fields, agree.
  void confirm(const Applicant& a) {
    auto& platform = p_.platform();
    auto settings = platform.registration_settings();
    settings.photo_rules.detect_faces = false;
    settings.face_failures_before_manual_review = 0;
    AnyFace any;
    const auto id = a.added.registration_id;
    auto photo = app::upload_photo(platform.database(), platform.clock(), platform.cipher(), &any, settings, a.actor, id,
                                   grey_png());
    ASSERT_TRUE(photo && photo->accepted);
    ASSERT_TRUE(app::confirm_id_information(platform.database(), platform.clock(), a.actor, id));
    ASSERT_TRUE(app::request_manual_review(platform.database(), platform.clock(), settings, a.actor, id));
    app::MissingFieldsForm fields;
    fields.address = "四川省南充市顺庆区人民南路1号";
    fields.emergency_contact_name = "王大明";
    fields.emergency_contact_phone = "13900000999";
    ASSERT_TRUE(app::complete_missing_fields(platform.database(), platform.clock(), a.actor, id, fields));
    auto agreed = app::agree_and_submit(platform.database(), platform.clock(), a.actor, id);
    ASSERT_TRUE(agreed) << agreed.error().message;
  }

  HttpResponse get(const SignedIn& who, const std::string& path) {
    return http_request(p_.port(), "GET", path, "", "", {{"Cookie", who.cookie}});
  }
  HttpResponse post(const SignedIn& who, const std::string& path, const std::string& body) {
    return http_request(p_.port(), "POST", path, body, "application/x-www-form-urlencoded",
                        {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}});
  }
  std::string detail(const Applicant& a) { return "/station/registrations/" + std::to_string(a.added.registration_id); }

  testing::RunningPlatform p_;
  testing::RoleSessions sessions_;
  SignedIn station_;
  app::Actor org_;
  Applicant alice_, bob_;
};

TEST_F(StationPagesTest, QueueListsConfirmedApplicationsWithMaskedIds) {
  auto r = get(station_, "/station");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(has(r, "王芳明"));
  EXPECT_TRUE(has(r, alice_.added.id_number_masked));
  EXPECT_FALSE(has(r, id_number(101))) << "masked in the list";
  EXPECT_TRUE(has(r, "2026年第四期集体申报"));
  EXPECT_TRUE(has(r, "南充安澜救援培训学校"));
  EXPECT_TRUE(has(r, "申请人工核验"));
  EXPECT_TRUE(has(r, "href=\"" + detail(alice_) + "\""));
  EXPECT_FALSE(has(r, "李军明")) << "not confirmed by the candidate yet";
}

TEST_F(StationPagesTest, DetailShowsTheFullIdNumberAndPhotoAndIsNotCached) {
  auto r = get(station_, detail(alice_));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(has(r, id_number(101)));
  EXPECT_TRUE(has(r, "src=\"data:image/png;base64,"));
  EXPECT_TRUE(has(r, "居民身份证"));
  EXPECT_TRUE(has(r, "考生申请人工核验"));
  EXPECT_TRUE(has(r, "四川省南充市顺庆区人民南路1号"));
  EXPECT_TRUE(has(r, "action=\"" + detail(alice_) + "/approve\""));
  EXPECT_TRUE(has(r, "action=\"" + detail(alice_) + "/return\""));
  EXPECT_EQ(r.headers["cache-control"], "no-store");
}

TEST_F(StationPagesTest, AnotherStationCannotSeeOrDecide) {
  auto& db = p_.platform().database();
  SignedIn other;
  auto made = db.transaction([&](store::Transaction& tx) -> Result<store::Id> {
    auto sid = store::StationRepository(tx).insert({0, "CD01", "成都市鉴定站", "510100", "成都", {}});
    if (!sid) return fail(sid.error());
    store::User u;
    u.username = "station-cd";
    u.role = store::Role::kStation;
    u.phone = "13800000010";
    u.station_id = *sid;
    return store::UserRepository(tx).insert(u);
  });
  ASSERT_TRUE(made);
  auto s = p_.platform().sessions().create(*made, "station", identity::Stage::kFull, "127.0.0.1");
  ASSERT_TRUE(s);
  other = SignedIn{*made, "rc_session=" + s->first, s->second.csrf_token};
  EXPECT_EQ(get(other, detail(alice_)).status, 403);
  EXPECT_EQ(post(other, detail(alice_) + "/approve", "").status, 403);
  EXPECT_EQ(post(other, detail(alice_) + "/return", "reason=x").status, 403);
  EXPECT_FALSE(has(get(other, "/station"), "王芳明"));
  EXPECT_EQ(get(alice_.session, detail(alice_)).status, 403) << "candidates never reach the reviewer's page";
}

TEST_F(StationPagesTest, ApproveTakesTheApplicationOutOfTheQueue) {
  auto r = post(station_, detail(alice_) + "/approve", "");
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.headers["location"], "/station?done=approved");
  auto queue = get(station_, r.headers["location"]);
  EXPECT_TRUE(has(queue, "已审核通过。"));
  EXPECT_FALSE(has(queue, "王芳明"));
  EXPECT_TRUE(has(get(alice_.session, "/me"), "审核通过"));
  auto again = post(station_, detail(alice_) + "/approve", "");
  EXPECT_EQ(again.status, 422) << "only once";
  EXPECT_FALSE(has(get(station_, detail(alice_)), "/approve\"")) << "no decision forms once decided";
}

TEST_F(StationPagesTest, ApproveRefusesAMalformedFee) {
  auto r = post(station_, detail(alice_) + "/approve", "fee_paid=" + url_encode("１五〇"));
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "缴费金额格式不正确"));
  EXPECT_TRUE(has(get(station_, "/station"), "王芳明"));
}

TEST_F(StationPagesTest, ReturnNeedsAReason) {
  auto r = post(station_, detail(alice_) + "/return", "reason=%20%20");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "id=\"problem\"")) << r.body;
  EXPECT_TRUE(has(get(station_, "/station"), "王芳明")) << "still waiting";
  auto too_long = post(station_, detail(alice_) + "/return", "reason=" + std::string(700, 'x'));
  EXPECT_TRUE(too_long.status == 422 || too_long.status == 413) << too_long.status;
  EXPECT_TRUE(has(too_long, std::string(700, 'x'))) << "the typed reason is kept to be shortened";
}

TEST_F(StationPagesTest, ReturnedReasonReachesTheCandidateWhoCorrectsAndResubmits) {
  const std::string reason = "照片背景不是纯色，请重新上传<script>alert(1)</script>";
  auto r = post(station_, detail(alice_) + "/return", "reason=" + url_encode(reason));
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.headers["location"], "/station?done=returned");
  EXPECT_FALSE(has(get(station_, "/station"), "王芳明"));

  auto me = get(alice_.session, "/me");
  EXPECT_TRUE(has(me, "已退回"));
  EXPECT_TRUE(has(me, "照片背景不是纯色，请重新上传&lt;script&gt;"));
  EXPECT_FALSE(has(me, "<script>alert(1)"));
  auto confirm = get(alice_.session, "/me/confirm");
  EXPECT_TRUE(has(confirm, "照片背景不是纯色"));
  EXPECT_TRUE(has(confirm, "action=\"/me/confirm/agree\""));

  // The candidate corrects (new contact address) and agrees again: back in the queue.
  const std::string reg = "registration=" + std::to_string(alice_.added.registration_id);
  EXPECT_EQ(post(alice_.session, "/me/confirm/fields", reg + "&address=" + url_encode("南充市高坪区2号")).status, 303);
  auto again = post(alice_.session, "/me/confirm/agree", reg + "&declaration=yes&face_consent=yes");
  ASSERT_EQ(again.status, 303) << again.body;
  EXPECT_TRUE(has(get(alice_.session, "/me"), "待审核"));
  auto queue = get(station_, "/station");
  EXPECT_TRUE(has(queue, "王芳明"));
  auto d = get(station_, detail(alice_));
  EXPECT_TRUE(has(d, "南充市高坪区2号"));
  EXPECT_TRUE(has(d, "上次退回原因"));
}

TEST_F(StationPagesTest, FlashIsFixedTextNeverTheQuery) {
  auto r = get(station_, "/station?done=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  ASSERT_EQ(r.status, 200);
  EXPECT_FALSE(has(r, "<script>alert"));
  EXPECT_FALSE(has(r, "class=\"flash\""));
}

TEST_F(StationPagesTest, UnknownRegistrationIsNotFound) {
  EXPECT_EQ(get(station_, "/station/registrations/999999").status, 404);
  EXPECT_EQ(post(station_, "/station/registrations/999999/approve", "").status, 404);
}

}  // namespace
}  // namespace rc
