#include "sheet/xlsx_reader.h"

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include "sheet/xlsx_writer.h"
#include "sheet_fixtures.h"

namespace rc::sheet {
namespace {

using testing::make_xlsx;
using testing::make_zip;
using testing::shared_strings;
using testing::sheet_xml;
using Row = std::vector<std::string>;

std::string code_of(const Result<Table>& r) { return r ? "ok" : std::string(code_name(r.error().code)); }

// Writes a workbook with libxlsxwriter directly, for cells our own writer never produces
// (numbers, dates).
std::string xlsx_with_numbers() {
  const std::string path = ::testing::TempDir() + "numbers.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "S");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");
  lxw_format* builtin14 = workbook_add_format(wb);
  format_set_num_format_index(builtin14, 14);
  worksheet_write_string(ws, 0, 0, "手机号码", nullptr);
  worksheet_write_string(ws, 0, 1, "证件号码", nullptr);
  worksheet_write_string(ws, 0, 2, "出生日期", nullptr);
  worksheet_write_string(ws, 0, 3, "日期14", nullptr);
  worksheet_write_number(ws, 1, 0, 13800138000.0, nullptr);
  worksheet_write_number(ws, 1, 1, 511302199003071236.0, nullptr);
  lxw_datetime dt{1990, 3, 7, 0, 0, 0};
  worksheet_write_datetime(ws, 1, 2, &dt, date);
  worksheet_write_number(ws, 1, 3, 32939, builtin14);  // 1990-03-07
  worksheet_write_number(ws, 2, 0, 0.5, nullptr);
  worksheet_write_boolean(ws, 2, 1, 1, nullptr);
  workbook_close(wb);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path.c_str());
  return bytes;
}

TEST(XlsxReader, ReadsWhatOurWriterWrites) {
  WorkbookSpec spec;
  spec.sheet_name = "报名信息表";
  spec.columns = {{"姓名", 10, false, {}}, {"证件号码", 22, true, {}}, {"备注", 20, false, {}}};
  spec.rows = {{"张三", "511302199003071236", "<script>'; DROP TABLE x;--"}, {"李四", "51130420000229011X", ""}};
  spec.instructions_sheet_name = "填写说明";
  spec.instructions = {"第一行", "第二行"};
  auto bytes = write_xlsx(spec);
  ASSERT_TRUE(bytes) << bytes.error().message;
  auto t = read_xlsx(*bytes);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->header, (Row{"姓名", "证件号码", "备注"}));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0], (Row{"张三", "511302199003071236", "<script>'; DROP TABLE x;--"}));
  EXPECT_EQ(t->rows[1], (Row{"李四", "51130420000229011X"}));
  EXPECT_EQ(t->row_numbers, (std::vector<int>{2, 3}));
  EXPECT_EQ(t->header_row_number, 1);
  EXPECT_TRUE(t->cell_errors.empty());
}

TEST(XlsxReader, NumbersDatesBooleansAndANumericIdNumber) {
  auto t = read_xlsx(xlsx_with_numbers());
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0][0], "13800138000");
  EXPECT_EQ(t->rows[0][1], "");  // refused: Excel kept only 15 digits
  EXPECT_EQ(t->rows[0][2], "1990-03-07");
  EXPECT_EQ(t->rows[0][3], "1990-03-07");
  EXPECT_EQ(t->rows[1], (Row{"0.5", "TRUE"}));
  ASSERT_EQ(t->cell_errors.size(), 1u);
  const CellError& e = t->cell_errors[0];
  EXPECT_EQ(e.row, 2);
  EXPECT_EQ(e.column, 1);
  EXPECT_EQ(code_name(e.error.code), "sheet.bad_cell");
  EXPECT_EQ(e.error.field, "B2");
  EXPECT_NE(e.error.message.find("第 2 行 B 列"), std::string::npos) << e.error.message;
  EXPECT_NE(e.error.message.find("文本"), std::string::npos) << e.error.message;
}

TEST(XlsxReader, GapsInCellAndRowReferencesAreKept) {
  const std::string rows =
      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c><c r="C1" t="inlineStr"><is><t>丙</t></is></c></row>)"
      R"(<row r="5"><c r="B5" t="inlineStr"><is><t>乙</t></is></c><c t="inlineStr"><is><t>next</t></is></c></row>)"
      R"(<row><c r="A6" t="str"><f>1+1</f><v>2</v></c></row>)";
  auto t = read_xlsx(make_xlsx(sheet_xml(rows)));
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->header, (Row{"甲", "", "丙"}));
  EXPECT_EQ(t->rows[0], (Row{"", "乙", "next"}));
  EXPECT_EQ(t->rows[1], (Row{"2"}));
  EXPECT_EQ(t->row_numbers, (std::vector<int>{5, 6}));
}

