#include "app/registration/add_applicant.h"

#include "app/applicant_columns.h"
#include "app/registration/applicant_entry.h"
#include "store/registration_repository.h"

namespace rc::app {
namespace {

const std::string& form_value(const ApplicantForm& f, ApplicantColumn c) {
  static const std::string empty;
  switch (c) {
    case ApplicantColumn::kName: return f.name;
    case ApplicantColumn::kDocumentType: return f.document_type;
    case ApplicantColumn::kIdNumber: return f.id_number;
    case ApplicantColumn::kSex: return f.sex;
    case ApplicantColumn::kBirthDate: return f.birth_date;
    case ApplicantColumn::kMobile: return f.mobile;
    case ApplicantColumn::kHealth: return f.health;
    case ApplicantColumn::kEmployer: return f.employer;
    case ApplicantColumn::kAddress: return f.address;
    case ApplicantColumn::kRemarks: return f.remarks;
    case ApplicantColumn::kSerial:
    case ApplicantColumn::kLevel: return empty;  // the batch's level
  }
  return empty;
}

// The form as the only data row of a sheet with the template's header.
sheet::Table form_table(const ApplicantForm& form) {
  sheet::Table t;
  t.header_row_number = 1;
  std::vector<std::string> row;
  for (const auto& info : applicant_columns()) {
    t.header.emplace_back(info.title);
    row.push_back(form_value(form, info.column));
  }
  t.rows.push_back(std::move(row));
  t.row_numbers.push_back(2);
  return t;
}

// Row-and-cell messages ("第 2 行「证件号码」（D2）：原因") become field messages ("证件号码：原因").
ImportErrors as_form_errors(ImportErrors report) {
  static const std::string kColon = "：";
  for (auto& e : report.errors) {
    e.row = 0;
    e.cell.clear();
    const auto cut = e.message.find(kColon);
    if (e.message.starts_with("第") && cut != std::string::npos) {
      const std::string reason = e.message.substr(cut + kColon.size());
      e.message = e.column.empty() ? reason : e.column + kColon + reason;
    }
  }
  return report;
}

}  // namespace

AddApplicantResult add_applicant(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                 const identity::PersonalDataCipher& cipher, const RegistrationSettings& settings,
                                 const Actor& actor, store::Id batch_id, const ApplicantForm& form) {
  const auto now = to_timestamp(clock.now());
  std::optional<ImportErrors> refused;
  AddedApplicant added;
  auto done = db.transaction([&](store::Transaction& tx) -> Result<void> {
    auto batch = editable_batch(tx, actor, batch_id);
    if (!batch) return fail(batch.error());
    OpenApplicationCheck open(tx, cipher, batch->level);
    ImportContext ctx{china_date(now), batch->level, policies, std::ref(open)};
    auto validated = validate_applicants(form_table(form), ctx);
    if (open.error()) return fail(*open.error());
    if (!validated) {
      refused = as_form_errors(std::move(validated.error()));
      return fail(refused->summary());
    }
    auto policy = policies.by_id(validated->policy_id);
    if (!policy) return fail(policy.error());
    const ApplicantRecord& applicant = validated->applicants.front();
    EntryContext entry{cipher, settings, actor, now, (*policy)->fees.exam_fee_fen};
    auto id = enter_applicant(tx, entry, *batch, *validated, applicant);
    if (!id) return fail(id.error());
    auto reg = store::RegistrationRepository(tx).find(*id);
    if (!reg) return fail(reg.error());
    added = AddedApplicant{*id, reg->candidate_id, identity::mask_id_number(applicant.id.normalized), applicant.warnings};
    return ok();
  });
  if (refused) return tl::unexpected(std::move(*refused));
  if (!done) return tl::unexpected(single_import_error(done.error()));
  return added;
}

}  // namespace rc::app
