#pragma once
// Use case: generate and seal the theory papers of a sitting before it (F9), one per assigned
// registration, each drawn from its own recorded seed with the blueprint of the registration's
// policy (D18), so the start of an exam costs no assembly work. A registration that already has
// a paper for the sitting keeps it (sealed papers never change): running this again only adds
// the missing ones. All papers are written in one transaction.
// Thread-safe (the random source must be, as SecureRandom is).

#include <vector>

#include "domain/common/clock.h"
#include "domain/common/random.h"
#include "domain/policy/policy_catalog.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::app {

struct PaperAssignment {
  store::Id registration_id = 0;
  store::AttemptKind kind = store::AttemptKind::kFirst;  // first, retake or makeup (not onsite_retake)
};

struct PreparedPapers {
  int created = 0;
  int kept = 0;  // already had one
};

// Papers are drawn from the reviewed items of the store's bank (app/exam/exam_bank.h), and the
// item versions each paper uses are recorded with it (V009 exam_paper_items): they are locked.
// kNotFound for an unknown sitting or registration; kWrongState when the sitting has no theory
// session or a registration is not approved; kExamBankShortfall (naming the knowledge area, the
// number needed and the number reviewed) when the bank cannot fill the blueprint.
[[nodiscard]] Result<PreparedPapers> prepare_exam_papers(store::Database& db, const Clock& clock,
                                                         const PolicyCatalog& policies, RandomSource& random,
                                                         store::Id sitting_id,
                                                         const std::vector<PaperAssignment>& assignments);

}  // namespace rc::app
