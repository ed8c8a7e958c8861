#include "cert/certificate_file.h"

#include <malloc.h>

#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "cert/ofd_signature.h"
#include "cert/ofd_text.h"
#include "cert/page_layout.h"
#include "cert/qr_payload.h"
#include "cert/seal_image.h"
#include "cert/zip_package.h"
#include "domain/common/clock.h"

namespace rc::cert {
namespace {

constexpr std::string_view kHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
constexpr std::string_view kNs = " xmlns:ofd=\"http://www.ofdspec.org/2016\"";
// The parts written per certificate are stored, not deflated: deflating the page (~30 KB, mostly
// QR path digits) cost as much as an SM2 signature to save ~20 KB, and deflating the four small
// XML files (~4.5 KB together) still cost 0.165 ms of 1.15 ms per certificate to save 2.4 KB
// (bench/README.md, cert_issue_bench). Parts shared by every certificate are deflated once.

// A part that is the same bytes in every certificate: built, digested and packed once.
struct StaticPart {
  std::string xml;
  std::string digest;
  PackedEntry packed;
  explicit StaticPart(std::string x) : xml(std::move(x)), digest(sm3_base64(xml)), packed(PackedEntry::pack(xml, true)) {}
};

const StaticPart& public_res() {
  static const StaticPart part(std::string(kHeader) + "<ofd:Res" + std::string(kNs) +
                               " BaseLoc=\"Res\"><ofd:Fonts>"
                               "<ofd:Font ID=\"2\" FontName=\"宋体\" FamilyName=\"宋体\"/>"
                               "<ofd:Font ID=\"3\" FontName=\"黑体\" FamilyName=\"黑体\"/>"
                               "<ofd:Font ID=\"4\" FontName=\"仿宋\" FamilyName=\"仿宋\"/>"
                               "<ofd:Font ID=\"5\" FontName=\"楷体\" FamilyName=\"楷体\"/>"
                               "</ofd:Fonts></ofd:Res>\n");
  return part;
}

const StaticPart& signatures() {
  static const StaticPart part(signatures_xml());
  return part;
}

constexpr std::string_view kSealPath = "Doc_0/Res/seal.png";
constexpr std::string_view kPublicResPath = "Doc_0/PublicRes.xml";

// The ZIP starts with the parts every certificate of an issuing body shares (the seal, ~19 KB,
// and two static XML files), dated the DOS epoch: every such file starts with the same bytes, and
// the SM3 state after them is computed once per seal (certificate_file_sm3_hex).
void add_shared_parts(ZipWriter& zip, const SealImage& seal) {
  zip.add_shared(kSealPath, seal.packed);
  zip.add_shared(kPublicResPath, public_res().packed);
  zip.add_shared(kSignaturesPath, signatures().packed);
}

struct SharedPrefixes {
  std::mutex mutex;
  // Keyed by the seal image, kept alive here; at most as many as seal_png caches.
  std::map<const SealImage*, std::pair<std::shared_ptr<const SealImage>, std::shared_ptr<const Sm3Prefix>>> by_seal;
};

SharedPrefixes& shared_prefixes() {
  static SharedPrefixes p;
  return p;
}

void remember_prefix(const std::shared_ptr<const SealImage>& seal) {
  auto& all = shared_prefixes();
  {
    std::lock_guard lock(all.mutex);
    if (all.by_seal.contains(seal.get())) return;
  }
  ZipWriter head(std::chrono::system_clock::time_point{});
  add_shared_parts(head, *seal);
  auto prefix = std::make_shared<const Sm3Prefix>(head.written());
  std::lock_guard lock(all.mutex);
  if (all.by_seal.size() >= 256) all.by_seal.clear();
  all.by_seal.emplace(seal.get(), std::make_pair(seal, std::move(prefix)));
}

std::string document_res_xml(bool with_photo) {
  std::string x = std::string(kHeader) + "<ofd:Res" + std::string(kNs) + " BaseLoc=\"Res\"><ofd:MultiMedias>" +
                  "<ofd:MultiMedia ID=\"6\" Type=\"Image\" Format=\"PNG\"><ofd:MediaFile>seal.png</ofd:MediaFile></ofd:MultiMedia>";
  if (with_photo)
    x += "<ofd:MultiMedia ID=\"7\" Type=\"Image\" Format=\"PNG\"><ofd:MediaFile>photo.png</ofd:MediaFile></ofd:MultiMedia>";
  return x + "</ofd:MultiMedias></ofd:Res>\n";
}

std::string document_xml(std::uint32_t max_id) {
  return std::string(kHeader) + "<ofd:Document" + std::string(kNs) + "><ofd:CommonData><ofd:MaxUnitID>" +
         std::to_string(max_id) +
         "</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
         "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>"
         "<ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>\n";
}

std::vector<std::pair<std::string, std::string>> custom_fields(const CertificateContent& c, const std::string& qr,
                                                               const std::string& signed_at, const std::string& signer) {
  std::vector<std::pair<std::string, std::string>> f = {
      {"证书编号", c.number},
      {"编号方案", c.scheme},
      {"姓名", c.holder_name},
      {"性别", c.sex},
      {"证件类型", c.document_type},
      {"证件号码", mask_document_number(c.document_number)},
      {"持证人摘要", holder_digest(c.number, c.holder_name, c.document_number)},
      {"职业名称", c.occupation_name},
      {"职业编码", c.occupation_code},
      {"工种/职业方向", c.occupation_direction},
      {"职业资格等级", c.level_text},
  };
  if (c.theory_score) f.emplace_back("理论知识考试成绩", *c.theory_score);
  if (c.practical_score) f.emplace_back("操作技能考核成绩", *c.practical_score);
  f.emplace_back("发证日期", c.issued_on.to_string());
  if (c.valid_until) f.emplace_back("有效期至", c.valid_until->to_string());
  f.emplace_back("评价机构名称", c.issuing_body);
  f.emplace_back(std::string(kQrTextField), qr);
  f.emplace_back(std::string(kSignedAtField), signed_at);
  f.emplace_back(std::string(kSignerField), signer);
  return f;
}

void element(std::string& x, std::string_view name, std::string_view text) {
  x += "<ofd:";
  x += name;
  x += '>';
  append_xml_escaped(x, text);
  x += "</ofd:";
  x += name;
  x += '>';
}

// DocInfo children in XSD order (OFD.md §1.2): DocID, Title, Author, CreationDate, Creator,
// CreatorVersion, CustomDatas.
std::string ofd_xml(const CertificateContent& c, const std::string& qr, std::chrono::system_clock::time_point t,
                    const std::string& signed_at, const std::string& signer) {
  std::string x = std::string(kHeader) + "<ofd:OFD" + std::string(kNs) + " Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo>";
  element(x, "DocID", sm3_hex(c.number + "|" + signed_at).substr(0, 32));
  element(x, "Title", c.title.empty() ? "职业资格证书" : c.title);
  if (!c.issuing_body.empty()) element(x, "Author", c.issuing_body);
  element(x, "CreationDate", china_date(t).to_string());
  element(x, "Creator", kProviderName);
  element(x, "CreatorVersion", kProviderVersion);
  x += "<ofd:CustomDatas>";
  for (const auto& [name, value] : custom_fields(c, qr, signed_at, signer)) {
    x += "<ofd:CustomData Name=\"";
    append_xml_escaped(x, name);
    x += "\">";
    append_xml_escaped(x, value);
    x += "</ofd:CustomData>";
  }
  x += "</ofd:CustomDatas></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot><ofd:Signatures>";
  x += kSignaturesPath;
  x += "</ofd:Signatures></ofd:DocBody></ofd:OFD>\n";
  return x;
}

}  // namespace

std::string mask_document_number(std::string_view number) {
  auto cps = utf8_code_points(number);
  if (!cps) return std::string(number.size(), '*');
  const std::size_t n = cps->size();
  const std::size_t keep = n >= 9 ? 4 : n >= 3 ? 1 : 0;
  std::string out;
  std::size_t i = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const char32_t c = (*cps)[k];
    const std::size_t len = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (k < keep || k >= n - keep) out.append(number.substr(i, len));
    else out += '*';
    i += len;
  }
  return out;
}

