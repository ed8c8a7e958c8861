// Refusals of the candidate's and the station's use cases on both backends: activation and
// login, confirmation steps, the manual path, other people's applications, the review.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/registration/approve_application.h"
#include "app/registration/candidate_application.h"
#include "app/registration/request_manual_review.h"
#include "app/registration/review_detail.h"
#include "app/registration/review_queue.h"
#include "face/dlib_face_verifier.h"
#include "registration_fixture.h"

namespace rc::app::testing {
namespace {

class RegistrationCandidateTest : public RegistrationTest {
 protected:
  // One submitted batch of two; the registration ids.
  std::vector<store::Id> submitted_pair() {
    const store::Id batch = make_batch(org_a_actor_);
    auto regs = import(org_a_actor_, batch, {person(1), person(2)});
    submit(org_a_actor_, batch);
    return regs;
  }
  std::optional<std::string> password_hash_of(const Person& p) {
    std::optional<std::string> hash;
    EXPECT_TRUE(db().read([&](store::Transaction& tx) -> Result<void> {
      store::Statement st(tx, "SELECT u.password_hash FROM users u JOIN candidates c ON c.id = u.candidate_id WHERE c.phone = :p");
      st.bind(p.mobile).into(hash).execute();
      return ok();
    }));
    return hash;
  }
};

TEST_P(RegistrationCandidateTest, ActivationRefusesWrongPhoneWrongCodeAndWeakPassword) {
  submitted_pair();
  const Person p = person(1);
  auto wrong_phone = request_activation_code(db(), clock_, cipher_, *codes_, {p.id, "13911112222", "ip"});
  ASSERT_FALSE(wrong_phone);
  EXPECT_EQ(wrong_phone.error().code, ErrorCode::kBadCredentials);
  ASSERT_TRUE(request_activation_code(db(), clock_, cipher_, *codes_, {p.id, p.mobile, "ip"}));
  auto weak = activate_candidate_account(db(), clock_, cipher_, *codes_, hasher_, {p.id, p.mobile, last_code(p.mobile), "abc"});
  ASSERT_FALSE(weak);
  EXPECT_EQ(weak.error().code, ErrorCode::kWeakPassword);
  const std::string right = last_code(p.mobile);
  const std::string wrong = right == "000000" ? "111111" : "000000";
  auto bad_code = activate_candidate_account(db(), clock_, cipher_, *codes_, hasher_, {p.id, p.mobile, wrong, "Rescue2025"});
  ASSERT_FALSE(bad_code);
  EXPECT_EQ(bad_code.error().code, ErrorCode::kSmsCodeWrong);
  EXPECT_FALSE(password_hash_of(p).has_value());
  auto not_active = authenticate(db(), clock_, cipher_, hasher_, *guard_, {p.id, "Rescue2025", "ip"});
  ASSERT_FALSE(not_active);
  EXPECT_EQ(not_active.error().code, ErrorCode::kAccountNotActivated);
  ASSERT_TRUE(activate_candidate_account(db(), clock_, cipher_, *codes_, hasher_, {p.id, p.mobile, right, "Rescue2025"}));
  EXPECT_TRUE(password_hash_of(p).has_value());
  auto twice = request_activation_code(db(), clock_, cipher_, *codes_, {p.id, p.mobile, "ip"});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kWrongState);
}

TEST_P(RegistrationCandidateTest, LoginLocksAfterRepeatedWrongPasswordsAndNeedsTheRightSmsCode) {
  auto regs = submitted_pair();
  activate_and_login(person(1));
  const std::string username = candidate_username(registration(regs[0]).candidate_id);
  auto by_name = authenticate(db(), clock_, cipher_, hasher_, *guard_, {username, "Rescue2025", "ip"});
  ASSERT_TRUE(by_name) << by_name.error().message;
  EXPECT_EQ(by_name->phone_masked, "139****0001");
  advance(std::chrono::seconds(61));
  ASSERT_TRUE(codes_->issue(by_name->phone, kLoginSmsPurpose, "ip"));
  const std::string code = last_code(person(1).mobile);
  auto wrong_sms = complete_login(db(), clock_, *codes_, by_name->actor.user_id, code == "000000" ? "111111" : "000000");
  ASSERT_FALSE(wrong_sms);
  EXPECT_EQ(wrong_sms.error().code, ErrorCode::kSmsCodeWrong);

  ErrorCode last = ErrorCode::kBadCredentials;
  for (int i = 0; i < 5; ++i) {
    auto r = authenticate(db(), clock_, cipher_, hasher_, *guard_, {username, "Wrong2025x", "ip"});
    ASSERT_FALSE(r);
    last = r.error().code;
  }
  EXPECT_EQ(last, ErrorCode::kAccountLocked);
  auto locked = authenticate(db(), clock_, cipher_, hasher_, *guard_, {username, "Rescue2025", "ip"});
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, ErrorCode::kAccountLocked);
  EXPECT_TRUE(has_action(audit_of("user", by_name->actor.user_id), "auth.password_failed"));
  auto unknown = authenticate(db(), clock_, cipher_, hasher_, *guard_, {"nobody", "Rescue2025", "ip"});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kBadCredentials);
}

