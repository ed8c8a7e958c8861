#pragma once
// The signed electronic certificate file (F17): CertificateContent + the platform's SM2 key -> the
// bytes of one .ofd package (GB/T 33190 ZIP, spec/OFD.md):
//   OFD.xml (DocInfo/CustomDatas carry the key fields), Doc_0/Document.xml, PublicRes.xml,
//   DocumentRes.xml, Pages/Page_0/Content.xml, Res/seal.png, Res/photo.png (when there is a photo),
//   Signs/Signatures.xml, Signs/Sign_0/Signature.xml + SignedValue.dat (Type="Sign", SM2 over SM3;
//   every other file is referenced, Signatures.xml included). In the ZIP the shared parts (seal,
//   PublicRes.xml, Signatures.xml) come first, dated 1980-01-01, so that the SM3 state after them is computed once per seal.
// CustomDatas show the document number masked (DOMAIN.md §4: metadata is what indexers and mail
// previews read); the page itself shows it in full, as it is the holder's own certificate.
//
// Thread safety: may be called from several threads at once with the same key.

#include <chrono>
#include <span>
#include <string>
#include <vector>

#include "cert/certificate_content.h"
#include "cert/sm2.h"
#include "domain/common/result.h"

namespace rc::cert {

// The CustomData holding the exact text of the page's QR code (SM2 signatures are randomised, so
// it cannot be recomputed): a verifier compares a scanned code with it.
inline constexpr std::string_view kQrTextField = "二维码内容";

[[nodiscard]] Result<std::string> write_certificate_ofd(const CertificateContent& content, const Sm2PrivateKey& key,
                                                        std::chrono::system_clock::time_point signed_at);

// A signed file and the hex SM3 of its bytes (equal to sm3_hex(bytes)).
struct CertificateFile {
  std::string bytes;
  std::string sm3_hex;
};

// Several certificates at once, one result each in order: as write_certificate_ofd, but the SM3 of
// their parts and of their files run side by side (sm3_lanes.h), and each file's digest is
// computed from the state after its shared leading parts. Groups of 8-16 fill the lanes.
[[nodiscard]] std::vector<Result<CertificateFile>> write_certificate_ofds(
    std::span<const CertificateContent* const> contents, const Sm2PrivateKey& key,
    std::chrono::system_clock::time_point signed_at);

// "5113**********1236": first and last four characters kept (one each below nine characters).
std::string mask_document_number(std::string_view number);

// Keeps freed memory mapped (ARCHITECTURE.md: without it each deflate pays ~300 µs of page faults).
// Call once where a process that issues certificates starts (the CLI and the server do).
void tune_allocator();

}  // namespace rc::cert
