// libFuzzer target: app::parse_score_milli (a corrected score typed by a station, D13). Any input
// is either refused with kInvalidValue or gives 0..100000 thousandths that print back to a number
// the parser reads to the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "app/results/score_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto r = rc::app::parse_score_milli(text);
  if (!r) {
    if (r.error().code != rc::ErrorCode::kInvalidValue) std::abort();
    return 0;
  }
  if (*r < 0 || *r > 100000) std::abort();
  const std::string back = std::to_string(*r / 1000) + "." + std::to_string(1000 + *r % 1000).substr(1);
  auto again = rc::app::parse_score_milli(back);
  if (!again || *again != *r) std::abort();
  return 0;
}
