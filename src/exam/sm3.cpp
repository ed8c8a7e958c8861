#include "exam/sm3.h"

#include <array>
#include <stdexcept>

#include <openssl/evp.h>

namespace rc::exam {

std::string sm3_hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), md.data(), &len, EVP_sm3(), nullptr) != 1 || len != 32)
    throw std::runtime_error("OpenSSL SM3 unavailable");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(2 * len, '0');
  for (unsigned int i = 0; i < len; ++i) {
    out[2 * i] = kHex[md[i] >> 4];
    out[2 * i + 1] = kHex[md[i] & 0x0F];
  }
  return out;
}

}  // namespace rc::exam
