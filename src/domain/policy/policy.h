#pragma once
// Policy: one version of the appraisal rules as data (RULES.md "Policy versions"): levels open,
// eligibility, theory paper, practical scoring scheme, publication and filing delays, the retake
// windows, late arrival, fees, certificate validity and the registration cap. A registration follows
// the policy in force on its registration date (D18); see PolicyCatalog.
//
// Values are plain data, read once from a policy document (policy_json.h) and then immutable.
// Money is in fen (integer), windows in whole years counted per D2, delays in calendar days (D17).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/common/civil_date.h"
#include "domain/scoring/scoring_scheme.h"
#include "domain/scoring/theory_scoring.h"

namespace rc {

struct AgeLimits {
  int min_age = 18;             // R2
  std::optional<int> max_age;   // none by default (DOMAIN.md 1.1: reported upper limits disagree)
};

// "Within one year" windows (R12a, R12c, R12e) and the validity of a pass (D6), in years, each
// counted from the attempt that created it: last day = date.last_day_within_years(years) (D2).
struct RetakeWindows {
  int theory_retake_years = 1;     // R12a
  int practical_retake_years = 1;  // R12c
  int makeup_years = 1;            // R12e
  int pass_validity_years = 1;     // D6
};

struct Fees {
  std::int64_t exam_fee_fen = 0;    // 考务费, charged for every registration (D15)
  std::int64_t retake_fee_fen = 0;  // a retake (R12a/b/c); 0 = free
  std::int64_t makeup_fee_fen = 0;  // a make-up (R12e); 0 = free
  std::string note;
};

struct CertificateTerms {
  std::optional<int> validity_years;  // nullopt = valid for life
  bool provisional = false;           // the value comes from a draft, not a final text
  std::string note;
};

struct Policy {
  std::string id;  // "policy-2025"
  std::string title;
  std::string comment;
  bool provisional = false;  // the policy as a whole is a draft
  CivilDate effective_from;
  std::optional<CivilDate> effective_until;  // inclusive; nullopt = until superseded

  std::vector<int> open_levels;  // level codes (5 = 五级/初级工 ... 1 = 一级/高级技师), R1
  AgeLimits age;
  bool health_declaration_required = true;  // R2

  TheoryPaper theory;            // R6
  int late_arrival_minutes = 15;  // D11: later than this after the start counts as absent
  ScoringScheme practical;       // R7

  int publication_delay_days = 15;  // R8, D17
  int filing_delay_min_days = 20;   // R9
  int filing_delay_max_days = 30;   // R9

  RetakeWindows windows;
  Fees fees;
  CertificateTerms certificate;
  std::optional<int> registration_cap;  // D10: nullopt = no cap

  // effective_from <= d and (no effective_until or d <= effective_until).
  bool covers(CivilDate d) const {
    return effective_from <= d && (!effective_until || d <= *effective_until);
  }
};

}  // namespace rc
