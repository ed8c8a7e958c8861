#include "app/config.h"

#include <gtest/gtest.h>

#include <map>

namespace rc::app {
namespace {

EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

TEST(Config, DefaultsWhenNoFileAndNoEnvironment) {
  auto c = parse_config("", env_of({}));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->database, "sqlite://var/rescuecert.db");
  EXPECT_EQ(c->http.port, 8080);
  EXPECT_EQ(c->sources.at("http.port"), "default");
}

TEST(Config, FileThenEnvironmentOverride) {
  auto c = parse_config(R"({"http": {"port": 9000, "threads": 4}, "database": "sqlite:///tmp/x.db"})",
                        env_of({{"RESCUECERT_HTTP_PORT", "9100"}}));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->http.port, 9100);
  EXPECT_EQ(c->http.threads, 4u);
  EXPECT_EQ(c->database, "sqlite:///tmp/x.db");
  EXPECT_EQ(c->sources.at("http.port"), "env:RESCUECERT_HTTP_PORT");
  EXPECT_EQ(c->sources.at("http.threads"), "file");
  EXPECT_EQ(c->effective()["values"]["http"]["port"], 9100);
}

TEST(Config, RefusesUnknownKeysNamingThem) {
  auto c = parse_config(R"({"http": {"prot": 1}})", env_of({}));
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, ErrorCode::kBadConfig);
  EXPECT_EQ(c.error().field, "http.prot");
  auto d = parse_config(R"({"databse": "x"})", env_of({}));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().field, "databse");
}

TEST(Config, RefusesBadValues) {
  for (const char* doc : {R"({"http": {"port": 70000}})", R"({"http": {"port": "80a"}})", R"({"http": {"threads": 0}})",
                          R"({"database": "mysql://x"})", R"({"log_level": "loud"})", R"({"http": 3})", "[1,2]",
                          "{not json"}) {
    auto c = parse_config(doc, env_of({}));
    EXPECT_FALSE(c) << doc;
    if (!c) {
      EXPECT_EQ(c.error().code, ErrorCode::kBadConfig) << doc;
    }
  }
  auto e = parse_config("", env_of({{"RESCUECERT_HTTP_THREADS", "-1"}}));
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().field, "RESCUECERT_HTTP_THREADS");
}

}  // namespace
}  // namespace rc::app

namespace rc::app {
namespace {

TEST(Config, SecretsAreNotShown) {
  auto c = parse_config(R"({"database": "postgresql://rc:hunter2@db:5432/rc", "sms": {"api_key": "k-123"}})",
                        [](std::string_view) -> std::optional<std::string> { return std::nullopt; });
  ASSERT_TRUE(c) << c.error().message;
  const auto shown = c->effective().dump();
  EXPECT_EQ(shown.find("hunter2"), std::string::npos) << shown;
  EXPECT_EQ(shown.find("k-123"), std::string::npos) << shown;
  EXPECT_EQ(c->sms.api_key, "k-123");
}

TEST(Config, BooleansAndSmsProvider) {
  auto c = parse_config(R"({"http": {"secure_cookies": false}, "sms": {"provider": "http"}})",
                        [](std::string_view) -> std::optional<std::string> { return std::nullopt; });
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_FALSE(c->http.secure_cookies);
  EXPECT_EQ(c->sms.provider, "http");
  EXPECT_FALSE(parse_config(R"({"sms": {"provider": "pigeon"}})",
                            [](std::string_view) -> std::optional<std::string> { return std::nullopt; }));
}

}  // namespace
}  // namespace rc::app

namespace rc::app {
namespace {

TEST(Config, CertificateKeysDefaultToTheFictitiousDemoScheme) {
  auto c = parse_config("", [](std::string_view) -> std::optional<std::string> { return std::nullopt; });
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->certificate.number_scheme, "demo-yjjy");
  EXPECT_NE(c->certificate.number_pattern.find("{serial6}"), std::string::npos);
  EXPECT_EQ(c->effective()["values"]["certificate"]["verify_url"], "http://localhost:8080/verify");
}

TEST(Config, CertificatePatternMustNameYearStationAndSerial) {
  auto none = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  for (const char* doc : {R"({"certificate": {"number_pattern": "YJJY{year}{serial6}"}})",
                          R"({"certificate": {"number_pattern": "{station3}{serial6}"}})",
                          R"({"certificate": {"verify_url": "ftp://x"}})",
                          R"({"certificate": {"issue_threads": 0}})"}) {
    auto c = parse_config(doc, none);
    ASSERT_FALSE(c) << doc;
    EXPECT_EQ(c.error().code, ErrorCode::kBadConfig) << doc;
  }
  auto ok = parse_config(R"({"certificate": {"number_pattern": "X{year}{station3}{serial5}"}})", none);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->certificate.number_pattern, "X{year}{station3}{serial5}");
}

}  // namespace
}  // namespace rc::app
