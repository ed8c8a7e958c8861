#pragma once
// Hostile-input-safe image decoding for the face module. Bytes from outside are looked at before
// any decoder sees them: only JPEG and PNG (by magic bytes), at most max_bytes, and dimensions
// read from the file's own header must lie within [min_side, max_side] — so a 50,000 x 50,000
// "decompression bomb" is refused without allocating its pixels.
// Thread-safety: free functions without shared state; safe from any thread.

#include <cstddef>
#include <string_view>

#include <opencv2/core.hpp>

namespace rc::face {

enum class ImageFormat { kUnknown, kJpeg, kPng };

struct ImageLimits {
  std::size_t max_bytes = 5 * 1024 * 1024;
  int max_side = 4000;  // pixels, either dimension
  int min_side = 200;   // pixels, either dimension
};

// What the header says, without decoding. ok is false when the header cannot be read.
struct ImageHeader {
  ImageFormat format = ImageFormat::kUnknown;
  int width = 0;
  int height = 0;
  bool ok = false;
};

// Reads the format from the magic bytes and the dimensions from the PNG IHDR chunk or the first
// JPEG SOFn segment.
ImageHeader read_image_header(std::string_view bytes);

enum class ImageRefusal { kNone, kTooLarge, kUnreadable, kBadDimensions };

struct DecodedImage {
  cv::Mat bgr;  // 8-bit, 3 channels; empty when refused
  ImageRefusal refusal = ImageRefusal::kNone;
};

// Checks size, magic bytes and header dimensions, then decodes with OpenCV (EXIF orientation is
// not applied: the pixels are taken as stored).
DecodedImage decode_image(std::string_view bytes, const ImageLimits& limits);

}  // namespace rc::face
