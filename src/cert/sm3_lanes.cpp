#include "cert/sm3_lanes.h"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <vector>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define RC_SM3_LANES 1
#endif

namespace rc::cert {
namespace {

constexpr std::array<std::uint32_t, 8> kIv = {0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600,
                                              0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e};

constexpr std::uint32_t rotl(std::uint32_t x, unsigned n) { return n % 32 == 0 ? x : (x << n) | (x >> (32 - n)); }

// T_j <<< (j mod 32), GB/T 32905 §5.3.3.
constexpr std::array<std::uint32_t, 64> round_constants() {
  std::array<std::uint32_t, 64> t{};
  for (unsigned j = 0; j < 64; ++j) t[j] = rotl(j < 16 ? 0x79cc4519u : 0x7a879d8au, j % 32);
  return t;
}
constexpr std::array<std::uint32_t, 64> kT = round_constants();

std::uint32_t load_be32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
}

constexpr std::uint32_t p0(std::uint32_t x) { return x ^ rotl(x, 9) ^ rotl(x, 17); }
constexpr std::uint32_t p1(std::uint32_t x) { return x ^ rotl(x, 15) ^ rotl(x, 23); }

// Not vectorised: GCC 12 turns the message expansion into two-word SSE loads of words stored one
// at a time just before, and the failed store forwarding halved the speed (176 against 380 MB/s).
#if defined(__GNUC__) && !defined(__clang__)
#define RC_SM3_SCALAR __attribute__((optimize("no-tree-vectorize")))
#else
#define RC_SM3_SCALAR
#endif
RC_SM3_SCALAR void compress(std::array<std::uint32_t, 8>& v, const unsigned char* block) {
  std::uint32_t w[68];
  for (int j = 0; j < 16; ++j) w[j] = load_be32(block + 4 * j);
  // The message expansion is one long dependency chain: words are expanded four at a time just
  // before the rounds that need them, so that the CPU overlaps the chain with the rounds.
  auto expand4 = [&w](std::size_t k) {
    for (std::size_t i = k; i < k + 4; ++i)
      w[i] = p1(w[i - 16] ^ w[i - 9] ^ rotl(w[i - 3], 15)) ^ rotl(w[i - 13], 7) ^ w[i - 6];
  };
  std::uint32_t a = v[0], b = v[1], c = v[2], d = v[3], e = v[4], f = v[5], g = v[6], h = v[7];
  // Four rounds per step with the registers renamed instead of moved: GB/T 32905 §5.3.3's
  // D = C, C = B <<< 9, B = A, A = TT1, H = G, G = F <<< 19, F = E, E = P0(TT2).
#define RC_SM3_R(j, A, B, C, D, E, F, G, H, FF, GG)                      \
  do {                                                                  \
    const std::uint32_t a12 = rotl(A, 12);                              \
    const std::uint32_t ss1 = rotl(a12 + E + kT[j], 7);                 \
    const std::uint32_t tt1 = (FF) + D + (ss1 ^ a12) + (w[j] ^ w[j + 4]); \
    const std::uint32_t tt2 = (GG) + H + ss1 + w[j];                    \
    B = rotl(B, 9);                                                     \
    D = tt1;                                                            \
    F = rotl(F, 19);                                                    \
    H = p0(tt2);                                                        \
  } while (0)
#define RC_SM3_STEP(j, FFN, GGN)                                                      \
  RC_SM3_R(j, a, b, c, d, e, f, g, h, FFN(a, b, c), GGN(e, f, g));                     \
  RC_SM3_R(j + 1, d, a, b, c, h, e, f, g, FFN(d, a, b), GGN(h, e, f));                 \
  RC_SM3_R(j + 2, c, d, a, b, g, h, e, f, FFN(c, d, a), GGN(g, h, e));                 \
  RC_SM3_R(j + 3, b, c, d, a, f, g, h, e, FFN(b, c, d), GGN(f, g, h))
#define RC_SM3_FF0(x, y, z) ((x) ^ (y) ^ (z))
#define RC_SM3_FF1(x, y, z) (((x) & (y)) | ((z) & ((x) | (y))))
#define RC_SM3_GG1(x, y, z) (((x) & (y)) | (~(x) & (z)))
  for (std::size_t j = 0; j < 16; j += 4) {
    if (j == 12) expand4(16);
    RC_SM3_STEP(j, RC_SM3_FF0, RC_SM3_FF0);
  }
  for (std::size_t j = 16; j < 64; j += 4) {
    expand4(j + 4);
    RC_SM3_STEP(j, RC_SM3_FF1, RC_SM3_GG1);
  }
#undef RC_SM3_R
#undef RC_SM3_STEP
#undef RC_SM3_FF0
#undef RC_SM3_FF1
#undef RC_SM3_GG1
  v[0] ^= a, v[1] ^= b, v[2] ^= c, v[3] ^= d, v[4] ^= e, v[5] ^= f, v[6] ^= g, v[7] ^= h;
}

// A job's remaining message: (from's tail) + data + padding, in 64-byte blocks.
struct Message {
  Sm3Job* job = nullptr;
  std::string_view tail;
  std::size_t length = 0;  // tail + data
  std::size_t blocks = 0;  // with the padding
  std::uint64_t bits = 0;  // of the whole message, for the padding

