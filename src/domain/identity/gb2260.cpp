#include "domain/identity/gb2260.h"

#include <algorithm>

namespace rc::identity::gb2260 {
namespace {

template <class Row>
std::optional<Row> find_row(std::span<const Row> rows, int code) {
  auto it = std::ranges::lower_bound(rows, code, {}, &Row::code);
  if (it == rows.end() || it->code != code) return std::nullopt;
  return *it;
}

}  // namespace

std::optional<ProvinceRow> find_province(int two_digits) { return find_row(province_rows(), two_digits); }

std::optional<std::string_view> find_city(int four_digits) {
  auto row = find_row(city_rows(), four_digits);
  if (!row) return std::nullopt;
  return row->name;
}

std::optional<std::string_view> find_county(int six_digits) {
  auto row = find_row(county_rows(), six_digits);
  if (!row) return std::nullopt;
  return row->name;
}

}  // namespace rc::identity::gb2260
