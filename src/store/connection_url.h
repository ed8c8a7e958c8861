#pragma once
// Parses the storage connection string into a backend and the string SOCI's backend opens.
// Pure: no I/O. Accepted forms:
//   sqlite:///abs/path.db  sqlite://relative/path.db  sqlite::memory:
//   postgresql://... or postgres://...   a libpq URI (parsed by libpq into the keyword form)
//   postgresql: host=... port=... ...    the libpq keyword form after the colon

#include <string>
#include <string_view>

#include "domain/common/result.h"

namespace rc::store {

enum class Backend { kSqlite, kPostgresql };

std::string_view backend_name(Backend backend);  // "sqlite" | "postgresql"

struct ConnectionTarget {
  Backend backend = Backend::kSqlite;
  std::string soci_connect;  // SOCI sqlite3: db="..."; PostgreSQL: libpq keyword form
  bool in_memory = false;    // sqlite::memory: — each session would be its own database
};

// kInvalidValue (field "database.url") with a Chinese message naming the accepted forms.
[[nodiscard]] Result<ConnectionTarget> parse_connection_url(std::string_view url);

}  // namespace rc::store
