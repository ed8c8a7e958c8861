#pragma once
// Sample records for the store tests: valid by default, distinct per `n`, and a Seeded chain
// (station, organisation, batch, candidate, registration, sitting) inserted in one go.

#include <gtest/gtest.h>

#include <string>

#include "store/batch_repository.h"
#include "store/candidate_repository.h"
#include "store/organisation_repository.h"
#include "store/records.h"
#include "store/registration_repository.h"
#include "store/sitting_repository.h"
#include "store/station_repository.h"
#include "store/user_repository.h"
#include "store_fixture.h"

namespace rc::store::testing {

inline CivilDate date(const char* text) { return *CivilDate::parse(text); }
inline Timestamp at_ms(long long offset) { return kT0 + std::chrono::milliseconds(offset); }

inline std::string padded(int n, std::size_t width) {
  std::string s = std::to_string(n);
  return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
}

inline Station sample_station(int n = 1) {
  return Station{0, "NC" + padded(n, 3), "南充市应急救援员鉴定站" + std::to_string(n), "511300", "南充市顺庆区", kT0};
}

inline Organisation sample_organisation(int n = 1) {
  return Organisation{0, "四川某救援培训学校" + std::to_string(n), "91511300MA6" + padded(n, 7), "王老师", "13800000000", kT0};
}

inline Batch sample_batch(Id organisation_id, Id station_id) {
  return Batch{0, organisation_id, station_id, 5, "2025 年第一批", BatchStatus::kDraft, kT0, std::nullopt};
}

inline Candidate sample_candidate(int n = 1) {
  Candidate c;
  c.name = "张三" + std::to_string(n);
  c.document_type = DocumentType::kResidentId;
  c.id_number_cipher = Bytes{0x00, 0x01, 0xfe, 0xff, static_cast<std::uint8_t>(n), 0x00, 0x27, 0x5c};
  c.id_number_key_id = "k2025";
  c.id_number_hmac = "hmac" + padded(n, 60);
  c.id_number_masked = "5113**********12" + padded(n % 100, 2);
  c.birth_date = date("1990-03-07");
  c.sex = Sex::kFemale;
  c.phone = "139" + padded(n, 8);
  c.health_declared = true;
  c.created_at = kT0;
  return c;
}

inline Registration sample_registration(Id candidate_id, Id batch_id) {
  Registration r;
  r.candidate_id = candidate_id;
  r.batch_id = batch_id;
  r.policy_id = "policy-2025";
  r.registered_on = date("2025-02-01");
  r.fee_due_fen = 35000;
  r.created_at = kT0;
  return r;
}

inline Sitting sample_sitting(Id station_id, const char* held_on = "2025-03-15") {
  Sitting s;
  s.station_id = station_id;
  s.held_on = date(held_on);
  s.theory_starts_at = kT0;
  s.theory_minutes = 100;
  s.practical_starts_at = at_ms(5 * 3600 * 1000);
  s.capacity = 60;
  s.status = SittingStatus::kOpen;
  s.created_at = kT0;
  return s;
}

struct Seeded {
  Id station = 0, organisation = 0, batch = 0, candidate = 0, registration = 0, sitting = 0;
};

// Inserts one of each parent record; REQUIRES a migrated database.
inline Seeded seed(Transaction& tx, int n = 1) {
  Seeded s;
  s.station = StationRepository(tx).insert(sample_station(n)).value();
  s.organisation = OrganisationRepository(tx).insert(sample_organisation(n)).value();
  s.batch = BatchRepository(tx).insert(sample_batch(s.organisation, s.station)).value();
  s.candidate = CandidateRepository(tx).insert(sample_candidate(n)).value();
  s.registration = RegistrationRepository(tx).insert(sample_registration(s.candidate, s.batch)).value();
  s.sitting = SittingRepository(tx).insert(sample_sitting(s.station)).value();
  return s;
}

inline Seeded seed_committed(Database& db, int n = 1) {
  auto r = db.transaction([&](Transaction& tx) -> Result<Seeded> { return seed(tx, n); });
  EXPECT_TRUE(r) << r.error().message;
  return r.value_or(Seeded{});
}

}  // namespace rc::store::testing
