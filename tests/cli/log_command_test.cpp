// rescuecert log verify, run as a real process: on the platform's own store and on a running
// server's API (--url), exit 0 when consistent, 1 with the problems listed when a head was
// forged, 2 for usage, 3 when the server cannot be reached.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>


#include "app/certificates/certificate_log.h"
#include "app/transparency/log_service.h"
#include "cert/certificate_file.h"
#include "cert/sample_certificate.h"
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

// cert verify --log-url: a file the platform signed is proved issued in its transparency log
// (leaf and head checked offline); a file with another digest, a number the log never saw, a
// revoked certificate and an unreachable log each get their answer.
TEST_F(LogCommandTest, CertVerifyProvesTheFilesIssuanceInTheLog) {
  testing::TempDir dir;
  auto key = cert::Sm2PrivateKey::from_pem(p_.platform().keys().signing_private_pem);
  ASSERT_TRUE(key);
  const auto now = std::chrono::system_clock::now();
  const auto content = cert::sample_certificate_content(china_date(now));
  auto write = [&](const cert::CertificateContent& c, const std::string& name) {
    auto bytes = cert::write_certificate_ofd(c, *key, now);
    EXPECT_TRUE(bytes);
    std::ofstream(dir.str() + "/" + name, std::ios::binary) << *bytes;
    return *bytes;
  };
  const std::string issued = write(content, "issued.ofd");
  write(content, "resigned.ofd");  // the same certificate signed again: another file, another digest
  auto stranger = content;
  stranger.number = "YJJY202651130015777777";
  write(stranger, "stranger.ofd");
  std::ofstream(dir.str() + "/pub.pem") << key->public_pem();
  auto log_event = [&](app::CertificateLogKind kind) {
    auto r = p_.platform().database().transaction([&](store::Transaction& tx) {
      return app::log_certificate_event(tx, kind, content.number, cert::sm3_hex(issued), "证书信息有误",
                                        store::Timestamp(std::chrono::milliseconds(1764300000000)));
    });
    ASSERT_TRUE(r) << r.error().message;
  };
  append(3);
  log_event(app::CertificateLogKind::kIssue);
  append(2);
  auto verify = [&](const std::string& name, const std::string& url) {
    return run_command(kBin + " cert verify " + shell_quote(dir.str() + "/" + name) + " --key " +
                       shell_quote(dir.str() + "/pub.pem") + " --log-url " + url);
  };

  auto good = verify("issued.ofd", url());
  ASSERT_EQ(good.exit_code, 0) << good.out << good.err;
  auto doc = json::parse(good.out);
  EXPECT_EQ(doc["result"], "valid");
  EXPECT_EQ(doc["log"]["result"], "included");
  EXPECT_EQ(doc["log"]["leaf_index"], 3);
  EXPECT_EQ(doc["log"]["tree_size"], 6);

  for (const std::string name : {"resigned.ofd", "stranger.ofd"}) {
    auto absent = verify(name, url());
    EXPECT_EQ(absent.exit_code, 1) << name << absent.out;
    auto a = json::parse(absent.out);
    EXPECT_EQ(a["result"], "invalid") << name;
    EXPECT_EQ(a["failed_check"], "log") << name;
    EXPECT_EQ(a["log"]["result"], "not_included") << name;
  }

  auto down = verify("issued.ofd", "http://127.0.0.1:1");
  EXPECT_EQ(down.exit_code, 3) << down.out;
  EXPECT_EQ(json::parse(down.out)["log"]["result"], "unavailable");
  EXPECT_EQ(verify("issued.ofd", "ftp://127.0.0.1").exit_code, 2);

  log_event(app::CertificateLogKind::kRevoke);
  auto revoked = verify("issued.ofd", url());
  EXPECT_EQ(revoked.exit_code, 1) << revoked.out;
  auto r = json::parse(revoked.out);
  EXPECT_EQ(r["log"]["result"], "revoked");
  EXPECT_EQ(r["log"]["revocation_leaf_index"], 6);
  EXPECT_EQ(r["error"]["code"], "cert.revoked");
}

}  // namespace
}  // namespace rc
