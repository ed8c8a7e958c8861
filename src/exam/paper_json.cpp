#include "exam/paper_json.h"

#include <charconv>
#include <utility>

#include "domain/policy/strict_json.h"
#include "exam/json_text.h"
#include "exam/result_let.h"

namespace rc::exam {
namespace {

using nlohmann::json;
constexpr std::string_view kFormat = "rc-exam-paper/1";

bool lower_hex64(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

Result<std::string> reference(StrictObject& o, std::string_view key) {
  RC_EXAM_LET(s, o.string(key, 100));
  if (!valid_reference(s)) return fail(ErrorCode::kInvalidValue, o.field(key), "编号应为 1 到 64 个字母、数字或“.”“_”“-”“:”");
  return std::move(s);
}

Result<void> read_order(StrictObject& o, PaperQuestion& q) {
  const std::size_t n = choice_count(q.kind);
  RC_EXAM_LET(arr, o.array("order", kOptionCount));
  if (arr->size() != n)
    return fail(ErrorCode::kInvalidValue, o.field("order"), "选项顺序应列出 " + std::to_string(n) + " 个选项");
  std::array<bool, kOptionCount> seen{};
  for (std::size_t d = 0; d < n; ++d) {
    const json& v = (*arr)[d];
    const std::string f = json_path(o.field("order"), d);
    if (!v.is_number_integer()) return fail(ErrorCode::kWrongType, f, "应为整数，实际为" + std::string(json_type_name(v)));
    std::uint64_t x = n;  // a negative number stays out of range
    if (v.is_number_unsigned()) x = v.get<std::uint64_t>();
    else if (v.get<std::int64_t>() >= 0) x = static_cast<std::uint64_t>(v.get<std::int64_t>());
    if (x >= n || seen[x]) return fail(ErrorCode::kInvalidValue, f, "选项顺序应为 0 到 " + std::to_string(n - 1) + " 的排列");
    seen[x] = true;
    q.order[d] = static_cast<std::uint8_t>(x);
  }
  return ok();
}

Result<PaperQuestion> read_question(const json& value, const std::string& path) {
  RC_EXAM_LET(o, StrictObject::open(value, path, std::nullopt));
  PaperQuestion q;
  RC_EXAM_LET(id, o.string("item_id", 100));
  if (!valid_item_id(id)) return fail(ErrorCode::kInvalidValue, o.field("item_id"), "题目编号无效");
  q.item_id = std::move(id);
  RC_EXAM_LET(version, o.integer("item_version", 1, 1'000'000));
  q.item_version = static_cast<int>(version);
  RC_EXAM_LET(kind, o.string("kind", 20));
  auto k = kind_from_code(kind);
  if (!k) return fail(ErrorCode::kUnknownEnumValue, o.field("kind"), "题型应为 single_choice 或 true_false");
  q.kind = *k;
  RC_EXAM_LET(area, o.string("area", 20));
  auto a = area_from_code(area);
  if (!a) return fail(ErrorCode::kUnknownEnumValue, o.field("area"), "不是已知的知识领域");
  q.area = *a;
  if (auto r = read_order(o, q); !r) return fail(r.error());
  RC_EXAM_LET(key, o.integer("key", 0, static_cast<std::int64_t>(choice_count(q.kind)) - 1));
  q.key = static_cast<std::uint8_t>(key);
  RC_EXAM_LET(points, o.integer("points", 1, 100));
  q.points = static_cast<int>(points);
  RC_EXAM_LET(digest, o.string("item_digest", 64));
  if (!lower_hex64(digest)) return fail(ErrorCode::kInvalidValue, o.field("item_digest"), "题目摘要应为 64 位小写十六进制");
  q.item_digest = std::move(digest);
  if (auto r = o.finish(); !r) return fail(r.error());
  return q;
}

Result<void> read_header(StrictObject& o, Paper& p) {
  RC_EXAM_LET(format, o.string("format", 40));
  if (format != kFormat) return fail(ErrorCode::kUnknownEnumValue, "format", "不支持的试卷格式，应为 " + std::string(kFormat));
  RC_EXAM_LET(sitting, reference(o, "sitting_id"));
  p.request.sitting_id = std::move(sitting);
  RC_EXAM_LET(candidate, reference(o, "candidate_id"));
  p.request.candidate_id = std::move(candidate);
  RC_EXAM_LET(seed, o.string("seed", 20));
  auto [end, ec] = std::from_chars(seed.data(), seed.data() + seed.size(), p.request.seed);
  if (seed.empty() || ec != std::errc{} || end != seed.data() + seed.size() || (seed.size() > 1 && seed[0] == '0'))
    return fail(ErrorCode::kInvalidValue, "seed", "种子应为 0 到 18446744073709551615 的十进制整数字符串");
  RC_EXAM_LET(bank, reference(o, "bank_id"));
  p.bank_id = std::move(bank);
  RC_EXAM_LET(blueprint, reference(o, "blueprint_id"));
  p.blueprint_id = std::move(blueprint);
  RC_EXAM_LET(seal, o.string("seal", 64));
  if (!lower_hex64(seal)) return fail(ErrorCode::kInvalidValue, "seal", "封存摘要应为 64 位小写十六进制");
  p.seal = std::move(seal);
  return ok();
}

}  // namespace

json paper_to_json(const Paper& p) {
  json questions = json::array();
  for (const PaperQuestion& q : p.questions) {
    json order = json::array();
    for (std::size_t d = 0; d < choice_count(q.kind); ++d) order.push_back(q.order[d]);
    questions.push_back(json{{"item_id", q.item_id}, {"item_version", q.item_version}, {"kind", kind_code(q.kind)},
                             {"area", area_code(q.area)}, {"order", std::move(order)}, {"key", q.key},
                             {"points", q.points}, {"item_digest", q.item_digest}});
  }
  return json{{"format", kFormat},        {"sitting_id", p.request.sitting_id}, {"candidate_id", p.request.candidate_id},
              {"seed", std::to_string(p.request.seed)}, {"bank_id", p.bank_id}, {"blueprint_id", p.blueprint_id},
              {"seal", p.seal},           {"questions", std::move(questions)}};
}

Result<Paper> parse_paper_json(const json& document) {
  RC_EXAM_LET(o, StrictObject::open(document, "", std::nullopt));
  Paper p;
  if (auto r = read_header(o, p); !r) return fail(r.error());
  RC_EXAM_LET(questions, o.array("questions", kMaxPaperQuestions));
  p.questions.reserve(questions->size());
  for (std::size_t i = 0; i < questions->size(); ++i) {
    RC_EXAM_LET(q, read_question((*questions)[i], json_path("questions", i)));
    p.questions.push_back(std::move(q));
  }
  if (auto r = o.finish(); !r) return fail(r.error());
  if (auto r = verify_seal(p); !r) return fail(r.error());
  return p;
}

Result<Paper> parse_paper_text(std::string_view text) {
  RC_EXAM_LET(doc, parse_json_text(text, kMaxPaperBytes));
  return parse_paper_json(doc);
}

}  // namespace rc::exam
