#include "face/dlib_face_verifier.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>

#include <dlib/dnn.h>
#include <dlib/image_transforms.h>
#include <dlib/opencv.h>

#include "face/face_finder.h"
#include "face/face_finder_impl.h"

namespace rc::face {
namespace {

// The network of dlib_face_recognition_resnet_model_v1 (dlib's dnn_face_recognition_ex.cpp): a
// ResNet-29 with 128-D metric output. The layer types must match the model file exactly.
template <template <int, template <typename> class, int, typename> class block, int N,
          template <typename> class BN, typename SUBNET>
using residual = dlib::add_prev1<block<N, BN, 1, dlib::tag1<SUBNET>>>;
template <template <int, template <typename> class, int, typename> class block, int N,
          template <typename> class BN, typename SUBNET>
using residual_down =
    dlib::add_prev2<dlib::avg_pool<2, 2, 2, 2, dlib::skip1<dlib::tag2<block<N, BN, 2, dlib::tag1<SUBNET>>>>>>;
template <int N, template <typename> class BN, int stride, typename SUBNET>
using block = BN<dlib::con<N, 3, 3, 1, 1, dlib::relu<BN<dlib::con<N, 3, 3, stride, stride, SUBNET>>>>>;
template <int N, typename SUBNET>
using ares = dlib::relu<residual<block, N, dlib::affine, SUBNET>>;
template <int N, typename SUBNET>
using ares_down = dlib::relu<residual_down<block, N, dlib::affine, SUBNET>>;
template <typename SUBNET> using alevel0 = ares_down<256, SUBNET>;
template <typename SUBNET> using alevel1 = ares<256, ares<256, ares_down<256, SUBNET>>>;
template <typename SUBNET> using alevel2 = ares<128, ares<128, ares_down<128, SUBNET>>>;
template <typename SUBNET> using alevel3 = ares<64, ares<64, ares<64, ares_down<64, SUBNET>>>>;
template <typename SUBNET> using alevel4 = ares<32, ares<32, ares<32, SUBNET>>>;
using ResNet = dlib::loss_metric<dlib::fc_no_bias<
    128, dlib::avg_pool_everything<alevel0<alevel1<alevel2<alevel3<alevel4<dlib::max_pool<
             3, 3, 2, 2, dlib::relu<dlib::affine<dlib::con<32, 7, 7, 2, 2, dlib::input_rgb_image_sized<150>>>>>>>>>>>>>;

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
  ResNet net;
};

DlibVerifierConfig dlib_verifier_config(const std::string& cache_dir) {
  DlibVerifierConfig c;
  c.landmarks_model = cache_dir + "/models/shape_predictor_5_face_landmarks.dat";
  c.recognition_model = cache_dir + "/models/dlib_face_recognition_resnet_model_v1.dat";
  return c;
}

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
  if (!std::filesystem::is_regular_file(config_.recognition_model)) {
    load_error_ = model_error("face.recognition_model", config_.recognition_model, "文件缺失");
    return;
  }
  try {
    dlib::deserialize(config_.recognition_model) >> impl->net;
  } catch (const std::exception& e) {
    load_error_ = model_error("face.recognition_model", config_.recognition_model, std::string("无法读取（") + e.what() + "）");
    return;
  }
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

Result<FaceTemplate> DlibFaceVerifier::embed_locked(const cv::Mat& bgr) {
  int min_face = std::max(40, static_cast<int>(config_.detect_min_face_fraction * std::min(bgr.cols, bgr.rows)));
  std::vector<FoundFace> faces = impl_->finder->find(bgr, min_face);
  if (faces.empty()) return fail(ErrorCode::kInvalidValue, "face", "未检测到正面人脸，请正对镜头");
  if (faces.size() > 1) return fail(ErrorCode::kInvalidValue, "face", "检测到多张人脸，画面中只能有本人");
  const dlib::full_object_detection& shape = impl_->finder->impl().last_shapes.front();
  dlib::matrix<dlib::rgb_pixel> chip;
  dlib::extract_image_chip(dlib::cv_image<dlib::bgr_pixel>(bgr), dlib::get_face_chip_details(shape, 150, 0.25), chip);
  dlib::matrix<float, 0, 1> v = impl_->net(chip);
  FaceTemplate t;
  for (std::size_t i = 0; i < FaceTemplate::kDimensions; ++i) t.values[i] = v(static_cast<long>(i));
  return t;
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
