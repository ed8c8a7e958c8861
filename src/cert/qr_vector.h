#pragma once
// A QR code as one OFD path (spec/OFD.md §1.4): libqrencode's module matrix, each row's runs of dark
// modules merged into one rectangle, all wound the same way so the NonZero rule fills them, with a
// 4-module quiet zone inside the returned size.
//
// Thread safety: pure function (libqrencode is reentrant).

#include <string>
#include <string_view>

#include "domain/common/result.h"

namespace rc::cert {

struct QrVector {
  std::string abbreviated_data;  // "M x y L … C M …" in mm, relative to the code's top-left corner
  int modules = 0;               // modules per side, without the quiet zone
  double size_mm = 0;            // side length including the quiet zone
};

// The code for `text` (byte mode, error correction M) scaled so that it is `size_mm` wide.
[[nodiscard]] Result<QrVector> qr_vector(std::string_view text, double size_mm);

}  // namespace rc::cert