TEST_P(RegistrationCandidateTest, AgreeingNeedsEveryStepAndOthersApplicationsAreForbidden) {
  auto regs = submitted_pair();
  Actor first = activate_and_login(person(1));
  auto early = agree_and_submit(db(), clock_, first, regs[0]);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kStepsIncomplete);
  EXPECT_EQ(early.error().field, "photo");
  EXPECT_EQ(registration(regs[0]).status, store::RegistrationStatus::kSubmitted);

  auto view = candidate_application(db(), clock_, first, 3, regs[1]);
  ASSERT_FALSE(view);
  EXPECT_EQ(view.error().code, ErrorCode::kForbidden);
  auto photo = upload_photo(db(), clock_, cipher_, &verifier_, settings_, first, regs[1], plain_png());
  ASSERT_FALSE(photo);
  EXPECT_EQ(photo.error().code, ErrorCode::kForbidden);
  auto agree = agree_and_submit(db(), clock_, first, regs[1]);
  ASSERT_FALSE(agree);
  EXPECT_EQ(agree.error().code, ErrorCode::kForbidden);
  auto as_org = confirm_id_information(db(), clock_, org_a_actor_, regs[0]);
  ASSERT_FALSE(as_org);
  EXPECT_EQ(as_org.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(count("candidate_photos"), 0);
  EXPECT_EQ(count("registration_confirmations"), 0);
}

TEST_P(RegistrationCandidateTest, RefusedPhotoStoresNothingAndSaysWhy) {
  auto regs = submitted_pair();
  Actor first = activate_and_login(person(1));
  auto photo = upload_photo(db(), clock_, cipher_, &verifier_, settings_, first, regs[0], "not an image");
  ASSERT_TRUE(photo) << photo.error().message;
  EXPECT_FALSE(photo->accepted);
  ASSERT_FALSE(photo->issues.empty());
  EXPECT_FALSE(photo->issues.front().reason.empty());
  EXPECT_EQ(count("candidate_photos") + count("face_templates"), 0);
}

TEST_P(RegistrationCandidateTest, ManualReviewOpensAfterThreeFailedFaceChecks) {
  auto regs = submitted_pair();
  Actor first = activate_and_login(person(1));
  ASSERT_TRUE(upload_photo(db(), clock_, cipher_, &verifier_, settings_, first, regs[0], plain_png()));
  verifier_.match = false;
  auto too_soon = request_manual_review(db(), clock_, settings_, first, regs[0]);
  ASSERT_FALSE(too_soon);
  EXPECT_EQ(too_soon.error().code, ErrorCode::kManualReviewUnavailable);
  for (int i = 1; i <= 3; ++i) {
    auto r = verify_face(db(), clock_, cipher_, verifier_, settings_, first, regs[0], i == 2 ? "" : "capture");
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_FALSE(r->same_person);
    EXPECT_EQ(r->failures, i);
    EXPECT_EQ(r->manual_review_available, i == 3);
  }
  EXPECT_EQ(count("face_verifications WHERE same_person = 0"), 3);
  ASSERT_TRUE(request_manual_review(db(), clock_, settings_, first, regs[0]));
  ASSERT_TRUE(confirm_id_information(db(), clock_, first, regs[0]));
  MissingFieldsForm form;
  form.emergency_contact_name = "张母";
  form.emergency_contact_phone = "13700000000";
  ASSERT_TRUE(complete_missing_fields(db(), clock_, first, regs[0], form));
  ASSERT_TRUE(agree_and_submit(db(), clock_, first, regs[0]));
  auto queue = review_queue(db(), clock_, station_actor_, station_);
  ASSERT_TRUE(queue);
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_TRUE(queue->front().manual_review_requested);
  EXPECT_FALSE(queue->front().face_verified);
}

