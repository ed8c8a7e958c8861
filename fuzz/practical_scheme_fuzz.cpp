// libFuzzer target: arbitrary bytes as a practical assessment scheme (src/practical/data/*.json or
// a region's file, R7): never crash; an accepted scheme has a formula that validates, and its draw
// and a full-marks sheet combine to exactly 100 for any seed.
// Seed corpus: fuzz/corpus/practical_scheme/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "practical/assessment_scheme.h"
#include "practical/draw.h"
#include "practical/score_sheet.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rc::practical;
  auto s = parse_assessment_scheme(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!s) {
    if (s.error().message.empty() || s.error().code != rc::ErrorCode::kBadScoringScheme) std::abort();
    return 0;
  }
  if (!rc::validate_scoring_scheme(s->formula())) std::abort();
  const Draw d = draw_items(*s, size);
  if (!redraw_matches(*s, d)) std::abort();
  ScoreSheet full;
  for (const AssessedItem* it : assessed_items(*s, d))
    for (const auto& l : it->lines) full.line_tenths[it->id + "." + l.id] = l.points * 10;
  std::vector<ScoreSheet> sheets(static_cast<std::size_t>(s->examiners.min), full);
  auto c = combine_sheets(*s, d, sheets);
  if (s->examiners.odd && s->examiners.min % 2 == 0) return 0;  // min itself is not allowed
  if (!c || c->total_num != 100 * rc::PracticalScore::kUnitsPerPoint * c->total_den || c->display_tenths != 1000) std::abort();
  return 0;
}
