#include <gtest/gtest.h>

#include <regex>

#include "identity/sms.h"
#include "identity_fixture.h"

namespace rc::identity {
namespace {

using namespace std::chrono_literals;

// Keeps what was sent; can be told to fail.
class RecordingProvider final : public SmsProvider {
 public:
  Result<void> send(const std::string& phone, const std::string& text, const std::string& purpose) override {
    if (failing) return fail(ErrorCode::kSmsSendFailed, "sms");
    sent.push_back({phone, text, purpose});
    return ok();
  }
  // The 6-digit code of the last message.
  std::string last_code() const {
    std::smatch m;
    static const std::regex six(R"(\d{6})");
    if (sent.empty() || !std::regex_search(sent.back().text, m, six)) return "";
    return m.str();
  }
  struct Message {
    std::string phone, text, purpose;
  };
  std::vector<Message> sent;
  bool failing = false;
};

class SmsCodeTest : public identity::testing::IdentityStoreTest {
 protected:
  SmsCodeService service() { return SmsCodeService(db(), provider_, clock_, random_); }
  RecordingProvider provider_;
};

constexpr std::string_view kPhone = "13800138000";

TEST_P(SmsCodeTest, SendsAChineseMessageWithASixDigitCodeThatVerifiesOnce) {
  auto s = service();
  ASSERT_TRUE(s.issue(kPhone, "login", "10.0.0.1"));
  ASSERT_EQ(provider_.sent.size(), 1u);
  EXPECT_EQ(provider_.sent[0].phone, kPhone);
  EXPECT_EQ(provider_.sent[0].purpose, "login");
  EXPECT_TRUE(provider_.sent[0].text.starts_with("【应急救援员鉴定平台】您的验证码为 "));
  EXPECT_NE(provider_.sent[0].text.find("，5 分钟内有效。"), std::string::npos);
  const std::string code = provider_.last_code();
  ASSERT_EQ(code.size(), 6u);
  EXPECT_TRUE(s.verify(kPhone, "login", code));
  auto again = s.verify(kPhone, "login", code);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kSmsCodeExpired);
}

TEST_P(SmsCodeTest, CodesAreBoundToPhoneAndPurpose) {
  auto s = service();
  ASSERT_TRUE(s.issue(kPhone, "login", ""));
  const std::string code = provider_.last_code();
  EXPECT_EQ(s.verify(kPhone, "first_login", code).error().code, ErrorCode::kSmsCodeExpired);
  EXPECT_EQ(s.verify("13900139000", "login", code).error().code, ErrorCode::kSmsCodeExpired);
  EXPECT_TRUE(s.verify(kPhone, "login", code));
}

TEST_P(SmsCodeTest, FiveAttemptsThenTheCodeIsSpent) {
  auto s = service();
  ASSERT_TRUE(s.issue(kPhone, "login", ""));
  const std::string code = provider_.last_code();
  const std::string wrong = code == "000000" ? "111111" : "000000";
  for (int i = 0; i < 5; ++i) {
    auto r = s.verify(kPhone, "login", wrong);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kSmsCodeWrong) << i;
  }
  auto sixth = s.verify(kPhone, "login", code);
  ASSERT_FALSE(sixth);
  EXPECT_EQ(sixth.error().code, ErrorCode::kSmsCodeExpired);
}

TEST_P(SmsCodeTest, TheRightCodeOnTheFifthAttemptStillWorks) {
  auto s = service();
  ASSERT_TRUE(s.issue(kPhone, "login", ""));
  const std::string code = provider_.last_code();
  const std::string wrong = code == "000000" ? "111111" : "000000";
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(s.verify(kPhone, "login", wrong));
  EXPECT_TRUE(s.verify(kPhone, "login", code));
}

TEST_P(SmsCodeTest, ExpiresAfterFiveMinutes) {
  auto s = service();
  ASSERT_TRUE(s.issue(kPhone, "login", ""));
  const std::string code = provider_.last_code();
  advance(5min);
  auto r = s.verify(kPhone, "login", code);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kSmsCodeExpired);
}

