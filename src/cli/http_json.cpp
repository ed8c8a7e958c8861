#include "cli/http_json.h"

#include <sys/socket.h>
#include <sys/time.h>

#include <asio.hpp>
#include <cctype>

namespace rc::cli {

Result<BaseUrl> parse_base_url(std::string url, const std::string& option) {
  const std::string scheme = "http://";
  if (!url.starts_with(scheme))
    return fail(make_error(ErrorCode::kInvalidValue, option, option + " 必须以 http:// 开头（HTTPS 请经本机反向代理）"));
  url.erase(0, scheme.size());
  BaseUrl b;
  const auto slash = url.find('/');
  b.prefix = slash == std::string::npos ? "" : url.substr(slash);
  while (b.prefix.ends_with('/')) b.prefix.pop_back();
  std::string authority = url.substr(0, slash);
  const auto colon = authority.rfind(':');
  b.host = colon == std::string::npos ? authority : authority.substr(0, colon);
  b.port = colon == std::string::npos ? "80" : authority.substr(colon + 1);
  if (b.host.empty() || b.port.empty()) return fail(make_error(ErrorCode::kInvalidValue, option, option + " 缺少主机或端口"));
  return b;
}

namespace {

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

}  // namespace

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
    if (status == 404) {
      std::string why = doc.is_object() && doc.contains("error") ? doc["error"].value("message", "") : "";
      return fail(make_error(ErrorCode::kNotFound, "--url", where + " 应答 404 " + why));
    }
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

}  // namespace rc::cli
