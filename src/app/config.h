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
//   certificate.number_scheme  RESCUECERT_CERTIFICATE_NUMBER_SCHEME  demo-yjjy (the tag stored with
//                   each number; the default scheme is explicitly FICTITIOUS, DOMAIN.md §3)
//   certificate.number_pattern RESCUECERT_CERTIFICATE_NUMBER_PATTERN
//                   YJJY{year}{region4}{station3}{level}{serial6}: fields {year} {region2}
//                   {region4} {region6} {station3} {level} {serial5} {serial6}; {year},
//                   {station3} and a serial are required so a number is unique per station and year
//   certificate.verify_url     RESCUECERT_CERTIFICATE_VERIFY_URL     http://localhost:8080/verify
//                   (the QR code opens <verify_url>?no=<number>)
//   certificate.verify_per_minute RESCUECERT_CERTIFICATE_VERIFY_PER_MINUTE 20 (public queries per IP)
//   certificate.issue_threads  RESCUECERT_CERTIFICATE_ISSUE_THREADS  2 (parallel signing)
//   exam.analysis_min_facility_percent  RESCUECERT_EXAM_ANALYSIS_MIN_FACILITY_PERCENT  20
//   exam.analysis_max_facility_percent  RESCUECERT_EXAM_ANALYSIS_MAX_FACILITY_PERCENT  95
//   exam.analysis_min_discrimination_percent RESCUECERT_EXAM_ANALYSIS_MIN_DISCRIMINATION_PERCENT 20
//                   the item analysis's flag bounds (F11): facility below/above, discrimination below

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

struct CertificateConfig {
  std::string number_scheme = "demo-yjjy";
  std::string number_pattern = "YJJY{year}{region4}{station3}{level}{serial6}";
  std::string verify_url = "http://localhost:8080/verify";
  unsigned verify_per_minute = 20;
  unsigned issue_threads = 2;
};

// Item-analysis flag bounds (F11), in percent (0.20 = 20).
struct ExamConfig {
  unsigned analysis_min_facility_percent = 20;
  unsigned analysis_max_facility_percent = 95;
  unsigned analysis_min_discrimination_percent = 20;
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
  CertificateConfig certificate;
  ExamConfig exam;
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
