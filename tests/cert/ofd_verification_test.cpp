#include "cert/ofd_verification.h"

#include <gtest/gtest.h>

#include <functional>
#include <regex>

#include "cert/ofd_signature.h"
#include "cert_fixture.h"

namespace rc::cert {
namespace {

using namespace testing;

std::vector<Sm2PublicKey> trusted() { return {test_key().public_key()}; }

std::vector<ZipEntry> sample_entries() { return *read_zip(sample_ofd()); }

std::string rezip(const std::vector<ZipEntry>& entries) { return *write_zip(entries, test_time()); }

ZipEntry& find(std::vector<ZipEntry>& entries, std::string_view name) {
  for (auto& e : entries)
    if (e.name == name) return e;
  throw std::runtime_error("no entry " + std::string(name));
}

void replace(std::string& s, std::string_view from, std::string_view to) {
  const auto at = s.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  s.replace(at, from.size(), to);
}

// Applies `edit` to the unpacked sample, then signs the result again with the test key, exactly as
// the writer would: the structural checks must catch what a signature cannot.
std::string edited_and_resigned(const std::function<void(std::vector<ZipEntry>&)>& edit) {
  auto entries = sample_entries();
  edit(entries);
  std::vector<ZipEntry> files;
  for (auto& e : entries)
    if (e.name.rfind(kSignatureDir, 0) != 0) files.push_back(e);
  std::vector<FileReference> refs;
  for (const auto& f : files) refs.push_back({f.name, sm3_base64(f.data)});
  const std::string sig = signature_xml(refs, signature_date_time(test_time()));
  files.push_back({std::string(kSignaturePath), sig, true});
  files.push_back({std::string(kSignedValuePath), *test_key().sign(sig), false});
  return rezip(files);
}

TEST(OfdVerification, TheWrittenSampleIsValidAndItsFieldsAreRead) {
  const auto v = verify_certificate_ofd(sample_ofd(), trusted());
  EXPECT_EQ(v.result, Verdict::kValid) << to_json(v).dump();
  EXPECT_EQ(v.failed_file, "");
  EXPECT_FALSE(v.error.has_value());
  EXPECT_EQ(v.fields.at("证书编号"), sample_content().number);
  EXPECT_EQ(v.fields.at("姓名"), sample_content().holder_name);
  EXPECT_EQ(v.signer_fingerprint, test_key().fingerprint());
  const auto j = to_json(v);
  EXPECT_EQ(j["result"], "valid");
  EXPECT_TRUE(j["error"].is_null());
}

TEST(OfdVerification, OneFlippedByteInAnyEntryIsInvalidAndNamesThatEntry) {
  const auto original = sample_entries();
  ASSERT_EQ(original.size(), 10u);
  int checked = 0;
  for (std::size_t i = 0; i < original.size(); ++i) {
    const std::size_t n = original[i].data.size();
    for (std::size_t pos : {std::size_t{0}, n / 3, n / 2, 2 * n / 3, n - 1}) {
      for (unsigned char mask : {0x01, 0x80}) {
        auto entries = original;
        entries[i].data[pos] = static_cast<char>(entries[i].data[pos] ^ mask);
        const auto v = verify_certificate_ofd(rezip(entries), trusted());
        EXPECT_EQ(v.result, Verdict::kInvalid) << original[i].name << " @" << pos;
        EXPECT_EQ(v.failed_file, original[i].name) << "byte " << pos << " mask " << int(mask) << ": " << to_json(v).dump();
        EXPECT_TRUE(v.error.has_value());
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 100);
}

TEST(OfdVerification, DigestMismatchIsReportedAsSuch) {
  auto entries = sample_entries();
  replace(find(entries, "Doc_0/Pages/Page_0/Content.xml").data, "李演示", "王演示");
  const auto v = verify_certificate_ofd(rezip(entries), trusted());
  EXPECT_EQ(v.result, Verdict::kInvalid);
  EXPECT_EQ(v.failed_file, "Doc_0/Pages/Page_0/Content.xml");
  EXPECT_EQ(v.failed_check, "digest");
  EXPECT_EQ(v.error->code, ErrorCode::kOfdDigestMismatch);
}

TEST(OfdVerification, AnUnknownSignerIsInvalidWithCheckKey) {
  const auto other = *Sm2PrivateKey::generate();
  const auto v = verify_certificate_ofd(sample_ofd(), {other.public_key()});
  EXPECT_EQ(v.result, Verdict::kInvalid);
  EXPECT_EQ(v.failed_check, "key");
  EXPECT_EQ(v.signer_fingerprint, test_key().fingerprint());
  const auto both = verify_certificate_ofd(sample_ofd(), {other.public_key(), test_key().public_key()});
  EXPECT_EQ(both.result, Verdict::kValid);
}

TEST(OfdVerification, WithoutTrustedKeysTheAnswerIsIndeterminateNeverValid) {
  const auto v = verify_certificate_ofd(sample_ofd(), {});
  EXPECT_EQ(v.result, Verdict::kIndeterminate);
  EXPECT_EQ(v.failed_check, "key");
  EXPECT_EQ(to_json(v)["result"], "indeterminate");
  // ...but a broken file is still invalid: that needs no key.
  auto entries = sample_entries();
  find(entries, "Doc_0/Document.xml").data += " ";
  EXPECT_EQ(verify_certificate_ofd(rezip(entries), {}).result, Verdict::kInvalid);
}

TEST(OfdVerification, GarbageAndTruncatedInputsAreInvalidWithAnError) {
  for (std::string bad : {std::string(), std::string("PK\x03\x04"), std::string(1000, 'x'), sample_ofd().substr(0, sample_ofd().size() / 2)}) {
    const auto v = verify_certificate_ofd(bad, trusted());
    EXPECT_EQ(v.result, Verdict::kInvalid);
    EXPECT_EQ(v.failed_check, "zip");
    ASSERT_TRUE(v.error.has_value());
    EXPECT_EQ(v.error->code, ErrorCode::kOfdMalformed);
  }
  const auto shifted = verify_certificate_ofd(sample_ofd().substr(100), trusted());  // libzip may find entries
  EXPECT_EQ(shifted.result, Verdict::kInvalid);
  EXPECT_TRUE(shifted.error.has_value());
  std::string corrupt = sample_ofd();  // a flipped byte in the compressed stream: CRC or inflate error
  corrupt[200] = static_cast<char>(corrupt[200] ^ 0x55);
  EXPECT_EQ(verify_certificate_ofd(corrupt, trusted()).result, Verdict::kInvalid);
}

TEST(OfdVerification, ZipBombsAndHugeArchivesAreRefused) {
  auto entries = sample_entries();
  entries.push_back({"Doc_0/Res/bomb.bin", std::string(9u << 20, '\0'), true});  // inflates past 8 MB
  const std::string bomb = rezip(entries);
  EXPECT_LT(bomb.size(), 200000u);
  auto v = verify_certificate_ofd(bomb, trusted());
  EXPECT_EQ(v.result, Verdict::kInvalid);
  EXPECT_EQ(v.failed_check, "zip");
  EXPECT_EQ(v.failed_file, "Doc_0/Res/bomb.bin");

  auto many = sample_entries();
  for (int i = 0; i < 4; ++i) many.push_back({"Doc_0/Res/big" + std::to_string(i), std::string(7u << 20, 'a'), true});
  v = verify_certificate_ofd(rezip(many), trusted());
  EXPECT_EQ(v.failed_check, "zip");  // 28 MB in total

  EXPECT_EQ(verify_certificate_ofd(std::string(17u << 20, 'P'), trusted()).failed_check, "zip");
}

TEST(OfdVerification, JsonOfAnyResultSerialisesEvenWithInvalidUtf8InTheFile) {
  auto entries = sample_entries();
  replace(find(entries, "OFD.xml").data, "<ofd:CustomData Name=\"姓名\">", "<ofd:CustomData Name=\"\xff\xfe\">\xc3");
  const auto v = verify_certificate_ofd(rezip(entries), trusted());
  EXPECT_EQ(v.result, Verdict::kInvalid);
  std::string text;
  EXPECT_NO_THROW(text = to_json(v).dump());
  EXPECT_NE(text.find("\xEF\xBF\xBD"), std::string::npos) << text;
}

TEST(OfdVerification, TooManyEntriesAreRefused) {
  auto entries = sample_entries();
  for (int i = 0; i < 80; ++i) entries.push_back({"Doc_0/Res/x" + std::to_string(i), "x", true});
  const auto v = verify_certificate_ofd(rezip(entries), trusted());
  EXPECT_EQ(v.result, Verdict::kInvalid);
  EXPECT_EQ(v.failed_check, "zip");
}

TEST(OfdVerification, PathTraversalAndOddNamesAreRefused) {
  for (const char* name : {"../evil.xml", "/abs.xml", "Doc_0/../../x", "Doc_0\\x.xml", "a//b", "./OFD.xml"}) {
    auto entries = sample_entries();
    entries.push_back({name, "x", true});
    const auto v = verify_certificate_ofd(rezip(entries), trusted());
    EXPECT_EQ(v.result, Verdict::kInvalid) << name;
    EXPECT_EQ(v.failed_check, "zip") << name;
    EXPECT_EQ(v.failed_file, name);
  }
}

TEST(OfdVerification, AFileTheSignatureDoesNotCoverIsRefused) {
  for (const char* name : {"Doc_0/Res/extra.png", "Doc_0/Signs/Sign_0/extra.dat"}) {
    auto entries = sample_entries();
    entries.push_back({name, "x", true});
    const auto v = verify_certificate_ofd(rezip(entries), trusted());
    EXPECT_EQ(v.result, Verdict::kInvalid) << name;
    EXPECT_EQ(v.failed_check, "unreferenced") << name;
    EXPECT_EQ(v.failed_file, name);
    EXPECT_EQ(v.error->code, ErrorCode::kOfdUnreferencedPart);
  }
}

TEST(OfdVerification, AMissingPartIsNamedByTheFileThatRefersToIt) {
  auto entries = sample_entries();
  std::erase_if(entries, [](const ZipEntry& e) { return e.name == "Doc_0/Res/photo.png"; });
  const auto v = verify_certificate_ofd(rezip(entries), trusted());
  EXPECT_EQ(v.result, Verdict::kInvalid);
  EXPECT_EQ(v.failed_file, std::string(kSignaturePath));
  EXPECT_EQ(v.failed_check, "reference");
  EXPECT_EQ(v.error->code, ErrorCode::kOfdMissingPart);
}

TEST(OfdVerification, AnUnsignedFileIsInvalid) {
  const std::string bytes = edited_and_resigned([](auto& entries) {
    replace(find(entries, "OFD.xml").data, "<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>", "");
  });
  auto entries = *read_zip(bytes);
  std::erase_if(entries, [](const ZipEntry& e) { return e.name.find("Signs/") != std::string::npos; });
  const auto v = verify_certificate_ofd(rezip(entries), trusted());
  EXPECT_EQ(v.result, Verdict::kInvalid);
  EXPECT_EQ(v.failed_check, "signature");
}

struct StructureCase {
  const char* name;
  const char* file;
  const char* from;
  const char* to;
  const char* check;
};

class StructureChecks : public ::testing::TestWithParam<StructureCase> {};

TEST_P(StructureChecks, ASignedButBrokenDocumentIsInvalid) {
  const auto& c = GetParam();
  const auto v = verify_certificate_ofd(edited_and_resigned([&](auto& e) {
                                          std::string& data = find(e, c.file).data;
                                          const std::string before = data;
                                          data = std::regex_replace(data, std::regex(c.from), c.to,
                                                                    std::regex_constants::format_first_only);
                                          ASSERT_NE(data, before) << c.from;
                                        }),
                                        trusted());
  EXPECT_EQ(v.result, Verdict::kInvalid) << to_json(v).dump();
  EXPECT_EQ(v.failed_check, c.check) << to_json(v).dump();
  EXPECT_EQ(v.failed_file, c.file) << to_json(v).dump();
}

const char* kPage = "Doc_0/Pages/Page_0/Content.xml";
INSTANTIATE_TEST_SUITE_P(
    Cases, StructureChecks,
    ::testing::Values(StructureCase{"duplicate_id", kPage, "ID=\"10\"", "ID=\"9\"", "ids"},
                      StructureCase{"zero_id", kPage, "ID=\"10\"", "ID=\"0\"", "ids"},
                      StructureCase{"unknown_font", kPage, "Font=\"3\"", "Font=\"77\"", "font"},
                      StructureCase{"unknown_image", kPage, "ResourceID=\"7\"", "ResourceID=\"2\"", "resource"},
                      StructureCase{"deltax_count", kPage, "DeltaX=\"g 5 14\"", "DeltaX=\"g 4 14\"", "deltax"},
                      StructureCase{"max_unit_id", "Doc_0/Document.xml", "<ofd:MaxUnitID>[0-9]+", "<ofd:MaxUnitID>9", "maxunitid"},
                      StructureCase{"missing_page", "Doc_0/Document.xml", "Page_0/Content.xml", "Page_9/Content.xml", "reference"},
                      StructureCase{"missing_media", "Doc_0/DocumentRes.xml", "photo.png", "photo2.png", "reference"},
                      StructureCase{"not_xml", "Doc_0/PublicRes.xml", "<ofd:Fonts>", "<ofd:Fonts", "xml"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace rc::cert
