#pragma once
// Test helpers: build rules::History values tersely and evaluate them against the shipped policies.
#include <string>

#include "domain/policy/policy_catalog.h"
#include "domain/rules/engine.h"

namespace rc::rules::testing {

inline CivilDate day(const char* text) { return CivilDate::parse(text).value(); }

inline const PolicyCatalog& shipped() {
  static const PolicyCatalog c = PolicyCatalog::embedded().value();
  return c;
}

inline Sitting sit(Subject s, const char* date, SittingKind k, Outcome o) { return Sitting{s, day(date), k, o, std::nullopt}; }
inline Sitting theory(const char* date, SittingKind k, Outcome o) { return sit(Subject::kTheory, date, k, o); }
inline Sitting practical(const char* date, SittingKind k, Outcome o) { return sit(Subject::kPractical, date, k, o); }

constexpr auto kFirst = SittingKind::kFirst;
constexpr auto kMakeup = SittingKind::kMakeup;
constexpr auto kOnsite = SittingKind::kOnsiteRetake;
constexpr auto kRetake = SittingKind::kRetake;
constexpr auto kPass = Outcome::kPass;
constexpr auto kFail = Outcome::kFail;
constexpr auto kAbsent = Outcome::kAbsent;
constexpr auto kDeclined = Outcome::kDeclined;
constexpr auto kVoid = Outcome::kVoid;

inline History one_registration(const char* today, const char* registered_on, std::vector<Sitting> sittings,
                                const char* birth = "1990-03-07") {
  History h;
  h.today = day(today);
  h.birth_date = day(birth);
  h.registrations.push_back(Registration{day(registered_on), true, std::move(sittings)});
  return h;
}

inline Result<Decision> run(const History& h) { return evaluate(h, shipped()); }

}  // namespace rc::rules::testing
