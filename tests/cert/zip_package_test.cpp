// The package writer and reader of cert/zip_package.h on their own: a round trip keeps names,
// bytes and the deflate choice; the writer refuses what the classic ZIP format cannot hold
// instead of truncating fields; the reader refuses unsafe names, duplicates and bombs.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "cert/zip_package.h"

namespace rc::cert {
namespace {

const auto kTime = std::chrono::sys_days{std::chrono::year{2026} / 11 / 29} + std::chrono::hours{3};

TEST(ZipPackage, RoundTripKeepsNamesBytesAndOrder) {
  std::vector<ZipEntry> in{{"OFD.xml", std::string(500, 'a'), true},
                           {"Doc_0/Res/photo.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(3000, '\x01'), false},
                           {"Doc_0/Pages/Page_0/Content.xml", "<x/>", true}};
  auto bytes = write_zip(in, kTime);
  ASSERT_TRUE(bytes);
  auto out = read_zip(*bytes, ZipLimits{});
  ASSERT_TRUE(out) << out.error().message;
  ASSERT_EQ(out->size(), in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    EXPECT_EQ((*out)[i].name, in[i].name);
    EXPECT_EQ((*out)[i].data, in[i].data);
  }
  EXPECT_TRUE((*out)[0].deflate);
  EXPECT_FALSE((*out)[1].deflate) << "stored as asked";
  EXPECT_FALSE((*out)[2].deflate) << "below 64 bytes deflate only adds overhead";
  EXPECT_EQ(*write_zip(in, kTime), *bytes) << "equal input, equal bytes";
}

TEST(ZipPackage, WriterRefusesWhatTheClassicFormatCannotHold) {
  std::vector<ZipEntry> many(0xffff, ZipEntry{"", "x", false});
  for (std::size_t i = 0; i < many.size(); ++i) many[i].name = "f" + std::to_string(i);
  auto too_many = write_zip(many, kTime);
  ASSERT_FALSE(too_many);
  EXPECT_EQ(too_many.error().code, ErrorCode::kTooLarge);
  auto long_name = write_zip({{std::string(70000, 'n'), "x", false}}, kTime);
  ASSERT_FALSE(long_name);
  EXPECT_EQ(long_name.error().code, ErrorCode::kTooLarge);
}

TEST(ZipPackage, ReaderRefusesUnsafeNamesDuplicatesAndBombs) {
  for (const char* name : {"../evil.xml", "/abs.xml", "a\\b.xml", "a/./b.xml", "a//b.xml"}) {
    auto bytes = write_zip({{name, "<x/>", false}}, kTime);
    ASSERT_TRUE(bytes);
    auto r = read_zip(*bytes, ZipLimits{});
    ASSERT_FALSE(r) << name;
    EXPECT_EQ(r.error().code, ErrorCode::kOfdMalformed) << name;
  }
  auto dup = write_zip({{"OFD.xml", "1", false}, {"OFD.xml", "2", false}}, kTime);
  ASSERT_TRUE(dup);
  EXPECT_FALSE(read_zip(*dup, ZipLimits{}));
  ZipLimits small;
  small.max_entry_bytes = 1000;
  auto bomb = write_zip({{"big.xml", std::string(100000, 'z'), true}}, kTime);
  ASSERT_TRUE(bomb);
  EXPECT_LT(bomb->size(), 2000u) << "it compresses well";
  auto r = read_zip(*bomb, small);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kOfdMalformed);
  EXPECT_FALSE(read_zip(std::string_view("not a zip"), ZipLimits{}));
  EXPECT_FALSE(read_zip(std::string_view(""), ZipLimits{}));
}

}  // namespace
}  // namespace rc::cert
