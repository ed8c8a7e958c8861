#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "identity/sms.h"

namespace rc::identity {
namespace {

// A one-connection HTTP server on 127.0.0.1, port 0: records the raw request and answers with
// `response` (or nothing at all, to test the timeout).
class TinyServer {
 public:
  explicit TinyServer(std::string response, bool answer = true) : response_(std::move(response)), answer_(answer) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_EQ(::listen(fd_, 1), 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~TinyServer() {
    if (thread_.joinable()) thread_.join();
    ::close(fd_);
  }
  int port() const { return port_; }
  // The request as received; call after send() returned (waits for the server thread).
  const std::string& request() {
    if (thread_.joinable()) thread_.join();
    return request_;
  }

 private:
  void serve() {
    int c = ::accept(fd_, nullptr, nullptr);
    if (c < 0) return;
    char buf[4096];
    for (;;) {  // headers, then Content-Length bytes of body
      ssize_t n = ::recv(c, buf, sizeof buf, 0);
      if (n <= 0) break;
      request_.append(buf, static_cast<std::size_t>(n));
      auto end = request_.find("\r\n\r\n");
      if (end == std::string::npos) continue;
      auto cl = request_.find("Content-Length: ");
      std::size_t length = cl == std::string::npos ? 0 : std::stoul(request_.substr(cl + 16));
      if (request_.size() >= end + 4 + length) break;
    }
    if (answer_) {
      ::send(c, response_.data(), response_.size(), MSG_NOSIGNAL);
    } else {
      char drain[16];
      while (::recv(c, drain, sizeof drain, 0) > 0) {  // until the client gives up and closes
      }
    }
    ::close(c);
  }

  std::string response_;
  bool answer_;
  int fd_ = -1;
  int port_ = 0;
  std::string request_;
  std::thread thread_;
};

HttpGatewaySmsProvider provider_for(int port, std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
  auto p = HttpGatewaySmsProvider::create(
      {"http://127.0.0.1:" + std::to_string(port) + "/sms/send", "k3y-secret", "X-Api-Key", timeout});
  EXPECT_TRUE(p) << p.error().message;
  return std::move(*p);
}

TEST(HttpGatewaySmsProvider, PostsJsonWithTheApiKey) {
  TinyServer server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
  auto provider = provider_for(server.port());
  auto sent = provider.send("13800138000", "【应急救援员鉴定平台】您的验证码为 123456，5 分钟内有效。", "login");
  ASSERT_TRUE(sent) << sent.error().message;
  const std::string& req = server.request();
  EXPECT_TRUE(req.starts_with("POST /sms/send HTTP/1.1\r\n")) << req;
  EXPECT_NE(req.find("\r\nX-Api-Key: k3y-secret\r\n"), std::string::npos);
  EXPECT_NE(req.find("\r\nContent-Type: application/json; charset=utf-8\r\n"), std::string::npos);
  EXPECT_NE(req.find("\r\nHost: 127.0.0.1:" + std::to_string(server.port()) + "\r\n"), std::string::npos);
  auto body = nlohmann::json::parse(req.substr(req.find("\r\n\r\n") + 4));
  EXPECT_EQ(body["phone"], "13800138000");
  EXPECT_EQ(body["purpose"], "login");
  EXPECT_EQ(body["text"], "【应急救援员鉴定平台】您的验证码为 123456，5 分钟内有效。");
}

TEST(HttpGatewaySmsProvider, ANon2xxAnswerIsAFailureNamingTheStatus) {
  TinyServer server("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
  auto provider = provider_for(server.port());
  auto sent = provider.send("13800138000", "x", "login");
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kSmsSendFailed);
  EXPECT_NE(sent.error().message.find("503"), std::string::npos);
}

TEST(HttpGatewaySmsProvider, GarbageAnswerIsAFailure) {
  TinyServer server("SMTP ready\r\n");
  auto provider = provider_for(server.port());
  EXPECT_EQ(provider.send("13800138000", "x", "login").error().code, ErrorCode::kSmsSendFailed);
}

TEST(HttpGatewaySmsProvider, ASilentGatewayTimesOut) {
  TinyServer server("", /*answer=*/false);
  auto provider = provider_for(server.port(), std::chrono::milliseconds(150));
  auto sent = provider.send("13800138000", "x", "login");
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kSmsSendFailed);
}

TEST(HttpGatewaySmsProvider, ARefusedConnectionIsAFailure) {
  int port = 0;
  {
    TinyServer server("HTTP/1.1 200 OK\r\n\r\n");
    port = server.port();
    auto provider = provider_for(port);
    ASSERT_TRUE(provider.send("13800138000", "x", "login"));
  }  // closed: nothing listens there now
  auto provider = provider_for(port, std::chrono::milliseconds(500));
  EXPECT_EQ(provider.send("13800138000", "x", "login").error().code, ErrorCode::kSmsSendFailed);
}

TEST(HttpGatewaySmsProvider, RefusesBadConfiguration) {
  for (std::string url : {"https://sms.example/send", "ftp://x/", "http://", "http://host:99a/", "http://host:/x",
                          "http://host/a b", "http://host/a\r\nX-Evil: 1"}) {
    auto p = HttpGatewaySmsProvider::create({url, "k", "X-Api-Key", std::chrono::seconds(1)});
    ASSERT_FALSE(p) << url;
    EXPECT_EQ(p.error().code, ErrorCode::kBadConfig);
  }
  EXPECT_FALSE(HttpGatewaySmsProvider::create({"http://h/", "k\r\nX: y", "X-Api-Key", std::chrono::seconds(1)}));
  EXPECT_TRUE(HttpGatewaySmsProvider::create({"http://sms.example", "k", "X-Api-Key", std::chrono::seconds(1)}));
  EXPECT_TRUE(HttpGatewaySmsProvider::create({"http://[::1]:8080/send", "k", "X-Api-Key", std::chrono::seconds(1)}));
}

}  // namespace
}  // namespace rc::identity
