// check_photo on real faces (dlib's example images, via .cache/face) and on hostile input.
#include "face/photo_check.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "face_test_images.h"

namespace rc::face {
namespace {

using testing::encode;
using testing::portrait;

PhotoRules rules() {
  PhotoRules r;
  r.landmarks_model = testing::landmarks_model();
  return r;
}

bool has_issue(const PhotoCheck& c, std::string_view code) {
  return std::any_of(c.issues.begin(), c.issues.end(), [&](const PhotoIssue& i) { return i.code == code; });
}

std::string codes(const PhotoCheck& c) {
  std::string s;
  for (const auto& i : c.issues) s += i.code + " ";
  const auto& m = c.measures;
  return s + "(hog " + std::to_string(m.hog_faces) + ", cascade " + std::to_string(m.cascade_faces) + ", face " +
         std::to_string(m.face_fraction) + ", roll " + std::to_string(m.roll_deg) + ", nose " + std::to_string(m.nose_offset) +
         ", mean " + std::to_string(m.face_mean) + ", sharp " + std::to_string(m.sharpness) + ", bg " +
         std::to_string(m.background_stddev) + "/" + std::to_string(m.background_edges) + "/" +
         std::to_string(m.background_color_spread) + ")";
}

class PhotoCheckTest : public ::testing::Test {
 protected:
  void SetUp() override { RC_REQUIRE_FACE_CACHE(); }
};

TEST_F(PhotoCheckTest, AcceptsAFrontalPortraitOnAPlainBackground) {
  for (const char* who : {testing::kSimmA, testing::kSalley}) {
    PhotoCheck c = check_photo(encode(portrait(who)), rules());
    EXPECT_TRUE(c.accepted) << who << ": " << codes(c);
    EXPECT_TRUE(c.issues.empty());
    EXPECT_GT(c.face.width, 100);
  }
}

TEST_F(PhotoCheckTest, AcceptsPng) {
  PhotoCheck c = check_photo(encode(portrait(testing::kSimmA), ".png"), rules());
  EXPECT_TRUE(c.accepted) << codes(c);
}

TEST_F(PhotoCheckTest, RefusesAGroupPhotoAsMultipleFaces) {
  PhotoCheck c = check_photo(encode(testing::load("faces/bald_guys.jpg"), ".jpg", 80), rules());
  EXPECT_FALSE(c.accepted);
  EXPECT_TRUE(has_issue(c, "face.multiple")) << codes(c);
  EXPECT_EQ(photo_issue_reason("face.multiple"), "检测到多张人脸，照片中只能有本人");
}

TEST_F(PhotoCheckTest, RefusesASmallFace) {
  PhotoCheck c = check_photo(encode(portrait(testing::kSimmA, 150, {600, 600})), rules());
  EXPECT_FALSE(c.accepted);
  EXPECT_TRUE(has_issue(c, "face.too_small")) << codes(c);
}

TEST_F(PhotoCheckTest, RefusesADarkenedCopy) {
  cv::Mat dark;
  portrait(testing::kSimmA).convertTo(dark, -1, 0.25);
  PhotoCheck c = check_photo(encode(dark), rules());
  EXPECT_FALSE(c.accepted);
  EXPECT_TRUE(has_issue(c, "face.too_dark")) << codes(c);
}

TEST_F(PhotoCheckTest, RefusesAnOverexposedCopy) {
  cv::Mat bright;
  portrait(testing::kSimmA).convertTo(bright, -1, 1.8, 60);
  PhotoCheck c = check_photo(encode(bright), rules());
  EXPECT_FALSE(c.accepted);
  EXPECT_TRUE(has_issue(c, "face.too_bright")) << codes(c);
}

TEST_F(PhotoCheckTest, RefusesABlurredCopy) {
  cv::Mat blurred;
  cv::GaussianBlur(portrait(testing::kSimmA), blurred, cv::Size(0, 0), 3.0);
  PhotoCheck c = check_photo(encode(blurred), rules());
  EXPECT_FALSE(c.accepted);
  EXPECT_TRUE(has_issue(c, "face.blurry")) << codes(c);
}

TEST_F(PhotoCheckTest, RefusesATiltedHead) {
  cv::Mat p = portrait(testing::kSimmA), tilted;
  cv::Mat rot = cv::getRotationMatrix2D(cv::Point2f(p.cols / 2.f, p.rows * 0.6f), 20, 1.0);
  cv::warpAffine(p, tilted, rot, p.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
  PhotoCheck c = check_photo(encode(tilted), rules());
  EXPECT_FALSE(c.accepted);
  EXPECT_TRUE(has_issue(c, "face.not_frontal")) << codes(c);
}

TEST_F(PhotoCheckTest, RefusesABusyBackground) {
  cv::Mat p = portrait(testing::kSimmA);
  // The head in front of a street scene (dlib's dogs.jpg: no faces in it).
  cv::Mat busy;
  cv::resize(testing::load("faces/dogs.jpg"), busy, p.size(), 0, 0, cv::INTER_AREA);
  cv::Rect face_area(90, 200, 240, 280);
  p(face_area).copyTo(busy(face_area));
  PhotoCheck c = check_photo(encode(busy), rules());
  EXPECT_FALSE(c.accepted);
  EXPECT_TRUE(has_issue(c, "face.background")) << codes(c);
}

TEST_F(PhotoCheckTest, FindsNoFaceInNoise) {
  cv::Mat noise(480, 420, CV_8UC3);
  cv::randu(noise, cv::Scalar::all(0), cv::Scalar::all(255));
  PhotoCheck c = check_photo(encode(noise), rules());
  EXPECT_FALSE(c.accepted);
  EXPECT_TRUE(has_issue(c, "face.none")) << codes(c);
  EXPECT_EQ(c.face.width, 0);
}

TEST_F(PhotoCheckTest, RefusesTruncatedAndForeignBytesAsUnreadable) {
  std::string jpeg = encode(portrait(testing::kSimmA));
  for (const std::string& bytes : {jpeg.substr(0, jpeg.size() * 2 / 3), std::string("not an image at all"),
                                   std::string("\xff\xd8\xff\xe0", 4), std::string()}) {
    PhotoCheck c = check_photo(bytes, rules());
    EXPECT_FALSE(c.accepted);
    ASSERT_EQ(c.issues.size(), 1u);
    EXPECT_EQ(c.issues[0].code, "image.unreadable");
  }
}

TEST_F(PhotoCheckTest, RefusesOversizedInputBeforeDecoding) {
  // 5,000 x 300: the header is read, the pixels never are.
  cv::Mat wide(300, 5000, CV_8UC3, cv::Scalar(200, 200, 200));
  PhotoCheck c = check_photo(encode(wide), rules());
  ASSERT_EQ(c.issues.size(), 1u);
  EXPECT_EQ(c.issues[0].code, "image.bad_dimensions");
  std::string huge(6 * 1024 * 1024, 'x');
  c = check_photo(huge, rules());
  ASSERT_EQ(c.issues.size(), 1u);
  EXPECT_EQ(c.issues[0].code, "image.too_large");
}

TEST_F(PhotoCheckTest, SaysSoWhenTheLandmarksModelIsMissing) {
  PhotoRules r = rules();
  r.landmarks_model = "/nonexistent/shape_predictor_5_face_landmarks.dat";
  PhotoCheck c = check_photo(encode(portrait(testing::kSimmA)), r);
  EXPECT_FALSE(c.accepted);
  EXPECT_TRUE(has_issue(c, "face.check_unavailable")) << codes(c);
}

TEST(PhotoIssueReason, EveryCodeHasAChineseReason) {
  for (const char* code : {"face.none", "face.multiple", "face.not_frontal", "face.too_small", "face.too_dark",
                           "face.too_bright", "face.blurry", "face.background", "image.too_large",
                           "image.unreadable", "image.bad_dimensions"}) {
    EXPECT_FALSE(photo_issue_reason(code).empty()) << code;
  }
  EXPECT_TRUE(photo_issue_reason("face.unknown").empty());
}

}  // namespace
}  // namespace rc::face
