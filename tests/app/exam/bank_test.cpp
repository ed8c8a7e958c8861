// The question bank in the store (F8, F9, V009) on both backends: the shipped demo bank loaded
// once, papers drawn from the store's reviewed items with the versions they use recorded, an
// edit of a version a sealed paper uses refused (bank.item_locked) while a new version is
// allowed, import all or nothing with every problem named by row and column, export then import
// changing nothing, the shortfall refusal naming the area, and the item analysis of a sitting's
// marked attempts (F11).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "app/config.h"
#include "app/exam/answer_journal.h"
#include "app/exam/bank_listing.h"
#include "app/exam/edit_bank_item.h"
#include "app/exam/exam_bank.h"
#include "app/exam/export_bank_items.h"
#include "app/exam/import_bank_items.h"
#include "app/exam/sitting_item_analysis.h"
#include "exam/item_json.h"
#include "exam/item_row.h"
#include "exam_fixture.h"
#include "sheet/xlsx_reader.h"
#include "sheet/xlsx_writer.h"
#include "store/bank_item_repository.h"
#include "store/candidate_repository.h"
#include "store/registration_repository.h"
#include "store/sitting_repository.h"
#include "store/user_repository.h"

namespace rc::app::testing {
namespace {

std::size_t shipped_count() { return exam::shipped_demo_bank()->items.size(); }

class BankTest : public ExamTest {
 protected:
  void SetUp() override {
    ExamTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto id = in_tx([&](store::Transaction& tx) {
      store::User u;
      u.username = "bankadmin";
      u.role = store::Role::kAdministrator;
      u.created_at = store::testing::kT0;
      return store::UserRepository(tx).insert(u);
    });
    ASSERT_TRUE(id);
    kAdmin = Actor{*id, "bankadmin", store::Role::kAdministrator, 0};
  }
  Actor kAdmin;
  store::BankItemRow row(const std::string& code, int version) {
    auto r = db().read([&](store::Transaction& tx) { return store::BankItemRepository(tx).find_version(code, version); });
    EXPECT_TRUE(r && *r) << code;
    return r && *r ? **r : store::BankItemRow{};
  }
  std::int64_t count_items() {
    return db().read([&](store::Transaction& tx) { return store::BankItemRepository(tx).count_all(); }).value();
  }
  // The rows of the bank, as a canonical text (for "changed nothing").
  std::string bank_text() {
    auto rows = db().read([&](store::Transaction& tx) { return store::BankItemRepository(tx).list(); }).value();
    std::string out;
    for (const auto& r : rows)
      out += r.code + "/" + std::to_string(r.version) + "/" + r.status + "/" + r.digest + "/" + r.area + "/" +
             std::to_string(r.difficulty) + "/" + r.explanation + "\n";
    return out;
  }
  // An item no paper uses (the shipped bank's drafts are never drawn).
  std::string unused_code() {
    auto rows = db().read([&](store::Transaction& tx) { return store::BankItemRepository(tx).list({"", "", "draft"}); }).value();
    EXPECT_FALSE(rows.empty());
    return rows.empty() ? "" : rows.front().code;
  }
};

TEST_P(BankTest, TheShippedBankIsLoadedOnceAndPapersRecordTheVersionsTheyUse) {
  // The fixture's prepare_exam_papers found an empty store and loaded the shipped bank.
  EXPECT_EQ(count_items(), static_cast<std::int64_t>(shipped_count()));
  auto again = load_shipped_bank(db(), clock_);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(count_items(), static_cast<std::int64_t>(shipped_count()));
  for (int i = 0; i < kCandidates; ++i) {
    const auto p = paper(i);
    EXPECT_EQ(p.bank_id, kStoreBankId);
    auto uses = db().read([&](store::Transaction& tx) { return store::BankItemRepository(tx).paper_items(papers_[i].id); });
    ASSERT_TRUE(uses);
    ASSERT_EQ(uses->size(), p.questions.size());
    for (std::size_t q = 0; q < uses->size(); ++q) {
      EXPECT_EQ((*uses)[q].code, p.questions[q].item_id);
      EXPECT_EQ((*uses)[q].digest, p.questions[q].item_digest);
    }
  }
  // The candidate's view of the questions comes from the store's items.
  auto views = db().read([&](store::Transaction& tx) { return exam_question_views(tx, paper(0)); });
  ASSERT_TRUE(views) << views.error().message;
  ASSERT_EQ(views->size(), 100u);
  const auto p0 = paper(0);
  const auto& q0 = p0.questions[0];
  EXPECT_EQ((*views)[0]["stem"], row(q0.item_id, q0.item_version).stem);
}

TEST_P(BankTest, AnEditOfAVersionInASealedPaperIsRefusedAndANewVersionIsAllowed) {
  const auto p0 = paper(0);
  const auto& q = p0.questions[0];
  const auto used = row(q.item_id, q.item_version);
  auto item = item_of(used).value();
  item.stem += "（改）";
  auto edit = edit_bank_item(db(), clock_, kAdmin, used.id, item);
  ASSERT_FALSE(edit);
  EXPECT_EQ(edit.error().code, ErrorCode::kBankItemLocked);
  EXPECT_NE(edit.error().message.find("新建版本"), std::string::npos);
  // Even the difficulty: the version is kept as it was sealed.
  auto harder = item_of(used).value();
  harder.difficulty = harder.difficulty == 5 ? 4 : 5;
  auto tag = edit_bank_item(db(), clock_, kAdmin, used.id, harder);
  ASSERT_FALSE(tag);
  EXPECT_EQ(tag.error().code, ErrorCode::kBankItemLocked);
  // The database refuses it too, whoever asks (V009 trigger).
  auto direct = db().transaction([&](store::Transaction& tx) {
    auto r = used;
    r.stem += "x";
    return store::BankItemRepository(tx).update(r);
  });
  ASSERT_FALSE(direct);
  EXPECT_EQ(row(q.item_id, q.item_version).stem, used.stem);
  // A station user may not change the bank at all.
  const Actor station{2, "station", store::Role::kStation, 1};
  auto by_station = new_bank_item_version(db(), clock_, station, used.id, item);
  ASSERT_FALSE(by_station);
  EXPECT_EQ(by_station.error().code, ErrorCode::kForbidden);
  // A new version: a draft, the old version retired, the old content unchanged.
  auto v2 = new_bank_item_version(db(), clock_, kAdmin, used.id, item);
  ASSERT_TRUE(v2) << v2.error().message;
  const auto next = row(q.item_id, q.item_version + 1);
  EXPECT_EQ(next.id, *v2);
  EXPECT_EQ(next.status, "draft");
  EXPECT_EQ(next.stem, item.stem);
  const auto old = row(q.item_id, q.item_version);
  EXPECT_EQ(old.status, "retired");
  EXPECT_EQ(old.digest, used.digest);
  // The sealed paper still shows what it was sealed over.
  auto views = db().read([&](store::Transaction& tx) { return exam_question_views(tx, paper(0)); });
  ASSERT_TRUE(views) << views.error().message;
  EXPECT_EQ((*views)[0]["stem"], used.stem);
  // Reviewing the new version is allowed; bringing the old one back is not (one live version).
  ASSERT_TRUE(set_bank_item_status(db(), clock_, kAdmin, *v2, exam::ReviewStatus::kReviewed));
  auto back = set_bank_item_status(db(), clock_, kAdmin, used.id, exam::ReviewStatus::kReviewed);
  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().code, ErrorCode::kConflict);
}

TEST_P(BankTest, AVersionNoPaperUsesIsEditedInPlace) {
  const auto before = row(unused_code(), 1);
  auto item = item_of(before).value();
  item.stem += "（修订）";
  auto edit = edit_bank_item(db(), clock_, kAdmin, before.id, item);
  ASSERT_TRUE(edit) << edit.error().message;
  const auto after = row(before.code, 1);
  EXPECT_EQ(after.stem, item.stem);
  EXPECT_NE(after.digest, before.digest);
  EXPECT_EQ(after.updated_by, kAdmin.user_id);
}

// A 题库 workbook with the exporter's columns and these rows.
std::string workbook(const std::vector<std::array<std::string, exam::kItemColumnCount>>& rows) {
  sheet::WorkbookSpec spec;
  for (const auto& c : exam::item_columns()) spec.columns.push_back({std::string(c.title), 12, true, {}});
  for (const auto& r : rows) spec.rows.emplace_back(r.begin(), r.end());
  return sheet::write_xlsx(spec).value();
}

TEST_P(BankTest, AnImportWithABadRowChangesNothingAndNamesEveryProblem) {
  const std::string before = bank_text();
  exam::Item good;
  good.id = "SC-NEW-001";
  good.kind = exam::ItemKind::kSingleChoice;
  good.area = exam::KnowledgeArea::kFirstAid;
  good.stem = "成人胸外按压的频率应为每分钟多少次？";
  good.options = {"60-80 次", "80-100 次", "100-120 次", "120-140 次"};
  good.key = 2;
  auto bad = exam::item_to_row(good);
  bad[static_cast<std::size_t>(exam::ItemColumn::kId)] = "SC-NEW-002";
  bad[static_cast<std::size_t>(exam::ItemColumn::kAnswer)] = "E";
  bad[static_cast<std::size_t>(exam::ItemColumn::kArea)] = "天文";
  auto result = import_bank_items(db(), clock_, kAdmin, workbook({exam::item_to_row(good), bad}), BankFileFormat::kXlsx);
  ASSERT_FALSE(result);
  const auto& errors = result.error().errors;
  ASSERT_EQ(errors.size(), 2u);
  std::set<std::string> cells;
  for (const auto& e : errors) {
    EXPECT_EQ(e.row, 3);  // the header is row 1
    EXPECT_NE(e.message.find("第 3 行"), std::string::npos) << e.message;
    cells.insert(e.column);
  }
  EXPECT_EQ(cells, (std::set<std::string>{"答案", "知识领域"}));
  // The good row was not imported either.
  EXPECT_EQ(bank_text(), before);
  // The same file without the bad row goes in.
  auto fixed = import_bank_items(db(), clock_, kAdmin, workbook({exam::item_to_row(good)}), BankFileFormat::kXlsx);
  ASSERT_TRUE(fixed) << fixed.error().summary().message;
  EXPECT_EQ(fixed->added, 1);
  EXPECT_EQ(row("SC-NEW-001", 1).status, "draft");  // 审核状态 empty: imported items are reviewed here
}

TEST_P(BankTest, AJsonImportNamesEveryBadItem) {
  auto doc = *exam::shipped_demo_bank();
  doc.items.resize(5);
  auto text = exam::bank_to_json(doc);
  text["items"][1]["difficulty"] = 9;
  text["items"][3]["answer"] = "E";
  const std::string before = bank_text();
  auto result = import_bank_items(db(), clock_, kAdmin, text.dump(), BankFileFormat::kJson);
  ASSERT_FALSE(result);
  const auto& errors = result.error().errors;
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].column, "items[1].difficulty");
  EXPECT_EQ(errors[1].column, "items[3].answer");
  for (const auto& e : errors) EXPECT_NE(e.message.find("「items["), std::string::npos) << e.message;
  EXPECT_EQ(bank_text(), before);
  // Malformed JSON: one problem naming the byte.
  auto broken = import_bank_items(db(), clock_, kAdmin, "{\"id\": ", BankFileFormat::kJson);
  ASSERT_FALSE(broken);
  ASSERT_EQ(broken.error().errors.size(), 1u);
  EXPECT_EQ(broken.error().errors[0].code, ErrorCode::kMalformedJson);
}

