// rescuecert cert ...: the certificate file commands, run as real processes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cert/certificate_file.h"
#include "cert/sample_certificate.h"
#include "cert/status_server.h"
#include "cert/zip_package.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

namespace rc {
namespace {

using nlohmann::json;
using testing::run_command;
using testing::shell_quote;

const std::string kBin = RC_CLI_BINARY;

std::string slurp(const std::string& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

void spit(const std::string& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

// A sample written by the CLI into a temporary folder; no platform keys around.
class CertCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    env_ = "RESCUECERT_KEYS_DIR=" + shell_quote(dir_.str() + "/no-keys") + " ";
    file_ = dir_.str() + "/cert.ofd";
    auto r = run(" cert sample --out " + shell_quote(file_));
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.err.find(file_ + ".pub.pem"), std::string::npos) << "says where the public key went: " << r.err;
    sample_ = json::parse(r.out);
  }
  testing::CommandResult run(const std::string& args) { return run_command(env_ + kBin + args); }
  std::string key() const { return " --key " + shell_quote(file_ + ".pub.pem"); }

  testing::TempDir dir_;
  std::string env_, file_;
  json sample_;
};

TEST_F(CertCommand, SampleVerifiesThenATamperedCopyFails) {
  auto ok = run(" cert verify " + shell_quote(file_) + key());
  ASSERT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  auto doc = json::parse(ok.out);
  EXPECT_EQ(doc["result"], "valid");
  EXPECT_EQ(doc["status"], "not_checked");
  EXPECT_EQ(doc["fields"]["证书编号"], sample_["number"]);
  EXPECT_EQ(doc["signer_fingerprint"], sample_["fingerprint"]);

  auto entries = *cert::read_zip(slurp(file_));
  for (auto& e : entries)
    if (e.name == "Doc_0/Pages/Page_0/Content.xml") e.data[e.data.size() / 2] ^= 0x01;
  const std::string tampered = dir_.str() + "/tampered.ofd";
  spit(tampered, *cert::write_zip(entries, std::chrono::system_clock::now()));
  auto bad = run(" cert verify " + shell_quote(tampered) + key());
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
  doc = json::parse(bad.out);
  EXPECT_EQ(doc["result"], "invalid");
  EXPECT_EQ(doc["failed_file"], "Doc_0/Pages/Page_0/Content.xml");
  EXPECT_EQ(doc["failed_check"], "digest");
  EXPECT_EQ(doc["error"]["code"], "cert.digest_mismatch");
}

TEST_F(CertCommand, WithoutAnyTrustedKeyTheAnswerIsIndeterminate) {
  auto r = run(" cert verify " + shell_quote(file_));
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_EQ(json::parse(r.out)["result"], "indeterminate");
  auto unreadable = run(" cert verify " + shell_quote(file_) + " --key " + shell_quote(dir_.str() + "/missing.pem"));
  EXPECT_EQ(unreadable.exit_code, 3);
  EXPECT_EQ(json::parse(unreadable.out)["result"], "indeterminate");
}

TEST_F(CertCommand, AnotherKeyIsInvalidWithCheckKey) {
  const std::string other = dir_.str() + "/other.ofd";
  ASSERT_EQ(run(" cert sample --out " + shell_quote(other)).exit_code, 0);
  auto r = run(" cert verify " + shell_quote(file_) + " --key " + shell_quote(other + ".pub.pem"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(json::parse(r.out)["failed_check"], "key");
}

TEST_F(CertCommand, GarbageIsInvalidNotACrash) {
  spit(dir_.str() + "/junk.ofd", std::string(5000, 'j'));
  auto r = run(" cert verify " + shell_quote(dir_.str() + "/junk.ofd") + key());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto doc = json::parse(r.out);
  EXPECT_EQ(doc["result"], "invalid");
  EXPECT_EQ(doc["failed_check"], "zip");
  EXPECT_EQ(doc["error"]["code"], "cert.ofd_malformed");
}

TEST_F(CertCommand, StatusFromThePlatformDecidesRevokedAndUnreachable) {
  const std::string number = sample_["number"];
  {
    cert::testing::StatusServer server(cert::testing::json_response("{\"number\":\"" + number + "\",\"status\":\"valid\"}"));
    auto r = run(" cert verify " + shell_quote(file_) + key() + " --status-url " + server.url());
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(json::parse(r.out)["status"], "valid");
  }
  {
    cert::testing::StatusServer server(cert::testing::json_response("{\"number\":\"" + number + "\",\"status\":\"revoked\"}"));
    auto r = run(" cert verify " + shell_quote(file_) + key() + " --status-url " + server.url());
    EXPECT_EQ(r.exit_code, 1) << r.out;
    auto doc = json::parse(r.out);
    EXPECT_EQ(doc["result"], "invalid");
    EXPECT_EQ(doc["failed_check"], "status");
    EXPECT_EQ(doc["status"], "revoked");
    EXPECT_EQ(doc["error"]["code"], "cert.revoked") << r.out;
  }
  auto down = run(" cert verify " + shell_quote(file_) + key() + " --status-url http://127.0.0.1:1");
  EXPECT_EQ(down.exit_code, 3) << down.out;
  auto doc = json::parse(down.out);
  EXPECT_EQ(doc["result"], "indeterminate");
  EXPECT_EQ(doc["status"], "unavailable");
}

TEST_F(CertCommand, RenderWritesRealPngAndPdfAndTheQrCodeVerifies) {
  const std::string png = dir_.str() + "/c.png", pdf = dir_.str() + "/c.pdf";
  auto r = run(" cert render " + shell_quote(file_) + " --png " + shell_quote(png) + " --pdf " + shell_quote(pdf));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(slurp(png).substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(slurp(pdf).substr(0, 5), "%PDF-");
  auto qr = run_command("zbarimg -q --raw " + shell_quote(png));
  ASSERT_EQ(qr.exit_code, 0) << qr.err;
  const std::string text = qr.out.substr(0, qr.out.find('\n'));
  auto v = run(" cert verify-qr " + shell_quote(text) + key());
  ASSERT_EQ(v.exit_code, 0) << v.out;
  auto doc = json::parse(v.out);
  EXPECT_EQ(doc["result"], "valid");
  EXPECT_EQ(doc["number"], sample_["number"]);
  auto holder = run(" cert verify-qr " + shell_quote(text) + key() + " --holder 李演示 --document 511304199001010010");
  EXPECT_EQ(json::parse(holder.out)["holder_matches"], true);

  std::string forged = text;
  forged.replace(forged.find(".5."), 3, ".1.");
  auto bad = run(" cert verify-qr " + shell_quote(forged) + key());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(json::parse(bad.out)["error"]["code"], "cert.qr_signature_invalid") << bad.out;
}

TEST_F(CertCommand, RenderNeedsAnOutputAndRefusesGarbage) {
  EXPECT_EQ(run(" cert render " + shell_quote(file_)).exit_code, 2);
  spit(dir_.str() + "/junk.ofd", "junk");
  EXPECT_EQ(run(" cert render " + shell_quote(dir_.str() + "/junk.ofd") + " --png " + shell_quote(dir_.str() + "/x.png")).exit_code, 1);
}

// The platform's own key from `rescuecert init` signs, and verify finds its public key by default.
TEST(CertCommandPlatformKey, InitKeysSignAndAreTrustedByDefault) {
  testing::TempDir dir;
  const std::string keys = dir.str() + "/keys";
  const std::string env = "RESCUECERT_DATA_DIR=" + shell_quote(dir.str() + "/var") + " RESCUECERT_KEYS_DIR=" + shell_quote(keys) +
                          " RESCUECERT_DATABASE=" + shell_quote("sqlite://" + dir.str() + "/rc.db") + " ";
  auto init = run_command(env + kBin + " init");
  ASSERT_EQ(init.exit_code, 0) << init.out << init.err;
  auto key = cert::Sm2PrivateKey::from_pem(slurp(keys + "/signing-sm2.pem"));
  ASSERT_TRUE(key.has_value()) << key.error().message;
  const auto now = std::chrono::system_clock::now();
  const std::string file = dir.str() + "/platform.ofd";
  spit(file, *cert::write_certificate_ofd(cert::sample_certificate_content(*CivilDate::from_ymd(2026, 11, 28)), *key, now));
  auto r = run_command(env + kBin + " cert verify " + shell_quote(file));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(json::parse(r.out)["signer_fingerprint"], key->fingerprint());
}

}  // namespace
}  // namespace rc
