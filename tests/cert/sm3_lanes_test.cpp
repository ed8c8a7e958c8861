// SM3 of many messages side by side (sm3_lanes.h) against OpenSSL's SM3 of each message alone.
#include "cert/sm3_lanes.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "cert/sm2.h"

namespace rc::cert {
namespace {

std::string hex(const std::array<unsigned char, 32>& d) { return to_hex(d); }

TEST(Sm3Lanes, StandardVectorsInEveryPath) {
  // GB/T 32905-2016 Appendix A: "abc" and "abcd" x 16 (one and two blocks).
  std::string abcd;
  for (int i = 0; i < 16; ++i) abcd += "abcd";
  std::vector<Sm3Job> jobs;
  for (int i = 0; i < 9; ++i) jobs.push_back({i % 2 ? std::string_view(abcd) : std::string_view("abc"), nullptr, {}});
  auto portable = jobs;
  sm3_jobs(jobs);
  sm3_jobs_portable(portable);
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    const std::string want = i % 2 ? "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"
                                   : "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";
    EXPECT_EQ(hex(jobs[i].digest), want) << i;
    EXPECT_EQ(hex(portable[i].digest), want) << i;
  }
}

// Random groups: lengths around every block boundary and long ones, some continuing from the
// state after a random prefix, so lanes end at different blocks and take new messages.
TEST(Sm3Lanes, RandomGroupsEqualOpensslPerMessage) {
  std::mt19937 rng(20261129);
  for (int round = 0; round < 80; ++round) {
    const std::size_t n = rng() % 40;
    std::vector<std::string> data(n), prefix(n);
    std::vector<Sm3Midstate> states(n);
    std::vector<Sm3Job> jobs(n);
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t len = rng() % 4 ? rng() % 200 : rng() % 30000;
      for (std::size_t k = 0; k < len; ++k) data[i].push_back(static_cast<char>(rng()));
      jobs[i].data = data[i];
      if (rng() % 2) {
        const std::size_t plen = rng() % 300;
        for (std::size_t k = 0; k < plen; ++k) prefix[i].push_back(static_cast<char>(rng()));
        states[i] = sm3_midstate(prefix[i]);
        jobs[i].from = &states[i];
      }
    }
    auto portable = jobs;
    sm3_jobs(jobs);
    sm3_jobs_portable(portable);
    for (std::size_t i = 0; i < n; ++i) {
      const std::string want = sm3_hex(prefix[i] + data[i]);
      ASSERT_EQ(hex(jobs[i].digest), want) << "round " << round << " job " << i << " of " << n;
      ASSERT_EQ(hex(portable[i].digest), want) << "round " << round << " job " << i;
    }
  }
}

TEST(Sm3Lanes, MidstateKeepsTheBytesAfterTheLastFullBlock) {
  const std::string prefix(130, 'x');
  const Sm3Midstate m = sm3_midstate(prefix);
  EXPECT_EQ(m.blocks, 2u);
  EXPECT_EQ(m.tail, "xx");
  Sm3Job job{"", &m, {}};
  sm3_jobs_portable(std::span(&job, 1));
  EXPECT_EQ(hex(job.digest), sm3_hex(prefix));
}

}  // namespace
}  // namespace rc::cert