TEST_P(BankTest, AnImportChangingASealedVersionIsRefused) {
  const auto p0 = paper(0);
  const auto& q = p0.questions[0];
  auto item = item_of(row(q.item_id, q.item_version)).value();
  item.stem += "（改）";
  exam::BankDocument doc{"file", "导入", {}, {item}};
  const std::string before = bank_text();
  auto result = import_bank_items(db(), clock_, kAdmin, exam::bank_to_json(doc).dump(), BankFileFormat::kJson);
  ASSERT_FALSE(result);
  ASSERT_EQ(result.error().errors.size(), 1u);
  EXPECT_EQ(result.error().errors[0].code, ErrorCode::kBankItemLocked);
  EXPECT_EQ(bank_text(), before);
  // As the next version it goes in, and the sealed version is retired.
  item.version += 1;
  item.status = exam::ReviewStatus::kReviewed;
  exam::BankDocument next{"file", "导入", {}, {item}};
  auto ok = import_bank_items(db(), clock_, kAdmin, exam::bank_to_json(next).dump(), BankFileFormat::kJson);
  ASSERT_TRUE(ok) << ok.error().summary().message;
  EXPECT_EQ(ok->added, 1);
  EXPECT_EQ(ok->retired, 1);
  EXPECT_EQ(row(q.item_id, q.item_version).status, "retired");
  EXPECT_EQ(row(q.item_id, q.item_version + 1).status, "reviewed");
}

