#pragma once
// Candidates who have passed both subjects, written straight into the store with real rows in
// registrations, sittings and attempts (the exam module that records attempts is not built yet),
// so that the demo and the certificate tests start from a history the rules engine evaluates as
// completed. Runs inside the caller's transaction. Fictitious people only.

#include <string>

#include "domain/common/civil_date.h"
#include "domain/common/result.h"
#include "identity/personal_data_cipher.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::app {

struct PassedCandidate {
  std::string name;
  std::string id_number;  // a valid 居民身份证 number (normalized)
  store::Sex sex = store::Sex::kMale;
  std::string phone;
  CivilDate registered_on;
  std::string policy_id = "policy-2025";
  int theory_milli = 85000;     // both >= 60000: passed
  int practical_milli = 78500;
  bool practical_passes = true;  // false: the practical is failed (not completed)
  std::optional<std::string> password_hash;  // set: a candidate account is created with it
  std::string username;                      // for the account; empty: RC + candidate id
};

struct PassedSeed {
  store::Id candidate_id = 0;
  store::Id registration_id = 0;
  store::Id user_id = 0;
};

// A sitting of the station on `held_on` (theory 09:00, practical 14:00 China time), held; with
// `published`, its results' publication recorded for 15 days later (R8, D17), which certificates
// need.
[[nodiscard]] Result<store::Id> seed_sitting(store::Transaction& tx, store::Id station_id, CivilDate held_on,
                                             store::Timestamp now, bool published = false);

// The candidate, an approved registration in `batch_id` and the two attempts at `sitting_id`.
[[nodiscard]] Result<PassedSeed> seed_passed_candidate(store::Transaction& tx,
                                                       const identity::PersonalDataCipher& cipher, store::Id batch_id,
                                                       store::Id sitting_id, const PassedCandidate& who,
                                                       store::Timestamp now);

}  // namespace rc::app
