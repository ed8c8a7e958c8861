#include "identity/session_store.h"

#include <algorithm>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "identity/secret_digest.h"
#include "identity/session_sql.h"
#include "identity/timestamps.h"
#include "store/records.h"
#include "store/statement.h"
#include "store/storage_error.h"

namespace rc::identity {
namespace {

constexpr std::size_t kTokenChars = 43;  // 32 bytes in base64url
constexpr std::chrono::minutes kTouchEvery{1};
constexpr std::chrono::seconds kFlushTouchesEvery{5};
constexpr std::size_t kFlushTouchesAt = 1024;

std::string_view stage_text(Stage s) { return s == Stage::kFull ? "full" : "password"; }

bool well_formed(std::string_view token) {
  if (token.size() != kTokenChars) return false;
  return std::all_of(token.begin(), token.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

struct Row {
  store::Id id = 0;
  std::int64_t user_id = 0;
  std::string role;
  std::string stage;
  std::string csrf_token;
  store::Timestamp expires_at{};
  store::Timestamp last_seen_at{};
  bool disabled = false;
  std::string username;
  std::int64_t entity_id = 0;
};

enum class State { kUnknown, kEnded, kLive };
struct Lookup {
  State state = State::kUnknown;
  Row row;
};

bool has_ended(const Row& r, store::Timestamp now, std::chrono::minutes idle) {
  return now >= r.expires_at || now >= r.last_seen_at + idle || r.disabled;
}

// Reads the session of `token_hash` without writing.
Lookup peek(store::Transaction& tx, const std::string& token_hash, store::Timestamp now, std::chrono::minutes idle) {
  Lookup out;
  Row& r = out.row;
  store::Statement st(tx, sql::kSelectSessionByToken);
  st.bind(token_hash).into(r.id).into(r.user_id).into(r.role).into(r.stage).into(r.csrf_token);
  st.into(r.expires_at).into(r.last_seen_at).into(r.disabled).into(r.username).into(r.entity_id);
  if (!st.execute()) return out;
  out.state = has_ended(r, now, idle) ? State::kEnded : State::kLive;
  return out;
}

// Reads the session of `token_hash`; deletes it when it has ended at `now`.
Lookup look_up(store::Transaction& tx, const std::string& token_hash, store::Timestamp now, std::chrono::minutes idle) {
  Lookup out = peek(tx, token_hash, now, idle);
  if (out.state == State::kEnded) {
    store::Statement del(tx, sql::kDeleteSessionById);
    del.bind(out.row.id);
    del.execute();
  }
  return out;
}

Session to_session(const Row& r, std::chrono::minutes idle) {
  return Session{r.user_id,    r.role,     r.stage == "full" ? Stage::kFull : Stage::kPasswordVerified,
                 r.csrf_token, from_stored(std::min(r.expires_at, r.last_seen_at + idle)),
                 r.username,   r.entity_id};
}

Error unknown() { return make_error(ErrorCode::kUnauthenticated, "session"); }
Error ended() { return make_error(ErrorCode::kSessionExpired, "session"); }

}  // namespace

bool csrf_token_matches(const Session& session, std::string_view submitted) {
  return !session.csrf_token.empty() && constant_time_equal(session.csrf_token, submitted);
}

// last_seen moves not yet written, by session row id.
struct SessionStore::Touches {
  std::mutex mutex;  // guards pending and last_flush
  std::unordered_map<std::int64_t, store::Timestamp> pending;
  store::Timestamp last_flush{};
  std::mutex writing;  // one writer of the batch at a time
};

SessionStore::SessionStore(store::Database& db, const Clock& clock, RandomSource& random, std::chrono::minutes idle,
                           std::chrono::hours absolute)
    : db_(db), clock_(clock), random_(random), idle_(idle), absolute_(absolute), touches_(std::make_unique<Touches>()) {}

// Pending moves are not written here: the database may already be gone (a crash loses them too,
// and costs at most a minute of idle time).
SessionStore::~SessionStore() = default;

void SessionStore::note_touch(std::int64_t session_id, std::chrono::sys_time<std::chrono::milliseconds> now) {
  bool due = false;
  {
    std::lock_guard lock(touches_->mutex);
    auto& at = touches_->pending[session_id];
    at = std::max(at, now);
    due = now - touches_->last_flush >= kFlushTouchesEvery || touches_->pending.size() >= kFlushTouchesAt;
  }
  if (due) flush_touches(false);
}

void SessionStore::flush_touches(bool wait) {
  std::unique_lock writing(touches_->writing, std::defer_lock);
  if (wait) writing.lock();
  else if (!writing.try_lock()) return;
  std::unordered_map<std::int64_t, store::Timestamp> batch;
  {
    std::lock_guard lock(touches_->mutex);
    batch.swap(touches_->pending);
    touches_->last_flush = to_stored(clock_.now());
  }
  if (batch.empty()) return;
  auto written = db_.transaction([&](store::Transaction& tx) -> Result<void> {
    return store::guarded("更新登录会话", [&]() -> Result<void> {
      for (const auto& [id, at] : batch) {
        store::Statement touch(tx, sql::kTouchSession);
        touch.bind(at).bind(id).bind(at);
        touch.execute();
      }
      return ok();
    });
  });
  if (!written) {  // keep them for the next attempt; a newer move wins
    std::lock_guard lock(touches_->mutex);
    for (const auto& [id, at] : batch) {
      auto& kept = touches_->pending[id];
      kept = std::max(kept, at);
    }
  }
}

Result<std::pair<std::string, Session>> SessionStore::create(std::int64_t user_id, std::string role, Stage stage,
                                                             std::string client_ip) {
  if (!store::enum_from_text<store::Role>(role)) return fail(ErrorCode::kInvalidValue, "role", "未知的角色");
  if (client_ip.size() > 64) client_ip.resize(64);
  std::string token = random_token(random_);
  std::string csrf = random_token(random_);
  const auto now = to_stored(clock_.now());
  const store::Timestamp expires =
      now + (stage == Stage::kFull ? std::chrono::duration_cast<std::chrono::minutes>(absolute_)
                                   : std::min<std::chrono::minutes>(kPasswordStageLifetime, absolute_));
  auto saved = db_.transaction([&](store::Transaction& tx) -> Result<void> {
    return store::guarded("保存登录会话", [&]() -> Result<void> {
      store::Statement st(tx, sql::kInsertSession);
      st.bind(sha256_hex(token)).bind(user_id).bind(role).bind(stage_text(stage)).bind(csrf);
      st.bind(now).bind(expires).bind(now).bind(client_ip);
      st.execute();
      return ok();
    });
  });
  if (!saved) return fail(saved.error());
  Session s{user_id, std::move(role), stage, std::move(csrf), from_stored(std::min(expires, now + idle_)), {}, 0};
  return std::pair{std::move(token), std::move(s)};
}

Result<Session> SessionStore::find(std::string_view token) {
  if (!well_formed(token)) return fail(unknown());
  const std::string hash = sha256_hex(token);
  const auto now = to_stored(clock_.now());
  // Most requests only read. A pending (not yet written) last_seen move counts as written, so
  // that batching never ends a session early; a session that has ended is deleted at once.
  auto found = db_.read([&](store::Transaction& tx) -> Result<Lookup> {
    return store::guarded("读取登录会话", [&]() -> Result<Lookup> { return peek(tx, hash, now, idle_); });
  });
  if (found && found->state != State::kUnknown) {
    std::lock_guard lock(touches_->mutex);
    auto it = touches_->pending.find(found->row.id);
    if (it != touches_->pending.end() && it->second > found->row.last_seen_at) {
      found->row.last_seen_at = it->second;
      found->state = has_ended(found->row, now, idle_) ? State::kEnded : State::kLive;
    }
  }
  if (found && found->state == State::kEnded) {
    found = db_.transaction([&](store::Transaction& tx) -> Result<Lookup> {
      return store::guarded("读取登录会话", [&]() -> Result<Lookup> { return look_up(tx, hash, now, idle_); });
    });
  }
  if (found && found->state == State::kLive && now - found->row.last_seen_at >= kTouchEvery) {
    note_touch(found->row.id, now);
    found->row.last_seen_at = now;
  }
  if (!found) return fail(found.error());
  if (found->state == State::kUnknown) return fail(unknown());
  if (found->state == State::kEnded) return fail(ended());
  return to_session(found->row, idle_);
}

Result<std::pair<std::string, Session>> SessionStore::promote(std::string_view token) {
  if (!well_formed(token)) return fail(unknown());
  const std::string hash = sha256_hex(token);
  std::string new_token = random_token(random_);
  std::string new_csrf = random_token(random_);
  const auto now = to_stored(clock_.now());
  const store::Timestamp expires = now + std::chrono::duration_cast<std::chrono::minutes>(absolute_);
  auto promoted = db_.transaction([&](store::Transaction& tx) -> Result<Lookup> {
    return store::guarded("更新登录会话", [&]() -> Result<Lookup> {
      Lookup l = look_up(tx, hash, now, idle_);
      if (l.state != State::kLive || l.row.stage != "password") return l;
      store::Statement st(tx, sql::kPromoteSession);
      st.bind(sha256_hex(new_token)).bind(new_csrf).bind(expires).bind(now).bind(l.row.id);
      st.execute();
      if (st.affected_rows() != 1) return fail(ErrorCode::kConflict, "session", "登录状态已变化，请重新登录");
      l.row.stage = "full";
      l.row.csrf_token = new_csrf;
      l.row.expires_at = expires;
      l.row.last_seen_at = now;
      return l;
    });
  });
  if (!promoted) return fail(promoted.error());
  if (promoted->state == State::kUnknown) return fail(unknown());
  if (promoted->state == State::kEnded) return fail(ended());
  if (promoted->row.csrf_token != new_csrf) return fail(ErrorCode::kConflict, "session", "已完成登录，无需再次验证");
  return std::pair{std::move(new_token), to_session(promoted->row, idle_)};
}

void SessionStore::destroy(std::string_view token) {
  if (!well_formed(token)) return;
  const std::string hash = sha256_hex(token);
  // Best effort: a failed delete leaves a session that still ends by its idle limit.
  (void)db_.transaction([&](store::Transaction& tx) -> Result<void> {
    return store::guarded("注销登录会话", [&]() -> Result<void> {
      store::Statement st(tx, sql::kDeleteSessionByToken);
      st.bind(hash);
      st.execute();
      return ok();
    });
  });
}

Result<int> SessionStore::destroy_all_for_user(std::int64_t user_id) {
  return db_.transaction([&](store::Transaction& tx) -> Result<int> {
    return store::guarded("注销账号的全部会话", [&]() -> Result<int> {
      store::Statement st(tx, sql::kDeleteSessionsOfUser);
      st.bind(user_id);
      st.execute();
      return static_cast<int>(st.affected_rows());
    });
  });
}

Result<int> SessionStore::purge_expired() {
  flush_touches(true);
  const auto now = to_stored(clock_.now());
  return db_.transaction([&](store::Transaction& tx) -> Result<int> {
    return store::guarded("清理过期会话", [&]() -> Result<int> {
      store::Statement st(tx, sql::kDeleteEndedSessions);
      st.bind(now).bind(now - idle_);
      st.execute();
      return static_cast<int>(st.affected_rows());
    });
  });
}

}  // namespace rc::identity
