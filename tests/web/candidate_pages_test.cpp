// The candidate's pages (/me, /me/confirm and its steps) over real HTTP on a running platform, with
// the applications built by the real use cases (create_batch -> add_applicant -> submit_batch).
// With the face cache (scripts/fetch-face-models) the photo and face steps use real face images;
// without it, the refusal paths and the manual check are exercised instead.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "app/registration/add_applicant.h"
#include "app/registration/create_batch.h"
#include "app/registration/submit_batch.h"
#include "app/registration/upload_photo.h"
#include "domain/identity/id_number.h"
#include "face/face_test_images.h"
#include "store/user_repository.h"
#include "support/http_client.h"
#include "support/page_test_helpers.h"
#include "support/role_sessions.h"

namespace rc {
namespace {

using testing::http_request;
using testing::HttpResponse;
using testing::SignedIn;

std::string face_models_dir() { return std::string(RC_SOURCE_ROOT) + "/.cache/face/models"; }
bool face_cache_present() {
  return std::filesystem::is_regular_file(face_models_dir() + "/dlib_face_recognition_resnet_model_v1.dat") &&
         std::filesystem::is_directory(face::testing::face_cache() + "/images/johns");
}

// Points the platform at the repository's face models for the life of the fixture.
struct FaceModelsEnv {
  explicit FaceModelsEnv(const std::string& dir) { setenv("RESCUECERT_FACE_MODELS_DIR", dir.c_str(), 1); }
  ~FaceModelsEnv() { unsetenv("RESCUECERT_FACE_MODELS_DIR"); }
};

std::string id_number(int seq) { return testing::resident_id_number(seq); }
using testing::url_encode;

struct Part {
  std::string name, value, filename, content_type;
};

std::string multipart(const std::vector<Part>& parts, const std::string& boundary) {
  std::string body;
  for (const auto& p : parts) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name + "\"";
    if (!p.filename.empty()) body += "; filename=\"" + p.filename + "\"\r\nContent-Type: " + p.content_type;
    body += "\r\n\r\n" + p.value + "\r\n";
  }
  return body + "--" + boundary + "--\r\n";
}

bool has(const HttpResponse& r, const std::string& text) { return testing::body_has(r, text); }

class CandidatePagesTest : public ::testing::Test {
 protected:
  explicit CandidatePagesTest(const std::string& models_dir = face_models_dir()) : env_(models_dir) {}
  void SetUp() override {
    sessions_ = testing::sign_in_every_role(p_);
    auto& platform = p_.platform();
    org_ = app::Actor{sessions_.by_role[store::Role::kOrganisation].user_id, "user-organisation",
                      store::Role::kOrganisation, sessions_.organisation_id};
    auto batch = app::create_batch(platform.database(), platform.clock(), platform.policies(), org_,
                                   {sessions_.station_id, 5, "2026年第四期集体申报"});
    ASSERT_TRUE(batch) << batch.error().message;
    alice_ = add(batch->id, "王芳明", 101, "13900000101");
    bob_ = add(batch->id, "李军明", 103, "13900000103");
    auto submitted = app::submit_batch(platform.database(), platform.clock(), platform.policies(), platform.sms(),
                                       org_, batch->id);
    ASSERT_TRUE(submitted) << submitted.error().message;
    alice_session_ = session_for(alice_.candidate_id);
    bob_session_ = session_for(bob_.candidate_id);
  }

  app::AddedApplicant add(store::Id batch, const std::string& name, int seq, const std::string& mobile) {
    auto& platform = p_.platform();
    app::ApplicantForm form{name, "", id_number(seq), seq % 2 ? "男" : "女", "", mobile, "是", "", "", ""};
    auto added = app::add_applicant(platform.database(), platform.clock(), platform.policies(), platform.cipher(),
                                    platform.registration_settings(), org_, batch, form);
    if (!added) ADD_FAILURE() << added.error().errors.front().message;
    return added ? *added : app::AddedApplicant{};
  }

  SignedIn session_for(store::Id candidate_id) {
    auto user = p_.platform().database().read(
        [&](store::Transaction& tx) { return store::UserRepository(tx).find_by_candidate(candidate_id); });
    EXPECT_TRUE(user && *user);
    if (!user || !*user) return {};
    auto s = p_.platform().sessions().create((*user)->id, "candidate", identity::Stage::kFull, "127.0.0.1");
    EXPECT_TRUE(s);
    return SignedIn{(*user)->id, "rc_session=" + s->first, s->second.csrf_token};
  }

