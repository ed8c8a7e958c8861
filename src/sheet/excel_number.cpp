#include "sheet/excel_number.h"

#include <charconv>
#include <cmath>

namespace rc::sheet {

std::optional<CivilDate> date_from_serial(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial > 2958465.0) return std::nullopt;
  const long whole = static_cast<long>(std::floor(serial));
  // 1970-01-01 is day 0 of CivilDate: 1899-12-30 is -25569, 1904-01-01 is -24107.
  if (date1904) return whole < 0 ? std::nullopt : std::optional(CivilDate::from_days(-24107 + whole));
  if (whole < 1 || whole == 60) return std::nullopt;
  // Serials before the phantom 1900-02-29 are one day "late".
  return CivilDate::from_days(-25569 + whole + (whole < 60 ? 1 : 0));
}

bool is_date_format(int id, std::string_view code) {
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
  if (id < 164) return false;
  bool y = false, d = false, m = false, hs = false, in_quote = false, in_bracket = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (in_quote) {
      in_quote = c != '"';
      continue;
    }
    if (in_bracket) {
      in_bracket = c != ']';
      continue;
    }
    if (c == '"') in_quote = true;
    else if (c == '[') in_bracket = true;
    else if (c == '\\' || c == '_' || c == '*') ++i;  // escaped or padding character
    else if (c == ';') break;                       // only the first section decides
    else if (c == 'y' || c == 'Y') y = true;
    else if (c == 'd' || c == 'D') d = true;
    else if (c == 'm' || c == 'M') m = true;
    else if (c == 'h' || c == 'H' || c == 's' || c == 'S') hs = true;
  }
  return y || d || (m && !hs);
}

FormattedNumber format_number(std::string_view v) {
  FormattedNumber out;
  while (!v.empty() && (v.front() == ' ' || v.front() == '+')) v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || !std::isfinite(value)) return out;
  out.value = value;
  if (std::fabs(value) >= 1e15) {
    out.status = NumberText::kPrecisionLost;
    return out;
  }
  char buf[64];
  std::to_chars_result r;
  if (value == std::floor(value)) r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 0);
  else r = std::to_chars(buf, buf + sizeof buf, value);
  out.text.assign(buf, r.ptr);
  if (out.text == "-0") out.text = "0";
  out.status = NumberText::kOk;
  return out;
}

}  // namespace rc::sheet
