// The written .ofd file, checked with tools nobody here wrote: xmllint against the official
// schemas, the ofd.js reader, and the openssl command line for the signature.
#include "cert/certificate_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "cert/ofd_verification.h"
#include "cert/qr_payload.h"
#include "cert_fixture.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

namespace rc::cert {
namespace {

namespace fs = std::filesystem;
using namespace testing;
using rc::testing::run_command;
using rc::testing::shell_quote;

const fs::path kXsdDir = fs::path(RC_SOURCE_ROOT) / ".." / "shared" / "ofd-xsd";
const fs::path kReader = fs::path(RC_SOURCE_ROOT) / ".cache" / "ofd-render-check" / "render.js";

std::string entry(std::string_view name) {
  const auto entries = *read_zip(sample_ofd());
  for (const auto& e : entries)
    if (e.name == name) return e.data;
  ADD_FAILURE() << "no entry " << name;
  return {};
}

TEST(CertificateFile, HasTheExpectedPackageLayout) {
  std::vector<std::string> names;
  const auto entries = *read_zip(sample_ofd());
  for (const auto& e : entries) names.push_back(e.name);
  // The shared parts first (their SM3 state is computed once per seal), then the certificate's own.
  EXPECT_EQ(names, (std::vector<std::string>{"Doc_0/Res/seal.png", "Doc_0/PublicRes.xml", "Doc_0/Signs/Signatures.xml",
                                             "OFD.xml", "Doc_0/Document.xml", "Doc_0/DocumentRes.xml",
                                             "Doc_0/Pages/Page_0/Content.xml", "Doc_0/Res/photo.png",
                                             "Doc_0/Signs/Sign_0/Signature.xml", "Doc_0/Signs/Sign_0/SignedValue.dat"}));
}

// A group written at once (its SM3 run side by side, the file digests from the state after the
// shared leading parts): every file is a valid certificate of its own content, its digest is
// OpenSSL's SM3 of its bytes, and a refused certificate in the middle fails alone.
TEST(CertificateFile, AGroupWrittenAtOnceGivesValidFilesAndTheirSm3) {
  std::vector<CertificateContent> contents(11, sample_content());
  for (std::size_t i = 0; i < contents.size(); ++i) {
    contents[i].number = "YJJY2026511350" + std::to_string(1000 + i);
    contents[i].holder_name = i % 2 ? "李四" : "王小二";
    if (i == 3) contents[i].photo_png.clear();  // another set of parts
  }
  contents[5].number.clear();
  std::vector<const CertificateContent*> group;
  for (const auto& c : contents) group.push_back(&c);
  const auto files = write_certificate_ofds(group, test_key(), test_time());
  ASSERT_EQ(files.size(), contents.size());
  const Sm2PublicKey pub = *Sm2PublicKey::from_pem(test_key().public_pem());
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (i == 5) {
      ASSERT_FALSE(files[i]);
      EXPECT_EQ(files[i].error().code, ErrorCode::kMissingField);
      continue;
    }
    ASSERT_TRUE(files[i]) << i;
    EXPECT_EQ(files[i]->sm3_hex, sm3_hex(files[i]->bytes)) << i;
    const auto v = verify_certificate_ofd(files[i]->bytes, {pub});
    EXPECT_EQ(v.result, Verdict::kValid) << i << " " << v.failed_file << " " << v.failed_check;
    EXPECT_EQ(v.fields.at("证书编号"), contents[i].number);
  }
  // The shared leading bytes really are the ones of a file written alone.
  EXPECT_EQ(files[0]->bytes.substr(0, 18000), sample_ofd().substr(0, 18000));
}

TEST(CertificateFile, EveryDocumentXmlValidatesAgainstTheOfficialSchemas) {
  RC_REQUIRE_TOOL(fs::exists(kXsdDir / "Page.xsd"), "shared/ofd-xsd");
  rc::testing::TempDir dir;
  unpack(sample_ofd(), dir.path());
  const std::vector<std::pair<std::string, std::string>> files = {
      {"OFD.xml", "OFD.xsd"},
      {"Doc_0/Document.xml", "Document.xsd"},
      {"Doc_0/PublicRes.xml", "Res.xsd"},
      {"Doc_0/DocumentRes.xml", "Res.xsd"},
      {"Doc_0/Pages/Page_0/Content.xml", "Page.xsd"},
  };
  for (const auto& [file, xsd] : files) {
    auto r = run_command("xmllint --noout --schema " + shell_quote((kXsdDir / xsd).string()) + " " +
                         shell_quote((dir.path() / file).string()));
    EXPECT_EQ(r.exit_code, 0) << file << ": " << r.err;
    EXPECT_NE(r.err.find("validates"), std::string::npos) << file << ": " << r.err;
  }
  // The signature files are well-formed XML (their stock schemas reject SM3 OIDs, OFD.md §4).
  for (const char* file : {"Doc_0/Signs/Signatures.xml", "Doc_0/Signs/Sign_0/Signature.xml"}) {
    auto r = run_command("xmllint --noout " + shell_quote((dir.path() / file).string()));
    EXPECT_EQ(r.exit_code, 0) << file << ": " << r.err;
  }
}

TEST(CertificateFile, TheIndependentReaderShowsOnePageWithTheFields) {
  RC_REQUIRE_TOOL(fs::exists(kReader), ".cache/ofd-render-check");
  rc::testing::TempDir dir;
  const fs::path file = dir.path() / "cert.ofd";
  write_file(file, sample_ofd());
  auto r = run_command("timeout 120 node " + shell_quote(kReader.string()) + " " + shell_quote(file.string()));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::vector<nlohmann::json> pages;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("{\"page\":", 0) == 0) pages.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(pages.size(), 1u) << r.out;
  const std::string text = pages[0]["text"];
  const auto& c = sample_content();
  EXPECT_NE(text.find("职业资格证书"), std::string::npos) << text;
  EXPECT_NE(text.find(c.holder_name), std::string::npos) << text;
  EXPECT_NE(text.find(c.number), std::string::npos) << text;
  EXPECT_NE(text.find(c.document_number), std::string::npos) << text;
  EXPECT_NE(text.find("http://jndj.osta.org.cn"), std::string::npos) << text;
  EXPECT_NE(text.find("http://pjjg.osta.org.cn"), std::string::npos) << text;
  EXPECT_GE(pages[0]["img"].get<int>(), 2);
  EXPECT_GE(pages[0]["path"].get<int>(), 2);
}

