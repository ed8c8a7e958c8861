#include "web/http_server.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "support/http_client.h"
#include "web/forms.h"
#include "web/request_checks.h"

namespace rc::web {
namespace {

using rc::testing::http_raw;
using rc::testing::http_request;

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions o;
    o.port = 0;
    o.threads = 2;
    o.max_body_bytes = 4096;
    server_ = std::make_unique<HttpServer>(o, [](Routes& r, Metrics&) {
      r.get("/hello/:name", [](const Request&, const RouteParams& p) {
        auto name = path_param(p, "name");
        if (!name) return error_reply(make_error(ErrorCode::kInvalidValue, "name"));
        return json_reply(200, {{"hello", *name}});
      });
      r.get("/boom", [](const Request&, const RouteParams&) -> Reply { throw std::runtime_error("secret detail"); });
      r.post("/echo", [](const Request& req, const RouteParams&) {
        if (auto e = require_json_body(req); !e) return error_reply(e.error());
        return json_reply(200, {{"bytes", req->body().size()}});
      });
    });
    auto started = server_->start();
    ASSERT_TRUE(started) << started.error().message;
    ASSERT_NE(server_->port(), 0);
  }
  std::unique_ptr<HttpServer> server_;
};

TEST_F(HttpServerTest, AnswersWithRouteParamsAndSecurityHeaders) {
  auto r = http_request(server_->port(), "GET", "/hello/%E5%8D%97%E5%85%85");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(nlohmann::json::parse(r.body)["hello"], "南充");
  EXPECT_EQ(r.headers["x-content-type-options"], "nosniff");
  EXPECT_EQ(r.headers["x-frame-options"], "DENY");
  EXPECT_EQ(r.headers["cache-control"], "no-store");
}

// RESTinio's router drops the connection on a malformed %xx before any handler runs; what
// matters is that nothing is served and the server goes on.
TEST_F(HttpServerTest, MalformedPercentEncodingIsNotServed) {
  auto r = http_request(server_->port(), "GET", "/hello/%ZZ");
  EXPECT_NE(r.status, 200);
  EXPECT_EQ(http_request(server_->port(), "GET", "/hello/ok").status, 200);
}

TEST_F(HttpServerTest, UnknownRouteIs404WithStableCode) {
  auto r = http_request(server_->port(), "GET", "/nowhere");
  EXPECT_EQ(r.status, 404);
  auto body = nlohmann::json::parse(r.body);
  EXPECT_EQ(body["error"]["code"], "http.not_found");
  EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
}

TEST_F(HttpServerTest, HandlerExceptionIs500WithoutDetail) {
  auto r = http_request(server_->port(), "GET", "/boom");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("secret detail"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["code"], "internal");
}

TEST_F(HttpServerTest, WrongContentTypeIs415) {
  auto r = http_request(server_->port(), "POST", "/echo", "{}", "text/plain");
  EXPECT_EQ(r.status, 415);
  EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["code"], "http.unsupported_media_type");
  auto missing = http_request(server_->port(), "POST", "/echo", "{}", "");
  EXPECT_EQ(missing.status, 415);
  auto ok = http_request(server_->port(), "POST", "/echo", "{}", "Application/JSON; charset=utf-8");
  EXPECT_EQ(ok.status, 200);
}

TEST_F(HttpServerTest, OversizedBodyIsNotServed) {
  auto r = http_request(server_->port(), "POST", "/echo", std::string(10000, 'x'));
  EXPECT_NE(r.status, 200);
}

TEST_F(HttpServerTest, MalformedRequestLineDoesNotKillTheServer) {
  auto bad = http_raw(server_->port(), "GARBAGE\r\n\r\n");
  EXPECT_NE(bad.status, 200);
  auto r = http_request(server_->port(), "GET", "/hello/x");
  EXPECT_EQ(r.status, 200);
}

TEST_F(HttpServerTest, MetricsCountRequestsByRouteAndStatus) {
  (void)http_request(server_->port(), "GET", "/hello/a");
  (void)http_request(server_->port(), "GET", "/hello/b");
  (void)http_request(server_->port(), "GET", "/boom");
  const auto text = server_->metrics().render();
  EXPECT_NE(text.find("rescuecert_http_requests_total{method=\"GET\",route=\"/hello/:name\",status=\"2xx\"} 2"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("rescuecert_http_requests_total{method=\"GET\",route=\"/boom\",status=\"5xx\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("rescuecert_http_request_duration_seconds_count{method=\"GET\",route=\"/hello/:name\"} 2"),
            std::string::npos);
}

TEST(HttpServer, BusyPortIsAClearError) {
  ServerOptions o;
  o.port = 0;
  HttpServer first(o, [](Routes&, Metrics&) {});
  ASSERT_TRUE(first.start());
  o.port = first.port();
  HttpServer second(o, [](Routes&, Metrics&) {});
  auto r = second.start();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kBadConfig);
}

}  // namespace
}  // namespace rc::web

namespace rc::web {
namespace {

TEST(Forms, PlusIsASpaceAndBadEncodingIsRefused) {
  auto f = parse_urlencoded("reason=%E7%85%A7%E7%89%87+%E6%A8%A1%E7%B3%8A&a=1+2");
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_EQ(f->get("reason"), "照片 模糊");
  EXPECT_EQ(f->get("a"), "1 2");
  EXPECT_FALSE(parse_urlencoded("a=%ZZ"));
  EXPECT_FALSE(parse_urlencoded("a=%C0%80"));  // overlong UTF-8
  EXPECT_FALSE(parse_urlencoded("a=%00"));
}

}  // namespace
}  // namespace rc::web
