// The question bank's pages and the item analysis page over real HTTP (F8, F11): who may reach
// each route, the list with the supply per area, an edit of an unused item, an import refused as
// a whole with its problems per row and column, the exports, and the CSRF check on changes.
#include <gtest/gtest.h>

#include <regex>

#include <soci/soci.h>

#include "app/exam/answer_journal.h"
#include "app/exam/exam_bank.h"
#include "app/exam/exam_day_setup.h"
#include "app/exam/exam_paper_document.h"
#include "app/exam/start_exam_attempt.h"
#include "app/registration/actor.h"
#include "exam/item_json.h"
#include "sheet/xlsx_reader.h"
#include "store/bank_item_repository.h"
#include "store/exam_paper_repository.h"
#include "support/http_client.h"
#include "support/page_test_helpers.h"
#include "support/role_sessions.h"

namespace rc {
namespace {

using testing::http_request;
using testing::HttpResponse;
using testing::SignedIn;
using testing::url_encode;

const std::vector<store::Role> kAllRoles{store::Role::kCandidate, store::Role::kOrganisation, store::Role::kStation,
                                         store::Role::kProctor,   store::Role::kExaminer,     store::Role::kAdministrator};

bool has(const HttpResponse& r, const std::string& text) { return testing::body_has(r, text); }

class BankPagesTest : public ::testing::Test {
 protected:
  void SetUp() override { sessions_ = testing::sign_in_every_role(p_); }
  HttpResponse get(store::Role role, const std::string& path) {
    return http_request(p_.port(), "GET", path, "", "", {{"Cookie", sessions_.by_role[role].cookie}});
  }
  HttpResponse post(store::Role role, const std::string& path, const std::string& body) {
    const auto& s = sessions_.by_role[role];
    return http_request(p_.port(), "POST", path, body, "application/x-www-form-urlencoded",
                        {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}});
  }
  HttpResponse upload(store::Role role, const std::string& bytes, const std::string& filename) {
    const auto& s = sessions_.by_role[role];
    const std::string boundary = "----rc-bank-boundary-51c2";
    std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
                       "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--" + boundary + "--\r\n";
    return http_request(p_.port(), "POST", "/station/bank/import", body, "multipart/form-data; boundary=" + boundary,
                        {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}});
  }
  store::BankItemRow draft_item() {
    auto rows = p_.platform().database().read([](store::Transaction& tx) {
      return store::BankItemRepository(tx).list({"", "single_choice", "draft"});
    });
    EXPECT_TRUE(rows && !rows->empty());
    return rows && !rows->empty() ? rows->front() : store::BankItemRow{};
  }
  std::int64_t audit_count(const std::string& action) {
    return p_.platform().database().read([&](store::Transaction& tx) -> Result<std::int64_t> {
      std::int64_t n = 0;
      tx.session() << "SELECT COUNT(*) FROM audit_events WHERE action = :a", soci::use(action), soci::into(n);
      return n;
    }).value();
  }
  testing::RunningPlatform p_;
  testing::RoleSessions sessions_;
};

TEST_F(BankPagesTest, RoutesAreGuardedPerRole) {
  const std::vector<store::Role> readers{store::Role::kStation, store::Role::kAdministrator};
  const std::vector<store::Role> editors{store::Role::kAdministrator};
  const std::map<std::string, std::vector<store::Role>> expected{
      {"GET /station/bank", readers},
      {"GET /station/bank/export.xlsx", readers},
      {"GET /station/bank/export.json", readers},
      {"POST /station/bank/import", editors},
      {"GET /station/bank/items/new", editors},
      {"POST /station/bank/items", editors},
      {"GET /station/bank/items/:id(\\d+)", readers},
      {"POST /station/bank/items/:id(\\d+)", editors},
      {"POST /station/bank/items/:id(\\d+)/versions", editors},
      {"POST /station/bank/items/:id(\\d+)/status", editors},
      {"GET /station/sittings/:id(\\d+)/analysis", readers},
      {"GET /station/sittings/:id(\\d+)/analysis.xlsx", readers},
  };
  std::size_t seen = 0;
  for (const auto& r : p_.server().guarded_routes()) {
    auto it = expected.find(r.method + " " + r.path);
    if (it == expected.end()) continue;
    ++seen;
    EXPECT_FALSE(r.access.anyone) << it->first;
    for (auto role : kAllRoles) {
      const bool listed = std::find(it->second.begin(), it->second.end(), role) != it->second.end();
      EXPECT_EQ((r.access.roles & (1u << static_cast<unsigned>(role))) != 0, listed) << it->first << " " << store::to_text(role);
    }
  }
  EXPECT_EQ(seen, expected.size());
  // Over HTTP: a reader sees the list, everyone else is refused; a station user cannot change it.
  for (auto role : kAllRoles) {
    auto res = get(role, "/station/bank");
    const bool reader = role == store::Role::kStation || role == store::Role::kAdministrator;
    EXPECT_EQ(res.status, reader ? 200 : 403) << store::to_text(role);
  }
  const auto item = draft_item();
  auto by_station = post(store::Role::kStation, "/station/bank/items/" + std::to_string(item.id) + "/status", "status=reviewed");
  EXPECT_EQ(by_station.status, 403);
}

