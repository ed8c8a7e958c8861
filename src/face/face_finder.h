#pragma once
// Finds faces in a decoded picture: dlib's HOG frontal detector (it fires on near-frontal faces
// only), OpenCV's LBP frontal-face cascade as a cross-check, and, when a model path is given,
// dlib's 5-point landmarks (eye corners and nose) for each HOG face.
// The HOG detector wants faces of at least ~80 px, and dlib's C++ operator() takes a threshold
// adjustment, not an upsample count (spec/FACE.md): the picture is rescaled here so that faces
// down to min_face_px are found, and boxes are returned in the original picture's coordinates.
// Thread-safety: NOT thread-safe (the HOG scanner and the cascade keep scratch state). Use one
// FaceFinder per thread; construction costs a few milliseconds plus the model load.

#include <array>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "domain/common/result.h"

namespace rc::face {

// 5 landmarks in picture coordinates: 0,1 = one eye's outer and inner corner, 2,3 = the other
// eye's outer and inner corner, 4 = bottom of the nose (dlib's shape_predictor_5 order).
using Landmarks5 = std::array<cv::Point2f, 5>;

struct FoundFace {
  cv::Rect box;
  double score = 0;           // HOG detection score (higher is surer)
  bool has_landmarks = false;
  Landmarks5 landmarks{};
};

class FaceFinder {
 public:
  // landmarks_model: path to shape_predictor_5_face_landmarks.dat, or empty for boxes only.
  // A missing or unreadable model is an error (kBadConfig), never a crash.
  [[nodiscard]] static Result<std::unique_ptr<FaceFinder>> create(const std::string& landmarks_model);
  ~FaceFinder();
  FaceFinder(const FaceFinder&) = delete;
  FaceFinder& operator=(const FaceFinder&) = delete;

  // HOG faces of at least min_face_px width, largest first.
  std::vector<FoundFace> find(const cv::Mat& bgr, int min_face_px);
  // LBP cascade faces of at least min_face_px width (a cross-check; more false alarms than HOG).
  std::vector<cv::Rect> cascade(const cv::Mat& bgr, int min_face_px);

  // The dlib implementation, for code in this module that needs the raw detector state
  // (the verifier reuses the landmark shapes). Opaque elsewhere.
  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  explicit FaceFinder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Picture scale used for detection so that faces of min_face_px become >= 80 px and big
// pictures are brought down to about 1000 px on the long side (HOG cost grows with area).
double detection_scale(const cv::Mat& bgr, int min_face_px);

}  // namespace rc::face
