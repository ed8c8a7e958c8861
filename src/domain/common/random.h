#pragma once
// The one injected source of randomness (ARCHITECTURE.md house rule 7). Production code uses a
// cryptographic source (identity/secure_random.h); tests use a seeded one so runs repeat.

#include <cstddef>
#include <cstdint>
#include <span>

namespace rc {

class RandomSource {
 public:
  virtual ~RandomSource() = default;
  virtual void fill(std::span<std::uint8_t> out) = 0;

  std::uint64_t next_u64() {
    std::uint64_t v = 0;
    fill(std::span<std::uint8_t>(reinterpret_cast<std::uint8_t*>(&v), sizeof v));
    return v;
  }
  // Uniform in [0, bound) without modulo bias. REQUIRES: bound > 0.
  std::uint64_t uniform(std::uint64_t bound) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    std::uint64_t v;
    do v = next_u64();
    while (v >= limit);
    return v % bound;
  }
};

// A deterministic generator (splitmix64) for tests and reproducible draws.
class SeededRandom final : public RandomSource {
 public:
  explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
  void fill(std::span<std::uint8_t> out) override {
    for (std::size_t i = 0; i < out.size(); i += 8) {
      std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      z ^= z >> 31;
      for (std::size_t k = 0; k < 8 && i + k < out.size(); ++k) out[i + k] = static_cast<std::uint8_t>(z >> (8 * k));
    }
  }

 private:
  std::uint64_t state_;
};

}  // namespace rc
