#pragma once
// Certificate numbers from the configured pattern (config certificate.number_pattern, DOMAIN.md
// §3). The real 应急救援员 numbering is UNKNOWN, so the default is an explicitly FICTITIOUS
// demo scheme: YJJY + year + the station's region (4 digits) + the station id (3 digits) + level
// + a 6-digit serial, e.g. YJJY2026511300150000001. Numbers are opaque strings stored with the
// scheme tag; uniqueness comes from the serial, which is per station and year (the counter).
//
// Fields: {year} {region2} {region4} {region6} {station3} {level} {serial5} {serial6}. Pure.

#include <string>
#include <string_view>

#include "domain/common/result.h"

namespace rc::app {

struct NumberFields {
  int year = 0;
  std::string region_code;  // the station's GB/T 2260 code, 6 digits
  long long station_id = 0;
  int level = 5;
  int serial = 1;
};

// kInvalidValue when a field does not fit its width (e.g. station id over 999, serial over
// 999999) or the pattern names an unknown field: a number is never silently truncated.
[[nodiscard]] Result<std::string> format_certificate_number(std::string_view pattern, const NumberFields& fields);

}  // namespace rc::app
