#include "app/exam/export_bank_items.h"

#include "app/exam/bank_listing.h"
#include "app/exam/exam_bank.h"
#include "exam/item_json.h"
#include "exam/item_row.h"
#include "sheet/xlsx_writer.h"

namespace rc::app {
namespace {

Result<std::string> workbook(const std::vector<exam::Item>& items) {
  sheet::WorkbookSpec spec;
  spec.sheet_name = "题库";
  for (const auto& c : exam::item_columns()) {
    sheet::ColumnSpec col;
    col.title = std::string(c.title);
    col.text = true;  // codes like "001" and answers stay text
    col.width = c.column == exam::ItemColumn::kStem || c.column == exam::ItemColumn::kExplanation ? 48 : 14;
    spec.columns.push_back(std::move(col));
  }
  for (const auto& item : items) {
    auto row = exam::item_to_row(item);
    spec.rows.emplace_back(row.begin(), row.end());
  }
  spec.instructions_sheet_name = "填写说明";
  spec.instructions.push_back("RescueCert 题库导出：每行一道试题的一个版本；导入时按「题目编号」和「版本」对应。");
  for (const auto& c : exam::item_columns())
    spec.instructions.push_back(std::string(c.title) + (c.required ? "（必填）：" : "（选填）：") + std::string(c.hint));
  return sheet::write_xlsx(spec);
}

}  // namespace

Result<BankExport> export_bank_items(store::Database& db, const Clock& clock, const Actor& actor,
                                     BankFileFormat format) {
  if (auto r = require_bank_reader(actor); !r) return fail(r.error());
  const auto now = to_timestamp(clock.now());
  auto items = db.transaction([&](store::Transaction& tx) -> Result<std::vector<exam::Item>> {
    auto rows = store::BankItemRepository(tx).list();
    if (!rows) return fail(rows.error());
    std::vector<exam::Item> out;
    for (const auto& row : *rows) {
      auto item = item_of(row);
      if (!item) return fail(item.error());
      out.push_back(std::move(*item));
    }
    if (auto a = audit(tx, actor, now,
                       {"bank.export", "bank", 0,
                        {{"format", format == BankFileFormat::kXlsx ? "xlsx" : "json"}, {"items", out.size()}}});
        !a)
      return fail(a.error());
    return out;
  });
  if (!items) return fail(items.error());
  const std::string day = china_date(clock.now()).to_string();
  BankExport out;
  if (format == BankFileFormat::kXlsx) {
    auto bytes = workbook(*items);
    if (!bytes) return fail(bytes.error());
    out.file_name = "题库-" + day + ".xlsx";
    out.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    out.bytes = std::move(*bytes);
  } else {
    exam::BankDocument doc{std::string(kStoreBankId), "RescueCert 题库导出 " + day, {}, std::move(*items)};
    out.file_name = "题库-" + day + ".json";
    out.content_type = "application/json; charset=utf-8";
    out.bytes = exam::bank_to_json(doc).dump(1);
  }
  return out;
}

}  // namespace rc::app
