#pragma once
// RegistrationRun: replays one registration's sittings in canonical order (date, then kind order,
// then subject, then outcome — so the listing order of the input never matters) through the two
// SubjectTracks, and owns what involves both subjects: eligibility on the registration day (D14),
// the fee of a re-registration (D15), the void double absence (R12f), D6 expiry and completion,
// and the end of the registration (after which no sitting may be dated).
//
// Not thread-safe; one per evaluation.

#include <cstddef>
#include <optional>
#include <string>

#include "domain/common/result.h"
#include "domain/policy/policy.h"
#include "domain/rules/decision.h"
#include "domain/rules/subject_track.h"

namespace rc::rules {

// Why and when a registration ended: `last_day` is the last day a sitting could still be dated.
struct Ending {
  CivilDate last_day;
  std::string_view rule;
  Subject subject = Subject::kTheory;  // the subject whose state ended it
};

class RegistrationRun {
 public:
  // `index`: the registration's position in the input (for error paths); `is_first`: no earlier
  // registration exists (D15 applies to re-registrations).
  RegistrationRun(const Registration& reg, std::size_t index, bool is_first, CivilDate birth_date, const Policy& policy);

  // Replays every sitting up to `until` (inclusive) and lets time pass to `until`. When the
  // registration is the latest, `until` is the evaluation date; otherwise the next registration's
  // date, and a sitting after it is out of order.
  [[nodiscard]] Result<void> replay(CivilDate until, bool is_latest);

  RegistrationStatus status() const;
  const Policy& policy() const { return policy_; }
  const Registration& registration() const { return reg_; }
  bool is_first() const { return is_first_; }
  const SubjectTrack& track(Subject s) const { return s == Subject::kTheory ? theory_ : practical_; }
  const std::optional<Ending>& ending() const { return ending_; }
  std::optional<CivilDate> void_on() const { return void_on_; }
  std::optional<CivilDate> completed_on() const { return completed_on_; }
  // The D14 refusal, when the candidate was not eligible on the registration day.
  const std::optional<Error>& ineligibility() const { return ineligible_; }

 private:
  std::string sitting_field(std::size_t j) const;
  Result<void> check_dates(const std::vector<std::size_t>& order, CivilDate until, bool is_latest) const;
  void advance_to(CivilDate date);
  void after_sitting(const Sitting& s);
  void end(CivilDate last_day, std::string_view rule, Subject subject);
  bool frozen() const { return ending_ || void_on_ || completed_on_; }
  SubjectTrack& mutable_track(Subject s) { return s == Subject::kTheory ? theory_ : practical_; }

  const Registration& reg_;
  std::size_t index_;
  bool is_first_;
  const Policy& policy_;
  SubjectTrack theory_;
  SubjectTrack practical_;
  std::optional<Error> ineligible_;
  std::optional<Ending> ending_;
  std::optional<CivilDate> void_on_;
  std::optional<CivilDate> completed_on_;
};

// Sitting indices in canonical order: date, kind (SittingKind order), subject, outcome; stable.
std::vector<std::size_t> canonical_order(const std::vector<Sitting>& sittings);

}  // namespace rc::rules
