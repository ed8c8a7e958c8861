#pragma once
// Score sheets and their combination (RULES.md R7, F12). Each examiner of the group scores every
// checklist line of the items the candidate is assessed on (the mandatory ones and the drawn
// ones), in tenths of a point, and may mark veto items (一票否决). The group's sheets are combined
// per item by the scheme's method:
//   median — each item's median over the examiners (their number is odd: an exact middle), then
//            the R7 formula on those item scores;
//   mean   — the R7 formula on each examiner's sheet, then the mean of the totals (the formula is
//            linear, so this is the formula on the items' means), kept as an exact fraction.
// The total is exact (num / den in PracticalScore units of 1e-9 point); pass = total >= pass mark
// and no veto counted (majority or any, per scheme); shown with one decimal, half-up, never shown
// as reaching the pass mark when it does not. An item is flagged divergent when two examiners'
// scores of it differ by more than the scheme's percentage of its maximum.
// Pure; thread-safe.

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/common/result.h"
#include "practical/assessment_scheme.h"
#include "practical/draw.h"

namespace rc::practical {

struct ScoreSheet {
  std::map<std::string, int> line_tenths;  // key "item_id.line_id" -> tenths of a point
  std::set<std::string> vetoes;            // veto ids marked
};

// The sheet is complete and in range for this draw: every line of every assessed item once,
// nothing else, 0 <= tenths <= points*10; vetoes known and of assessed items. Errors name the
// line: kMissingField / kInvalidValue / kScoreOutOfRange with field "lines.<item>.<line>".
[[nodiscard]] Result<void> check_sheet(const AssessmentScheme& scheme, const Draw& draw, const ScoreSheet& sheet);
// Per assessed item, the sum of its lines (tenths). REQUIRES: check_sheet passed.
std::vector<ItemScore> sheet_item_scores(const AssessmentScheme& scheme, const Draw& draw, const ScoreSheet& sheet);

nlohmann::json sheet_to_json(const ScoreSheet& sheet);
[[nodiscard]] Result<ScoreSheet> sheet_from_json(const nlohmann::json& j);

struct CombinedItem {
  std::string item_id;
  std::int64_t tenths_num = 0;  // combined item score = tenths_num / den tenths
  std::int64_t den = 1;
  std::vector<int> examiner_tenths;  // in sheet order
  bool divergent = false;
};

struct CombinedResult {
  CombineMethod method = CombineMethod::kMedian;
  int examiners = 0;
  std::int64_t total_num = 0;  // exact total = total_num / total_den, in PracticalScore units
  std::int64_t total_den = 1;
  bool vetoed = false;
  std::vector<std::string> veto_ids;  // counted vetoes
  bool passed = false;
  int display_tenths = 0;
  std::int32_t score_milli = 0;  // thousandths of a point, rounded down (the attempts table)
  std::vector<CombinedItem> items;
  bool divergent = false;

  std::string display() const;  // "72.5"
  nlohmann::json detail_json() const;
};

// kPracticalExaminers when the number of sheets breaks the scheme's examiner rules; the sheets'
// own errors as check_sheet.
[[nodiscard]] Result<CombinedResult> combine_sheets(const AssessmentScheme& scheme, const Draw& draw,
                                                    const std::vector<ScoreSheet>& sheets);

// One decimal of a tenths figure: 725 -> "72.5".
std::string tenths_text(std::int64_t tenths);

}  // namespace rc::practical
