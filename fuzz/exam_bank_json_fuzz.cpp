// libFuzzer target: arbitrary bytes as a question-bank document (F8 import). Never crash, hang or
// leak; refusals carry a renderable message; an accepted bank round-trips through export, builds
// a QuestionBank, and — when it can supply a small blueprint — gives a paper whose seal verifies
// against the bank.
// Seed corpus: fuzz/corpus/exam_bank_json/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "exam/bank.h"
#include "exam/item_json.h"
#include "exam/paper.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto doc = rc::exam::parse_bank_text(text);
  if (!doc) {
    if (doc.error().message.empty()) std::abort();
    (void)nlohmann::json{{"field", doc.error().field}, {"message", doc.error().message}}.dump();
    return 0;
  }
  const std::string exported = rc::exam::bank_to_json(*doc).dump();
  auto again = rc::exam::parse_bank_text(exported);
  if (!again || rc::exam::bank_to_json(*again).dump() != exported) std::abort();
  auto bank = rc::exam::QuestionBank::from_document(std::move(*doc));
  if (!bank) std::abort();  // parse_bank_text already checked everything build checks
  rc::exam::BlueprintWeights w;
  w.id = "fuzz";
  w.weight_bp = {0, 10000, 0, 0, 0, 0, 0};  // everything from 基础知识
  auto bp = rc::exam::derive_blueprint(w, rc::TheoryPaper{rc::QuestionBlock{2, 1}, rc::QuestionBlock{1, 1}, 100, 1});
  if (!bp) std::abort();
  auto paper = rc::exam::generate_paper(*bank, *bp, rc::exam::PaperRequest{"s", "c", size});
  if (paper && !rc::exam::verify_paper_against_bank(*paper, *bank)) std::abort();
  return 0;
}
