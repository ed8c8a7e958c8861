// Properties: any bytes and any text (SQL metacharacters included) come back exactly as stored,
// on both backends. Values are bound, never pasted into SQL, so no input can change a statement.
#include <rapidcheck.h>

#include "sample_records.h"

namespace rc::store::testing {
namespace {

class RoundTripPropertyTest : public StoreTest {};

// Text the schema accepts on both backends: no NUL (PostgreSQL text cannot hold it), any
// ASCII punctuation, quotes, backslashes, placeholders and some Chinese.
::rc::Gen<std::string> gen_text() {
  static const std::vector<std::string> pieces{"'", "\"", "\\", ";", "--", "/*", "*/", ":id", "$1", "?", "%", "_",
                                               "\n", "\t", " ", "a", "Z", "9", "张", "三", "鉴定", "（", "）"};
  return ::rc::gen::map(::rc::gen::container<std::vector<std::size_t>>(::rc::gen::inRange<std::size_t>(0, pieces.size())),
                        [](const std::vector<std::size_t>& idx) {
                          std::string s;
                          for (auto i : idx) s += pieces[i];
                          return s;
                        });
}

TEST_P(RoundTripPropertyTest, CandidatesComeBackExactly) {
  int n = 0;
  bool ok_all = ::rc::check("candidate round trip", [&] {
    Candidate c = sample_candidate(++n);
    c.name = *gen_text();
    if (c.name.empty()) c.name = "x";  // the schema requires a name
    c.phone = *gen_text();
    c.id_number_masked = *gen_text();
    c.id_number_hmac = "h" + std::to_string(n) + *gen_text();
    c.id_number_cipher = *::rc::gen::nonEmpty(::rc::gen::arbitrary<Bytes>());
    auto back = db().transaction([&](Transaction& tx) -> Result<Candidate> {
      auto id = CandidateRepository(tx).insert(c);
      if (!id) return fail(id.error());
      return CandidateRepository(tx).find(*id);
    });
    RC_ASSERT(back.has_value());
    c.id = back->id;
    RC_ASSERT(*back == c);
  });
  EXPECT_TRUE(ok_all);
}

RC_INSTANTIATE_STORE_TEST(RoundTripPropertyTest);

}  // namespace
}  // namespace rc::store::testing
