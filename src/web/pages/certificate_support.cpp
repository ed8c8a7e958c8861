#include "web/pages/certificate_support.h"

#include <cctype>

namespace rc::web {
namespace {

// Used when the signing key cannot be loaded: the platform still serves verification and
// downloads of stored files, and issuance fails with the key's error instead of crashing.
class UnavailableWriter final : public app::CertificateFileWriter {
 public:
  explicit UnavailableWriter(Error e) : error_(std::move(e)) {}
  Result<std::string> write(const cert::CertificateContent&, std::chrono::system_clock::time_point) const override {
    return fail(error_);
  }
  std::string media_type() const override { return "application/ofd"; }

 private:
  Error error_;
};

std::unique_ptr<app::CertificateFileWriter> make_writer(const app::Platform& platform) {
  auto w = app::ofd_certificate_writer(platform.keys());
  if (w) return std::move(*w);
  return std::make_unique<UnavailableWriter>(w.error());
}

std::string date_or_empty(const std::optional<CivilDate>& d) { return d ? d->to_string() : ""; }

}  // namespace

CertificateWeb::CertificateWeb(app::Platform& platform)
    : writer(make_writer(platform)),
      verify_limit(static_cast<int>(platform.config().certificate.verify_per_minute), std::chrono::seconds(60)) {
  services = std::make_unique<app::CertificateServices>(app::CertificateServices{
      platform.database(), platform.clock(), platform.policies(), platform.cipher(), *writer,
      app::certificate_settings(platform.config())});
  services->status_cache = &status_cache;
  jobs = std::make_unique<app::IssuanceJobs>(*services);
}

CertificateWeb::~CertificateWeb() = default;

Result<void> allow_verification(CertificateWeb& web, const app::Platform& platform, const RequestContext& ctx) {
  if (web.verify_limit.allow("verify:" + ctx.client_ip, platform.clock().now())) return ok();
  return fail(ErrorCode::kTooManyRequests, "", "查询过于频繁，请一分钟后再试");
}

nlohmann::json public_certificate_json(const app::PublicCertificate& c) {
  nlohmann::json j{{"number", c.number},
                   {"status", std::string(app::state_code(c.state))},
                   {"status_label", std::string(app::state_label(c.state))},
                   {"checked_on", c.checked_on.to_string()},
                   {"masked_name", c.masked_name},
                   {"masked_id_number", c.masked_id_number},
                   {"occupation", c.occupation},
                   {"level", c.level},
                   {"issued_on", c.issued_on.to_string()},
                   {"valid_until", c.valid_until ? c.valid_until->to_string() : "长期有效"},
                   {"issuing_body", c.issuing_body}};
  if (c.revoked_on) j["revoked_on"] = date_or_empty(c.revoked_on);
  j["revoked"] = c.state == app::CertificateState::kRevoked;
  j["valid"] = c.state == app::CertificateState::kValid;
  return j;
}

Reply file_reply(std::string content_type, std::string file_name, std::string body) {
  Reply r = text_reply(200, std::move(content_type), std::move(body));
  // RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name.
  std::string encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : file_name) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') encoded += static_cast<char>(c);
    else encoded += std::string("%") + kHex[c >> 4] + kHex[c & 15];
  }
  std::string fallback = encoded;
  if (fallback.find('%') != std::string::npos) {
    const auto dot = file_name.rfind('.');
    fallback = "download" + (dot == std::string::npos ? std::string() : file_name.substr(dot));
  }
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace rc::web
