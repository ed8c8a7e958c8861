#include "exam/timing.h"

#include <string>

namespace rc::exam {

using std::chrono::duration_cast;
using std::chrono::minutes;
using std::chrono::seconds;

Result<AttemptWindow> make_attempt_window(Instant session_start, int duration_minutes, seconds extension) {
  if (duration_minutes < 1 || duration_minutes > 24 * 60)
    return fail(ErrorCode::kInvalidValue, "duration_minutes", "考试时长应在 1 到 1440 分钟之间（R6）", "R6");
  if (extension < seconds{0} || extension > minutes{duration_minutes})
    return fail(ErrorCode::kInvalidValue, "extension", "延长时间不能为负，也不能超过考试时长");
  return AttemptWindow{session_start, minutes{duration_minutes}, extension};
}

seconds remaining(const AttemptWindow& w, Instant now) {
  if (now <= w.session_start) return duration_cast<seconds>(w.duration + w.extension);
  if (now >= w.deadline()) return seconds{0};
  // floor of (deadline - now): a partial second is not promised
  return std::chrono::floor<seconds>(w.deadline() - now);
}

bool timed_out(const AttemptWindow& w, Instant now) { return now >= w.deadline(); }

Result<void> check_answer_time(const AttemptWindow& w, Instant now) {
  if (now < w.session_start) return fail(ErrorCode::kWrongState, "now", "考试尚未开始，不能作答", "R6");
  if (timed_out(w, now)) return fail(ErrorCode::kWrongState, "now", "考试时间已到，答案不再接受（已自动交卷）", "R6");
  return ok();
}

Arrival classify_arrival(Instant session_start, Instant arrival, int late_arrival_minutes) {
  return arrival <= session_start + minutes{late_arrival_minutes} ? Arrival::kAdmitted : Arrival::kAbsent;
}

Result<void> check_admission(Instant session_start, Instant arrival, int late_arrival_minutes) {
  if (classify_arrival(session_start, arrival, late_arrival_minutes) == Arrival::kAdmitted) return ok();
  const auto late = std::chrono::floor<minutes>(arrival - session_start).count();
  return fail(ErrorCode::kWrongState, "arrival",
              "开考后迟到 " + std::to_string(late) + " 分钟，超过 " + std::to_string(late_arrival_minutes) +
                  " 分钟，不得入场，按缺考处理（D11）",
              "D11");
}

}  // namespace rc::exam
