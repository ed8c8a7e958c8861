#include "app/registration/purge_expired_biometrics.h"

namespace rc::app {

Result<store::ErasedBiometrics> purge_expired_biometrics(store::Database& db, std::chrono::system_clock::time_point now) {
  const auto at = to_timestamp(now);
  return db.transaction([&](store::Transaction& tx) -> Result<store::ErasedBiometrics> {
    auto erased = store::BiometricRepository(tx).delete_expired(at);
    if (!erased) return erased;
    nlohmann::json detail{{"photos", erased->photos}, {"face_templates", erased->face_templates}};
    if (auto a = audit(tx, system_actor(), at, {"biometrics.purge", "biometrics", 0, detail}); !a) return fail(a.error());
    return erased;
  });
}

}  // namespace rc::app
