#include "practical/assessment_scheme.h"

#include <set>

#include "domain/policy/strict_json.h"
#include "exam/json_text.h"

namespace rc::practical {
namespace {

using nlohmann::json;
constexpr ErrorCode kCode = ErrorCode::kBadScoringScheme;
constexpr std::size_t kMaxSchemeBytes = 1 << 20;

#define RC_SCHEME_READ(lhs, expr)                 \
  do {                                            \
    auto rc_read_ = (expr);                       \
    if (!rc_read_) return fail(rc_read_.error()); \
    lhs = std::move(*rc_read_);                   \
  } while (0)
#define RC_SCHEME_OPEN(name, expr)                        \
  auto name##_result = (expr);                            \
  if (!name##_result) return fail(name##_result.error()); \
  auto& name = *name##_result

Error bad(std::string field, std::string message) { return make_error(kCode, std::move(field), std::move(message), "R7"); }

// Codes and ids: lowercase ASCII letters, digits, '_', '-', '.', 1 to 64 bytes.
bool valid_code(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || (c >= 'A' && c <= 'Z')))
      return false;
  return true;
}

Result<std::string> code_field(StrictObject& o, std::string_view key) {
  std::string s;
  RC_SCHEME_READ(s, o.string(key, 64));
  if (!valid_code(s)) return fail(bad(o.field(key), "编号只能由字母、数字和 _ - . 组成，长度 1 到 64（R7）"));
  return s;
}

Result<ChecklistLine> read_line(const json& j, const std::string& path) {
  RC_SCHEME_OPEN(o, StrictObject::open(j, path, kCode));
  ChecklistLine l;
  RC_SCHEME_READ(l.id, code_field(o, "id"));
  RC_SCHEME_READ(l.text, o.string("text", 600));
  std::int64_t n = 0;
  RC_SCHEME_READ(n, o.integer("points", 1, 100));
  l.points = static_cast<int>(n);
  if (auto r = o.finish(); !r) return fail(r.error());
  return l;
}

Result<ContentPick> read_pick(StrictObject& item) {
  ContentPick p;
  if (!item.has("pick")) return p;
  RC_SCHEME_OPEN(o, item.object("pick"));
  RC_SCHEME_READ(p.label, o.string("label", 100));
  std::int64_t n = 0;
  RC_SCHEME_READ(n, o.integer("count", 1, 50));
  p.count = static_cast<int>(n);
  const json* pool = nullptr;
  RC_SCHEME_READ(pool, o.array("pool", 200));
  for (std::size_t i = 0; i < pool->size(); ++i) {
    const json& v = (*pool)[i];
    if (!v.is_string() || v.get_ref<const std::string&>().empty() || v.get_ref<const std::string&>().size() > 100)
      return fail(bad(json_path(o.field("pool"), i), "抽取内容应为 1 到 100 字节的文字（R7）"));
    p.pool.push_back(v.get<std::string>());
  }
  if (auto r = o.finish(); !r) return fail(r.error());
  return p;
}

Result<AssessedItem> read_item(const json& j, const std::string& path) {
  RC_SCHEME_OPEN(o, StrictObject::open(j, path, kCode));
  AssessedItem it;
  RC_SCHEME_READ(it.id, code_field(o, "id"));
  RC_SCHEME_READ(it.name, o.string("name", 100));
  const json* lines = nullptr;
  RC_SCHEME_READ(lines, o.array("lines", 100));
  for (std::size_t i = 0; i < lines->size(); ++i) {
    ChecklistLine l;
    RC_SCHEME_READ(l, read_line((*lines)[i], json_path(o.field("lines"), i)));
    it.lines.push_back(std::move(l));
  }
  RC_SCHEME_READ(it.pick, read_pick(o));
  std::optional<std::string> note;
  RC_SCHEME_READ(note, o.optional_string("note", 2000));
  it.note = note.value_or("");
  if (auto r = o.finish(); !r) return fail(r.error());
  return it;
}

Result<std::vector<AssessedItem>> read_items(StrictObject& o) {
  const json* items = nullptr;
  RC_SCHEME_READ(items, o.array("items", 20));
  std::vector<AssessedItem> out;
  for (std::size_t i = 0; i < items->size(); ++i) {
    AssessedItem it;
    RC_SCHEME_READ(it, read_item((*items)[i], json_path(o.field("items"), i)));
    out.push_back(std::move(it));
  }
  return out;
}

Result<void> read_parts(StrictObject& doc, AssessmentScheme& s) {
  std::int64_t n = 0;
  {
    RC_SCHEME_OPEN(m, doc.object("mandatory"));
    RC_SCHEME_READ(n, m.integer("weight_bp", 0, 10000));
    s.mandatory_weight_bp = static_cast<int>(n);
    RC_SCHEME_READ(s.mandatory, read_items(m));
    if (auto r = m.finish(); !r) return r;
  }
  RC_SCHEME_OPEN(d, doc.object("drawn"));
  RC_SCHEME_READ(n, d.integer("weight_bp", 0, 10000));
  s.drawn_weight_bp = static_cast<int>(n);
  const json* groups = nullptr;
  RC_SCHEME_READ(groups, d.array("groups", 10));
  for (std::size_t i = 0; i < groups->size(); ++i) {
    RC_SCHEME_OPEN(g, StrictObject::open((*groups)[i], json_path(d.field("groups"), i), kCode));
    AssessedGroup group;
    RC_SCHEME_READ(group.id, code_field(g, "id"));
    RC_SCHEME_READ(group.name, g.string("name", 100));
    RC_SCHEME_READ(n, g.integer("share_bp", 1, 10000));
    group.share_bp = static_cast<int>(n);
    RC_SCHEME_READ(group.items, read_items(g));
    if (auto r = g.finish(); !r) return r;
    s.drawn.push_back(std::move(group));
  }
  return d.finish();
}

Result<void> read_rules(StrictObject& doc, AssessmentScheme& s) {
  const json* vetoes = nullptr;
  RC_SCHEME_READ(vetoes, doc.array("vetoes", 50));
  for (std::size_t i = 0; i < vetoes->size(); ++i) {
    RC_SCHEME_OPEN(v, StrictObject::open((*vetoes)[i], json_path("vetoes", i), kCode));
    VetoRule rule;
    RC_SCHEME_READ(rule.id, code_field(v, "id"));
    RC_SCHEME_READ(rule.item_id, code_field(v, "item"));
    RC_SCHEME_READ(rule.text, v.string("text", 600));
    if (auto r = v.finish(); !r) return r;
    s.vetoes.push_back(std::move(rule));
  }
  std::string text;
  RC_SCHEME_READ(text, doc.string("veto_decision", 20));
  if (text == "majority") s.veto_decision = VetoDecision::kMajority;
  else if (text == "any") s.veto_decision = VetoDecision::kAny;
  else return fail(bad("veto_decision", "否决项判定方式应为 majority（多数考评员）或 any（任一考评员）（R7）"));
  RC_SCHEME_READ(text, doc.string("combine", 20));
  if (text == "median") s.combine = CombineMethod::kMedian;
  else if (text == "mean") s.combine = CombineMethod::kMean;
  else return fail(bad("combine", "合成方式应为 median（中位数）或 mean（平均数）（R7）"));
  RC_SCHEME_OPEN(e, doc.object("examiners"));
  std::int64_t n = 0;
  RC_SCHEME_READ(n, e.integer("min", 1, 15));
  s.examiners.min = static_cast<int>(n);
  RC_SCHEME_READ(n, e.integer("max", 1, 15));
  s.examiners.max = static_cast<int>(n);
  RC_SCHEME_READ(s.examiners.odd, e.boolean("odd"));
  if (auto r = e.finish(); !r) return r;
  RC_SCHEME_READ(n, doc.integer("divergence_percent", 0, 100));
  s.divergence_percent = static_cast<int>(n);
  RC_SCHEME_READ(n, doc.integer("claim_minutes", 1, 480));
  s.claim_minutes = static_cast<int>(n);
  return ok();
}

Result<void> check_lines(const AssessedItem& it, const std::string& path) {
  if (it.lines.empty()) return fail(bad(path + ".lines", "考核项目没有评分细则（R7）"));
  std::set<std::string> ids;
  for (std::size_t i = 0; i < it.lines.size(); ++i)
    if (!ids.insert(it.lines[i].id).second)
      return fail(bad(path + ".lines[" + std::to_string(i) + "].id", "评分细则编号重复：" + it.lines[i].id + "（R7）"));
  if (it.pick.count > 0) {
    if (static_cast<std::size_t>(it.pick.count) > it.pick.pool.size())
      return fail(bad(path + ".pick.count", "抽取数量多于可抽内容（R7）"));
    std::set<std::string> pool(it.pick.pool.begin(), it.pick.pool.end());
    if (pool.size() != it.pick.pool.size()) return fail(bad(path + ".pick.pool", "可抽内容重复（R7）"));
  }
  return ok();
}

Error rerooted(const Error& e) {
  // validate_scoring_scheme names fields of the formula ("mandatory.items", "drawn.groups[1].share_bp")
  // that exist in the same places here; items' max_points are their lines' sums.
  std::string field = e.field;
  if (auto p = field.find(".max_points"); p != std::string::npos) field = field.substr(0, p) + ".lines";
  return make_error(kCode, field, e.message, "R7");
}

}  // namespace

