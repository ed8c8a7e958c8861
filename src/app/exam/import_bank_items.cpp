#include "app/exam/import_bank_items.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/exam/bank_listing.h"
#include "app/exam/exam_bank.h"
#include "exam/item_json.h"
#include "exam/json_text.h"
#include "exam/item_row.h"
#include "sheet/xlsx_reader.h"
#include "store/bank_item_repository.h"

namespace rc::app {
namespace {

// The acting account, NULL for the system (scheduled jobs, loads).
std::optional<store::Id> by_user(const Actor& actor) {
  return actor.user_id ? std::optional<store::Id>(actor.user_id) : std::nullopt;
}

using Errors = std::vector<ImportError>;

// parse_item_row's messages start with "第 N 行「列」："; make_import_error adds where (and the
// cell) itself, so only the reason is kept.
std::string reason_of(const Error& e) {
  const std::string_view sep = "：";
  const auto at = e.message.find(sep);
  if (e.message.starts_with("第 ") && at != std::string::npos) return e.message.substr(at + sep.size());
  return e.message;
}

int column_of(const exam::ItemHeader& header, std::string_view title) {
  for (const auto& c : exam::item_columns())
    if (c.title == title) return header.at(c.column);
  return -1;
}

tl::expected<std::vector<ParsedBankItem>, ImportErrors> parse_xlsx(std::string_view bytes) {
  ImportErrors report;
  auto table = sheet::read_xlsx(bytes);
  if (!table) {
    report.errors.push_back(make_import_error(0, "", -1, table.error().code, table.error().message));
    return tl::unexpected(std::move(report));
  }
  auto header = exam::map_item_header(table->header);
  for (const auto& e : header.errors) report.errors.push_back(make_import_error(0, "", -1, e.code, e.message));
  if (table->rows.empty())
    report.errors.push_back(make_import_error(0, "", -1, ErrorCode::kSheetEmpty, "表格中只有表头，没有试题"));
  if (!report.errors.empty()) return tl::unexpected(std::move(report));
  std::vector<ParsedBankItem> out;
  for (const auto& ce : table->cell_errors)
    report.errors.push_back(make_import_error(ce.row, "", ce.column, ce.error.code, ce.error.message));
  for (std::size_t i = 0; i < table->rows.size(); ++i) {
    const int row = table->row_numbers[i];
    auto parsed = exam::parse_item_row(exam::item_row_from_cells(row, table->rows[i], header));
    for (const auto& e : parsed.errors)
      report.errors.push_back(make_import_error(row, e.field, column_of(header, e.field), e.code, reason_of(e)));
    if (parsed.item) out.push_back({row, std::move(*parsed.item)});
  }
  if (!report.errors.empty()) return tl::unexpected(std::move(report));
  return out;
}

// parse_bank_text stops at the first problem; when the document itself is sound JSON with an
// "items" array, every item is checked on its own too, so that every bad item is named at once.
ImportErrors json_problems(std::string_view bytes, const Error& first) {
  ImportErrors report;
  const auto add = [&](const Error& e) { report.errors.push_back(make_import_error(0, e.field, -1, e.code, e.message)); };
  auto doc = exam::parse_json_text(bytes, exam::kMaxBankBytes);
  if (doc && doc->is_object() && doc->contains("items") && (*doc)["items"].is_array() &&
      (*doc)["items"].size() <= exam::kMaxBankItems) {
    const auto& items = (*doc)["items"];
    for (std::size_t i = 0; i < items.size(); ++i)
      if (auto item = exam::parse_item(items[i], "items[" + std::to_string(i) + "]"); !item) add(item.error());
  }
  if (report.errors.empty() || !first.field.starts_with("items[")) add(first);
  return report;
}

tl::expected<std::vector<ParsedBankItem>, ImportErrors> parse_json(std::string_view bytes) {
  auto doc = exam::parse_bank_text(bytes);
  if (!doc) return tl::unexpected(json_problems(bytes, doc.error()));
  std::vector<ParsedBankItem> out;
  int row = 0;
  for (auto& item : doc->items) out.push_back({++row, std::move(item)});
  if (out.empty()) {
    ImportErrors report;
    report.errors.push_back(make_import_error(0, "items", -1, ErrorCode::kSheetEmpty, "文件中没有试题"));
    return tl::unexpected(std::move(report));
  }
  return out;
}

// Everything but the content digest's inputs and the status: difficulty, area, explanation.
bool same_stored(const store::BankItemRow& a, const store::BankItemRow& b) {
  return a.kind == b.kind && a.area == b.area && a.difficulty == b.difficulty && a.status == b.status &&
         a.stem == b.stem && a.options == b.options && a.answer == b.answer && a.explanation == b.explanation;
}

struct Plan {
  std::vector<store::BankItemRow> inserts;
  std::vector<store::BankItemRow> updates;
  BankImportReport report;
};

// Decides every write, or every problem; writes nothing.
tl::expected<Plan, ImportErrors> plan_import(store::Transaction& tx, const std::vector<ParsedBankItem>& items,
                                             bool json, store::Timestamp now, const Actor& actor) {
  Errors errors;
  const auto where = [&](const ParsedBankItem& p, ErrorCode code, std::string reason) {
    if (json)
      return make_import_error(0, "items[" + std::to_string(p.row - 1) + "]", -1, code, std::move(reason));
    return make_import_error(p.row, "题目编号", -1, code, std::move(reason));
  };
  store::BankItemRepository repo(tx);
  auto stored = repo.list();
  if (!stored) {
    errors.push_back(make_import_error(0, "", -1, stored.error().code, stored.error().message));
    return tl::unexpected(ImportErrors{std::move(errors)});
  }
  // The bank after the import, per code and version.
  std::map<std::string, std::map<int, store::BankItemRow>> result;
  for (const auto& r : *stored) result[r.code][r.version] = r;
  std::map<std::pair<std::string, int>, int> seen;  // (code, version) -> row
  std::map<std::string, const ParsedBankItem*> file_codes;
  Plan plan;
  for (const auto& p : items) {
    const auto key = std::pair{p.item.id, p.item.version};
    if (auto [it, fresh] = seen.emplace(key, p.row); !fresh) {
      errors.push_back(where(p, ErrorCode::kConflict,
                             "试题 " + p.item.id + " 第 " + std::to_string(p.item.version) + " 版在文件中重复（另见" +
                                 (json ? "第 " + std::to_string(it->second) + " 题" : "第 " + std::to_string(it->second) + " 行") + "）"));
      continue;
    }
    file_codes.emplace(p.item.id, &p);
    auto row = bank_row_of(p.item);
    row.updated_at = now;
    row.updated_by = by_user(actor);
    auto& versions = result[p.item.id];
    auto existing = versions.find(p.item.version);
    if (existing == versions.end()) {
      row.created_at = now;
      row.created_by = by_user(actor);
      versions.emplace(p.item.version, row);
      plan.inserts.push_back(row);
      ++plan.report.added;
      continue;
    }
    if (same_stored(existing->second, row)) {
      ++plan.report.unchanged;
      continue;
    }
    auto used = repo.papers_using(p.item.id, p.item.version);
    if (!used) {
      errors.push_back(where(p, used.error().code, used.error().message));
      continue;
    }
    if (*used > 0 && (existing->second.digest != row.digest || existing->second.area != row.area ||
                      existing->second.difficulty != row.difficulty || existing->second.explanation != row.explanation)) {
      errors.push_back(where(p, ErrorCode::kBankItemLocked,
                             "试题 " + p.item.id + " 第 " + std::to_string(p.item.version) + " 版已用于 " +
                                 std::to_string(*used) + " 份已封存的试卷，不能修改；请以第 " +
                                 std::to_string(versions.rbegin()->first + 1) + " 版导入"));
      continue;
    }
    row.id = existing->second.id;
    row.created_at = existing->second.created_at;
    row.created_by = existing->second.created_by;
    existing->second = row;
    plan.updates.push_back(row);
    ++plan.report.changed;
  }
  // One live version per code: the file's newest live version retires older live ones that the
  // file does not mention; two live versions both named by the file are refused.
  for (auto& [code, versions] : result) {
    auto f = file_codes.find(code);
    if (f == file_codes.end()) continue;
    int newest_live = 0;
    for (const auto& [v, r] : versions)
      if (r.status != "retired") newest_live = v;
    if (newest_live == 0) continue;
    for (auto& [v, r] : versions) {
      if (v == newest_live || r.status == "retired") continue;
      if (seen.count({code, v}) || !seen.count({code, newest_live})) {
        errors.push_back(where(*f->second, ErrorCode::kConflict,
                               "试题 " + code + " 的第 " + std::to_string(v) + " 版和第 " + std::to_string(newest_live) +
                                   " 版都未停用，同一试题只能有一个在用版本"));
        break;
      }
      r.status = "retired";
      r.updated_at = now;
      r.updated_by = by_user(actor);
      plan.updates.push_back(r);
      ++plan.report.retired;
    }
  }
  if (!errors.empty()) return tl::unexpected(ImportErrors{std::move(errors)});
  return plan;
}

}  // namespace

std::optional<BankFileFormat> detect_bank_file_format(std::string_view bytes) {
  if (bytes.starts_with("PK")) return BankFileFormat::kXlsx;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const auto first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && bytes[first] == '{') return BankFileFormat::kJson;
  return std::nullopt;
}

