#include "app/transparency/certificate_in_log.h"

#include <algorithm>
#include <cctype>

#include "app/transparency/log_entry.h"
#include "app/transparency/log_json.h"
#include "app/transparency/log_keys.h"
#include "transparency/hash.h"
#include "transparency/verify.h"

namespace rc::app {
namespace {

Error not_in_log(std::string message) { return make_error(ErrorCode::kLogProofInvalid, "log", std::move(message)); }

Error malformed(const std::string& what) {
  return make_error(ErrorCode::kStatusUnavailable, "log", "透明日志的应答格式不对：" + what);
}

struct Leaf {
  std::uint64_t index = 0;
  LogEntry entry;
  transparency::Hash hash{};
};

// The entries served for the number, each parsed from its canonical text (a non-canonical one is
// an answer we cannot use) with its leaf hash recomputed.
Result<std::vector<Leaf>> leaves_of(const nlohmann::json& doc, std::string_view number) {
  if (!doc.is_object() || !doc.contains("entries") || !doc["entries"].is_array()) return fail(malformed("缺少 entries"));
  std::vector<Leaf> out;
  for (const auto& e : doc["entries"]) {
    if (!e.is_object() || !e.contains("leaf_index") || !e["leaf_index"].is_number_unsigned() || !e.contains("entry") ||
        !e["entry"].is_string())
      return fail(malformed("条目缺少 leaf_index 或 entry"));
    const std::string text = e["entry"].get<std::string>();
    auto parsed = parse_log_entry(text);
    if (!parsed) return fail(malformed("条目不是规范文本"));
    if (parsed->certificate_number != number) return fail(malformed("条目属于另一张证书"));
    out.push_back({e["leaf_index"].get<std::uint64_t>(), std::move(*parsed), transparency::leaf_hash(text)});
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

Result<CertificateInLog> check_certificate_in_log(const LogFetch& fetch, std::string_view number,
                                                  std::string_view file_sm3_hex, const std::string& public_key_pem) {
  std::string pem = public_key_pem;
  if (pem.empty()) {
    auto key = fetch("/api/v1/log/public-key");
    if (!key) return fail(key.error());
    if (!key->is_object() || !key->contains("public_key_pem") || !(*key)["public_key_pem"].is_string())
      return fail(malformed("缺少 public_key_pem"));
    pem = (*key)["public_key_pem"].get<std::string>();
  }
  auto check = sm2_log_signature_check(pem);
  if (!check) return fail(check.error());
  return check_certificate_in_log(fetch, number, file_sm3_hex, *check);
}

Result<CertificateInLog> check_certificate_in_log(const LogFetch& fetch, std::string_view number,
                                                  std::string_view file_sm3_hex, const transparency::SignatureCheck& check) {
  // The entries first, then the head: the server signs its current size, which covers them.
  std::string path = "/api/v1/log/certificates/";
  for (char c : number)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-')
      return fail(make_error(ErrorCode::kNotFound, "number", "证书编号含有日志不接受的字符"));
  path += number;
  auto doc = fetch(path);
  if (!doc) return fail(doc.error());
  auto leaves = leaves_of(*doc, number);
  if (!leaves) return fail(leaves.error());
  auto head_doc = fetch("/api/v1/log/tree-head");
  if (!head_doc) return fail(head_doc.error());
  auto head = tree_head_from_json(*head_doc);
  if (!head) return fail(malformed("树头"));
  if (auto signed_ok = transparency::verify_tree_head(*head, check); !signed_ok)
    return fail(not_in_log("透明日志树头的签名不是受信任的密钥所签"));
  const std::uint64_t size = head->head.tree_size;

  auto prove = [&](const Leaf& leaf) -> Result<void> {
    if (leaf.index >= size) return fail(not_in_log("条目不在已签名的日志树中"));
    auto proof = fetch("/api/v1/log/proof/inclusion?leaf_index=" + std::to_string(leaf.index) +
                       "&tree_size=" + std::to_string(size));
    if (!proof) return fail(proof.error());
    auto path_hashes = hashes_from_json(*proof, "audit_path");
    if (!path_hashes) return fail(malformed("audit_path"));
    if (!transparency::verify_inclusion(leaf.index, size, leaf.hash, *path_hashes, head->head.root_hash))
      return fail(not_in_log("第 " + std::to_string(leaf.index) + " 条的包含证明不成立"));
    return ok();
  };

  const std::string digest = lower(file_sm3_hex);
  CertificateInLog out;
  out.tree_size = size;
  const Leaf* issue = nullptr;
  for (const auto& l : *leaves)
    if (l.entry.kind == "issue" && lower(l.entry.file_digest) == digest) {
      issue = &l;
      break;
    }
  if (!issue) {
    if (leaves->empty()) return fail(make_error(ErrorCode::kNotFound, "number", "透明日志中没有该证书编号"));
    return fail(not_in_log("透明日志中没有这份证书文件的发证记录（文件摘要不符）"));
  }
  if (auto r = prove(*issue); !r) return fail(r.error());
  out.issue_leaf = issue->index;
  for (const auto& l : *leaves)
    if (l.entry.kind == "revoke" && l.index > issue->index) {
      if (auto r = prove(l); !r) return fail(r.error());
      out.revoke_leaf = l.index;
      out.revoke_reason = l.entry.reason;
      break;
    }
  return out;
}

}  // namespace rc::app
