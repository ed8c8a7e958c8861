#pragma once
// Statement: one parameterised SQL statement inside a Transaction (store-internal). It copies
// every bound value, so binding a temporary is safe, and converts between the records' types
// and the portable column types of the schema:
//   std::string/string_view  TEXT        std::int64_t/int/bool  BIGINT/INTEGER (bool as 0/1)
//   Timestamp  BIGINT ms      CivilDate   TEXT 'YYYY-MM-DD'     StoredEnum  TEXT
//   Bytes      BLOB (SQLite) | bytea (PostgreSQL, exchanged as hex text)
//   std::optional<T> of any of these: NULL when empty
// Values are always bound (":name" placeholders, bound in the order they appear in the SQL);
// nothing is ever pasted into the SQL text. Errors are thrown (soci::soci_error, CorruptValue)
// and turned into rc::Error by guarded() at the repository boundary.
//
// On SQLite the prepared statement is reused through the session's StatementCache (statement_cache.h).
//
// Thread safety: as its Transaction, one thread at a time.

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <soci/blob.h>
#include <soci/soci.h>

#include "store/database.h"
#include "store/records.h"

namespace rc::store {

class Statement {
 public:
  // REQUIRES: tx.active(); sql outlives nothing (it is copied).
  Statement(Transaction& tx, std::string_view sql);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(std::string_view v);
  Statement& bind(const char* v) { return bind(std::string_view(v)); }
  Statement& bind(const std::string& v) { return bind(std::string_view(v)); }
  Statement& bind(std::int64_t v);
  Statement& bind(int v) { return bind(static_cast<std::int64_t>(v)); }
  Statement& bind(bool v) { return bind(static_cast<std::int64_t>(v ? 1 : 0)); }
  Statement& bind(Timestamp v) { return bind(static_cast<std::int64_t>(v.time_since_epoch().count())); }
  Statement& bind(CivilDate v) { return bind(v.to_string()); }
  Statement& bind(const Bytes& v);
  template <StoredEnum E>
  Statement& bind(E v) {
    return bind(to_text(v));
  }
  template <class T>
  Statement& bind(const std::optional<T>& v) {
    if (v) return bind(*v);
    return bind_null();
  }

  // Targets for the columns, in SELECT order. A NULL read into a non-optional target fails.
  template <class T>
  Statement& into(T& out) {
    return into_base(out, nullptr);
  }
  template <class T>
  Statement& into(std::optional<T>& out) {
    auto holder = std::make_shared<T>();
    soci::indicator& ind = indicators_.emplace_back(soci::i_ok);
    into_base(*holder, &ind);
    after_fetch_.push_back([&out, &ind, holder] {
      if (ind == soci::i_null) out.reset();
      else out = *holder;
    });
    return *this;
  }

  // Runs the statement; true when a first row was read into the targets.
  bool execute();
  // Reads the next row; false when there is none.
  bool fetch();
  // Rows changed by an INSERT/UPDATE/DELETE.
  long long affected_rows();

 private:
  Statement& bind_null();
  // Each registers a fetch buffer and the conversion into `out`, skipped when *ind is null.
  Statement& into_base(std::string& out, soci::indicator* ind);
  Statement& into_base(std::int64_t& out, soci::indicator* ind);
  Statement& into_base(int& out, soci::indicator* ind);
  Statement& into_base(bool& out, soci::indicator* ind);
  Statement& into_base(Timestamp& out, soci::indicator* ind);
  Statement& into_base(CivilDate& out, soci::indicator* ind);
  Statement& into_base(Bytes& out, soci::indicator* ind);
  template <StoredEnum E>
  Statement& into_base(E& out, soci::indicator* ind) {
    return into_text([&out](const std::string& s) { out = parse_enum<E>(s); }, ind);
  }
  template <StoredEnum E>
  static E parse_enum(const std::string& s) {
    auto e = enum_from_text<E>(s);
    if (!e) throw_corrupt("未知的枚举值");
    return *e;
  }
  [[noreturn]] static void throw_corrupt(std::string_view what);
  Statement& into_text(std::function<void(const std::string&)> convert, soci::indicator* ind);
  Statement& into_int(std::function<void(long long)> convert, soci::indicator* ind);
  void run_after_fetch();

  Transaction& tx_;
  std::string sql_;
  StatementCache* cache_;               // SQLite: where the prepared statement comes from and goes back
  std::unique_ptr<soci::statement> st_;
  bool prepared_ = false;               // taken from the cache already prepared, or prepared here
  bool broken_ = false;                 // threw while running: never given back
  // Stable storage for bound values and fetch buffers (std::deque never moves its elements).
  std::deque<std::string> strings_;
  std::deque<long long> ints_;
  std::deque<soci::indicator> indicators_;
  std::vector<std::unique_ptr<soci::blob>> blobs_;
  std::vector<std::function<void()>> after_fetch_;  // run in order after every fetched row
};

}  // namespace rc::store
