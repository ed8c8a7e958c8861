#pragma once
// What the registration use-case tests share, beyond the app fixture (app/app_fixture.h: both
// backends, clock, cipher, policies, stations/organisations/accounts, counts and audit): the
// identity services, a fake FaceVerifier, valid ID numbers, an importable CSV, a plain PNG for
// the photo step, and the registration flow step by step.

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "app/registration/activate_candidate_account.h"
#include "app/registration/actor.h"
#include "app/registration/add_applicant.h"
#include "app/registration/agree_and_submit.h"
#include "app/registration/authenticate.h"
#include "app/registration/complete_missing_fields.h"
#include "app/registration/confirm_id_information.h"
#include "app/registration/create_batch.h"
#include "app/registration/import_batch_applicants.h"
#include "app/registration/submit_batch.h"
#include "app/registration/upload_photo.h"
#include "app/registration/verify_face.h"
#include "app/app_fixture.h"
#include "store/audit_log.h"
#include "store/registration_repository.h"
#include "app/registration/registration_settings.h"
#include "domain/common/random.h"
#include "domain/identity/id_number.h"
#include "domain/policy/policy_catalog.h"
#include "face/face_verifier.h"
#include "identity/login_guard.h"
#include "identity/password_hasher.h"
#include "identity/personal_data_cipher.h"
#include "identity/sms.h"
#include "store/organisation_repository.h"
#include "store/station_repository.h"
#include "store/statement.h"
#include "store/store_fixture.h"
#include "store/user_repository.h"

namespace rc::app::testing {

using store::testing::kT0;

// Enrols any photo; verify() says "same person" while `match` is true; an empty capture has no face.
class FakeFaceVerifier final : public face::FaceVerifier {
 public:
  Result<face::FaceTemplate> enrol(std::string_view photo) override {
    face::FaceTemplate t;
    t.values[0] = static_cast<float>(photo.size() % 1000);
    return t;
  }
  Result<face::Match> verify(const face::FaceTemplate&, std::string_view live) override {
    ++calls;
    if (live.empty()) return fail(ErrorCode::kInvalidValue, "capture", "未检测到人脸");
    return face::Match{match ? 0.3 : 0.9, match, "fake@0.6"};
  }
  std::string_view name() const override { return "fake"; }
  bool match = true;
  int calls = 0;
};

// A valid 居民身份证 number born on yyyymmdd (region 511302 南充市顺庆区).
inline std::string id_number(const std::string& yyyymmdd, int seq = 123) {
  std::string s = std::to_string(seq % 1000);
  std::string body = "511302" + yyyymmdd + std::string(3 - s.size(), '0') + s;
  return body + identity::mod11_2_check_character(body);
}
// Odd sequence: male.
inline std::string sex_of(int seq) { return seq % 2 ? "男" : "女"; }

struct Person {
  std::string name;
  std::string id;
  std::string sex;
  std::string mobile;
};
inline Person person(int n, const std::string& birth = "19900307") {
  static const char* const kSurnames[] = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "吴", "周"};
  static const char* const kGiven[] = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇"};
  const int seq = 100 + n;
  const std::string digits = std::to_string(n);
  return Person{std::string(kSurnames[n % 10]) + kGiven[(n / 10) % 10] + "明", id_number(birth, seq), sex_of(seq),
                "139" + std::string(8 - digits.size(), '0') + digits};
}

inline std::string csv_of(const std::vector<Person>& people) {
  std::string csv = "序号,姓名,证件号码,性别,手机号码,健康声明,通讯地址\n";
  int i = 1;
  for (const auto& p : people)
    csv += std::to_string(i++) + "," + p.name + "," + p.id + "," + p.sex + "," + p.mobile + ",是,四川省南充市顺庆区1号\n";
  return csv;
}

// A plain 400x500 grey PNG: passes the image-level checks (faces are not detected in tests).
inline std::string plain_png(int shade = 128) {
  cv::Mat img(500, 400, CV_8UC3, cv::Scalar(shade, shade, shade));
  std::vector<unsigned char> out;
  cv::imencode(".png", img, out);
  return std::string(out.begin(), out.end());
}

using apptest::key;

