#pragma once
// The GB/T 2260 administrative-division table used to read the address code of identity numbers
// (RULES.md D16). Generated into gb2260_table.cpp by scripts/gen-gb2260 from python3-stdnum's
// loc.dat, so abolished codes still found on real cards are known. Province-level rows include
// 81/82/83 (Hong Kong, Macao, Taiwan), which are valid only as residence-permit address codes.
//
// Immutable data: safe to use from any thread.

#include <optional>
#include <span>
#include <string_view>

namespace rc::identity::gb2260 {

struct ProvinceRow {
  int code;  // 2 digits, e.g. 51
  std::string_view name;
  bool permit_only;  // 81/82/83: a 港澳台居民居住证 address code, never a mainland card's
};

struct PlaceRow {
  int code;  // 4 digits for a prefecture-level city (5113), 6 for a county (511302)
  std::string_view name;
};

// Sorted by code (checked at compile time in the generated file).
std::span<const ProvinceRow> province_rows();
// Only prefectures with a real name: labels such as 市辖区 under a municipality are left out.
std::span<const PlaceRow> city_rows();
std::span<const PlaceRow> county_rows();

// Binary-searched lookups; nullopt when the code is not in the table.
std::optional<ProvinceRow> find_province(int two_digits);
std::optional<std::string_view> find_city(int four_digits);
std::optional<std::string_view> find_county(int six_digits);

}  // namespace rc::identity::gb2260
