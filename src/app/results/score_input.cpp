#include "app/results/score_input.h"

#include <string>

namespace rc::app {

Result<std::int32_t> parse_score_milli(std::string_view text, std::string_view field) {
  const auto bad = [&] {
    return fail(ErrorCode::kInvalidValue, std::string(field), "成绩须为 0 到 100 之间的数，最多三位小数（如 72.5）");
  };
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty() || text.size() > 8) return bad();
  std::int32_t whole = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) whole = whole * 10 + (text[i] - '0');
  if (i == 0 || i > 3) return bad();
  std::int32_t fraction = 0;
  if (i < text.size()) {
    if (text[i] != '.') return bad();
    std::size_t digits = 0;
    for (++i; i < text.size(); ++i, ++digits) {
      if (text[i] < '0' || text[i] > '9' || digits == 3) return bad();
      fraction = fraction * 10 + (text[i] - '0');
    }
    if (digits == 0) return bad();
    for (; digits < 3; ++digits) fraction *= 10;
  }
  const std::int32_t milli = whole * 1000 + fraction;
  if (milli > 100000) return bad();
  return milli;
}

}  // namespace rc::app
