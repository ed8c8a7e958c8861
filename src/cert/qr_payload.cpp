#include "cert/qr_payload.h"

#include <array>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "cert/base64.h"

namespace rc::cert {
namespace {

constexpr std::string_view kVersion = "1";
constexpr std::string_view kDomain = "rescuecert-qr:";  // keeps QR signatures apart from OFD ones
constexpr std::size_t kMaxText = 2048;                   // far above any real code (QR v40 holds 2953 bytes)

bool is_plain(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

std::string percent_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : s) {
    if (is_plain(c)) {
      out += c;
    } else {
      const auto u = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<std::string> percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (is_plain(s[i])) {
      out += s[i];
    } else {
      return std::nullopt;
    }
  }
  return out;
}

std::string date_digits(CivilDate d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", d.year(), d.month(), d.day());
  return buf;
}

std::optional<CivilDate> parse_date_digits(std::string_view s) {
  if (s.size() != 8) return std::nullopt;
  for (char c : s)
    if (c < '0' || c > '9') return std::nullopt;
  const std::string iso = std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" + std::string(s.substr(6, 2));
  return CivilDate::parse(iso);
}

std::string signed_message(std::string_view hd, std::string_view level, std::string_view date, std::string_view number) {
  std::string m(kDomain);
  m.append(kVersion).append(".").append(hd).append(".").append(level).append(".").append(date).append(".").append(number);
  return m;
}

Error malformed(std::string why) {
  return make_error(ErrorCode::kQrPayloadMalformed, "qr", "二维码内容无法识别：" + std::move(why));
}

// Splits off the first `n` dot-separated fields; the rest (which may contain dots) is last.
std::optional<std::vector<std::string_view>> split_fields(std::string_view p, std::size_t n) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < n; ++i) {
    const auto dot = p.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    out.push_back(p.substr(0, dot));
    p.remove_prefix(dot + 1);
  }
  out.push_back(p);
  return out;
}

}  // namespace

std::string holder_digest(std::string_view certificate_number, std::string_view name, std::string_view document_number) {
  std::string doc;
  for (char c : document_number) {
    if (c == ' ') continue;
    doc += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  std::string input(certificate_number);
  input.append("\n").append(name).append("\n").append(doc);
  const auto md = sm3(input);
  return base64url_encode(std::string_view(reinterpret_cast<const char*>(md.data()), 12));
}

std::string level_code(std::string_view level_text) {
  static constexpr std::array<std::string_view, 5> kChinese = {"一", "二", "三", "四", "五"};
  if (!level_text.empty() && level_text[0] >= '1' && level_text[0] <= '5') return std::string(1, level_text[0]);
  for (std::size_t i = 0; i < kChinese.size(); ++i)
    if (level_text.substr(0, kChinese[i].size()) == kChinese[i]) return std::to_string(i + 1);
  return "0";
}

std::string qr_text(const CertificateContent& content, const Sm2PrivateKey& key) {
  const std::string hd = holder_digest(content.number, content.holder_name, content.document_number);
  const std::string level = level_code(content.level_text);
  const std::string date = date_digits(content.issued_on);
  const std::string number = percent_encode(content.number);
  auto der = key.sign(signed_message(hd, level, date, number));
  if (!der) throw std::runtime_error("SM2 signing failed for the QR payload");
  auto raw = sm2_signature_raw(*der);
  if (!raw) throw std::runtime_error("SM2 signature not in DER form");
  std::string text = content.verification_url;
  text += content.verification_url.find('?') == std::string::npos ? "?q=" : "&q=";
  text.append(kVersion).append(".").append(hd).append(".").append(level).append(".").append(date).append(".");
  text.append(base64url_encode(*raw)).append(".").append(number);
  return text;
}

Result<QrPayload> verify_qr_text(std::string_view text, const Sm2PublicKey& key) {
  if (text.size() > kMaxText) return fail(malformed("过长"));
  std::size_t at = text.rfind("?q=");
  const std::size_t amp = text.rfind("&q=");
  if (at == std::string_view::npos || (amp != std::string_view::npos && amp > at)) at = amp;
  if (at == std::string_view::npos) return fail(malformed("没有 q= 参数"));
  auto fields = split_fields(text.substr(at + 3), 5);
  if (!fields) return fail(malformed("字段不全"));
  const auto& f = *fields;
  if (f[0] != kVersion) return fail(malformed("版本不支持"));
  if (f[1].size() != 16 || !base64url_decode(f[1])) return fail(malformed("持证人摘要格式错误"));
  if (f[2].size() != 1 || f[2][0] < '0' || f[2][0] > '5') return fail(malformed("等级代码错误"));
  auto date = parse_date_digits(f[3]);
  if (!date) return fail(malformed("发证日期错误"));
  auto raw = base64url_decode(f[4]);
  if (!raw || raw->size() != 64) return fail(malformed("签名格式错误"));
  auto number = percent_decode(f[5]);
  if (!number || number->empty()) return fail(malformed("证书编号错误"));
  auto der = sm2_signature_der(*raw);
  if (!der || !key.verify(signed_message(f[1], f[2], f[3], f[5]), *der))
    return fail(make_error(ErrorCode::kQrSignatureInvalid, "qr", "二维码签名无效：内容被改动或不是本平台签发"));
  QrPayload p;
  p.url = std::string(text.substr(0, at));
  p.number = std::move(*number);
  p.holder_digest = std::string(f[1]);
  p.level = std::string(f[2]);
  p.issued_on = *date;
  return p;
}

}  // namespace rc::cert
