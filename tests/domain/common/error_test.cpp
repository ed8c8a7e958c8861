#include "domain/common/error.h"

#include <gtest/gtest.h>

#include <set>

namespace rc {
namespace {

TEST(ErrorCodes, EveryCodeHasAUniqueStableNameAndAChineseMessage) {
  std::set<std::string_view> names;
  for (int i = 0; i <= static_cast<int>(ErrorCode::kKeyFailure); ++i) {
    const auto code = static_cast<ErrorCode>(i);
    EXPECT_TRUE(names.insert(code_name(code)).second) << code_name(code);
    EXPECT_NE(code_name(code).find('.'), std::string_view::npos) << code_name(code);
    // Chinese: at least one byte of a multi-byte UTF-8 sequence.
    const auto msg = default_message(code);
    EXPECT_TRUE(std::any_of(msg.begin(), msg.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xE0; }))
        << code_name(code);
  }
}

TEST(ErrorCodes, MakeErrorKeepsAGivenMessageOrTakesTheDefault) {
  EXPECT_EQ(make_error(ErrorCode::kIdBadChecksum, "id_number").message, default_message(ErrorCode::kIdBadChecksum));
  EXPECT_EQ(make_error(ErrorCode::kIdBadChecksum, "id_number", "校验位应为 6").message, "校验位应为 6");
  EXPECT_EQ(code_name(ErrorCode::kIdBadChecksum), "id.bad_checksum");
}

}  // namespace
}  // namespace rc
