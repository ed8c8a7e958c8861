#include "exam/item_analysis.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace rc::exam {
namespace {

struct Tally {  // integer sums per item, so the result is independent of candidate order
  ItemStatistics stats;
  std::int64_t n = 0, sum_x = 0, sum_y = 0, sum_yy = 0, sum_xy = 0;
};
using ItemKey = std::pair<std::string, int>;

std::string where(std::size_t i, std::size_t j) {
  return "candidates[" + std::to_string(i) + "][" + std::to_string(j) + "]";
}

Result<void> check_bounds(const AnalysisBounds& b) {
  auto unit = [](double v) { return v >= 0.0 && v <= 1.0; };  // false for NaN too
  if (!unit(b.min_facility)) return fail(ErrorCode::kInvalidValue, "bounds.min_facility", "难度下限应在 0 到 1 之间");
  if (!unit(b.max_facility)) return fail(ErrorCode::kInvalidValue, "bounds.max_facility", "难度上限应在 0 到 1 之间");
  if (!(b.min_discrimination >= -1.0 && b.min_discrimination <= 1.0))
    return fail(ErrorCode::kInvalidValue, "bounds.min_discrimination", "区分度下限应在 -1 到 1 之间");
  if (!(b.group_fraction > 0.0 && b.group_fraction <= 0.5))
    return fail(ErrorCode::kInvalidValue, "bounds.group_fraction", "高低分组比例应大于 0 且不超过 0.5");
  return ok();
}

// Registers every item, checks each response, and returns the number correct per candidate.
Result<std::vector<int>> collect(std::span<const CandidateResponses> cands, std::map<ItemKey, Tally>& items) {
  std::vector<int> totals(cands.size(), 0);
  for (std::size_t i = 0; i < cands.size(); ++i) {
    std::map<ItemKey, bool> on_paper;
    for (std::size_t j = 0; j < cands[i].size(); ++j) {
      const ItemResponse& r = cands[i][j];
      const std::size_t n = choice_count(r.kind);
      if (r.key >= n) return fail(ErrorCode::kInvalidValue, where(i, j) + ".key", "答案选项超出范围");
      if (r.chosen && *r.chosen >= n) return fail(ErrorCode::kInvalidValue, where(i, j) + ".chosen", "所选选项超出范围");
      ItemKey key{r.item_id, r.item_version};
      if (!on_paper.emplace(key, true).second)
        return fail(ErrorCode::kConflict, where(i, j), "题目 " + r.item_id + " 在同一份试卷中出现两次");
      auto [pos, fresh] = items.try_emplace(key);
      ItemStatistics& s = pos->second.stats;
      if (fresh) {
        s.item_id = r.item_id;
        s.item_version = r.item_version;
        s.kind = r.kind;
        s.key = r.key;
        s.options.resize(n);
        s.options[r.key].key = true;
      } else if (s.kind != r.kind || s.key != r.key) {
        return fail(ErrorCode::kConflict, where(i, j), "题目 " + r.item_id + " 在不同考生处的题型或答案不一致");
      }
      if (r.chosen && *r.chosen == r.key) ++totals[i];
    }
  }
  return totals;
}

// Pearson correlation from integer sums; x is 0/1 so Σx² = Σx.
std::optional<double> correlation(const Tally& t, Undefined& why) {
  if (t.n < 2) return why = Undefined::kTooFewCandidates, std::nullopt;
  const double n = static_cast<double>(t.n);
  const double sxx = n * static_cast<double>(t.sum_x) - static_cast<double>(t.sum_x) * static_cast<double>(t.sum_x);
  const double syy = n * static_cast<double>(t.sum_yy) - static_cast<double>(t.sum_y) * static_cast<double>(t.sum_y);
  const double sxy = n * static_cast<double>(t.sum_xy) - static_cast<double>(t.sum_x) * static_cast<double>(t.sum_y);
  if (sxx <= 0) return why = Undefined::kNoItemVariance, std::nullopt;
  if (syy <= 0) return why = Undefined::kNoRestVariance, std::nullopt;
  return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
}

void finish_item(ItemStatistics& s, const Tally& t, const AnalysisBounds& b) {
  s.candidates = static_cast<int>(t.n);
  s.correct = static_cast<int>(t.sum_x);
  s.facility = static_cast<double>(t.sum_x) / static_cast<double>(t.n);
  s.discrimination = correlation(t, s.discrimination_undefined);
  for (OptionRow& o : s.options) o.share = static_cast<double>(o.count) / static_cast<double>(t.n);
  s.omitted.share = static_cast<double>(s.omitted.count) / static_cast<double>(t.n);
  if (s.facility < b.min_facility) s.flags.push_back(ItemFlag::kTooHard);
  if (s.facility > b.max_facility) s.flags.push_back(ItemFlag::kTooEasy);
  if (s.discrimination && *s.discrimination < b.min_discrimination) s.flags.push_back(ItemFlag::kLowDiscrimination);
  bool unused = false;
  bool beats = false;
  for (std::size_t o = 0; o < s.options.size(); ++o) {
    if (o == s.key) continue;
    unused = unused || (s.kind == ItemKind::kSingleChoice && s.options[o].count == 0);
    beats = beats || s.options[o].upper > s.options[s.key].upper;
  }
  if (unused) s.flags.push_back(ItemFlag::kUnusedDistractor);
  if (beats) s.flags.push_back(ItemFlag::kDistractorBeatsKeyUpper);
}

// Sets the group sizes; returns the cut totals (upper: >= first, lower: <= second).
std::pair<int, int> group_cuts(std::vector<int> totals, double fraction) {
  std::sort(totals.begin(), totals.end());
  const auto n = totals.size();
  const auto g = std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(fraction * static_cast<double>(n))));
  return {totals[n - g], totals[g - 1]};
}

