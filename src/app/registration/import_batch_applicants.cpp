#include "app/registration/import_batch_applicants.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "app/applicant_fields.h"
#include "app/registration/applicant_entry.h"

namespace rc::app {
namespace {

bool acceptable_name(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower.ends_with(".xlsx") || lower.ends_with(".xls") || lower.ends_with(".csv");
}

}  // namespace

ImportBatchResult import_batch_applicants(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                          const identity::PersonalDataCipher& cipher,
                                          const RegistrationSettings& settings, const Actor& actor,
                                          store::Id batch_id, std::string_view file_bytes, std::string_view file_name) {
  if (!acceptable_name(file_name))
    return tl::unexpected(single_import_error(make_error(ErrorCode::kUnsupportedMediaType, "file",
                                                         "只能导入 .xlsx 或 .csv 格式的报名信息表")));
  const auto now = to_timestamp(clock.now());
  // Parse before the write transaction: reading a 5,000-row .xlsx takes a while, and SQLite has
  // one writer at a time. Only validation (which needs other batches) runs inside.
  auto table = read_applicant_sheet(file_bytes, detect_sheet_format(file_bytes));
  if (!table) return tl::unexpected(std::move(table.error()));
  std::optional<ImportErrors> refused;
  ImportedApplicants out;
  auto done = db.transaction([&](store::Transaction& tx) -> Result<void> {
    auto batch = editable_batch(tx, actor, batch_id);
    if (!batch) return fail(batch.error());
    OpenApplicationCheck open(tx, cipher, batch->level);
    ImportContext ctx{china_date(now), batch->level, policies, std::ref(open)};
    auto validated = validate_applicants(*table, ctx);
    if (open.error()) return fail(*open.error());
    if (!validated) {
      refused = std::move(validated.error());
      return fail(refused->summary());
    }
    auto policy = policies.by_id(validated->policy_id);
    if (!policy) return fail(policy.error());
    EntryContext entry{cipher, settings, actor, now, (*policy)->fees.exam_fee_fen};
    out = ImportedApplicants{batch->id, 0, {}};
    for (const ApplicantRecord& applicant : validated->applicants) {
      auto id = enter_applicant(tx, entry, *batch, *validated, applicant);
      if (!id) {
        Error e = id.error();
        refused = single_import_error(e);
        refused->errors.front().row = applicant.row;
        refused->errors.front().message = "第 " + std::to_string(applicant.row) + " 行：" + e.message;
        return fail(e);
      }
      out.registration_ids.push_back(*id);
    }
    out.imported = static_cast<int>(out.registration_ids.size());
    nlohmann::json detail{{"file", excerpt(file_name, 80)}, {"imported", out.imported}};
    return audit(tx, actor, now, {"batch.import", "batch", batch->id, detail});
  });
  if (refused) return tl::unexpected(std::move(*refused));
  if (!done) return tl::unexpected(single_import_error(done.error()));
  return out;
}

}  // namespace rc::app
