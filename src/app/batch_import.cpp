#include "app/batch_import.h"

#include <string>
#include <unordered_map>

#include "app/applicant_row.h"
#include "app/applicant_template.h"
#include "domain/occupation/occupation.h"
#include "sheet/csv_reader.h"
#include "sheet/xlsx_reader.h"

namespace rc::app {
namespace {

CellErrorIndex index_cell_errors(const sheet::Table& table) {
  CellErrorIndex index;
  for (const auto& e : table.cell_errors) index.emplace(std::pair(e.row, e.column), &e.error);
  return index;
}

// Problems with the file or batch as a whole: the policy, the batch's level, the header.
// Returns false when rows cannot be checked meaningfully.
bool check_batch(const sheet::Table& table, const ImportContext& ctx, const Policy*& policy, const HeaderMap& columns,
                 std::vector<ImportError>& errors) {
  auto in_force = ctx.policies.in_force_on(ctx.submission_date);
  if (!in_force) {
    errors.push_back(make_import_error(0, "", -1, in_force.error().code, in_force.error().message, "D18"));
    return false;
  }
  policy = *in_force;
  if (auto level = open_level(ctx.level_code, *policy); !level)
    errors.push_back(make_import_error(0, "申报等级", -1, level.error().code, "本批次的申报等级不能报名：" + level.error().message, "R1"));
  for (const auto& e : table.cell_errors)
    if (e.row == table.header_row_number) errors.push_back(make_import_error(0, "", -1, e.error.code, e.error.message));
  errors.insert(errors.end(), columns.errors.begin(), columns.errors.end());
  if (table.rows.empty())
    errors.push_back(make_import_error(0, "", -1, ErrorCode::kSheetEmpty, "表格中只有表头，没有报名人员"));
  return errors.empty();
}

// Within the file (same document type and number) and across batches (the callback).
void check_duplicates(const ApplicantRecord& rec, const ImportContext& ctx, const HeaderMap& columns,
                      std::unordered_map<std::string, int>& seen, std::vector<ImportError>& errors) {
  const std::string_view type = identity::document_type_name(rec.id.type);
  const int col = columns.at(ApplicantColumn::kIdNumber);
  const auto [it, fresh] = seen.emplace(std::string(type) + ":" + rec.id.normalized, rec.row);
  if (!fresh) {
    errors.push_back(make_import_error(rec.row, "证件号码", col, ErrorCode::kApplicantDuplicateInFile,
                                       "与第 " + std::to_string(it->second) + " 行的证件号码重复，同一人只能报名一次", "R3"));
    return;
  }
  if (ctx.already_registered && ctx.already_registered(type, rec.id.normalized))
    errors.push_back(make_import_error(rec.row, "证件号码", col, ErrorCode::kApplicantAlreadyRegistered,
                                       "该证件号码（" + identity::mask_id_number(rec.id.normalized) +
                                           "）已在其他批次中报名，不能重复报名",
                                       "R3"));
}

}  // namespace

ImportResult validate_applicants(const sheet::Table& table, const ImportContext& ctx) {
  ImportErrors report;
  const Policy* policy = nullptr;
  const HeaderMap columns = map_header(table.header, table.header_row_number);
  if (!check_batch(table, ctx, policy, columns, report.errors)) return tl::unexpected(std::move(report));

  const CellErrorIndex cell_errors = index_cell_errors(table);
  const RowRules rules{ctx.submission_date, ctx.level_code, policy};
  std::unordered_map<std::string, int> seen;
  ValidatedBatch batch;
  batch.policy_id = policy->id;
  batch.level_code = ctx.level_code;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const int row = i < table.row_numbers.size() ? table.row_numbers[i] : static_cast<int>(i) + 2;
    const RowInput in{row, &table.rows[i], &table.header, &columns, &cell_errors};
    bool blank = false;
    auto rec = validate_applicant_row(in, rules, report.errors, blank);
    if (!rec) continue;
    if (is_template_example(rec->name, rec->id.normalized)) {
      report.errors.push_back(make_import_error(row, "", -1, ErrorCode::kInvalidValue,
                                                "这是模板中的示例行（虚构人员），请删除后再导入"));
      continue;
    }
    check_duplicates(*rec, ctx, columns, seen, report.errors);
    batch.applicants.push_back(std::move(*rec));
  }
  if (batch.applicants.empty() && report.errors.empty())
    report.errors.push_back(make_import_error(0, "", -1, ErrorCode::kSheetEmpty, "表格中没有填写任何报名人员"));
  if (!report.errors.empty()) return tl::unexpected(std::move(report));
  return batch;
}

SheetFormat detect_sheet_format(std::string_view bytes) {
  return bytes.starts_with("PK\x03\x04") || bytes.starts_with("\xD0\xCF\x11\xE0") ? SheetFormat::kXlsx : SheetFormat::kCsv;
}

tl::expected<sheet::Table, ImportErrors> read_applicant_sheet(std::string_view bytes, SheetFormat format,
                                                             const sheet::ReadLimits& limits) {
  auto table = format == SheetFormat::kXlsx ? sheet::read_xlsx(bytes, limits) : sheet::read_csv(bytes, limits);
  if (!table) {
    ImportErrors report;
    report.errors.push_back(make_import_error(0, "", -1, table.error().code, table.error().message, table.error().rule));
    return tl::unexpected(std::move(report));
  }
  return std::move(*table);
}

ImportResult import_applicants(std::string_view bytes, SheetFormat format, const ImportContext& ctx,
                               const sheet::ReadLimits& limits) {
  auto table = read_applicant_sheet(bytes, format, limits);
  if (!table) return tl::unexpected(std::move(table.error()));
  return validate_applicants(*table, ctx);
}

}  // namespace rc::app
