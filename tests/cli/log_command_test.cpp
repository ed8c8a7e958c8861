// rescuecert log verify, run as a real process: on the platform's own store and on a running
// server's API (--url), exit 0 when consistent, 1 with the problems listed when a head was
// forged, 2 for usage, 3 when the server cannot be reached.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>


#include "app/transparency/log_service.h"
#include "cert/sm2.h"
#include "store/transparency_log_repository.h"
#include "support/http_client.h"
#include "support/platform_fixture.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

namespace rc {
namespace {

using nlohmann::json;
using testing::run_command;
using testing::shell_quote;

const std::string kBin = RC_CLI_BINARY;

class LogCommandTest : public ::testing::Test {
 protected:
  void append(int n) {
    for (int i = 0; i < n; ++i, ++appended_) {
      app::LogEntry e{"issue", "RC-DEMO-2026-" + std::to_string(300000 + appended_), std::string(64, 'd'), "",
                      store::Timestamp(std::chrono::milliseconds(1764288000000 + appended_))};
      ASSERT_TRUE(p_.platform().database().transaction(
          [&](store::Transaction& tx) { return app::append_log_entry(tx, e, e.at); }));
    }
  }
  void publish() { EXPECT_EQ(testing::http_request(p_.port(), "GET", "/api/v1/log/tree-head").status, 200); }
  // The same configuration as the running platform, for the command.
  std::string env() const {
    const auto& c = p_.config();
    return "RESCUECERT_DATA_DIR=" + shell_quote(c.data_dir) + " RESCUECERT_KEYS_DIR=" + shell_quote(c.keys_dir) +
           " RESCUECERT_DATABASE=" + shell_quote(c.database) + " ";
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(p_.port()); }

  testing::RunningPlatform p_;
  int appended_ = 0;
};

TEST_F(LogCommandTest, AnHonestLogVerifiesLocallyAndOverTheApi) {
  append(4);
  publish();
  append(9);
  publish();
  auto local = run_command(env() + kBin + " log verify");
  ASSERT_EQ(local.exit_code, 0) << local.out << local.err;
  auto doc = json::parse(local.out);
  EXPECT_EQ(doc["result"], "consistent");
  EXPECT_EQ(doc["source"], "store");
  EXPECT_EQ(doc["entries_checked"], 13);
  EXPECT_EQ(doc["tree_heads_checked"], 2);
  EXPECT_EQ(doc["latest_tree_head"]["tree_size"], 13);

  auto remote = run_command(kBin + " log verify --url " + url());
  ASSERT_EQ(remote.exit_code, 0) << remote.out << remote.err;
  EXPECT_EQ(json::parse(remote.out)["result"], "consistent");
}

TEST_F(LogCommandTest, AForgedTreeHeadMakesItExitOne) {
  append(3);
  publish();
  append(2);
  // A head for size 5 whose root is not the log's, with a signature that is not the platform's.
  ASSERT_TRUE(p_.platform().database().transaction([](store::Transaction& tx) {
    return store::TransparencyLogRepository(tx).insert_tree_head(
        {5, store::Bytes(32, 7), store::Timestamp(std::chrono::milliseconds(1764288000099)), store::Bytes{0x30, 0x00}});
  }));
  for (const std::string& command : {env() + kBin + " log verify", kBin + " log verify --url " + url()}) {
    auto r = run_command(command);
    EXPECT_EQ(r.exit_code, 1) << command << "\n" << r.out << r.err;
    auto doc = json::parse(r.out);
    EXPECT_EQ(doc["result"], "inconsistent");
    EXPECT_GE(doc["problem_count"].get<int>(), 2);  // the root, the signature (and the consistency)
    EXPECT_NE(doc["problems"].dump().find("大小 5"), std::string::npos) << doc.dump();
  }
}

TEST_F(LogCommandTest, APinnedPublicKeyDecidesWhoseSignaturesCount) {
  append(3);
  publish();
  testing::TempDir dir;
  const std::string own = p_.config().keys_dir + "/signing-sm2.pub.pem";
  const std::string foreign = dir.str() + "/foreign.pub.pem";
  std::ofstream(foreign) << cert::Sm2PrivateKey::generate()->public_pem();
  for (const std::string& where : {env() + kBin + " log verify", kBin + " log verify --url " + url()}) {
    auto trusted = run_command(where + " --public-key " + shell_quote(own));
    EXPECT_EQ(trusted.exit_code, 0) << where << "\n" << trusted.out << trusted.err;
    auto other = run_command(where + " --public-key " + shell_quote(foreign));
    EXPECT_EQ(other.exit_code, 1) << where << "\n" << other.out;
    EXPECT_NE(json::parse(other.out)["problems"].dump().find("签名无效"), std::string::npos) << other.out;
  }
  EXPECT_EQ(run_command(kBin + " log verify --url " + url() + " --public-key " + shell_quote(dir.str() + "/missing.pem")).exit_code, 3);
}

TEST_F(LogCommandTest, UnreachableServerAndBadUrlAreOperationalOrUsageFailures) {
  auto down = run_command(kBin + " log verify --url http://127.0.0.1:1");
  EXPECT_EQ(down.exit_code, 3) << down.out;
  EXPECT_EQ(json::parse(down.out)["error"]["code"], "cert.status_unavailable");
  auto https = run_command(kBin + " log verify --url https://example.invalid");
  EXPECT_EQ(https.exit_code, 3);
  EXPECT_EQ(run_command(kBin + " log").exit_code, 2);
}

}  // namespace
}  // namespace rc
