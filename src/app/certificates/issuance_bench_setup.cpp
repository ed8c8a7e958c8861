#include "app/certificates/issuance_bench_setup.h"

#include <string>

#include "app/certificates/certificate_filing.h"
#include "app/certificates/issue_certificates.h"
#include "app/demo/demo_certificates.h"
#include "cert/sample_certificate.h"
#include "cert/sm2.h"
#include "domain/identity/id_number.h"
#include "store/batch_repository.h"
#include "store/biometric_repository.h"
#include "store/organisation_repository.h"
#include "store/statement.h"
#include "store/station_repository.h"
#include "store/storage_error.h"
#include "store/user_repository.h"

namespace rc::app {
namespace {

constexpr int kPerTransaction = 1000;

std::string padded(long long n, std::size_t width) {
  std::string s = std::to_string(n);
  return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
}

// A valid 居民身份证 number per i: birth dates from 1980-01-01, sequences 001-999.
std::string id_number(int i) {
  const CivilDate birth = CivilDate::from_ymd(1980, 1, 1)->plus_days(i / 999);
  const std::string ymd = birth.to_string();  // YYYY-MM-DD
  const std::string body = "511302" + ymd.substr(0, 4) + ymd.substr(5, 2) + ymd.substr(8, 2) + padded(i % 999 + 1, 3);
  return body + identity::mod11_2_check_character(body);
}

struct Places {
  store::Id station = 0, batch = 0, sitting = 0;
  Actor station_actor;
};

Result<Places> make_places(store::Transaction& tx, store::Timestamp now, CivilDate today, long long run) {
  Places p;
  auto station = store::StationRepository(tx).insert(
      {0, "ISSUE" + padded(run % 100000000, 8), "发证压测鉴定站", "511300", "（虚构）", now});
  if (!station) return fail(station.error());
  p.station = *station;
  auto org = store::OrganisationRepository(tx).insert(
      {0, "发证压测培训单位", "92511300" + padded(run % 10000000000LL, 10), "压测联系人", "13900000000", now});
  if (!org) return fail(org.error());
  auto batch = store::BatchRepository(tx).insert(
      {0, *org, p.station, 5, "发证压测批次", store::BatchStatus::kClosed, now, now});
  if (!batch) return fail(batch.error());
  p.batch = *batch;
  auto sitting = seed_sitting(tx, p.station, today.plus_days(-45), now, /*published=*/true);
  if (!sitting) return fail(sitting.error());
  p.sitting = *sitting;
  store::User u;
  u.username = "issue_bench_" + std::to_string(run);
  u.role = store::Role::kStation;
  u.station_id = p.station;
  u.created_at = now;
  auto user = store::UserRepository(tx).insert(u);
  if (!user) return fail(user.error());
  u.id = *user;
  p.station_actor = actor_of(u);
  return p;
}

}  // namespace

Result<IssuanceBench> set_up_issuance_bench(Platform& platform, const CertificateServices& services, int holders) {
  if (holders < 1 || holders > 1'000'000)
    return fail(ErrorCode::kInvalidValue, "holders", "人数应在 1 到 1,000,000 之间");
  const auto now = to_timestamp(platform.clock().now());
  const CivilDate today = china_date(platform.clock().now());
  const long long run = now.time_since_epoch().count();
  auto places = platform.database().transaction(
      [&](store::Transaction& tx) { return make_places(tx, now, today, run); });
  if (!places) return fail(places.error());
  // Holders of an earlier run (--i-know) keep their numbers: this run's numbers start after them.
  auto earlier = platform.database().read([&](store::Transaction& tx) {
    return store::guarded("统计考生", [&]() -> Result<std::int64_t> {
      std::int64_t n = 0;
      store::Statement st(tx, "SELECT count(*) FROM candidates");
      st.into(n).execute();
      return n;
    });
  });
  if (!earlier) return fail(earlier.error());
  const int first = static_cast<int>(*earlier);
  // Every holder gets the sample certificate's photo (PNG, ~the size of a real ID photo),
  // encrypted once: the ciphertext differs per encryption, but the cost that matters here is
  // the decryption at issuance, which is the same.
  const std::string photo = cert::sample_certificate_content(today).photo_png;
  const std::string photo_cipher = platform.cipher().encrypt_biometric(photo);
  const std::string photo_digest = cert::sm3_hex(photo);
  const auto key_id = platform.registration_settings().biometric_key_id;
  for (int from = 0; from < holders; from += kPerTransaction) {
    auto done = platform.database().transaction([&](store::Transaction& tx) -> Result<void> {
      for (int i = from; i < std::min(holders, from + kPerTransaction); ++i) {
        PassedCandidate who;
        who.name = "压测" + std::to_string(i + 1) + "号";
        who.id_number = id_number(first + i);
        who.phone = "139" + padded(i, 8);
        who.registered_on = today.plus_days(-90);
        auto seeded = seed_passed_candidate(tx, platform.cipher(), places->batch, places->sitting, who, now);
        if (!seeded) return fail(seeded.error());
        store::CandidatePhoto p{0,      seeded->candidate_id, "image/png", store::Bytes(photo_cipher.begin(), photo_cipher.end()),
                                key_id, photo_digest,         now,         now + std::chrono::hours(24 * 365)};
        if (auto added = store::BiometricRepository(tx).add_photo(p); !added) return fail(added.error());
      }
      return ok();
    });
    if (!done) return fail(done.error());
  }
  auto filing = export_filing(services, places->station_actor);
  if (!filing) return fail(filing.error());
  if (auto r = record_filing(services, places->station_actor, *filing, today); !r) return fail(r.error());
  auto ids = issuable_registrations(services, places->station_actor);
  if (!ids) return fail(ids.error());
  return IssuanceBench{places->station, places->station_actor, std::move(*ids)};
}

}  // namespace rc::app
