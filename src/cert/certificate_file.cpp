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
#include "cert/sm3_lanes.h"
#include "cert/base64.h"
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

// The bytes every file of a seal starts with and the SM3 state after them, one per seal image.
struct SharedPrefix {
  std::shared_ptr<const SealImage> seal;  // kept alive: the map is keyed by its address
  std::string bytes;
  Sm3Midstate state;
};

struct SharedPrefixes {
  std::mutex mutex;
  std::map<const SealImage*, std::shared_ptr<const SharedPrefix>> by_seal;  // at most as many as seal_png caches
};

std::shared_ptr<const SharedPrefix> shared_prefix(const std::shared_ptr<const SealImage>& seal) {
  static SharedPrefixes all;
  {
    std::lock_guard lock(all.mutex);
    if (auto it = all.by_seal.find(seal.get()); it != all.by_seal.end()) return it->second;
  }
  ZipWriter head(std::chrono::system_clock::time_point{});
  add_shared_parts(head, *seal);
  auto made = std::make_shared<SharedPrefix>();
  made->seal = seal;
  made->bytes = std::string(head.written());
  made->state = sm3_midstate(made->bytes);
  std::lock_guard lock(all.mutex);
  if (all.by_seal.size() >= 256) all.by_seal.clear();
  return all.by_seal.emplace(seal.get(), std::move(made)).first->second;
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

namespace {

// One certificate between the stages of write_certificate_ofds. Parts point into its strings, so
// drafts are made in place and never moved.
struct Draft {
  struct Part {
    std::string_view name, data;
    const PackedEntry* packed;  // the shared parts come pre-packed, with their digest
    std::string digest;
  };
  std::optional<Error> error;
  std::string qr, page, when, ofd, document, document_res, signature, file;
  std::shared_ptr<const SealImage> seal;
  std::vector<Part> parts;
  std::shared_ptr<const SharedPrefix> prefix;
};

std::string base64_of(const std::array<unsigned char, 32>& digest) {
  return base64_encode(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

// The QR code's signature, the page and every protected file, in package order; no SM3 yet.
void draft_parts(Draft& d, const CertificateContent& content, const Sm2PrivateKey& key,
                 std::chrono::system_clock::time_point signed_at) {
  if (content.number.empty()) {
    d.error = make_error(ErrorCode::kMissingField, "number", "证书编号为空");
    return;
  }
  try {
    d.qr = qr_text(content, key);
  } catch (const std::exception&) {
    d.error = make_error(ErrorCode::kKeyFailure, "key", "二维码签名失败");
    return;
  }
  auto page = layout_certificate_page(content, d.qr);
  if (!page) {
    d.error = page.error();
    return;
  }
  d.page = std::move(page->xml);
  d.seal = seal_png(content.issuing_body);
  d.prefix = shared_prefix(d.seal);
  d.when = signature_date_time(signed_at);
  const bool photo = !content.photo_png.empty();
  d.ofd = ofd_xml(content, d.qr, signed_at, d.when, key.fingerprint());
  d.document = document_xml(page->max_id);
  d.document_res = document_res_xml(photo);
  d.parts = {
      {"OFD.xml", d.ofd, nullptr, {}},
      {"Doc_0/Document.xml", d.document, nullptr, {}},
      {kPublicResPath, public_res().xml, &public_res().packed, public_res().digest},
      {"Doc_0/DocumentRes.xml", d.document_res, nullptr, {}},
      {"Doc_0/Pages/Page_0/Content.xml", d.page, nullptr, {}},
      {kSealPath, d.seal->png, &d.seal->packed, d.seal->sm3_base64},
  };
  if (photo) d.parts.push_back({"Doc_0/Res/photo.png", content.photo_png, nullptr, {}});
  d.parts.push_back({kSignaturesPath, signatures().xml, &signatures().packed, signatures().digest});
}

// Signature.xml over the parts' digests, its SM2 signature, and the ZIP.
void sign_and_pack(Draft& d, const Sm2PrivateKey& key, std::chrono::system_clock::time_point signed_at) {
  std::vector<FileReference> refs;
  refs.reserve(d.parts.size());
  for (auto& p : d.parts) refs.push_back({std::string(p.name), p.digest});
  d.signature = signature_xml(refs, d.when);
  auto value = key.sign(d.signature);
  if (!value) {
    d.error = value.error();
    return;
  }
  ZipWriter zip(signed_at);
  add_shared_parts(zip, *d.seal);
  for (const auto& p : d.parts)
    if (!p.packed) zip.add(p.name, p.data, false);  // the pre-packed parts are the shared ones, written first
  zip.add(kSignaturePath, d.signature, false);
  zip.add(kSignedValuePath, *value, false);
  d.file = zip.finish();
}

}  // namespace

std::vector<Result<CertificateFile>> write_certificate_ofds(std::span<const CertificateContent* const> contents,
                                                            const Sm2PrivateKey& key,
                                                            std::chrono::system_clock::time_point signed_at) {
  std::vector<Draft> drafts(contents.size());
  for (std::size_t i = 0; i < contents.size(); ++i) draft_parts(drafts[i], *contents[i], key, signed_at);

  // The SM3 of every part of every certificate, side by side.
  std::vector<Sm3Job> jobs;
  std::vector<Draft::Part*> owners;
  for (auto& d : drafts)
    for (auto& p : d.parts)
      if (!d.error && p.digest.empty()) {
        jobs.push_back({p.data, nullptr, {}});
        owners.push_back(&p);
      }
  sm3_jobs(jobs);
  for (std::size_t j = 0; j < jobs.size(); ++j) owners[j]->digest = base64_of(jobs[j].digest);

  for (auto& d : drafts)
    if (!d.error) sign_and_pack(d, key, signed_at);

  // The SM3 of every file, from the state after its shared leading parts.
  jobs.clear();
  std::vector<Draft*> files;
  for (auto& d : drafts) {
    if (d.error) continue;
    const std::string_view file(d.file);
    if (file.starts_with(d.prefix->bytes)) jobs.push_back({file.substr(d.prefix->bytes.size()), &d.prefix->state, {}});
    else jobs.push_back({file, nullptr, {}});
    files.push_back(&d);
  }
  sm3_jobs(jobs);
  std::vector<std::string> hex(files.size());
  for (std::size_t j = 0; j < jobs.size(); ++j) hex[j] = to_hex(jobs[j].digest);

  std::vector<Result<CertificateFile>> out;
  out.reserve(drafts.size());
  std::size_t next = 0;
  for (auto& d : drafts) {
    if (d.error) out.emplace_back(fail(*d.error));
    else out.emplace_back(CertificateFile{std::move(d.file), std::move(hex[next++])});
  }
  return out;
}

Result<std::string> write_certificate_ofd(const CertificateContent& content, const Sm2PrivateKey& key,
                                          std::chrono::system_clock::time_point signed_at) {
  const CertificateContent* one[] = {&content};
  auto written = write_certificate_ofds(one, key, signed_at);
  if (!written.front()) return fail(written.front().error());
  return std::move(written.front()->bytes);
}

void tune_allocator() {
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
}

}  // namespace rc::cert
