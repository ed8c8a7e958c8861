#pragma once
// Items as spreadsheet rows (the 题库 .xlsx import/export, F8). The app reads the sheet with
// src/sheet and only maps cells: map_item_header finds the columns by their Chinese titles, and
// parse_item_row validates one row of strings into an Item, reporting EVERY problem of the row,
// each naming the row and column ("第 12 行「答案」：..."). item_to_row is the inverse, for export
// and the template. Pure; thread-safe.
//
// Accepted cell values (besides the document codes of item_json.h):
//   题型 单选题/单选/判断题/判断; 知识领域 the Chinese area names; 难度 1-5 or 易/较易/中等/较难/难;
//   审核状态 草稿/已审核/已停用 (empty = 草稿: imported items are reviewed in the platform);
//   版本 empty = 1; 答案 A-D (either case, full-width too) or 正确/错误/对/错/√/×.

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/error.h"
#include "exam/item.h"

namespace rc::exam {

enum class ItemColumn {
  kId, kKind, kArea, kDifficulty, kVersion, kStatus, kStem,
  kOptionA, kOptionB, kOptionC, kOptionD, kAnswer, kExplanation,
};
inline constexpr std::size_t kItemColumnCount = 13;

struct ItemColumnInfo {
  ItemColumn column;
  std::string_view title;  // "题目编号"
  bool required;           // the column must be in the header
  std::string_view hint;   // for the template's instructions
};
std::span<const ItemColumnInfo> item_columns();  // template order

struct ItemHeader {
  std::array<int, kItemColumnCount> index{};  // sheet column per ItemColumn; -1 when absent
  std::vector<Error> errors;                  // unknown, duplicated, missing required columns
  int at(ItemColumn c) const { return index[static_cast<std::size_t>(c)]; }
};
// Titles are matched after removing spaces, a "*" marker and a "(必填)"/"(选填)" suffix.
ItemHeader map_item_header(const std::vector<std::string>& header);

struct ItemRow {
  int row = 0;  // 1-based sheet row, for messages
  std::array<std::string, kItemColumnCount> cells{};  // by ItemColumn; absent columns empty
};
// The app's mapping from a sheet row, given the header.
ItemRow item_row_from_cells(int row, const std::vector<std::string>& cells, const ItemHeader& header);

struct ItemRowResult {
  std::optional<Item> item;   // set when errors is empty
  std::vector<Error> errors;  // field = column title; message names row and column
};
ItemRowResult parse_item_row(const ItemRow& row);

std::array<std::string, kItemColumnCount> item_to_row(const Item& item);

}  // namespace rc::exam
