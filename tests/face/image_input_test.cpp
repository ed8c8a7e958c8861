// Header sniffing and the refusals made before any decoder runs.
#include "face/image_input.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>

namespace rc::face {
namespace {

std::string encode(const cv::Mat& m, const char* ext) {
  std::vector<unsigned char> buf;
  cv::imencode(ext, m, buf);
  return std::string(buf.begin(), buf.end());
}

TEST(ImageInput, ReadsJpegAndPngDimensionsFromTheHeader) {
  cv::Mat m(240, 320, CV_8UC3, cv::Scalar(200, 180, 160));
  for (const char* ext : {".jpg", ".png"}) {
    ImageHeader h = read_image_header(encode(m, ext));
    EXPECT_TRUE(h.ok) << ext;
    EXPECT_EQ(h.width, 320) << ext;
    EXPECT_EQ(h.height, 240) << ext;
  }
}

TEST(ImageInput, RefusesOtherFormatsAndEmptyInput) {
  EXPECT_EQ(decode_image("", {}).refusal, ImageRefusal::kUnreadable);
  EXPECT_EQ(decode_image("GIF89a........", {}).refusal, ImageRefusal::kUnreadable);
  cv::Mat m(240, 320, CV_8UC3, cv::Scalar(1, 2, 3));
  EXPECT_EQ(decode_image(encode(m, ".bmp"), {}).refusal, ImageRefusal::kUnreadable);
}

TEST(ImageInput, RefusesOversizedFilesBeforeLookingInside) {
  std::string big(5 * 1024 * 1024 + 1, '\0');
  EXPECT_EQ(decode_image(big, {}).refusal, ImageRefusal::kTooLarge);
}

TEST(ImageInput, RefusesHugeHeaderDimensionsWithoutDecoding) {
  // A PNG header claiming 50,000 x 50,000 pixels (7.5 GB decoded), and nothing else of substance.
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\xc3\x50\0\0\xc3\x50\x08\x02\0\0\0\0\0\0\0", 33);
  png += std::string("\0\0\0\0IEND\xae\x42\x60\x82", 12);
  ImageHeader h = read_image_header(png);
  ASSERT_TRUE(h.ok);
  EXPECT_EQ(h.width, 50000);
  EXPECT_EQ(decode_image(png, {}).refusal, ImageRefusal::kBadDimensions);
}

TEST(ImageInput, RefusesTooSmallPictures) {
  cv::Mat m(150, 150, CV_8UC3, cv::Scalar(90, 90, 90));
  EXPECT_EQ(decode_image(encode(m, ".jpg"), {}).refusal, ImageRefusal::kBadDimensions);
}

TEST(ImageInput, RefusesTruncatedFiles) {
  cv::Mat m(300, 300, CV_8UC3);
  cv::randu(m, cv::Scalar::all(0), cv::Scalar::all(255));
  for (const char* ext : {".jpg", ".png"}) {
    std::string full = encode(m, ext);
    EXPECT_EQ(decode_image(full, {}).refusal, ImageRefusal::kNone) << ext;
    EXPECT_EQ(decode_image(full.substr(0, full.size() / 2), {}).refusal, ImageRefusal::kUnreadable) << ext;
  }
}

}  // namespace
}  // namespace rc::face
