#include "app/rules_evaluation.h"

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "domain/policy/strict_json.h"
#include "domain/rules/engine.h"

namespace rc::app {
namespace {

using nlohmann::json;

// Evaluates a Result-returning expression; returns its error, or declares `name` with its value.
#define RC_LET(name, expr)                               \
  auto name##_result = (expr);                           \
  if (!name##_result) return fail(name##_result.error()); \
  auto& name = *name##_result

constexpr int kMaxDepth = 16;  // a valid document nests 5 deep

// Watches the parser: refuses duplicate keys (nlohmann would keep the last silently) and nesting
// deeper than kMaxDepth, and remembers where the first problem was.
class ParseGuard {
 public:
  bool operator()(int depth, json::parse_event_t event, json& parsed) {
    if (depth > kMaxDepth && !problem_) problem_ = Error{ErrorCode::kTooLarge, path(), "JSON 嵌套层数过深", ""};
    switch (event) {
      case json::parse_event_t::object_start: frames_.push_back(Frame{false, 0, {}, {}}); break;
      case json::parse_event_t::array_start: frames_.push_back(Frame{true, 0, {}, {}}); break;
      case json::parse_event_t::key: on_key(parsed); break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!frames_.empty()) frames_.pop_back();
        element_done();
        break;
      case json::parse_event_t::value: element_done(); break;
    }
    return depth <= kMaxDepth;  // drop what is too deep instead of building it
  }
  const std::optional<Error>& problem() const { return problem_; }

 private:
  struct Frame {
    bool array;
    std::size_t count;  // completed elements (arrays)
    std::string key;    // current key (objects)
    std::set<std::string> keys;
  };
  void on_key(const json& parsed) {
    if (frames_.empty() || !parsed.is_string()) return;
    Frame& f = frames_.back();
    f.key = parsed.get<std::string>();
    if (!f.keys.insert(f.key).second && !problem_)
      problem_ = Error{ErrorCode::kInvalidValue, path(), "字段 " + quote_for_message(f.key) + " 重复出现", ""};
  }
  void element_done() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().count;
  }
  std::string path() const {
    std::string p;
    for (const Frame& f : frames_) p = f.array ? json_path(p, f.count) : json_path(p, f.key);
    return p.empty() ? "$" : p;
  }
  std::vector<Frame> frames_;
  std::optional<Error> problem_;
};

Result<json> parse_json(std::string_view text) {
  if (text.size() > kMaxRulesDocumentBytes)
    return fail(ErrorCode::kTooLarge, "$", "输入内容过大：最多 " + std::to_string(kMaxRulesDocumentBytes) + " 字节");
  ParseGuard guard;
  json doc;
  try {
    doc = json::parse(text.begin(), text.end(), std::ref(guard), /*allow_exceptions=*/true);
  } catch (const json::exception& e) {
    const std::size_t at = [&] {
      if (const auto* pe = dynamic_cast<const json::parse_error*>(&e)) return pe->byte;
      return std::size_t{0};
    }();
    return fail(ErrorCode::kMalformedJson, "$",
                at > 0 ? "JSON 格式错误（第 " + std::to_string(at) + " 字节附近），无法解析" : "JSON 格式错误，无法解析");
  }
  if (guard.problem()) return fail(*guard.problem());
  return doc;
}

template <class E>
Result<E> enum_value(StrictObject& o, std::string_view key, std::optional<E> (*from_code)(std::string_view),
                     std::string_view allowed) {
  RC_LET(text, o.string(key, 1000));
  if (auto v = from_code(text)) return *v;
  return fail(ErrorCode::kUnknownEnumValue, o.field(key),
              "不支持的取值 " + quote_for_message(text) + "，应为 " + std::string(allowed));
}

Result<std::optional<std::int64_t>> score_value(StrictObject& o) {
  if (!o.has("score")) {
    (void)o.required("score");  // mark as read whether absent or null
    return std::optional<std::int64_t>{};
  }
  RC_LET(v, o.required("score"));
  if (!v->is_number()) return fail(ErrorCode::kWrongType, o.field("score"), "分数应为数字，实际为" + std::string(json_type_name(*v)));
  const double x = v->get<double>();
  if (!(x >= 0.0 && x <= 100.0)) return fail(ErrorCode::kScoreOutOfRange, o.field("score"), "分数应在 0 到 100 之间", "R6");
  const double milli = x * 1000.0;
  const auto rounded = static_cast<std::int64_t>(std::llround(milli));
  if (std::fabs(milli - static_cast<double>(rounded)) > 1e-4)
    return fail(ErrorCode::kInvalidValue, o.field("score"), "分数最多保留三位小数");
  return std::optional<std::int64_t>(rounded);
}

Result<rules::Sitting> parse_sitting(const json& j, const std::string& path) {
  RC_LET(o, StrictObject::open(j, path, std::nullopt));
  rules::Sitting s;
  RC_LET(subject, enum_value<rules::Subject>(o, "subject", rules::subject_from_code, "theory 或 practical"));
  RC_LET(date, o.date("date"));
  RC_LET(kind, enum_value<rules::SittingKind>(o, "kind", rules::kind_from_code, "first、onsite_retake、retake 或 makeup"));
  RC_LET(outcome, enum_value<rules::Outcome>(o, "outcome", rules::outcome_from_code, "pass、fail、absent、declined 或 void"));
  RC_LET(score, score_value(o));
  if (auto r = o.finish(); !r) return fail(r.error());
  s.subject = subject;
  s.date = date;
  s.kind = kind;
  s.outcome = outcome;
  s.score_milli = score;
  return s;
}

Result<rules::Registration> parse_registration(const json& j, const std::string& path) {
  RC_LET(o, StrictObject::open(j, path, std::nullopt));
  rules::Registration reg;
  RC_LET(registered_on, o.date("registered_on"));
  RC_LET(fee_paid, o.boolean("fee_paid"));
  RC_LET(sittings, o.array("sittings", rules::kMaxSittingsPerRegistration));
  reg.registered_on = registered_on;
  reg.fee_paid = fee_paid;
  for (std::size_t i = 0; i < sittings->size(); ++i) {
    RC_LET(s, parse_sitting((*sittings)[i], json_path(o.field("sittings"), i)));
    reg.sittings.push_back(s);
  }
  if (auto r = o.finish(); !r) return fail(r.error());
  return reg;
}

json subject_json(const rules::SubjectDecision& s) {
  json o{{"status", rules::code(s.status)}, {"rule", s.rule}};
  if (s.kind) o["kind"] = rules::code(*s.kind);
  if (s.deadline) o["deadline"] = s.deadline->to_string();
  if (s.free) o["free"] = *s.free;
  if (s.passed_on) o["passed_on"] = s.passed_on->to_string();
  if (s.valid_until) o["valid_until"] = s.valid_until->to_string();
  return o;
}

}  // namespace

