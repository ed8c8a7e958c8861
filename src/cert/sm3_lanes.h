#pragma once
// SM3 (GB/T 32905) of many messages at once. A certificate is ~86 KB of SM3 input (its parts for
// Signature.xml, then the whole file), and one message at a time SM3 runs at ~380 MB/s here
// (OpenSSL and Botan alike): ~20 % of an issuance's CPU. SM3 is 32-bit additions, rotations and
// logic, so eight messages fit the eight 32-bit lanes of an AVX2 register: the messages of a group
// of certificates are hashed side by side, each lane taking the next message when its own ends
// (bench/README.md, cert_issue_bench BM_Sm3Lanes against BM_Sm3OpenSsl).
// Without AVX2 (checked at run time) the same jobs run one at a time on the portable code.
//
// Thread safety: pure functions.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace rc::cert {

// The SM3 state after some leading bytes: a message starting with those bytes can be hashed from
// here (the shared leading parts of every certificate file are hashed once).
struct Sm3Midstate {
  std::array<std::uint32_t, 8> v{};
  std::uint64_t blocks = 0;  // 64-byte blocks compressed into v
  std::string tail;          // the bytes after them, < 64
};

Sm3Midstate sm3_midstate(std::string_view prefix);

struct Sm3Job {
  std::string_view data;              // the message, or what follows `from`'s bytes
  const Sm3Midstate* from = nullptr;  // nullptr: the message is `data` alone
  std::array<unsigned char, 32> digest{};
};

// Fills every job's digest. The jobs' data must outlive the call.
void sm3_jobs(std::span<Sm3Job> jobs);

// The same one job at a time, without SIMD (the fallback; tests compare the two).
void sm3_jobs_portable(std::span<Sm3Job> jobs);

// Whether sm3_jobs uses the eight-lane AVX2 code on this CPU.
bool sm3_lanes_available();

}  // namespace rc::cert
