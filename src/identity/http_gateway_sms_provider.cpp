// HttpGatewaySmsProvider: one HTTP/1.1 POST per message over a plain TCP socket, with one
// deadline for the whole exchange (non-blocking connect, poll). The deadline is measured on the
// steady clock: it bounds I/O and decides nothing in the domain, so it is not the injected Clock.
// Name resolution (getaddrinfo) is not under the deadline: configure an IP address or a name the
// local resolver answers at once.
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>

#include "identity/sms.h"

namespace rc::identity {
namespace {

using SteadyTime = std::chrono::steady_clock::time_point;

Error send_failed(std::string why) {
  return make_error(ErrorCode::kSmsSendFailed, "sms", "短信发送失败（" + std::move(why) + "），请稍后重试");
}

class Socket {
 public:
  explicit Socket(int fd) : fd_(fd) {}
  ~Socket() {
    if (fd_ >= 0) ::close(fd_);
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

int remaining_ms(SteadyTime deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  return left.count() > 0 ? static_cast<int>(left.count()) : 0;
}

// Waits until fd is ready for `events`; false on timeout or error.
bool wait_for(int fd, short events, SteadyTime deadline) {
  for (;;) {
    int ms = remaining_ms(deadline);
    if (ms == 0) return false;
    pollfd p{fd, events, 0};
    int n = ::poll(&p, 1, ms);
    if (n > 0) return true;
    if (n == 0) return false;
    if (errno != EINTR) return false;
  }
}

// A connected non-blocking socket, or -1.
int connect_to(const std::string& host, const std::string& port, SteadyTime deadline) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (::getaddrinfo(host.c_str(), port.c_str(), &hints, &found) != 0) return -1;
  std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> list(found, &::freeaddrinfo);
  for (addrinfo* a = found; a; a = a->ai_next) {
    int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) return fd;
    if (errno == EINPROGRESS && wait_for(fd, POLLOUT, deadline)) {
      int err = 0;
      socklen_t len = sizeof err;
      if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0) return fd;
    }
    ::close(fd);
  }
  return -1;
}

bool send_all(int fd, std::string_view data, SteadyTime deadline) {
  while (!data.empty()) {
    ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n > 0) {
      data.remove_prefix(static_cast<std::size_t>(n));
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
      if (!wait_for(fd, POLLOUT, deadline)) return false;
    } else {
      return false;
    }
  }
  return true;
}

// The status code of the response, or -1 (timeout, closed early, not HTTP). Reads only as far
// as the status line.
int read_status(int fd, SteadyTime deadline) {
  std::string head;
  while (head.find("\r\n") == std::string::npos && head.size() < 1024) {
    char buf[512];
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n > 0) {
      head.append(buf, static_cast<std::size_t>(n));
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
      if (!wait_for(fd, POLLIN, deadline)) return -1;
    } else {
      break;
    }
  }
  // "HTTP/1.1 200 OK"
  if (!head.starts_with("HTTP/1.") || head.size() < 12 || head[8] != ' ') return -1;
  int status = 0;
  for (int i = 9; i < 12; ++i) {
    if (head[i] < '0' || head[i] > '9') return -1;
    status = status * 10 + (head[i] - '0');
  }
  return status;
}

bool has_line_break(std::string_view s) { return s.find_first_of("\r\n") != std::string_view::npos; }

}  // namespace

HttpGatewaySmsProvider::HttpGatewaySmsProvider(HttpGatewayConfig config, std::string host, std::string port,
                                               std::string path)
    : config_(std::move(config)), host_(std::move(host)), port_(std::move(port)), path_(std::move(path)) {}

Result<HttpGatewaySmsProvider> HttpGatewaySmsProvider::create(HttpGatewayConfig config) {
  auto bad = [](std::string why) {
    return fail(ErrorCode::kBadConfig, "sms.gateway_url", "短信网关配置有误：" + std::move(why));
  };
  std::string_view url = config.url;
  if (!url.starts_with("http://")) return bad("地址须以 http:// 开头（HTTPS 网关请在本机部署转发）");
  url.remove_prefix(7);
  auto slash = url.find('/');
  std::string_view authority = url.substr(0, slash);
  std::string path = slash == std::string_view::npos ? "/" : std::string(url.substr(slash));
  std::string host, port = "80";
  if (authority.starts_with("[")) {  // [IPv6]:port
    auto close = authority.find(']');
    if (close == std::string_view::npos) return bad("IPv6 地址缺少 ]");
    host = std::string(authority.substr(1, close - 1));
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') return bad("端口格式错误");
      port = std::string(authority.substr(close + 2));
    }
  } else {
    auto colon = authority.find(':');
    host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port = std::string(authority.substr(colon + 1));
  }
  if (host.empty()) return bad("缺少主机名");
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos)
    return bad("端口格式错误");
  if (has_line_break(path) || has_line_break(config.api_key) || has_line_break(config.api_key_header) ||
      config.api_key_header.empty() || path.find(' ') != std::string::npos)
    return bad("地址、API 密钥或请求头名称含有不允许的字符");
  if (config.timeout.count() <= 0) return bad("超时时间须大于 0");
  return HttpGatewaySmsProvider(std::move(config), std::move(host), std::move(port), std::move(path));
}

Result<void> HttpGatewaySmsProvider::send(const std::string& phone, const std::string& text,
                                          const std::string& purpose) {
  const SteadyTime deadline = std::chrono::steady_clock::now() + config_.timeout;
  nlohmann::json body_json{{"phone", phone}, {"text", text}, {"purpose", purpose}};
  const std::string body = body_json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const bool default_port = port_ == "80";
  const std::string host_header =
      (host_.find(':') != std::string::npos ? "[" + host_ + "]" : host_) + (default_port ? "" : ":" + port_);
  std::string request =
      "POST " + path_ + " HTTP/1.1\r\nHost: " + host_header +
      "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" +
      config_.api_key_header + ": " + config_.api_key + "\r\nConnection: close\r\n\r\n" + body;
  Socket socket(connect_to(host_, port_, deadline));
  if (socket.fd() < 0) return fail(send_failed("无法连接短信网关"));
  if (!send_all(socket.fd(), request, deadline)) return fail(send_failed("发送请求超时或连接中断"));
  int status = read_status(socket.fd(), deadline);
  if (status < 0) return fail(send_failed("短信网关无应答或应答无效"));
  if (status < 200 || status > 299) return fail(send_failed("短信网关返回状态 " + std::to_string(status)));
  return ok();
}

}  // namespace rc::identity
