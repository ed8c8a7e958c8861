// Log entries: checked, canonical (sorted keys, no spaces), and read back only when canonical.
#include <gtest/gtest.h>

#include "app/transparency/log_entry.h"

namespace rc::app {
namespace {

const std::string kDigest = std::string(64, 'a');

LogEntry issue() { return {"issue", "RC-DEMO-2026-000001", kDigest, "", store::Timestamp(std::chrono::milliseconds(1742004000000))}; }

TEST(LogEntry, CanonicalTextHasSortedKeysAndNoSpaces) {
  EXPECT_EQ(*canonical_log_entry(issue()),
            R"({"at":1742004000000,"certificate_number":"RC-DEMO-2026-000001","file_digest":")" + kDigest +
                R"(","kind":"issue","v":1})");
  LogEntry revoke = issue();
  revoke.kind = "revoke";
  revoke.reason = "证书信息有误";
  auto text = canonical_log_entry(revoke);
  ASSERT_TRUE(text);
  EXPECT_NE(text->find(R"("kind":"revoke","reason":"证书信息有误","v":1})"), std::string::npos) << *text;
  EXPECT_EQ(*parse_log_entry(*text), revoke);
}

TEST(LogEntry, RefusesWhatIsNotAnIssueOrARevocationOfADigest) {
  auto refused = [](LogEntry e, const char* field) {
    auto r = canonical_log_entry(e);
    ASSERT_FALSE(r) << field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidValue);
    EXPECT_EQ(r.error().field, field);
  };
  LogEntry e = issue();
  e.kind = "delete";
  refused(e, "kind");
  e = issue();
  e.certificate_number = "";
  refused(e, "certificate_number");
  e = issue();
  e.file_digest = std::string(64, 'A');  // canonical digests are lowercase
  refused(e, "file_digest");
  e = issue();
  e.reason = "not for issues";
  refused(e, "reason");
  e = issue();
  e.kind = "revoke";
  refused(e, "reason");  // a revocation says why
}

TEST(LogEntry, ParsingRefusesNonCanonicalText) {
  const std::string text = *canonical_log_entry(issue());
  EXPECT_TRUE(parse_log_entry(text));
  std::string spaced = text;
  spaced.insert(1, " ");
  EXPECT_FALSE(parse_log_entry(spaced));
  EXPECT_FALSE(parse_log_entry(R"({"v":1,"kind":"issue"})"));
  EXPECT_FALSE(parse_log_entry("not json"));
}

}  // namespace
}  // namespace rc::app
