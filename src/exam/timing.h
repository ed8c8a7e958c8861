#pragma once
// The attempt's clock rules (F10, R6, D11), as pure functions of `now`: the server owns the
// time, so remaining time is always computed here from recorded instants, never counted down by
// a browser. Thread-safe.
//
// Decisions (say so if a station wants otherwise):
// - Every candidate of a session ends at the session's end (start + duration), plus any individual
//   extension recorded by the proctor (an incident, a machine swap). A late arrival admitted under
//   D11 does not get the missed minutes back, as in a paper exam room.
// - The deadline itself is the first instant at which answers are refused; auto-submit is due then.
// - D11: arriving more than `late_arrival_minutes` after the start is absence; exactly at the
//   limit is still admitted.

#include <chrono>

#include "domain/common/result.h"

namespace rc::exam {

using Instant = std::chrono::system_clock::time_point;

struct AttemptWindow {
  Instant session_start{};
  std::chrono::minutes duration{100};    // policy.theory.duration_minutes
  std::chrono::seconds extension{0};     // granted to this attempt, >= 0

  Instant deadline() const { return session_start + duration + extension; }
};

// kInvalidValue: duration outside 1-1440 minutes, or an extension negative or longer than the
// duration itself (a typo, not a compensation).
[[nodiscard]] Result<AttemptWindow> make_attempt_window(Instant session_start, int duration_minutes,
                                                        std::chrono::seconds extension);

// Whole seconds left at `now`: the full time before the start, 0 from the deadline on. Rounded
// down so the page never shows time the server will not honour.
std::chrono::seconds remaining(const AttemptWindow& w, Instant now);
bool timed_out(const AttemptWindow& w, Instant now);
// When the server submits the attempt by itself.
inline Instant auto_submit_at(const AttemptWindow& w) { return w.deadline(); }

// An answer given at `now` may be saved: kWrongState before the start or from the deadline on
// (field "now", rule R6).
[[nodiscard]] Result<void> check_answer_time(const AttemptWindow& w, Instant now);

enum class Arrival { kAdmitted, kAbsent };
// D11, pure: admitted when arrival <= start + late_arrival_minutes (arrival before the start is
// admitted too). REQUIRES: late_arrival_minutes >= 0.
Arrival classify_arrival(Instant session_start, Instant arrival, int late_arrival_minutes);
// The same as a refusal for the check-in page: kWrongState, rule D11, with the minutes late.
[[nodiscard]] Result<void> check_admission(Instant session_start, Instant arrival, int late_arrival_minutes);

}  // namespace rc::exam
