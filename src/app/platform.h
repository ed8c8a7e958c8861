#pragma once
// Platform: everything a running RescueCert needs, opened once at start-up from the
// configuration: the clock, the policy catalogue, the database (schema checked current) and the
// keys. The HTTP server and the CLI commands receive it; use cases take what they need from it.
//
// Thread safety: after open() returns, every accessor may be used from any thread; the database
// hands out its own transactions (store/database.h); the rest is read-only.

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "app/config.h"
#include "app/key_store.h"
#include "app/registration/registration_settings.h"
#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "face/face_verifier.h"
#include "identity/captcha.h"
#include "identity/login_guard.h"
#include "identity/password_hasher.h"
#include "identity/personal_data_cipher.h"
#include "identity/secure_random.h"
#include "identity/session_store.h"
#include "identity/sms.h"
#include "store/database.h"

namespace rc::app {

class Platform {
 public:
  // REQUIRES: `rescuecert init` has run for this configuration (keys and schema present);
  // otherwise an error says so. `clock` must outlive the Platform.
  [[nodiscard]] static Result<std::unique_ptr<Platform>> open(Config config, const Clock& clock);
  ~Platform();

  const Config& config() const { return config_; }
  const Clock& clock() const { return clock_; }
  const PolicyCatalog& policies() const { return policies_; }
  const KeySet& keys() const { return keys_; }
  store::Database& database() { return *database_; }

  RandomSource& random() { return *random_; }
  identity::PersonalDataCipher& cipher() { return *cipher_; }
  identity::SessionStore& sessions() { return *sessions_; }
  identity::PasswordHasher& passwords() { return *passwords_; }
  identity::CaptchaService& captcha() { return *captcha_; }
  identity::SmsProvider& sms() { return *sms_; }
  // The built-in outbox, for administrators; nullptr when a gateway is configured.
  identity::OutboxSmsProvider* sms_outbox() { return outbox_; }
  identity::SmsCodeService& sms_codes() { return *sms_codes_; }
  identity::LoginGuard& login_guard() { return *login_guard_; }
  const RegistrationSettings& registration_settings() const { return registration_settings_; }
  // The 1:1 face verifier (face::DlibFaceVerifier) on the model files in face_models_dir(),
  // loaded on first use (the models take seconds to read, and most processes never match a face);
  // nullptr when the files are missing or unreadable: the platform still runs, and candidates
  // are offered the manual identity check instead (face recognition is never the only way).
  face::FaceVerifier* face_verifier();
  // Whether face verification can be offered: the model files were present at start-up and, once
  // loaded, were readable (cheap: nothing is loaded).
  bool face_models_present() const { return face_models_present_.load(); }
  // The configured face.models_dir (app/config.h).
  const std::string& face_models_dir() const { return config_.face_models_dir; }

  // {"status": "ok"|"degraded", "database": {"backend", "status", "schema_version"}, "policies": [...]}
  nlohmann::json health();

 private:
  Platform(Config config, const Clock& clock, PolicyCatalog policies, KeySet keys,
           std::unique_ptr<store::Database> database);
  [[nodiscard]] Result<void> start_services();
  void start_face_settings();
  Config config_;
  const Clock& clock_;
  PolicyCatalog policies_;
  KeySet keys_;
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<identity::SecureRandom> random_;
  std::unique_ptr<identity::PersonalDataCipher> cipher_;
  std::unique_ptr<identity::SessionStore> sessions_;
  std::unique_ptr<identity::PasswordHasher> passwords_;
  std::unique_ptr<identity::CaptchaService> captcha_;
  std::unique_ptr<identity::SmsProvider> sms_;
  identity::OutboxSmsProvider* outbox_ = nullptr;
  std::unique_ptr<identity::SmsCodeService> sms_codes_;
  std::unique_ptr<identity::LoginGuard> login_guard_;
  RegistrationSettings registration_settings_;
  std::atomic<bool> face_models_present_{false};
  std::mutex face_mu_;
  bool face_loaded_ = false;
  std::unique_ptr<face::FaceVerifier> face_verifier_;
};

}  // namespace rc::app
