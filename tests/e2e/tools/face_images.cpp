// Writes the face pictures the browser tests need into a folder, built from the dlib example
// images in .cache/face (scripts/fetch-face-models): an ID-style portrait of one person
// (portrait.jpg, for the photo upload) and a webcam-like stream of another picture of the same
// person (capture.mjpeg, fed to chromium's fake camera with --use-file-for-fake-video-capture).
// Usage: rc_e2e_face_images OUT_DIR. Exit 1 when the images are missing.
#include <fstream>
#include <iostream>
#include <string>

#include "face/face_test_images.h"

int main(int argc, char** argv) {
  using namespace rc::face::testing;
  if (argc != 2) {
    std::cerr << "usage: rc_e2e_face_images OUT_DIR\n";
    return 2;
  }
  const std::string out = argv[1];
  cv::Mat portrait_image = portrait(kSimmA);
  cv::Mat chip = padded_chip(kSimmB);
  if (portrait_image.empty() || chip.empty()) {
    std::cerr << "face test images missing in " << face_cache() << ": run scripts/fetch-face-models\n";
    return 1;
  }
  // A 640x480 frame: the face a little above the centre on a grey wall, as a laptop camera sees it.
  cv::Mat frame(480, 640, CV_8UC3, cv::Scalar(128, 128, 128));
  cv::Mat scaled;
  cv::resize(chip, scaled, cv::Size(360, 360));
  scaled.copyTo(frame(cv::Rect(140, 40, 360, 360)));
  std::ofstream(out + "/portrait.jpg", std::ios::binary) << encode(portrait_image);
  // Motion JPEG: the same frame repeated (chromium loops the file).
  std::ofstream stream(out + "/capture.mjpeg", std::ios::binary);
  const std::string jpeg = encode(frame);
  for (int i = 0; i < 30; ++i) stream << jpeg;
  return stream ? 0 : 1;
}