int AssessedItem::max_points() const {
  int sum = 0;
  for (const auto& l : lines) sum += l.points;
  return sum;
}

const ChecklistLine* AssessedItem::line(std::string_view id) const {
  for (const auto& l : lines)
    if (l.id == id) return &l;
  return nullptr;
}

ScoringScheme AssessmentScheme::formula() const {
  ScoringScheme f;
  f.id = exam_version;
  f.pass_mark = pass_mark;
  f.mandatory_weight_bp = mandatory_weight_bp;
  for (const auto& it : mandatory) f.mandatory.push_back({it.id, it.name, it.max_points()});
  f.drawn_weight_bp = drawn_weight_bp;
  for (const auto& g : drawn) {
    DrawGroup dg{g.id, g.share_bp, {}};
    for (const auto& it : g.items) dg.items.push_back({it.id, it.name, it.max_points()});
    f.drawn.push_back(std::move(dg));
  }
  return f;
}

const AssessedItem* AssessmentScheme::item(std::string_view id) const {
  for (const auto& it : mandatory)
    if (it.id == id) return &it;
  for (const auto& g : drawn)
    for (const auto& it : g.items)
      if (it.id == id) return &it;
  return nullptr;
}

const VetoRule* AssessmentScheme::veto(std::string_view id) const {
  for (const auto& v : vetoes)
    if (v.id == id) return &v;
  return nullptr;
}

