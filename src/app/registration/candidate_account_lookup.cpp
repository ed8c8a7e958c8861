#include "app/registration/candidate_account_lookup.h"

#include "app/applicant_fields.h"
#include "app/registration/applicant_entry.h"
#include "domain/identity/id_number.h"
#include "store/candidate_repository.h"
#include "store/user_repository.h"

namespace rc::app {

Result<std::optional<store::User>> account_by_id_number(store::Transaction& tx, const identity::PersonalDataCipher& cipher,
                                                        std::string_view id_number, CivilDate today) {
  auto parsed = identity::parse_id_number(id_number, today);
  if (!parsed) return std::optional<store::User>{};
  const store::DocumentType type = stored_document_type(parsed->type);
  auto candidate = store::CandidateRepository(tx).find_by_id_number_hmac(
      type, cipher.lookup_hash(store::to_text(type), parsed->normalized));
  if (!candidate) return fail(candidate.error());
  if (!*candidate) return std::optional<store::User>{};
  return store::UserRepository(tx).find_by_candidate((*candidate)->id);
}

Result<std::optional<store::User>> account_by_login(store::Transaction& tx, const identity::PersonalDataCipher& cipher,
                                                    std::string_view login, CivilDate today) {
  const std::string_view text = trim_cell(login);
  if (text.empty() || text.size() > 64) return std::optional<store::User>{};
  if (identity::parse_id_number(text, today)) return account_by_id_number(tx, cipher, text, today);
  return store::UserRepository(tx).find_by_username(text);
}

}  // namespace rc::app
