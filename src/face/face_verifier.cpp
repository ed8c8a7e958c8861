#include "face/face_verifier.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace rc::face {
namespace {

constexpr std::string_view kTag = "rcf1";

void put_le32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

std::uint32_t get_le32(std::string_view b, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= std::uint32_t{static_cast<unsigned char>(b[at + i])} << (8 * i);
  return v;
}

}  // namespace

FaceVerifier::~FaceVerifier() = default;

std::string FaceTemplate::to_bytes() const {
  std::string out(kTag);
  out.reserve(kBytes);
  for (float f : values) put_le32(out, std::bit_cast<std::uint32_t>(f));
  return out;
}

Result<FaceTemplate> FaceTemplate::from_bytes(std::string_view bytes) {
  if (bytes.size() != kBytes || bytes.substr(0, 4) != kTag) {
    return fail(ErrorCode::kInvalidValue, "face_template", "人脸模板数据无效");
  }
  FaceTemplate t;
  for (std::size_t i = 0; i < kDimensions; ++i) {
    float f = std::bit_cast<float>(get_le32(bytes, 4 + 4 * i));
    if (!std::isfinite(f)) return fail(ErrorCode::kInvalidValue, "face_template", "人脸模板数据无效");
    t.values[i] = f;
  }
  return t;
}

double template_distance(const FaceTemplate& a, const FaceTemplate& b) {
  double sum = 0;
  for (std::size_t i = 0; i < FaceTemplate::kDimensions; ++i) {
    double d = static_cast<double>(a.values[i]) - b.values[i];
    sum += d * d;
  }
  return std::sqrt(sum);
}

}  // namespace rc::face
