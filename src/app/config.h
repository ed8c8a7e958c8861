#pragma once
// Configuration: one JSON file (rescuecert.json) plus environment overrides (RESCUECERT_*).
// Parsing is pure: the caller reads the file and hands in the text and the environment, so
// tests need neither. `rescuecert config show` prints effective() with where each value came from.
//
// Keys (file path / environment variable / default):
//   database        RESCUECERT_DATABASE       sqlite://var/rescuecert.db
//   data_dir        RESCUECERT_DATA_DIR       var
//   keys_dir        RESCUECERT_KEYS_DIR       var/keys
//   http.address    RESCUECERT_HTTP_ADDRESS   127.0.0.1
//   http.port       RESCUECERT_HTTP_PORT      8080
//   http.threads    RESCUECERT_HTTP_THREADS   2
//   http.max_body_bytes RESCUECERT_HTTP_MAX_BODY_BYTES 8388608
//   policies_dir    RESCUECERT_POLICIES_DIR   "" (the policies built into the binary)
//   log_level       RESCUECERT_LOG_LEVEL      info
//   http.secure_cookies RESCUECERT_HTTP_SECURE_COOKIES true (false only for plain-HTTP development)
//   sms.provider    RESCUECERT_SMS_PROVIDER   outbox (stored in the database) | http (a gateway)
//   sms.gateway_url RESCUECERT_SMS_GATEWAY_URL ""
//   sms.api_key     RESCUECERT_SMS_API_KEY    "" (shown masked by config show)
//   face.models_dir RESCUECERT_FACE_MODELS_DIR .cache/face/models (scripts/fetch-face-models fills
//                   it; without the models the manual identity check is offered instead)
//   testing.captcha_log RESCUECERT_TESTING_CAPTCHA_LOG "" (browser tests only: a file that
//                   receives each captcha's answer; never set in production)

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/common/result.h"

namespace rc::app {

struct HttpConfig {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;
  unsigned threads = 2;
  std::uint64_t max_body_bytes = 8 << 20;  // photos and spreadsheets are uploaded
  bool secure_cookies = true;
};

struct SmsConfig {
  std::string provider = "outbox";
  std::string gateway_url;
  std::string api_key;
};

struct Config {
  std::string database = "sqlite://var/rescuecert.db";
  std::string data_dir = "var";
  std::string keys_dir = "var/keys";
  HttpConfig http;
  std::string policies_dir;
  std::string log_level = "info";
  SmsConfig sms;
  std::string face_models_dir = ".cache/face/models";
  std::string testing_captcha_log;
  // Where each key's value came from: "default", "file" or "env:NAME".
  std::map<std::string, std::string> sources;

  // The effective values and their sources, as printed by `rescuecert config show`.
  nlohmann::json effective() const;
};

// Looks up an environment variable; returns nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

// REQUIRES: file_text is the content of the config file, or empty when there is none.
// Unknown keys and wrongly typed or out-of-range values are refused (kBadConfig, naming the key).
[[nodiscard]] Result<Config> parse_config(std::string_view file_text, const EnvLookup& env);

// The process environment, for production use.
EnvLookup process_env();

}  // namespace rc::app
