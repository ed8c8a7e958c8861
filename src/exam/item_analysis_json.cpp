// JSON rendering of an item analysis: undefined statistics are null with a reason code, so no
// NaN or infinity can reach a page, an export or nlohmann's dump.
#include <cmath>

#include "exam/item_analysis.h"

namespace rc::exam {
namespace {

using nlohmann::json;

json number_or_null(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  return *v;
}

json option_json(const OptionRow& o) {
  return json{{"count", o.count}, {"share", o.share}, {"upper", o.upper}, {"lower", o.lower}, {"key", o.key}};
}

json item_json(const ItemStatistics& s) {
  json options = json::array();
  for (std::size_t o = 0; o < s.options.size(); ++o) {
    json row = option_json(s.options[o]);
    row["option"] = choice_label(s.kind, o);
    options.push_back(std::move(row));
  }
  json flags = json::array();
  json reasons = json::array();  // Chinese, for the 试题分析 page and exports
  for (ItemFlag f : s.flags) {
    flags.push_back(flag_code(f));
    reasons.push_back(flag_name_zh(f));
  }
  json j{{"item_id", s.item_id},
         {"item_version", s.item_version},
         {"kind", kind_code(s.kind)},
         {"key", choice_label(s.kind, s.key)},
         {"candidates", s.candidates},
         {"correct", s.correct},
         {"facility", s.facility},
         {"discrimination", number_or_null(s.discrimination)},
         {"options", std::move(options)},
         {"omitted", option_json(s.omitted)},
         {"flags", std::move(flags)},
         {"flag_reasons", std::move(reasons)}};
  if (!s.discrimination) j["discrimination_undefined"] = undefined_code(s.discrimination_undefined);
  return j;
}

}  // namespace

std::string_view flag_code(ItemFlag f) {
  switch (f) {
    case ItemFlag::kTooHard: return "too_hard";
    case ItemFlag::kTooEasy: return "too_easy";
    case ItemFlag::kLowDiscrimination: return "low_discrimination";
    case ItemFlag::kUnusedDistractor: return "unused_distractor";
    case ItemFlag::kDistractorBeatsKeyUpper: return "distractor_beats_key_upper";
  }
  return "unknown";
}

std::string_view flag_name_zh(ItemFlag f) {
  switch (f) {
    case ItemFlag::kTooHard: return "难度过大（通过率过低）";
    case ItemFlag::kTooEasy: return "过于容易（通过率过高）";
    case ItemFlag::kLowDiscrimination: return "区分度过低";
    case ItemFlag::kUnusedDistractor: return "有干扰项无人选择";
    case ItemFlag::kDistractorBeatsKeyUpper: return "高分组选择干扰项多于正确答案（请复核答案）";
  }
  return "未知";
}

std::string_view undefined_code(Undefined u) {
  switch (u) {
    case Undefined::kNone: return "none";
    case Undefined::kTooFewCandidates: return "too_few_candidates";
    case Undefined::kNoItemVariance: return "no_item_variance";
    case Undefined::kNoRestVariance: return "no_total_variance";
  }
  return "unknown";
}

json analysis_to_json(const ItemAnalysis& a) {
  json items = json::array();
  for (const auto& s : a.items) items.push_back(item_json(s));
  json j{{"candidates", a.candidates},
         {"mean_score", a.mean_score},
         {"score_variance", a.score_variance},
         {"kr20", number_or_null(a.kr20)},
         {"kr20_exact", a.kr20_exact},
         {"upper_group", a.upper_group},
         {"lower_group", a.lower_group},
         {"items", std::move(items)}};
  if (!a.kr20) j["kr20_undefined"] = undefined_code(a.kr20_undefined);
  return j;
}

}  // namespace rc::exam
