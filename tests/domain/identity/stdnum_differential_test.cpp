// Differential test of parse_id_number() against python3-stdnum's stdnum.cn.ric (the reference
// DOMAIN.md 2.1 was verified with). 104,000 deterministic pseudo-random 18-character numbers go
// through both; every disagreement must fall into one of the intended differences below, or the
// test fails. /usr/bin/python3 is Debian's python with python3-stdnum (scripts/bootstrap installs
// it); if it or stdnum is missing the test FAILS, it does not skip.
//
// Intended differences (RULES.md D16, DOMAIN.md 2.1 "Do not copy stdnum blindly"):
//   future_birth_date          stdnum accepts a birth date after today; we refuse it
//                              (kIdFutureBirthDate): nobody applying was born tomorrow.
//   birth_before_1900          stdnum accepts any real date from year 1; we refuse dates before
//                              1900 (kIdBirthBefore1900) as implausible for a living candidate.
//   sequence_000               stdnum accepts sequence 000; we refuse it (kIdBadSequence): issuers
//                              number from 001 (DOMAIN.md PROPOSAL, adopted by D16).
//   hmt_residence_permit       810000/820000/830000 are the address codes of 港澳台居民居住证; they
//                              are not in stdnum's location table, so it rejects them; we accept
//                              them as kHmtResidencePermit.
//   foreign_permanent_resident 18 characters starting with 9 are the 2023 外国人永久居留身份证; 9x
//                              is no province for stdnum; we accept them as kForeignPermanentResident.
//   unknown_county             a known province with a county code stdnum does not know: people
//                              keep abolished codes for life, so we accept with the warning
//                              "id.unknown_county" where stdnum rejects (InvalidComponent).
// Where both accept, birth date, province, city and county must agree as well.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "domain/identity/gb2260.h"
#include "domain/identity/id_number.h"

namespace rc::identity {
namespace {

namespace fs = std::filesystem;

constexpr int kCount = 104'000;  // 8,000 of each of the 13 kinds below
constexpr const char* kPython = "/usr/bin/python3";
const CivilDate kToday = *CivilDate::parse("2025-09-01");

// Deterministic on every platform (std distributions are not).
class NumberGenerator {
 public:
  std::string next(int i) {
    switch (i % 13) {
      case 0: return with_check(known_county() + real_date(1900, 2024) + sequence());
      case 1: return lowercase_x();
      case 2: return with_check(known_province() + digits(4) + real_date(1900, 2024) + sequence());
      case 3: return with_check(digits(6) + real_date(1900, 2024) + sequence());
      case 4: return wrong_check(known_county() + real_date(1900, 2024) + sequence());
      case 5: return with_check(known_county() + bad_date() + sequence());
      case 6: return with_check(known_county() + date_from_days(kToday.days() + 1, days_of(2099, 12, 31)) + sequence());
      case 7: return with_check(known_county() + date_from_days(days_of(1, 1, 1), days_of(1899, 12, 31)) + sequence());
      case 8: return with_check(known_county() + real_date(1900, 2024) + "000");
      case 9: return with_check(permit_address() + real_date(1890, 2030) + digits(3));
      case 10: return with_check("9" + digits(5) + real_date(1890, 2030) + digits(3));
      case 11: return garbage();
      default: return mutated();
    }
  }

