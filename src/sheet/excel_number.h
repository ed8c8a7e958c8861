#pragma once
// Numbers as Excel stores them in a cell's <v>: date serials (1900 system with Lotus's phantom
// 1900-02-29, or the 1904 system) and plain doubles, turned back into the text a person typed.
// Pure functions; safe from any thread.

#include <optional>
#include <string>
#include <string_view>

#include "domain/common/civil_date.h"

namespace rc::sheet {

// The calendar date of a serial (fraction = time of day, dropped). nullopt for serial 60 in the
// 1900 system (1900-02-29, which never was), for serials < 1 (1900 system) or < 0 (1904 system),
// and past 9999-12-31.
std::optional<CivilDate> date_from_serial(double serial, bool date1904);

// Whether a number format shows a date: built-in ids 14-17 and 22, the CJK-locale date ids
// 27-36 and 50-58, and custom codes with y, d, or m without h/s (minutes), outside quotes,
// brackets and escapes.
bool is_date_format(int num_fmt_id, std::string_view format_code);

enum class NumberText { kOk, kNotANumber, kPrecisionLost };
struct FormattedNumber {
  NumberText status = NumberText::kNotANumber;
  std::string text;
  double value = 0;
};
// "13800138000" for 1.3800138E10; shortest round-trip text for fractions; kPrecisionLost for
// integers of 16 digits or more (Excel keeps 15 significant digits: an 18-digit ID number typed
// into a number cell has already lost its last digits).
FormattedNumber format_number(std::string_view v);

}  // namespace rc::sheet
