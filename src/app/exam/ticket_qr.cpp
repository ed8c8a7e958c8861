#include "app/exam/ticket_qr.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

namespace rc::app {
namespace {

constexpr std::size_t kMacHex = 16;
constexpr std::size_t kMaxQrText = 64;  // "RCT1:" + 32 + ":" + 16 = 54

std::string mac_hex(const SymmetricKey& key, std::string_view message) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
            message.size(), mac, &len))
    throw std::runtime_error("HMAC-SHA256 failed");  // broken invariant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (std::size_t i = 0; i < kMacHex / 2; ++i) {
    hex.push_back(kHex[mac[i] >> 4]);
    hex.push_back(kHex[mac[i] & 0xF]);
  }
  return hex;
}

Error invalid(std::string message) {
  return make_error(ErrorCode::kTicketInvalid, "ticket", std::move(message));
}

}  // namespace

bool is_ticket_number(std::string_view text) {
  if (text.size() < 6 || text.size() > 32) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '-')) return false;
  return true;
}

std::string ticket_qr_text(const SymmetricKey& key, std::string_view ticket_no) {
  std::string text(kTicketQrPrefix);
  text.append(ticket_no);
  const std::string mac = mac_hex(key, text);
  text.push_back(':');
  text.append(mac);
  return text;
}

Result<std::string> parse_ticket_qr(const SymmetricKey& key, std::string_view text) {
  // Scanners may append a line end; nothing else is tolerated.
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  if (text.size() > kMaxQrText || !text.starts_with(kTicketQrPrefix))
    return fail(invalid("这不是本平台的准考证二维码"));
  const auto colon = text.rfind(':');
  if (colon < kTicketQrPrefix.size()) return fail(invalid("准考证二维码格式不正确"));
  const std::string_view number = text.substr(kTicketQrPrefix.size(), colon - kTicketQrPrefix.size());
  const std::string_view mac = text.substr(colon + 1);
  if (!is_ticket_number(number) || mac.size() != kMacHex) return fail(invalid("准考证二维码格式不正确"));
  const std::string expected = mac_hex(key, text.substr(0, colon));
  if (CRYPTO_memcmp(expected.data(), mac.data(), kMacHex) != 0)
    return fail(invalid("准考证二维码校验失败：可能是伪造或被改动的准考证"));
  return std::string(number);
}

}  // namespace rc::app
