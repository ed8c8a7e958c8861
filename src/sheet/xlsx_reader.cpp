#include "sheet/xlsx_reader.h"

#include <optional>
#include <utility>

#include "sheet/excel_number.h"
#include "sheet/table_builder.h"
#include "sheet/xlsx_package.h"
#include "sheet/xml_support.h"
#include "sheet/zip_archive.h"

namespace rc::sheet {
namespace {

constexpr int kMaxSheetRow = 1048576;
constexpr int kMaxSheetColumn = 16384;

struct CellRef {
  int column = 0;  // 0-based
  int row = 0;     // 1-based, 0 when the reference has no row part
};

// "C12" -> {2, 12}; nullopt when malformed or outside Excel's grid.
std::optional<CellRef> parse_cell_ref(std::string_view ref) {
  std::size_t i = 0;
  long col = 0;
  while (i < ref.size() && i < 4 && ref[i] >= 'A' && ref[i] <= 'Z') col = col * 26 + (ref[i++] - 'A' + 1);
  if (i == 0 || col > kMaxSheetColumn) return std::nullopt;
  long row = 0;
  const std::size_t digits_from = i;
  while (i < ref.size() && i - digits_from < 8 && ref[i] >= '0' && ref[i] <= '9') row = row * 10 + (ref[i++] - '0');
  if (i != ref.size() || row > kMaxSheetRow) return std::nullopt;
  return CellRef{static_cast<int>(col - 1), static_cast<int>(row)};
}

Result<void> read_number(const XlsxPackage& pkg, pugi::xml_node c, std::string_view v, int column,
                         TableBuilder& out) {
  const int style = xml::non_negative_int(xml::attribute(c, "s"));
  const bool is_date = style >= 0 && static_cast<std::size_t>(style) < pkg.date_styles.size() &&
                       pkg.date_styles[static_cast<std::size_t>(style)];
  const FormattedNumber num = format_number(v);
  if (num.status == NumberText::kNotANumber)
    return out.add_cell_error(column, ErrorCode::kSheetBadCell, "不是有效的数字");
  if (is_date) {
    if (const auto d = date_from_serial(num.value, pkg.date1904)) return out.add_cell(column, d->to_string());
    return out.add_cell_error(column, ErrorCode::kSheetBadCell, "日期无效，请按 YYYY-MM-DD 填写真实日期");
  }
  if (num.status == NumberText::kPrecisionLost)
    return out.add_cell_error(column, ErrorCode::kSheetBadCell,
                              "这是超过 15 位的数字，Excel 只保留 15 位有效数字，末尾几位已经丢失（证件号码常见此问题）。"
                              "请把该列设置为“文本”格式，重新输入号码后再导入");
  return out.add_cell(column, num.text);
}

Result<void> read_cell(const XlsxPackage& pkg, pugi::xml_node c, int column, TableBuilder& out) {
  const std::string_view t = xml::attribute(c, "t");
  const std::string_view v = xml::child(c, "v").child_value();
  if (t == "s") {
    const int index = xml::non_negative_int(v);
    if (index < 0 || static_cast<std::size_t>(index) >= pkg.shared_strings.size())
      return v.empty() ? ok() : out.add_cell_error(column, ErrorCode::kSheetBadCell, "引用了不存在的共享字符串");
    return out.add_cell(column, pkg.shared_strings[static_cast<std::size_t>(index)]);
  }
  if (t == "inlineStr") return out.add_cell(column, xml::rich_text(xml::child(c, "is")));
  if (t == "str") return out.add_cell(column, std::string(v));
  if (t == "b") return out.add_cell(column, v.empty() ? std::string() : v == "1" ? "TRUE" : "FALSE");
  if (t == "e") return out.add_cell_error(column, ErrorCode::kSheetBadCell, "公式计算出错（" + std::string(v) + "）");
  if (t == "d") return out.add_cell(column, std::string(v.substr(0, 10)));
  if (v.empty()) return ok();
  return read_number(pkg, c, v, column, out);
}

Result<void> read_row(const XlsxPackage& pkg, pugi::xml_node row, int row_number, TableBuilder& out) {
  out.begin_row(row_number);
  int column = -1;
  for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element || xml::local_name(c.name()) != "c") continue;
    const std::string_view ref = xml::attribute(c, "r");
    if (ref.empty()) {
      ++column;
    } else {
      const auto parsed = parse_cell_ref(ref);
      if (!parsed)
        return fail(ErrorCode::kSheetUnreadable, std::string(ref.substr(0, 16)),
                    "无法读取 .xlsx 文件：第 " + std::to_string(row_number) + " 行有无效的单元格位置");
      column = parsed->column;
    }
    if (column >= kMaxSheetColumn)
      return fail(ErrorCode::kSheetUnreadable, "", "无法读取 .xlsx 文件：单元格超出表格范围");
    if (auto r = read_cell(pkg, c, column, out); !r) return r;
  }
  return out.end_row();
}

Result<Table> read_sheet(const XlsxPackage& pkg, std::string& text, const ReadLimits& limits) {
  pugi::xml_document doc;
  if (auto r = xml::load(doc, text, pkg.sheet_path); !r) return fail(r.error());
  const pugi::xml_node data = xml::child(doc.document_element(), "sheetData");
  TableBuilder out(limits);
  int row_number = 0;
  for (pugi::xml_node row = data.first_child(); row; row = row.next_sibling()) {
    if (row.type() != pugi::node_element || xml::local_name(row.name()) != "row") continue;
    const int r = xml::non_negative_int(xml::attribute(row, "r"));
    row_number = r > 0 ? r : row_number + 1;
    if (row_number > kMaxSheetRow) return fail(ErrorCode::kSheetUnreadable, "", "无法读取 .xlsx 文件：行号超出表格范围");
    if (auto res = read_row(pkg, row, row_number, out); !res) return fail(res.error());
  }
  return out.finish();
}

}  // namespace

Result<Table> read_xlsx(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.starts_with("\xD0\xCF\x11\xE0"))
    return fail(ErrorCode::kSheetUnreadable, "file",
                "这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中“另存为” .xlsx 格式后再上传");
  auto zip = ZipArchive::open(bytes, limits);
  if (!zip) return fail(zip.error());
  auto pkg = load_package(*zip);
  if (!pkg) return fail(pkg.error());
  auto text = zip->read(pkg->sheet_path);
  if (!text) {
    if (text.error().code != ErrorCode::kNotFound) return fail(text.error());
    return fail(ErrorCode::kSheetUnreadable, "file", "无法读取 .xlsx 文件：缺少工作表 " + pkg->sheet_path);
  }
  return read_sheet(*pkg, *text, limits);
}

}  // namespace rc::sheet
