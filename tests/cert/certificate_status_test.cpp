#include "cert/certificate_status.h"

#include <gtest/gtest.h>

#include "status_server.h"

namespace rc::cert {
namespace {

using testing::json_response;
using testing::StatusServer;

TEST(CertificateStatus, ReadsEachStatusAndAsksForTheRightNumber) {
  for (const auto& [word, expected] : {std::pair{"valid", CertificateStatus::kValid}, std::pair{"revoked", CertificateStatus::kRevoked},
                                       std::pair{"expired", CertificateStatus::kExpired}}) {
    StatusServer server(json_response(std::string("{\"number\":\"YJJY1\",\"status\":\"") + word + "\"}"));
    auto s = fetch_certificate_status(server.url(), "YJJY1");
    ASSERT_TRUE(s.has_value()) << s.error().message;
    EXPECT_EQ(*s, expected);
    EXPECT_EQ(server.request_line(), "GET /api/v1/certificates/YJJY1/status HTTP/1.1");
  }
}

TEST(CertificateStatus, KeepsABasePathAndEscapesTheNumber) {
  StatusServer server(json_response("{\"number\":\"A/B 1\",\"status\":\"valid\"}"));
  ASSERT_TRUE(fetch_certificate_status(server.url() + "/rc/", "A/B 1").has_value());
  EXPECT_EQ(server.request_line(), "GET /rc/api/v1/certificates/A%2FB%201/status HTTP/1.1");
}

TEST(CertificateStatus, UnderstandsChunkedBodies) {
  StatusServer server("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nf\r\n{\"status\":\"revo\r\n8\r\nked\"}   \r\n0\r\n\r\n");
  auto s = fetch_certificate_status(server.url(), "N");
  ASSERT_TRUE(s.has_value()) << s.error().message;
  EXPECT_EQ(*s, CertificateStatus::kRevoked);
}

TEST(CertificateStatus, AnythingElseIsUnavailableNeverValid) {
  const std::vector<std::string> answers = {
      json_response("{\"status\":\"valid\"}", "404 Not Found"),
      json_response("not json"),
      json_response("{\"status\":\"maybe\"}"),
      json_response("{\"number\":\"OTHER\",\"status\":\"valid\"}"),
      "garbage",
      "",
  };
  for (const auto& answer : answers) {
    StatusServer server(answer);
    auto s = fetch_certificate_status(server.url(), "N", std::chrono::seconds(2));
    ASSERT_FALSE(s.has_value()) << answer;
    EXPECT_EQ(s.error().code, ErrorCode::kStatusUnavailable);
  }
}

TEST(CertificateStatus, UnreachableOrUnsupportedUrlsAreUnavailable) {
  int port = 0;
  {
    StatusServer closed("");  // take a free port, then close it
    port = std::stoi(closed.url().substr(closed.url().rfind(':') + 1));
  }
  for (const std::string& url : {"http://127.0.0.1:" + std::to_string(port), std::string("https://example.org"), std::string("ftp://x"),
                                 std::string("http://")}) {
    auto s = fetch_certificate_status(url, "N", std::chrono::seconds(2));
    ASSERT_FALSE(s.has_value()) << url;
    EXPECT_EQ(s.error().code, ErrorCode::kStatusUnavailable) << url;
  }
}

}  // namespace
}  // namespace rc::cert
