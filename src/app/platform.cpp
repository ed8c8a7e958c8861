#include "app/platform.h"

#include "app/policy_loading.h"

#include <cstdio>
#include <filesystem>

#include "face/dlib_face_verifier.h"
#include "store/migrations.h"

namespace rc::app {

Platform::Platform(Config config, const Clock& clock, PolicyCatalog policies, KeySet keys,
                   std::unique_ptr<store::Database> database)
    : config_(std::move(config)),
      clock_(clock),
      policies_(std::move(policies)),
      keys_(std::move(keys)),
      database_(std::move(database)) {}

Platform::~Platform() = default;

Result<std::unique_ptr<Platform>> Platform::open(Config config, const Clock& clock) {
  auto policies = load_policy_catalog(config);
  if (!policies) return fail(policies.error());
  auto keys = load_keys(config.keys_dir);
  if (!keys) return fail(keys.error());
  auto db = store::Database::open(config.database);
  if (!db) return fail(db.error());
  auto version = store::schema_version(**db);
  if (!version) return fail(version.error());
  auto known = store::embedded_migrations((*db)->backend());
  if (!known) return fail(known.error());
  const int latest = known->empty() ? 0 : known->back().version;
  if (*version != latest)
    return fail(make_error(ErrorCode::kBadConfig, "database",
                           "数据库结构版本为 " + std::to_string(*version) + "，本程序需要 " + std::to_string(latest) +
                               "；请先运行 rescuecert init"));
  std::unique_ptr<Platform> platform(
      new Platform(std::move(config), clock, std::move(*policies), std::move(*keys), std::move(*db)));
  if (auto s = platform->start_services(); !s) return fail(s.error());
  return platform;
}

Result<void> Platform::start_services() {
  random_ = std::make_unique<identity::SecureRandom>();
  cipher_ = std::make_unique<identity::PersonalDataCipher>(keys_.id_number_key, keys_.lookup_key,
                                                           keys_.biometric_key, *random_);
  sessions_ = std::make_unique<identity::SessionStore>(*database_, clock_, *random_);
  passwords_ = std::make_unique<identity::PasswordHasher>(1);
  captcha_ = std::make_unique<identity::CaptchaService>(*database_, clock_, *random_);
  if (!config_.testing_captcha_log.empty()) {
    // Browser tests read captcha answers from this file; off unless configured.
    const std::string path = config_.testing_captcha_log;
    captcha_->set_test_answer_sink([path](std::string id, std::string answer) {
      if (FILE* f = std::fopen(path.c_str(), "a")) {
        std::fprintf(f, "%s %s\n", id.c_str(), answer.c_str());
        std::fclose(f);
      }
    });
  }
  if (config_.sms.provider == "http") {
    auto gateway = identity::HttpGatewaySmsProvider::create(
        identity::HttpGatewayConfig{config_.sms.gateway_url, config_.sms.api_key});
    if (!gateway) return fail(gateway.error());
    sms_ = std::make_unique<identity::HttpGatewaySmsProvider>(std::move(*gateway));
  } else {
    auto outbox = std::make_unique<identity::OutboxSmsProvider>(*database_, clock_);
    outbox_ = outbox.get();
    sms_ = std::move(outbox);
  }
  sms_codes_ = std::make_unique<identity::SmsCodeService>(*database_, *sms_, clock_, *random_);
  login_guard_ = std::make_unique<identity::LoginGuard>(*database_, clock_);
  start_face_settings();
  return ok();
}

// Missing models are not an error: the photo checks run without landmarks, and the candidate
// pages offer the manual check in place of the face check.
void Platform::start_face_settings() {
  const auto models = face::dlib_models_config(config_.face_models_dir);
  std::error_code ec;
  const bool landmarks = std::filesystem::is_regular_file(models.landmarks_model, ec);
  const bool recognition = std::filesystem::is_regular_file(models.recognition_model, ec);
  if (landmarks) registration_settings_.photo_rules.landmarks_model = models.landmarks_model;
  face_models_present_ = landmarks && recognition;
}

face::FaceVerifier* Platform::face_verifier() {
  std::lock_guard lock(face_mu_);
  if (!face_loaded_) {
    face_loaded_ = true;
    if (face_models_present_) {
      auto verifier = std::make_unique<face::DlibFaceVerifier>(face::dlib_models_config(config_.face_models_dir));
      if (verifier->ready()) {
        face_verifier_ = std::move(verifier);
      } else {
        std::fprintf(stderr, "face models in %s unreadable: %s; manual identity check only\n",
                     config_.face_models_dir.c_str(), verifier->ready().error().message.c_str());
        face_models_present_ = false;
      }
    }
  }
  return face_verifier_.get();
}

nlohmann::json Platform::health() {
  nlohmann::json db{{"backend", database_->backend() == store::Backend::kSqlite ? "sqlite" : "postgresql"}};
  auto version = store::schema_version(*database_);
  if (version) {
    db["status"] = "ok";
    db["schema_version"] = *version;
  } else {
    db["status"] = "unavailable";
    db["error"] = std::string(code_name(version.error().code));
  }
  nlohmann::json policies = nlohmann::json::array();
  for (const auto& p : policies_.policies()) policies.push_back(p.id);
  return {{"status", version ? "ok" : "degraded"}, {"database", db}, {"policies", policies},
          {"today", china_date(clock_.now()).to_string()}};
}

}  // namespace rc::app