TEST_P(RegistrationCandidateTest, StationRefusals) {
  auto regs = submitted_pair();
  auto not_ready = approve_application(db(), clock_, *policies_, station_actor_, {regs[0], std::nullopt});
  ASSERT_FALSE(not_ready);
  EXPECT_EQ(not_ready.error().code, ErrorCode::kWrongState);
  auto other_queue = review_queue(db(), clock_, other_station_actor_, station_);
  ASSERT_FALSE(other_queue);
  EXPECT_EQ(other_queue.error().code, ErrorCode::kForbidden);
  auto other_detail = review_detail(db(), clock_, cipher_, other_station_actor_, regs[0]);
  ASSERT_FALSE(other_detail);
  EXPECT_EQ(other_detail.error().code, ErrorCode::kForbidden);
  auto by_org = approve_application(db(), clock_, *policies_, org_a_actor_, {regs[0], std::nullopt});
  ASSERT_FALSE(by_org);
  EXPECT_EQ(by_org.error().code, ErrorCode::kForbidden);
  EXPECT_FALSE(has_action(audit_of("registration", regs[0]), "review.detail_view", true));
}

TEST_P(RegistrationCandidateTest, AgeIsCheckedAgainOnTheReviewDay) {
  set_date("2025-03-20");
  const store::Id batch = make_batch(org_a_actor_);
  const Person young = person(5, "20070318");  // 18 since 2025-03-18
  auto regs = import(org_a_actor_, batch, {young});
  submit(org_a_actor_, batch);
  Actor candidate = activate_and_login(young);
  confirm_everything(candidate, regs.at(0));
  set_date("2025-03-17");
  auto r = approve_application(db(), clock_, *policies_, station_actor_, {regs[0], std::nullopt});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnderAge);
  EXPECT_EQ(r.error().rule, "D14");
  EXPECT_EQ(registration(regs[0]).status, store::RegistrationStatus::kConfirmed);
  EXPECT_FALSE(has_action(audit_of("registration", regs[0]), "registration.approve"));
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The real dlib verifier through the use cases (the face engineer's tests cover its accuracy).
TEST_P(RegistrationCandidateTest, RealDlibVerifierMatchesTheSamePersonOnly) {
  const std::filesystem::path cache = std::filesystem::path(RC_SOURCE_ROOT) / ".cache/face";
  const auto john = cache / "images/johns/John_Salley";
  if (!std::filesystem::exists(cache / "models/dlib_face_recognition_resnet_model_v1.dat") || !std::filesystem::exists(john))
    GTEST_SKIP() << "face models not in .cache/face (scripts/fetch-face-models)";
  std::vector<std::filesystem::path> images;
  for (const auto& e : std::filesystem::directory_iterator(john)) images.push_back(e.path());
  std::sort(images.begin(), images.end());
  ASSERT_GE(images.size(), 2u);
  std::filesystem::path stranger;
  for (const auto& e : std::filesystem::directory_iterator(cache / "images/johns"))
    if (e.path().filename() != "John_Salley" && e.is_directory()) stranger = *std::filesystem::directory_iterator(e.path());
  face::DlibFaceVerifier dlib(face::dlib_verifier_config(cache.string()));
  ASSERT_TRUE(dlib.ready()) << dlib.ready().error().message;

  auto regs = submitted_pair();
  Actor first = activate_and_login(person(1));
  settings_.photo_rules.limits.min_side = 100;  // the labelled images are small crops
  auto photo = upload_photo(db(), clock_, cipher_, &dlib, settings_, first, regs[0], read_file(images[0]));
  ASSERT_TRUE(photo) << photo.error().message;
  ASSERT_TRUE(photo->accepted) << (photo->issues.empty() ? "" : photo->issues.front().reason);
  auto other = verify_face(db(), clock_, cipher_, dlib, settings_, first, regs[0], read_file(stranger));
  ASSERT_TRUE(other) << other.error().message;
  EXPECT_FALSE(other->same_person) << other->distance;
  auto same = verify_face(db(), clock_, cipher_, dlib, settings_, first, regs[0], read_file(images[1]));
  ASSERT_TRUE(same) << same.error().message;
  EXPECT_TRUE(same->same_person) << same->distance;
  EXPECT_NE(same->method.find("dlib"), std::string::npos);
}

RC_INSTANTIATE_REGISTRATION_TEST(RegistrationCandidateTest);

}  // namespace
}  // namespace rc::app::testing
