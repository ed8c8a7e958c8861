#include "app/exam/exam_paper_document.h"

#include "app/exam/exam_bank.h"

namespace rc::app {
namespace {

using nlohmann::json;

json question_json(const exam::PaperQuestion& q) {
  return json{{"item", q.item_id},       {"version", q.item_version},
              {"kind", std::string(exam::kind_code(q.kind))}, {"area", std::string(exam::area_code(q.area))},
              {"order", json::array({q.order[0], q.order[1], q.order[2], q.order[3]})},
              {"key", q.key},            {"points", q.points},
              {"digest", q.item_digest}};
}

Result<exam::PaperQuestion> question_from(const json& j) {
  exam::PaperQuestion q;
  q.item_id = j.at("item").get<std::string>();
  q.item_version = j.at("version").get<int>();
  auto kind = exam::kind_from_code(j.at("kind").get<std::string>());
  auto area = exam::area_from_code(j.at("area").get<std::string>());
  if (!kind || !area) return fail(ErrorCode::kInvalidValue, "paper_json", "试卷中的题型或知识领域无法识别");
  q.kind = *kind;
  q.area = *area;
  const auto& order = j.at("order");
  if (!order.is_array() || order.size() != exam::kOptionCount)
    return fail(ErrorCode::kInvalidValue, "paper_json", "试卷中的选项顺序有误");
  for (std::size_t i = 0; i < exam::kOptionCount; ++i) q.order[i] = order[i].get<std::uint8_t>();
  q.key = j.at("key").get<std::uint8_t>();
  q.points = j.at("points").get<int>();
  q.item_digest = j.at("digest").get<std::string>();
  return q;
}

}  // namespace

std::string paper_to_json_text(const exam::Paper& paper) {
  json questions = json::array();
  for (const auto& q : paper.questions) questions.push_back(question_json(q));
  json doc{{"sitting", paper.request.sitting_id}, {"candidate", paper.request.candidate_id},
           {"seed", std::to_string(paper.request.seed)}, {"bank", paper.bank_id},
           {"blueprint", paper.blueprint_id},   {"questions", std::move(questions)},
           {"seal", paper.seal}};
  return doc.dump();  // nlohmann's objects are std::map: keys sorted, so the text is canonical
}

Result<exam::Paper> paper_from_json_text(std::string_view text) {
  auto doc = json::parse(text, nullptr, false);
  if (!doc.is_object()) return fail(ErrorCode::kInvalidValue, "paper_json", "保存的试卷不是有效的 JSON");
  try {
    exam::Paper p;
    p.request.sitting_id = doc.at("sitting").get<std::string>();
    p.request.candidate_id = doc.at("candidate").get<std::string>();
    p.request.seed = std::stoull(doc.at("seed").get<std::string>());
    p.bank_id = doc.at("bank").get<std::string>();
    p.blueprint_id = doc.at("blueprint").get<std::string>();
    p.seal = doc.at("seal").get<std::string>();
    for (const auto& q : doc.at("questions")) {
      auto parsed = question_from(q);
      if (!parsed) return fail(parsed.error());
      p.questions.push_back(std::move(*parsed));
    }
    return p;
  } catch (const std::exception&) {
    return fail(ErrorCode::kInvalidValue, "paper_json", "保存的试卷缺少字段或字段类型有误");
  }
}

std::string choice_counts(const exam::Paper& paper) {
  std::string out;
  out.reserve(paper.questions.size());
  for (const auto& q : paper.questions) out.push_back(static_cast<char>('0' + exam::choice_count(q.kind)));
  return out;
}

Result<nlohmann::json> exam_question_views(const exam::Paper& paper) {
  auto bank = exam_bank(paper.bank_id);
  if (!bank) return fail(bank.error());
  json out = json::array();
  int no = 0;
  for (const auto& q : paper.questions) {
    ++no;
    const exam::Item* item = (*bank)->find(q.item_id, q.item_version);
    if (!item) return fail(ErrorCode::kNotFound, "paper", "题库中找不到试卷第 " + std::to_string(no) + " 题");
    json choices = json::array();
    const auto texts = exam::displayed_options(*item, q);
    for (std::size_t c = 0; c < exam::choice_count(q.kind); ++c) {
      std::string label(exam::choice_label(q.kind, c));
      std::string body = q.kind == exam::ItemKind::kSingleChoice ? std::string(texts[c]) : label;
      choices.push_back({{"value", c}, {"label", label}, {"text", body}});
    }
    out.push_back({{"no", no},
                   {"kind", std::string(exam::kind_code(q.kind))},
                   {"kind_name", std::string(exam::kind_name_zh(q.kind))},
                   {"stem", item->stem},
                   {"choices", std::move(choices)}});
  }
  return out;
}

}  // namespace rc::app
