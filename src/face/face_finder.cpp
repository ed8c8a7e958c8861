#include "face/face_finder.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <filesystem>

#include <dlib/opencv.h>
#include <opencv2/imgproc.hpp>

#include "face/face_finder_impl.h"

namespace rc::face {
namespace {

constexpr double kHogWindow = 80.0;     // dlib's frontal detector scans 80 x 80 windows
constexpr double kMaxLongSide = 1600.0;  // cap on the upsampled picture
constexpr double kMaxCascadeSide = 800.0;

cv::Mat to_gray(const cv::Mat& bgr) {
  cv::Mat gray;
  if (bgr.channels() == 1) {
    gray = bgr;
  } else {
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  }
  return gray;
}

cv::Rect to_cv(const dlib::rectangle& r, double inv_scale, const cv::Size& size) {
  cv::Rect box(static_cast<int>(std::lround(r.left() * inv_scale)), static_cast<int>(std::lround(r.top() * inv_scale)),
               static_cast<int>(std::lround(r.width() * inv_scale)), static_cast<int>(std::lround(r.height() * inv_scale)));
  return box & cv::Rect(0, 0, size.width, size.height);
}

dlib::rectangle to_dlib(const cv::Rect& r) {
  return dlib::rectangle(r.x, r.y, r.x + r.width - 1, r.y + r.height - 1);
}

}  // namespace

double detection_scale(const cv::Mat& bgr, int min_face_px) {
  double long_side = std::max(bgr.cols, bgr.rows);
  double s = kHogWindow / std::max(min_face_px, 20);
  s = std::min(s, kMaxLongSide / long_side);
  // Big faces need no upsampling; big pictures are brought down, but never below the scale
  // that keeps min_face_px at the window size.
  return std::clamp(s, 0.05, 4.0);
}

Result<std::unique_ptr<FaceFinder>> FaceFinder::create(const std::string& landmarks_model) {
  auto impl = std::make_unique<Impl>();
  const std::string cascade = std::string(RC_OPENCV_DATA_DIR) + "/lbpcascades/lbpcascade_frontalface_improved.xml";
  if (!impl->lbp.load(cascade)) {
    return fail(ErrorCode::kBadConfig, "face.cascade", "找不到 OpenCV 人脸级联文件（需安装 opencv-data）：" + cascade);
  }
  if (!landmarks_model.empty()) {
    if (!std::filesystem::is_regular_file(landmarks_model)) {
      return fail(ErrorCode::kBadConfig, "face.landmarks_model",
                  "人脸特征点模型文件缺失：" + landmarks_model + "（请运行 scripts/fetch-face-models）");
    }
    try {
      dlib::deserialize(landmarks_model) >> impl->predictor;
    } catch (const std::exception& e) {
      return fail(ErrorCode::kBadConfig, "face.landmarks_model",
                  "人脸特征点模型文件无法读取：" + landmarks_model + "（" + e.what() + "）");
    }
    impl->has_predictor = true;
  }
  return std::unique_ptr<FaceFinder>(new FaceFinder(std::move(impl)));
}

FaceFinder::FaceFinder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FaceFinder::~FaceFinder() = default;

std::vector<FoundFace> FaceFinder::find(const cv::Mat& bgr, int min_face_px) {
  std::vector<FoundFace> faces;
  impl_->last_shapes.clear();
  if (bgr.empty()) return faces;
  cv::Mat gray = to_gray(bgr);
  double s = detection_scale(gray, min_face_px);
  cv::Mat scaled;
  cv::resize(gray, scaled, cv::Size(), s, s, s < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
  dlib::cv_image<unsigned char> dimg(scaled);
  std::vector<dlib::rect_detection> dets;
  impl_->hog(dimg, dets);
  for (const auto& d : dets) {
    FoundFace f;
    f.box = to_cv(d.rect, 1.0 / s, gray.size());
    f.score = d.detection_confidence;
    if (f.box.width >= min_face_px && f.box.height > 0) faces.push_back(f);
  }
  std::sort(faces.begin(), faces.end(), [](const FoundFace& a, const FoundFace& b) { return a.box.area() > b.box.area(); });
  if (impl_->has_predictor) {
    dlib::cv_image<unsigned char> full(gray);
    for (auto& f : faces) {
      dlib::full_object_detection shape = impl_->predictor(full, to_dlib(f.box));
      if (shape.num_parts() == 5) {
        for (unsigned i = 0; i < 5; ++i) f.landmarks[i] = cv::Point2f(shape.part(i).x(), shape.part(i).y());
        f.has_landmarks = true;
      }
      impl_->last_shapes.push_back(std::move(shape));
    }
  }
  return faces;
}

std::vector<cv::Rect> FaceFinder::cascade(const cv::Mat& bgr, int min_face_px) {
  std::vector<cv::Rect> out;
  if (bgr.empty()) return out;
  cv::Mat gray = to_gray(bgr);
  double s = std::min(1.0, kMaxCascadeSide / std::max(gray.cols, gray.rows));
  cv::Mat scaled;
  cv::resize(gray, scaled, cv::Size(), s, s, cv::INTER_AREA);
  cv::equalizeHist(scaled, scaled);
  int min_px = std::max(24, static_cast<int>(min_face_px * s));
  std::vector<cv::Rect> found;
  impl_->lbp.detectMultiScale(scaled, found, 1.1, 4, 0, cv::Size(min_px, min_px));
  for (const auto& r : found) {
    out.emplace_back(static_cast<int>(r.x / s), static_cast<int>(r.y / s), static_cast<int>(r.width / s),
                     static_cast<int>(r.height / s));
  }
  return out;
}

}  // namespace rc::face
