// rescuecert log verify [--url BASE] [--public-key FILE]: audits the transparency log (issue 4,
// app/transparency/log_audit.h) and prints the report as JSON. Without --url it reads this
// platform's store; with --url it fetches a running server's /api/v1/log/... and checks
// everything offline (plain http://, e.g. http://127.0.0.1:8080; put TLS in front with a proxy).
// Exit: 0 consistent, 1 inconsistent, 3 when the log could not be read at all.
#include <sys/socket.h>
#include <sys/time.h>

#include <asio.hpp>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/transparency/log_audit.h"
#include "app/transparency/log_keys.h"
#include "cli/commands.h"
#include "cli/load_config.h"

namespace rc::cli {
namespace {

struct BaseUrl {
  std::string host, port, prefix;
};

Result<BaseUrl> parse_base_url(std::string url) {
  const std::string scheme = "http://";
  if (!url.starts_with(scheme))
    return fail(make_error(ErrorCode::kInvalidValue, "--url", "--url 必须以 http:// 开头（HTTPS 请经本机反向代理）"));
  url.erase(0, scheme.size());
  BaseUrl b;
  const auto slash = url.find('/');
  b.prefix = slash == std::string::npos ? "" : url.substr(slash);
  while (b.prefix.ends_with('/')) b.prefix.pop_back();
  std::string authority = url.substr(0, slash);
  const auto colon = authority.rfind(':');
  b.host = colon == std::string::npos ? authority : authority.substr(0, colon);
  b.port = colon == std::string::npos ? "80" : authority.substr(colon + 1);
  if (b.host.empty() || b.port.empty()) return fail(make_error(ErrorCode::kInvalidValue, "--url", "--url 缺少主机或端口"));
  return b;
}

// Removes chunked transfer coding from a body.
std::string dechunk(const std::string& body) {
  std::string out;
  std::size_t pos = 0;
  while (pos < body.size()) {
    const auto eol = body.find("\r\n", pos);
    if (eol == std::string::npos) break;
    const std::size_t size = std::stoul(body.substr(pos, eol - pos), nullptr, 16);
    if (size == 0) break;
    out += body.substr(eol + 2, size);
    pos = eol + 2 + size + 2;
  }
  return out;
}

// One GET per connection (Connection: close), the whole answer read; 30 s without data fails.
Result<nlohmann::json> http_get_json(const BaseUrl& base, const std::string& target) {
  const std::string where = "http://" + base.host + ":" + base.port + base.prefix + target;
  try {
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    asio::connect(socket, asio::ip::tcp::resolver(io).resolve(base.host, base.port));
    timeval timeout{30, 0};
    ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    const std::string request = "GET " + base.prefix + target + " HTTP/1.1\r\nHost: " + base.host + ":" + base.port +
                                "\r\nAccept: application/json\r\nConnection: close\r\n\r\n";
    asio::write(socket, asio::buffer(request));
    std::string raw;
    asio::error_code ec;
    asio::read(socket, asio::dynamic_buffer(raw), ec);
    if (ec && ec != asio::error::eof) throw asio::system_error(ec);
    const auto header_end = raw.find("\r\n\r\n");
    if (header_end == std::string::npos || raw.size() < 12) throw std::runtime_error("不是 HTTP 应答");
    std::string headers = raw.substr(0, header_end);
    std::string body = raw.substr(header_end + 4);
    for (auto& c : headers) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (headers.find("transfer-encoding: chunked") != std::string::npos) body = dechunk(body);
    const int status = std::stoi(raw.substr(9, 3));
    auto doc = nlohmann::json::parse(body, nullptr, false);
    if (status != 200) {
      std::string why = doc.is_object() && doc.contains("error") ? doc["error"].value("message", "") : "";
      return fail(make_error(ErrorCode::kStatusUnavailable, "--url", where + " 应答 " + std::to_string(status) + " " + why));
    }
    if (doc.is_discarded()) return fail(make_error(ErrorCode::kStatusUnavailable, "--url", where + " 的应答不是 JSON"));
    return doc;
  } catch (const std::exception& e) {
    return fail(make_error(ErrorCode::kStatusUnavailable, "--url", "无法访问 " + where + "：" + e.what()));
  }
}

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
