#pragma once
// 1:1 face verification behind an interface: a photo is enrolled into a FaceTemplate (the caller
// stores the template, encrypted and apart from identity data, and deletes raw captures — DOMAIN.md
// §4), and a live capture is later compared with it. Face verification is never the only way
// through: a refusal or an error leads to manual review.
//
// Adding a provider (e.g. an external verification service) is one class implementing
// FaceVerifier; see src/face/README.md.
//
// Thread-safety: each implementation documents its own; DlibFaceVerifier is safe to share.

#include <array>
#include <string>
#include <string_view>

#include "domain/common/result.h"

namespace rc::face {

// A face embedding: 128 floats, serialised as "rcf1" + 128 little-endian IEEE-754 floats (516
// bytes). Opaque to callers, who store the bytes (encrypted) and hand them back to verify.
struct FaceTemplate {
  static constexpr std::size_t kDimensions = 128;
  static constexpr std::size_t kBytes = 4 + 4 * kDimensions;
  std::array<float, kDimensions> values{};

  [[nodiscard]] std::string to_bytes() const;
  // Refuses wrong sizes, a wrong tag and non-finite values (kInvalidValue).
  [[nodiscard]] static Result<FaceTemplate> from_bytes(std::string_view bytes);
};

// Euclidean distance between two templates.
double template_distance(const FaceTemplate& a, const FaceTemplate& b);

struct Match {
  double distance = 0;      // method-specific; lower is more alike
  bool same_person = false; // distance below the method's threshold
  std::string method;       // e.g. "dlib-resnet-v1@0.60"
};

class FaceVerifier {
 public:
  virtual ~FaceVerifier();
  // Exactly one face must be found in the photo; errors carry a Chinese message.
  [[nodiscard]] virtual Result<FaceTemplate> enrol(std::string_view photo_bytes) = 0;
  [[nodiscard]] virtual Result<Match> verify(const FaceTemplate& enrolled, std::string_view live_capture_bytes) = 0;
  virtual std::string_view name() const = 0;
};

}  // namespace rc::face