  HttpResponse get(const SignedIn& who, const std::string& path) {
    return http_request(p_.port(), "GET", path, "", "", {{"Cookie", who.cookie}});
  }
  HttpResponse post(const SignedIn& who, const std::string& path, const std::string& body) {
    return http_request(p_.port(), "POST", path, body, "application/x-www-form-urlencoded",
                        {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}});
  }
  HttpResponse post_parts(const SignedIn& who, const std::string& path, const std::vector<Part>& parts) {
    const std::string boundary = "----rc-test-boundary-7f3a";
    return http_request(p_.port(), "POST", path, multipart(parts, boundary),
                        "multipart/form-data; boundary=" + boundary,
                        {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}});
  }
  std::string reg(const app::AddedApplicant& a) { return "registration=" + std::to_string(a.registration_id); }
  Part reg_part(const app::AddedApplicant& a) { return {"registration", std::to_string(a.registration_id), "", ""}; }

  // Steps 2 and 4 over HTTP, each expected to succeed.
  void confirm_id_and_fields(const SignedIn& who, const app::AddedApplicant& a) {
    EXPECT_EQ(post(who, "/me/confirm/id", reg(a)).status, 303);
    auto fields = post(who, "/me/confirm/fields",
                       reg(a) + "&address=" + url_encode("四川省南充市顺庆区人民南路1号") +
                           "&emergency_contact_name=" + url_encode("王大明") +
                           "&emergency_contact_phone=13900000999&employer=");
    EXPECT_EQ(fields.status, 303) << fields.body;
  }

  FaceModelsEnv env_;
  testing::RunningPlatform p_;
  testing::RoleSessions sessions_;
  app::Actor org_;
  app::AddedApplicant alice_, bob_;
  SignedIn alice_session_, bob_session_;
};

TEST_F(CandidatePagesTest, UserCentreShowsTheOwnApplicationWithMaskedIdAndPhone) {
  auto r = get(alice_session_, "/me");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(has(r, "王芳明"));
  EXPECT_TRUE(has(r, alice_.id_number_masked));
  EXPECT_TRUE(has(r, "5113**********"));
  EXPECT_FALSE(has(r, id_number(101))) << "the full ID number is shown only to the station's reviewer";
  EXPECT_FALSE(has(r, "13900000101")) << "the phone number is masked";
  EXPECT_TRUE(has(r, "待确认"));
  EXPECT_TRUE(has(r, "南充市应急救援员鉴定站"));
  EXPECT_TRUE(has(r, "南充安澜救援培训学校"));
  EXPECT_TRUE(has(r, "2026年第四期集体申报"));
  EXPECT_TRUE(has(r, "/me/exam")) << "the theory exam is reachable from the user centre";
  EXPECT_TRUE(has(r, "/me/certificates")) << "so is 证书下载 (R11)";
  EXPECT_TRUE(has(r, "/me/confirm"));
  EXPECT_FALSE(has(r, "李军明"));
}

TEST_F(CandidatePagesTest, CandidateWithoutApplicationIsToldSo) {
  auto r = get(sessions_.by_role[store::Role::kCandidate], "/me");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(has(r, "您还没有报名记录"));
}

TEST_F(CandidatePagesTest, AnotherCandidatesApplicationIsRefused) {
  EXPECT_EQ(get(alice_session_, "/me?" + reg(bob_)).status, 403);
  EXPECT_EQ(get(alice_session_, "/me/confirm?" + reg(bob_)).status, 403);
  EXPECT_EQ(post(alice_session_, "/me/confirm/id", reg(bob_)).status, 403);
  EXPECT_EQ(post(alice_session_, "/me/confirm/fields", reg(bob_) + "&address=x").status, 403);
  EXPECT_EQ(post(alice_session_, "/me/confirm/agree", reg(bob_) + "&declaration=yes&face_consent=yes").status, 403);
  EXPECT_EQ(get(alice_session_, "/me/confirm?registration=999999").status, 404);
  EXPECT_EQ(get(alice_session_, "/me/confirm?registration=abc").status, 404);
  // Bob's application is untouched: his identity step is still open.
  auto bob = get(bob_session_, "/me/confirm");
  ASSERT_EQ(bob.status, 200);
  EXPECT_TRUE(has(bob, "信息无误"));
}

