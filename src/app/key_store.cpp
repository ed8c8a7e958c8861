#include "app/key_store.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace rc::app {
namespace {

namespace fs = std::filesystem;

Error key_error(const std::string& file, const std::string& why) {
  return make_error(ErrorCode::kKeyFailure, file, "密钥文件 " + file + " " + why);
}

// Writes bytes to a new file with mode 0600; refuses to replace an existing file.
Result<void> write_private_file(const fs::path& p, const std::string& bytes) {
  const std::string tmp = p.string() + ".tmp";
  {
    const mode_t old = ::umask(077);
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    ::umask(old);
    if (!out) return fail(key_error(p.string(), "无法写入"));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) return fail(key_error(p.string(), "写入失败"));
  }
  fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
  std::error_code ec;
  fs::create_hard_link(tmp, p, ec);  // fails if p exists: never overwrite a key
  fs::remove(tmp);
  if (ec) return fail(key_error(p.string(), "无法创建：" + ec.message()));
  return ok();
}

Result<std::string> read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return fail(key_error(p.string(), "不存在或无法读取；请先运行 rescuecert init"));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Result<std::string> random_key_bytes() {
  std::string k(32, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(k.data()), 32) != 1)
    return fail(key_error("", "随机数生成失败"));
  return k;
}

struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};

std::string bio_string(BIO* bio) {
  char* data = nullptr;
  long n = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(n));
}

Result<std::pair<std::string, std::string>> new_sm2_pem_pair() {
  std::unique_ptr<EVP_PKEY, PkeyFree> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "SM2"));
  if (!key) return fail(key_error("signing-sm2.pem", "SM2 密钥生成失败"));
  std::unique_ptr<BIO, BioFree> priv(BIO_new(BIO_s_mem())), pub(BIO_new(BIO_s_mem()));
  if (!PEM_write_bio_PrivateKey(priv.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) ||
      !PEM_write_bio_PUBKEY(pub.get(), key.get()))
    return fail(key_error("signing-sm2.pem", "SM2 密钥编码失败"));
  return std::make_pair(bio_string(priv.get()), bio_string(pub.get()));
}

const char* kSymmetricFiles[] = {"id-number.key", "lookup.key", "biometric.key"};

}  // namespace

Result<KeyInitReport> ensure_keys(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return fail(key_error(dir, "目录无法创建：" + ec.message()));
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  KeyInitReport report;
  for (const char* name : kSymmetricFiles) {
    const fs::path p = fs::path(dir) / name;
    if (fs::exists(p)) {
      ++report.existing;
      continue;
    }
    auto bytes = random_key_bytes();
    if (!bytes) return fail(bytes.error());
    if (auto w = write_private_file(p, *bytes); !w) return fail(w.error());
    ++report.created;
  }
  const fs::path priv = fs::path(dir) / "signing-sm2.pem", pub = fs::path(dir) / "signing-sm2.pub.pem";
  if (fs::exists(priv)) {
    ++report.existing;
  } else {
    auto pair = new_sm2_pem_pair();
    if (!pair) return fail(pair.error());
    fs::remove(pub, ec);  // a public key without its private key is stale
    if (auto w = write_private_file(priv, pair->first); !w) return fail(w.error());
    if (auto w = write_private_file(pub, pair->second); !w) return fail(w.error());
    fs::permissions(pub, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read,
                    fs::perm_options::replace, ec);
    ++report.created;
  }
  return report;
}

Result<KeySet> load_keys(const std::string& dir) {
  KeySet set;
  SymmetricKey* targets[] = {&set.id_number_key, &set.lookup_key, &set.biometric_key};
  for (int i = 0; i < 3; ++i) {
    const fs::path p = fs::path(dir) / kSymmetricFiles[i];
    auto bytes = read_file(p);
    if (!bytes) return fail(bytes.error());
    if (bytes->size() != 32) return fail(key_error(p.string(), "长度应为 32 字节"));
    std::copy(bytes->begin(), bytes->end(), targets[i]->begin());
  }
  auto priv = read_file(fs::path(dir) / "signing-sm2.pem");
  if (!priv) return fail(priv.error());
  auto pub = read_file(fs::path(dir) / "signing-sm2.pub.pem");
  if (!pub) return fail(pub.error());
  set.signing_private_pem = std::move(*priv);
  set.signing_public_pem = std::move(*pub);
  return set;
}

SymmetricKey derive_key(const SymmetricKey& root, std::string_view purpose) {
  std::string message = "rescuecert/derived/";
  message.append(purpose);
  SymmetricKey out{};
  unsigned int len = 0;
  if (!HMAC(EVP_sha256(), root.data(), static_cast<int>(root.size()), reinterpret_cast<const unsigned char*>(message.data()),
            message.size(), out.data(), &len) ||
      len != out.size())
    throw std::runtime_error("HMAC-SHA256 failed");  // broken invariant
  return out;
}

}  // namespace rc::app