TEST(CertificateFile, OpensslVerifiesTheSignatureOverSignatureXml) {
  rc::testing::TempDir dir;
  unpack(sample_ofd(), dir.path());
  write_file(dir.path() / "pub.pem", test_key().public_pem());
  const std::string sign = (dir.path() / "Doc_0/Signs/Sign_0").string();
  auto r = run_command("openssl dgst -sm3 -verify " + shell_quote(dir.str() + "/pub.pem") +
                       " -sigopt distid:1234567812345678 -signature " + shell_quote(sign + "/SignedValue.dat") + " " +
                       shell_quote(sign + "/Signature.xml"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Verified OK"), std::string::npos) << r.out;
}

TEST(CertificateFile, EveryReferenceDigestMatchesOpensslSm3) {
  rc::testing::TempDir dir;
  unpack(sample_ofd(), dir.path());
  const std::string sig = entry("Doc_0/Signs/Sign_0/Signature.xml");
  const std::regex ref("FileRef=\"/([^\"]+)\"><ofd:CheckValue>([^<]+)<");
  int count = 0;
  for (std::sregex_iterator it(sig.begin(), sig.end(), ref), end; it != end; ++it, ++count) {
    auto r = run_command("sh -c " + shell_quote("openssl dgst -sm3 -binary " + shell_quote((dir.path() / (*it)[1].str()).string()) + " | base64 -w0"));
    EXPECT_EQ(r.out, (*it)[2].str()) << (*it)[1];
  }
  EXPECT_EQ(count, 8);  // every file but the two in Sign_0/
}

TEST(CertificateFile, KeyFieldsAreInCustomDatasWithTheDocumentNumberMasked) {
  const std::string ofd = entry("OFD.xml");
  const auto& c = sample_content();
  EXPECT_NE(ofd.find("<ofd:CustomData Name=\"证书编号\">" + c.number + "<"), std::string::npos);
  EXPECT_NE(ofd.find("<ofd:CustomData Name=\"姓名\">" + c.holder_name + "<"), std::string::npos);
  EXPECT_NE(ofd.find("<ofd:CustomData Name=\"证件号码\">5113**********0010<"), std::string::npos) << ofd;
  EXPECT_EQ(ofd.find(c.document_number), std::string::npos);
  EXPECT_NE(ofd.find("<ofd:Title>职业资格证书</ofd:Title>"), std::string::npos);
}

TEST(CertificateFile, PageIsA4PortraitWithVectorQrOfTheQrText) {
  EXPECT_NE(entry("Doc_0/Document.xml").find("<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"), std::string::npos);
  const std::string page = entry("Doc_0/Pages/Page_0/Content.xml");
  EXPECT_NE(page.find("Stroke=\"false\" Fill=\"true\""), std::string::npos);
  EXPECT_EQ(page.find('\n', page.find("<ofd:Page")), page.size() - 1) << "no line breaks inside the page XML";
  const std::regex text_code("<ofd:TextCode[^>]*>([^<]*)</ofd:TextCode>");
  int codes = 0;
  for (std::sregex_iterator it(page.begin(), page.end(), text_code), end; it != end; ++it, ++codes)
    EXPECT_EQ((*it)[0].str().find("DeltaX"), (*it)[1].length() > 1 ? (*it)[0].str().find("DeltaX") : std::string::npos);
  EXPECT_GT(codes, 20);
}

TEST(CertificateFile, MasksDocumentNumbers) {
  EXPECT_EQ(mask_document_number("511304199001010010"), "5113**********0010");
  EXPECT_EQ(mask_document_number("E1234567"), "E******7");
  EXPECT_EQ(mask_document_number("AB"), "**");
}

TEST(CertificateFile, NoPhotoDrawsAPlaceholderAndStillValidates) {
  CertificateContent c = sample_content();
  c.photo_png.clear();
  c.theory_score.reset();
  c.valid_until = *CivilDate::from_ymd(2031, 11, 27);
  auto bytes = write_certificate_ofd(c, test_key(), test_time());
  ASSERT_TRUE(bytes.has_value());
  auto entries = *read_zip(*bytes);
  for (const auto& e : entries) EXPECT_NE(e.name, "Doc_0/Res/photo.png");
  std::string page;
  for (const auto& e : entries)
    if (e.name == "Doc_0/Pages/Page_0/Content.xml") page = e.data;
  EXPECT_NE(page.find(">照片<"), std::string::npos);
  EXPECT_NE(page.find("有效期至"), std::string::npos);
  EXPECT_EQ(page.find("理论知识考试成绩"), std::string::npos);
}

TEST(CertificateFile, RefusesContentWithoutANumber) {
  CertificateContent c = sample_content();
  c.number.clear();
  EXPECT_EQ(write_certificate_ofd(c, test_key(), test_time()).error().code, ErrorCode::kMissingField);
}

}  // namespace
}  // namespace rc::cert
