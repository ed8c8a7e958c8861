// The admission ticket (F7): QR round trip and tampered codes refused, who may load a ticket,
// the audited personal-data view, and the PDF for real: its QR code decodes (zbarimg) to the
// ticket's QR text (the PDF itself rasterised by pdftoppm when poppler is installed, else the PNG
// of the same drawing), one A4 page without embedded fonts. SQLite and PostgreSQL.
#include <opencv2/imgcodecs.hpp>

#include <fstream>

#include "app/exam/admission_ticket.h"
#include "app/exam/admission_ticket_pdf.h"
#include "app/exam/ticket_qr.h"
#include "sittings_fixture.h"
#include "store/biometric_repository.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

namespace rc::app::sittingtest {
namespace {

using rc::testing::run_command;
using rc::testing::shell_quote;

bool have(const char* tool) { return run_command(std::string("command -v ") + tool).exit_code == 0; }
bool tools_required() {
  const char* v = std::getenv("RC_REQUIRE_TOOLS");
  return v && std::string(v) == "1";
}
#define RC_REQUIRE_TOOL(tool)                                   \
  do {                                                          \
    if (!have(tool)) {                                          \
      if (tools_required()) FAIL() << tool << " is missing";    \
      GTEST_SKIP() << tool << " is missing";                    \
    }                                                           \
  } while (0)

SymmetricKey test_key(std::uint8_t fill) {
  SymmetricKey k;
  k.fill(fill);
  return k;
}

void write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

TEST(TicketQr, RoundTripsAndRefusesAnythingElse) {
  const auto key = test_key(7);
  const std::string text = ticket_qr_text(key, "000012010170483");
  EXPECT_EQ(text.rfind("RCT1:000012010170483:", 0), 0u);
  EXPECT_EQ(text.size(), std::string("RCT1:000012010170483:").size() + 16);
  auto back = parse_ticket_qr(key, text);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, "000012010170483");
  EXPECT_TRUE(parse_ticket_qr(key, text + "\r\n"));  // a scanner's line end

  std::string tampered_number = text;
  tampered_number[10] = tampered_number[10] == '1' ? '2' : '1';
  std::string tampered_mac = text;
  tampered_mac.back() = tampered_mac.back() == '0' ? '1' : '0';
  const std::string refused[] = {
      tampered_number, tampered_mac, ticket_qr_text(test_key(8), "000012010170483"),  // another platform's key
      "", "RCT1:", "RCT1::0123456789abcdef", "RCT2" + text.substr(4), "RCT1:000012010170483",
      text.substr(0, text.size() - 1), text + "0", "RCT1:abc:0123456789abcdef", "https://example.org/?no=1",
      "RCT1:000012010170483:" + std::string(16, 'G')};
  for (const auto& r : refused) {
    auto p = parse_ticket_qr(key, r);
    ASSERT_FALSE(p) << r;
    EXPECT_EQ(p.error().code, ErrorCode::kTicketInvalid) << r;
    EXPECT_EQ(code_name(p.error().code), "ticket.invalid");
    EXPECT_FALSE(p.error().message.empty());
  }
}

TEST(TicketQr, TheDerivedKeyDependsOnRootAndPurpose) {
  const auto root = test_key(1);
  EXPECT_EQ(derive_key(root, "ticket-qr/v1"), derive_key(root, "ticket-qr/v1"));
  EXPECT_NE(derive_key(root, "ticket-qr/v1"), derive_key(root, "ticket-qr/v2"));
  EXPECT_NE(derive_key(root, "ticket-qr/v1"), derive_key(test_key(2), "ticket-qr/v1"));
  EXPECT_NE(derive_key(root, "ticket-qr/v1"), root);
}

class AdmissionTicketTest : public SittingsTest {
 protected:
  void SetUp() override {
    SittingsTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    room_ = room("第一考场", 30);
    sitting_ = sitting({room_});
    reg_ = registration(10);
    retake_ = registration(11);
    past_attempts(retake_, store::Outcome::kFail, store::Outcome::kPass);
    auto r = assign(sitting_, {reg_, retake_});
    ASSERT_TRUE(r) << r.error().message;
    ticket_no_ = r->seated[0].seat.ticket_no;
    candidate_ = candidate_actor(reg_);
    // A portrait on file (encrypted, as upload_photo stores it).
    cv::Mat img(400, 300, CV_8UC3, cv::Scalar(200, 180, 160));
    std::vector<uchar> jpeg;
    cv::imencode(".jpg", img, jpeg);
    photo_.assign(jpeg.begin(), jpeg.end());
    auto added = in_tx([&](store::Transaction& tx) {
      const std::string sealed = cipher_.encrypt_biometric(photo_);
      return store::BiometricRepository(tx).add_photo({0, candidate_.entity_id, "image/jpeg",
                                                       store::Bytes(sealed.begin(), sealed.end()), "bio", "digest", kT0,
                                                       kT0 + std::chrono::hours(24 * 365)});
    });
    ASSERT_TRUE(added);
  }

  Actor candidate_actor(store::Id registration_id) {
    auto reg = db().read([&](store::Transaction& tx) { return store::RegistrationRepository(tx).find(registration_id); });
    return Actor{5000 + registration_id, "cand" + std::to_string(registration_id), store::Role::kCandidate,
                 reg ? reg->candidate_id : 0};
  }

  TicketServices services() { return {db(), clock_, cipher_, test_key(9)}; }

