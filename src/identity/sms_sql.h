#pragma once
// SQL of the SMS outbox and SmsCodeService (identity/outbox_sms_provider.cpp, sms_code_service.cpp).

#include <string_view>

namespace rc::identity::sql {

inline constexpr std::string_view kInsertOutboxMessage =
    "INSERT INTO sms_outbox (phone, text, purpose, created_at, provider, status)"
    " VALUES (:phone, :text, :purpose, :created_at, :provider, :status)";
inline constexpr std::string_view kSelectRecentOutbox =
    "SELECT id, phone, text, purpose, created_at, provider, status FROM sms_outbox"
    " ORDER BY created_at DESC, id DESC LIMIT :limit";

// PostgreSQL: serialises issues for one phone (SQLite's BEGIN IMMEDIATE already does).
inline constexpr std::string_view kLockPhonePostgresql = "SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS l";

inline constexpr std::string_view kCountCodesForPhoneSince =
    "SELECT COUNT(*) FROM sms_codes WHERE phone = :phone AND created_at > :since";
inline constexpr std::string_view kOldestCodeForPhoneSince =
    "SELECT MIN(created_at) FROM sms_codes WHERE phone = :phone AND created_at > :since";
inline constexpr std::string_view kCountCodesForIpSince =
    "SELECT COUNT(*) FROM sms_codes WHERE client_ip = :ip AND created_at > :since";
inline constexpr std::string_view kOldestCodeForIpSince =
    "SELECT MIN(created_at) FROM sms_codes WHERE client_ip = :ip AND created_at > :since";

// A new code voids the earlier unused ones of the same phone and purpose.
inline constexpr std::string_view kVoidEarlierCodes =
    "UPDATE sms_codes SET used_at = :now WHERE phone = :phone AND purpose = :purpose AND used_at IS NULL";
inline constexpr std::string_view kInsertCode =
    "INSERT INTO sms_codes (phone, purpose, code_hash, client_ip, created_at, expires_at, attempts)"
    " VALUES (:phone, :purpose, :code_hash, :client_ip, :created_at, :expires_at, 0) RETURNING id";
inline constexpr std::string_view kVoidCode = "UPDATE sms_codes SET used_at = :now WHERE id = :id";
// Rows older than the longest window (24 h) count for nothing; kept two days for inspection.
inline constexpr std::string_view kDeleteOldCodes = "DELETE FROM sms_codes WHERE created_at < :cutoff";

inline constexpr std::string_view kSelectLiveCode =
    "SELECT id, code_hash FROM sms_codes WHERE phone = :phone AND purpose = :purpose AND used_at IS NULL"
    " AND expires_at > :now ORDER BY created_at DESC, id DESC LIMIT 1";
// Spends one attempt, atomically: no row changes once the attempts are spent.
inline constexpr std::string_view kSpendAttempt =
    "UPDATE sms_codes SET attempts = attempts + 1 WHERE id = :id AND used_at IS NULL AND attempts < :max_attempts";
inline constexpr std::string_view kUseCode = "UPDATE sms_codes SET used_at = :now WHERE id = :id AND used_at IS NULL";

}  // namespace rc::identity::sql
