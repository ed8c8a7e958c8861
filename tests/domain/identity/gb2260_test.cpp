// The generated GB/T 2260 table (scripts/gen-gb2260) and its lookups.

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/identity/gb2260.h"

namespace rc::identity::gb2260 {
namespace {

TEST(IdGb2260Table, IsSortedAndHasTheExpectedSize) {
  EXPECT_TRUE(std::ranges::is_sorted(province_rows(), {}, &ProvinceRow::code));
  EXPECT_TRUE(std::ranges::is_sorted(city_rows(), {}, &PlaceRow::code));
  EXPECT_TRUE(std::ranges::is_sorted(county_rows(), {}, &PlaceRow::code));
  EXPECT_EQ(province_rows().size(), 34u);  // 31 mainland + 81/82/83
  EXPECT_EQ(county_rows().size(), 3377u);  // every line of loc.dat 2022-11-13
  EXPECT_GT(city_rows().size(), 300u);
}

TEST(IdGb2260Table, CodesHaveTheirLevelsDigitCount) {
  for (const auto& p : province_rows()) EXPECT_TRUE(p.code >= 11 && p.code <= 99) << p.code;
  for (const auto& c : city_rows()) EXPECT_TRUE(c.code >= 1100 && c.code <= 9999) << c.code;
  for (const auto& c : county_rows()) {
    EXPECT_TRUE(c.code >= 110000 && c.code <= 999999) << c.code;
    EXPECT_TRUE(find_province(c.code / 10000).has_value()) << c.code;
    EXPECT_FALSE(c.name.empty()) << c.code;
  }
}

TEST(IdGb2260Table, NanchongMatchesDomainMd) {
  const std::pair<int, std::string_view> nanchong[] = {
      {511302, "顺庆区"}, {511303, "高坪区"}, {511304, "嘉陵区"}, {511321, "南部县"}, {511322, "营山县"},
      {511323, "蓬安县"}, {511324, "仪陇县"}, {511325, "西充县"}, {511381, "阆中市"}};
  for (auto [code, name] : nanchong) EXPECT_EQ(find_county(code), name) << code;
  EXPECT_EQ(find_city(5113), "南充市");
  EXPECT_EQ(find_province(51)->name, "四川省");
  EXPECT_EQ(find_county(511399), std::nullopt);
}

TEST(IdGb2260Table, ProvinceListHasTheMainlandAndThePermitCodes) {
  const int mainland[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41,
                          42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65};
  for (int code : mainland) {
    auto p = find_province(code);
    ASSERT_TRUE(p.has_value()) << code;
    EXPECT_FALSE(p->permit_only) << code;
  }
  EXPECT_EQ(find_province(81)->name, "香港特别行政区");
  EXPECT_EQ(find_province(82)->name, "澳门特别行政区");
  EXPECT_EQ(find_province(83)->name, "台湾地区");
  for (int code : {81, 82, 83}) EXPECT_TRUE(find_province(code)->permit_only);
  for (int code : {0, 10, 16, 71, 84, 90, 99}) EXPECT_EQ(find_province(code), std::nullopt) << code;
}

TEST(IdGb2260Table, MunicipalityDistrictsHaveNoCityRow) {
  EXPECT_EQ(find_city(1101), std::nullopt);  // 北京 市辖区
  EXPECT_EQ(find_county(110101), "东城区");
}

}  // namespace
}  // namespace rc::identity::gb2260
