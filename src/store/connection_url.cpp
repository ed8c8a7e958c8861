#include "store/connection_url.h"

#include <libpq-fe.h>

namespace rc::store {
namespace {

constexpr std::string_view kField = "database.url";
constexpr std::string_view kForms =
    "支持的格式：sqlite:///绝对路径.db、sqlite://相对路径.db、sqlite::memory:、"
    "postgresql://用户@主机:端口/库名，或 postgresql: host=... port=... dbname=...";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

Result<ConnectionTarget> sqlite_target(std::string_view path) {
  if (path.empty()) return fail(ErrorCode::kInvalidValue, std::string(kField), "SQLite 数据库文件路径为空");
  // SOCI's sqlite3 backend reads db="..." with no escape for a quote inside.
  if (path.find('"') != std::string_view::npos || path.find('\0') != std::string_view::npos)
    return fail(ErrorCode::kInvalidValue, std::string(kField), "SQLite 数据库文件路径不能包含双引号");
  return ConnectionTarget{Backend::kSqlite, "db=\"" + std::string(path) + "\"", false};
}

// A libpq keyword value, quoted: it's -> 'it\'s'.
std::string quote_keyword_value(std::string_view v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\\' || c == '\'') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

// SOCI 4.0's PostgreSQL backend re-tokenises the connection string as key=value pairs, which
// mangles a URI (postgresql://h/db becomes dbname "db="). libpq itself parses the URI here, and
// the store hands SOCI the equivalent keyword form.
Result<ConnectionTarget> postgresql_uri_target(std::string_view uri) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(std::string(uri).c_str(), &error);
  if (!options) {
    std::string reason = error ? error : "无法解析";
    PQfreemem(error);
    while (!reason.empty() && reason.back() == '\n') reason.pop_back();
    return fail(ErrorCode::kInvalidValue, std::string(kField), "PostgreSQL 连接串无效：" + reason);
  }
  std::string keywords;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val) continue;
    if (!keywords.empty()) keywords.push_back(' ');
    keywords += std::string(o->keyword) + "=" + quote_keyword_value(o->val);
  }
  PQconninfoFree(options);
  return ConnectionTarget{Backend::kPostgresql, keywords, false};
}

}  // namespace

std::string_view backend_name(Backend backend) {
  return backend == Backend::kSqlite ? "sqlite" : "postgresql";
}

Result<ConnectionTarget> parse_connection_url(std::string_view url) {
  url = trim(url);
  if (url == "sqlite::memory:") return ConnectionTarget{Backend::kSqlite, "db=:memory:", true};
  if (url.starts_with("sqlite://")) return sqlite_target(url.substr(9));
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return postgresql_uri_target(url);
  if (url.starts_with("postgresql:")) {
    auto keywords = trim(url.substr(11));
    if (keywords.empty())
      return fail(ErrorCode::kInvalidValue, std::string(kField), "PostgreSQL 连接参数为空");
    return ConnectionTarget{Backend::kPostgresql, std::string(keywords), false};
  }
  return fail(ErrorCode::kInvalidValue, std::string(kField),
              "无法识别的数据库连接串。" + std::string(kForms));
}

}  // namespace rc::store
