#pragma once
// Shared test helpers for the cert module: one key and one signed sample file per test program
// (SM2 key generation and cairo drawing are the slow parts), files on disk for the outside tools.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cert/certificate_file.h"
#include "cert/sample_certificate.h"
#include "cert/sm2.h"
#include "cert/zip_package.h"
#include "domain/common/civil_date.h"

namespace rc::cert::testing {

inline const Sm2PrivateKey& test_key() {
  static const Sm2PrivateKey key = *Sm2PrivateKey::generate();
  return key;
}

inline CivilDate test_date() { return *CivilDate::from_ymd(2026, 11, 28); }

inline std::chrono::system_clock::time_point test_time() {
  return std::chrono::sys_days{std::chrono::year{2026} / 11 / 28} + std::chrono::hours{2} + std::chrono::minutes{30};
}

inline const CertificateContent& sample_content() {
  static const CertificateContent c = sample_certificate_content(test_date());
  return c;
}

inline const std::string& sample_ofd() {
  static const std::string bytes = *write_certificate_ofd(sample_content(), test_key(), test_time());
  return bytes;
}

inline void write_file(const std::filesystem::path& p, std::string_view bytes) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// Unpacks a package into `dir`; returns its entries.
inline std::vector<ZipEntry> unpack(std::string_view ofd, const std::filesystem::path& dir) {
  auto entries = read_zip(ofd);
  EXPECT_TRUE(entries.has_value());
  if (!entries) return {};
  for (const auto& e : *entries) write_file(dir / e.name, e.data);
  return *entries;
}

// Outside tools: missing ones skip the test, unless RC_REQUIRE_TOOLS=1 makes that a failure.
inline bool tools_required() {
  const char* v = std::getenv("RC_REQUIRE_TOOLS");
  return v && std::string(v) == "1";
}

}  // namespace rc::cert::testing

#define RC_REQUIRE_TOOL(present, what)                                  \
  do {                                                                  \
    if (!(present)) {                                                   \
      if (::rc::cert::testing::tools_required()) FAIL() << what << " is missing"; \
      GTEST_SKIP() << what << " is missing";                            \
    }                                                                   \
  } while (0)