  store::Id room_ = 0, sitting_ = 0, reg_ = 0, retake_ = 0;
  std::string ticket_no_, photo_;
  Actor candidate_;
};

TEST_P(AdmissionTicketTest, TheCandidateSeesTheirTicketWithPhotoMaskedIdAndSubjects) {
  auto t = load_admission_ticket(services(), candidate_, reg_);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->ticket_no, ticket_no_);
  EXPECT_EQ(t->candidate_name, store::testing::sample_candidate(10).name);
  EXPECT_EQ(t->id_number_masked, store::testing::sample_candidate(10).id_number_masked);
  EXPECT_EQ(t->room_name, "第一考场");
  EXPECT_EQ(t->seat_no, 1);
  ASSERT_TRUE(t->photo);
  EXPECT_EQ(*t->photo, photo_);
  ASSERT_EQ(t->subjects.size(), 2u);
  EXPECT_EQ(t->subjects[0].kind_label, "新考");
  EXPECT_EQ(t->subjects[0].minutes, 100);
  auto parsed = parse_ticket_qr(test_key(9), t->qr_text);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed, ticket_no_);
  // A view of personal data: audited with who looked.
  const auto events = audit_of("registration", reg_);
  EXPECT_TRUE(has_action(events, "ticket.view", true));

  auto retake = load_admission_ticket(services(), candidate_actor(retake_), retake_);
  ASSERT_TRUE(retake);
  ASSERT_EQ(retake->subjects.size(), 1u);
  EXPECT_EQ(retake->subjects[0].subject, store::Subject::kTheory);
  EXPECT_EQ(retake->subjects[0].kind_label, "补考");
}

TEST_P(AdmissionTicketTest, OnlyTheCandidateAndTheSittingsStationAndStaffMayLoadIt) {
  EXPECT_TRUE(load_admission_ticket(services(), station_actor_, std::string_view(ticket_no_)));
  EXPECT_TRUE(load_admission_ticket(services(), proctor_, std::string_view(ticket_no_)));
  EXPECT_TRUE(load_admission_ticket(services(), examiner_, std::string_view(ticket_no_)));
  for (const Actor* who : {&other_station_actor_, &other_proctor_, &org_a_actor_}) {
    auto r = load_admission_ticket(services(), *who, std::string_view(ticket_no_));
    ASSERT_FALSE(r) << who->username;
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden) << who->username;
  }
  auto someone_else = load_admission_ticket(services(), candidate_actor(retake_), reg_);
  ASSERT_FALSE(someone_else);
  EXPECT_EQ(someone_else.error().code, ErrorCode::kForbidden);
  auto unknown = load_admission_ticket(services(), station_actor_, std::string_view("999999999999999"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  auto malformed = load_admission_ticket(services(), station_actor_, std::string_view("x' OR 1=1"));
  ASSERT_FALSE(malformed);
  EXPECT_EQ(malformed.error().code, ErrorCode::kTicketInvalid);
  const store::Id unseated = registration(12);
  auto none = load_admission_ticket(services(), candidate_actor(unseated), unseated);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
}

TEST_P(AdmissionTicketTest, ThePdfsQrCodeDecodesToTheTicketAndItsTextIsTheTickets) {
  RC_REQUIRE_TOOL("zbarimg");
  auto t = load_admission_ticket(services(), candidate_, reg_);
  ASSERT_TRUE(t);
  auto pdf = admission_ticket_pdf(*t);
  ASSERT_TRUE(pdf) << pdf.error().message;
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  rc::testing::TempDir dir;
  write_file(dir.path() / "ticket.pdf", *pdf);
  // The PDF itself rasterised when poppler is there; otherwise the same drawing as PNG.
  std::string png = (dir.path() / "ticket.png").string();
  if (have("pdftoppm")) {
    auto r = run_command("pdftoppm -r 150 -png -singlefile " + shell_quote(dir.str() + "/ticket.pdf") + " " +
                         shell_quote(dir.str() + "/ticket"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  } else {
    ASSERT_FALSE(tools_required()) << "pdftoppm is missing";
    auto raster = admission_ticket_png(*t, 150);
    ASSERT_TRUE(raster);
    write_file(png, *raster);
  }
  auto scanned = run_command("zbarimg -q --raw " + shell_quote(png));
  ASSERT_EQ(scanned.exit_code, 0) << scanned.err;
  EXPECT_EQ(scanned.out, t->qr_text + "\n");
  auto parsed = parse_ticket_qr(test_key(9), scanned.out);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed, ticket_no_);

  // One A4 page, no embedded font (text as outlines: cairo 1.16 leaks per embedded font).
  EXPECT_NE(pdf->find("/Count 1"), std::string::npos);
  EXPECT_NE(pdf->find("595.27"), std::string::npos);
  EXPECT_EQ(pdf->find("/FontFile"), std::string::npos);
}

TEST_P(AdmissionTicketTest, ThePngIsAnA4PageWithADecodableCode) {
  RC_REQUIRE_TOOL("zbarimg");
  auto t = load_admission_ticket(services(), station_actor_, std::string_view(ticket_no_));
  ASSERT_TRUE(t);
  auto png = admission_ticket_png(*t, 100);
  ASSERT_TRUE(png);
  rc::testing::TempDir dir;
  write_file(dir.path() / "t.png", *png);
  auto scanned = run_command("zbarimg -q --raw " + shell_quote(dir.str() + "/t.png"));
  ASSERT_EQ(scanned.exit_code, 0) << scanned.err;
  EXPECT_EQ(scanned.out, t->qr_text + "\n");
  EXPECT_FALSE(admission_ticket_png(*t, 10));
}

RC_INSTANTIATE_STORE_TEST(AdmissionTicketTest);

}  // namespace
}  // namespace rc::app::sittingtest
