// libFuzzer target: arbitrary bytes as a stored sealed paper (exam/paper_json.h). Never crash,
// hang or leak; refusals carry a renderable message; an accepted paper's seal verifies and it
// exports to the same canonical text.
// Seed corpus: fuzz/corpus/exam_paper_json/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "exam/paper_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto paper = rc::exam::parse_paper_text(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!paper) {
    if (paper.error().message.empty()) std::abort();
    (void)nlohmann::json{{"field", paper.error().field}, {"message", paper.error().message}}.dump();
    return 0;
  }
  if (!rc::exam::verify_seal(*paper)) std::abort();
  auto again = rc::exam::parse_paper_text(rc::exam::paper_to_json(*paper).dump());
  if (!again || rc::exam::canonical_paper_text(*again) != rc::exam::canonical_paper_text(*paper)) std::abort();
  return 0;
}