  explicit Message(Sm3Job& j) : job(&j) {
    tail = j.from ? std::string_view(j.from->tail) : std::string_view{};
    length = tail.size() + j.data.size();
    blocks = (length + 9 + 63) / 64;
    bits = ((j.from ? j.from->blocks * 64 : 0) + length) * 8;
  }
  const std::array<std::uint32_t, 8>& start() const { return job->from ? job->from->v : kIv; }

  // Block k: a pointer into the data when the block lies inside it, else assembled in `scratch`.
  const unsigned char* block(std::size_t k, unsigned char* scratch) const {
    const std::size_t o = 64 * k;
    if (o >= tail.size() && o + 64 <= length)
      return reinterpret_cast<const unsigned char*>(job->data.data()) + (o - tail.size());
    for (std::size_t i = 0; i < 64; ++i) {
      const std::size_t pos = o + i;
      unsigned char byte = 0;
      if (pos < tail.size()) byte = static_cast<unsigned char>(tail[pos]);
      else if (pos < length) byte = static_cast<unsigned char>(job->data[pos - tail.size()]);
      else if (pos == length) byte = 0x80;
      else if (pos >= blocks * 64 - 8) byte = static_cast<unsigned char>(bits >> (8 * (blocks * 64 - 1 - pos)));
      scratch[i] = byte;
    }
    return scratch;
  }
};

void store_digest(const std::array<std::uint32_t, 8>& v, std::array<unsigned char, 32>& out) {
  for (std::size_t i = 0; i < 8; ++i)
    for (std::size_t b = 0; b < 4; ++b) out[4 * i + b] = static_cast<unsigned char>(v[i] >> (24 - 8 * b));
}

void run_portable(const Message& m, std::array<std::uint32_t, 8> v, std::size_t from_block, Sm3Job& job) {
  unsigned char scratch[64];
  for (std::size_t k = from_block; k < m.blocks; ++k) compress(v, m.block(k, scratch));
  store_digest(v, job.digest);
}

#ifdef RC_SM3_LANES

#define RC_AVX2 __attribute__((target("avx2")))

template <int N>
RC_AVX2 inline __m256i vrotl(__m256i x) {
  return _mm256_or_si256(_mm256_slli_epi32(x, N), _mm256_srli_epi32(x, 32 - N));
}
RC_AVX2 inline __m256i vp0(__m256i x) { return _mm256_xor_si256(x, _mm256_xor_si256(vrotl<9>(x), vrotl<17>(x))); }
RC_AVX2 inline __m256i vp1(__m256i x) { return _mm256_xor_si256(x, _mm256_xor_si256(vrotl<15>(x), vrotl<23>(x))); }

// One block in each of eight lanes. s[i] holds state word i of the eight lanes; w0 the block words.
RC_AVX2 void compress8(std::uint32_t (&s)[8][8], const std::uint32_t (&w0)[16][8]) {
  __m256i w[68];
  for (int j = 0; j < 16; ++j) w[j] = _mm256_load_si256(reinterpret_cast<const __m256i*>(w0[j]));
  for (int j = 16; j < 68; ++j)
    w[j] = _mm256_xor_si256(
        _mm256_xor_si256(vp1(_mm256_xor_si256(_mm256_xor_si256(w[j - 16], w[j - 9]), vrotl<15>(w[j - 3]))),
                         vrotl<7>(w[j - 13])),
        w[j - 6]);
  __m256i v[8];
  for (int i = 0; i < 8; ++i) v[i] = _mm256_load_si256(reinterpret_cast<const __m256i*>(s[i]));
  __m256i a = v[0], b = v[1], c = v[2], d = v[3], e = v[4], f = v[5], g = v[6], h = v[7];
  // One round; a macro, as a lambda here would not be compiled for AVX2.
#define RC_SM3_ROUND(j, FF, GG)                                                                          \
  do {                                                                                                   \
    const __m256i a12 = vrotl<12>(a);                                                                    \
    const __m256i ss1 = vrotl<7>(_mm256_add_epi32(                                                       \
        _mm256_add_epi32(a12, e), _mm256_set1_epi32(static_cast<int>(kT[static_cast<std::size_t>(j)])))); \
    const __m256i ss2 = _mm256_xor_si256(ss1, a12);                                                      \
    const __m256i tt1 =                                                                                  \
        _mm256_add_epi32(_mm256_add_epi32(FF, d), _mm256_add_epi32(ss2, _mm256_xor_si256(w[j], w[j + 4]))); \
    const __m256i tt2 = _mm256_add_epi32(_mm256_add_epi32(GG, h), _mm256_add_epi32(ss1, w[j]));          \
    d = c;                                                                                               \
    c = vrotl<9>(b);                                                                                     \
    b = a;                                                                                               \
    a = tt1;                                                                                             \
    h = g;                                                                                               \
    g = vrotl<19>(f);                                                                                    \
    f = e;                                                                                               \
    e = vp0(tt2);                                                                                        \
  } while (0)
#define RC_SM3_FF0 _mm256_xor_si256(_mm256_xor_si256(a, b), c)
#define RC_SM3_GG0 _mm256_xor_si256(_mm256_xor_si256(e, f), g)
#define RC_SM3_FF1 _mm256_or_si256(_mm256_and_si256(a, b), _mm256_and_si256(c, _mm256_or_si256(a, b)))
#define RC_SM3_GG1 _mm256_or_si256(_mm256_and_si256(e, f), _mm256_andnot_si256(e, g))
  for (int j = 0; j < 16; ++j) RC_SM3_ROUND(j, RC_SM3_FF0, RC_SM3_GG0);
  for (int j = 16; j < 64; ++j) RC_SM3_ROUND(j, RC_SM3_FF1, RC_SM3_GG1);
#undef RC_SM3_ROUND
#undef RC_SM3_FF0
#undef RC_SM3_GG0
#undef RC_SM3_FF1
#undef RC_SM3_GG1
  const __m256i out[8] = {a, b, c, d, e, f, g, h};
  for (int i = 0; i < 8; ++i)
    _mm256_store_si256(reinterpret_cast<__m256i*>(s[i]), _mm256_xor_si256(v[i], out[i]));
}

void run_lanes(std::span<Sm3Job> jobs) {
  constexpr int kLanes = 8;
  std::vector<Message> queue;
  queue.reserve(jobs.size());
  for (auto& j : jobs) queue.emplace_back(j);
  // Longest first, so that the last stretch, when lanes run out of messages, is short.
  std::stable_sort(queue.begin(), queue.end(), [](const Message& x, const Message& y) { return x.blocks > y.blocks; });
  std::size_t next = 0;
  struct Lane {
    const Message* m = nullptr;
    std::size_t k = 0;
  };
  Lane lane[kLanes];
  alignas(32) std::uint32_t s[8][8] = {};
  alignas(32) std::uint32_t w0[16][8] = {};
  alignas(64) unsigned char scratch[kLanes][64];
  auto take = [&](int l) {
    lane[l] = {};
    if (next == queue.size()) return;
    lane[l] = {&queue[next++], 0};
    const auto& v = lane[l].m->start();
    for (int i = 0; i < 8; ++i) s[i][l] = v[static_cast<std::size_t>(i)];
  };
  for (int l = 0; l < kLanes; ++l) take(l);
  for (;;) {
    int active = 0;
    for (const auto& ln : lane) active += ln.m != nullptr;
    if (active == 0) return;
    if (active <= 2 && next == queue.size()) {  // too few to fill a register: finish them one by one
      for (int l = 0; l < kLanes; ++l)
        if (lane[l].m) {
          std::array<std::uint32_t, 8> v;
          for (int i = 0; i < 8; ++i) v[static_cast<std::size_t>(i)] = s[i][l];
          run_portable(*lane[l].m, v, lane[l].k, *lane[l].m->job);
        }
      return;
    }
    for (int l = 0; l < kLanes; ++l) {
      if (!lane[l].m) continue;  // an idle lane hashes whatever its words hold; its state is not read
      const unsigned char* p = lane[l].m->block(lane[l].k, scratch[l]);
      for (int j = 0; j < 16; ++j) w0[j][l] = load_be32(p + 4 * j);
    }
    compress8(s, w0);
    for (int l = 0; l < kLanes; ++l) {
      if (!lane[l].m || ++lane[l].k < lane[l].m->blocks) continue;
      std::array<std::uint32_t, 8> v;
      for (int i = 0; i < 8; ++i) v[static_cast<std::size_t>(i)] = s[i][l];
      store_digest(v, lane[l].m->job->digest);
      take(l);
    }
  }
}

bool cpu_has_avx2() {
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return has;
}

#endif

}  // namespace

Sm3Midstate sm3_midstate(std::string_view prefix) {
  Sm3Midstate m;
  m.v = kIv;
  const std::size_t full = prefix.size() / 64;
  for (std::size_t k = 0; k < full; ++k) compress(m.v, reinterpret_cast<const unsigned char*>(prefix.data()) + 64 * k);
  m.blocks = full;
  m.tail = std::string(prefix.substr(64 * full));
  return m;
}

void sm3_jobs_portable(std::span<Sm3Job> jobs) {
  for (auto& j : jobs) {
    const Message m(j);
    run_portable(m, m.start(), 0, j);
  }
}

bool sm3_lanes_available() {
#ifdef RC_SM3_LANES
  return cpu_has_avx2();
#else
  return false;
#endif
}

void sm3_jobs(std::span<Sm3Job> jobs) {
#ifdef RC_SM3_LANES
  if (jobs.size() >= 3 && cpu_has_avx2()) return run_lanes(jobs);
#endif
  sm3_jobs_portable(jobs);
}

}  // namespace rc::cert
