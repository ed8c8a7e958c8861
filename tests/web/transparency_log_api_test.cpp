// The transparency log's read API on a real server: signed heads, entries, inclusion and
// consistency proofs that verify offline with transparency/verify.h, 422 with a Chinese message
// for bad parameters, and the remote audit of `rescuecert log verify --url` against it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/certificates/certificate_log.h"
#include "app/transparency/certificate_in_log.h"
#include "app/transparency/log_audit.h"
#include "app/transparency/log_json.h"
#include "app/transparency/log_keys.h"
#include "app/transparency/log_service.h"
#include "cert/sm2.h"
#include "support/http_client.h"
#include "support/platform_fixture.h"
#include "transparency/verify.h"

namespace rc {
namespace {

using nlohmann::json;

class TransparencyLogApiTest : public ::testing::Test {
 protected:
  void append(int n) {
    for (int i = 0; i < n; ++i, ++appended_) {
      app::LogEntry e{"issue", "RC-DEMO-2026-" + std::to_string(200000 + appended_), std::string(64, 'c'), "",
                      store::Timestamp(std::chrono::milliseconds(1764288000000 + appended_))};
      auto r = p_.platform().database().transaction(
          [&](store::Transaction& tx) { return app::append_log_entry(tx, e, e.at); });
      ASSERT_TRUE(r) << r.error().message;
    }
  }
  json get(const std::string& target, int status = 200) {
    auto r = testing::http_request(p_.port(), "GET", target);
    EXPECT_EQ(r.status, status) << target << ": " << r.body;
    return json::parse(r.body, nullptr, false);
  }
  transparency::SignatureCheck check() {
    return *app::sm2_log_signature_check(get("/api/v1/log/public-key")["public_key_pem"].get<std::string>());
  }

