#include "cert/ofd_verification.h"

#include <exception>

#include "cert/ofd_checks.h"
#include "cert/ofd_text.h"

namespace rc::cert {
namespace {

OfdVerification invalid(CheckFailure f, std::map<std::string, std::string> fields = {}) {
  OfdVerification v;
  v.result = Verdict::kInvalid;
  v.failed_file = std::move(f.file);
  v.failed_check = std::move(f.check);
  v.error = std::move(f.error);
  v.fields = std::move(fields);
  return v;
}

OfdVerification run(std::string_view bytes, const std::vector<Sm2PublicKey>& trusted) {
  auto entries = read_zip(bytes);
  if (!entries) {
    std::string file = entries.error().field;
    return invalid(CheckFailure{std::move(file), "zip", entries.error()});
  }
  const OfdPackage package(std::move(*entries));
  OfdRoot root;
  if (auto f = read_ofd_root(package, &root)) return invalid(std::move(*f));
  // Integrity first: once the signature and digests hold, any later structural fault was signed as
  // such, and a single altered byte is named by its digest rather than by a side effect.
  SignatureCheck sig = check_signature(package, root, trusted);
  if (sig.failure) {
    OfdVerification v = invalid(std::move(*sig.failure), root.fields);
    v.signer_fingerprint = sig.signer_fingerprint;
    return v;
  }
  if (auto f = check_structure(package, root)) return invalid(std::move(*f), root.fields);
  OfdVerification v;
  v.fields = std::move(root.fields);
  v.signer_fingerprint = sig.signer_fingerprint;
  if (!sig.trusted) {
    v.result = Verdict::kIndeterminate;
    v.failed_check = "key";
    v.error = make_error(ErrorCode::kKeyFailure, "key", "没有可用的可信公钥，无法判断签名");
    return v;
  }
  v.result = Verdict::kValid;
  return v;
}

}  // namespace

OfdVerification verify_certificate_ofd(std::string_view ofd_bytes, const std::vector<Sm2PublicKey>& trusted_keys) {
  try {
    return run(ofd_bytes, trusted_keys);
  } catch (const std::exception& e) {  // allocation failure and the like: never "valid", never a crash
    OfdVerification v;
    v.result = Verdict::kIndeterminate;
    v.failed_check = "internal";
    v.error = make_error(ErrorCode::kOfdMalformed, "", std::string("验证过程出错：") + e.what());
    return v;
  }
}

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::kValid: return "valid";
    case Verdict::kInvalid: return "invalid";
    case Verdict::kIndeterminate: break;
  }
  return "indeterminate";
}

nlohmann::json to_json(const OfdVerification& v) {
  // Names, values and messages can carry bytes from the file: make them valid UTF-8 here, at the
  // boundary, so that every caller's dump() succeeds (found by fuzz/ofd_verify_fuzz).
  nlohmann::json j;
  j["result"] = verdict_name(v.result);
  j["failed_file"] = to_valid_utf8(v.failed_file);
  j["failed_check"] = v.failed_check;
  if (v.error)
    j["error"] = {{"code", code_name(v.error->code)}, {"field", to_valid_utf8(v.error->field)},
                  {"message", to_valid_utf8(v.error->message)}};
  else
    j["error"] = nullptr;
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& [name, value] : v.fields) fields[to_valid_utf8(name)] = to_valid_utf8(value);
  j["fields"] = std::move(fields);
  j["signer_fingerprint"] = to_valid_utf8(v.signer_fingerprint);
  return j;
}

}  // namespace rc::cert
