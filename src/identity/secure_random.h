#pragma once
// SecureRandom: the production RandomSource, libsodium's randombytes_buf (the kernel's CSPRNG
// via getrandom). Use it for tokens, captchas, SMS codes, nonces and salts; tests inject
// rc::SeededRandom instead.
//
// Thread safety: safe to share between threads (randombytes_buf is thread-safe).

#include <cstdint>
#include <span>

#include "domain/common/random.h"

namespace rc::identity {

class SecureRandom final : public RandomSource {
 public:
  // Initialises libsodium (idempotent). Throws std::runtime_error if it cannot: without a
  // working CSPRNG the platform must not start.
  SecureRandom();
  void fill(std::span<std::uint8_t> out) override;
};

}  // namespace rc::identity