TEST_F(BankPagesTest, TheListShowsTheShippedBankAndTheSupplyPerArea) {
  auto res = get(store::Role::kAdministrator, "/station/bank");
  ASSERT_EQ(res.status, 200) << res.body;
  const auto total = exam::shipped_demo_bank()->items.size();
  EXPECT_TRUE(has(res, "<span id=\"bank-total\">" + std::to_string(total) + "</span>")) << res.body.substr(0, 2000);
  EXPECT_TRUE(has(res, "data-area=\"first_aid\""));
  EXPECT_FALSE(has(res, "id=\"supply-short\""));  // the demo bank fills the blueprint
  EXPECT_TRUE(has(res, "id=\"import-form\""));
  // Filters: the drafts only.
  auto drafts = get(store::Role::kStation, "/station/bank?status=draft");
  ASSERT_EQ(drafts.status, 200);
  EXPECT_TRUE(has(drafts, "data-status=\"draft\""));
  EXPECT_FALSE(has(drafts, "data-status=\"reviewed\""));
  EXPECT_FALSE(has(drafts, "id=\"import-form\""));  // stations read only
}

TEST_F(BankPagesTest, AnAdministratorEditsAnUnusedItemAndReviewsIt) {
  const auto item = draft_item();
  const std::string path = "/station/bank/items/" + std::to_string(item.id);
  auto page = get(store::Role::kAdministrator, path);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "id=\"save\""));
  const std::string form = "kind=single_choice&area=" + item.area + "&difficulty=2&stem=" + url_encode(item.stem + "（修订）") +
                           "&option_a=" + url_encode(item.options[0]) + "&option_b=" + url_encode(item.options[1]) +
                           "&option_c=" + url_encode(item.options[2]) + "&option_d=" + url_encode(item.options[3]) +
                           "&answer=" + std::string(1, static_cast<char>('A' + item.answer)) + "&status=draft";
  auto saved = post(store::Role::kAdministrator, path, form);
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto after = get(store::Role::kAdministrator, path);
  EXPECT_TRUE(has(after, "（修订）"));
  auto bad = post(store::Role::kAdministrator, path, "kind=single_choice&area=" + item.area + "&difficulty=9&stem=x&answer=Z");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(has(bad, "「难度」")) << bad.body.substr(0, 3000);
  auto reviewed = post(store::Role::kAdministrator, path + "/status", "status=reviewed");
  EXPECT_EQ(reviewed.status, 303);
  EXPECT_TRUE(has(get(store::Role::kAdministrator, path), "data-status=\"reviewed\""));
  EXPECT_GE(audit_count("bank_item.edit"), 1);
  EXPECT_GE(audit_count("bank_item.status"), 1);
  // Without the CSRF token: refused.
  auto no_csrf = http_request(p_.port(), "POST", path + "/status", "status=retired", "application/x-www-form-urlencoded",
                              {{"Cookie", sessions_.by_role[store::Role::kAdministrator].cookie}});
  EXPECT_EQ(no_csrf.status, 403);
}

