#pragma once
// SQL of CaptchaService (identity/captcha.cpp).

#include <string_view>

namespace rc::identity::sql {

inline constexpr std::string_view kInsertCaptcha =
    "INSERT INTO captchas (id, answer_hash, created_at, expires_at) VALUES (:id, :answer_hash, :created_at, "
    ":expires_at)";

// Single use: the first check claims the row, right or wrong; an expired or used one is not claimed.
inline constexpr std::string_view kClaimCaptcha =
    "UPDATE captchas SET used_at = :now WHERE id = :id AND used_at IS NULL AND expires_at > :now2";

inline constexpr std::string_view kSelectCaptchaAnswer = "SELECT answer_hash FROM captchas WHERE id = :id";

// Housekeeping on every issue: rows past their expiry by an hour are of no further use.
inline constexpr std::string_view kDeleteOldCaptchas = "DELETE FROM captchas WHERE expires_at < :cutoff";

}  // namespace rc::identity::sql
