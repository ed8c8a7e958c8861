#include "sheet/csv_reader.h"

#include <gtest/gtest.h>

namespace rc::sheet {
namespace {

using Row = std::vector<std::string>;

std::string code_of(const Result<Table>& r) { return r ? "ok" : std::string(code_name(r.error().code)); }

TEST(CsvReader, QuotesDoubledQuotesAndEmbeddedLineBreaks) {
  auto t = read_csv("姓名,备注\r\n\"张,三\",\"他说\"\"你好\"\"\"\r\n李四,\"第一行\r\n第二行\"\r\n王五,x\r\n");
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->header, (Row{"姓名", "备注"}));
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(t->rows[0], (Row{"张,三", "他说\"你好\""}));
  EXPECT_EQ(t->rows[1], (Row{"李四", "第一行\n第二行"}));
  EXPECT_EQ(t->rows[2], (Row{"王五", "x"}));
  EXPECT_EQ(t->row_numbers, (std::vector<int>{2, 3, 4}));  // records, as Excel numbers them
}

TEST(CsvReader, LfCrlfNoFinalNewlineAndBlankLines) {
  auto t = read_csv("a,b\n\n1,2\r\n\r\n3,4");
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->rows, (std::vector<Row>{{"1", "2"}, {"3", "4"}}));
  EXPECT_EQ(t->row_numbers, (std::vector<int>{3, 5}));
}

TEST(CsvReader, Utf8BomIsStripped) {
  auto t = read_csv("\xEF\xBB\xBF姓名,证件号码\n张三,511302199003071236\n");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->header, (Row{"姓名", "证件号码"}));
}

TEST(CsvReader, GbkBytesAreConverted) {
  const std::string gbk =
      "\xD0\xD5\xC3\xFB\x2C\xD6\xA4\xBC\xFE\xBA\xC5\xC2\xEB\x2C\xB1\xB8\xD7\xA2\x0D\x0A\xD5\xC5\xC8\xFD\x2C\x35\x31\x31\x33"
      "\x30\x32\x31\x39\x39\x30\x30\x33\x30\x37\x31\x32\x33\x36\x2C\x22\xBC\xD7\x2C\xD2\xD2\x22\x0D\x0A";
  auto t = read_csv(gbk);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->header, (Row{"姓名", "证件号码", "备注"}));
  EXPECT_EQ(t->rows[0], (Row{"张三", "511302199003071236", "甲,乙"}));
}

TEST(CsvReader, Utf16WithBomAndTabsAsExcelUnicodeText) {
  const std::u16string text = u"姓名\t证件号码\r\n张三\t511302199003071236\r\n";
  std::string bytes = "\xFF\xFE";
  for (char16_t c : text) bytes += static_cast<char>(c & 0xFF), bytes += static_cast<char>(c >> 8);
  auto t = read_csv(bytes);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->header, (Row{"姓名", "证件号码"}));
  EXPECT_EQ(t->rows[0], (Row{"张三", "511302199003071236"}));
}

TEST(CsvReader, UndecodableBytesAreRefused) {
  auto t = read_csv("a,b\n\xFF\xFF\xFF,1\n");
  ASSERT_FALSE(t);
  EXPECT_EQ(code_name(t.error().code), "sheet.bad_encoding");
  EXPECT_EQ(code_of(read_csv("\xEF\xBB\xBF" "a,\xD5\xC5\n")), "sheet.bad_encoding");  // a BOM promises UTF-8
}

TEST(CsvReader, RaggedRowsAreKeptAsWritten) {
  auto t = read_csv("a,b,c\n1\n1,2,3,4\n1,,\n");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->rows, (std::vector<Row>{{"1"}, {"1", "2", "3", "4"}, {"1"}}));
}

TEST(CsvReader, EmbeddedNulMeansABinaryFile) {
  auto t = read_csv(std::string("a,b\n1,\0\n", 8));
  ASSERT_FALSE(t);
  EXPECT_EQ(code_name(t.error().code), "sheet.unreadable");
  EXPECT_NE(t.error().message.find("空字符"), std::string::npos);
}

TEST(CsvReader, UnterminatedQuoteNamesItsRow) {
  auto t = read_csv("a,b\n1,2\n3,\"oops\n4,5\n");
  ASSERT_FALSE(t);
  EXPECT_EQ(code_name(t.error().code), "sheet.unreadable");
  EXPECT_NE(t.error().message.find("第 3 行"), std::string::npos) << t.error().message;
}

TEST(CsvReader, LimitsAndBadCells) {
  ReadLimits small;
  small.max_rows = 2;
  EXPECT_EQ(code_of(read_csv("h\n1\n2\n", small)), "ok");
  EXPECT_EQ(code_of(read_csv("h\n1\n2\n3\n", small)), "sheet.too_large");
  small.max_columns = 3;
  EXPECT_EQ(code_of(read_csv("a,b,c\n1,2,3,,,,,,\n", small)), "ok");  // trailing empty cells do not count
  EXPECT_EQ(code_of(read_csv("a,b,c,d\n", small)), "sheet.too_large");
  small.max_compressed_bytes = 10;
  EXPECT_EQ(code_of(read_csv("a,b,c,d,e,f,g\n", small)), "sheet.too_large");

  auto t = read_csv("a,b\n" + std::string(1001, 'x') + ",\x01\n");
  ASSERT_TRUE(t);
  ASSERT_EQ(t->cell_errors.size(), 2u);
  EXPECT_EQ(t->cell_errors[0].error.field, "A2");
  EXPECT_EQ(t->cell_errors[1].error.field, "B2");
  EXPECT_NE(t->cell_errors[1].error.message.find("第 2 行 B 列"), std::string::npos);
}

TEST(CsvReader, EmptyAndXlsxInDisguise) {
  EXPECT_EQ(code_of(read_csv("")), "sheet.empty");
  EXPECT_EQ(code_of(read_csv("\n\n,,\n")), "sheet.empty");
  EXPECT_EQ(code_of(read_csv(std::string("PK\x03\x04rest", 8))), "sheet.unreadable");
}

}  // namespace
}  // namespace rc::sheet
