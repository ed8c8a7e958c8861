#include "domain/policy/policy_json.h"

#include <algorithm>
#include <set>

#include "domain/occupation/occupation.h"
#include "domain/policy/strict_json.h"

namespace rc {
namespace {

using nlohmann::json;

// Evaluates a Result-returning expression; on failure returns its error from the enclosing
// function, otherwise assigns the value.
#define RC_POLICY_READ(lhs, expr)        \
  do {                                   \
    auto rc_read_ = (expr);              \
    if (!rc_read_) return fail(rc_read_.error()); \
    lhs = std::move(*rc_read_);          \
  } while (0)
// Declares `name` from a Result-returning expression, or returns its error.
#define RC_POLICY_OPEN(name, expr)                    \
  auto name##_result = (expr);                        \
  if (!name##_result) return fail(name##_result.error()); \
  auto& name = *name##_result

constexpr ErrorCode kCode = ErrorCode::kBadPolicy;
constexpr std::int64_t kMaxFen = 100'000'000;  // 1,000,000 元: far above any exam fee

Result<StrictObject> section(StrictObject& parent, std::string_view key) { return parent.object(key); }

// An error from a validator (scheme, paper) re-rooted under `prefix` and reported as kBadPolicy.
Error rerooted(const Error& e, std::string_view prefix) {
  return make_error(kCode, json_path(prefix, e.field), e.message, e.rule);
}

Result<bool> valid_policy_id(const std::string& id) {
  const bool good = !id.empty() && id.size() <= 64 &&
                    std::all_of(id.begin(), id.end(), [](char c) {
                      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
                    });
  if (!good) return fail(kCode, "id", "政策编号只能由小写字母、数字和 - . _ 组成，长度 1 到 64（D18）", "D18");
  return true;
}

Result<void> read_occupation(StrictObject& doc, Policy& p) {
  RC_POLICY_OPEN(o, section(doc, "occupation"));
  std::string code;
  RC_POLICY_READ(code, o.string("code"));
  if (code != kOccupationCode)
    return fail(kCode, o.field("code"), "职业编码应为 " + std::string(kOccupationCode) + "（R1）", "R1");
  const json* levels = nullptr;
  RC_POLICY_READ(levels, o.array("open_levels", 5));
  std::set<int> seen;
  for (std::size_t i = 0; i < levels->size(); ++i) {
    const json& l = (*levels)[i];
    const std::string f = json_path(o.field("open_levels"), i);
    if (!l.is_number_integer() || l.get<std::int64_t>() < 1 || l.get<std::int64_t>() > 5)
      return fail(kCode, f, "开放的等级应为 1 到 5 的整数（5 = 五级/初级工）（R1）", "R1");
    if (!seen.insert(l.get<int>()).second) return fail(kCode, f, "开放的等级重复（R1）", "R1");
    p.open_levels.push_back(l.get<int>());
  }
  if (p.open_levels.empty()) return fail(kCode, o.field("open_levels"), "至少应开放一个等级（R1）", "R1");
  return o.finish();
}

Result<void> read_eligibility(StrictObject& doc, Policy& p) {
  RC_POLICY_OPEN(o, section(doc, "eligibility"));
  std::int64_t min_age = 0;
  std::optional<std::int64_t> max_age;
  RC_POLICY_READ(min_age, o.integer("min_age", 16, 100));
  RC_POLICY_READ(max_age, o.integer_or_null("max_age", 16, 120));
  RC_POLICY_READ(p.health_declaration_required, o.boolean("health_declaration_required"));
  if (max_age && *max_age < min_age) return fail(kCode, o.field("max_age"), "年龄上限不能低于年龄下限（R2）", "R2");
  p.age.min_age = static_cast<int>(min_age);
  if (max_age) p.age.max_age = static_cast<int>(*max_age);
  return o.finish();
}

Result<QuestionBlock> read_block(StrictObject& parent, std::string_view key) {
  RC_POLICY_OPEN(o, section(parent, key));
  QuestionBlock b;
  std::int64_t n = 0;
  RC_POLICY_READ(n, o.integer("count", 0, 1000));
  b.count = static_cast<int>(n);
  RC_POLICY_READ(n, o.integer("points", 1, 100));
  b.points_each = static_cast<int>(n);
  if (auto r = o.finish(); !r) return fail(r.error());
  return b;
}

Result<void> read_theory(StrictObject& doc, Policy& p) {
  RC_POLICY_OPEN(o, section(doc, "theory"));
  RC_POLICY_READ(p.theory.single_choice, read_block(o, "single_choice"));
  RC_POLICY_READ(p.theory.true_false, read_block(o, "true_false"));
  std::int64_t n = 0;
  RC_POLICY_READ(n, o.integer("duration_minutes", 1, 1440));
  p.theory.duration_minutes = static_cast<int>(n);
  RC_POLICY_READ(n, o.integer("pass_mark", 1, 100000));
  p.theory.pass_mark = static_cast<int>(n);
  RC_POLICY_READ(n, o.integer("late_arrival_minutes", 0, 1440));
  p.late_arrival_minutes = static_cast<int>(n);
  if (auto r = o.finish(); !r) return r;
  if (auto r = validate_theory_paper(p.theory); !r) return fail(rerooted(r.error(), "theory"));
  return ok();
}

Result<ScoredItem> read_item(const json& j, const std::string& path) {
  RC_POLICY_OPEN(o, StrictObject::open(j, path, kCode));
  ScoredItem item;
  RC_POLICY_READ(item.id, o.string("id", 64));
  RC_POLICY_READ(item.name, o.string("name", 64));
  std::int64_t n = 0;
  RC_POLICY_READ(n, o.integer("max_points", 1, 100));
  item.max_points = static_cast<int>(n);
  if (auto r = o.finish(); !r) return fail(r.error());
  return item;
}

Result<std::vector<ScoredItem>> read_items(StrictObject& parent) {
  const json* arr = nullptr;
  RC_POLICY_READ(arr, parent.array("items", 50));
  std::vector<ScoredItem> items;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    ScoredItem item;
    RC_POLICY_READ(item, read_item((*arr)[i], json_path(parent.field("items"), i)));
    items.push_back(std::move(item));
  }
  return items;
}

Result<DrawGroup> read_group(const json& j, const std::string& path) {
  RC_POLICY_OPEN(o, StrictObject::open(j, path, kCode));
  DrawGroup g;
  RC_POLICY_READ(g.id, o.string("id", 64));
  std::int64_t n = 0;
  RC_POLICY_READ(n, o.integer("share_bp", 1, 10000));
  g.share_bp = static_cast<int>(n);
  RC_POLICY_READ(g.items, read_items(o));
  if (auto r = o.finish(); !r) return fail(r.error());
  return g;
}

Result<void> read_drawn(StrictObject& practical, ScoringScheme& s) {
  RC_POLICY_OPEN(o, section(practical, "drawn"));
  std::int64_t n = 0;
  RC_POLICY_READ(n, o.integer("weight_bp", 0, 10000));
  s.drawn_weight_bp = static_cast<int>(n);
  const json* groups = nullptr;
  RC_POLICY_READ(groups, o.array("groups", 10));
  for (std::size_t i = 0; i < groups->size(); ++i) {
    DrawGroup g;
    RC_POLICY_READ(g, read_group((*groups)[i], json_path(o.field("groups"), i)));
    s.drawn.push_back(std::move(g));
  }
  return o.finish();
}

Result<void> read_practical(StrictObject& doc, Policy& p) {
  RC_POLICY_OPEN(o, section(doc, "practical"));
  ScoringScheme& s = p.practical;
  RC_POLICY_READ(s.id, o.string("scheme_id", 64));
  std::int64_t n = 0;
  RC_POLICY_READ(n, o.integer("pass_mark", 1, 100));
  s.pass_mark = static_cast<int>(n);
  RC_POLICY_OPEN(m, o.object("mandatory"));
  RC_POLICY_READ(n, m.integer("weight_bp", 0, 10000));
  s.mandatory_weight_bp = static_cast<int>(n);
  RC_POLICY_READ(s.mandatory, read_items(m));
  if (auto r = m.finish(); !r) return r;
  if (auto r = read_drawn(o, s); !r) return r;
  if (auto r = o.finish(); !r) return r;
  if (auto r = validate_scoring_scheme(s); !r) return fail(rerooted(r.error(), "practical"));
  return ok();
}

Result<void> read_results(StrictObject& doc, Policy& p) {
  RC_POLICY_OPEN(o, section(doc, "results"));
  std::int64_t n = 0;
  RC_POLICY_READ(n, o.integer("publication_delay_days", 0, 365));
  p.publication_delay_days = static_cast<int>(n);
  RC_POLICY_OPEN(f, o.object("certificate_filing_days"));
  RC_POLICY_READ(n, f.integer("min", 0, 365));
  p.filing_delay_min_days = static_cast<int>(n);
  RC_POLICY_READ(n, f.integer("max", 0, 365));
  p.filing_delay_max_days = static_cast<int>(n);
  if (p.filing_delay_max_days < p.filing_delay_min_days)
    return fail(kCode, f.field("max"), "备案天数上限不能小于下限（R9）", "R9");
  if (auto r = f.finish(); !r) return r;
  return o.finish();
}

Result<void> read_retakes(StrictObject& doc, Policy& p) {
  RC_POLICY_OPEN(o, section(doc, "retakes"));
  std::int64_t n = 0;
  RC_POLICY_READ(n, o.integer("theory_retake_years", 1, 10));
  p.windows.theory_retake_years = static_cast<int>(n);
  RC_POLICY_READ(n, o.integer("practical_retake_years", 1, 10));
  p.windows.practical_retake_years = static_cast<int>(n);
  RC_POLICY_READ(n, o.integer("makeup_years", 1, 10));
  p.windows.makeup_years = static_cast<int>(n);
  RC_POLICY_READ(n, o.integer("pass_validity_years", 1, 10));
  p.windows.pass_validity_years = static_cast<int>(n);
  return o.finish();
}

Result<void> read_fees(StrictObject& doc, Policy& p) {
  RC_POLICY_OPEN(o, section(doc, "fees"));
  RC_POLICY_READ(p.fees.exam_fee_fen, o.integer("exam_fee_fen", 0, kMaxFen));
  RC_POLICY_READ(p.fees.retake_fee_fen, o.integer("retake_fee_fen", 0, kMaxFen));
  RC_POLICY_READ(p.fees.makeup_fee_fen, o.integer("makeup_fee_fen", 0, kMaxFen));
  std::optional<std::string> note;
  RC_POLICY_READ(note, o.optional_string("note"));
  p.fees.note = note.value_or("");
  return o.finish();
}

Result<void> read_certificate(StrictObject& doc, Policy& p) {
  RC_POLICY_OPEN(o, section(doc, "certificate"));
  std::optional<std::int64_t> years;
  RC_POLICY_READ(years, o.integer_or_null("validity_years", 1, 100));
  if (years) p.certificate.validity_years = static_cast<int>(*years);
  RC_POLICY_READ(p.certificate.provisional, o.boolean("provisional"));
  std::optional<std::string> note;
  RC_POLICY_READ(note, o.optional_string("note"));
  p.certificate.note = note.value_or("");
  return o.finish();
}

Result<void> read_header(StrictObject& doc, Policy& p) {
  RC_POLICY_READ(p.id, doc.string("id", 64));
  if (auto r = valid_policy_id(p.id); !r) return fail(r.error());
  RC_POLICY_READ(p.title, doc.string("title"));
  std::optional<std::string> comment;
  RC_POLICY_READ(comment, doc.optional_string("comment"));
  p.comment = comment.value_or("");
  std::optional<bool> provisional;
  RC_POLICY_READ(provisional, doc.optional_boolean("provisional"));
  p.provisional = provisional.value_or(false);
  RC_POLICY_READ(p.effective_from, doc.date("effective_from"));
  if (auto r = doc.required("effective_until"); !r) return fail(r.error());
  RC_POLICY_READ(p.effective_until, doc.date_or_null("effective_until"));
  if (p.effective_until && *p.effective_until < p.effective_from)
    return fail(kCode, "effective_until", "失效日期早于生效日期（D18）", "D18");
  std::optional<std::int64_t> cap;
  RC_POLICY_READ(cap, doc.integer_or_null("registration_cap", 1, 1000));
  if (cap) p.registration_cap = static_cast<int>(*cap);
  return ok();
}

#undef RC_POLICY_READ
#undef RC_POLICY_OPEN

}  // namespace

Result<Policy> parse_policy(const json& document) {
  auto doc = StrictObject::open(document, "", kCode);
  if (!doc) return fail(doc.error());
  Policy p;
  for (auto step : {read_header, read_occupation, read_eligibility, read_theory, read_practical, read_results,
                    read_retakes, read_fees, read_certificate}) {
    if (auto r = step(*doc, p); !r) return fail(r.error());
  }
  if (auto r = doc->finish(); !r) return fail(r.error());
  return p;
}

Result<Policy> parse_policy_text(std::string_view text) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return fail(kCode, "$", "政策文件不是合法的 JSON");
  return parse_policy(doc);
}

}  // namespace rc
