// libFuzzer target for the .csv reader (issue 3, hostile uploads): read_csv() must never crash,
// throw or hang on any bytes (UTF-8, GBK, UTF-16, quotes, NUL...), what it returns must respect
// ReadLimits and be valid UTF-8 without control characters, and validate_applicants() must cope
// with it and produce valid UTF-8 messages. Seeds: fuzz/corpus/csv_reader/.
//   cmake --preset fuzz && cmake --build build/fuzz --target csv_reader_fuzz
//   build/fuzz/fuzz/csv_reader_fuzz fuzz/corpus/csv_reader -max_total_time=60

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "app/batch_import.h"
#include "sheet/csv_reader.h"
#include "sheet/text_encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const rc::PolicyCatalog catalog = *rc::PolicyCatalog::embedded();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const rc::sheet::ReadLimits limits;
  auto table = rc::sheet::read_csv(bytes, limits);
  if (!table) {
    if (table.error().message.empty()) std::abort();
    return 0;
  }
  if (table->rows.size() != table->row_numbers.size()) std::abort();
  for (const auto& row : table->rows)
    for (const auto& cell : row)
      if (cell.size() > limits.max_cell_bytes || !rc::sheet::is_valid_utf8(cell) ||
          rc::sheet::find_control_character(cell) != std::string::npos)
        std::abort();
  const rc::app::ImportContext ctx{*rc::CivilDate::parse("2026-03-01"), 5, catalog,
                                   [](std::string_view, std::string_view id) { return id.ends_with("0"); }};
  auto result = rc::app::validate_applicants(*table, ctx);
  if (result) {
    for (const auto& a : result->applicants)
      if (a.mobile.size() != 11 || a.id.normalized.empty()) std::abort();
  } else {
    for (const auto& e : result.error().errors)
      if (e.message.empty() || !rc::sheet::is_valid_utf8(e.message)) std::abort();
  }
  return 0;
}
