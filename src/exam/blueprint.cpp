#include "exam/blueprint.h"

#include <algorithm>
#include <numeric>
#include <utility>
#include <vector>

#include "domain/policy/strict_json.h"
#include "exam/json_text.h"
#include "exam/result_let.h"

namespace rc {
// Generated from src/exam/data/*.json by src/exam/CMakeLists.txt (cmake/embed_files.cmake).
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_exam_data();
}  // namespace rc

namespace rc::exam {
namespace {

constexpr int kWholeBp = 10000;

Result<AreaCounts> read_weights(StrictObject& root) {
  RC_EXAM_LET(w, root.object("weights_bp"));
  AreaCounts out{};
  for (KnowledgeArea a : all_areas()) {
    RC_EXAM_LET(v, w.integer(area_code(a), 0, kWholeBp));
    out[area_index(a)] = static_cast<int>(v);
  }
  if (auto r = w.finish(); !r) {
    Error e = r.error();
    e.code = ErrorCode::kUnknownEnumValue;
    e.message += "（知识领域应为 ethics、basics、scene_safety、first_aid、trauma、fire、disaster）";
    return fail(std::move(e));
  }
  const int sum = std::accumulate(out.begin(), out.end(), 0);
  if (sum != kWholeBp)
    return fail(ErrorCode::kInvalidValue, "weights_bp", "各知识领域权重之和应为 10000（100%），实际为 " + std::to_string(sum));
  return out;
}

// Splits n over the areas in proportion to the weights (Hamilton's method).
AreaCounts apportion(int n, const AreaCounts& weight_bp) {
  AreaCounts counts{};
  std::vector<std::pair<long long, std::size_t>> remainders;  // (remainder, area) for the leftovers
  int given = 0;
  for (std::size_t a = 0; a < kKnowledgeAreaCount; ++a) {
    const long long share = static_cast<long long>(n) * weight_bp[a];
    counts[a] = static_cast<int>(share / kWholeBp);
    given += counts[a];
    remainders.emplace_back(share % kWholeBp, a);
  }
  std::stable_sort(remainders.begin(), remainders.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  for (std::size_t i = 0; given < n && i < remainders.size(); ++i, ++given) ++counts[remainders[i].second];
  return counts;
}

}  // namespace

int Blueprint::total(ItemKind k) const {
  const AreaCounts& c = k == ItemKind::kSingleChoice ? single_choice : true_false;
  return std::accumulate(c.begin(), c.end(), 0);
}

Result<BlueprintWeights> parse_blueprint_weights_text(std::string_view text) {
  RC_EXAM_LET(doc, parse_json_text(text, 1u << 20));
  RC_EXAM_LET(o, StrictObject::open(doc, "", std::nullopt));
  BlueprintWeights w;
  RC_EXAM_LET(id, o.string("id", 100));
  if (!valid_item_id(id)) return fail(ErrorCode::kInvalidValue, "id", "蓝图编号应为 1 到 40 个字母、数字、“.”、“_”或“-”");
  w.id = std::move(id);
  RC_EXAM_LET(title, o.string("title", 500));
  w.title = std::move(title);
  RC_EXAM_LET(provisional, o.boolean("provisional"));
  w.provisional = provisional;
  RC_EXAM_LET(comment, o.optional_string("comment", 4000));
  w.comment = comment.value_or("");
  if (!clean_text(w.title) || !clean_text(w.comment))
    return fail(ErrorCode::kInvalidValue, "title", "名称或说明含有无效字符");
  RC_EXAM_LET(weights, read_weights(o));
  w.weight_bp = weights;
  if (auto r = o.finish(); !r) return fail(r.error());
  return w;
}

Result<BlueprintWeights> shipped_blueprint_weights() {
  for (const auto& [name, text] : embedded_exam_data())
    if (name == "blueprint-proposal-2025.json") return parse_blueprint_weights_text(text);
  return fail(ErrorCode::kNotFound, "blueprint", "未找到内置的组卷蓝图");
}

Result<Blueprint> derive_blueprint(const BlueprintWeights& weights, const TheoryPaper& paper) {
  if (auto r = validate_theory_paper(paper); !r) {
    Error e = r.error();
    e.code = ErrorCode::kInvalidValue;
    e.field = "theory." + e.field;
    return fail(std::move(e));
  }
  Blueprint b;
  b.id = weights.id;
  b.single_choice = apportion(paper.single_choice.count, weights.weight_bp);
  b.true_false = apportion(paper.true_false.count, weights.weight_bp);
  b.single_choice_points = paper.single_choice.points_each;
  b.true_false_points = paper.true_false.points_each;
  return b;
}

}  // namespace rc::exam
