#include "practical/score_sheet.h"

#include <algorithm>
#include <cstdio>

namespace rc::practical {
namespace {

constexpr std::int64_t kUnitsPerTenth = PracticalScore::kUnitsPerPoint / 10;

std::string line_key(const AssessedItem& it, const ChecklistLine& l) { return it.id + "." + l.id; }

bool is_assessed(const std::vector<const AssessedItem*>& items, const std::string& id) {
  return std::any_of(items.begin(), items.end(), [&](const AssessedItem* i) { return i->id == id; });
}

// Half-up of num/den tenths-units, kept below the pass mark when the total fails on points.
int display_of(std::int64_t num, std::int64_t den, bool fails_on_points, int pass_mark) {
  const std::int64_t unit = den * kUnitsPerTenth;
  auto tenths = static_cast<int>((2 * num + unit) / (2 * unit));
  if (fails_on_points && tenths >= pass_mark * 10) tenths = pass_mark * 10 - 1;
  return tenths;
}

int median(std::vector<int> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

std::string tenths_text(std::int64_t tenths) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%lld", static_cast<long long>(tenths / 10), static_cast<long long>(tenths % 10));
  return buf;
}

Result<void> check_sheet(const AssessmentScheme& scheme, const Draw& draw, const ScoreSheet& sheet) {
  const auto items = assessed_items(scheme, draw);
  std::size_t expected = 0;
  for (const AssessedItem* it : items) {
    for (const auto& l : it->lines) {
      ++expected;
      const std::string key = line_key(*it, l);
      auto found = sheet.line_tenths.find(key);
      if (found == sheet.line_tenths.end())
        return fail(ErrorCode::kMissingField, "lines." + key, it->name + "：缺少评分细则“" + l.text + "”的得分（R7）", "R7");
      if (found->second < 0 || found->second > l.points * 10)
        return fail(ErrorCode::kScoreOutOfRange, "lines." + key,
                    it->name + "：评分细则“" + l.text + "”的得分应在 0 到 " + std::to_string(l.points) + " 分之间（R7）", "R7");
    }
  }
  if (sheet.line_tenths.size() != expected) {
    for (const auto& [key, v] : sheet.line_tenths) {
      const auto dot = key.find('.');
      const std::string item = key.substr(0, dot);
      const AssessedItem* it = scheme.item(item);
      if (!it || !is_assessed(items, item) || dot == std::string::npos || !it->line(key.substr(dot + 1)))
        return fail(ErrorCode::kInvalidValue, "lines." + key, "该评分细则不属于本考生的考核项目（R7）", "R7");
    }
  }
  for (const auto& v : sheet.vetoes) {
    const VetoRule* rule = scheme.veto(v);
    if (!rule) return fail(ErrorCode::kInvalidValue, "vetoes." + v, "评分方案中没有该否决项（R7）", "R7");
    if (!is_assessed(items, rule->item_id))
      return fail(ErrorCode::kInvalidValue, "vetoes." + v, "该否决项不属于本考生的考核项目（R7）", "R7");
  }
  return ok();
}

std::vector<ItemScore> sheet_item_scores(const AssessmentScheme& scheme, const Draw& draw, const ScoreSheet& sheet) {
  std::vector<ItemScore> out;
  for (const AssessedItem* it : assessed_items(scheme, draw)) {
    int sum = 0;
    for (const auto& l : it->lines) sum += sheet.line_tenths.at(line_key(*it, l));
    out.push_back({it->id, sum});
  }
  return out;
}

nlohmann::json sheet_to_json(const ScoreSheet& sheet) {
  return {{"lines", sheet.line_tenths}, {"vetoes", std::vector<std::string>(sheet.vetoes.begin(), sheet.vetoes.end())}};
}

Result<ScoreSheet> sheet_from_json(const nlohmann::json& j) {
  const auto bad = [] { return fail(ErrorCode::kInvalidValue, "sheet_json", "评分表记录格式不正确（R7）", "R7"); };
  if (!j.is_object() || !j.contains("lines") || !j["lines"].is_object() || !j.contains("vetoes") || !j["vetoes"].is_array())
    return bad();
  ScoreSheet s;
  for (const auto& [k, v] : j["lines"].items()) {
    if (!v.is_number_integer()) return bad();
    s.line_tenths[k] = v.get<int>();
  }
  for (const auto& v : j["vetoes"]) {
    if (!v.is_string()) return bad();
    s.vetoes.insert(v.get<std::string>());
  }
  return s;
}

std::string CombinedResult::display() const { return tenths_text(display_tenths); }

nlohmann::json CombinedResult::detail_json() const {
  nlohmann::json items_j = nlohmann::json::array();
  for (const auto& i : items)
    items_j.push_back({{"item", i.item_id},
                       {"tenths_num", i.tenths_num},
                       {"den", i.den},
                       {"examiners", i.examiner_tenths},
                       {"divergent", i.divergent}});
  return {{"items", items_j}, {"vetoes", veto_ids}, {"divergent", divergent}};
}

Result<CombinedResult> combine_sheets(const AssessmentScheme& scheme, const Draw& draw, const std::vector<ScoreSheet>& sheets) {
  if (auto r = scheme.check_examiner_count(static_cast<int>(sheets.size())); !r) return fail(r.error());
  const ScoringScheme formula = scheme.formula();
  CombinedResult out;
  out.method = scheme.combine;
  out.examiners = static_cast<int>(sheets.size());
  const auto n = static_cast<std::int64_t>(sheets.size());

  std::vector<std::vector<ItemScore>> per_sheet;
  for (std::size_t k = 0; k < sheets.size(); ++k) {
    if (auto r = check_sheet(scheme, draw, sheets[k]); !r) return fail(r.error());
    per_sheet.push_back(sheet_item_scores(scheme, draw, sheets[k]));
  }
  const auto items = assessed_items(scheme, draw);
  std::vector<ItemScore> medians;
  for (std::size_t i = 0; i < items.size(); ++i) {
    CombinedItem ci;
    ci.item_id = items[i]->id;
    for (const auto& s : per_sheet) ci.examiner_tenths.push_back(s[i].tenths);
    const auto [lo, hi] = std::minmax_element(ci.examiner_tenths.begin(), ci.examiner_tenths.end());
    // (hi - lo) tenths > percent% of max points: compare in hundredths of tenths, exactly.
    ci.divergent = std::int64_t{*hi - *lo} * 100 > std::int64_t{scheme.divergence_percent} * items[i]->max_points() * 10;
    out.divergent = out.divergent || ci.divergent;
    if (scheme.combine == CombineMethod::kMedian) {
      ci.tenths_num = median(ci.examiner_tenths);
      medians.push_back({ci.item_id, static_cast<int>(ci.tenths_num)});
    } else {
      for (int t : ci.examiner_tenths) ci.tenths_num += t;
      ci.den = n;
    }
    out.items.push_back(std::move(ci));
  }
  if (scheme.combine == CombineMethod::kMedian) {
    auto total = score_practical(formula, medians);
    if (!total) return fail(total.error());
    out.total_num = total->exact_units;
    out.total_den = 1;
  } else {
    for (const auto& s : per_sheet) {
      auto total = score_practical(formula, s);
      if (!total) return fail(total.error());
      out.total_num += total->exact_units;
    }
    out.total_den = n;
  }
  for (const auto& v : scheme.vetoes) {
    std::int64_t marks = 0;
    for (const auto& s : sheets) marks += s.vetoes.count(v.id);
    const bool counts = scheme.veto_decision == VetoDecision::kAny ? marks > 0 : marks * 2 > n;
    if (counts) out.veto_ids.push_back(v.id);
  }
  out.vetoed = !out.veto_ids.empty();
  const bool reaches = out.total_num >= std::int64_t{scheme.pass_mark} * PracticalScore::kUnitsPerPoint * out.total_den;
  out.passed = reaches && !out.vetoed;
  out.display_tenths = display_of(out.total_num, out.total_den, !reaches, scheme.pass_mark);
  out.score_milli = static_cast<std::int32_t>(out.total_num / (out.total_den * (PracticalScore::kUnitsPerPoint / 1000)));
  return out;
}

}  // namespace rc::practical