TEST_F(CandidatePagesTest, ConfirmPageListsWhatIsMissingWithTheMaskedId) {
  auto r = get(alice_session_, "/me/confirm");
  ASSERT_EQ(r.status, 200) << r.body;
  for (const char* field : {"photo", "id_confirmed", "face_check", "address", "emergency_contact_name",
                            "emergency_contact_phone"})
    EXPECT_TRUE(has(r, std::string("data-field=\"") + field + "\"")) << field;
  EXPECT_FALSE(has(r, "data-field=\"health_declared\"")) << "declared in the batch";
  EXPECT_TRUE(has(r, alice_.id_number_masked));
  EXPECT_FALSE(has(r, id_number(101)));
  EXPECT_TRUE(has(r, "人脸信息处理告知"));
  EXPECT_TRUE(has(r, "name=\"_csrf\" value=\"" + alice_session_.csrf + "\""));
}

TEST_F(CandidatePagesTest, AgreeIsRefusedWhileStepsAreMissing) {
  auto without_declaration = post(alice_session_, "/me/confirm/agree", reg(alice_) + "&face_consent=yes");
  EXPECT_EQ(without_declaration.status, 422);
  EXPECT_TRUE(has(without_declaration, "请阅读并勾选报名声明"));
  auto without_consent = post(alice_session_, "/me/confirm/agree", reg(alice_) + "&declaration=yes");
  EXPECT_EQ(without_consent.status, 422);
  EXPECT_TRUE(has(without_consent, "请先阅读《人脸信息处理告知》并勾选单独同意"));
  auto incomplete = post(alice_session_, "/me/confirm/agree", reg(alice_) + "&declaration=yes&face_consent=yes");
  EXPECT_EQ(incomplete.status, 422) << incomplete.body;
  EXPECT_TRUE(has(incomplete, "id=\"problem\""));
  EXPECT_TRUE(has(get(alice_session_, "/me"), "待确认"));
}

TEST_F(CandidatePagesTest, IdConfirmationRedirectsWithAFixedFlash) {
  auto r = post(alice_session_, "/me/confirm/id", reg(alice_));
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.headers["location"], "/me/confirm?" + reg(alice_) + "&done=id");
  auto page = get(alice_session_, r.headers["location"]);
  EXPECT_TRUE(has(page, "身份信息已确认。"));
  EXPECT_FALSE(has(page, "信息无误"));
  EXPECT_FALSE(has(page, "data-field=\"id_confirmed\""));
  auto forged = get(alice_session_, "/me/confirm?done=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  EXPECT_FALSE(has(forged, "<script>alert"));
}

TEST_F(CandidatePagesTest, MissingFieldsAreCheckedAndKeptOnRefusal) {
  auto bad_phone = post(alice_session_, "/me/confirm/fields",
                        reg(alice_) + "&address=" + url_encode("南充市顺庆区1号") + "&emergency_contact_name=" +
                            url_encode("王大明") + "&emergency_contact_phone=12345");
  EXPECT_EQ(bad_phone.status, 422);
  EXPECT_TRUE(has(bad_phone, "紧急联系人电话："));
  EXPECT_TRUE(has(bad_phone, "value=\"南充市顺庆区1号\"")) << "what was typed is kept";
  auto empty_address = post(alice_session_, "/me/confirm/fields", reg(alice_) + "&address=");
  EXPECT_EQ(empty_address.status, 422);
  EXPECT_TRUE(has(empty_address, "通讯地址不能为空"));
  auto not_healthy = post(alice_session_, "/me/confirm/fields", reg(alice_) + "&health_declared=no");
  EXPECT_EQ(not_healthy.status, 422);
  EXPECT_TRUE(has(not_healthy, "须声明身体健康方可报考"));
  auto script = post(alice_session_, "/me/confirm/fields",
                     reg(alice_) + "&address=" + url_encode("<script>alert(1)</script>") +
                         "&emergency_contact_name=" + url_encode("王大明") + "&emergency_contact_phone=13900000999");
  EXPECT_TRUE(script.status == 303 || script.status == 422) << script.status;
  EXPECT_FALSE(has(get(alice_session_, "/me/confirm"), "<script>alert(1)")) << "stored inert, shown escaped";

  auto good = post(alice_session_, "/me/confirm/fields",
                   reg(alice_) + "&address=" + url_encode("南充市顺庆区1号") + "&emergency_contact_name=" +
                       url_encode("王大明") + "&emergency_contact_phone=13900000999");
  ASSERT_EQ(good.status, 303) << good.body;
  auto page = get(alice_session_, good.headers["location"]);
  EXPECT_TRUE(has(page, "信息已保存。"));
  EXPECT_FALSE(has(page, "data-field=\"address\""));
  EXPECT_FALSE(has(page, "data-field=\"emergency_contact_phone\""));
}

