// rescuecert log verify [--url BASE] [--public-key FILE]: audits the transparency log (issue 4,
// app/transparency/log_audit.h) and prints the report as JSON. Without --url it reads this
// platform's store; with --url it fetches a running server's /api/v1/log/... and checks
// everything offline (plain http://, e.g. http://127.0.0.1:8080; put TLS in front with a proxy).
// Exit: 0 consistent, 1 inconsistent, 3 when the log could not be read at all.
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/transparency/log_audit.h"
#include "app/transparency/log_keys.h"
#include "cli/commands.h"
#include "cli/http_json.h"
#include "cli/load_config.h"

namespace rc::cli {
namespace {

Result<std::string> read_text(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return fail(make_error(ErrorCode::kInvalidValue, "--public-key", "无法读取文件 " + path));
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

struct VerifyOptions {
  std::string url;
  std::string public_key_file;
};

Result<app::LogAuditReport> audit(const Globals& g, const VerifyOptions& o) {
  std::string pinned;
  if (!o.public_key_file.empty()) {
    auto pem = read_text(o.public_key_file);
    if (!pem) return fail(pem.error());
    pinned = *pem;
  }
  if (!o.url.empty()) {
    auto base = parse_base_url(o.url);
    if (!base) return fail(base.error());
    return app::audit_remote_log([&](const std::string& target) { return http_get_json(*base, target); }, o.url, pinned);
  }
  auto platform = open_platform(g);
  if (!platform) return fail(platform.error());
  auto check = app::sm2_log_signature_check(pinned.empty() ? (*platform)->keys().signing_public_pem : pinned);
  if (!check) return fail(check.error());
  return app::audit_stored_log((*platform)->database(), *check);
}

}  // namespace

void add_log(CLI::App& app, const Globals& g, Run* run) {
  auto* log = app.add_subcommand("log", "透明日志 (the certificate transparency log)");
  log->require_subcommand(1);
  auto* verify = log->add_subcommand("verify", "check the log: entries, signed tree heads, consistency and inclusion proofs");
  auto options = std::make_shared<VerifyOptions>();
  verify->add_option("--url", options->url, "check a running server's API instead of the local store (http://host:port)");
  verify->add_option("--public-key", options->public_key_file, "SM2 public key PEM to trust (default: the platform's, or the server's)");
  verify->callback([&g, run, options] {
    *run = [&g, options] {
      auto report = audit(g, *options);
      if (!report) return print_error(report.error()), kExitFailure;
      std::cout << report->to_json().dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      if (!report->consistent()) std::cerr << "rescuecert: 透明日志不一致（" << report->problem_count << " 处问题）\n";
      return report->consistent() ? kExitOk : kExitRefused;
    };
  });
}

}  // namespace rc::cli
