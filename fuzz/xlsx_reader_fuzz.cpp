// libFuzzer target for the .xlsx reader (issue 3, hostile uploads): read_xlsx() must never crash,
// throw, hang or return text that breaks its own limits, and validate_applicants() must cope with
// whatever it returns. The first byte picks what the rest is, so the fuzzer reaches the XML parsing
// instead of dying on zip checksums:
//   0: the whole .xlsx file; 1: the sheet XML inside a valid package; 2: the shared strings XML;
//   3: the styles XML (date formats) with a sheet of numbers.
// Seeds: fuzz/corpus/xlsx_reader/.
//   cmake --preset fuzz && cmake --build build/fuzz --target xlsx_reader_fuzz
//   build/fuzz/fuzz/xlsx_reader_fuzz fuzz/corpus/xlsx_reader -max_total_time=60

#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/batch_import.h"
#include "sheet/text_encoding.h"
#include "sheet/xlsx_reader.h"

namespace {

const char* kWorkbook =
    R"(<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const char* kRels =
    R"(<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="x/styles" Target="styles.xml"/></Relationships>)";
const char* kSheet =
    R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row><row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>6</v></c><c r="C2" s="1"><v>32939</v></c><c r="D2" s="2"><v>13812345678</v></c><c r="E2" t="s"><v>7</v></c></row></sheetData></worksheet>)";
const char* kShared =
    R"(<sst><si><t>姓名</t></si><si><t>证件号码</t></si><si><t>出生日期</t></si><si><t>手机号码</t></si><si><t>健康声明</t></si><si><t>张伟</t></si><si><t>511302199003071236</t></si><si><t>是</t></si></sst>)";
const char* kStyles =
    R"(<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="1"/></cellXfs></styleSheet>)";

// A stored (uncompressed) zip of the parts, so each run is cheap.
std::string make_zip(const std::vector<std::pair<const char*, std::string>>& parts) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  for (const auto& [name, content] : parts) {
    const zip_int64_t i = zip_file_add(z, name, zip_source_buffer(z, content.data(), content.size(), 0), 0);
    zip_set_file_compression(z, static_cast<zip_uint64_t>(i), ZIP_CM_STORE, 0);
  }
  zip_close(z);
  std::string out;
  if (zip_source_open(src) == 0) {
    zip_source_seek(src, 0, SEEK_END);
    out.resize(static_cast<std::size_t>(zip_source_tell(src)));
    zip_source_seek(src, 0, SEEK_SET);
    zip_source_read(src, out.data(), out.size());
    zip_source_close(src);
  }
  zip_source_free(src);
  zip_error_fini(&err);
  return out;
}

std::string package(std::string sheet, std::string shared, std::string styles) {
  return make_zip({{"xl/workbook.xml", kWorkbook},
                   {"xl/_rels/workbook.xml.rels", kRels},
                   {"xl/worksheets/sheet1.xml", std::move(sheet)},
                   {"xl/sharedStrings.xml", std::move(shared)},
                   {"xl/styles.xml", std::move(styles)}});
}

void check_table(const rc::sheet::Table& t, const rc::sheet::ReadLimits& limits) {
  if (t.rows.size() != t.row_numbers.size() || t.rows.size() > static_cast<std::size_t>(limits.max_rows)) std::abort();
  auto check_row = [&](const std::vector<std::string>& row) {
    if (row.size() > static_cast<std::size_t>(limits.max_columns)) std::abort();
    for (const auto& cell : row)
      if (cell.size() > limits.max_cell_bytes || !rc::sheet::is_valid_utf8(cell) ||
          rc::sheet::find_control_character(cell) != std::string::npos)
        std::abort();
  };
  check_row(t.header);
  for (const auto& row : t.rows) check_row(row);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const rc::PolicyCatalog catalog = *rc::PolicyCatalog::embedded();
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string bytes;
  switch (data[0] % 4) {
    case 0: bytes = rest; break;
    case 1: bytes = package(rest, kShared, kStyles); break;
    case 2: bytes = package(kSheet, rest, kStyles); break;
    default: bytes = package(kSheet, kShared, rest); break;
  }
  const rc::sheet::ReadLimits limits;
  auto table = rc::sheet::read_xlsx(bytes, limits);
  if (!table) {
    if (table.error().message.empty()) std::abort();
    return 0;
  }
  check_table(*table, limits);
  const rc::app::ImportContext ctx{*rc::CivilDate::parse("2026-03-01"), 5, catalog,
                                   [](std::string_view, std::string_view id) { return id.ends_with("0"); }};
  auto result = rc::app::validate_applicants(*table, ctx);
  if (!result)
    for (const auto& e : result.error().errors)
      if (e.message.empty() || !rc::sheet::is_valid_utf8(e.message)) std::abort();
  return 0;
}
