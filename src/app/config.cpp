#include "app/config.h"

#include <cstdlib>
#include <vector>

namespace rc::app {
namespace {

using nlohmann::json;

enum class Kind { kString, kPort, kCount, kBytes, kBool, kPercent };

struct Key {
  std::string_view path;  // dotted path in the file
  std::string_view env;   // environment variable
  Kind kind;
};

const std::vector<Key>& keys() {
  static const std::vector<Key> k{
      {"database", "RESCUECERT_DATABASE", Kind::kString},
      {"data_dir", "RESCUECERT_DATA_DIR", Kind::kString},
      {"keys_dir", "RESCUECERT_KEYS_DIR", Kind::kString},
      {"http.address", "RESCUECERT_HTTP_ADDRESS", Kind::kString},
      {"http.port", "RESCUECERT_HTTP_PORT", Kind::kPort},
      {"http.threads", "RESCUECERT_HTTP_THREADS", Kind::kCount},
      {"http.max_body_bytes", "RESCUECERT_HTTP_MAX_BODY_BYTES", Kind::kBytes},
      {"policies_dir", "RESCUECERT_POLICIES_DIR", Kind::kString},
      {"log_level", "RESCUECERT_LOG_LEVEL", Kind::kString},
      {"http.secure_cookies", "RESCUECERT_HTTP_SECURE_COOKIES", Kind::kBool},
      {"sms.provider", "RESCUECERT_SMS_PROVIDER", Kind::kString},
      {"sms.gateway_url", "RESCUECERT_SMS_GATEWAY_URL", Kind::kString},
      {"sms.api_key", "RESCUECERT_SMS_API_KEY", Kind::kString},
      {"face.models_dir", "RESCUECERT_FACE_MODELS_DIR", Kind::kString},
      {"testing.captcha_log", "RESCUECERT_TESTING_CAPTCHA_LOG", Kind::kString},
      {"certificate.number_scheme", "RESCUECERT_CERTIFICATE_NUMBER_SCHEME", Kind::kString},
      {"certificate.number_pattern", "RESCUECERT_CERTIFICATE_NUMBER_PATTERN", Kind::kString},
      {"certificate.verify_url", "RESCUECERT_CERTIFICATE_VERIFY_URL", Kind::kString},
      {"certificate.verify_per_minute", "RESCUECERT_CERTIFICATE_VERIFY_PER_MINUTE", Kind::kCount},
      {"certificate.issue_threads", "RESCUECERT_CERTIFICATE_ISSUE_THREADS", Kind::kCount},
      {"exam.analysis_min_facility_percent", "RESCUECERT_EXAM_ANALYSIS_MIN_FACILITY_PERCENT", Kind::kPercent},
      {"exam.analysis_max_facility_percent", "RESCUECERT_EXAM_ANALYSIS_MAX_FACILITY_PERCENT", Kind::kPercent},
      {"exam.analysis_min_discrimination_percent", "RESCUECERT_EXAM_ANALYSIS_MIN_DISCRIMINATION_PERCENT", Kind::kPercent},
  };
  return k;
}

Error bad(std::string_view key, std::string_view why) {
  return make_error(ErrorCode::kBadConfig, std::string(key), "配置项 " + std::string(key) + " 无效：" + std::string(why));
}

// Parses a whole decimal number in [lo, hi].
std::optional<std::uint64_t> parse_uint(std::string_view s, std::uint64_t lo, std::uint64_t hi) {
  if (s.empty() || s.size() > 19) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (v < lo || v > hi) return std::nullopt;
  return v;
}

struct Range {
  std::uint64_t lo, hi;
};
Range range_of(Kind k) {
  switch (k) {
    case Kind::kPort: return {0, 65535};
    case Kind::kCount: return {1, 256};
    case Kind::kBytes: return {1024, 1ull << 32};
    case Kind::kPercent: return {0, 100};
    case Kind::kString:
    case Kind::kBool:
      break;
  }
  return {0, 0};
}

// The number pattern must make numbers unique per station and year by construction (the counter
// is per station and year), so it has to name the year, the station and a serial.
Result<void> assign_certificate(CertificateConfig& c, const std::string& p, const std::string& s) {
  if (p == "certificate.number_scheme") {
    if (s.empty() || s.size() > 32) return fail(bad(p, "应为 1 到 32 个字符"));
    c.number_scheme = s;
  } else if (p == "certificate.number_pattern") {
    const bool serial = s.find("{serial5}") != std::string::npos || s.find("{serial6}") != std::string::npos;
    if (s.find("{year}") == std::string::npos || s.find("{station3}") == std::string::npos || !serial)
      return fail(bad(p, "必须包含 {year}、{station3} 和 {serial5} 或 {serial6}"));
    c.number_pattern = s;
  } else if (p == "certificate.verify_url") {
    if (s.rfind("http://", 0) != 0 && s.rfind("https://", 0) != 0) return fail(bad(p, "应以 http:// 或 https:// 开头"));
    c.verify_url = s;
  }
  return ok();
}

Result<void> assign(Config& c, const Key& key, const json& v) {
  const std::string p(key.path);
  if (key.kind == Kind::kBool) {
    bool b;
    if (v.is_boolean()) b = v.get<bool>();
    else if (v.is_string() && (v == "true" || v == "1")) b = true;
    else if (v.is_string() && (v == "false" || v == "0")) b = false;
    else return fail(bad(p, "应为 true 或 false"));
    c.http.secure_cookies = b;  // the only boolean key
    return ok();
  }
  if (key.kind == Kind::kString) {
    if (!v.is_string()) return fail(bad(p, "应为字符串"));
    const auto s = v.get<std::string>();
    if (p == "database") {
      if (s.rfind("sqlite:", 0) != 0 && s.rfind("postgresql:", 0) != 0)
        return fail(bad(p, "应以 sqlite: 或 postgresql: 开头"));
      c.database = s;
    } else if (p == "data_dir") c.data_dir = s;
    else if (p == "keys_dir") c.keys_dir = s;
    else if (p == "http.address") c.http.address = s;
    else if (p == "policies_dir") c.policies_dir = s;
    else if (p == "sms.provider") {
      if (s != "outbox" && s != "http") return fail(bad(p, "应为 outbox 或 http"));
      c.sms.provider = s;
    } else if (p == "sms.gateway_url") c.sms.gateway_url = s;
    else if (p == "sms.api_key") c.sms.api_key = s;
    else if (p == "testing.captcha_log") c.testing_captcha_log = s;
    else if (p == "face.models_dir") c.face_models_dir = s;
    else if (p.rfind("certificate.", 0) == 0) return assign_certificate(c.certificate, p, s);
    else if (p == "log_level") {
      if (s != "debug" && s != "info" && s != "warn" && s != "error") return fail(bad(p, "应为 debug、info、warn 或 error"));
      c.log_level = s;
    }
    return ok();
  }
  const auto r = range_of(key.kind);
  std::optional<std::uint64_t> n;
  if (v.is_number_unsigned()) n = v.get<std::uint64_t>();
  else if (v.is_string()) n = parse_uint(v.get<std::string>(), r.lo, r.hi);
  if (!n || *n < r.lo || *n > r.hi)
    return fail(bad(p, "应为 " + std::to_string(r.lo) + " 到 " + std::to_string(r.hi) + " 之间的整数"));
  if (p == "http.port") c.http.port = static_cast<std::uint16_t>(*n);
  else if (p == "http.threads") c.http.threads = static_cast<unsigned>(*n);
  else if (p == "http.max_body_bytes") c.http.max_body_bytes = *n;
  else if (p == "certificate.verify_per_minute") c.certificate.verify_per_minute = static_cast<unsigned>(*n);
  else if (p == "certificate.issue_threads") c.certificate.issue_threads = static_cast<unsigned>(*n);
  else if (p == "exam.analysis_min_facility_percent") c.exam.analysis_min_facility_percent = static_cast<unsigned>(*n);
  else if (p == "exam.analysis_max_facility_percent") c.exam.analysis_max_facility_percent = static_cast<unsigned>(*n);
  else if (p == "exam.analysis_min_discrimination_percent")
    c.exam.analysis_min_discrimination_percent = static_cast<unsigned>(*n);
  return ok();
}

const json* find_path(const json& doc, std::string_view path) {
  const json* cur = &doc;
  std::size_t start = 0;
  while (true) {
    auto dot = path.find('.', start);
    auto part = std::string(path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (!cur->is_object() || !cur->contains(part)) return nullptr;
    cur = &(*cur)[part];
    if (dot == std::string_view::npos) return cur;
    start = dot + 1;
  }
}

Result<void> check_no_unknown_keys(const json& doc) {
  for (auto& [k, v] : doc.items()) {
    if (k == "http" || k == "sms" || k == "face" || k == "testing" || k == "certificate" || k == "exam") {
      if (!v.is_object()) return fail(bad(k, "应为对象"));
      for (auto& [hk, hv] : v.items()) {
        (void)hv;
        bool known = false;
        for (const auto& key : keys()) known = known || key.path == k + "." + hk;
        if (!known) return fail(bad(k + "." + hk, "未知的配置项"));
      }
      continue;
    }
    bool known = false;
    for (const auto& key : keys()) known = known || key.path == k;
    if (!known) return fail(bad(k, "未知的配置项"));
  }
  return ok();
}

// A PostgreSQL password in the connection string is not printed.
std::string redact_password(std::string url) {
  for (const std::string key : {"password=", ":"}) {
    if (key == ":") {
      const auto scheme = url.find("://"), at = url.find('@');
      if (scheme == std::string::npos || at == std::string::npos) continue;
      const auto colon = url.find(':', scheme + 3);
      if (colon != std::string::npos && colon < at) url.replace(colon + 1, at - colon - 1, "******");
    } else if (auto p = url.find(key); p != std::string::npos) {
      auto e = url.find(' ', p);
      url.replace(p + key.size(), (e == std::string::npos ? url.size() : e) - p - key.size(), "******");
    }
  }
  return url;
}

}  // namespace

Result<Config> parse_config(std::string_view file_text, const EnvLookup& env) {
  Config c;
  json doc = json::object();
  if (!file_text.empty()) {
    doc = json::parse(file_text.begin(), file_text.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object())
      return fail(make_error(ErrorCode::kBadConfig, "", "配置文件不是有效的 JSON 对象"));
    if (auto r = check_no_unknown_keys(doc); !r) return fail(r.error());
  }
  for (const auto& key : keys()) {
    c.sources[std::string(key.path)] = "default";
    if (const json* v = find_path(doc, key.path)) {
      if (auto r = assign(c, key, *v); !r) return fail(r.error());
      c.sources[std::string(key.path)] = "file";
    }
    if (auto e = env(key.env)) {
      if (auto r = assign(c, key, json(*e)); !r) {
        Error err = r.error();
        err.field = std::string(key.env);
        return fail(err);
      }
      c.sources[std::string(key.path)] = "env:" + std::string(key.env);
    }
  }
  return c;
}

nlohmann::json Config::effective() const {
  json values{{"database", redact_password(database)},
              {"data_dir", data_dir},
              {"keys_dir", keys_dir},
              {"http", {{"address", http.address}, {"port", http.port}, {"threads", http.threads},
                        {"max_body_bytes", http.max_body_bytes}}},
              {"policies_dir", policies_dir},
              {"log_level", log_level},
              {"sms", {{"provider", sms.provider}, {"gateway_url", sms.gateway_url},
                       {"api_key", sms.api_key.empty() ? "" : "******"}}},
              {"face", {{"models_dir", face_models_dir}}},
              {"testing", {{"captcha_log", testing_captcha_log}}},
              {"certificate", {{"number_scheme", certificate.number_scheme},
                               {"number_pattern", certificate.number_pattern},
                               {"verify_url", certificate.verify_url},
                               {"verify_per_minute", certificate.verify_per_minute},
                               {"issue_threads", certificate.issue_threads}}},
              {"exam", {{"analysis_min_facility_percent", exam.analysis_min_facility_percent},
                        {"analysis_max_facility_percent", exam.analysis_max_facility_percent},
                        {"analysis_min_discrimination_percent", exam.analysis_min_discrimination_percent}}}};
  values["http"]["secure_cookies"] = http.secure_cookies;
  return json{{"values", values}, {"sources", sources}};
}

EnvLookup process_env() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* v = std::getenv(std::string(name).c_str());
    if (!v) return std::nullopt;
    return std::string(v);
  };
}

}  // namespace rc::app
