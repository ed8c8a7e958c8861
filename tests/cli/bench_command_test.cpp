// rescuecert bench issuance: the issuance benchmark's set-up and run, as a real process on a
// throw-away store: it issues every holder it seeded, reports its figures as JSON, and refuses a
// store that already holds data unless --i-know.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/run_command.h"
#include "support/temp_dir.h"

namespace rc {
namespace {

using nlohmann::json;
using testing::run_command;
using testing::shell_quote;

const std::string kBin = RC_CLI_BINARY;

class BenchIssuance : public ::testing::Test {
 protected:
  void SetUp() override {
    env_ = "RESCUECERT_DATA_DIR=" + shell_quote(dir_.str() + "/var") +
           " RESCUECERT_KEYS_DIR=" + shell_quote(dir_.str() + "/var/keys") +
           " RESCUECERT_DATABASE=" + shell_quote("sqlite://" + dir_.str() + "/var/rc.db") + " ";
    auto init = run(" init");
    ASSERT_EQ(init.exit_code, 0) << init.out << init.err;
  }
  testing::CommandResult run(const std::string& args) { return run_command(env_ + kBin + args); }

  testing::TempDir dir_;
  std::string env_;
};

TEST_F(BenchIssuance, IssuesEveryHolderAndReportsItsFigures) {
  auto r = run(" bench issuance --holders 12");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  auto figures = json::parse(r.out, nullptr, false);
  ASSERT_TRUE(figures.is_object()) << r.out;
  EXPECT_EQ(figures["holders"], 12);
  EXPECT_EQ(figures["issued"], 12);
  EXPECT_EQ(figures["refused"], 0);
  EXPECT_GT(figures["per_second"].get<double>(), 0);
  EXPECT_GT(figures["cpu_ms_per_certificate"].get<double>(), 0);
  EXPECT_NE(r.err.find("12/12"), std::string::npos) << "the progress bar reaches the end: " << r.err;

  auto again = run(" bench issuance --holders 3");
  EXPECT_NE(again.exit_code, 0) << "a store with data is refused without --i-know";
  EXPECT_NE(again.err.find("--i-know"), std::string::npos) << again.err;
  auto forced = run(" bench issuance --holders 3 --i-know");
  EXPECT_EQ(forced.exit_code, 0) << forced.out << forced.err;
}

TEST_F(BenchIssuance, RefusesACountOutOfRange) {
  EXPECT_NE(run(" bench issuance --holders 0").exit_code, 0);
  EXPECT_NE(run(" bench issuance --holders abc").exit_code, 0);
}

}  // namespace
}  // namespace rc