TEST_F(CandidatePagesTest, PhotoStepExplainsEveryRefusal) {
  auto no_consent = post_parts(alice_session_, "/me/confirm/photo",
                               {reg_part(alice_), {"photo", face::testing::encode(cv::Mat(500, 400, CV_8UC3,
                                                                                          cv::Scalar(128, 128, 128)),
                                                                                  ".png"),
                                                   "a.png", "image/png"}});
  EXPECT_EQ(no_consent.status, 422);
  EXPECT_TRUE(has(no_consent, "请先阅读《人脸信息处理告知》并勾选单独同意"));
  auto no_file = post_parts(alice_session_, "/me/confirm/photo", {reg_part(alice_), {"face_consent", "yes", "", ""}});
  EXPECT_EQ(no_file.status, 422);
  EXPECT_TRUE(has(no_file, "请选择要上传的照片"));
  // A generated picture without a face: refused with its reasons as a list, nothing stored.
  const std::string grey = face::testing::encode(cv::Mat(500, 400, CV_8UC3, cv::Scalar(128, 128, 128)), ".png");
  auto faceless = post_parts(alice_session_, "/me/confirm/photo",
                             {reg_part(alice_), {"face_consent", "yes", "", ""}, {"photo", grey, "a.png", "image/png"}});
  EXPECT_EQ(faceless.status, 422);
  EXPECT_TRUE(has(faceless, "id=\"photo-issues\""));
  EXPECT_TRUE(has(faceless, "data-code=\"face.none\"")) << faceless.body;
  auto not_image = post_parts(alice_session_, "/me/confirm/photo",
                              {reg_part(alice_), {"face_consent", "yes", "", ""},
                               {"photo", "<?php echo 1; ?>", "a.jpg", "image/jpeg"}});
  EXPECT_EQ(not_image.status, 422);
  EXPECT_TRUE(has(not_image, "data-code=\"image."));
  EXPECT_TRUE(has(get(alice_session_, "/me/confirm"), "data-field=\"photo\""));
}

// With the models: a real portrait is accepted, a different person's capture fails three times,
// then the manual check is offered; a capture of the same person passes.
TEST_F(CandidatePagesTest, FaceStepWithModelsMatchesOrLeadsToTheManualCheck) {
  if (!face_cache_present()) GTEST_SKIP() << "no face cache: run scripts/fetch-face-models (manual path tested below)";
  ASSERT_TRUE(p_.platform().face_models_present());
  using face::testing::encode;
  auto photo = post_parts(alice_session_, "/me/confirm/photo",
                          {reg_part(alice_), {"face_consent", "yes", "", ""},
                           {"photo", encode(face::testing::portrait(face::testing::kSimmA)), "p.jpg", "image/jpeg"}});
  ASSERT_EQ(photo.status, 303) << photo.body;
  auto page = get(alice_session_, photo.headers["location"]);
  EXPECT_TRUE(has(page, "照片已通过检查并保存。"));
  EXPECT_TRUE(has(page, "data-face-capture"));
  EXPECT_TRUE(has(page, "/static/face_capture.js"));
  EXPECT_FALSE(has(page, "id=\"manual-review\"")) << "not before three failures";
  EXPECT_EQ(post(alice_session_, "/me/confirm/manual-review", reg(alice_)).status, 422);

  const std::string stranger = encode(face::testing::padded_chip(face::testing::kSalley));
  auto no_consent = post_parts(alice_session_, "/me/confirm/face",
                               {reg_part(alice_), {"capture", stranger, "c.jpg", "image/jpeg"}});
  EXPECT_EQ(no_consent.status, 422);
  for (int i = 0; i < 3; ++i) {
    auto r = post_parts(alice_session_, "/me/confirm/face",
                        {reg_part(alice_), {"face_consent", "yes", "", ""}, {"capture", stranger, "c.jpg", "image/jpeg"}});
    EXPECT_EQ(r.status, 422) << r.body;
  }
  page = get(alice_session_, "/me/confirm");
  EXPECT_TRUE(has(page, "id=\"manual-review\"")) << "offered after three failures";

  auto same = post_parts(alice_session_, "/me/confirm/face",
                         {reg_part(alice_), {"face_consent", "yes", "", ""},
                          {"capture", encode(face::testing::padded_chip(face::testing::kSimmB)), "c.jpg", "image/jpeg"}});
  ASSERT_EQ(same.status, 303) << same.body;
  EXPECT_TRUE(has(get(alice_session_, same.headers["location"]), "人脸核验通过。"));
}