void paper_statistics(ItemAnalysis& a, std::span<const CandidateResponses> cands, const std::vector<int>& totals) {
  const std::int64_t n = static_cast<std::int64_t>(totals.size());
  std::int64_t sum = 0, sum_sq = 0, lengths = 0;
  for (std::size_t i = 0; i < totals.size(); ++i) {
    sum += totals[i];
    sum_sq += static_cast<std::int64_t>(totals[i]) * totals[i];
    lengths += static_cast<std::int64_t>(cands[i].size());
    a.kr20_exact = a.kr20_exact && cands[i].size() == cands[0].size();
  }
  const double nn = static_cast<double>(n);
  a.mean_score = static_cast<double>(sum) / nn;
  const double spread = nn * static_cast<double>(sum_sq) - static_cast<double>(sum) * static_cast<double>(sum);  // N²σ²
  a.score_variance = spread / (nn * nn);
  // Same length everywhere and every item seen by all = one common form.
  for (const auto& s : a.items) a.kr20_exact = a.kr20_exact && s.candidates == n;
  const double k = static_cast<double>(lengths) / nn;
  if (n < 2 || k < 2) return void(a.kr20_undefined = Undefined::kTooFewCandidates);
  if (spread <= 0) return void(a.kr20_undefined = Undefined::kNoRestVariance);
  double pq = 0;  // Σ (n_i/N) p_i q_i, times N²: Σ c_i (n_i - c_i) N / n_i
  for (const auto& s : a.items)
    pq += static_cast<double>(s.correct) * static_cast<double>(s.candidates - s.correct) * nn / s.candidates;
  a.kr20 = k / (k - 1.0) * (1.0 - pq / spread);
}

}  // namespace

CandidateResponses responses_of(const Paper& paper, const PaperMark& mark) {
  CandidateResponses out;
  out.reserve(paper.questions.size());
  for (std::size_t i = 0; i < paper.questions.size() && i < mark.questions.size(); ++i) {
    const PaperQuestion& q = paper.questions[i];
    out.push_back(ItemResponse{q.item_id, q.item_version, q.kind, q.order[q.key], mark.questions[i].option});
  }
  return out;
}

Result<ItemAnalysis> analyse_items(std::span<const CandidateResponses> cands, const AnalysisBounds& bounds) {
  if (auto r = check_bounds(bounds); !r) return fail(r.error());
  if (cands.empty()) return fail(ErrorCode::kInvalidValue, "candidates", "没有考生作答数据，无法进行试题分析");
  std::map<ItemKey, Tally> items;
  auto totals = collect(cands, items);
  if (!totals) return fail(totals.error());
  const auto [upper_cut, lower_cut] = group_cuts(*totals, bounds.group_fraction);
  ItemAnalysis a;
  a.candidates = static_cast<int>(cands.size());
  for (std::size_t i = 0; i < cands.size(); ++i) {
    const int total = (*totals)[i];
    const bool upper = total >= upper_cut;
    const bool lower = total <= lower_cut;
    a.upper_group += upper;
    a.lower_group += lower;
    for (const ItemResponse& r : cands[i]) {
      Tally& t = items.find(ItemKey{r.item_id, r.item_version})->second;
      const int x = r.chosen && *r.chosen == r.key;
      const std::int64_t y = total - x;
      t.n += 1, t.sum_x += x, t.sum_y += y, t.sum_yy += y * y, t.sum_xy += x * y;
      OptionRow& row = r.chosen ? t.stats.options[*r.chosen] : t.stats.omitted;
      row.count += 1, row.upper += upper, row.lower += lower;
    }
  }
  a.items.reserve(items.size());
  for (auto& [key, tally] : items) {
    finish_item(tally.stats, tally, bounds);
    a.items.push_back(std::move(tally.stats));
  }
  paper_statistics(a, cands, *totals);
  return a;
}

}  // namespace rc::exam
