#include "face/image_input.h"

#include <cstdint>
#include <vector>

#include <opencv2/imgcodecs.hpp>

namespace rc::face {
namespace {

std::uint32_t be32(std::string_view b, std::size_t at) {
  return (std::uint32_t{static_cast<unsigned char>(b[at])} << 24) |
         (std::uint32_t{static_cast<unsigned char>(b[at + 1])} << 16) |
         (std::uint32_t{static_cast<unsigned char>(b[at + 2])} << 8) |
         std::uint32_t{static_cast<unsigned char>(b[at + 3])};
}

std::uint32_t be16(std::string_view b, std::size_t at) {
  return (std::uint32_t{static_cast<unsigned char>(b[at])} << 8) |
         std::uint32_t{static_cast<unsigned char>(b[at + 1])};
}

bool is_png(std::string_view b) { return b.size() >= 8 && b.substr(0, 8) == "\x89PNG\r\n\x1a\n"; }
bool is_jpeg(std::string_view b) { return b.size() >= 3 && b.substr(0, 3) == "\xff\xd8\xff"; }

ImageHeader png_header(std::string_view b) {
  ImageHeader h{ImageFormat::kPng};
  // Signature (8), chunk length (4), "IHDR" (4), width (4), height (4).
  if (b.size() < 24 || b.substr(12, 4) != "IHDR") return h;
  std::uint32_t w = be32(b, 16), hgt = be32(b, 20);
  if (w == 0 || hgt == 0 || w > 0x7fffffff || hgt > 0x7fffffff) return h;
  // A truncated upload lacks the IEND chunk.
  if (b.rfind("IEND") == std::string_view::npos || b.rfind("IEND") < 33) return h;
  h.width = static_cast<int>(w);
  h.height = static_cast<int>(hgt);
  h.ok = true;
  return h;
}

bool is_sof(unsigned char m) {
  // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
  return m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
}

ImageHeader jpeg_header(std::string_view b) {
  ImageHeader h{ImageFormat::kJpeg};
  std::size_t i = 2;
  while (i + 4 <= b.size()) {
    if (static_cast<unsigned char>(b[i]) != 0xff) return h;
    auto marker = static_cast<unsigned char>(b[i + 1]);
    if (marker == 0xff) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01) {
      i += 2;  // markers without a length
      continue;
    }
    if (marker == 0xd9 || marker == 0xda) return h;  // end of image or scan before any frame
    std::uint32_t len = be16(b, i + 2);
    if (len < 2) return h;
    if (is_sof(marker)) {
      // length (2), precision (1), height (2), width (2)
      if (i + 9 > b.size() || len < 7) return h;
      h.height = static_cast<int>(be16(b, i + 5));
      h.width = static_cast<int>(be16(b, i + 7));
      // A truncated upload decodes to a grey-filled picture: require the end-of-image marker
      // after the frame header (entropy-coded data never holds FF D9; stuffing makes it FF 00).
      h.ok = h.width > 0 && h.height > 0 && b.find("\xff\xd9", i + 2 + len) != std::string_view::npos;
      return h;
    }
    i += 2 + len;
  }
  return h;
}

}  // namespace

ImageHeader read_image_header(std::string_view bytes) {
  if (is_png(bytes)) return png_header(bytes);
  if (is_jpeg(bytes)) return jpeg_header(bytes);
  return {};
}

DecodedImage decode_image(std::string_view bytes, const ImageLimits& limits) {
  DecodedImage out;
  if (bytes.size() > limits.max_bytes) {
    out.refusal = ImageRefusal::kTooLarge;
    return out;
  }
  ImageHeader h = read_image_header(bytes);
  if (!h.ok) {
    out.refusal = ImageRefusal::kUnreadable;
    return out;
  }
  if (h.width > limits.max_side || h.height > limits.max_side || h.width < limits.min_side ||
      h.height < limits.min_side) {
    out.refusal = ImageRefusal::kBadDimensions;
    return out;
  }
  // imdecode needs a Mat over the bytes; it only reads them.
  std::vector<unsigned char> buf(bytes.begin(), bytes.end());
  cv::Mat decoded;
  try {
    decoded = cv::imdecode(buf, cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
  } catch (const cv::Exception&) {
    decoded.release();
  }
  // A decoder that disagrees with the header means a crafted or damaged file.
  if (decoded.empty() || decoded.cols != h.width || decoded.rows != h.height) {
    out.refusal = ImageRefusal::kUnreadable;
    return out;
  }
  out.bgr = std::move(decoded);
  return out;
}

}  // namespace rc::face
