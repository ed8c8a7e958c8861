#include "app/certificates/certificate_number.h"

#include <fmt/format.h>

namespace rc::app {
namespace {

Result<std::string> padded(long long value, std::size_t width, std::string_view field) {
  std::string s = std::to_string(value);
  if (value < 0 || s.size() > width)
    return fail(ErrorCode::kInvalidValue, std::string(field), fmt::format("证书编号字段 {} 超出 {} 位", field, width));
  return std::string(width - s.size(), '0') + s;
}

Result<std::string> field_text(std::string_view name, const NumberFields& f) {
  const bool region_ok = f.region_code.size() == 6;
  if (name == "year") return padded(f.year, 4, name);
  if (name == "region2" || name == "region4" || name == "region6") {
    if (!region_ok) return fail(ErrorCode::kInvalidValue, "region_code", "鉴定站行政区划代码应为 6 位");
    return f.region_code.substr(0, static_cast<std::size_t>(name.back() - '0'));
  }
  if (name == "station3") return padded(f.station_id, 3, name);
  if (name == "level") return padded(f.level, 1, name);
  if (name == "serial5") return padded(f.serial, 5, name);
  if (name == "serial6") return padded(f.serial, 6, name);
  return fail(ErrorCode::kInvalidValue, "number_pattern", fmt::format("证书编号规则含未知字段 {{{}}}", name));
}

}  // namespace

Result<std::string> format_certificate_number(std::string_view pattern, const NumberFields& fields) {
  std::string out;
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] != '{') {
      out += pattern[i++];
      continue;
    }
    const auto close = pattern.find('}', i);
    if (close == std::string_view::npos)
      return fail(ErrorCode::kInvalidValue, "number_pattern", "证书编号规则的花括号不成对");
    auto text = field_text(pattern.substr(i + 1, close - i - 1), fields);
    if (!text) return fail(text.error());
    out += *text;
    i = close + 1;
  }
  return out;
}

}  // namespace rc::app
