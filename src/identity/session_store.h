#pragma once
// Server-side sessions (web platform: HttpOnly cookie holding an opaque token). A token is 32
// random bytes in base64url; only its SHA-256 is stored, so a copy of the database logs nobody
// in. Each session carries its CSRF token for the forms of its pages.
//
// Login is two steps (F3): the password makes a kPasswordVerified session (10 minutes at most,
// enough for the SMS code), and promote() makes it kFull under a NEW token (no session fixation:
// a token seen before the second factor is worthless after it). A session ends after `idle`
// without use or `absolute` after its start, whichever comes first, or when its account is
// disabled.
//
// Thread safety: every member may be called from any thread (each runs its own transaction).
// The RandomSource must be safe for those threads (SecureRandom is).

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "domain/common/clock.h"
#include "domain/common/random.h"
#include "domain/common/result.h"
#include "store/database.h"

namespace rc::identity {

enum class Stage {
  kPasswordVerified,  // password right, SMS code still due
  kFull,              // logged in
};

struct Session {
  std::int64_t user_id = 0;
  std::string role;  // store::Role text: "candidate", "station", ...
  Stage stage = Stage::kPasswordVerified;
  std::string csrf_token;
  std::chrono::system_clock::time_point expires_at;  // the sooner of the idle and absolute ends
  // Filled by find() from the account row (empty/0 from create() and promote()).
  std::string username;
  std::int64_t entity_id = 0;  // the linked candidate, organisation or station id; 0 for none
};

inline constexpr std::chrono::minutes kPasswordStageLifetime{10};

// Constant-time comparison of a submitted CSRF token with the session's.
bool csrf_token_matches(const Session& session, std::string_view submitted);

class SessionStore {
 public:
  SessionStore(store::Database& db, const Clock& clock, RandomSource& random,
               std::chrono::minutes idle = std::chrono::minutes(30),
               std::chrono::hours absolute = std::chrono::hours(12));

  // The new token (for the cookie) and its session. kInvalidValue for an unknown role.
  [[nodiscard]] Result<std::pair<std::string, Session>> create(std::int64_t user_id, std::string role, Stage stage,
                                                               std::string client_ip);
  // The live session of `token`, noting the use. last_seen moves at most once a minute per
  // session, and the moves are written in batches (at most every 5 s, or at 1,024 pending), so
  // a busy server makes one write for many sessions instead of one each: most requests cost
  // one read transaction. A crash or shutdown forgets at most the last batch (sessions then end up to a
  // minute early, never late). kUnauthenticated for an unknown or malformed token; kSessionExpired for one that has ended
  // (it is deleted).
  [[nodiscard]] Result<Session> find(std::string_view token);
  // kPasswordVerified -> kFull under a new token and CSRF token; the old token stops working.
  // Errors as find(), and kConflict when the session is already kFull.
  [[nodiscard]] Result<std::pair<std::string, Session>> promote(std::string_view token);
  // Logs out; unknown tokens are ignored.
  void destroy(std::string_view token);
  // Logs an account out everywhere (after a password change); the number of sessions ended.
  [[nodiscard]] Result<int> destroy_all_for_user(std::int64_t user_id);
  // Deletes every ended session (after writing the pending last_seen moves); for a periodic job.
  // The number deleted.
  [[nodiscard]] Result<int> purge_expired();
  ~SessionStore();

 private:
  store::Database& db_;
  const Clock& clock_;
  RandomSource& random_;
  std::chrono::minutes idle_;
  std::chrono::hours absolute_;
  struct Touches;
  std::unique_ptr<Touches> touches_;
  void note_touch(std::int64_t session_id, std::chrono::sys_time<std::chrono::milliseconds> now);
  // Writes the pending last_seen moves in one transaction. wait=false: skip if another thread
  // is already writing them.
  void flush_touches(bool wait);
};

}  // namespace rc::identity
