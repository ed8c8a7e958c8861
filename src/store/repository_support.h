#pragma once
// Small helpers shared by the repositories (store-internal): running a Statement whose targets
// fill one record, and the errors every repository reports the same way.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/result.h"
#include "store/records.h"
#include "store/statement.h"

namespace rc::store {

// Runs `st`, whose targets write into `row`, and copies out every row.
template <class Row>
std::vector<Row> collect(Statement& st, const Row& row) {
  std::vector<Row> out;
  for (bool more = st.execute(); more; more = st.fetch()) out.push_back(row);
  return out;
}

// Runs `st` and returns its first row, if any.
template <class Row>
std::optional<Row> first(Statement& st, const Row& row) {
  if (!st.execute()) return std::nullopt;
  return row;
}

// "<what>不存在（编号 42）", field "id".
inline Error not_found(std::string_view what, Id id) {
  return make_error(ErrorCode::kNotFound, "id", std::string(what) + "不存在（编号 " + std::to_string(id) + "）");
}

// An UPDATE guarded by the expected current state changed nothing: either the row is gone or
// someone else moved it first.
inline Error stale_state(std::string_view what, Id id) {
  return make_error(ErrorCode::kConflict, "status",
                    std::string(what) + "（编号 " + std::to_string(id) + "）的状态已被修改或不允许此操作，请刷新后重试");
}

}  // namespace rc::store
