#include "identity/secure_random.h"

#include <sodium.h>

#include <stdexcept>

namespace rc::identity {

SecureRandom::SecureRandom() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

void SecureRandom::fill(std::span<std::uint8_t> out) {
  if (!out.empty()) randombytes_buf(out.data(), out.size());
}

}  // namespace rc::identity
