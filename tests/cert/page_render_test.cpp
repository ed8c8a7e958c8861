// The renderings are of the OFD file itself: the QR code drawn from the file's PathObject must
// decode (zbarimg) to exactly the signed QR text.
#include "cert/page_render.h"

#include <gtest/gtest.h>

#include "cert/ofd_verification.h"
#include "cert/qr_payload.h"
#include "cert_fixture.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

namespace rc::cert {
namespace {

using namespace testing;
using rc::testing::run_command;
using rc::testing::shell_quote;

bool have_zbarimg() { return run_command("command -v zbarimg").exit_code == 0; }

TEST(PageRender, PngIsAnA4PageWhoseQrCodeDecodesToTheQrText) {
  RC_REQUIRE_TOOL(have_zbarimg(), "zbarimg");
  auto png = render_ofd_png(sample_ofd(), 200);
  ASSERT_TRUE(png.has_value()) << png.error().message;
  ASSERT_GT(png->size(), 24u);
  EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  auto be32 = [&](std::size_t at) {
    return (unsigned(static_cast<unsigned char>((*png)[at])) << 24) | (unsigned(static_cast<unsigned char>((*png)[at + 1])) << 16) |
           (unsigned(static_cast<unsigned char>((*png)[at + 2])) << 8) | unsigned(static_cast<unsigned char>((*png)[at + 3]));
  };
  EXPECT_EQ(be32(16), 1654u);  // 210 mm at 200 dpi
  EXPECT_EQ(be32(20), 2339u);  // 297 mm
  rc::testing::TempDir dir;
  write_file(dir.path() / "page.png", *png);
  auto r = run_command("zbarimg -q --raw " + shell_quote(dir.str() + "/page.png"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The text the writer put in the code (qr_text at write time; signatures are randomised).
  const std::string expected = verify_certificate_ofd(sample_ofd(), {test_key().public_key()}).fields.at(std::string(kQrTextField));
  EXPECT_EQ(expected.rfind(sample_content().verification_url + "&q=1.", 0), 0u);
  EXPECT_EQ(r.out, expected + "\n");
  auto payload = verify_qr_text(r.out.substr(0, r.out.size() - 1), test_key().public_key());
  ASSERT_TRUE(payload.has_value());
  EXPECT_EQ(payload->number, sample_content().number);
}

TEST(PageRender, ThePngChangesWhenTheFileChanges) {
  CertificateContent other = sample_content();
  other.holder_name = "张演示";
  auto a = render_ofd_png(sample_ofd(), 72);
  auto b = render_ofd_png(*write_certificate_ofd(other, test_key(), test_time()), 72);
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);
}

TEST(PageRender, PdfIsOneA4Page) {
  auto pdf = render_ofd_pdf(sample_ofd());
  ASSERT_TRUE(pdf.has_value()) << pdf.error().message;
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  EXPECT_NE(pdf->find("/Count 1"), std::string::npos);
  EXPECT_NE(pdf->find("595.27"), std::string::npos);  // 210 mm in points
  EXPECT_NE(pdf->find("841.88"), std::string::npos);  // 297 mm
  EXPECT_EQ(pdf->find("/FontFile"), std::string::npos);  // glyphs are outlines: no font to embed
  EXPECT_GT(pdf->size(), 50000u);                          // ...so the page content is substantial
}

TEST(PageRender, CraftedImagesAndTextDoNotExhaustTheRenderer) {
  auto entries = *read_zip(sample_ofd());
  for (auto& e : entries) {
    if (e.name == "Doc_0/Res/photo.png") {  // a PNG header claiming 100000 x 100000 pixels
      e.data = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\x01\x86\xa0\0\x01\x86\xa0\x08\x06\0\0\0", 29);
    } else if (e.name == "Doc_0/Pages/Page_0/Content.xml") {  // a million glyphs in one TextCode
      const std::string more(1000000, 'W');
      e.data.replace(e.data.find(">李演示<"), std::string(">李演示<").size(), ">" + more + "<");
    }
  }
  const auto start = std::chrono::steady_clock::now();
  auto png = render_ofd_png(*write_zip(entries, test_time()), 72);
  ASSERT_TRUE(png.has_value()) << png.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
}

TEST(PageRender, RefusesUnreadableInputAndAbsurdResolutions) {
  EXPECT_EQ(render_ofd_png("not a zip").error().code, ErrorCode::kOfdMalformed);
  EXPECT_EQ(render_ofd_pdf("").error().code, ErrorCode::kOfdMalformed);
  EXPECT_EQ(render_ofd_png(sample_ofd(), 5000).error().code, ErrorCode::kInvalidValue);
}

}  // namespace
}  // namespace rc::cert
