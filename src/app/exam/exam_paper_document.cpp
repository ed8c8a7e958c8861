#include "app/exam/exam_paper_document.h"

#include "app/exam/exam_bank.h"
#include "exam/paper_json.h"

namespace rc::app {

using nlohmann::json;

std::string paper_to_json_text(const exam::Paper& paper) {
  // nlohmann's objects are std::map: keys sorted, no spaces, so the same paper gives the same text.
  return exam::paper_to_json(paper).dump();
}

Result<exam::Paper> paper_from_json_text(std::string_view text) { return exam::parse_paper_text(text); }

std::string choice_counts(const exam::Paper& paper) {
  std::string out;
  out.reserve(paper.questions.size());
  for (const auto& q : paper.questions) out.push_back(static_cast<char>('0' + exam::choice_count(q.kind)));
  return out;
}

Result<nlohmann::json> exam_question_views(store::Transaction& tx, const exam::Paper& paper) {
  json out = json::array();
  int no = 0;
  for (const auto& q : paper.questions) {
    ++no;
    auto found = paper_item(tx, paper.bank_id, q);
    if (!found) return fail(found.error());
    const exam::Item* item = found->get();
    json choices = json::array();
    const auto texts = exam::displayed_options(*item, q);
    for (std::size_t c = 0; c < exam::choice_count(q.kind); ++c) {
      std::string label(exam::choice_label(q.kind, c));
      // True/false choices are their labels (正确/错误): no text beside them.
      std::string body = q.kind == exam::ItemKind::kSingleChoice ? std::string(texts[c]) : std::string();
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
