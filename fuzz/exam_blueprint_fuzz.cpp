// libFuzzer target: arbitrary bytes as a blueprint weights document (data/blueprint-*.json or an
// operator's file), then derive_blueprint against the standard paper: never crash; an accepted
// document gives counts that add up to the paper exactly.
// Seed corpus: fuzz/corpus/exam_blueprint/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "exam/blueprint.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto w = rc::exam::parse_blueprint_weights_text(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!w) {
    if (w.error().message.empty()) std::abort();
    (void)nlohmann::json{{"field", w.error().field}, {"message", w.error().message}}.dump();
    return 0;
  }
  auto bp = rc::exam::derive_blueprint(*w, rc::TheoryPaper{rc::QuestionBlock{80, 1}, rc::QuestionBlock{20, 1}, 100, 60});
  if (!bp || bp->total(rc::exam::ItemKind::kSingleChoice) != 80 || bp->total(rc::exam::ItemKind::kTrueFalse) != 20)
    std::abort();
  return 0;
}
