#pragma once
// Read use cases of results (F13, R8, D17): the candidate's own results, an organisation's
// candidates' results, a station's sittings with their publication state and each sitting's full
// results, and the station's .xlsx export of a sitting.
//
// Before publication day nobody but the station sees a score: lines of unpublished sittings reach
// candidates and organisations with score and outcome removed here (visible = false), so no page
// or API can leak them; asking for one directly is kResultNotPublished. Stations see every line
// with the sitting's state (未公布 / 已公布). Views of other people's results are audited as
// personal-data views (DOMAIN.md §4).
//
// Thread-safe: each call runs its own transaction.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/registration/actor.h"
#include "app/subject_label.h"  // subject_label, shared
#include "app/results/result_publication.h"
#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "store/database.h"
#include "store/result_records.h"

namespace rc::app {

struct ResultLine {
  store::ResultRow row;  // when !visible: outcome kPending and no score
  PublicationState state = PublicationState::kIncomplete;
  bool visible = false;
};

struct SittingResults {
  store::SittingResultSummary summary;
  PublicationState state = PublicationState::kIncomplete;
  std::optional<CivilDate> expected_publish_on;  // publication_day() when not recorded yet
  std::vector<ResultLine> lines;                  // empty in listings
};

struct ResultsFile {
  std::string file_name;
  std::string bytes;
};

std::string_view attempt_kind_label(store::AttemptKind k);  // 首次 / 现场补考 / 补考 / 缺考补考
std::string_view outcome_label(store::Outcome o);     // 合格 / 不合格 / 缺考 / ...

// The candidate's own lines, newest sitting first. kForbidden unless a candidate.
[[nodiscard]] Result<std::vector<ResultLine>> candidate_results(store::Database& db, const Clock& clock,
                                                                const Actor& actor);
// One of the candidate's own lines: kNotFound (not theirs or none), kResultNotPublished before
// publication day (R8, D17).
[[nodiscard]] Result<ResultLine> candidate_result(store::Database& db, const Clock& clock, const Actor& actor,
                                                  store::Id attempt_id);
// The organisation's candidates' lines (scores only once published). kForbidden unless an organisation.
[[nodiscard]] Result<std::vector<ResultLine>> organisation_results(store::Database& db, const Clock& clock,
                                                                   const Actor& actor);
// The station's sittings that have results. kForbidden unless a station user.
[[nodiscard]] Result<std::vector<SittingResults>> station_sittings(store::Database& db, const PolicyCatalog& policies,
                                                                   const Clock& clock, const Actor& actor);
// Every line of one of the station's sittings. kNotFound / kForbidden for another station's.
[[nodiscard]] Result<SittingResults> station_sitting_results(store::Database& db, const PolicyCatalog& policies,
                                                             const Clock& clock, const Actor& actor,
                                                             store::Id sitting_id);
// The same as an .xlsx workbook (masked ID numbers), audited.
[[nodiscard]] Result<ResultsFile> sitting_results_workbook(store::Database& db, const PolicyCatalog& policies,
                                                           const Clock& clock, const Actor& actor,
                                                           store::Id sitting_id);

}  // namespace rc::app
