#include "app/transparency/log_audit.h"

#include <algorithm>

#include "app/transparency/log_entry.h"
#include "app/transparency/log_json.h"
#include "app/transparency/log_keys.h"
#include "app/transparency/log_service.h"
#include "store/transparency_log_repository.h"
#include "transparency/merkle_tree.h"
#include "transparency/verify.h"

namespace rc::app {
namespace {

using transparency::Hash;
using transparency::SignedTreeHead;

constexpr std::uint64_t kEntryPage = 1000;  // the API's page size; the store reads as many
constexpr std::uint64_t kInclusionSamples = 32;

struct EntryView {
  std::uint64_t leaf_index = 0;
  std::string entry;
  std::optional<Hash> leaf_hash;  // as the log stores it
};

// Where an audit reads from: the store or the API.
struct AuditSource {
  std::uint64_t tree_size = 0;  // check up to this size
  std::function<Result<std::vector<EntryView>>(std::uint64_t start, std::uint64_t end)> entries;  // [start, end)
  std::function<Result<std::vector<SignedTreeHead>>(std::uint64_t from_size)> heads;  // a page, smallest first
  std::function<Result<std::vector<Hash>>(std::uint64_t first, std::uint64_t second)> consistency;
  std::function<Result<std::vector<Hash>>(std::uint64_t index, std::uint64_t size)> inclusion;
  std::optional<Hash> state_root;  // the root the log keeps for its current size, when it shows one
};

void problem(LogAuditReport& r, std::string what) {
  if (r.problems.size() < kMaxListedProblems) r.problems.push_back(std::move(what));
  ++r.problem_count;
}

Result<transparency::MemoryTree> check_entries(const AuditSource& src, LogAuditReport& r) {
  transparency::MemoryTree tree;
  for (std::uint64_t start = 0; start < src.tree_size;) {
    auto page = src.entries(start, std::min(start + kEntryPage, src.tree_size));
    if (!page) return fail(page.error());
    if (page->empty()) break;
    start += page->size();  // a server may answer with a shorter page than asked for
    for (const auto& e : *page) {
      const std::string at = "条目 " + std::to_string(tree.size());
      if (e.leaf_index != tree.size()) {
        problem(r, at + " 的序号不连续");  // later entries cannot be placed: stop here
        return tree;
      }
      const Hash leaf = transparency::leaf_hash(e.entry);
      if (e.leaf_hash && *e.leaf_hash != leaf) problem(r, at + " 的叶子哈希与内容不符");
      if (auto parsed = parse_log_entry(e.entry); !parsed) problem(r, at + " 不是规范的日志条目：" + parsed.error().message);
      tree.append(leaf);
      ++r.entries_checked;
    }
  }
  if (tree.size() != src.tree_size)
    problem(r, "日志声明 " + std::to_string(src.tree_size) + " 个条目，实际读到 " + std::to_string(tree.size()));
  return tree;
}

Result<void> check_heads(const AuditSource& src, const transparency::MemoryTree& tree,
                         const transparency::SignatureCheck& check, LogAuditReport& r) {
  std::optional<SignedTreeHead> previous;
  for (std::uint64_t from = 0;;) {
    auto page = src.heads(from);
    if (!page) return fail(page.error());
    for (const auto& sth : *page) {
      const std::uint64_t size = sth.head.tree_size;
      from = size + 1;
      if (size > tree.size()) continue;  // signed after this audit's snapshot
      const std::string at = "树头（大小 " + std::to_string(size) + "）";
      ++r.tree_heads_checked;
      if (auto v = transparency::verify_tree_head(sth, check); !v) problem(r, at + " 的签名无效");
      if (sth.head.root_hash != tree.root(size)) problem(r, at + " 的根哈希与条目重算的不符");
      if (previous) {
        if (sth.head.timestamp < previous->head.timestamp) problem(r, at + " 的时间早于前一个树头");
        auto proof = src.consistency(previous->head.tree_size, size);
        if (!proof) return fail(proof.error());
        ++r.consistency_proofs_checked;
        if (auto v = transparency::verify_consistency(previous->head.tree_size, size, previous->head.root_hash,
                                                      sth.head.root_hash, *proof); !v)
          problem(r, at + " 与前一个树头不一致：" + v.error().message);
      }
      previous = sth;
    }
    if (page->empty()) break;
  }
  if (previous) r.latest = previous;
  return ok();
}

Result<void> check_inclusion(const AuditSource& src, const transparency::MemoryTree& tree, LogAuditReport& r) {
  if (!r.latest || r.latest->head.tree_size == 0) return ok();
  const std::uint64_t n = r.latest->head.tree_size;
  const std::uint64_t step = std::max<std::uint64_t>(1, n / kInclusionSamples);
  for (std::uint64_t i = 0; i < n; i += step) {
    for (std::uint64_t index : {i, std::min(n - 1, i + step - 1)}) {
      auto proof = src.inclusion(index, n);
      if (!proof) return fail(proof.error());
      ++r.inclusion_proofs_checked;
      if (auto v = transparency::verify_inclusion(index, n, tree.node({0, index}), *proof, r.latest->head.root_hash); !v)
        problem(r, "条目 " + std::to_string(index) + " 的包含证明无效：" + v.error().message);
    }
  }
  return ok();
}

Result<LogAuditReport> run_audit(const AuditSource& src, const transparency::SignatureCheck& check, std::string source) {
  LogAuditReport r;
  r.source = std::move(source);
  r.tree_size = src.tree_size;
  auto tree = check_entries(src, r);
  if (!tree) return fail(tree.error());
  if (src.state_root && *src.state_root != tree->root()) problem(r, "日志保存的当前根哈希与条目重算的不符");
  if (auto h = check_heads(src, *tree, check, r); !h) return fail(h.error());
  if (auto i = check_inclusion(src, *tree, r); !i) return fail(i.error());
  return r;
}

std::optional<Hash> hash_of(const store::Bytes& b) {
  return transparency::hash_from_bytes({reinterpret_cast<const char*>(b.data()), b.size()});
}

AuditSource stored_source(store::Transaction& tx, std::uint64_t size) {
  AuditSource s;
  s.tree_size = size;
  s.entries = [&tx](std::uint64_t start, std::uint64_t end) -> Result<std::vector<EntryView>> {
    auto rows = store::TransparencyLogRepository(tx).entries(static_cast<std::int64_t>(start), static_cast<std::int64_t>(end));
    if (!rows) return fail(rows.error());
    std::vector<EntryView> out;
    for (auto& row : *rows) out.push_back({static_cast<std::uint64_t>(row.leaf_index), std::move(row.entry), hash_of(row.leaf_hash)});
    return out;
  };
  s.heads = [&tx](std::uint64_t from) { return list_tree_heads(tx, from, 1000); };
  s.consistency = [&tx](std::uint64_t a, std::uint64_t b) { return log_consistency_proof(tx, a, b); };
  s.inclusion = [&tx](std::uint64_t i, std::uint64_t n) { return log_inclusion_proof(tx, i, n); };
  return s;
}

}  // namespace

nlohmann::json LogAuditReport::to_json() const {
  nlohmann::json doc{{"result", consistent() ? "consistent" : "inconsistent"},
                     {"source", source},
                     {"tree_size", tree_size},
                     {"entries_checked", entries_checked},
                     {"tree_heads_checked", tree_heads_checked},
                     {"consistency_proofs_checked", consistency_proofs_checked},
                     {"inclusion_proofs_checked", inclusion_proofs_checked},
                     {"problem_count", problem_count},
                     {"problems", problems}};
  if (latest) doc["latest_tree_head"] = tree_head_json(*latest);
  return doc;
}

Result<LogAuditReport> audit_stored_log(store::Database& db, const transparency::SignatureCheck& check) {
  return db.read([&](store::Transaction& tx) -> Result<LogAuditReport> {
    auto state = store::TransparencyLogRepository(tx).state();
    if (!state) return fail(state.error());
    const auto size = static_cast<std::uint64_t>(state->tree_size);
    AuditSource src = stored_source(tx, size);
    // The frontier kept for appends must agree with the rebuilt tree too.
    auto root = log_root(tx, size);
    src.state_root = root ? *root : transparency::empty_root();
    auto report = run_audit(src, check, "store");
    if (report && !root) problem(*report, "透明日志状态无法读取：" + root.error().message);
    return report;
  });
}

namespace {

std::string query(const char* path, std::initializer_list<std::pair<const char*, std::uint64_t>> params) {
  std::string out = path;
  char sep = '?';
  for (const auto& [name, value] : params) {
    out += sep + std::string(name) + "=" + std::to_string(value);
    sep = '&';
  }
  return out;
}

Result<std::vector<EntryView>> remote_entries(const LogFetch& fetch, std::uint64_t start, std::uint64_t end) {
  auto doc = fetch(query("/api/v1/log/entries", {{"start", start}, {"end", end - 1}}));  // the API's end is inclusive
  if (!doc) return fail(doc.error());
  if (!doc->contains("entries") || !(*doc)["entries"].is_array()) return fail(ErrorCode::kInvalidValue, "entries");
  std::vector<EntryView> out;
  for (const auto& e : (*doc)["entries"]) {
    auto index = size_from_json(e, "leaf_index");
    auto leaf = hash_from_json(e, "leaf_hash");
    if (!index || !leaf || !e.contains("entry") || !e["entry"].is_string()) return fail(ErrorCode::kInvalidValue, "entries");
    out.push_back({*index, e["entry"].get<std::string>(), *leaf});
  }
  return out;
}

Result<std::vector<SignedTreeHead>> remote_heads(const LogFetch& fetch, std::uint64_t from) {
  auto doc = fetch(query("/api/v1/log/tree-heads", {{"start", from}}));
  if (!doc) return fail(doc.error());
  if (!doc->contains("tree_heads") || !(*doc)["tree_heads"].is_array()) return fail(ErrorCode::kInvalidValue, "tree_heads");
  std::vector<SignedTreeHead> out;
  for (const auto& h : (*doc)["tree_heads"]) {
    auto sth = tree_head_from_json(h);
    if (!sth) return fail(sth.error());
    out.push_back(std::move(*sth));
  }
  return out;
}

}  // namespace

Result<LogAuditReport> audit_remote_log(const LogFetch& fetch, const std::string& source, const std::string& public_key_pem) {
  std::string pem = public_key_pem;
  if (pem.empty()) {
    auto key = fetch("/api/v1/log/public-key");
    if (!key) return fail(key.error());
    if (!key->contains("public_key_pem") || !(*key)["public_key_pem"].is_string()) return fail(ErrorCode::kInvalidValue, "public_key_pem");
    pem = (*key)["public_key_pem"].get<std::string>();
  }
  auto check = sm2_log_signature_check(pem);
  if (!check) return fail(check.error());
  auto head_doc = fetch("/api/v1/log/tree-head");  // also makes the server sign its current size
  if (!head_doc) return fail(head_doc.error());
  auto head = tree_head_from_json(*head_doc);
  if (!head) return fail(head.error());

  AuditSource src;
  src.tree_size = head->head.tree_size;
  src.entries = [&fetch](std::uint64_t start, std::uint64_t end) { return remote_entries(fetch, start, end); };
  src.heads = [&fetch](std::uint64_t from) { return remote_heads(fetch, from); };
  src.consistency = [&fetch](std::uint64_t a, std::uint64_t b) -> Result<std::vector<Hash>> {
    auto doc = fetch(query("/api/v1/log/proof/consistency", {{"first", a}, {"second", b}}));
    if (!doc) return fail(doc.error());
    return hashes_from_json(*doc, "consistency");
  };
  src.inclusion = [&fetch](std::uint64_t i, std::uint64_t n) -> Result<std::vector<Hash>> {
    auto doc = fetch(query("/api/v1/log/proof/inclusion", {{"leaf_index", i}, {"tree_size", n}}));
    if (!doc) return fail(doc.error());
    return hashes_from_json(*doc, "audit_path");
  };
  return run_audit(src, *check, source);
}

}  // namespace rc::app