 private:
  std::uint64_t rand() {  // splitmix64
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(rand() % static_cast<std::uint64_t>(n)); }
  std::string digits(int n) {
    std::string s;
    for (int k = 0; k < n; ++k) s.push_back(static_cast<char>('0' + below(10)));
    return s;
  }
  static long days_of(int y, unsigned m, unsigned d) { return CivilDate::from_ymd(y, m, d)->days(); }
  std::string date_from_days(long first, long last) {
    CivilDate d = CivilDate::from_days(first + below(static_cast<int>(last - first + 1)));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u", d.year(), d.month(), d.day());
    return buf;
  }
  std::string real_date(int y0, int y1) { return date_from_days(days_of(y0, 1, 1), days_of(y1, 12, 31)); }
  std::string sequence() { return std::to_string(1000 + 1 + below(999)).substr(1); }
  std::string known_county() {
    auto rows = gb2260::county_rows();
    return std::to_string(rows[static_cast<std::size_t>(below(static_cast<int>(rows.size())))].code);
  }
  std::string known_province() {
    auto rows = gb2260::province_rows();
    for (;;) {
      const auto& p = rows[static_cast<std::size_t>(below(static_cast<int>(rows.size())))];
      if (!p.permit_only) return std::to_string(p.code);
    }
  }
  std::string permit_address() {
    const std::string province = std::to_string(81 + below(3));
    return province + (below(4) == 0 ? digits(4) : "0000");
  }
  std::string bad_date() {
    const std::string year = std::to_string(1900 + below(120));
    switch (below(6)) {
      case 0: return year + "00" + std::to_string(10 + below(19));
      case 1: return year + std::to_string(13 + below(87)) + "15";
      case 2: return year + "0" + std::to_string(1 + below(9)) + "00";
      case 3: return year + "1" + std::to_string(below(3)) + std::to_string(32 + below(68));
      case 4: return year + "02" + std::to_string(29 + below(3));  // 29 only in leap years
      default: return year + "0" + "4699"[below(3)] + "31";        // April, June, September
    }
  }
  std::string lowercase_x() {
    for (;;) {
      std::string n = with_check(known_county() + real_date(1900, 2024) + sequence());
      if (n.back() == 'X') return n.substr(0, 17) + "x";
    }
  }
  std::string wrong_check(std::string body) {
    const char good = mod11_2_check_character(body);
    for (;;) {
      const char c = "0123456789X"[below(11)];
      if (c != good) return body + c;
    }
  }
  std::string garbage() {
    static constexpr std::string_view kAlphabet = "0123456789Xx0123456789ABCZabcz-+./#(";
    std::string s;
    for (int k = 0; k < 18; ++k) s.push_back(kAlphabet[static_cast<std::size_t>(below(kAlphabet.size()))]);
    if (below(2) == 0) s = digits(17) + s.back();  // a digit body: only the check character is odd
    return s;
  }
  std::string mutated() {  // one digit changed, check recomputed: walks every field's edges
    std::string body = known_county() + real_date(1900, 2024) + sequence();
    body[static_cast<std::size_t>(below(17))] = static_cast<char>('0' + below(10));
    return with_check(body);
  }
  static std::string with_check(std::string body) { return body + mod11_2_check_character(body); }

