#pragma once
// A QR code as one OFD path (spec/OFD.md §1.4): libqrencode's module matrix, each row's runs of dark
// modules merged into one rectangle and equal runs in consecutive rows into one taller rectangle, all
// wound the same way so the NonZero rule fills them, with a
// 4-module quiet zone inside the returned size.
//
// Thread safety: pure function (libqrencode is reentrant).

#include <string>
#include <string_view>

#include "domain/common/result.h"

namespace rc::cert {

struct QrVector {
  // "M x y L … C M …" in MODULE units (integers, the quiet zone included: the first module is at 4),
  // to be drawn with CTM="module_mm 0 0 module_mm 0 0": half the characters of millimetre
  // coordinates, and the page XML is what each certificate digests and deflates.
  std::string abbreviated_data;
  int modules = 0;        // modules per side, without the quiet zone
  double module_mm = 0;   // a multiple of 0.05 mm
  double size_mm = 0;     // side length including the quiet zone
};

// The code for `text` (byte mode, error correction M), at most `size_mm` wide.
[[nodiscard]] Result<QrVector> qr_vector(std::string_view text, double size_mm);

}  // namespace rc::cert
