#pragma once
// Use case "item analysis of a sitting" (F11): the marked theory attempts of one sitting, read
// from the store (sealed papers and their saved answer steps, marked again exactly as the marker
// did), analysed by exam/item_analysis.h: facility, corrected item-total discrimination, KR-20,
// distractor tables (upper and lower 27% groups) and flags against the configured bounds
// (exam.analysis.* in the configuration, app/config.h). Also as a .xlsx, one row per item.
//
// Who: the sitting's station, or an administrator. Aggregates only: no personal data.
// Thread-safe as its Database.

#include <map>
#include <string>
#include <utility>

#include "app/config.h"
#include "app/registration/actor.h"
#include "domain/policy/policy_catalog.h"
#include "exam/item_analysis.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::app {

struct AnalysedItemInfo {
  std::string stem;
  exam::KnowledgeArea area = exam::KnowledgeArea::kBasics;
};

struct SittingItemAnalysis {
  store::Sitting sitting;
  exam::AnalysisBounds bounds;
  exam::ItemAnalysis analysis;
  std::map<std::pair<std::string, int>, AnalysedItemInfo> items;  // (code, version) -> what it asked
};

// The configured flag bounds (exam.analysis_* percentages).
exam::AnalysisBounds analysis_bounds(const Config& config);

// kNotFound for an unknown sitting; kForbidden for another station's; bounds errors as
// exam::analyse_items reports them. No marked attempt: an analysis of 0 candidates.
[[nodiscard]] Result<SittingItemAnalysis> sitting_item_analysis(store::Database& db, const PolicyCatalog& policies,
                                                                const Actor& actor, store::Id sitting_id,
                                                                const exam::AnalysisBounds& bounds);

// The per-item table as a workbook ("试题分析"), with the paper's figures on the instructions sheet.
[[nodiscard]] Result<std::string> item_analysis_workbook(const SittingItemAnalysis& a);

}  // namespace rc::app
