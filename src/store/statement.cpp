#include "store/statement.h"

#include "store/statement_cache.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// PostgreSQL bytea travels as text in hex format: "\x" followed by two digits per byte.
std::string to_bytea_hex(const Bytes& bytes) {
  std::string out = "\\x";
  out.reserve(2 + bytes.size() * 2);
  for (std::uint8_t b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0xf]);
  }
  return out;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Bytes from_bytea_hex(const std::string& text) {
  if (text.size() < 2 || text[0] != '\\' || text[1] != 'x' || text.size() % 2 != 0)
    throw CorruptValue("bytea 不是十六进制格式");
  Bytes out;
  out.reserve((text.size() - 2) / 2);
  for (std::size_t i = 2; i < text.size(); i += 2) {
    int hi = hex_digit(text[i]), lo = hex_digit(text[i + 1]);
    if (hi < 0 || lo < 0) throw CorruptValue("bytea 含有非十六进制字符");
    out.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
  }
  return out;
}

}  // namespace

Statement::Statement(Transaction& tx, std::string_view sql) : tx_(tx), sql_(sql), cache_(tx.statement_cache()) {
  if (cache_) st_ = cache_->take(sql_);
  if (st_) prepared_ = true;
  else st_ = std::make_unique<soci::statement>(tx.session());
}

Statement::~Statement() {
  // Only while the transaction holds the session: after it, the slot may be another thread's.
  if (cache_ && prepared_ && !broken_ && tx_.active()) cache_->give_back(sql_, std::move(st_));
}

Statement& Statement::bind(std::string_view v) {
  st_->exchange(soci::use(strings_.emplace_back(v)));
  return *this;
}

Statement& Statement::bind(std::int64_t v) {
  st_->exchange(soci::use(ints_.emplace_back(v)));
  return *this;
}

Statement& Statement::bind(const Bytes& v) {
  if (tx_.backend() == Backend::kPostgresql) return bind(std::string_view(to_bytea_hex(v)));
  if (v.empty()) {
    // SOCI binds an empty blob as NULL; an empty text keeps "no bytes" distinct from "none".
    return bind(std::string_view());
  }
  auto& blob = blobs_.emplace_back(std::make_unique<soci::blob>(tx_.session()));
  blob->write(0, reinterpret_cast<const char*>(v.data()), v.size());
  st_->exchange(soci::use(*blob));
  return *this;
}

Statement& Statement::bind_null() {
  auto& ind = indicators_.emplace_back(soci::i_null);
  st_->exchange(soci::use(strings_.emplace_back(), ind));
  return *this;
}

Statement& Statement::into_text(std::function<void(const std::string&)> convert, soci::indicator* ind) {
  std::string& buffer = strings_.emplace_back();
  if (ind) st_->exchange(soci::into(buffer, *ind));
  else st_->exchange(soci::into(buffer));
  after_fetch_.push_back([&buffer, ind, convert = std::move(convert)] {
    if (!ind || *ind != soci::i_null) convert(buffer);
  });
  return *this;
}

Statement& Statement::into_int(std::function<void(long long)> convert, soci::indicator* ind) {
  long long& buffer = ints_.emplace_back(0);
  if (ind) st_->exchange(soci::into(buffer, *ind));
  else st_->exchange(soci::into(buffer));
  after_fetch_.push_back([&buffer, ind, convert = std::move(convert)] {
    if (!ind || *ind != soci::i_null) convert(buffer);
  });
  return *this;
}

Statement& Statement::into_base(std::string& out, soci::indicator* ind) {
  return into_text([&out](const std::string& s) { out = s; }, ind);
}

Statement& Statement::into_base(std::int64_t& out, soci::indicator* ind) {
  return into_int([&out](long long v) { out = v; }, ind);
}

Statement& Statement::into_base(int& out, soci::indicator* ind) {
  return into_int(
      [&out](long long v) {
        if (v < INT32_MIN || v > INT32_MAX) throw_corrupt("整数超出范围");
        out = static_cast<int>(v);
      },
      ind);
}

Statement& Statement::into_base(bool& out, soci::indicator* ind) {
  return into_int([&out](long long v) { out = v != 0; }, ind);
}

Statement& Statement::into_base(Timestamp& out, soci::indicator* ind) {
  return into_int([&out](long long v) { out = Timestamp(std::chrono::milliseconds(v)); }, ind);
}

Statement& Statement::into_base(CivilDate& out, soci::indicator* ind) {
  return into_text(
      [&out](const std::string& s) {
        auto d = CivilDate::parse(s);
        if (!d) throw_corrupt("日期格式错误");
        out = *d;
      },
      ind);
}

Statement& Statement::into_base(Bytes& out, soci::indicator* ind) {
  bool hex = tx_.backend() == Backend::kPostgresql;
  return into_text(
      [&out, hex](const std::string& s) {
        if (hex) out = from_bytea_hex(s);
        else out.assign(s.begin(), s.end());
      },
      ind);
}

void Statement::throw_corrupt(std::string_view what) { throw CorruptValue(std::string(what)); }

bool Statement::execute() {
  broken_ = true;  // until it has run
  if (!prepared_) {
    st_->alloc();
    // PostgreSQL: one-time, run unnamed, so no server-side prepared statement piles up per
    // session. SQLite: kept in the session's cache for the next Statement with this SQL.
    st_->prepare(sql_, cache_ ? soci::details::st_repeatable_query : soci::details::st_one_time_query);
    prepared_ = true;
  }
  st_->define_and_bind();
  bool got = st_->execute(true);
  if (got) run_after_fetch();
  broken_ = false;
  return got;
}

bool Statement::fetch() {
  broken_ = true;
  bool got = st_->fetch();
  if (got) run_after_fetch();
  broken_ = false;
  return got;
}

long long Statement::affected_rows() { return st_->get_affected_rows(); }

void Statement::run_after_fetch() {
  for (auto& f : after_fetch_) f();
}

}  // namespace rc::store
