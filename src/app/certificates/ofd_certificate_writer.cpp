// The production CertificateFileWriter, the OFD writer of src/cert signing with the platform's
// SM2 key (keys_dir/signing-sm2.pem, created by `rescuecert init`), and the one-by-one default
// of CertificateFileWriter::write_many.
#include "app/certificates/certificate_services.h"
#include "cert/certificate_file.h"
#include "cert/sm2.h"

namespace rc::app {
namespace {

class OfdCertificateWriter final : public CertificateFileWriter {
 public:
  explicit OfdCertificateWriter(cert::Sm2PrivateKey key) : key_(std::move(key)) {}
  Result<std::string> write(const cert::CertificateContent& content,
                            std::chrono::system_clock::time_point signed_at) const override {
    return cert::write_certificate_ofd(content, key_, signed_at);
  }
  std::string media_type() const override { return "application/ofd"; }
  std::vector<Result<cert::CertificateFile>> write_many(std::span<const cert::CertificateContent* const> contents,
                                                        std::chrono::system_clock::time_point signed_at) const override {
    return cert::write_certificate_ofds(contents, key_, signed_at);
  }

 private:
  cert::Sm2PrivateKey key_;  // shared, immutable: safe from several signing threads
};

}  // namespace

std::vector<Result<cert::CertificateFile>> CertificateFileWriter::write_many(
    std::span<const cert::CertificateContent* const> contents, std::chrono::system_clock::time_point signed_at) const {
  std::vector<Result<cert::CertificateFile>> out;
  out.reserve(contents.size());
  for (const auto* content : contents) {
    auto file = write(*content, signed_at);
    if (!file) out.emplace_back(fail(file.error()));
    else out.emplace_back(cert::CertificateFile{*file, cert::sm3_hex(*file)});
  }
  return out;
}

Result<std::unique_ptr<CertificateFileWriter>> ofd_certificate_writer(const KeySet& keys) {
  auto key = cert::Sm2PrivateKey::from_pem(keys.signing_private_pem);
  if (!key) return fail(key.error());
  return std::unique_ptr<CertificateFileWriter>(new OfdCertificateWriter(std::move(*key)));
}

}  // namespace rc::app
