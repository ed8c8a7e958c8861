#pragma once
// The Type="Sign" signature of a certificate file (spec/OFD.md §3, variant A): Signature.xml lists an
// SM3 digest of every protected file and SignedValue.dat holds the DER SM2 signature over the exact
// bytes of Signature.xml. The writer and the verifier share these so that the verifier can rebuild
// the bytes the writer would have produced (used to tell which signature file was altered).
//
// Thread safety: pure functions.

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace rc::cert {

inline constexpr std::string_view kSignaturesPath = "Doc_0/Signs/Signatures.xml";
inline constexpr std::string_view kSignatureDir = "Doc_0/Signs/Sign_0/";
inline constexpr std::string_view kSignaturePath = "Doc_0/Signs/Sign_0/Signature.xml";
inline constexpr std::string_view kSignedValuePath = "Doc_0/Signs/Sign_0/SignedValue.dat";
inline constexpr std::string_view kSm2WithSm3Oid = "1.2.156.10197.1.501";
inline constexpr std::string_view kSm3Oid = "1.2.156.10197.1.401";
inline constexpr std::string_view kProviderName = "RescueCert";
inline constexpr std::string_view kProviderVersion = "0.1.0";

// CustomData names the writer puts in OFD.xml beside the certificate fields.
inline constexpr std::string_view kSignedAtField = "签名时间";
inline constexpr std::string_view kSignerField = "签名公钥指纹";

struct FileReference {
  std::string path;         // package path without the leading "/"
  std::string check_value;  // base64 SM3 of the file's bytes
};

// base64(SM3(bytes)), the CheckValue of a Reference.
std::string sm3_base64(std::string_view bytes);

// "20261128093000Z" (UTC), the SignatureDateTime and the 签名时间 CustomData.
std::string signature_date_time(std::chrono::system_clock::time_point t);

// Signatures.xml: one signature, ID 1, pointing at kSignaturePath.
std::string signatures_xml();

// Signature.xml exactly as the writer emits it.
std::string signature_xml(const std::vector<FileReference>& refs, std::string_view date_time);

}  // namespace rc::cert
