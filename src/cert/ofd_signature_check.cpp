// Stage 3 of verification: the Type="Sign" signature (spec/OFD.md §3 and §7.3).
//
// Naming the altered file: a digest mismatch under a signature that verifies names the file. When
// the signature itself does not verify, the change is in Signature.xml or SignedValue.dat; it is
// Signature.xml when one of its CheckValues disagrees, when its bytes are not what the writer would
// emit for its content, or when its time differs from OFD.xml's 签名时间; otherwise SignedValue.dat.
#include <set>

#include "cert/ofd_checks.h"
#include "cert/ofd_signature.h"

namespace rc::cert {
namespace {

CheckFailure failure(std::string file, std::string check, ErrorCode code, std::string message) {
  Error e = make_error(code, file, std::move(message));
  return CheckFailure{std::move(file), std::move(check), std::move(e)};
}

struct SignatureFiles {
  std::string signature;     // Signature.xml path
  std::string signed_value;  // SignedValue.dat path
  std::string date_time;
  std::vector<FileReference> refs;
};

Checked read_signatures_list(const OfdPackage& p, const std::string& file, std::string* signature) {
  auto doc = parse_xml(p, file);
  if (!doc) return CheckFailure{file, "xml", doc.error()};
  const pugi::xml_node list = doc->document_element();
  const auto sigs = children(list, "Signature");
  if (local_name(list) != "Signatures" || sigs.size() != 1)
    return failure(file, "signature", ErrorCode::kOfdSignatureInvalid, file + " 应恰有一个签名");
  if (std::string_view(sigs[0].attribute("Type").value()) != "Sign")
    return failure(file, "signature", ErrorCode::kOfdSignatureInvalid, file + " 的签名类型不是 Sign");
  auto path = resolve_path(file, sigs[0].attribute("BaseLoc").value());
  if (!path || !p.has(*path))
    return failure(file, "reference", ErrorCode::kOfdMissingPart, file + " 引用的签名描述不存在");
  *signature = *path;
  return std::nullopt;
}

Checked read_signature(const OfdPackage& p, SignatureFiles& out) {
  const std::string& file = out.signature;
  auto doc = parse_xml(p, file);
  if (!doc) return CheckFailure{file, "xml", doc.error()};
  const pugi::xml_node sig = doc->document_element();
  const pugi::xml_node info = child(sig, "SignedInfo");
  const pugi::xml_node refs = child(info, "References");
  const std::string method = text_of(child(info, "SignatureMethod"));
  const std::string check = refs.attribute("CheckMethod").value();
  if (local_name(sig) != "Signature" || !info || !refs)
    return failure(file, "xml", ErrorCode::kOfdMalformed, file + " 缺少 SignedInfo/References");
  if (method != kSm2WithSm3Oid || (check != kSm3Oid && check != "SM3"))
    return failure(file, "signature", ErrorCode::kOfdSignatureInvalid, file + " 的算法不是 SM3withSM2/SM3");
  out.date_time = text_of(child(info, "SignatureDateTime"));
  std::set<std::string> seen;
  for (auto r : children(refs, "Reference")) {
    auto path = resolve_path(file, r.attribute("FileRef").value());
    if (!path || !p.has(*path))
      return failure(file, "reference", ErrorCode::kOfdMissingPart,
                     file + " 引用的文件不存在：" + std::string(r.attribute("FileRef").value()));
    if (!seen.insert(*path).second)
      return failure(file, "reference", ErrorCode::kOfdMalformed, file + " 重复引用：" + *path);
    out.refs.push_back({*path, text_of(child(r, "CheckValue"))});
  }
  auto value = resolve_path(file, text_of(child(sig, "SignedValue")));
  if (!value || !p.has(*value))
    return failure(file, "reference", ErrorCode::kOfdMissingPart, file + " 引用的签名值不存在");
  out.signed_value = *value;
  return std::nullopt;
}

// Every file outside the signature's own directory must be protected, and that directory may hold
// nothing but the signature description and value.
Checked check_coverage(const OfdPackage& p, const SignatureFiles& s) {
  std::set<std::string> covered;
  for (const auto& r : s.refs) covered.insert(r.path);
  const std::string sign_dir = directory_of(s.signature);
  for (const auto& path : p.paths()) {
    const bool in_sign_dir = path.compare(0, sign_dir.size(), sign_dir) == 0;
    if (in_sign_dir ? (path != s.signature && path != s.signed_value) : !covered.count(path))
      return failure(path, "unreferenced", ErrorCode::kOfdUnreferencedPart, path + " 不受签名保护");
  }
  return std::nullopt;
}

// Which signature file was altered, given that the signature does not verify (see the top).
CheckFailure blame_signature_files(const OfdPackage& p, const OfdRoot& root, const SignatureFiles& s, bool digests_differ) {
  const std::string& xml = p.bytes(s.signature);
  const auto signed_at = root.fields.find(std::string(kSignedAtField));
  const bool xml_altered = digests_differ || xml != signature_xml(s.refs, s.date_time) ||
                           (signed_at != root.fields.end() && signed_at->second != s.date_time);
  const std::string& file = xml_altered ? s.signature : s.signed_value;
  return failure(file, "signature", ErrorCode::kOfdSignatureInvalid, "SM2 签名验证失败：" + file + " 被改动");
}

}  // namespace

SignatureCheck check_signature(const OfdPackage& p, const OfdRoot& root, const std::vector<Sm2PublicKey>& trusted) {
  SignatureCheck out;
  if (root.signatures.empty()) {
    out.failure = failure("OFD.xml", "signature", ErrorCode::kOfdSignatureInvalid, "文件未签名");
    return out;
  }
  SignatureFiles s;
  if ((out.failure = read_signatures_list(p, root.signatures, &s.signature))) return out;
  if ((out.failure = read_signature(p, s))) return out;

  const std::string& value = p.bytes(s.signed_value);
  const Sm2PublicKey* signer = nullptr;
  for (const auto& k : trusted)
    if (k.verify(p.bytes(s.signature), value)) {
      signer = &k;
      break;
    }
  std::optional<std::string> mismatch;
  for (const auto& r : s.refs)
    if (sm3_base64(p.bytes(r.path)) != r.check_value) {
      mismatch = r.path;
      break;
    }

  const auto claimed = root.fields.find(std::string(kSignerField));
  const std::string claimed_fp = claimed == root.fields.end() ? "" : claimed->second;
  out.no_keys = trusted.empty();
  if (signer) {
    out.signer_fingerprint = signer->fingerprint();
  } else {
    bool claimed_trusted = false;
    for (const auto& k : trusted) claimed_trusted = claimed_trusted || k.fingerprint() == claimed_fp;
    out.signer_fingerprint = claimed_fp;
    if (claimed_trusted) {
      out.failure = blame_signature_files(p, root, s, mismatch.has_value());
      return out;
    }
    if (!mismatch && !out.no_keys) {
      out.failure = failure(s.signature, "key", ErrorCode::kOfdSignatureInvalid, "签名公钥不在可信列表中（未知签发方）");
      return out;
    }
  }
  if (mismatch) {
    out.failure = failure(*mismatch, "digest", ErrorCode::kOfdDigestMismatch, *mismatch + " 的摘要与签名记录不符（文件被改动）");
    return out;
  }
  if ((out.failure = check_coverage(p, s))) return out;
  out.trusted = signer != nullptr;
  return out;
}

}  // namespace rc::cert
