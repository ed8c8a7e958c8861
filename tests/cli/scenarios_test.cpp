// Every scenario in shared/scenarios goes through both interfaces of the rules engine, the
// `rescuecert rules evaluate` command and POST /api/v1/rules/evaluate, and must give the same
// answer matching its `expected` subset. No scenario is special-cased: the folder is listed.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "support/http_client.h"
#include "support/json_subset.h"
#include "support/platform_fixture.h"
#include "support/run_command.h"

namespace rc {
namespace {

using nlohmann::json;
using testing::json_subset_mismatch;

std::vector<std::string> scenario_files() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(RC_SCENARIOS_DIR))
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

json read_json(const std::string& path) {
  std::ifstream in(path);
  return json::parse(in);
}

class ScenarioTest : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() { platform_ = new testing::RunningPlatform(); }
  static void TearDownTestSuite() {
    delete platform_;
    platform_ = nullptr;
  }
  static testing::RunningPlatform* platform_;
};
testing::RunningPlatform* ScenarioTest::platform_ = nullptr;

TEST(Scenarios, FolderHoldsTheWorkedExamples) { EXPECT_GE(scenario_files().size(), 14u); }

TEST_P(ScenarioTest, CommandLine) {
  const json scenario = read_json(GetParam());
  const json& expected = scenario.at("expected");
  auto r = testing::run_command(std::string(RC_CLI_BINARY) + " rules evaluate -", scenario.at("input").dump());
  if (expected.value("error", false)) {
    EXPECT_NE(r.exit_code, 0) << r.out;
    auto err = json::parse(r.out);
    EXPECT_FALSE(err["error"]["field"].get<std::string>().empty()) << r.out;
    EXPECT_FALSE(err["error"]["message"].get<std::string>().empty()) << r.out;
    return;
  }
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto mismatch = json_subset_mismatch(expected, json::parse(r.out));
  EXPECT_EQ(mismatch, "") << r.out;
}

TEST_P(ScenarioTest, HttpApi) {
  const json scenario = read_json(GetParam());
  const json& expected = scenario.at("expected");
  auto r = testing::http_request(platform_->port(), "POST", "/api/v1/rules/evaluate", scenario.at("input").dump());
  if (expected.value("error", false)) {
    EXPECT_EQ(r.status, 422) << r.body;
    auto err = json::parse(r.body);
    EXPECT_FALSE(err["error"]["field"].get<std::string>().empty()) << r.body;
    return;
  }
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_subset_mismatch(expected, json::parse(r.body)), "") << r.body;
}

TEST_P(ScenarioTest, BothInterfacesGiveTheSameDocument) {
  const json input = read_json(GetParam()).at("input");
  auto cli = testing::run_command(std::string(RC_CLI_BINARY) + " rules evaluate -", input.dump());
  auto http = testing::http_request(platform_->port(), "POST", "/api/v1/rules/evaluate", input.dump());
  EXPECT_EQ(json::parse(cli.out), json::parse(http.body));
}

std::string scenario_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string n = std::filesystem::path(info.param).stem().string();
  std::replace_if(n.begin(), n.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return n;
}

INSTANTIATE_TEST_SUITE_P(Shared, ScenarioTest, ::testing::ValuesIn(scenario_files()), scenario_name);

}  // namespace
}  // namespace rc