TEST(XlsxReader, SharedStringsWithRichTextRunsAndPhoneticGuides) {
  const std::string sst =
      R"(<sst xmlns="x"><si><t xml:space="preserve"> 姓名 </t></si><si><r><t>张</t></r><r><rPr><b/></rPr><t>三</t></r><rPh><t>zhang</t></rPh></si></sst>)";
  auto t = read_xlsx(make_xlsx(sheet_xml(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>7</v></c></row>)"), sst));
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->header, (Row{" 姓名 "}));
  EXPECT_EQ(t->rows[0], (Row{"张三"}));
  ASSERT_EQ(t->cell_errors.size(), 1u);  // index 7 does not exist
  EXPECT_EQ(t->cell_errors[0].error.field, "B2");
}

TEST(XlsxReader, MissingSharedStringsPartIsNotFatal) {
  auto t = read_xlsx(make_xlsx(sheet_xml(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="s"><v>0</v></c></row>)")));
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->header, (Row{"a"}));
  EXPECT_EQ(t->cell_errors.size(), 1u);
}

TEST(XlsxReader, PrefixedElementNames) {
  const std::string sheet =
      R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>头</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>)";
  auto t = read_xlsx(make_xlsx(sheet));
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->header, (Row{"头"}));
}

TEST(XlsxReader, DateStylesAndTheTwoDateSystems) {
  const std::string styles =
      R"(<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="57"/><xf numFmtId="20"/></cellXfs></styleSheet>)";
  const std::string rows =
      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row>)"
      R"(<row r="2"><c r="A2" s="1"><v>59</v></c><c r="B2" s="1"><v>61</v></c><c r="C2" s="2"><v>32939.75</v></c><c r="D2" s="3"><v>0.5</v></c><c r="E2" s="1"><v>60</v></c></row>)";
  auto t = read_xlsx(make_xlsx(sheet_xml(rows), "", styles));
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->rows[0], (Row{"1900-02-28", "1900-03-01", "1990-03-07", "0.5"}));
  ASSERT_EQ(t->cell_errors.size(), 1u);  // serial 60 is the phantom 1900-02-29
  EXPECT_EQ(t->cell_errors[0].error.field, "E2");

  std::string wb1904 = testing::kWorkbook;
  wb1904.replace(wb1904.find("<sheets>"), 8, R"(<workbookPr date1904="1"/><sheets>)");
  auto t1904 = read_xlsx(make_xlsx(sheet_xml(rows), "", styles, wb1904));
  ASSERT_TRUE(t1904) << t1904.error().message;
  EXPECT_EQ(t1904->rows[0][0], "1904-02-29");
}

