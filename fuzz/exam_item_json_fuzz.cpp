// libFuzzer target: arbitrary bytes as one question-bank item in JSON (F8 import). It must never
// crash, hang or leak; a refusal must carry a message and render as valid JSON; an accepted item
// must export and re-import to the same JSON (the round trip the bank export relies on).
// Seed corpus: fuzz/corpus/exam_item_json/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "exam/item_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto item = rc::exam::parse_item_text(text);
  if (!item) {
    if (item.error().message.empty()) std::abort();
    (void)nlohmann::json{{"field", item.error().field}, {"message", item.error().message}}.dump();
    return 0;
  }
  const std::string exported = rc::exam::item_to_json(*item).dump();
  auto again = rc::exam::parse_item_text(exported);
  if (!again || rc::exam::item_to_json(*again).dump() != exported) std::abort();
  return 0;
}
