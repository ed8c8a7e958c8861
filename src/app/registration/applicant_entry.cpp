#include "app/registration/applicant_entry.h"

#include "app/registration/confirmation_records.h"
#include "app/registration/registration_sql.h"
#include "store/batch_repository.h"
#include "store/candidate_repository.h"
#include "store/registration_repository.h"
#include "store/statement.h"
#include "store/storage_error.h"

namespace rc::app {
namespace {

store::Bytes to_bytes(const std::string& s) { return store::Bytes(s.begin(), s.end()); }

store::Sex stored_sex(identity::Sex sex) { return sex == identity::Sex::kMale ? store::Sex::kMale : store::Sex::kFemale; }

Result<store::Id> find_or_create_candidate(store::Transaction& tx, const EntryContext& ctx, const ApplicantRecord& a) {
  store::CandidateRepository candidates(tx);
  const store::DocumentType type = stored_document_type(a.id.type);
  const std::string hmac = ctx.cipher.lookup_hash(store::to_text(type), a.id.normalized);
  auto existing = candidates.find_by_id_number_hmac(type, hmac);
  if (!existing) return fail(existing.error());
  if (*existing) {
    if (auto u = candidates.update_contact((*existing)->id, a.mobile, a.health_declared); !u) return fail(u.error());
    return (*existing)->id;
  }
  store::Candidate c;
  c.name = a.name;
  c.document_type = type;
  c.id_number_cipher = to_bytes(ctx.cipher.encrypt_id_number(a.id.normalized));
  c.id_number_key_id = ctx.settings.id_number_key_id;
  c.id_number_hmac = hmac;
  c.id_number_masked = identity::mask_id_number(a.id.normalized);
  c.birth_date = a.birth_date;
  c.sex = stored_sex(a.sex);
  c.phone = a.mobile;
  c.health_declared = a.health_declared;
  c.created_at = ctx.now;
  return candidates.insert(c);
}

Result<void> keep_details(store::Transaction& tx, store::Id candidate_id, const ApplicantRecord& a, store::Timestamp now) {
  ConfirmationRecords records(tx);
  auto details = records.details(candidate_id);
  if (!details) return fail(details.error());
  if (!a.employer.empty()) details->employer = a.employer;
  if (!a.address.empty()) details->address = a.address;
  return records.save_details(candidate_id, *details, now);
}

}  // namespace

store::DocumentType stored_document_type(identity::DocumentType type) {
  return static_cast<store::DocumentType>(static_cast<int>(type));
}

Result<store::Batch> editable_batch(store::Transaction& tx, const Actor& actor, store::Id batch_id) {
  auto batch = store::BatchRepository(tx).find(batch_id);
  if (!batch) return fail(batch.error());
  if (auto allowed = require_organisation(actor, batch->organisation_id); !allowed) return fail(allowed.error());
  if (batch->status != store::BatchStatus::kDraft)
    return fail(ErrorCode::kWrongState, "batch", "该批次已提交，不能再添加或修改考生");
  return batch;
}

bool OpenApplicationCheck::operator()(std::string_view document_type, std::string_view normalized_id) {
  if (error_) return false;
  auto type_enum = identity::document_type_from_name(document_type);
  const store::DocumentType type = type_enum ? stored_document_type(*type_enum)
                                             : store::enum_from_text<store::DocumentType>(document_type)
                                                   .value_or(store::DocumentType::kResidentId);
  const std::string hmac = cipher_.lookup_hash(store::to_text(type), normalized_id);
  auto candidate = store::CandidateRepository(tx_).find_by_id_number_hmac(type, hmac);
  if (!candidate) {
    error_ = candidate.error();
    return false;
  }
  if (!*candidate) return false;
  auto open = store::guarded("查询重复报名", [&]() -> Result<std::int64_t> {
    std::int64_t n = 0;
    store::Statement st(tx_, sql::kCountOpenRegistrations);
    st.bind((*candidate)->id).bind(level_).into(n).execute();
    return n;
  });
  if (!open) {
    error_ = open.error();
    return false;
  }
  return *open > 0;
}

Result<store::Id> enter_applicant(store::Transaction& tx, const EntryContext& ctx, const store::Batch& batch,
                                  const ValidatedBatch& validated, const ApplicantRecord& applicant) {
  auto candidate_id = find_or_create_candidate(tx, ctx, applicant);
  if (!candidate_id) return candidate_id;
  if (auto d = keep_details(tx, *candidate_id, applicant, ctx.now); !d) return fail(d.error());
  store::Registration r;
  r.candidate_id = *candidate_id;
  r.batch_id = batch.id;
  r.level = batch.level;
  r.policy_id = validated.policy_id;
  r.registered_on = china_date(ctx.now);
  r.fee_due_fen = ctx.exam_fee_fen;
  r.status = store::RegistrationStatus::kDraft;
  r.created_at = ctx.now;
  auto id = store::RegistrationRepository(tx).insert(r);
  if (!id) {
    if (id.error().code == ErrorCode::kConflict)
      return fail(ErrorCode::kApplicantAlreadyRegistered, "id_number", "该证件号码已在本批次中");
    return id;
  }
  nlohmann::json detail{{"batch_id", batch.id}, {"candidate_id", *candidate_id}, {"row", applicant.row},
                        {"id_number", identity::mask_id_number(applicant.id.normalized)}};
  if (auto a = audit(tx, ctx.actor, ctx.now, {"registration.create", "registration", *id, detail}); !a) return fail(a.error());
  return id;
}

ImportErrors single_import_error(const Error& e) {
  ImportErrors out;
  ImportError ie;
  ie.code = e.code;
  ie.column = e.field;
  ie.message = e.message;
  ie.rule = e.rule;
  out.errors.push_back(std::move(ie));
  return out;
}

}  // namespace rc::app