Result<std::string> write_certificate_ofd(const CertificateContent& content, const Sm2PrivateKey& key,
                                          std::chrono::system_clock::time_point signed_at) {
  if (content.number.empty()) return fail(ErrorCode::kMissingField, "number", "证书编号为空");
  std::string qr;
  try {
    qr = qr_text(content, key);
  } catch (const std::exception&) {
    return fail(ErrorCode::kKeyFailure, "key", "二维码签名失败");
  }
  auto page = layout_certificate_page(content, qr);
  if (!page) return fail(page.error());
  const auto seal = seal_png(content.issuing_body);
  const std::string when = signature_date_time(signed_at);
  const bool photo = !content.photo_png.empty();

  // Every protected file, in package order, with its digest; shared parts come pre-packed.
  const std::string ofd = ofd_xml(content, qr, signed_at, when, key.fingerprint());
  const std::string document = document_xml(page->max_id);
  const std::string document_res = document_res_xml(photo);
  struct Part {
    std::string_view name, data;
    const PackedEntry* packed;
    std::string digest;
  };
  std::vector<Part> parts = {
      {"OFD.xml", ofd, nullptr, {}},
      {"Doc_0/Document.xml", document, nullptr, {}},
      {kPublicResPath, public_res().xml, &public_res().packed, public_res().digest},
      {"Doc_0/DocumentRes.xml", document_res, nullptr, {}},
      {"Doc_0/Pages/Page_0/Content.xml", page->xml, nullptr, {}},
      {kSealPath, seal->png, &seal->packed, seal->sm3_base64},
  };
  if (photo) parts.push_back({"Doc_0/Res/photo.png", content.photo_png, nullptr, {}});
  parts.push_back({kSignaturesPath, signatures().xml, &signatures().packed, signatures().digest});

  std::vector<FileReference> refs;
  refs.reserve(parts.size());
  for (auto& p : parts) refs.push_back({std::string(p.name), p.digest.empty() ? sm3_base64(p.data) : p.digest});
  const std::string signature = signature_xml(refs, when);
  auto value = key.sign(signature);
  if (!value) return fail(value.error());

  remember_prefix(seal);
  ZipWriter zip(signed_at);
  add_shared_parts(zip, *seal);
  for (const auto& p : parts)
    if (!p.packed) zip.add(p.name, p.data, false);  // the pre-packed parts are the shared ones, written first
  zip.add(kSignaturePath, signature, false);
  zip.add(kSignedValuePath, *value, false);
  return zip.finish();
}

std::string certificate_file_sm3_hex(std::string_view file) {
  std::shared_ptr<const Sm3Prefix> match;
  {
    auto& all = shared_prefixes();
    std::lock_guard lock(all.mutex);
    for (const auto& [key, entry] : all.by_seal)
      if (file.starts_with(entry.second->prefix())) {
        match = entry.second;
        break;
      }
  }
  return match ? match->hex_of(file) : sm3_hex(file);
}

void tune_allocator() {
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
}

}  // namespace rc::cert