Result<void> AssessmentScheme::check_examiner_count(int count) const {
  if (count < examiners.min || count > examiners.max || (examiners.odd && count % 2 == 0))
    return fail(ErrorCode::kPracticalExaminers, "examiners",
                "本考评组有 " + std::to_string(count) + " 名考评员；评分方案要求 " + std::to_string(examiners.min) + " 到 " +
                    std::to_string(examiners.max) + " 名" + (examiners.odd ? "且为奇数" : "") + "（R7）",
                "R7");
  return ok();
}

std::string_view combine_method_text(CombineMethod m) { return m == CombineMethod::kMean ? "mean" : "median"; }

Result<void> validate_assessment_scheme(const AssessmentScheme& s) {
  if (s.region.size() != 6 || s.region.find_first_not_of("0123456789") != std::string::npos)
    return fail(bad("region", "地区代码应为 6 位数字（000000 表示全国默认）（R7）"));
  if (s.examiners.min > s.examiners.max) return fail(bad("examiners.min", "考评员最少人数大于最多人数（R7）"));
  if (s.examiners.odd && s.examiners.min % 2 == 0 && s.examiners.min == s.examiners.max)
    return fail(bad("examiners.min", "考评员人数要求为奇数，但最少与最多人数相同且为偶数（R7）"));
  for (std::size_t i = 0; i < s.mandatory.size(); ++i)
    if (auto r = check_lines(s.mandatory[i], "mandatory.items[" + std::to_string(i) + "]"); !r) return r;
  for (std::size_t g = 0; g < s.drawn.size(); ++g)
    for (std::size_t i = 0; i < s.drawn[g].items.size(); ++i)
      if (auto r = check_lines(s.drawn[g].items[i], "drawn.groups[" + std::to_string(g) + "].items[" + std::to_string(i) + "]");
          !r)
        return r;
  if (auto r = validate_scoring_scheme(s.formula()); !r) return fail(rerooted(r.error()));
  std::set<std::string> veto_ids;
  for (std::size_t i = 0; i < s.vetoes.size(); ++i) {
    const std::string f = "vetoes[" + std::to_string(i) + "]";
    if (!veto_ids.insert(s.vetoes[i].id).second) return fail(bad(f + ".id", "否决项编号重复（R7）"));
    if (!s.item(s.vetoes[i].item_id)) return fail(bad(f + ".item", "否决项所属的考核项目不存在：" + s.vetoes[i].item_id + "（R7）"));
  }
  return ok();
}