TEST(XlsxReader, HugeDimensionIsIgnoredButCellsOutsideTheLimitsAreNot) {
  auto t = read_xlsx(make_xlsx(sheet_xml(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="XFD1" s="0"/></row>)",
                                         R"(<dimension ref="A1:XFD1048576"/>)")));
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->header, (Row{"a"}));
  auto far = read_xlsx(make_xlsx(sheet_xml(R"(<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>)")));
  EXPECT_EQ(code_of(far), "sheet.too_large");
  EXPECT_EQ(code_of(read_xlsx(make_xlsx(sheet_xml(R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)")))), "sheet.unreadable");
  EXPECT_EQ(code_of(read_xlsx(make_xlsx(sheet_xml(R"(<row r="1048577"><c><v>1</v></c></row>)")))), "sheet.unreadable");
}

TEST(XlsxReader, RowAndCellLimits) {
  std::string rows;
  for (int r = 1; r <= 5; ++r) rows += "<row r=\"" + std::to_string(r) + "\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>";
  ReadLimits small;
  small.max_rows = 3;
  EXPECT_EQ(code_of(read_xlsx(make_xlsx(sheet_xml(rows)), small)), "sheet.too_large");
  small.max_rows = 4;
  EXPECT_EQ(code_of(read_xlsx(make_xlsx(sheet_xml(rows)), small)), "ok");

  const std::string long_text(1001, 'a');
  auto t = read_xlsx(make_xlsx(sheet_xml("<row r=\"1\"><c t=\"inlineStr\"><is><t>h</t></is></c></row><row r=\"2\"><c t=\"inlineStr\"><is><t>" +
                                         long_text + "</t></is></c></row>")));
  ASSERT_TRUE(t);
  ASSERT_EQ(t->cell_errors.size(), 1u);
  EXPECT_EQ(t->rows.size(), 1u);  // the row is kept so the validator can point at it
}

TEST(XlsxReader, InvalidUtf8AndControlCharactersBecomeCellErrors) {
  auto t = read_xlsx(make_xlsx(sheet_xml(
      "<row r=\"1\"><c t=\"inlineStr\"><is><t>ok</t></is></c><c t=\"inlineStr\"><is><t>\xC3\x28</t></is></c>"
      "<c t=\"inlineStr\"><is><t>a&#1;b</t></is></c></row>")));
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->cell_errors.size(), 2u);
  EXPECT_EQ(code_name(t->cell_errors[0].error.code), "sheet.bad_encoding");
  EXPECT_EQ(code_name(t->cell_errors[1].error.code), "sheet.bad_cell");
}

TEST(XlsxReader, DoctypeIsRefused) {
  const std::string evil =
      R"(<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>)";
  auto t = read_xlsx(make_xlsx(evil));
  ASSERT_FALSE(t);
  EXPECT_EQ(code_name(t.error().code), "sheet.unreadable");
  EXPECT_NE(t.error().message.find("DOCTYPE"), std::string::npos);
  std::string wb = testing::kWorkbook;
  wb.insert(wb.find("<workbook"), "<!DOCTYPE lol [<!ENTITY lol \"lol\">]>");
  EXPECT_EQ(code_of(read_xlsx(make_xlsx(sheet_xml(""), "", "", wb))), "sheet.unreadable");
}

TEST(XlsxReader, ZipBombsAreRefused) {
  const std::string zeros(60u << 20, '\0');  // 60 MB that deflate to ~60 KB
  auto big = read_xlsx(make_xlsx(sheet_xml("<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c></row>"), zeros));
  ASSERT_FALSE(big);
  EXPECT_EQ(code_name(big.error().code), "sheet.too_large");
  const std::string ratio(5u << 20, ' ');  // small enough in total, but a ratio of ~1000
  EXPECT_EQ(code_of(read_xlsx(make_xlsx(sheet_xml("<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c></row>" + ratio)))),
            "sheet.too_large");
  ReadLimits tight;
  tight.max_compressed_bytes = 100;
  EXPECT_EQ(code_of(read_xlsx(make_xlsx(sheet_xml("")), tight)), "sheet.too_large");
}

TEST(XlsxReader, NotAZipTruncatedAndOtherBrokenFiles) {
  EXPECT_EQ(code_of(read_xlsx("")), "sheet.unreadable");
  EXPECT_EQ(code_of(read_xlsx("姓名,证件号码\n张三,1\n" + std::string(100, ' '))), "sheet.unreadable");
  auto xls = read_xlsx(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") + std::string(600, '\0'));
  ASSERT_FALSE(xls);
  EXPECT_NE(xls.error().message.find(".xls"), std::string::npos);
  const std::string good = make_xlsx(sheet_xml("<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c></row>"));
  ASSERT_TRUE(read_xlsx(good));
  for (std::size_t cut : {good.size() / 2, good.size() - 10, std::size_t{30}})
    EXPECT_EQ(code_of(read_xlsx(good.substr(0, cut))), "sheet.unreadable") << cut;
  std::string flipped = good;
  flipped[60] = static_cast<char>(flipped[60] ^ 0x55);  // inside the first entry's data: CRC or inflate fails
  EXPECT_NE(code_of(read_xlsx(flipped)), "ok");
  EXPECT_EQ(code_of(read_xlsx(make_zip({{"hello.txt", "hi"}}))), "sheet.unreadable");
  EXPECT_EQ(code_of(read_xlsx(make_xlsx("<worksheet><sheetData><row></worksheet>"))), "sheet.unreadable");
  EXPECT_EQ(code_of(read_xlsx(make_xlsx(sheet_xml("")))), "sheet.empty");
}

}  // namespace
}  // namespace rc::sheet
