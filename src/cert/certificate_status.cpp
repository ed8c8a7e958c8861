#include "cert/certificate_status.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <optional>
#include <memory>
#include <nlohmann/json.hpp>

namespace rc::cert {
namespace {

using Deadline = std::chrono::steady_clock::time_point;
constexpr std::size_t kMaxResponse = 64 * 1024;

Error unavailable(const std::string& why) {
  return make_error(ErrorCode::kStatusUnavailable, "status-url", "无法查询证书状态：" + why);
}

int remaining_ms(Deadline d) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(d - std::chrono::steady_clock::now()).count();
  return left > 0 ? static_cast<int>(left) : 0;
}

bool wait_for(int fd, short events, Deadline d) {
  for (;;) {
    pollfd p{fd, events, 0};
    const int n = ::poll(&p, 1, remaining_ms(d));
    if (n > 0) return true;
    if (n == 0 || errno != EINTR) return false;
  }
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

bool connect_to(Fd& s, const std::string& host, const std::string& port, Deadline d) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (::getaddrinfo(host.c_str(), port.c_str(), &hints, &found) != 0) return false;
  std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> list(found, &::freeaddrinfo);
  for (addrinfo* a = found; a; a = a->ai_next) {
    Fd fd{::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol)};
    if (fd.fd < 0) continue;
    int err = 0;
    socklen_t len = sizeof err;
    if (::connect(fd.fd, a->ai_addr, a->ai_addrlen) == 0 ||
        (errno == EINPROGRESS && wait_for(fd.fd, POLLOUT, d) && ::getsockopt(fd.fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 &&
         err == 0)) {
      std::swap(s.fd, fd.fd);
      return true;
    }
  }
  return false;
}

Result<std::string> exchange(const std::string& host, const std::string& port, const std::string& request, Deadline d) {
  Fd s;
  if (!connect_to(s, host, port, d)) return fail(unavailable("连接 " + host + ":" + port + " 失败"));
  for (std::size_t sent = 0; sent < request.size();) {
    if (!wait_for(s.fd, POLLOUT, d)) return fail(unavailable("发送超时"));
    const ssize_t n = ::send(s.fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno != EAGAIN && errno != EINTR) return fail(unavailable("发送失败"));
    if (n > 0) sent += static_cast<std::size_t>(n);
  }
  std::string response;
  char buf[4096];
  for (;;) {
    if (!wait_for(s.fd, POLLIN, d)) return fail(unavailable("等待应答超时"));
    const ssize_t n = ::recv(s.fd, buf, sizeof buf, 0);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EAGAIN || errno == EINTR) continue;
      return fail(unavailable("接收失败"));
    }
    response.append(buf, static_cast<std::size_t>(n));
    if (response.size() > kMaxResponse) return fail(unavailable("应答过大"));
  }
  return response;
}

// Undoes Transfer-Encoding: chunked; nullopt when malformed.
std::optional<std::string> dechunk(std::string_view body) {
  std::string out;
  for (;;) {
    const auto eol = body.find("\r\n");
    if (eol == std::string_view::npos) return std::nullopt;
    std::size_t size = 0;
    try {
      size = std::stoul(std::string(body.substr(0, eol)), nullptr, 16);
    } catch (...) {
      return std::nullopt;
    }
    body.remove_prefix(eol + 2);
    if (size == 0) return out;
    if (body.size() < size + 2) return std::nullopt;
    out.append(body.substr(0, size));
    body.remove_prefix(size + 2);
  }
}

std::string path_segment(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') out += static_cast<char>(c);
    else out.append({'%', kHex[c >> 4], kHex[c & 15]});
  }
  return out;
}

}  // namespace

std::string_view status_name(CertificateStatus s) {
  switch (s) {
    case CertificateStatus::kValid: return "valid";
    case CertificateStatus::kRevoked: return "revoked";
    case CertificateStatus::kExpired: break;
  }
  return "expired";
}

Result<CertificateStatus> fetch_certificate_status(std::string_view base_url, std::string_view number,
                                                   std::chrono::milliseconds timeout) {
  constexpr std::string_view kScheme = "http://";
  if (base_url.substr(0, kScheme.size()) != kScheme) return fail(unavailable("只支持 http:// 地址"));
  std::string_view rest = base_url.substr(kScheme.size());
  const std::string_view authority = rest.substr(0, rest.find('/'));
  std::string prefix(rest.substr(authority.size()));
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  const auto colon = authority.rfind(':');
  const std::string host(colon == std::string_view::npos ? authority : authority.substr(0, colon));
  const std::string port(colon == std::string_view::npos ? "80" : authority.substr(colon + 1));
  if (host.empty() || port.empty()) return fail(unavailable("地址无效"));
  const std::string request = "GET " + prefix + "/api/v1/certificates/" + path_segment(number) + "/status HTTP/1.1\r\nHost: " +
                              std::string(authority) + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n";
  auto response = exchange(host, port, request, std::chrono::steady_clock::now() + timeout);
  if (!response) return fail(response.error());
  const auto head_end = response->find("\r\n\r\n");
  if (response->compare(0, 9, "HTTP/1.1 ") != 0 && response->compare(0, 9, "HTTP/1.0 ") != 0) return fail(unavailable("不是 HTTP 应答"));
  if (head_end == std::string::npos || response->compare(9, 3, "200") != 0)
    return fail(unavailable("平台应答 " + response->substr(9, 3)));
  std::string head = response->substr(0, head_end);
  for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string body = response->substr(head_end + 4);
  if (head.find("transfer-encoding: chunked") != std::string::npos) {
    auto plain = dechunk(body);
    if (!plain) return fail(unavailable("应答分块格式错误"));
    body = std::move(*plain);
  }
  const auto doc = nlohmann::json::parse(body, nullptr, false);
  if (!doc.is_object() || !doc.contains("status") || !doc["status"].is_string()) return fail(unavailable("应答不是状态 JSON"));
  if (doc.contains("number") && doc["number"] != std::string(number)) return fail(unavailable("应答的证书编号不符"));
  const std::string s = doc["status"];
  if (s == "valid") return CertificateStatus::kValid;
  if (s == "revoked") return CertificateStatus::kRevoked;
  if (s == "expired") return CertificateStatus::kExpired;
  return fail(unavailable("未知状态 " + s));
}

}  // namespace rc::cert