  testing::RunningPlatform p_;
  int appended_ = 0;
};

TEST_F(TransparencyLogApiTest, ServesSignedHeadsEntriesAndProofsThatVerifyOffline) {
  append(3);
  auto h3 = app::tree_head_from_json(get("/api/v1/log/tree-head"));
  ASSERT_TRUE(h3);
  EXPECT_EQ(h3->head.tree_size, 3u);
  EXPECT_TRUE(transparency::verify_tree_head(*h3, check()));
  append(4);
  auto head_doc = get("/api/v1/log/tree-head");
  EXPECT_EQ(head_doc["signature_algorithm"], "SM2-with-SM3");
  auto h7 = app::tree_head_from_json(head_doc);
  ASSERT_TRUE(h7);
  EXPECT_EQ(h7->head.tree_size, 7u);
  EXPECT_EQ(get("/api/v1/log/tree-heads?start=0")["tree_heads"].size(), 2u);

  auto page = get("/api/v1/log/entries?start=1&end=99");
  EXPECT_EQ(page["end"], 6);  // clipped to the log
  ASSERT_EQ(page["entries"].size(), 6u);
  const json& e5 = page["entries"][4];
  EXPECT_EQ(e5["leaf_index"], 5);
  const auto leaf5 = transparency::leaf_hash(e5["entry"].get<std::string>());
  EXPECT_EQ(e5["leaf_hash"], transparency::to_hex(leaf5));
  EXPECT_EQ(e5["entry"].get<std::string>().find("id_number"), std::string::npos);

  auto inclusion = get("/api/v1/log/proof/inclusion?leaf_index=5&tree_size=7");
  EXPECT_TRUE(transparency::verify_inclusion(5, 7, leaf5, *app::hashes_from_json(inclusion, "audit_path"),
                                             h7->head.root_hash));
  auto consistency = get("/api/v1/log/proof/consistency?first=3&second=7");
  EXPECT_TRUE(transparency::verify_consistency(3, 7, h3->head.root_hash, h7->head.root_hash,
                                               *app::hashes_from_json(consistency, "consistency")));
}

// A verifier holding a certificate finds its leaves by number (V013), then proves each against a
// signed head; the issuance and the revocation are both there, in order, and nobody else's.
TEST_F(TransparencyLogApiTest, ACertificatesEntriesAreFoundByNumberAndProveIncluded) {
  append(2);
  const std::string number = "YJJY202651130015009999";
  const std::string digest(64, 'd');
  const auto at = store::Timestamp(std::chrono::milliseconds(1764300000000));
  for (auto kind : {app::CertificateLogKind::kIssue, app::CertificateLogKind::kRevoke}) {
    auto r = p_.platform().database().transaction([&](store::Transaction& tx) {
      return app::log_certificate_event(tx, kind, number, digest, "证书信息有误", at);
    });
    ASSERT_TRUE(r) << r.error().message;
    append(1);
  }
  auto head = app::tree_head_from_json(get("/api/v1/log/tree-head"));
  ASSERT_TRUE(head);
  ASSERT_EQ(head->head.tree_size, 6u);
  auto doc = get("/api/v1/log/certificates/" + number);
  EXPECT_EQ(doc["certificate_number"], number);
  EXPECT_EQ(doc["tree_size"], 6);
  ASSERT_EQ(doc["entries"].size(), 2u);
  const std::pair<int, const char*> expected[] = {{2, "\"kind\":\"issue\""}, {4, "\"kind\":\"revoke\""}};
  for (std::size_t i = 0; i < 2; ++i) {
    const json& e = doc["entries"][i];
    EXPECT_EQ(e["leaf_index"], expected[i].first);
    const std::string text = e["entry"].get<std::string>();
    EXPECT_NE(text.find(expected[i].second), std::string::npos) << text;
    EXPECT_NE(text.find(digest), std::string::npos);
    const auto leaf = transparency::leaf_hash(text);
    EXPECT_EQ(e["leaf_hash"], transparency::to_hex(leaf));
    auto proof = get("/api/v1/log/proof/inclusion?leaf_index=" + std::to_string(expected[i].first) + "&tree_size=6");
    EXPECT_TRUE(transparency::verify_inclusion(static_cast<std::uint64_t>(expected[i].first), 6, leaf,
                                               *app::hashes_from_json(proof, "audit_path"), head->head.root_hash));
  }
  auto unknown = get("/api/v1/log/certificates/YJJY202651130015000000", 404);
  EXPECT_EQ(unknown["error"]["field"], "number");
  get("/api/v1/log/certificates/bad%20number", 404);
}

// check_certificate_in_log trusts nothing served: a doctored audit path, a head signed by another
// key and an entry for another file all come out as "not in the log" (kLogProofInvalid).
TEST_F(TransparencyLogApiTest, TheCertificateCheckRefusesDoctoredAnswers) {
  const std::string number = "YJJY202651130015008888", digest(64, 'e');
  auto r = p_.platform().database().transaction([&](store::Transaction& tx) {
    return app::log_certificate_event(tx, app::CertificateLogKind::kIssue, number, digest, "",
                                      store::Timestamp(std::chrono::milliseconds(1764300000000)));
  });
  ASSERT_TRUE(r);
  append(4);
  const std::string platform_key = p_.platform().keys().signing_public_pem;
  bool doctor = false;
  app::LogFetch fetch = [&](const std::string& target) -> Result<json> {
    auto res = testing::http_request(p_.port(), "GET", target);
    if (res.status != 200) return fail(ErrorCode::kNotFound, "url", target);
    auto doc = json::parse(res.body);
    if (doctor && doc.contains("audit_path") && !doc["audit_path"].empty()) {
      std::string h = doc["audit_path"][0].get<std::string>();
      h[0] = h[0] == '0' ? '1' : '0';
      doc["audit_path"][0] = h;
    }
    return doc;
  };
  auto honest = app::check_certificate_in_log(fetch, number, digest, platform_key);
  ASSERT_TRUE(honest) << honest.error().message;
  EXPECT_EQ(honest->issue_leaf, 0u);
  EXPECT_EQ(honest->tree_size, 5u);
  EXPECT_FALSE(honest->revoke_leaf);

  doctor = true;
  auto doctored = app::check_certificate_in_log(fetch, number, digest, platform_key);
  ASSERT_FALSE(doctored);
  EXPECT_EQ(doctored.error().code, ErrorCode::kLogProofInvalid);
  doctor = false;

  const auto other = *cert::Sm2PrivateKey::generate();
  auto foreign = app::check_certificate_in_log(fetch, number, digest, other.public_pem());
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::kLogProofInvalid);