class RegistrationTest : public apptest::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    outbox_ = std::make_unique<identity::OutboxSmsProvider>(db(), clock_);
    codes_ = std::make_unique<identity::SmsCodeService>(db(), *outbox_, clock_, random_);
    guard_ = std::make_unique<identity::LoginGuard>(db(), clock_);
    settings_.photo_rules.detect_faces = false;
  }

  // The digits of the newest SMS to `phone` (an SMS code message).
  std::string last_code(const std::string& phone) {
    auto msgs = outbox_->list_recent(50);
    EXPECT_TRUE(msgs);
    for (const auto& m : *msgs) {
      if (m.phone != phone) continue;
      std::smatch match;
      if (std::regex_search(m.text, match, std::regex("([0-9]{6})"))) return match[1];
    }
    return "";
  }

  // --- the flow, step by step; each asserts its step succeeded ---
  store::Id make_batch(const Actor& org) {
    auto b = create_batch(db(), clock_, *policies_, org, NewBatch{station_, 5, "2025 年第一批"});
    EXPECT_TRUE(b) << (b ? "" : b.error().message);
    return b ? b->id : 0;
  }
  std::vector<store::Id> import(const Actor& org, store::Id batch, const std::vector<Person>& people) {
    auto r = import_batch_applicants(db(), clock_, *policies_, cipher_, settings_, org, batch, csv_of(people), "名单.csv");
    EXPECT_TRUE(r) << (r ? "" : r.error().summary().message);
    return r ? r->registration_ids : std::vector<store::Id>{};
  }
  SubmittedBatch submit(const Actor& org, store::Id batch) {
    auto r = submit_batch(db(), clock_, *policies_, *outbox_, org, batch);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? *r : SubmittedBatch{};
  }
  // Activation (SMS code "activate"), then the two-step login; the candidate's Actor.
  Actor activate_and_login(const Person& p, const std::string& password = "Rescue2025") {
    advance(std::chrono::seconds(61));  // SMS codes: at most one per phone per minute
    EXPECT_TRUE(request_activation_code(db(), clock_, cipher_, *codes_, {p.id, p.mobile, "10.0.0.1"}));
    auto activated = activate_candidate_account(db(), clock_, cipher_, *codes_, hasher_,
                                                {p.id, p.mobile, last_code(p.mobile), password});
    EXPECT_TRUE(activated) << (activated ? "" : activated.error().message);
    auto step1 = authenticate(db(), clock_, cipher_, hasher_, *guard_, {p.id, password, "10.0.0.1"});
    EXPECT_TRUE(step1) << (step1 ? "" : step1.error().message);
    if (!step1) return {};
    advance(std::chrono::seconds(61));
    EXPECT_TRUE(codes_->issue(step1->phone, kLoginSmsPurpose, "10.0.0.1"));
    auto actor = complete_login(db(), clock_, *codes_, step1->actor.user_id, last_code(p.mobile));
    EXPECT_TRUE(actor) << (actor ? "" : actor.error().message);
    return actor ? *actor : Actor{};
  }
  // Every confirmation step, then 同意.
  void confirm_everything(const Actor& candidate, store::Id reg) {
    auto photo = upload_photo(db(), clock_, cipher_, &verifier_, settings_, candidate, reg, plain_png());
    ASSERT_TRUE(photo) << photo.error().message;
    ASSERT_TRUE(photo->accepted) << (photo->issues.empty() ? "" : photo->issues.front().reason);
    auto face = verify_face(db(), clock_, cipher_, verifier_, settings_, candidate, reg, "live-capture");
    ASSERT_TRUE(face) << face.error().message;
    ASSERT_TRUE(face->same_person);
    ASSERT_TRUE(confirm_id_information(db(), clock_, candidate, reg));
    MissingFieldsForm form;
    form.address = "四川省南充市顺庆区1号";
    form.emergency_contact_name = "张母";
    form.emergency_contact_phone = "13700000000";
    auto completed = complete_missing_fields(db(), clock_, candidate, reg, form);
    ASSERT_TRUE(completed) << completed.error().message;
    auto agreed = agree_and_submit(db(), clock_, candidate, reg);
    ASSERT_TRUE(agreed) << agreed.error().message;
  }
  store::Registration registration(store::Id id) {
    auto r = db().read([&](store::Transaction& tx) { return store::RegistrationRepository(tx).find(id); });
    EXPECT_TRUE(r);
    return r ? *r : store::Registration{};
  }
  identity::PasswordHasher hasher_{1, identity::PasswordCost::kMin};
  std::unique_ptr<identity::OutboxSmsProvider> outbox_;
  std::unique_ptr<identity::SmsCodeService> codes_;
  std::unique_ptr<identity::LoginGuard> guard_;
  FakeFaceVerifier verifier_;
  RegistrationSettings settings_;
};

}  // namespace rc::app::testing

#define RC_INSTANTIATE_REGISTRATION_TEST(fixture)                                                               \
  INSTANTIATE_TEST_SUITE_P(Registration, fixture,                                                               \
                           ::testing::Values(::rc::store::Backend::kSqlite, ::rc::store::Backend::kPostgresql), \
                           ::rc::store::testing::backend_param_name)
