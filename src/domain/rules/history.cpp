#include "domain/rules/history.h"

#include <array>
#include <utility>

#include "domain/rules/decision.h"

namespace rc::rules {
namespace {

template <class E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view text) {
  for (const auto& [value, name] : table)
    if (name == text) return value;
  return std::nullopt;
}

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "?";
}

constexpr std::array<std::pair<Subject, std::string_view>, 2> kSubjects{{
    {Subject::kTheory, "theory"},
    {Subject::kPractical, "practical"},
}};
constexpr std::array<std::pair<SittingKind, std::string_view>, 4> kKinds{{
    {SittingKind::kFirst, "first"},
    {SittingKind::kMakeup, "makeup"},
    {SittingKind::kOnsiteRetake, "onsite_retake"},
    {SittingKind::kRetake, "retake"},
}};
constexpr std::array<std::pair<Outcome, std::string_view>, 5> kOutcomes{{
    {Outcome::kPass, "pass"},
    {Outcome::kFail, "fail"},
    {Outcome::kAbsent, "absent"},
    {Outcome::kDeclined, "declined"},
    {Outcome::kVoid, "void"},
}};
constexpr std::array<std::pair<RegistrationStatus, std::string_view>, 5> kRegistrationStatuses{{
    {RegistrationStatus::kActive, "active"},
    {RegistrationStatus::kCompleted, "completed"},
    {RegistrationStatus::kVoid, "void"},
    {RegistrationStatus::kEnded, "ended"},
    {RegistrationStatus::kIneligible, "ineligible"},
}};
constexpr std::array<std::pair<SubjectStatus, std::string_view>, 7> kSubjectStatuses{{
    {SubjectStatus::kPending, "pending"},
    {SubjectStatus::kPassed, "passed"},
    {SubjectStatus::kOnsiteRetakeAvailable, "onsite_retake_available"},
    {SubjectStatus::kRetakeAvailable, "retake_available"},
    {SubjectStatus::kExhausted, "exhausted"},
    {SubjectStatus::kForfeited, "forfeited"},
    {SubjectStatus::kExpired, "expired"},
}};

}  // namespace

std::string_view code(Subject s) { return name_of(kSubjects, s); }
std::string_view code(SittingKind k) { return name_of(kKinds, k); }
std::string_view code(Outcome o) { return name_of(kOutcomes, o); }
std::string_view code(RegistrationStatus s) { return name_of(kRegistrationStatuses, s); }
std::string_view code(SubjectStatus s) { return name_of(kSubjectStatuses, s); }
std::optional<Subject> subject_from_code(std::string_view t) { return lookup(kSubjects, t); }
std::optional<SittingKind> kind_from_code(std::string_view t) { return lookup(kKinds, t); }
std::optional<Outcome> outcome_from_code(std::string_view t) { return lookup(kOutcomes, t); }

std::string_view name_zh(Subject s) { return s == Subject::kTheory ? "理论知识考试" : "技能考核"; }

std::string_view name_zh(SittingKind k) {
  switch (k) {
    case SittingKind::kFirst: return "首次考试";
    case SittingKind::kMakeup: return "缺考补考";
    case SittingKind::kOnsiteRetake: return "现场补考";
    case SittingKind::kRetake: return "补考";
  }
  return "?";
}

}  // namespace rc::rules
