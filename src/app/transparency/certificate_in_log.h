#pragma once
// Is this certificate file in the transparency log? Checked through a server's public API, as
// `rescuecert cert verify --log-url` does (issue 4): the log's entries about the number
// (GET /api/v1/log/certificates/NUMBER) must hold an issuance of exactly this file (its SM3), and
// its inclusion proof must verify against a tree head signed with the trusted key; a revocation,
// when the log has one, is proved the same way. Nothing served is trusted: leaf hashes are
// recomputed from the canonical entries, the head's signature and every proof are checked here.
//
// Thread safety: as `fetch`.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/transparency/log_audit.h"
#include "domain/common/result.h"
#include "transparency/tree_head.h"

namespace rc::app {

struct CertificateInLog {
  std::uint64_t tree_size = 0;   // of the signed head the proofs were checked against
  std::uint64_t issue_leaf = 0;  // the issuance of this file
  std::optional<std::uint64_t> revoke_leaf;
  std::string revoke_reason;
};

// kLogProofInvalid when the log shows no issuance of this file, or the head's signature or a
// proof does not verify (the answer is "not in the log"). kNotFound when the log has no entry
// about the number at all. Any other error: the log could not be checked (fetch failed, or an
// answer was malformed). public_key_pem: the key trusted to sign heads; when empty, the server's.
[[nodiscard]] Result<CertificateInLog> check_certificate_in_log(const LogFetch& fetch, std::string_view number,
                                                                std::string_view file_sm3_hex,
                                                                const std::string& public_key_pem);
// The same with the head's signature checked by `check` (the fuzz target passes its own).
[[nodiscard]] Result<CertificateInLog> check_certificate_in_log(const LogFetch& fetch, std::string_view number,
                                                                std::string_view file_sm3_hex,
                                                                const transparency::SignatureCheck& check);

}  // namespace rc::app