Result<rules::History> parse_rules_document(std::string_view json_text) {
  RC_LET(doc, parse_json(json_text));
  RC_LET(root, StrictObject::open(doc, "", std::nullopt));
  rules::History h;
  RC_LET(today, root.date("today"));
  RC_LET(birth_date, root.date("birth_date"));
  RC_LET(policy, root.optional_string("policy", 64));
  RC_LET(regs, root.array("registrations", rules::kMaxRegistrations));
  h.today = today;
  h.birth_date = birth_date;
  h.policy = policy;
  for (std::size_t i = 0; i < regs->size(); ++i) {
    RC_LET(reg, parse_registration((*regs)[i], json_path("registrations", i)));
    h.registrations.push_back(std::move(reg));
  }
  if (auto r = root.finish(); !r) return fail(r.error());
  return h;
}

json render_decision(const rules::Decision& d) {
  return json{{"policy", d.policy_id},
              {"registration_status", rules::code(d.registration_status)},
              {"certificate_eligible", d.certificate_eligible},
              {"reregistration_required", d.reregistration_required},
              {"subjects", {{"theory", subject_json(d.theory)}, {"practical", subject_json(d.practical)}}},
              {"explanation", d.explanation}};
}

Result<json> evaluate_rules_document(std::string_view json_text, const PolicyCatalog& policies) {
  RC_LET(history, parse_rules_document(json_text));
  RC_LET(decision, rules::evaluate(history, policies));
  return render_decision(decision);
}

#undef RC_LET

}  // namespace rc::app
