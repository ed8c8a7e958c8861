#include "cert/qr_vector.h"

#include <qrencode.h>

#include <memory>

#include "cert/ofd_text.h"

namespace rc::cert {

Result<QrVector> qr_vector(std::string_view text, double size_mm) {
  const std::string copy(text);  // libqrencode wants a NUL-terminated string
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeData(static_cast<int>(copy.size()), reinterpret_cast<const unsigned char*>(copy.data()), 0,
                        QR_ECLEVEL_M),
      QRcode_free);
  if (!code) return fail(make_error(ErrorCode::kTooLarge, "qr", "二维码内容过长，无法编码"));
  constexpr int kQuiet = 4;
  const int n = code->width;
  const double m = size_mm / (n + 2 * kQuiet);
  QrVector out;
  out.modules = n;
  out.size_mm = size_mm;
  out.abbreviated_data.reserve(static_cast<std::size_t>(n) * 120);
  for (int y = 0; y < n; ++y) {
    const unsigned char* row = code->data + static_cast<std::ptrdiff_t>(y) * n;
    for (int x = 0; x < n;) {
      if (!(row[x] & 1)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < n && (row[end] & 1)) ++end;
      const std::string x0 = mm((x + kQuiet) * m), x1 = mm((end + kQuiet) * m);
      const std::string y0 = mm((y + kQuiet) * m), y1 = mm((y + 1 + kQuiet) * m);
      if (!out.abbreviated_data.empty()) out.abbreviated_data += ' ';
      out.abbreviated_data += "M " + x0 + ' ' + y0 + " L " + x1 + ' ' + y0 + " L " + x1 + ' ' + y1 + " L " + x0 + ' ' +
                              y1 + " C";
      x = end;
    }
  }
  return out;
}

}  // namespace rc::cert
