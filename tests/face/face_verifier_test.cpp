// DlibFaceVerifier on dlib's labelled example faces, FaceTemplate bytes, and model errors.
#include "face/dlib_face_verifier.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>

#include "face_test_images.h"

namespace rc::face {
namespace {

using testing::encode;
using testing::padded_chip;

// Loading the network takes a while under ASan: one verifier for the whole program.
DlibFaceVerifier& verifier() {
  static auto v = std::make_unique<DlibFaceVerifier>(dlib_verifier_config(testing::face_cache()));
  return *v;
}

class DlibFaceVerifierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RC_REQUIRE_FACE_CACHE();
    auto ready = verifier().ready();
    ASSERT_TRUE(ready) << ready.error().message;
  }
};

TEST_F(DlibFaceVerifierTest, AcceptsTheSamePerson) {
  auto enrolled = verifier().enrol(encode(padded_chip(testing::kSimmA)));
  ASSERT_TRUE(enrolled) << enrolled.error().message;
  auto m = verifier().verify(*enrolled, encode(padded_chip(testing::kSimmB)));
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_TRUE(m->same_person) << m->distance;
  EXPECT_LT(m->distance, 0.6);
  EXPECT_EQ(m->method, "dlib-resnet-v1@0.60");
  EXPECT_EQ(verifier().name(), "dlib-resnet-v1@0.60");
}

TEST_F(DlibFaceVerifierTest, RejectsADifferentPerson) {
  auto enrolled = verifier().enrol(encode(padded_chip(testing::kSimmA)));
  ASSERT_TRUE(enrolled) << enrolled.error().message;
  auto m = verifier().verify(*enrolled, encode(padded_chip(testing::kSalley)));
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_FALSE(m->same_person) << m->distance;
  EXPECT_GE(m->distance, 0.6);
}

TEST_F(DlibFaceVerifierTest, TemplatesSurviveTheirBytes) {
  auto enrolled = verifier().enrol(encode(padded_chip(testing::kSimmA)));
  ASSERT_TRUE(enrolled);
  std::string bytes = enrolled->to_bytes();
  EXPECT_EQ(bytes.size(), FaceTemplate::kBytes);
  auto back = FaceTemplate::from_bytes(bytes);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->values, enrolled->values);
  EXPECT_EQ(template_distance(*back, *enrolled), 0.0);
  auto m = verifier().verify(*back, encode(padded_chip(testing::kSimmB)));
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->same_person);
}

TEST_F(DlibFaceVerifierTest, RefusesGroupPicturesNoFaceAndGarbage) {
  auto group = verifier().enrol(encode(testing::load("faces/bald_guys.jpg"), ".jpg", 80));
  ASSERT_FALSE(group);
  EXPECT_EQ(group.error().message, "检测到多张人脸，画面中只能有本人");
  cv::Mat plain(300, 300, CV_8UC3, cv::Scalar(200, 200, 200));
  auto none = verifier().enrol(encode(plain));
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::kInvalidValue);
  auto garbage = verifier().verify(FaceTemplate{}, "GIF89a");
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().field, "live_capture");
}

TEST(FaceTemplate, RefusesBadBytes) {
  FaceTemplate t;
  t.values[3] = 0.25f;
  std::string bytes = t.to_bytes();
  EXPECT_FALSE(FaceTemplate::from_bytes(bytes.substr(1)));
  EXPECT_FALSE(FaceTemplate::from_bytes(bytes + "x"));
  std::string wrong_tag = bytes;
  wrong_tag[0] = 'x';
  EXPECT_FALSE(FaceTemplate::from_bytes(wrong_tag));
  t.values[7] = std::numeric_limits<float>::quiet_NaN();
  auto nan = FaceTemplate::from_bytes(t.to_bytes());
  ASSERT_FALSE(nan);
  EXPECT_EQ(nan.error().code, ErrorCode::kInvalidValue);
}

TEST(DlibFaceVerifierModels, MissingModelsAreAnErrorNotACrash) {
  DlibFaceVerifier v(dlib_verifier_config("/nonexistent"));
  auto ready = v.ready();
  ASSERT_FALSE(ready);
  EXPECT_EQ(ready.error().code, ErrorCode::kBadConfig);
  EXPECT_NE(ready.error().message.find("scripts/fetch-face-models"), std::string::npos);
  auto enrolled = v.enrol("anything");
  ASSERT_FALSE(enrolled);
  EXPECT_EQ(enrolled.error().code, ErrorCode::kBadConfig);
}

TEST(DlibFaceVerifierModels, AThresholdOfZeroPointFiftyFiveIsStricter) {
  DlibVerifierConfig c = dlib_verifier_config("/nonexistent");
  c.threshold = 0.55;
  DlibFaceVerifier v(c);
  EXPECT_EQ(v.name(), "dlib-resnet-v1@0.55");
  FaceTemplate a, b;
  b.values[0] = 0.57f;
  EXPECT_FALSE(v.compare(a, b).same_person);
  b.values[0] = 0.54f;
  EXPECT_TRUE(v.compare(a, b).same_person);
}

}  // namespace
}  // namespace rc::face