  auto wrong_file = app::check_certificate_in_log(fetch, number, std::string(64, 'f'), platform_key);
  ASSERT_FALSE(wrong_file);
  EXPECT_EQ(wrong_file.error().code, ErrorCode::kLogProofInvalid);
  auto unknown = app::check_certificate_in_log(fetch, "YJJY202651130015000001", digest, platform_key);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

TEST_F(TransparencyLogApiTest, BadParametersAre422InChineseAndChangeNothing) {
  append(2);
  get("/api/v1/log/tree-head");
  const char* bad[] = {"/api/v1/log/entries?start=0",          "/api/v1/log/entries?start=5&end=9",
                       "/api/v1/log/entries?start=1&end=0",    "/api/v1/log/entries?start=-1&end=1",
                       "/api/v1/log/proof/inclusion?leaf_index=2&tree_size=2",
                       "/api/v1/log/proof/inclusion?leaf_index=0&tree_size=3",
                       "/api/v1/log/proof/inclusion?leaf_index=abc&tree_size=2",
                       "/api/v1/log/proof/consistency?first=2&second=1",
                       "/api/v1/log/proof/consistency?first=1&second=99999999999999999999",
                       "/api/v1/log/tree-heads"};
  for (const char* target : bad) {
    auto doc = get(target, 422);
    ASSERT_TRUE(doc.contains("error")) << target;
    const std::string code = doc["error"]["code"];
    EXPECT_TRUE(code == "input.invalid_value" || code == "input.missing_field") << target << " " << code;
    const std::string message = doc["error"]["message"];
    EXPECT_TRUE(message.find("参数") != std::string::npos || message.find("日志") != std::string::npos ||
                message.find("树") != std::string::npos || message.find("start") != std::string::npos ||
                message.find("end") != std::string::npos)
        << target << " " << message;
  }
  EXPECT_EQ(get("/api/v1/log/tree-heads?start=0")["tree_heads"].size(), 1u);
  EXPECT_EQ(get("/api/v1/log/tree-head")["tree_size"], 2);
}

TEST_F(TransparencyLogApiTest, TheRemoteAuditFindsTheServedLogConsistent) {
  append(5);
  get("/api/v1/log/tree-head");
  append(6);
  app::LogFetch fetch = [this](const std::string& target) -> Result<json> {
    auto r = testing::http_request(p_.port(), "GET", target);
    if (r.status != 200) return fail(ErrorCode::kStatusUnavailable, "url", target + " -> " + std::to_string(r.status));
    return json::parse(r.body);
  };
  auto report = app::audit_remote_log(fetch, "test server", "");
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->consistent()) << report->to_json().dump();
  EXPECT_EQ(report->entries_checked, 11u);
  EXPECT_EQ(report->tree_heads_checked, 2u);
  EXPECT_EQ(report->consistency_proofs_checked, 1u);

  // Pinning another key than the server's makes every head's signature fail.
  auto pinned = app::audit_remote_log(fetch, "test server", cert::Sm2PrivateKey::generate()->public_pem());
  ASSERT_TRUE(pinned);
  EXPECT_FALSE(pinned->consistent());
  EXPECT_EQ(pinned->problem_count, 2u);  // both heads (sizes 5 and 11): nothing new to sign since
}

}  // namespace
}  // namespace rc
