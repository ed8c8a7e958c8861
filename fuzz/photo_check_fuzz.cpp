// libFuzzer target for the photo upload path: rc::face::check_photo on arbitrary bytes. The
// header sniffing (magic bytes, PNG IHDR, JPEG SOFn walk, end markers), the size and dimension
// limits and OpenCV's decoders see every input; face detection (HOG + LBP cascade, no landmark
// model so that no file is needed) runs on inputs under 32 KB only, to keep thousands of runs a
// second. Seeds: fuzz/corpus/photo_check (small synthetic JPEG and PNG files).
//   cmake --preset fuzz && cmake --build build/fuzz --target photo_check_fuzz
//   build/fuzz/fuzz/photo_check_fuzz -max_total_time=60 fuzz/corpus/photo_check
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <opencv2/core/utility.hpp>

#include "face/photo_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool quiet = [] {
    cv::setNumThreads(1);
    return true;
  }();
  (void)quiet;
  rc::face::PhotoRules rules;
  rules.limits.max_side = 1200;  // the real limit is 4000; smaller pictures keep the runs fast
  rules.detect_faces = size < 32 * 1024;
  rc::face::PhotoCheck c = check_photo(std::string_view(reinterpret_cast<const char*>(data), size), rules);
  // A picture is either refused with a reason or measured with its real size.
  if (c.issues.empty() != c.accepted) __builtin_trap();
  if (c.accepted && (c.measures.width < rules.limits.min_side || c.measures.width > rules.limits.max_side)) __builtin_trap();
  return 0;
}
