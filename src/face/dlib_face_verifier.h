#pragma once
// FaceVerifier with dlib (spec/FACE.md): HOG detection, 5-point landmarks, the 150 px aligned chip
// and the ResNet embedding (dlib_face_recognition_resnet_model_v1, 128-D); same person when the
// Euclidean distance is below the threshold (0.6 by default: dlib's standard; 0.55 is stricter).
//
// Models are files (scripts/fetch-face-models puts them in .cache/face/models). A missing or bad
// model file is not a crash: ready() says why, and enrol/verify return that error (kBadConfig).
//
// Thread-safety: safe to share. dlib's detector and network keep scratch state, so one mutex
// serialises enrol/verify/embed (~20-60 ms each with OpenBLAS). For parallel throughput create one
// DlibFaceVerifier per worker thread (each holds ~30 MB of model).

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "face/face_verifier.h"
#include "face/image_input.h"

namespace rc::face {

struct DlibVerifierConfig {
  std::string landmarks_model;    // shape_predictor_5_face_landmarks.dat
  std::string recognition_model;  // dlib_face_recognition_resnet_model_v1.dat
  double threshold = 0.6;
  ImageLimits limits{5 * 1024 * 1024, 4000, 100};  // webcam frames may be small
  // Faces smaller than this share of the picture's short side are not looked for (a capture for
  // verification is framed on the face; looking for small faces costs HOG time: 0.15 of a 480 px
  // frame is 72 px, scanned at 1.1x).
  double detect_min_face_fraction = 0.15;
};

// The model files in a models folder (e.g. "<repo>/.cache/face/models").
DlibVerifierConfig dlib_models_config(const std::string& models_dir);
// The default model locations under a cache folder (e.g. "<repo>/.cache/face"): its models/.
DlibVerifierConfig dlib_verifier_config(const std::string& cache_dir);

class DlibFaceVerifier final : public FaceVerifier {
 public:
  explicit DlibFaceVerifier(DlibVerifierConfig config);
  ~DlibFaceVerifier() override;

  [[nodiscard]] Result<void> ready() const;
  [[nodiscard]] Result<FaceTemplate> enrol(std::string_view photo_bytes) override;
  [[nodiscard]] Result<Match> verify(const FaceTemplate& enrolled, std::string_view live_capture_bytes) override;
  std::string_view name() const override { return name_; }

  // The embedding of the one face in a decoded picture (BGR); for benchmarks and tools.
  [[nodiscard]] Result<FaceTemplate> embed(const cv::Mat& bgr);
  // Every face found (largest first) with its box; for measuring on group pictures.
  struct FaceAndTemplate {
    cv::Rect box;
    FaceTemplate face_template;
  };
  std::vector<FaceAndTemplate> embed_all(const cv::Mat& bgr);
  Match compare(const FaceTemplate& a, const FaceTemplate& b) const;

  struct Impl;

 private:
  Result<FaceTemplate> embed_locked(const cv::Mat& bgr);
  int min_face_px(const cv::Mat& bgr) const;
  Result<FaceTemplate> embed_bytes(std::string_view bytes, const char* field);

  DlibVerifierConfig config_;
  std::string name_;
  std::mutex mu_;
  std::unique_ptr<Impl> impl_;  // null when the models failed to load
  Error load_error_;
};

}  // namespace rc::face