TEST_P(BankTest, AnExportImportedBackChangesNothingInEitherFormat) {
  for (auto format : {BankFileFormat::kXlsx, BankFileFormat::kJson}) {
    const std::string before = bank_text();
    auto file = export_bank_items(db(), clock_, kAdmin, format);
    ASSERT_TRUE(file) << file.error().message;
    auto back = import_bank_items(db(), clock_, kAdmin, file->bytes, format);
    ASSERT_TRUE(back) << back.error().summary().message;
    EXPECT_EQ(back->unchanged, static_cast<int>(shipped_count()));
    EXPECT_EQ(back->added + back->changed + back->retired, 0);
    EXPECT_EQ(bank_text(), before);
  }
}

TEST_P(BankTest, AnExportHoldsEveryItemAsStored) {
  // Change one unused item, export as .xlsx, and read the items back from the file.
  const auto before = row(unused_code(), 1);
  auto item = item_of(before).value();
  item.explanation = "导出测试的解析";
  ASSERT_TRUE(edit_bank_item(db(), clock_, kAdmin, before.id, item));
  const Actor station{2, "station", store::Role::kStation, 1};
  auto file = export_bank_items(db(), clock_, station, BankFileFormat::kXlsx);  // stations may export
  ASSERT_TRUE(file) << file.error().message;
  auto parsed = parse_bank_file(file->bytes, BankFileFormat::kXlsx);
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->size(), shipped_count());
  auto found = std::find_if(parsed->begin(), parsed->end(), [&](const auto& p) { return p.item.id == before.code; });
  ASSERT_NE(found, parsed->end());
  EXPECT_EQ(found->item.explanation, "导出测试的解析");
  EXPECT_EQ(bank_row_of(found->item).digest, row(before.code, 1).digest);
}