TEST_F(BankPagesTest, ImportIsAllOrNothingAndExportsRoundTrip) {
  auto json_file = get(store::Role::kStation, "/station/bank/export.json");
  ASSERT_EQ(json_file.status, 200);
  EXPECT_NE(json_file.headers["content-disposition"].find(".json"), std::string::npos);
  auto doc = exam::parse_bank_text(json_file.body);
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->items.size(), exam::shipped_demo_bank()->items.size());
  auto xlsx = get(store::Role::kAdministrator, "/station/bank/export.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  auto table = sheet::read_xlsx(xlsx.body);
  ASSERT_TRUE(table);
  EXPECT_EQ(table->rows.size(), doc->items.size());
  // Import the export back: nothing changes.
  auto back = upload(store::Role::kAdministrator, xlsx.body, "bank.xlsx");
  ASSERT_EQ(back.status, 303) << back.body.substr(0, 3000);
  EXPECT_NE(back.headers["location"].find("added=0&changed=0&unchanged=" + std::to_string(doc->items.size())), std::string::npos)
      << back.headers["location"];
  // A bad item (answer E) in an otherwise good file: refused as a whole, the problem named.
  auto bad_doc = *doc;
  bad_doc.items[0].explanation = "将被拒绝的修改";
  auto text = exam::bank_to_json(bad_doc).dump();
  const auto at = text.find("\"answer\":\"");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 11, "\"answer\":\"E");
  auto refused = upload(store::Role::kAdministrator, text, "bank.json");
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(has(refused, "id=\"import-errors\""));
  auto again = get(store::Role::kStation, "/station/bank/export.json");
  EXPECT_EQ(exam::parse_bank_text(again.body)->items[0].explanation, doc->items[0].explanation);
  // A station user may not import.
  EXPECT_EQ(upload(store::Role::kStation, xlsx.body, "bank.xlsx").status, 403);
  // Not a bank file at all.
  auto junk = upload(store::Role::kAdministrator, "hello", "bank.txt");
  EXPECT_EQ(junk.status, 415);
}

// F11 over HTTP: a sitting whose four candidates answered 100, 75, 50 and 25 questions right (in
// paper order) and submitted; the page and the workbook show the analysis of those marked attempts.
TEST_F(BankPagesTest, TheAnalysisPageShowsTheMarkedAttemptsOfASitting) {
  app::ExamDayOptions o;
  o.candidates = 4;
  o.starts_in = -std::chrono::minutes(5);
  o.label = "分析";
  auto& platform = p_.platform();
  auto day = app::set_up_exam_day(platform, o);
  ASSERT_TRUE(day) << day.error().message;
  app::AnswerJournal journal(platform.database(), platform.clock(), platform.policies());
  for (std::size_t i = 0; i < day->candidates.size(); ++i) {
    const auto& c = day->candidates[i];
    const app::Actor who{c.user_id, c.username, store::Role::kCandidate, c.candidate_id};
    auto started = app::start_exam_attempt(platform.database(), platform.clock(), platform.policies(), who, c.paper_id);
    ASSERT_TRUE(started) << started.error().message;
    auto row = platform.database().read([&](store::Transaction& tx) { return store::ExamPaperRepository(tx).find(c.paper_id); });
    auto paper = app::paper_from_json_text(row->paper_json).value();
    const std::size_t right = 100 - 25 * i;
    std::int64_t seq = 0;
    for (std::size_t q = 0; q < paper.questions.size(); ++q) {
      const auto& pq = paper.questions[q];
      const int n = static_cast<int>(exam::choice_count(pq.kind));
      const int choice = q < right ? pq.key : (pq.key + 1) % n;
      ASSERT_TRUE(journal.save_and_wait(who, {started->attempt.id, static_cast<int>(q + 1), ++seq, choice}));
    }
    ASSERT_TRUE(journal.finish_and_wait(who, started->attempt.id, store::ExamAttemptStatus::kSubmitted));
  }
  const std::string path = "/station/sittings/" + std::to_string(day->sitting_id) + "/analysis";
  auto page = get(store::Role::kAdministrator, path);
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 2000);
  EXPECT_TRUE(has(page, "<strong id=\"candidates\">4</strong>"));
  EXPECT_TRUE(has(page, "<table id=\"analysis\">"));
  EXPECT_TRUE(has(page, "（答案）"));
  EXPECT_FALSE(has(page, "<strong id=\"kr20\">—</strong>"));  // four different totals: KR-20 is defined
  auto book = get(store::Role::kAdministrator, path + ".xlsx");
  ASSERT_EQ(book.status, 200);
  auto table = sheet::read_xlsx(book.body);
  ASSERT_TRUE(table) << table.error().message;
  EXPECT_GE(table->rows.size(), 100u);  // every item of the four papers, one row each
  // The demo station's user does not see another station's sitting.
  EXPECT_EQ(get(store::Role::kStation, path).status, 403);
}

TEST_F(BankPagesTest, TheAnalysisOfAnUnknownSittingIsNotFound) {
  EXPECT_EQ(get(store::Role::kStation, "/station/sittings/999999/analysis").status, 404);
  EXPECT_EQ(get(store::Role::kCandidate, "/station/sittings/999999/analysis").status, 403);
}

}  // namespace
}  // namespace rc
