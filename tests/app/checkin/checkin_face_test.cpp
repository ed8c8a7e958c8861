// Admission by face at the room door with the real dlib verifier (R6): the candidate's registration
// photo is enrolled (photo and template stored encrypted, as the confirmation step stores them),
// then the proctor's snapshot of a stranger is refused (nothing admitted, the comparison audited)
// and a snapshot of the same person admits with method face and the distance. Skipped when the face
// models are not in .cache/face (scripts/fetch-face-models).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/checkin/admit_by_face.h"
#include "app/checkin/door_lookup.h"
#include "checkin_fixture.h"
#include "face/dlib_face_verifier.h"
#include "store/biometric_repository.h"

namespace rc::app::testing {
namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

store::Bytes bytes(const std::string& s) { return store::Bytes(s.begin(), s.end()); }

class CheckinFaceTest : public CheckinTest {
 protected:
  void SetUp() override {
    CheckinTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    const auto john = cache_ / "images/johns/John_Salley";
    if (!std::filesystem::exists(cache_ / "models/dlib_face_recognition_resnet_model_v1.dat") ||
        !std::filesystem::exists(john))
      GTEST_SKIP() << "face models not in .cache/face (scripts/fetch-face-models)";
    for (const auto& e : std::filesystem::directory_iterator(john)) same_.push_back(e.path());
    std::sort(same_.begin(), same_.end());
    ASSERT_GE(same_.size(), 2u);
    for (const auto& e : std::filesystem::directory_iterator(cache_ / "images/johns"))
      if (e.path().filename() != "John_Salley" && e.is_directory())
        stranger_ = *std::filesystem::directory_iterator(e.path());
    dlib_ = std::make_unique<face::DlibFaceVerifier>(face::dlib_verifier_config(cache_.string()));
    ASSERT_TRUE(dlib_->ready()) << dlib_->ready().error().message;
    // Candidate 0's registration photo and template, as the confirmation step stores them.
    const std::string photo = read_file(same_[0]);
    auto enrolled = dlib_->enrol(photo);
    ASSERT_TRUE(enrolled) << enrolled.error().message;
    ASSERT_TRUE(in_tx([&](store::Transaction& tx) -> Result<void> {
      store::BiometricRepository b(tx);
      auto p = b.add_photo({0, candidates_[0], "image/jpeg", bytes(cipher_.encrypt_biometric(photo)), "bio1", "digest",
                            kT0, kT0 + std::chrono::hours(24 * 90)});
      if (!p) return fail(p.error());
      auto t = b.add_face_template({0, candidates_[0], std::string(dlib_->name()),
                                    bytes(cipher_.encrypt_biometric(enrolled->to_bytes())), "bio1", kT0,
                                    kT0 + std::chrono::hours(24 * 90)});
      if (!t) return fail(t.error());
      return ok();
    }));
  }
  Result<FaceAtDoor> by_face(const std::filesystem::path& capture) {
    return admit_by_face(db(), clock_, *policies_, cipher_, *dlib_, proctor_a_, sitting_, room_a_, ticket(0),
                         read_file(capture));
  }

  const std::filesystem::path cache_ = std::filesystem::path(RC_SOURCE_ROOT) / ".cache/face";
  std::vector<std::filesystem::path> same_;
  std::filesystem::path stranger_;
  std::unique_ptr<face::DlibFaceVerifier> dlib_;
};

TEST_P(CheckinFaceTest, TheSamePersonIsAdmittedByFaceAndAStrangerIsNot) {
  at_minute(-10);
  auto card = look_up_at_door(db(), clock_, *policies_, cipher_, proctor_a_, sitting_, room_a_, ticket(0));
  ASSERT_TRUE(card) << card.error().message;
  EXPECT_TRUE(card->face_enrolled);
  ASSERT_TRUE(card->photo);
  EXPECT_EQ(*card->photo, read_file(same_[0]));

  auto stranger = by_face(stranger_);
  ASSERT_TRUE(stranger) << stranger.error().message;
  EXPECT_FALSE(stranger->admitted) << stranger->distance;
  EXPECT_FALSE(checkin_of(0));
  EXPECT_EQ(count("audit_events WHERE action = 'checkin.face_verify'"), 1);

  auto same = by_face(same_[1]);
  ASSERT_TRUE(same) << same.error().message;
  ASSERT_TRUE(same->admitted) << same->distance << " " << same->message;
  EXPECT_NE(same->method.find("dlib"), std::string::npos);
  auto row = checkin_of(0);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->method, store::CheckinMethod::kFace);
  ASSERT_TRUE(row->face_distance_milli);
  EXPECT_EQ(*row->face_distance_milli, static_cast<int>(std::lround(same->distance * 1000)));
  EXPECT_LT(*row->face_distance_milli, 600);
  // Admitted once: a second face check is refused before any matching.
  auto again = by_face(same_[1]);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  // And the candidate may now start.
  at_minute(1);
  EXPECT_TRUE(start_exam_attempt(db(), clock_, *policies_, candidate(0), papers_[0].id));
}

TEST_P(CheckinFaceTest, AFaceCheckAfterTheCutOffIsRefusedAndRecordsTheAbsence) {
  at_minute(16);
  auto late = by_face(same_[1]);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kCheckInLate);
  ASSERT_TRUE(checkin_of(0));
  EXPECT_EQ(checkin_of(0)->outcome, store::CheckinOutcome::kAbsent);
}

TEST_P(CheckinFaceTest, WithoutAnEnrolledTemplateTheFaceCheckPointsToTheManualCheck) {
  at_minute(1);
  auto none = admit_by_face(db(), clock_, *policies_, cipher_, *dlib_, proctor_a_, sitting_, room_a_, ticket(1),
                            read_file(same_[1]));
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::kWrongState);
  EXPECT_NE(none.error().message.find("人工"), std::string::npos);
}

RC_INSTANTIATE_STORE_TEST(CheckinFaceTest);

}  // namespace
}  // namespace rc::app::testing
