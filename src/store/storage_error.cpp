#include "store/storage_error.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <string>

namespace rc::store {
namespace {

// SQLite extended result codes (enabled per connection in database.cpp).
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteConstraintCheck = 275;
constexpr int kSqliteConstraintForeignKey = 787;
constexpr int kSqliteConstraintNotNull = 1299;
constexpr int kSqliteConstraintPrimaryKey = 1555;
constexpr int kSqliteConstraintTrigger = 1811;
constexpr int kSqliteConstraintUnique = 2067;

// The part of a SOCI message before it starts echoing the statement and its values.
std::string first_line(std::string_view what) {
  auto cut = what.find(" while executing");
  if (auto nl = what.find('\n'); nl < cut) cut = nl;
  std::string s(what.substr(0, cut));
  while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.pop_back();
  return s;
}

// "UNIQUE constraint failed: candidates.document_type, candidates.id_number_hmac" -> the columns.
std::string sqlite_constraint_target(std::string_view what) {
  auto at = what.find("failed: ");
  if (at == std::string_view::npos) return {};
  auto rest = what.substr(at + 8);
  return std::string(rest.substr(0, rest.find(" while executing")));
}

// '... violates unique constraint "candidates_document_type_id_number_hmac_key"' -> the name.
std::string pg_constraint_name(std::string_view what) {
  auto at = what.find("constraint \"");
  if (at == std::string_view::npos) return {};
  auto rest = what.substr(at + 12);
  return std::string(rest.substr(0, rest.find('"')));
}

std::string with_operation(std::string_view operation, std::string_view message) {
  if (operation.empty()) return std::string(message);
  return std::string(operation) + "失败：" + std::string(message);
}

Error from_sqlite(const soci::sqlite3_soci_error& e, std::string_view op) {
  std::string_view what = e.what();
  switch (e.result()) {
    case kSqliteConstraintUnique:
    case kSqliteConstraintPrimaryKey:
      return make_error(ErrorCode::kConflict, sqlite_constraint_target(what),
                        with_operation(op, "记录已存在（违反唯一约束）"));
    case kSqliteConstraintForeignKey:
      return make_error(ErrorCode::kConflict, {},
                        with_operation(op, "关联的记录不存在或仍被引用（违反外键约束）"));
    case kSqliteConstraintCheck:
    case kSqliteConstraintNotNull:
      return make_error(ErrorCode::kInvalidValue, sqlite_constraint_target(what),
                        with_operation(op, "字段取值不符合数据库约束"));
    case kSqliteConstraintTrigger:
      return make_error(ErrorCode::kConflict, {}, with_operation(op, "数据库拒绝了此修改（" + first_line(what) + "）"));
    default:
      break;
  }
  int primary = e.result() & 0xff;
  if (primary == kSqliteBusy || primary == kSqliteLocked)
    return make_error(ErrorCode::kStorageFailure, {}, with_operation(op, "数据库繁忙，请稍后重试"));
  return make_error(ErrorCode::kStorageFailure, {}, with_operation(op, "数据库错误（" + first_line(what) + "）"));
}

Error from_postgresql(const soci::postgresql_soci_error& e, std::string_view op) {
  std::string state = e.sqlstate();
  std::string_view what = e.what();
  if (state == "23505")
    return make_error(ErrorCode::kConflict, pg_constraint_name(what), with_operation(op, "记录已存在（违反唯一约束）"));
  if (state == "23503")
    return make_error(ErrorCode::kConflict, pg_constraint_name(what),
                      with_operation(op, "关联的记录不存在或仍被引用（违反外键约束）"));
  if (state == "23514" || state == "23502")
    return make_error(ErrorCode::kInvalidValue, pg_constraint_name(what), with_operation(op, "字段取值不符合数据库约束"));
  if (state == "42501") return make_error(ErrorCode::kConflict, {}, with_operation(op, "数据库拒绝了此修改"));
  if (state == "40001" || state == "40P01")
    return make_error(ErrorCode::kConflict, {}, with_operation(op, "与并发的修改冲突，请重试"));
  if (state.starts_with("08"))
    return make_error(ErrorCode::kStorageFailure, {}, with_operation(op, "与数据库的连接中断"));
  // PostgreSQL's first line ("ERROR:  relation ... does not exist") names objects, not values;
  // DETAIL lines, which quote values, are dropped by first_line().
  return make_error(ErrorCode::kStorageFailure, {},
                    with_operation(op, "数据库错误（SQLSTATE " + state + "：" + first_line(what) + "）"));
}

}  // namespace

Error storage_error(const std::exception& e, std::string_view operation) {
  if (auto* s = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) return from_sqlite(*s, operation);
  if (auto* p = dynamic_cast<const soci::postgresql_soci_error*>(&e)) return from_postgresql(*p, operation);
  if (auto* c = dynamic_cast<const CorruptValue*>(&e))
    return make_error(ErrorCode::kStorageFailure, {}, with_operation(operation, std::string("数据库中的值无法读取（") + c->what() + "）"));
  if (dynamic_cast<const soci::soci_error*>(&e))
    return make_error(ErrorCode::kStorageFailure, {}, with_operation(operation, "数据库错误（" + first_line(e.what()) + "）"));
  return make_error(ErrorCode::kStorageFailure, {}, with_operation(operation, "存储层内部错误"));
}

}  // namespace rc::store
