// Fuzzes the form-body parser of the web layer (application/x-www-form-urlencoded): any bytes
// must give a Form or an error value, never a crash, and every accepted value must be valid UTF-8
// without NUL.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "web/forms.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  auto form = rc::web::parse_urlencoded(body);
  if (form) {
    for (const auto& [k, v] : form->fields) {
      if (!rc::web::valid_utf8(k) || !rc::web::valid_utf8(v)) __builtin_trap();
      if (v.find('\0') != std::string::npos) __builtin_trap();
    }
  }
  (void)rc::web::valid_utf8(body);
  return 0;
}
