#include "cert/ofd_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace rc::cert {

void append_xml_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
}

// Integer arithmetic instead of snprintf: a certificate page formats thousands of coordinates
// (the vector QR code) and printf's float path showed up in the issuance profile.
std::string mm(double v) {
  long long t = std::llround(v * 10000.0);
  std::string s;
  if (t < 0) {
    s += '-';
    t = -t;
  }
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, t / 10000);
  s.append(buf, end);
  int frac = static_cast<int>(t % 10000);
  if (frac != 0) {
    char digits[5] = {char('0' + frac / 1000), char('0' + frac / 100 % 10), char('0' + frac / 10 % 10), char('0' + frac % 10), 0};
    int n = 4;
    while (digits[n - 1] == '0') --n;
    s += '.';
    s.append(digits, static_cast<std::size_t>(n));
  }
  return s == "-0" ? "0" : s;
}

std::optional<std::vector<char32_t>> utf8_code_points(std::string_view text) {
  std::vector<char32_t> out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > text.size()) return std::nullopt;
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1f) : len == 3 ? (b & 0x0f) : (b & 0x07);
    for (int k = 1; k < len; ++k) {
      const auto cont = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
      if ((cont >> 6) != 2) return std::nullopt;
      c = (c << 6) | (cont & 0x3f);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < kMin[len] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return std::nullopt;
    out.push_back(c);
    i += static_cast<std::size_t>(len);
  }
  return out;
}

std::string to_valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const std::size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len > 0 && i + len <= text.size() && utf8_code_points(text.substr(i, len))) {
      out.append(text.substr(i, len));
      i += len;
    } else {
      out.append("\xEF\xBF\xBD");
      ++i;
    }
  }
  return out;
}

double glyph_advance(char32_t c) { return c < 0x80 ? 0.5 : 1.0; }

std::optional<std::vector<double>> expand_delta(std::string_view list) {
  std::vector<double> out;
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && list[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < list.size() && list[i] != ' ') ++i;
    if (i > start) tokens.push_back(list.substr(start, i - start));
  }
  auto number = [](std::string_view t) -> std::optional<double> {
    double v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size() || !std::isfinite(v)) return std::nullopt;
    return v;
  };
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (tokens[k] == "g") {
      if (k + 2 >= tokens.size()) return std::nullopt;
      auto n = number(tokens[k + 1]);
      auto v = number(tokens[k + 2]);
      if (!n || !v || *n < 1 || *n > 10000 || *n != std::floor(*n)) return std::nullopt;
      out.insert(out.end(), static_cast<std::size_t>(*n), *v);
      k += 2;
    } else {
      auto v = number(tokens[k]);
      if (!v) return std::nullopt;
      out.push_back(*v);
    }
    if (out.size() > 100000) return std::nullopt;
  }
  return out;
}

}  // namespace rc::cert
