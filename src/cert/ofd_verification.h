#pragma once
// Offline verification of a certificate file (F19, spec/OFD.md §7): the ZIP container (size limits,
// safe names), the document structure (every reference resolves, IDs unique and > 0, MaxUnitID,
// Font=/ResourceID=, DeltaX counts), every signature Reference digest, every package file outside
// Signs/Sign_0/ covered by the signature, and the SM2 signature by one of the trusted keys.
//
// Tri-state: kValid only when every check passed with a trusted key; kInvalid names the file and
// the check that failed (for a single altered byte, the altered file); kIndeterminate when the
// answer cannot be known (no trusted key, an internal failure). Status (revoked/expired) is not
// checked here: the caller asks the platform (cert_status.h).
//
// Thread safety: a pure function; keys may be shared between threads.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cert/sm2.h"
#include "domain/common/error.h"

namespace rc::cert {

enum class Verdict { kValid, kInvalid, kIndeterminate };

struct OfdVerification {
  Verdict result = Verdict::kIndeterminate;
  std::string failed_file;   // package path of the file at fault ("" when none or the whole archive)
  // zip | xml | reference | ids | font | resource | deltax | maxunitid | signature | digest | key |
  // unreferenced | internal
  std::string failed_check;
  std::optional<Error> error;
  std::map<std::string, std::string> fields;  // OFD.xml DocInfo/CustomDatas (证书编号, 姓名, ...)
  std::string signer_fingerprint;             // hex SM3 of the signer's public key when known
};

[[nodiscard]] OfdVerification verify_certificate_ofd(std::string_view ofd_bytes, const std::vector<Sm2PublicKey>& trusted_keys);

// "valid" | "invalid" | "indeterminate"
std::string_view verdict_name(Verdict v);

// {"result", "failed_file", "failed_check", "error": {"code", "field", "message"} | null,
//  "fields": {...}, "signer_fingerprint"}
nlohmann::json to_json(const OfdVerification& v);

}  // namespace rc::cert
