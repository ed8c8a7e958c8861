#include "face/face_embedding_net.h"

#include <exception>
#include <filesystem>

#include <dlib/dnn.h>
#include <dlib/image_processing/full_object_detection.h>
#include <dlib/image_transforms.h>
#include <dlib/opencv.h>

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

Error model_error(const std::string& path, const std::string& why) {
  return make_error(ErrorCode::kBadConfig, "face.recognition_model",
                    "人脸识别模型" + why + "：" + path + "（请运行 scripts/fetch-face-models）");
}

}  // namespace

struct FaceEmbeddingNet::Net {
  ResNet net;
};

Result<std::unique_ptr<FaceEmbeddingNet>> FaceEmbeddingNet::load(const std::string& model_path) {
  if (!std::filesystem::is_regular_file(model_path)) return fail(model_error(model_path, "文件缺失"));
  auto net = std::make_unique<Net>();
  try {
    dlib::deserialize(model_path) >> net->net;
  } catch (const std::exception& e) {
    return fail(model_error(model_path, std::string("无法读取（") + e.what() + "）"));
  }
  return std::unique_ptr<FaceEmbeddingNet>(new FaceEmbeddingNet(std::move(net)));
}

FaceEmbeddingNet::FaceEmbeddingNet(std::unique_ptr<Net> net) : net_(std::move(net)) {}
FaceEmbeddingNet::~FaceEmbeddingNet() = default;

FaceTemplate FaceEmbeddingNet::embed(const cv::Mat& bgr, const dlib::full_object_detection& shape) {
  dlib::matrix<dlib::rgb_pixel> chip;
  dlib::extract_image_chip(dlib::cv_image<dlib::bgr_pixel>(bgr), dlib::get_face_chip_details(shape, 150, 0.25), chip);
  dlib::matrix<float, 0, 1> v = net_->net(chip);
  FaceTemplate t;
  for (std::size_t i = 0; i < FaceTemplate::kDimensions; ++i) t.values[i] = v(static_cast<long>(i));
  return t;
}

}  // namespace rc::face
