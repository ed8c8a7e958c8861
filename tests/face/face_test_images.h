#pragma once
// Test pictures for the face tests, built from the dlib example images that
// scripts/fetch-face-models puts in .cache/face (never committed). A missing cache fails the
// test with the command to run: these tests are not skipped silently.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace rc::face::testing {

inline std::string face_cache() {
  if (const char* env = std::getenv("RC_FACE_CACHE")) return env;
  return std::string(RC_SOURCE_ROOT) + "/.cache/face";
}

inline std::string landmarks_model() { return face_cache() + "/models/shape_predictor_5_face_landmarks.dat"; }

// Fails the current test (fatally) when the models or images are missing.
#define RC_REQUIRE_FACE_CACHE()                                                                    \
  ASSERT_TRUE(std::filesystem::is_regular_file(::rc::face::testing::landmarks_model()) &&          \
              std::filesystem::is_directory(::rc::face::testing::face_cache() + "/images/johns"))  \
      << "face models and test images missing in " << ::rc::face::testing::face_cache()            \
      << ": run scripts/fetch-face-models"

inline cv::Mat load(const std::string& relative) {
  cv::Mat m = cv::imread(face_cache() + "/images/" + relative);
  EXPECT_FALSE(m.empty()) << relative;
  return m;
}

inline std::string encode(const cv::Mat& m, const char* ext = ".jpg", int quality = 92) {
  std::vector<unsigned char> buf;
  cv::imencode(ext, m, buf, {cv::IMWRITE_JPEG_QUALITY, quality});
  return std::string(buf.begin(), buf.end());
}

// A tight 150 px chip with a grey margin, as a webcam frame would frame the face.
inline cv::Mat padded_chip(const std::string& relative) {
  cv::Mat chip = load(relative), out;
  int p = chip.cols / 2;
  cv::copyMakeBorder(chip, out, p, p, p, p, cv::BORDER_CONSTANT, cv::Scalar(128, 128, 128));
  return out;
}

// An ID-style portrait: the head of a chip (an ellipse, feathered, so that the chip's own
// background goes) scaled to chip_px, at the bottom centre of a plain light canvas.
inline cv::Mat portrait(const std::string& relative, int chip_px = 300, cv::Size canvas_size = {420, 480}) {
  cv::Mat chip = load(relative), up;
  cv::resize(chip, up, cv::Size(chip_px, chip_px), 0, 0, cv::INTER_CUBIC);
  cv::Mat alpha(up.size(), CV_32F, cv::Scalar(0));
  cv::ellipse(alpha, cv::Point(chip_px / 2, chip_px * 55 / 100), cv::Size(chip_px * 36 / 100, chip_px * 46 / 100), 0, 0,
              360, cv::Scalar(1), cv::FILLED);
  cv::GaussianBlur(alpha, alpha, cv::Size(0, 0), chip_px / 60.0);
  cv::Mat canvas(canvas_size, CV_8UC3, cv::Scalar(235, 225, 215));
  int x = (canvas_size.width - chip_px) / 2, y = canvas_size.height - chip_px;
  cv::Mat region = canvas(cv::Rect(x, y, chip_px, chip_px));
  for (int r = 0; r < chip_px; ++r) {
    for (int c = 0; c < chip_px; ++c) {
      float a = alpha.at<float>(r, c);
      region.at<cv::Vec3b>(r, c) = up.at<cv::Vec3b>(r, c) * a + region.at<cv::Vec3b>(r, c) * (1 - a);
    }
  }
  return canvas;
}

inline constexpr const char* kSimmA = "johns/John_Simm/000288_00470387.jpg";
inline constexpr const char* kSimmB = "johns/John_Simm/000305_00470162.jpg";
inline constexpr const char* kSalley = "johns/John_Salley/000200_02159354.jpg";

}  // namespace rc::face::testing
