#include "cli/testing_clock.h"

#include <cctype>
#include <fstream>
#include <iostream>
#include <sstream>

namespace rc::cli {

std::optional<std::int64_t> parse_clock_offset(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  if (i == text.size()) return 0;
  bool negative = false;
  if (text[i] == '+' || text[i] == '-') negative = text[i++] == '-';
  std::int64_t value = 0;
  std::size_t digits = 0;
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, ++digits) {
    if (digits == 12) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  if (digits == 0) return std::nullopt;
  for (; i < text.size(); ++i)
    if (!std::isspace(static_cast<unsigned char>(text[i]))) return std::nullopt;
  return negative ? -value : value;
}

std::chrono::seconds TestingClock::offset() const {
  std::lock_guard lock(mu_);
  const auto now = std::chrono::steady_clock::now();
  if (read_once_ && now - read_at_ < std::chrono::milliseconds(100)) return offset_;
  read_once_ = true;
  read_at_ = now;
  std::ifstream in(path_, std::ios::binary);
  std::string text;
  if (in) {
    std::ostringstream s;
    s << in.rdbuf();
    text = s.str();
  }
  auto parsed = parse_clock_offset(text);
  if (!parsed) return offset_;
  if (std::chrono::seconds(*parsed) != offset_)
    std::cerr << "测试时钟 (TESTING CLOCK): offset now " << *parsed << " s" << std::endl;
  offset_ = std::chrono::seconds(*parsed);
  return offset_;
}

std::chrono::system_clock::time_point TestingClock::now() const {
  return std::chrono::system_clock::now() + offset();
}

}  // namespace rc::cli
