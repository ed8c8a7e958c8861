#pragma once
// The input of the retake rules engine (RULES.md "The rules interface"): a candidate's full
// history, typed. Parsed once at the edge (app/rules_evaluation) and never as raw strings here.
//
// Order carries no meaning: the engine sorts sittings by date, then by SittingKind order below,
// so listing them differently gives the same decision (and registrations by registered_on).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/civil_date.h"

namespace rc::rules {

enum class Subject { kTheory, kPractical };

// Declared in the order same-day sittings of one subject happen: a make-up or first attempt comes
// before the on-site retake it may open (R12b), and retakes last.
enum class SittingKind { kFirst, kMakeup, kOnsiteRetake, kRetake };

enum class Outcome {
  kPass,
  kFail,
  kAbsent,    // includes arriving too late (D11)
  kDeclined,  // an on-site retake turned down (D4); on-site retakes only
  kVoid,      // cheating or a discipline violation (D12)
};

struct Sitting {
  Subject subject = Subject::kTheory;
  CivilDate date;
  SittingKind kind = SittingKind::kFirst;
  Outcome outcome = Outcome::kPass;
  // Informative only (the outcome decides): thousandths of a point, 0..100000.
  std::optional<std::int64_t> score_milli;
};

struct Registration {
  CivilDate registered_on;
  bool fee_paid = true;  // D15
  std::vector<Sitting> sittings;
};

struct History {
  CivilDate today;  // the evaluation date (an input: the engine never reads a clock)
  CivilDate birth_date;
  std::optional<std::string> policy;  // a policy id; otherwise chosen per registration by D18
  std::vector<Registration> registrations;
};

// Limits on what one history may hold (bad or hostile input is refused with kTooLarge). A real
// registration has at most 7 sittings (theory: first, make-up, retake; practical: first, make-up,
// on-site retake, retake).
inline constexpr std::size_t kMaxRegistrations = 100;
inline constexpr std::size_t kMaxSittingsPerRegistration = 50;

// Codes as in the JSON interface ("theory", "onsite_retake", "declined"...).
std::string_view code(Subject s);
std::string_view code(SittingKind k);
std::string_view code(Outcome o);
std::optional<Subject> subject_from_code(std::string_view text);
std::optional<SittingKind> kind_from_code(std::string_view text);
std::optional<Outcome> outcome_from_code(std::string_view text);

// Chinese names for explanations: "理论知识考试", "技能考核"; "补考", "缺考补考", "现场补考", "首次考试".
std::string_view name_zh(Subject s);
std::string_view name_zh(SittingKind k);

}  // namespace rc::rules
