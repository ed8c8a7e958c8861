#pragma once
// A score typed by a person (the station's corrected score of an appeal, D13): "0"–"100" with at
// most three decimals ("72", "72.5", "59.975"), parsed exactly into thousandths of a point, never
// through a float (R6/R7: pass at 60 is compared unrounded). Anything else — empty, signs,
// exponents, more than three decimals, above 100 — is refused with kInvalidValue naming `field`.
// Pure and thread-safe; fuzzed by fuzz/score_input_fuzz.cpp.

#include <cstdint>
#include <string_view>

#include "domain/common/result.h"

namespace rc::app {

[[nodiscard]] Result<std::int32_t> parse_score_milli(std::string_view text, std::string_view field = "score");

}  // namespace rc::app