// The whole confirmation to the station's review; the photo through HTTP with a real portrait
// when the face cache is there, else through the use case with an image-level check.
TEST_F(CandidatePagesTest, CompletedStepsThenAgreeSubmitsForReview) {
  auto& platform = p_.platform();
  if (face_cache_present()) {
    auto photo = post_parts(alice_session_, "/me/confirm/photo",
                            {reg_part(alice_), {"face_consent", "yes", "", ""},
                             {"photo", face::testing::encode(face::testing::portrait(face::testing::kSimmA)), "p.jpg",
                              "image/jpeg"}});
    ASSERT_EQ(photo.status, 303) << photo.body;
    auto face = post_parts(alice_session_, "/me/confirm/face",
                           {reg_part(alice_), {"face_consent", "yes", "", ""},
                            {"capture", face::testing::encode(face::testing::padded_chip(face::testing::kSimmB)),
                             "c.jpg", "image/jpeg"}});
    ASSERT_EQ(face.status, 303) << face.body;
  } else {
    auto settings = platform.registration_settings();
    settings.photo_rules.detect_faces = false;
    struct AnyFace final : face::FaceVerifier {
      Result<face::FaceTemplate> enrol(std::string_view) override { return face::FaceTemplate{}; }
      Result<face::Match> verify(const face::FaceTemplate&, std::string_view) override { return face::Match{}; }
      std::string_view name() const override { return "test"; }
    } any;
    const std::string grey = face::testing::encode(cv::Mat(500, 400, CV_8UC3, cv::Scalar(128, 128, 128)), ".png");
    auto actor = app::Actor{alice_session_.user_id, "alice", store::Role::kCandidate, alice_.candidate_id};
    auto up = app::upload_photo(platform.database(), platform.clock(), platform.cipher(), &any, settings, actor,
                                alice_.registration_id, grey);
    ASSERT_TRUE(up && up->accepted);
    auto page = get(alice_session_, "/me/confirm");
    EXPECT_TRUE(has(page, "暂未安装人脸比对模型"));
    ASSERT_EQ(post(alice_session_, "/me/confirm/manual-review", reg(alice_)).status, 303);
  }
  confirm_id_and_fields(alice_session_, alice_);
  auto agreed = post(alice_session_, "/me/confirm/agree", reg(alice_) + "&declaration=yes&face_consent=yes");
  ASSERT_EQ(agreed.status, 303) << agreed.body;
  auto page = get(alice_session_, agreed.headers["location"]);
  EXPECT_TRUE(has(page, "已提交，等待鉴定站审核"));
  EXPECT_FALSE(has(page, "action=\"/me/confirm/agree\"")) << "nothing left to change";
  EXPECT_TRUE(has(get(alice_session_, "/me"), "待审核"));
  // A second agreement is refused: the application is with the station now.
  EXPECT_EQ(post(alice_session_, "/me/confirm/id", reg(alice_)).status, 422);
}

class NoFaceModelsTest : public CandidatePagesTest {
 protected:
  NoFaceModelsTest() : CandidatePagesTest("/nonexistent/face-models") {}
};

TEST_F(NoFaceModelsTest, PlatformStartsAndOnlyTheManualCheckIsOffered) {
  EXPECT_FALSE(p_.platform().face_models_present());
  EXPECT_EQ(p_.platform().face_verifier(), nullptr);
  EXPECT_TRUE(p_.platform().registration_settings().photo_rules.landmarks_model.empty());
  auto page = get(alice_session_, "/me/confirm");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "暂未安装人脸比对模型"));
  EXPECT_FALSE(has(page, "data-face-capture"));
  EXPECT_TRUE(has(page, "id=\"manual-review\""));
  auto face = post_parts(alice_session_, "/me/confirm/face",
                         {reg_part(alice_), {"face_consent", "yes", "", ""}, {"capture", "x", "c.jpg", "image/jpeg"}});
  EXPECT_EQ(face.status, 422);
  EXPECT_TRUE(has(face, "id=\"problem\""));
  EXPECT_TRUE(has(face, "本平台暂未安装人脸比对模型，请申请人工核验"));
  auto manual = post(alice_session_, "/me/confirm/manual-review", reg(alice_));
  ASSERT_EQ(manual.status, 303) << manual.body;
  page = get(alice_session_, manual.headers["location"]);
  EXPECT_TRUE(has(page, "已申请人工核验"));
  EXPECT_FALSE(has(page, "data-field=\"face_check\""));
}

}  // namespace
}  // namespace rc