TEST_P(BankTest, AShortBankIsRefusedNamingTheAreaAndTheNumbers) {
  // Retire every reviewed 职业道德 single-choice item but one (the blueprint needs 4).
  auto ethics = db().read([&](store::Transaction& tx) {
    return store::BankItemRepository(tx).list({"ethics", "single_choice", "reviewed"});
  }).value();
  ASSERT_GT(ethics.size(), 4u);
  for (std::size_t i = 1; i < ethics.size(); ++i)
    ASSERT_TRUE(set_bank_item_status(db(), clock_, kAdmin, ethics[i].id, exam::ReviewStatus::kRetired));
  auto reg = in_tx([&](store::Transaction& tx) -> Result<store::Id> {
    auto c = store::CandidateRepository(tx).insert(store::testing::sample_candidate(90));
    if (!c) return fail(c.error());
    auto batch = store::RegistrationRepository(tx).find(registrations_[0]).value().batch_id;
    auto r = store::testing::sample_registration(*c, batch);
    r.status = store::RegistrationStatus::kApproved;
    return store::RegistrationRepository(tx).insert(r);
  });
  ASSERT_TRUE(reg);
  SeededRandom random(7);
  auto count_before = db().read([&](store::Transaction& tx) { return store::ExamPaperRepository(tx).count_for_sitting(sitting_); });
  auto prepared = prepare_exam_papers(db(), clock_, *policies_, random, sitting_, {{*reg, store::AttemptKind::kFirst}});
  ASSERT_FALSE(prepared);
  EXPECT_EQ(prepared.error().code, ErrorCode::kExamBankShortfall);
  EXPECT_EQ(prepared.error().field, "blueprint.single_choice.ethics");
  EXPECT_NE(prepared.error().message.find("「职业道德」单选题需要 4 道，已审核 1 道，缺 3 道"), std::string::npos)
      << prepared.error().message;
  auto count_after = db().read([&](store::Transaction& tx) { return store::ExamPaperRepository(tx).count_for_sitting(sitting_); });
  EXPECT_EQ(*count_after, *count_before);
  // The listing shows the same shortfall.
  auto listing = list_bank_items(db(), clock_, *policies_, kAdmin, {});
  ASSERT_TRUE(listing);
  const auto& s = listing->supply[exam::area_index(exam::KnowledgeArea::kEthics)];
  EXPECT_EQ(s.need_single_choice, 4);
  EXPECT_EQ(s.reviewed_single_choice, 1);
  EXPECT_TRUE(s.short_of_items());
}

