#include "sheet/excel_number.h"

#include <gtest/gtest.h>

#include "sheet/table.h"

namespace rc::sheet {
namespace {

TEST(ExcelNumber, DateSerials1900And1904) {
  EXPECT_EQ(date_from_serial(1, false)->to_string(), "1900-01-01");
  EXPECT_EQ(date_from_serial(59, false)->to_string(), "1900-02-28");
  EXPECT_FALSE(date_from_serial(60, false));  // 1900-02-29 never was
  EXPECT_EQ(date_from_serial(61, false)->to_string(), "1900-03-01");
  EXPECT_EQ(date_from_serial(32939, false)->to_string(), "1990-03-07");
  EXPECT_EQ(date_from_serial(36585.99, false)->to_string(), "2000-02-29");
  EXPECT_EQ(date_from_serial(2958465, false)->to_string(), "9999-12-31");
  EXPECT_FALSE(date_from_serial(2958466, false));
  EXPECT_FALSE(date_from_serial(0, false));
  EXPECT_FALSE(date_from_serial(-1, false));
  EXPECT_EQ(date_from_serial(0, true)->to_string(), "1904-01-01");
  EXPECT_FALSE(date_from_serial(-1, true));
}

TEST(ExcelNumber, DateFormats) {
  for (int id : {14, 15, 16, 17, 22, 31, 57, 58}) EXPECT_TRUE(is_date_format(id, "")) << id;
  for (int id : {0, 1, 2, 18, 21, 49}) EXPECT_FALSE(is_date_format(id, "")) << id;
  EXPECT_TRUE(is_date_format(164, "yyyy/m/d"));
  EXPECT_TRUE(is_date_format(165, "[$-804]yyyy\"年\"m\"月\"d\"日\""));
  EXPECT_TRUE(is_date_format(166, "m/d"));
  EXPECT_FALSE(is_date_format(167, "h:mm"));
  EXPECT_FALSE(is_date_format(168, "mm:ss"));
  EXPECT_FALSE(is_date_format(169, "0.00"));
  EXPECT_FALSE(is_date_format(170, "0\"days\""));
  EXPECT_FALSE(is_date_format(171, "[Red]0.0"));
  EXPECT_FALSE(is_date_format(172, "General"));
}

TEST(ExcelNumber, NumbersAsTyped) {
  EXPECT_EQ(format_number("13800138000").text, "13800138000");
  EXPECT_EQ(format_number("1.3800138E10").text, "13800138000");
  EXPECT_EQ(format_number("0.5").text, "0.5");
  EXPECT_EQ(format_number("-0").text, "0");
  EXPECT_EQ(format_number("999999999999999").text, "999999999999999");
  EXPECT_EQ(format_number("5.11302199003071E+17").status, NumberText::kPrecisionLost);
  EXPECT_EQ(format_number("1E15").status, NumberText::kPrecisionLost);
  for (const char* bad : {"", "abc", "1.2.3", "nan", "inf", "1e999", "0x10"})
    EXPECT_EQ(format_number(bad).status, NumberText::kNotANumber) << bad;
}

TEST(Table, ColumnLettersAndPositions) {
  EXPECT_EQ(column_letters(0), "A");
  EXPECT_EQ(column_letters(25), "Z");
  EXPECT_EQ(column_letters(26), "AA");
  EXPECT_EQ(column_letters(16383), "XFD");
  EXPECT_EQ(cell_position_zh(12, 3), "第 12 行 D 列");
}

}  // namespace
}  // namespace rc::sheet