tl::expected<std::vector<ParsedBankItem>, ImportErrors> parse_bank_file(std::string_view bytes, BankFileFormat format) {
  return format == BankFileFormat::kXlsx ? parse_xlsx(bytes) : parse_json(bytes);
}

tl::expected<BankImportReport, ImportErrors> import_bank_items(store::Database& db, const Clock& clock,
                                                              const Actor& actor, std::string_view bytes,
                                                              BankFileFormat format) {
  const auto refused = [](const Error& e) {
    return tl::unexpected(ImportErrors{{make_import_error(0, "", -1, e.code, e.message, e.rule)}});
  };
  if (auto r = require_bank_editor(actor); !r) return refused(r.error());
  // Parsed before the write transaction: a large .xlsx must not hold the write lock.
  auto items = parse_bank_file(bytes, format);
  if (!items) return tl::unexpected(std::move(items.error()));
  const auto now = to_timestamp(clock.now());
  std::optional<ImportErrors> problems;
  auto done = db.transaction([&](store::Transaction& tx) -> Result<BankImportReport> {
    auto plan = plan_import(tx, *items, format == BankFileFormat::kJson, now, actor);
    if (!plan) {
      problems = std::move(plan.error());
      return fail(problems->summary());  // rolls back (nothing was written anyway)
    }
    store::BankItemRepository repo(tx);
    // Retirements first, then in-place changes, then new rows: one live version per code holds
    // after every statement (the unique index is checked per statement).
    std::stable_partition(plan->updates.begin(), plan->updates.end(),
                          [](const store::BankItemRow& r) { return r.status == "retired"; });
    for (const auto& row : plan->updates)
      if (auto u = repo.update(row); !u) return fail(u.error());
    for (const auto& row : plan->inserts)
      if (auto id = repo.insert(row); !id) return fail(id.error());
    const auto& r = plan->report;
    nlohmann::json detail{{"format", format == BankFileFormat::kXlsx ? "xlsx" : "json"},
                          {"added", r.added},
                          {"changed", r.changed},
                          {"unchanged", r.unchanged},
                          {"retired", r.retired}};
    if (auto a = audit(tx, actor, now, {"bank.import", "bank", 0, detail}); !a) return fail(a.error());
    return r;
  });
  if (problems) return tl::unexpected(std::move(*problems));
  if (!done) return refused(done.error());
  return *done;
}

}  // namespace rc::app