TEST_P(BankTest, TheItemAnalysisOfASittingComesFromItsMarkedAttempts) {
  // Candidate 0 answers every question right, candidate 1 every question wrong, candidate 2 none.
  AnswerJournal journal(db(), clock_, *policies_);
  for (int who = 0; who < kCandidates; ++who) {
    const auto a = start(who);
    const auto p = paper(who);
    std::int64_t seq = 0;
    if (who < 2)
      for (std::size_t q = 0; q < p.questions.size(); ++q) {
        const int n = static_cast<int>(exam::choice_count(p.questions[q].kind));
        const int choice = who == 0 ? p.questions[q].key : (p.questions[q].key + 1) % n;
        ASSERT_TRUE(journal.save_and_wait(candidate(who), {a, static_cast<int>(q + 1), ++seq, choice}));
      }
    ASSERT_TRUE(journal.finish_and_wait(candidate(who), a, store::ExamAttemptStatus::kSubmitted));
  }
  const store::Id station_id =
      db().read([&](store::Transaction& tx) { return store::SittingRepository(tx).find(sitting_); })->station_id;
  const Actor station{2, "station", store::Role::kStation, station_id};
  auto a = sitting_item_analysis(db(), *policies_, station, sitting_, exam::AnalysisBounds{});
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->analysis.candidates, 3);
  EXPECT_DOUBLE_EQ(a->analysis.mean_score, 100.0 / 3);
  // Per item: who had it (the papers that hold it) and who was right (only candidate 0).
  std::map<std::pair<std::string, int>, std::pair<int, int>> expected;  // had, right
  for (int who = 0; who < kCandidates; ++who)
    for (const auto& q : paper(who).questions) {
      auto& e = expected[{q.item_id, q.item_version}];
      ++e.first;
      if (who == 0) ++e.second;
    }
  ASSERT_EQ(a->analysis.items.size(), expected.size());
  for (const auto& s : a->analysis.items) {
    const auto& e = expected.at({s.item_id, s.item_version});
    EXPECT_EQ(s.candidates, e.first) << s.item_id;
    EXPECT_EQ(s.correct, e.second) << s.item_id;
    EXPECT_DOUBLE_EQ(s.facility, static_cast<double>(e.second) / e.first);
    EXPECT_FALSE(a->items.at({s.item_id, s.item_version}).stem.empty());
  }
  // Another station's user may not see it; the workbook has one row per item.
  const Actor other{3, "other", store::Role::kStation, station_id + 1000};
  auto refused = sitting_item_analysis(db(), *policies_, other, sitting_, exam::AnalysisBounds{});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  auto book = item_analysis_workbook(*a);
  ASSERT_TRUE(book) << book.error().message;
  auto table = sheet::read_xlsx(*book);
  ASSERT_TRUE(table);
  EXPECT_EQ(table->rows.size(), expected.size());
}

RC_INSTANTIATE_STORE_TEST(BankTest);

// The analysis bounds come from the configuration (exam.analysis_*, percent), checked on load.
TEST(AnalysisBoundsConfig, ComeFromTheConfigurationAndAreChecked) {
  const auto no_env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  auto defaults = parse_config("", no_env);
  ASSERT_TRUE(defaults);
  EXPECT_DOUBLE_EQ(analysis_bounds(*defaults).min_facility, exam::AnalysisBounds{}.min_facility);
  EXPECT_DOUBLE_EQ(analysis_bounds(*defaults).max_facility, exam::AnalysisBounds{}.max_facility);
  auto set = parse_config(R"({"exam": {"analysis_min_facility_percent": 30, "analysis_min_discrimination_percent": 15}})",
                          [](std::string_view name) -> std::optional<std::string> {
                            if (name == "RESCUECERT_EXAM_ANALYSIS_MAX_FACILITY_PERCENT") return "90";
                            return std::nullopt;
                          });
  ASSERT_TRUE(set) << set.error().message;
  EXPECT_DOUBLE_EQ(analysis_bounds(*set).min_facility, 0.30);
  EXPECT_DOUBLE_EQ(analysis_bounds(*set).max_facility, 0.90);
  EXPECT_DOUBLE_EQ(analysis_bounds(*set).min_discrimination, 0.15);
  EXPECT_EQ(set->effective()["values"]["exam"]["analysis_min_facility_percent"], 30);
  auto bad = parse_config(R"({"exam": {"analysis_max_facility_percent": 101}})", no_env);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kBadConfig);
  auto unknown = parse_config(R"({"exam": {"analysis_bounds": 1}})", no_env);
  ASSERT_FALSE(unknown);
}

}  // namespace
}  // namespace rc::app::testing
