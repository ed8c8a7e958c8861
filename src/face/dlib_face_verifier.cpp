#include "face/dlib_face_verifier.h"

#include <algorithm>
#include <cstdio>

#include "face/face_embedding_net.h"
#include "face/face_finder.h"
#include "face/face_finder_impl.h"

namespace rc::face {
namespace {

Error model_error(const std::string& field, const std::string& path, const std::string& why) {
  return make_error(ErrorCode::kBadConfig, field, "人脸识别模型" + why + "：" + path + "（请运行 scripts/fetch-face-models）");
}

std::string method_name(double threshold) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "dlib-resnet-v1@%.2f", threshold);
  return buf;
}

}  // namespace

struct DlibFaceVerifier::Impl {
  std::unique_ptr<FaceFinder> finder;
  std::unique_ptr<FaceEmbeddingNet> net;
};

DlibVerifierConfig dlib_models_config(const std::string& models_dir) {
  DlibVerifierConfig c;
  c.landmarks_model = models_dir + "/shape_predictor_5_face_landmarks.dat";
  c.recognition_model = models_dir + "/dlib_face_recognition_resnet_model_v1.dat";
  return c;
}

DlibVerifierConfig dlib_verifier_config(const std::string& cache_dir) { return dlib_models_config(cache_dir + "/models"); }

DlibFaceVerifier::DlibFaceVerifier(DlibVerifierConfig config)
    : config_(std::move(config)), name_(method_name(config_.threshold)) {
  if (config_.landmarks_model.empty()) {
    load_error_ = model_error("face.landmarks_model", "(未配置)", "文件缺失");
    return;
  }
  auto finder = FaceFinder::create(config_.landmarks_model);
  if (!finder) {
    load_error_ = finder.error();
    return;
  }
  auto impl = std::make_unique<Impl>();
  impl->finder = std::move(*finder);
  auto net = FaceEmbeddingNet::load(config_.recognition_model);
  if (!net) {
    load_error_ = net.error();
    return;
  }
  impl->net = std::move(*net);
  impl_ = std::move(impl);
}

DlibFaceVerifier::~DlibFaceVerifier() = default;

Result<void> DlibFaceVerifier::ready() const {
  if (!impl_) return fail(load_error_);
  return ok();
}

Match DlibFaceVerifier::compare(const FaceTemplate& a, const FaceTemplate& b) const {
  double d = template_distance(a, b);
  return Match{d, d < config_.threshold, name_};
}

Result<FaceTemplate> DlibFaceVerifier::embed(const cv::Mat& bgr) {
  if (!impl_) return fail(load_error_);
  std::lock_guard lock(mu_);
  return embed_locked(bgr);
}


int DlibFaceVerifier::min_face_px(const cv::Mat& bgr) const {
  return std::max(40, static_cast<int>(config_.detect_min_face_fraction * std::min(bgr.cols, bgr.rows)));
}

Result<FaceTemplate> DlibFaceVerifier::embed_locked(const cv::Mat& bgr) {
  std::vector<FoundFace> faces = impl_->finder->find(bgr, min_face_px(bgr));
  if (faces.empty()) return fail(ErrorCode::kInvalidValue, "face", "未检测到正面人脸，请正对镜头");
  if (faces.size() > 1) return fail(ErrorCode::kInvalidValue, "face", "检测到多张人脸，画面中只能有本人");
  return impl_->net->embed(bgr, impl_->finder->impl().last_shapes.front());
}

std::vector<DlibFaceVerifier::FaceAndTemplate> DlibFaceVerifier::embed_all(const cv::Mat& bgr) {
  std::vector<FaceAndTemplate> out;
  if (!impl_) return out;
  std::lock_guard lock(mu_);
  std::vector<FoundFace> faces = impl_->finder->find(bgr, min_face_px(bgr));
  const auto& shapes = impl_->finder->impl().last_shapes;
  for (std::size_t i = 0; i < faces.size() && i < shapes.size(); ++i) {
    out.push_back({faces[i].box, impl_->net->embed(bgr, shapes[i])});
  }
  return out;
}

Result<FaceTemplate> DlibFaceVerifier::embed_bytes(std::string_view bytes, const char* field) {
  if (!impl_) return fail(load_error_);
  DecodedImage img = decode_image(bytes, config_.limits);
  switch (img.refusal) {
    case ImageRefusal::kTooLarge: return fail(ErrorCode::kTooLarge, field, "图片文件过大");
    case ImageRefusal::kUnreadable: return fail(ErrorCode::kInvalidValue, field, "无法读取图片，请上传完整的 JPEG 或 PNG 文件");
    case ImageRefusal::kBadDimensions: return fail(ErrorCode::kInvalidValue, field, "图片尺寸不符合要求");
    case ImageRefusal::kNone: break;
  }
  std::lock_guard lock(mu_);
  auto t = embed_locked(img.bgr);
  if (!t) t.error().field = field;
  return t;
}

Result<FaceTemplate> DlibFaceVerifier::enrol(std::string_view photo_bytes) { return embed_bytes(photo_bytes, "photo"); }

Result<Match> DlibFaceVerifier::verify(const FaceTemplate& enrolled, std::string_view live_capture_bytes) {
  auto live = embed_bytes(live_capture_bytes, "live_capture");
  if (!live) return fail(live.error());
  return compare(enrolled, *live);
}

}  // namespace rc::face