TEST_P(SmsCodeTest, OnePerPhonePerMinuteAndOnlyTheNewestCodeCounts) {
  auto s = service();
  ASSERT_TRUE(s.issue(kPhone, "login", ""));
  const std::string first = provider_.last_code();
  advance(59s);
  auto early = s.issue(kPhone, "login", "");
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kTooManyRequests);
  EXPECT_NE(early.error().message.find("1 秒"), std::string::npos) << early.error().message;
  advance(1s);
  ASSERT_TRUE(s.issue(kPhone, "login", ""));
  const std::string second = provider_.last_code();
  if (first != second) {
    EXPECT_EQ(s.verify(kPhone, "login", first).error().code, ErrorCode::kSmsCodeWrong);
  }
  EXPECT_TRUE(s.verify(kPhone, "login", second));
}

TEST_P(SmsCodeTest, TenPerPhonePerDay) {
  auto s = service();
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(s.issue(kPhone, "login", "")) << i;
    advance(61s);
  }
  auto eleventh = s.issue(kPhone, "login", "");
  ASSERT_FALSE(eleventh);
  EXPECT_EQ(eleventh.error().code, ErrorCode::kTooManyRequests);
  EXPECT_NE(eleventh.error().message.find("分钟"), std::string::npos);
  advance(24h - 10 * 61s);  // the first one leaves the 24-hour window
  EXPECT_TRUE(s.issue(kPhone, "login", ""));
}

TEST_P(SmsCodeTest, TwentyPerIpPerHour) {
  auto s = service();
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(s.issue("138001380" + std::to_string(10 + i), "login", "10.0.0.9")) << i;
  auto r = s.issue("13900000000", "login", "10.0.0.9");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTooManyRequests);
  EXPECT_TRUE(s.issue("13900000000", "login", "10.0.0.10"));
  advance(1h);
  EXPECT_TRUE(s.issue("13900000001", "login", "10.0.0.9"));
}

TEST_P(SmsCodeTest, AFailedSendVoidsTheCode) {
  auto s = service();
  provider_.failing = true;
  auto r = s.issue(kPhone, "login", "");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kSmsSendFailed);
  for (int guess : {0, 123456, 999999}) {
    char code[8];
    std::snprintf(code, sizeof code, "%06d", guess);
    EXPECT_EQ(s.verify(kPhone, "login", code).error().code, ErrorCode::kSmsCodeExpired);
  }
}

TEST_P(SmsCodeTest, RefusesMalformedInputBeforeTouchingAnything) {
  auto s = service();
  for (std::string_view phone : {"", "1380013800", "23800138000", "1380013800a", "' OR 1=1 --"})
    EXPECT_EQ(s.issue(phone, "login", "").error().code, ErrorCode::kInvalidValue) << phone;
  EXPECT_EQ(s.issue(kPhone, "Login", "").error().code, ErrorCode::kInvalidValue);
  EXPECT_EQ(s.issue(kPhone, "", "").error().code, ErrorCode::kInvalidValue);
  EXPECT_EQ(s.verify(kPhone, "login", "12345").error().code, ErrorCode::kSmsCodeWrong);
  EXPECT_EQ(s.verify(kPhone, "login", "12345a").error().code, ErrorCode::kSmsCodeWrong);
  EXPECT_TRUE(provider_.sent.empty());
}

TEST_P(SmsCodeTest, TheOutboxKeepsMessagesForAdministrators) {
  OutboxSmsProvider outbox(db(), clock_);
  SmsCodeService s(db(), outbox, clock_, random_);
  ASSERT_TRUE(s.issue(kPhone, "login", "10.0.0.1"));
  advance(2min);
  ASSERT_TRUE(s.issue("13900139000", "first_login", "10.0.0.1"));
  auto recent = outbox.list_recent(10);
  ASSERT_TRUE(recent) << recent.error().message;
  ASSERT_EQ(recent->size(), 2u);
  EXPECT_EQ((*recent)[0].phone, "13900139000");  // newest first
  EXPECT_EQ((*recent)[0].purpose, "first_login");
  EXPECT_EQ((*recent)[0].provider, "outbox");
  EXPECT_EQ((*recent)[0].status, "stored");
  EXPECT_EQ((*recent)[1].phone, kPhone);
  EXPECT_EQ(outbox.list_recent(1)->size(), 1u);
  // The code in the outbox text is the one that verifies (how the browser tests log in).
  std::smatch m;
  std::regex_search((*recent)[0].text, m, std::regex(R"(\d{6})"));
  EXPECT_TRUE(s.verify("13900139000", "first_login", m.str()));
}

RC_INSTANTIATE_STORE_TEST(SmsCodeTest);

}  // namespace
}  // namespace rc::identity
