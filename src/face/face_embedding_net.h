#pragma once
// dlib's face recognition ResNet (dlib_face_recognition_resnet_model_v1.dat): the 150 px chip
// aligned on 5 landmarks, in, a 128-D embedding out. Internal to the face module; it lives in its
// own file because the network's templates are costly to compile (see CMakeLists.txt).
// Thread-safety: NOT thread-safe (the network keeps its activations); one per thread or a mutex.

#include <memory>
#include <string>

#include <opencv2/core.hpp>

#include "domain/common/result.h"
#include "face/face_verifier.h"

namespace dlib {
class full_object_detection;
}

namespace rc::face {

class FaceEmbeddingNet {
 public:
  // A missing or unreadable model file is kBadConfig, with the path and the fix in the message.
  [[nodiscard]] static Result<std::unique_ptr<FaceEmbeddingNet>> load(const std::string& model_path);
  ~FaceEmbeddingNet();
  FaceEmbeddingNet(const FaceEmbeddingNet&) = delete;
  FaceEmbeddingNet& operator=(const FaceEmbeddingNet&) = delete;

  // shape: the 5 landmarks of one face of bgr, from FaceFinder.
  FaceTemplate embed(const cv::Mat& bgr, const dlib::full_object_detection& shape);

 private:
  struct Net;
  explicit FaceEmbeddingNet(std::unique_ptr<Net> net);
  std::unique_ptr<Net> net_;
};

}  // namespace rc::face
