#include "app/transparency/log_service.h"

#include <algorithm>
#include <string>

#include "app/platform.h"
#include "app/transparency/log_keys.h"
#include "store/transparency_log_repository.h"
#include "transparency/frontier.h"

namespace rc::app {
namespace {

using transparency::Hash;
using transparency::SignedTreeHead;

store::Bytes to_bytes(std::string_view s) { return store::Bytes(s.begin(), s.end()); }
store::Bytes to_bytes(const Hash& h) { return store::Bytes(h.begin(), h.end()); }
std::string_view as_text(const store::Bytes& b) { return {reinterpret_cast<const char*>(b.data()), b.size()}; }

Error corrupt(std::string what) {
  return make_error(ErrorCode::kStorageFailure, "transparency_log", "透明日志数据损坏：" + std::move(what));
}

Result<Hash> stored_hash(const store::Bytes& b, const char* what) {
  auto h = transparency::hash_from_bytes(as_text(b));
  if (!h) return fail(corrupt(what));
  return *h;
}

Result<transparency::Frontier> restore(const store::LogStateRow& s) {
  auto f = transparency::Frontier::restore(static_cast<std::uint64_t>(s.tree_size), as_text(s.frontier));
  if (!f) return fail(corrupt("状态与大小不符"));
  return *f;
}

// Reads perfect subtrees from the store: level 0 is the entries' leaf hashes.
transparency::NodeReader stored_nodes(store::TransparencyLogRepository& repo) {
  return [&repo](transparency::NodeId id) -> Result<Hash> {
    const auto index = static_cast<std::int64_t>(id.index);
    auto row = id.level == 0 ? repo.leaf_hash(index) : repo.node(static_cast<int>(id.level), index);
    if (!row) return fail(row.error());
    if (!*row) return fail(corrupt("缺少节点 " + std::to_string(id.level) + "/" + std::to_string(id.index)));
    return stored_hash(**row, "节点哈希长度错误");
  };
}

tl::unexpected<Error> out_of_range(const char* field, std::string message) {
  return fail(make_error(ErrorCode::kInvalidValue, field, std::move(message)));
}

Result<SignedTreeHead> from_row(const store::TreeHeadRow& r) {
  auto root = stored_hash(r.root_hash, "树头根哈希长度错误");
  if (!root) return fail(root.error());
  return SignedTreeHead{{static_cast<std::uint64_t>(r.tree_size), *root, r.signed_at}, std::string(as_text(r.signature))};
}

}  // namespace

Result<std::uint64_t> append_log_entry(store::Transaction& tx, const LogEntry& entry, store::Timestamp at) {
  auto text = canonical_log_entry(entry);
  if (!text) return fail(text.error());
  store::TransparencyLogRepository repo(tx);
  auto state = repo.lock_state();
  if (!state) return fail(state.error());
  auto frontier = restore(*state);
  if (!frontier) return fail(frontier.error());
  const std::int64_t index = state->tree_size;
  const Hash leaf = transparency::leaf_hash(*text);
  const auto completed = frontier->append(leaf);
  // The size moves first: the database accepts an entry only at the index the state hands out.
  if (auto s = repo.save_state({index + 1, to_bytes(frontier->bytes())}); !s) return fail(s.error());
  if (auto e = repo.insert_entry({index, *text, to_bytes(leaf), at}); !e) return fail(e.error());
  for (const auto& [id, hash] : completed)
    if (auto n = repo.insert_node(static_cast<int>(id.level), static_cast<std::int64_t>(id.index), to_bytes(hash)); !n)
      return fail(n.error());
  return static_cast<std::uint64_t>(index);
}

Result<std::uint64_t> log_size(store::Transaction& tx) {
  auto state = store::TransparencyLogRepository(tx).state();
  if (!state) return fail(state.error());
  return static_cast<std::uint64_t>(state->tree_size);
}

Result<Hash> log_root(store::Transaction& tx, std::uint64_t size) {
  store::TransparencyLogRepository repo(tx);
  auto state = repo.state();
  if (!state) return fail(state.error());
  const auto current = static_cast<std::uint64_t>(state->tree_size);
  if (size > current) return out_of_range("tree_size", "树大小超过日志当前大小 " + std::to_string(current));
  if (size == current) {
    auto frontier = restore(*state);
    if (!frontier) return fail(frontier.error());
    return frontier->root();
  }
  if (size == 0) return transparency::empty_root();
  return transparency::range_hash({0, size}, stored_nodes(repo));
}

Result<Hash> log_leaf_hash(store::Transaction& tx, std::uint64_t index) {
  store::TransparencyLogRepository repo(tx);
  auto size = log_size(tx);
  if (!size) return fail(size.error());
  if (index >= *size) return out_of_range("leaf_index", "叶子序号超出日志大小 " + std::to_string(*size));
  return stored_nodes(repo)({0, index});
}

Result<std::vector<Hash>> log_inclusion_proof(store::Transaction& tx, std::uint64_t index, std::uint64_t size) {
  auto current = log_size(tx);
  if (!current) return fail(current.error());
  if (size > *current) return out_of_range("tree_size", "树大小超过日志当前大小 " + std::to_string(*current));
  if (index >= size) return out_of_range("leaf_index", "叶子序号必须小于树大小");
  store::TransparencyLogRepository repo(tx);
  return transparency::range_hashes(transparency::inclusion_ranges(index, size), stored_nodes(repo));
}

Result<std::vector<Hash>> log_consistency_proof(store::Transaction& tx, std::uint64_t first, std::uint64_t second) {
  auto current = log_size(tx);
  if (!current) return fail(current.error());
  if (second > *current) return out_of_range("second", "树大小超过日志当前大小 " + std::to_string(*current));
  if (first > second) return out_of_range("first", "旧树大小不能大于新树大小");
  if (first == 0 || first == second) return std::vector<Hash>{};
  store::TransparencyLogRepository repo(tx);
  return transparency::range_hashes(transparency::consistency_ranges(first, second), stored_nodes(repo));
}

Result<std::optional<SignedTreeHead>> latest_tree_head(store::Transaction& tx) {
  auto row = store::TransparencyLogRepository(tx).latest_tree_head();
  if (!row) return fail(row.error());
  if (!*row) return std::optional<SignedTreeHead>();
  auto sth = from_row(**row);
  if (!sth) return fail(sth.error());
  return std::optional<SignedTreeHead>(*sth);
}

Result<std::vector<SignedTreeHead>> list_tree_heads(store::Transaction& tx, std::uint64_t from_size, int limit) {
  auto rows = store::TransparencyLogRepository(tx).tree_heads(static_cast<std::int64_t>(from_size), limit);
  if (!rows) return fail(rows.error());
  std::vector<SignedTreeHead> out;
  for (const auto& r : *rows) {
    auto sth = from_row(r);
    if (!sth) return fail(sth.error());
    out.push_back(std::move(*sth));
  }
  return out;
}

Result<SignedTreeHead> publish_tree_head(store::Database& db, const transparency::Signer& sign, store::Timestamp now) {
  // Most calls find the head current: answer them from a read-only snapshot, without the lock.
  auto current = db.read([](store::Transaction& tx) -> Result<std::optional<SignedTreeHead>> {
    auto size = log_size(tx);
    if (!size) return fail(size.error());
    auto latest = latest_tree_head(tx);
    if (!latest || !*latest || (*latest)->head.tree_size == *size) return latest;
    return std::optional<SignedTreeHead>();  // the log grew since: sign a new one
  });
  if (!current) return fail(current.error());
  if (*current) return **current;
  return db.transaction([&](store::Transaction& tx) -> Result<SignedTreeHead> {
    store::TransparencyLogRepository repo(tx);
    auto state = repo.lock_state();  // no append can slip in between the root and the insert
    if (!state) return fail(state.error());
    auto latest = latest_tree_head(tx);
    if (!latest) return fail(latest.error());
    if (*latest && (*latest)->head.tree_size == static_cast<std::uint64_t>(state->tree_size)) return **latest;
    auto frontier = restore(*state);
    if (!frontier) return fail(frontier.error());
    const store::Timestamp at = *latest ? std::max(now, (*latest)->head.timestamp) : now;
    auto sth = transparency::sign_tree_head({frontier->size(), frontier->root(), at}, sign);
    if (!sth) return fail(sth.error());
    auto stored = repo.insert_tree_head({state->tree_size, to_bytes(sth->head.root_hash), at, to_bytes(sth->signature)});
    if (!stored) return fail(stored.error());
    return *sth;
  });
}

Result<SignedTreeHead> publish_tree_head(Platform& platform) {
  // The key is read only when a head is actually signed, not on every GET of a current head.
  const transparency::Signer sign = [&platform](std::string_view message) -> Result<std::string> {
    auto signer = sm2_log_signer(platform.keys().signing_private_pem);
    if (!signer) return fail(signer.error());
    return (*signer)(message);
  };
  const auto now = std::chrono::time_point_cast<std::chrono::milliseconds>(platform.clock().now());
  return publish_tree_head(platform.database(), sign, now);
}

}  // namespace rc::app