  std::uint64_t state_ = 20250901;
};

struct StdnumVerdict {
  bool valid = false;
  std::string reason;  // exception name when invalid
  std::string birth, province, prefecture, county;
};

StdnumVerdict read_verdict(const std::string& line) {
  std::vector<std::string> f;
  for (std::size_t start = 0;;) {
    const std::size_t tab = line.find('\t', start);
    f.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  StdnumVerdict v;
  v.valid = !f.empty() && f[0] == "valid";
  if (!v.valid) v.reason = f.size() > 1 ? f[1] : "unreadable line: " + line;
  if (v.valid && f.size() == 5) {
    v.birth = f[1], v.province = f[2], v.prefecture = f[3], v.county = f[4];
  }
  return v;
}

// Where both accept: the same person and place. Labels that name no city stay empty on our side.
bool same_details(const IdInfo& ours, const StdnumVerdict& theirs) {
  static const std::set<std::string> kNotACity = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"};
  if (!ours.region || !ours.birth_date) return false;
  const std::string city = kNotACity.contains(theirs.prefecture) ? "" : theirs.prefecture;
  return ours.birth_date->to_string() == theirs.birth && ours.region->province == theirs.province &&
         ours.region->city == city && ours.region->county == theirs.county && ours.warnings.empty();
}

// The category of one result pair: "agree_*", an intended difference, or "UNEXPLAINED".
std::string categorize(const Result<IdInfo>& ours, const StdnumVerdict& theirs) {
  if (ours && theirs.valid) return same_details(*ours, theirs) ? "agree_valid" : "UNEXPLAINED";
  if (!ours && !theirs.valid) return "agree_invalid";
  if (theirs.valid) {
    switch (ours.error().code) {
      case ErrorCode::kIdFutureBirthDate: return "future_birth_date";
      case ErrorCode::kIdBirthBefore1900: return "birth_before_1900";
      case ErrorCode::kIdBadSequence: return "sequence_000";
      default: return "UNEXPLAINED";
    }
  }
  if (theirs.reason != "InvalidComponent") return "UNEXPLAINED";
  switch (ours->type) {
    case DocumentType::kHmtResidencePermit: return "hmt_residence_permit";
    case DocumentType::kForeignPermanentResident: return "foreign_permanent_resident";
    case DocumentType::kResidentId:
      return ours->warning_codes == std::vector<std::string>{"id.unknown_county"} ? "unknown_county" : "UNEXPLAINED";
    default: return "UNEXPLAINED";
  }
}

std::vector<StdnumVerdict> classify_with_stdnum(const std::vector<std::string>& numbers) {
  const fs::path dir = fs::temp_directory_path();
  const std::string stem = "rc_stdnum_" + std::to_string(::getpid());
  const fs::path in = dir / (stem + ".in"), out = dir / (stem + ".out");
  {
    std::ofstream f(in, std::ios::binary);
    for (const auto& n : numbers) f << n << '\n';
  }
  const std::string script = std::string(RC_SOURCE_ROOT) + "/tests/domain/identity/stdnum_classify.py";
  const std::string cmd = std::string(kPython) + " '" + script + "' '" + in.string() + "' > '" + out.string() + "'";
  const int status = std::system(cmd.c_str());
  std::vector<StdnumVerdict> verdicts;
  std::ifstream f(out, std::ios::binary);
  for (std::string line; std::getline(f, line);) verdicts.push_back(read_verdict(line));
  fs::remove(in);
  fs::remove(out);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cmd << " exited with status " << status;
  return verdicts;
}

TEST(StdnumDifferential, EveryDisagreementIsAnIntendedDifference) {
  ASSERT_TRUE(fs::exists(kPython)) << kPython << " is missing: run scripts/bootstrap (python3-stdnum)";
  NumberGenerator gen;
  std::vector<std::string> numbers;
  for (int i = 0; i < kCount; ++i) numbers.push_back(gen.next(i));
  const std::vector<StdnumVerdict> verdicts = classify_with_stdnum(numbers);
  ASSERT_EQ(verdicts.size(), numbers.size()) << "stdnum_classify.py gave no verdict per number";

  std::map<std::string, int> counts;
  std::vector<std::string> unexplained;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    auto ours = parse_id_number(numbers[i], kToday);
    const std::string category = categorize(ours, verdicts[i]);
    ++counts[category];
    if (category == "UNEXPLAINED" && unexplained.size() < 20) {
      unexplained.push_back(numbers[i] + ": ours " + (ours ? "valid" : std::string(code_name(ours.error().code))) +
                            ", stdnum " + (verdicts[i].valid ? "valid" : verdicts[i].reason));
    }
  }
  std::cout << "stdnum differential over " << numbers.size() << " numbers (today " << kToday.to_string() << "):\n";
  for (const auto& [category, n] : counts) std::cout << "  " << category << ": " << n << "\n";

  EXPECT_EQ(counts["UNEXPLAINED"], 0) << "first unexplained differences:\n" << testing::PrintToString(unexplained);
  for (const char* intended : {"agree_valid", "agree_invalid", "future_birth_date", "birth_before_1900", "sequence_000",
                               "hmt_residence_permit", "foreign_permanent_resident", "unknown_county"}) {
    EXPECT_GT(counts[intended], 0) << "the generator no longer exercises " << intended;
  }
}

}  // namespace
}  // namespace rc::identity
