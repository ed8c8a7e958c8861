// libFuzzer target: arbitrary bytes as a 题库 spreadsheet header and row (cells separated by
// 0x1E), through map_item_header and parse_item_row — the validation the app runs on every .xlsx
// row. Never crash; every error message renders as valid JSON; an accepted row gives a valid item
// that exports to the same row.
// Seed corpus: fuzz/corpus/exam_item_row/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "exam/item_json.h"
#include "exam/item_row.h"

namespace {

std::vector<std::string> split(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == '\x1E') {
      out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

void render(const std::vector<rc::Error>& errors) {
  for (const auto& e : errors) {
    if (e.message.empty()) std::abort();
    (void)nlohmann::json{{"field", e.field}, {"message", e.message}}.dump();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto cells = split(std::string_view(reinterpret_cast<const char*>(data), size));
  render(rc::exam::map_item_header(cells).errors);
  rc::exam::ItemRow row;
  row.row = 2;
  for (std::size_t i = 0; i < cells.size() && i < row.cells.size(); ++i) row.cells[i] = cells[i];
  auto result = rc::exam::parse_item_row(row);
  render(result.errors);
  if (result.item.has_value() != result.errors.empty()) std::abort();
  if (!result.item) return 0;
  if (!rc::exam::validate_item(*result.item)) std::abort();
  (void)rc::exam::item_to_json(*result.item).dump();
  auto back = rc::exam::parse_item_row(rc::exam::ItemRow{2, rc::exam::item_to_row(*result.item)});
  if (!back.item || !rc::exam::same_content(*back.item, *result.item)) std::abort();
  return 0;
}
