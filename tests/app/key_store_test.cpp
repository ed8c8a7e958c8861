#include "app/key_store.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <filesystem>
#include <fstream>

namespace rc::app {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("rc-keys-" + std::to_string(::getpid()) + "-" +
                                               std::to_string(reinterpret_cast<std::uintptr_t>(this)));
  ~TempDir() { fs::remove_all(path); }
};

TEST(KeyStore, InitCreatesPrivateKeysOnceAndNeverOverwrites) {
  TempDir t;
  const auto dir = (t.path / "keys").string();
  auto first = ensure_keys(dir);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->created, 4);
  EXPECT_EQ(fs::status(dir).permissions() & fs::perms::all, fs::perms::owner_all);
  EXPECT_EQ(fs::status(dir + "/id-number.key").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  auto loaded = load_keys(dir);
  ASSERT_TRUE(loaded) << loaded.error().message;

  auto second = ensure_keys(dir);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->created, 0);
  EXPECT_EQ(second->existing, 4);
  auto again = load_keys(dir);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->id_number_key, loaded->id_number_key);
  EXPECT_EQ(again->signing_private_pem, loaded->signing_private_pem);
  EXPECT_NE(loaded->id_number_key, loaded->lookup_key);
  EXPECT_NE(loaded->id_number_key, loaded->biometric_key);
}

TEST(KeyStore, SigningKeyIsSm2) {
  TempDir t;
  const auto dir = t.path.string();
  ASSERT_TRUE(ensure_keys(dir));
  auto keys = load_keys(dir);
  ASSERT_TRUE(keys);
  BIO* bio = BIO_new_mem_buf(keys->signing_private_pem.data(), static_cast<int>(keys->signing_private_pem.size()));
  EVP_PKEY* k = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  ASSERT_NE(k, nullptr);
  EXPECT_TRUE(EVP_PKEY_is_a(k, "SM2"));
  EVP_PKEY_free(k);
}

TEST(KeyStore, LoadRefusesMissingOrDamagedKeys) {
  TempDir t;
  const auto dir = t.path.string();
  auto missing = load_keys(dir);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kKeyFailure);
  ASSERT_TRUE(ensure_keys(dir));
  fs::remove(dir + "/lookup.key");
  { std::ofstream(dir + "/lookup.key") << "short"; }
  auto damaged = load_keys(dir);
  ASSERT_FALSE(damaged);
  EXPECT_NE(damaged.error().field.find("lookup.key"), std::string::npos);
}

}  // namespace
}  // namespace rc::app
