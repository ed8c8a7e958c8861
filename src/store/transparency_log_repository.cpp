#include "store/transparency_log_repository.h"

#include "store/repository_support.h"
#include "store/storage_error.h"
#include "store/transparency_log_sql.h"

namespace rc::store {
namespace {

Result<LogStateRow> read_state(Transaction& tx, std::string_view sql) {
  LogStateRow row;
  Statement st(tx, sql);
  st.into(row.tree_size).into(row.frontier);
  if (!st.execute())
    return fail(make_error(ErrorCode::kStorageFailure, "transparency_log_state", "透明日志状态缺失（数据库未迁移？）"));
  return row;
}

void into_head(Statement& st, TreeHeadRow& h) { st.into(h.tree_size).into(h.root_hash).into(h.signed_at).into(h.signature); }

Result<std::optional<Bytes>> one_hash(Statement& st) {
  Bytes hash;
  st.into(hash);
  if (!st.execute()) return std::optional<Bytes>();
  return std::optional<Bytes>(std::move(hash));
}

}  // namespace

Result<LogStateRow> TransparencyLogRepository::lock_state() {
  return guarded("锁定透明日志", [&] { return read_state(tx_, sql::kLockLogState); });
}

Result<LogStateRow> TransparencyLogRepository::state() {
  return guarded("读取透明日志状态", [&] { return read_state(tx_, sql::kSelectLogState); });
}

Result<void> TransparencyLogRepository::save_state(const LogStateRow& s) {
  return guarded("保存透明日志状态", [&]() -> Result<void> {
    Statement st(tx_, sql::kUpdateLogState);
    st.bind(s.tree_size).bind(s.frontier);
    st.execute();
    return ok();
  });
}

Result<void> TransparencyLogRepository::insert_entry(const LogEntryRow& e) {
  return guarded("写入透明日志条目", [&]() -> Result<void> {
    Statement st(tx_, sql::kInsertLogEntry);
    st.bind(e.leaf_index).bind(e.entry).bind(e.leaf_hash).bind(e.appended_at);
    st.execute();
    return ok();
  });
}

Result<std::vector<LogEntryRow>> TransparencyLogRepository::entries(std::int64_t from, std::int64_t to) {
  return guarded("读取透明日志条目", [&]() -> Result<std::vector<LogEntryRow>> {
    LogEntryRow row;
    Statement st(tx_, sql::kSelectLogEntries);
    st.bind(from).bind(to);
    st.into(row.leaf_index).into(row.entry).into(row.leaf_hash).into(row.appended_at);
    return collect(st, row);
  });
}

Result<std::optional<Bytes>> TransparencyLogRepository::leaf_hash(std::int64_t leaf_index) {
  return guarded("读取透明日志叶子", [&]() -> Result<std::optional<Bytes>> {
    Statement st(tx_, sql::kSelectLeafHash);
    st.bind(leaf_index);
    return one_hash(st);
  });
}

Result<void> TransparencyLogRepository::insert_certificate_leaf(std::int64_t leaf_index,
                                                                std::string_view certificate_number,
                                                                std::string_view kind) {
  return guarded("写入证书的透明日志叶子", [&]() -> Result<void> {
    Statement st(tx_, sql::kInsertCertificateLeaf);
    st.bind(leaf_index).bind(certificate_number).bind(kind);
    st.execute();
    return ok();
  });
}

Result<std::vector<LogEntryRow>> TransparencyLogRepository::certificate_entries(std::string_view certificate_number) {
  return guarded("读取证书的透明日志条目", [&]() -> Result<std::vector<LogEntryRow>> {
    LogEntryRow row;
    Statement st(tx_, sql::kSelectCertificateEntries);
    st.bind(certificate_number);
    st.into(row.leaf_index).into(row.entry).into(row.leaf_hash).into(row.appended_at);
    return collect(st, row);
  });
}

Result<void> TransparencyLogRepository::insert_node(int level, std::int64_t node_index, const Bytes& hash) {
  return guarded("写入透明日志节点", [&]() -> Result<void> {
    Statement st(tx_, sql::kInsertLogNode);
    st.bind(level).bind(node_index).bind(hash);
    st.execute();
    return ok();
  });
}

Result<std::optional<Bytes>> TransparencyLogRepository::node(int level, std::int64_t node_index) {
  return guarded("读取透明日志节点", [&]() -> Result<std::optional<Bytes>> {
    Statement st(tx_, sql::kSelectLogNode);
    st.bind(level).bind(node_index);
    return one_hash(st);
  });
}

Result<void> TransparencyLogRepository::insert_tree_head(const TreeHeadRow& h) {
  return guarded("保存签名树头", [&]() -> Result<void> {
    Statement st(tx_, sql::kInsertTreeHead);
    st.bind(h.tree_size).bind(h.root_hash).bind(h.signed_at).bind(h.signature);
    st.execute();
    return ok();
  });
}

Result<std::optional<TreeHeadRow>> TransparencyLogRepository::latest_tree_head() {
  return guarded("读取签名树头", [&]() -> Result<std::optional<TreeHeadRow>> {
    TreeHeadRow row;
    Statement st(tx_, sql::kSelectLatestTreeHead);
    into_head(st, row);
    return first(st, row);
  });
}

Result<std::vector<TreeHeadRow>> TransparencyLogRepository::tree_heads(std::int64_t from_size, int limit) {
  return guarded("读取签名树头", [&]() -> Result<std::vector<TreeHeadRow>> {
    TreeHeadRow row;
    Statement st(tx_, sql::kSelectTreeHeads);
    st.bind(from_size).bind(limit);
    into_head(st, row);
    return collect(st, row);
  });
}

}  // namespace rc::store
