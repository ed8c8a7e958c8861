#include "identity/captcha.h"

#include <cairo/cairo.h>
#include <gtest/gtest.h>

#include <map>

#include "identity/captcha_image.h"
#include "identity_fixture.h"

namespace rc::identity {
namespace {

using namespace std::chrono_literals;

struct PngReader {
  std::string_view data;
  static cairo_status_t read(void* closure, unsigned char* out, unsigned int length) {
    auto* self = static_cast<PngReader*>(closure);
    if (self->data.size() < length) return CAIRO_STATUS_READ_ERROR;
    std::copy_n(self->data.data(), length, out);
    self->data.remove_prefix(length);
    return CAIRO_STATUS_SUCCESS;
  }
};

TEST(CaptchaImage, IsAPngCairoReadsBackAt120x40) {
  SeededRandom random(3);
  std::string png = render_captcha_png("AB3K9", random);
  ASSERT_GT(png.size(), 8u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  PngReader reader{png};
  cairo_surface_t* s = cairo_image_surface_create_from_png_stream(&PngReader::read, &reader);
  ASSERT_EQ(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
  EXPECT_EQ(cairo_image_surface_get_width(s), kCaptchaWidth);
  EXPECT_EQ(cairo_image_surface_get_height(s), kCaptchaHeight);
  // Something was drawn: the image is not one flat colour.
  cairo_surface_flush(s);
  const unsigned char* px = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  std::map<std::uint32_t, int> colours;
  for (int y = 0; y < kCaptchaHeight; ++y)
    for (int x = 0; x < kCaptchaWidth; ++x) ++colours[*reinterpret_cast<const std::uint32_t*>(px + y * stride + x * 4)];
  EXPECT_GT(colours.size(), 10u);
  cairo_surface_destroy(s);
}

TEST(CaptchaImage, OneSeedOneImage) {
  SeededRandom a(5), b(5), c(6);
  EXPECT_EQ(render_captcha_png("XY7Z", a), render_captcha_png("XY7Z", b));
  EXPECT_NE(render_captcha_png("XY7Z", c), render_captcha_png("XY7Z", a));
}

class CaptchaTest : public identity::testing::IdentityStoreTest {
 protected:
  void SetUp() override {
    IdentityStoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    service_ = std::make_unique<CaptchaService>(db(), clock_, random_);
    service_->set_test_answer_sink([this](std::string id, std::string answer) { answers_[id] = answer; });
  }
  CaptchaChallenge issue() {
    auto c = service_->issue();
    EXPECT_TRUE(c) << c.error().message;
    return c ? *c : CaptchaChallenge{};
  }
  std::unique_ptr<CaptchaService> service_;
  std::map<std::string, std::string> answers_;
};

TEST_P(CaptchaTest, IssuesUnambiguousAnswersAndAcceptsThemCaseInsensitively) {
  auto c = issue();
  EXPECT_EQ(c.png.substr(1, 3), "PNG");
  const std::string answer = answers_.at(c.id);
  EXPECT_GE(answer.size(), 4u);
  EXPECT_LE(answer.size(), 5u);
  for (char ch : answer) EXPECT_NE(kCaptchaAlphabet.find(ch), std::string_view::npos) << ch;
  std::string typed = " " + answer + " ";
  for (char& ch : typed) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_TRUE(service_->check(c.id, typed));
}

TEST_P(CaptchaTest, IsSingleUseEvenWhenRight) {
  auto c = issue();
  ASSERT_TRUE(service_->check(c.id, answers_.at(c.id)));
  auto again = service_->check(c.id, answers_.at(c.id));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kCaptchaExpired);
}

TEST_P(CaptchaTest, AWrongAnswerUsesItUp) {
  auto c = issue();
  auto wrong = service_->check(c.id, "0000");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::kCaptchaWrong);
  auto right_after = service_->check(c.id, answers_.at(c.id));
  ASSERT_FALSE(right_after);
  EXPECT_EQ(right_after.error().code, ErrorCode::kCaptchaExpired);
}

TEST_P(CaptchaTest, ExpiresAfterFiveMinutes) {
  auto a = issue();
  auto b = issue();
  advance(5min - 1ms);
  EXPECT_TRUE(service_->check(a.id, answers_.at(a.id)));
  advance(1ms);
  auto late = service_->check(b.id, answers_.at(b.id));
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kCaptchaExpired);
}

TEST_P(CaptchaTest, UnknownAndHostileIdsAreRefusedInertly) {
  for (std::string_view id : {"", "nope", "' OR 1=1 --", "<script>"}) {
    auto r = service_->check(id, "ABCD");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kCaptchaExpired);
  }
  auto c = issue();
  EXPECT_FALSE(service_->check(c.id, std::string(1000, 'A')));
}

TEST_P(CaptchaTest, IdsAreDistinctAndNoSinkMeansNoAnswers) {
  CaptchaService plain(db(), clock_, random_);
  auto a = plain.issue();
  auto b = plain.issue();
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->id, b->id);
  EXPECT_TRUE(answers_.empty());
}

RC_INSTANTIATE_STORE_TEST(CaptchaTest);

}  // namespace
}  // namespace rc::identity