Result<void> check_formula_agrees(const AssessmentScheme& scheme, const ScoringScheme& p) {
  const ScoringScheme f = scheme.formula();
  bool same = f.id == p.id && f.pass_mark == p.pass_mark && f.mandatory_weight_bp == p.mandatory_weight_bp &&
              f.drawn_weight_bp == p.drawn_weight_bp && f.mandatory.size() == p.mandatory.size() &&
              f.drawn.size() == p.drawn.size();
  for (std::size_t i = 0; same && i < f.mandatory.size(); ++i)
    same = f.mandatory[i].id == p.mandatory[i].id && f.mandatory[i].max_points == p.mandatory[i].max_points;
  for (std::size_t g = 0; same && g < f.drawn.size(); ++g) {
    same = f.drawn[g].id == p.drawn[g].id && f.drawn[g].share_bp == p.drawn[g].share_bp &&
           f.drawn[g].items.size() == p.drawn[g].items.size();
    for (std::size_t i = 0; same && i < f.drawn[g].items.size(); ++i) same = f.drawn[g].items[i].id == p.drawn[g].items[i].id;
  }
  if (!same)
    return fail(bad("exam_version", "评分方案 " + scheme.id + " 的计分公式（权重、项目、满分或合格线）与政策规定的 " + p.id +
                                        " 不一致（R7）"));
  return ok();
}

Result<AssessmentScheme> parse_assessment_scheme(std::string_view text) {
  auto parsed = exam::parse_json_text(text, kMaxSchemeBytes);
  if (!parsed) return fail(bad(parsed.error().field.empty() ? "$" : parsed.error().field, parsed.error().message));
  RC_SCHEME_OPEN(doc, StrictObject::open(*parsed, "", kCode));
  AssessmentScheme s;
  RC_SCHEME_READ(s.id, code_field(doc, "id"));
  RC_SCHEME_READ(s.title, doc.string("title", 200));
  std::optional<std::string> comment;
  RC_SCHEME_READ(comment, doc.optional_string("comment", 4000));
  s.comment = comment.value_or("");
  RC_SCHEME_READ(s.provisional, doc.boolean("provisional"));
  RC_SCHEME_READ(s.exam_version, code_field(doc, "exam_version"));
  RC_SCHEME_READ(s.region, doc.string("region", 6));
  std::int64_t n = 0;
  RC_SCHEME_READ(n, doc.integer("pass_mark", 1, 100));
  s.pass_mark = static_cast<int>(n);
  if (auto r = read_parts(doc, s); !r) return fail(r.error());
  if (auto r = read_rules(doc, s); !r) return fail(r.error());
  if (auto r = doc.finish(); !r) return fail(r.error());
  if (auto r = validate_assessment_scheme(s); !r) return fail(r.error());
  return s;
}

#undef RC_SCHEME_READ
#undef RC_SCHEME_OPEN

}  // namespace rc::practical
