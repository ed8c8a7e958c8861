// The rescuecert command, run as a real process.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <thread>

#include <nlohmann/json.hpp>

#include "support/http_client.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

namespace rc {
namespace {

using nlohmann::json;
using testing::run_command;
using testing::shell_quote;

const std::string kBin = RC_CLI_BINARY;

TEST(IdCheckCommand, ValidNumberPrintsItsParts) {
  auto r = run_command(kBin + " id check 51130420000229011x --today 2026-11-28");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  auto doc = json::parse(r.out);
  EXPECT_EQ(doc["valid"], true);
  EXPECT_EQ(doc["type"], "resident_id");
  EXPECT_EQ(doc["normalized"], "51130420000229011X");
  EXPECT_EQ(doc["birth_date"], "2000-02-29");
  EXPECT_EQ(doc["sex"], "male");
  EXPECT_EQ(doc["region"]["county"], "嘉陵区");
}

TEST(IdCheckCommand, InvalidNumberGivesStableCodeAndChineseMessage) {
  auto r = run_command(kBin + " id check 511302199003071230 --today 2026-11-28");
  EXPECT_EQ(r.exit_code, 1);
  auto doc = json::parse(r.out);
  EXPECT_EQ(doc["valid"], false);
  EXPECT_EQ(doc["error"]["code"], "id.bad_checksum");
  EXPECT_FALSE(doc["error"]["message"].get<std::string>().empty());
}

TEST(IdCheckCommand, LegacyNumberIsOfferedConversion) {
  auto r = run_command(kBin + " id check 511302900307123 --today 2026-11-28");
  EXPECT_EQ(r.exit_code, 1);
  auto doc = json::parse(r.out);
  EXPECT_EQ(doc["error"]["code"], "id.legacy_15");
  EXPECT_EQ(doc["suggested"], "511302199003071236");
}

TEST(IdCheckCommand, BadTodayIsAUsageError) {
  auto r = run_command(kBin + " id check 511302199003071236 --today 2026-02-30");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(RulesCommand, MalformedJsonIsRefusedWithAJsonError) {
  auto r = run_command(kBin + " rules evaluate -", "{\"today\": ");
  EXPECT_EQ(r.exit_code, 1);
  auto doc = json::parse(r.out);
  EXPECT_EQ(doc["error"]["code"], "input.malformed_json");
}

TEST(RulesCommand, UnknownSubjectNamesTheField) {
  const std::string input = R"({"today":"2025-04-20","birth_date":"1990-03-07","registrations":[{"registered_on":"2025-02-01",
    "fee_paid":true,"sittings":[{"subject":"chemistry","date":"2025-03-15","kind":"first","outcome":"pass"}]}]})";
  auto r = run_command(kBin + " rules evaluate -", input);
  EXPECT_EQ(r.exit_code, 1);
  auto doc = json::parse(r.out);
  EXPECT_NE(doc["error"]["field"].get<std::string>().find("subject"), std::string::npos) << r.out;
}

TEST(RulesCommand, ReadsAFileAndRefusesAMissingOne) {
  testing::TempDir dir;
  const auto file = dir.str() + "/h.json";
  std::ofstream(file) << R"({"today":"2026-05-01","birth_date":"2010-06-15","registrations":[{"registered_on":"2026-04-01","fee_paid":true,"sittings":[]}]})";
  auto r = run_command(kBin + " rules evaluate " + shell_quote(file));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(json::parse(r.out)["registration_status"], "ineligible");
  auto missing = run_command(kBin + " rules evaluate " + shell_quote(dir.str() + "/nope.json"));
  EXPECT_EQ(missing.exit_code, 1);
}

TEST(RulesCommand, OversizedInputIsRefused) {
  auto r = run_command(kBin + " rules evaluate -", std::string(3 << 20, ' '));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(json::parse(r.out)["error"]["code"], "input.too_large");
}

TEST(ConfigCommand, ShowsEffectiveValuesAndSources) {
  auto r = run_command("RESCUECERT_HTTP_PORT=9123 " + kBin + " config show");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto doc = json::parse(r.out);
  EXPECT_EQ(doc["values"]["http"]["port"], 9123);
  EXPECT_EQ(doc["sources"]["http.port"], "env:RESCUECERT_HTTP_PORT");
  auto bad = run_command("RESCUECERT_HTTP_PORT=http " + kBin + " config show");
  EXPECT_EQ(bad.exit_code, 3);
}

TEST(Cli, UnknownSubcommandIsAUsageError) {
  EXPECT_EQ(run_command(kBin + " frobnicate").exit_code, 2);
  EXPECT_EQ(run_command(kBin).exit_code, 2);
}

// init, then serve as a real process; /healthz answers; SIGTERM stops it cleanly.
TEST(ServeCommand, InitThenServeThenStopOnSigterm) {
  testing::TempDir dir;
  const std::string env = "RESCUECERT_DATA_DIR=" + shell_quote(dir.str() + "/var") +
                          " RESCUECERT_KEYS_DIR=" + shell_quote(dir.str() + "/var/keys") +
                          " RESCUECERT_DATABASE=" + shell_quote("sqlite://" + dir.str() + "/var/rc.db");
  auto serve_before_init = run_command(env + " RESCUECERT_HTTP_PORT=0 " + kBin + " serve");
  EXPECT_EQ(serve_before_init.exit_code, 3);
  auto init = run_command(env + " " + kBin + " init");
  ASSERT_EQ(init.exit_code, 0) << init.out << init.err;
  auto again = run_command(env + " " + kBin + " init");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("0 created"), std::string::npos) << again.out;

  // Port 0: the kernel picks a free port and serve prints it (a fixed port collided on a busy CI machine).
  const std::string log = dir.str() + "/serve.log";
  const std::string pidfile = dir.str() + "/serve.pid";
  ASSERT_EQ(std::system((env + " RESCUECERT_HTTP_PORT=0 " + kBin + " serve >" + log + " 2>&1 & echo $! >" + pidfile)
                            .c_str()),
            0);
  const auto read_log = [&log] {
    std::ifstream in(log);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  int port = 0;
  testing::HttpResponse health;
  // Generous: a sanitizer build on a loaded 2-core machine can take several seconds to start.
  for (int i = 0; i < 600 && health.status != 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (port == 0) {
      const std::string text = read_log();
      const auto at = text.find("on http://");
      if (at == std::string::npos) continue;
      const auto colon = text.find(':', at + 10);
      if (colon == std::string::npos) continue;
      port = std::atoi(text.c_str() + colon + 1);
      if (port == 0) continue;
    }
    try {
      health = testing::http_request(static_cast<std::uint16_t>(port), "GET", "/healthz");
    } catch (const std::exception&) {
    }
  }
  ASSERT_EQ(health.status, 200) << "port " << port << ", serve log:\n" << read_log();
  auto doc = json::parse(health.body);
  EXPECT_EQ(doc["status"], "ok");
  EXPECT_EQ(doc["database"]["backend"], "sqlite");
  EXPECT_GE(doc["database"]["schema_version"].get<int>(), 1);
  auto metrics = testing::http_request(static_cast<std::uint16_t>(port), "GET", "/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("rescuecert_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"2xx\"} 1"),
            std::string::npos)
      << metrics.body;
  auto stop = run_command("kill -TERM $(cat " + pidfile + ") && for i in $(seq 50); do kill -0 $(cat " + pidfile +
                          ") 2>/dev/null || exit 0; sleep 0.1; done; exit 1");
  EXPECT_EQ(stop.exit_code, 0) << "serve did not stop on SIGTERM";
}

}  // namespace
}  // namespace rc
