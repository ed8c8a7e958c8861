#pragma once
// SQL of SessionStore (identity/session_store.cpp).

#include <string_view>

namespace rc::identity::sql {

inline constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, role, stage, csrf_token, created_at, expires_at, last_seen_at, "
    "client_ip)"
    " VALUES (:token_hash, :user_id, :role, :stage, :csrf_token, :created_at, :expires_at, :last_seen_at, :client_ip)";

// The account comes along: a disabled account's sessions end at once, and the page header's name
// and the linked candidate/organisation/station need no second query.
inline constexpr std::string_view kSelectSessionByToken =
    "SELECT s.id, s.user_id, s.role, s.stage, s.csrf_token, s.expires_at, s.last_seen_at, u.disabled, u.username,"
    " COALESCE(u.candidate_id, u.organisation_id, u.station_id, 0)"
    " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = :token_hash";

// Never moves last_seen backwards (a batch may be older than a write made since).
inline constexpr std::string_view kTouchSession =
    "UPDATE sessions SET last_seen_at = :now WHERE id = :id AND last_seen_at < :now2";

inline constexpr std::string_view kPromoteSession =
    "UPDATE sessions SET token_hash = :new_hash, stage = 'full', csrf_token = :csrf_token, expires_at = :expires_at,"
    " last_seen_at = :now WHERE id = :id AND stage = 'password'";

inline constexpr std::string_view kDeleteSessionById = "DELETE FROM sessions WHERE id = :id";
inline constexpr std::string_view kDeleteSessionByToken = "DELETE FROM sessions WHERE token_hash = :token_hash";
inline constexpr std::string_view kDeleteSessionsOfUser = "DELETE FROM sessions WHERE user_id = :user_id";
inline constexpr std::string_view kDeleteEndedSessions =
    "DELETE FROM sessions WHERE expires_at <= :now OR last_seen_at <= :idle_cutoff";

}  // namespace rc::identity::sql
