#pragma once
// Checks an uploaded portrait photo (confirmation step, issue 3): exactly one frontal face, big
// enough, well exposed, sharp, on a plain background. Every refusal carries a stable code and a
// Chinese reason for the candidate; a refused photo can always go to manual review instead.
//
// The bytes are outside input: JPEG/PNG only, size and header dimensions checked before any
// decoding (face/image_input.h). Thresholds are data (PhotoRules); the defaults were calibrated
// on the dlib example images (src/face/README.md).
//
// Thread-safety: check_photo may be called from any thread; it keeps one detector per thread
// (thread_local), loaded on first use with the rules' landmarks model.

#include <string>
#include <string_view>
#include <vector>

#include "face/image_input.h"

namespace rc::face {

struct PhotoRules {
  ImageLimits limits;                 // 5 MB, 200..4000 px
  bool detect_faces = true;           // false: image-level checks only (used by the fuzz target)
  std::string landmarks_model;        // shape_predictor_5_face_landmarks.dat; empty: no landmark checks
  double detect_min_face_fraction = 0.08;  // faces smaller than this share of the short side are ignored
  // Size
  double min_face_fraction = 0.25;    // face box width / picture width
  int min_face_px = 100;              // face box width in pixels
  double min_eye_distance_px = 30;
  // Frontal (5 landmarks)
  double max_roll_deg = 10;           // eye-line angle
  double max_nose_offset = 0.22;      // |nose - eye midpoint| across the eye line / eye distance
  // Exposure of the face region (luminance 0..255)
  double min_face_mean = 70;
  double max_face_mean = 200;
  double max_clipped_share = 0.10;    // share of face pixels at <= 8 or >= 247
  // Sharpness: variance of the Laplacian of the face scaled to 160 px wide (sharp phone photos
  // score in the hundreds; a 2x upscaled 150 px chip 15-120; Gaussian blur sigma 1.5 about 24)
  double min_sharpness = 20;
  // Plain background: above the chin line, outside an ellipse around the head
  double max_background_stddev = 25;  // luminance standard deviation
  double max_background_edges = 0.04; // share of Canny edge pixels
  double max_background_color_spread = 40;  // distance between the left and right mean colours (BGR)
};

struct PhotoIssue {
  std::string code;    // stable: "face.none", "face.multiple", "face.not_frontal", "face.too_small",
                       // "face.too_dark", "face.too_bright", "face.blurry", "face.background",
                       // "image.too_large", "image.unreadable", "image.bad_dimensions"
  std::string reason;  // Chinese, for the candidate
};

struct FaceBox {
  int x = 0, y = 0, width = 0, height = 0;  // pixels; all zero when no face was found
};

// Figures measured on the photo, for logs and calibration.
struct PhotoMeasures {
  int width = 0, height = 0;
  int hog_faces = 0, cascade_faces = 0;
  double face_fraction = 0, eye_distance_px = 0, roll_deg = 0, nose_offset = 0;
  double face_mean = 0, clipped_share = 0, sharpness = 0;
  double background_stddev = 0, background_edges = 0, background_color_spread = 0;
};

struct PhotoCheck {
  bool accepted = false;
  std::vector<PhotoIssue> issues;  // empty when accepted
  FaceBox face;
  PhotoMeasures measures;
};

PhotoCheck check_photo(std::string_view encoded_image_bytes, const PhotoRules& rules);

// The Chinese reason of an issue code (empty for an unknown code).
std::string_view photo_issue_reason(std::string_view code);

}  // namespace rc::face
