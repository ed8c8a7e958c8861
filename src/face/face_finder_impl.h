#pragma once
// dlib state behind FaceFinder. Included only by .cpp files of this module (dlib headers are heavy).
// Thread-safety: as FaceFinder (one per thread).

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>

#include <opencv2/objdetect.hpp>

#include "face/face_finder.h"

namespace rc::face {

struct FaceFinder::Impl {
  dlib::frontal_face_detector hog = dlib::get_frontal_face_detector();
  cv::CascadeClassifier lbp;
  bool has_predictor = false;
  dlib::shape_predictor predictor;
  // dlib shapes of the last find(), in picture coordinates, parallel to its result.
  std::vector<dlib::full_object_detection> last_shapes;
};

}  // namespace rc::face
