#include "face/photo_check.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cmath>
#include <memory>
#include <numbers>
#include <utility>

#include <opencv2/imgproc.hpp>

#include "face/face_finder.h"

namespace rc::face {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kReasons{{
    {"face.none", "未检测到人脸，请上传本人正面免冠照片"},
    {"face.multiple", "检测到多张人脸，照片中只能有本人"},
    {"face.not_frontal", "请正对镜头，保持头部端正"},
    {"face.too_small", "人脸过小，请靠近镜头或裁剪照片"},
    {"face.too_dark", "光线过暗，请在光线充足处拍摄"},
    {"face.too_bright", "光线过亮，请避免强光直射"},
    {"face.blurry", "照片模糊，请保持相机稳定并对焦"},
    {"face.background", "背景不是纯色，请在白色或浅色纯色背景前拍摄"},
    {"face.check_unavailable", "暂时无法检查人脸，请稍后再试或申请人工审核"},
    {"image.too_large", "图片文件过大（不超过 5 MB）"},
    {"image.unreadable", "无法读取图片，请上传完整的 JPEG 或 PNG 文件"},
    {"image.bad_dimensions", "图片尺寸不符合要求（边长 200 至 4000 像素）"},
}};

PhotoIssue issue(std::string_view code) { return {std::string(code), std::string(photo_issue_reason(code))}; }

// One detector per thread, rebuilt when the landmarks model changes.
FaceFinder* thread_finder(const std::string& landmarks_model) {
  thread_local std::unique_ptr<FaceFinder> finder;
  thread_local std::string loaded_model;
  thread_local bool tried = false;
  if (!tried || loaded_model != landmarks_model) {
    tried = true;
    loaded_model = landmarks_model;
    auto made = FaceFinder::create(landmarks_model);
    finder = made ? std::move(*made) : nullptr;
  }
  return finder.get();
}

void measure_frontal(const Landmarks5& p, PhotoMeasures& m) {
  cv::Point2f eye_a = (p[0] + p[1]) * 0.5f, eye_b = (p[2] + p[3]) * 0.5f;
  if (eye_a.x > eye_b.x) std::swap(eye_a, eye_b);
  cv::Point2f d = eye_b - eye_a;
  double dist = std::hypot(d.x, d.y);
  m.eye_distance_px = dist;
  m.roll_deg = std::atan2(d.y, d.x) * 180.0 / std::numbers::pi;
  if (dist <= 0) return;
  // Offset of the nose from the eye midpoint, along the eye line, in eye distances: a turned
  // head moves the nose towards one eye.
  cv::Point2f mid = (eye_a + eye_b) * 0.5f;
  cv::Point2f n = p[4] - mid;
  m.nose_offset = std::abs((n.x * d.x + n.y * d.y) / dist) / dist;
}

void measure_face(const cv::Mat& gray, const cv::Rect& box, PhotoMeasures& m) {
  cv::Mat face = gray(box);
  m.face_mean = cv::mean(face)[0];
  cv::Mat dark = face <= 8, bright = face >= 247;
  m.clipped_share = static_cast<double>(cv::countNonZero(dark) + cv::countNonZero(bright)) / face.total();
  cv::Mat norm, lap;
  double s = 160.0 / box.width;
  cv::resize(face, norm, cv::Size(), s, s, s < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
  cv::Laplacian(norm, lap, CV_64F);
  cv::Scalar mean, stddev;
  cv::meanStdDev(lap, mean, stddev);
  m.sharpness = stddev[0] * stddev[0];
}

// The background: everything above the chin line outside an ellipse around the head (hair
// above the brows, ears beside the box). Left and right halves are compared for colour.
cv::Mat background_mask(const cv::Size& size, const cv::Rect& face) {
  cv::Mat mask(size, CV_8U, cv::Scalar(0));
  int bottom = std::min(size.height, face.y + face.height * 9 / 10);
  if (bottom <= 0) return mask;
  mask(cv::Rect(0, 0, size.width, bottom)).setTo(255);
  cv::Point centre(face.x + face.width / 2, face.y + face.height * 35 / 100);
  cv::ellipse(mask, centre, cv::Size(face.width * 8 / 10, face.height * 95 / 100), 0, 0, 360, cv::Scalar(0), cv::FILLED);
  return mask;
}

void measure_background(const cv::Mat& bgr, const cv::Mat& gray, const cv::Rect& face, PhotoMeasures& m) {
  cv::Mat mask = background_mask(bgr.size(), face);
  int area = cv::countNonZero(mask);
  if (area < static_cast<int>(bgr.total() / 50)) return;  // the face fills the picture: nothing to judge
  cv::Scalar mean, stddev;
  cv::meanStdDev(gray, mean, stddev, mask);
  m.background_stddev = stddev[0];
  cv::Mat edges;
  cv::Canny(gray, edges, 60, 150);
  edges &= mask;
  m.background_edges = static_cast<double>(cv::countNonZero(edges)) / area;
  int cx = face.x + face.width / 2;
  cv::Mat left = mask.clone(), right = mask.clone();
  left(cv::Rect(std::clamp(cx, 0, bgr.cols), 0, bgr.cols - std::clamp(cx, 0, bgr.cols), bgr.rows)).setTo(0);
  right(cv::Rect(0, 0, std::clamp(cx, 0, bgr.cols), bgr.rows)).setTo(0);
  if (cv::countNonZero(left) > area / 10 && cv::countNonZero(right) > area / 10) {
    m.background_color_spread = cv::norm(cv::mean(bgr, left) - cv::mean(bgr, right));
  }
}

// Cascade faces that overlap none of the HOG faces and are at least half the main face's size.
int extra_cascade_faces(const std::vector<cv::Rect>& cascade, const std::vector<FoundFace>& hog) {
  int extra = 0;
  for (const cv::Rect& c : cascade) {
    bool overlaps = false;
    for (const FoundFace& f : hog) overlaps = overlaps || (c & f.box).area() > 0;
    if (!overlaps && !hog.empty() && c.width * 2 >= hog.front().box.width) ++extra;
  }
  return extra;
}

void check_face(const cv::Mat& bgr, const FoundFace& f, const PhotoRules& rules, PhotoCheck& out) {
  PhotoMeasures& m = out.measures;
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  m.face_fraction = static_cast<double>(f.box.width) / bgr.cols;
  if (f.has_landmarks) measure_frontal(f.landmarks, m);
  measure_face(gray, f.box, m);
  measure_background(bgr, gray, f.box, m);

  if (f.has_landmarks && (std::abs(m.roll_deg) > rules.max_roll_deg || m.nose_offset > rules.max_nose_offset)) {
    out.issues.push_back(issue("face.not_frontal"));
  }
  if (m.face_fraction < rules.min_face_fraction || f.box.width < rules.min_face_px ||
      (f.has_landmarks && m.eye_distance_px < rules.min_eye_distance_px)) {
    out.issues.push_back(issue("face.too_small"));
  }
  if (m.face_mean < rules.min_face_mean || (m.clipped_share > rules.max_clipped_share && m.face_mean < 128)) {
    out.issues.push_back(issue("face.too_dark"));
  } else if (m.face_mean > rules.max_face_mean || m.clipped_share > rules.max_clipped_share) {
    out.issues.push_back(issue("face.too_bright"));
  }
  if (m.sharpness < rules.min_sharpness) out.issues.push_back(issue("face.blurry"));
  if (m.background_stddev > rules.max_background_stddev || m.background_edges > rules.max_background_edges ||
      m.background_color_spread > rules.max_background_color_spread) {
    out.issues.push_back(issue("face.background"));
  }
}

}  // namespace

std::string_view photo_issue_reason(std::string_view code) {
  for (const auto& [c, reason] : kReasons) {
    if (c == code) return reason;
  }
  return {};
}

PhotoCheck check_photo(std::string_view encoded_image_bytes, const PhotoRules& rules) {
  PhotoCheck out;
  DecodedImage img = decode_image(encoded_image_bytes, rules.limits);
  switch (img.refusal) {
    case ImageRefusal::kTooLarge: out.issues.push_back(issue("image.too_large")); return out;
    case ImageRefusal::kUnreadable: out.issues.push_back(issue("image.unreadable")); return out;
    case ImageRefusal::kBadDimensions: out.issues.push_back(issue("image.bad_dimensions")); return out;
    case ImageRefusal::kNone: break;
  }
  out.measures.width = img.bgr.cols;
  out.measures.height = img.bgr.rows;
  if (!rules.detect_faces) {
    out.accepted = true;
    return out;
  }
  FaceFinder* finder = thread_finder(rules.landmarks_model);
  if (finder == nullptr) {
    out.issues.push_back(issue("face.check_unavailable"));
    return out;
  }
  int min_face = std::max(20, static_cast<int>(rules.detect_min_face_fraction * std::min(img.bgr.cols, img.bgr.rows)));
  std::vector<FoundFace> faces = finder->find(img.bgr, min_face);
  std::vector<cv::Rect> cascade = finder->cascade(img.bgr, min_face);
  out.measures.hog_faces = static_cast<int>(faces.size());
  out.measures.cascade_faces = static_cast<int>(cascade.size());
  if (faces.empty()) {
    // The HOG detector only fires on near-frontal faces: a face the cascade sees is turned away.
    out.issues.push_back(issue(cascade.empty() ? "face.none" : "face.not_frontal"));
    return out;
  }
  const FoundFace& main = faces.front();
  out.face = {main.box.x, main.box.y, main.box.width, main.box.height};
  if (faces.size() > 1 || extra_cascade_faces(cascade, faces) > 0) {
    out.issues.push_back(issue("face.multiple"));
    return out;
  }
  check_face(img.bgr, main, rules, out);
  out.accepted = out.issues.empty();
  return out;
}

}  // namespace rc::face
