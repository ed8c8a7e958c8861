#include "app/batch_import.h"

#include <gtest/gtest.h>

#include <set>

#include "app/applicant_fields.h"
#include "app/applicant_template.h"
#include "sheet/xlsx_reader.h"

namespace rc::app {
namespace {

using Row = std::vector<std::string>;

const PolicyCatalog& catalog() {
  static const PolicyCatalog c = *PolicyCatalog::embedded();
  return c;
}

const std::vector<std::string> kHeader{"序号", "姓名",   "证件类型", "证件号码", "性别",     "出生日期",
                                       "手机号码", "申报等级", "健康声明", "工作单位", "通讯地址", "备注"};

Row good_row(std::string name = "张伟", std::string id = "511302199003071236", std::string sex = "男") {
  return {"1", std::move(name), "居民身份证", std::move(id), std::move(sex), "", "13812345678", "五级/初级工", "是",
          "南充救援培训中心", "", ""};
}

sheet::Table table_of(std::vector<Row> rows, std::vector<std::string> header = kHeader) {
  sheet::Table t;
  t.header = std::move(header);
  t.header_row_number = 1;
  for (std::size_t i = 0; i < rows.size(); ++i) t.row_numbers.push_back(static_cast<int>(i) + 2);
  t.rows = std::move(rows);
  return t;
}

ImportContext context(CivilDate on = *CivilDate::parse("2026-03-01")) { return ImportContext{on, 5, catalog(), {}}; }

// "row/column/code" of every error, for compact assertions.
std::multiset<std::string> findings(const ImportResult& r) {
  std::multiset<std::string> out;
  if (r) return out;
  for (const auto& e : r.error().errors) out.insert(std::to_string(e.row) + "/" + e.column + "/" + std::string(code_name(e.code)));
  return out;
}

const ImportError* find(const ImportResult& r, int row, std::string_view column) {
  for (const auto& e : r.error().errors)
    if (e.row == row && e.column == column) return &e;
  return nullptr;
}

TEST(BatchImport, ValidRowsBecomeTypedApplicants) {
  auto r = validate_applicants(table_of({good_row(), good_row("王芳", "511303198511202468", "女")}), context());
  ASSERT_TRUE(r) << r.error().summary().message;
  EXPECT_EQ(r->policy_id, "policy-2025");
  ASSERT_EQ(r->applicants.size(), 2u);
  const ApplicantRecord& a = r->applicants[0];
  EXPECT_EQ(a.row, 2);
  EXPECT_EQ(a.name, "张伟");
  EXPECT_EQ(a.id.normalized, "511302199003071236");
  EXPECT_EQ(a.birth_date.to_string(), "1990-03-07");
  EXPECT_EQ(a.sex, identity::Sex::kMale);
  EXPECT_EQ(a.mobile, "13812345678");
  EXPECT_EQ(a.level_code, 5);
  EXPECT_TRUE(a.health_declared);
  EXPECT_FALSE(a.manual_review);
  EXPECT_EQ(a.employer, "南充救援培训中心");
  EXPECT_EQ(r->applicants[1].sex, identity::Sex::kFemale);
}

TEST(BatchImport, HeaderIsOrderFreeAndTolerant) {
  const std::vector<std::string> header{" 健康声明 ", "＊姓　名", "身份证号码（必填）", "性别", "手机号", "备注"};
  auto r = validate_applicants(table_of({{"是", "张伟", "511302199003071236", "男", "１３８ １２３４ ５６７８", ""}}, header), context());
  ASSERT_TRUE(r) << r.error().summary().message;
  EXPECT_EQ(r->applicants[0].mobile, "13812345678");
  EXPECT_EQ(r->applicants[0].id.type, identity::DocumentType::kResidentId);  // detected
}

TEST(BatchImport, UnknownDuplicatedAndMissingColumnsAreAllReported) {
  const std::vector<std::string> header{"姓名", "证件号码", "爱好", "姓名"};
  auto r = validate_applicants(table_of({{"张伟", "511302199003071236", "x", "y"}}, header), context());
  ASSERT_FALSE(r);
  EXPECT_EQ(findings(r), (std::multiset<std::string>{"1//sheet.unknown_column", "1/姓名/sheet.unknown_column",
                                                     "1/性别/sheet.missing_column", "1/手机号码/sheet.missing_column",
                                                     "1/健康声明/sheet.missing_column"}));
  EXPECT_NE(r.error().errors[0].message.find("爱好"), std::string::npos);
  EXPECT_EQ(r.error().errors[0].cell, "C1");
}

TEST(BatchImport, EveryRuleOnItsOwnRowAndAllErrorsTogether) {
  std::vector<Row> rows;
  rows.push_back(good_row("<script>alert(1)</script>"));                 // 2 name
  rows.push_back(good_row("张伟", "511302199003071230"));                 // 3 checksum
  rows.push_back(good_row("张伟", "511302900307123"));                    // 4 legacy 15
  rows.push_back(good_row("王芳", "511303198511202468", "男"));           // 5 sex mismatch
  rows.push_back(good_row("李娜", "511302201006150423", "女"));           // 6 under 18
  rows.push_back(good_row("赵强", "511322199506151356"));                 // 7 health 否
  rows.back()[8] = "否";
  rows.push_back(good_row("钱明", "511381199208180191"));                 // 8 bad phone
  rows.back()[6] = "12345678901";
  rows.push_back(good_row("孙丽", "511325198812313602", "女"));           // 9 birth date mismatch
  rows.back()[5] = "1988-12-30";
  rows.push_back(good_row("周杰", "51130219870512019X"));                 // 10 other level
  rows.back()[7] = "四级";
  rows.push_back(good_row("吴", "511302199003071236", "未知"));           // 11 short name, bad sex
  rows.push_back(good_row("郑红", "E12345678", "女"));                    // 12 passport without birth date
  rows.back()[2] = "护照";
  rows.push_back(good_row("冯军", "510107199911115556"));                 // 13 health empty, doc type unknown
  rows.back()[8] = "";
  rows.back()[2] = "驾驶证";
  auto r = validate_applicants(table_of(rows), context());
  ASSERT_FALSE(r);
  EXPECT_EQ(findings(r), (std::multiset<std::string>{
                             "2/姓名/applicant.bad_name", "3/证件号码/id.bad_checksum", "4/证件号码/id.legacy_15",
                             "5/性别/applicant.id_mismatch", "6/证件号码/eligibility.under_age",
                             "7/健康声明/eligibility.health_not_declared", "8/手机号码/applicant.bad_phone",
                             "9/出生日期/applicant.id_mismatch", "10/申报等级/input.invalid_value",
                             "11/姓名/applicant.bad_name", "11/性别/input.invalid_value",
                             "12/出生日期/input.missing_field", "13/证件类型/input.unknown_value",
                             "13/健康声明/input.missing_field"}));
  const ImportError* legacy = find(r, 4, "证件号码");
  ASSERT_NE(legacy, nullptr);
  EXPECT_NE(legacy->message.find("511302199003071236"), std::string::npos) << legacy->message;
  EXPECT_EQ(legacy->cell, "D4");
  EXPECT_EQ(legacy->rule, "D16");
  EXPECT_TRUE(legacy->message.starts_with("第 4 行「证件号码」（D4）：")) << legacy->message;
  const ImportError* age = find(r, 6, "证件号码");
  EXPECT_NE(age->message.find("18"), std::string::npos);
  EXPECT_EQ(age->rule, "R2");
  const Error summary = r.error().summary();
  EXPECT_NE(summary.message.find("共发现 14 处问题"), std::string::npos) << summary.message;
}

TEST(BatchImport, AgeBoundaryAndThePolicyInForce) {
  // 18 on exactly 2026-03-01 (DOMAIN.md 2.1), refused the day before.
  auto row = good_row("马超", "511302200803010111");
  EXPECT_TRUE(validate_applicants(table_of({row}), context()));
  auto before = validate_applicants(table_of({row}), context(*CivilDate::parse("2026-02-28")));
  EXPECT_EQ(findings(before), (std::multiset<std::string>{"2/证件号码/eligibility.under_age"}));
  auto later = validate_applicants(table_of({row}), context(*CivilDate::parse("2026-09-01")));
  ASSERT_TRUE(later);
  EXPECT_EQ(later->policy_id, "policy-2026-09");  // D18
  auto none = validate_applicants(table_of({row}), context(*CivilDate::parse("2000-01-01")));
  EXPECT_EQ(findings(none), (std::multiset<std::string>{"0//policy.none_in_force"}));
}

TEST(BatchImport, ClosedLevelForTheBatch) {
  ImportContext ctx = context();
  ctx.level_code = 4;
  auto r = validate_applicants(table_of({good_row()}), ctx);
  EXPECT_EQ(findings(r), (std::multiset<std::string>{"0/申报等级/eligibility.level_closed"}));
}

TEST(BatchImport, PassportsAreAcceptedForManualReview) {
  Row row = good_row("John Smith", "E12345678");
  row[2] = "护照";
  row[5] = "1990/3/7";
  auto r = validate_applicants(table_of({row}), context());
  ASSERT_TRUE(r) << r.error().summary().message;
  const ApplicantRecord& a = r->applicants[0];
  EXPECT_TRUE(a.manual_review);
  EXPECT_EQ(a.birth_date.to_string(), "1990-03-07");
  EXPECT_EQ(a.id.type, identity::DocumentType::kPassport);
  EXPECT_FALSE(a.warnings.empty());
}

TEST(BatchImport, DuplicatesWithinTheFileAndAcrossBatches) {
  std::vector<std::pair<std::string, std::string>> asked;
  ImportContext ctx = context();
  ctx.already_registered = [&](std::string_view type, std::string_view id) {
    asked.emplace_back(type, id);
    return id == "511303198511202468";
  };
  auto r = validate_applicants(table_of({good_row(), good_row("王芳", "511303198511202468", "女"),
                                         good_row("张伟", "511302199003071236")}),
                               ctx);
  EXPECT_EQ(findings(r), (std::multiset<std::string>{"3/证件号码/applicant.already_registered",
                                                     "4/证件号码/applicant.duplicate_in_file"}));
  EXPECT_NE(find(r, 4, "证件号码")->message.find("第 2 行"), std::string::npos);
  EXPECT_EQ(find(r, 3, "证件号码")->message.find("511303198511202468"), std::string::npos);  // masked
  EXPECT_EQ(asked, (std::vector<std::pair<std::string, std::string>>{{"resident_id", "511302199003071236"},
                                                                     {"resident_id", "511303198511202468"}}));
}

TEST(BatchImport, AllOrNothing) {
  auto r = validate_applicants(table_of({good_row(), good_row("王芳", "511303198511202468", "男")}), context());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errors.size(), 1u);
}

TEST(BatchImport, MetacharactersAndMarkupAreKeptInertAsPlainText) {
  Row row = good_row("O'Brien-Li");
  row[9] = "Robert'); DROP TABLE candidates;--";
  row[10] = "<script>alert('x')</script>";
  row[11] = "\" OR 1=1 -- & <b>";
  auto r = validate_applicants(table_of({row}), context());
  ASSERT_TRUE(r) << r.error().summary().message;
  EXPECT_EQ(r->applicants[0].name, "O'Brien-Li");
  EXPECT_EQ(r->applicants[0].employer, "Robert'); DROP TABLE candidates;--");
  EXPECT_EQ(r->applicants[0].address, "<script>alert('x')</script>");
  EXPECT_EQ(r->applicants[0].remarks, "\" OR 1=1 -- & <b>");
}

TEST(BatchImport, ReaderCellErrorsStrayCellsAndBlankRows) {
  sheet::Table t = table_of({good_row(), {"2"}, good_row("王芳", "", "女")});
  t.rows[2].push_back("");
  t.rows[2].push_back("stray");  // column M: no header
  t.cell_errors.push_back({4, 3, make_error(ErrorCode::kSheetBadCell, "D4", "第 4 行 D 列：这是超过 15 位的数字")});
  auto r = validate_applicants(t, context());
  EXPECT_EQ(findings(r), (std::multiset<std::string>{"4/证件号码/sheet.bad_cell", "4//sheet.unknown_column"}));
  EXPECT_EQ(find(r, 4, "证件号码")->message, "第 4 行「证件号码」（D4）：这是超过 15 位的数字");
}

TEST(BatchImport, EmptySheets) {
  EXPECT_EQ(findings(validate_applicants(table_of({}), context())), (std::multiset<std::string>{"0//sheet.empty"}));
  EXPECT_EQ(findings(validate_applicants(table_of({{"1"}, {"2"}}), context())),
            (std::multiset<std::string>{"0//sheet.empty"}));
}

TEST(BatchImport, TemplateRoundTripAndExamplesRefused) {
  auto bytes = applicant_template_xlsx();
  ASSERT_TRUE(bytes) << bytes.error().message;
  auto table = sheet::read_xlsx(*bytes);
  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(table->header, applicant_template_rows().header);
  EXPECT_EQ(table->rows, applicant_template_rows().rows);
  auto r = validate_applicants(*table, context());
  EXPECT_EQ(findings(r), (std::multiset<std::string>{"2//input.invalid_value", "3//input.invalid_value"}));
  EXPECT_GE(applicant_template_instructions().size(), 12u);
}

TEST(BatchImport, FromBytesCsvAndRefusedFiles) {
  const std::string csv =
      "\xEF\xBB\xBF姓名,证件号码,性别,手机号码,健康声明\r\n张伟,511302199003071236,男,13812345678,是\r\n";
  ASSERT_EQ(detect_sheet_format(csv), SheetFormat::kCsv);
  auto r = import_applicants(csv, SheetFormat::kCsv, context());
  ASSERT_TRUE(r) << r.error().summary().message;
  EXPECT_EQ(r->applicants.size(), 1u);
  auto bad = import_applicants("PK\x03\x04garbage", SheetFormat::kXlsx, context());
  EXPECT_EQ(findings(bad), (std::multiset<std::string>{"0//sheet.unreadable"}));
}

TEST(ApplicantFields, Names) {
  EXPECT_EQ(*parse_person_name(" 买买提・艾力 "), "买买提·艾力");
  EXPECT_EQ(*parse_person_name("Anna   Müller"), "Anna Müller");
  EXPECT_EQ(*parse_person_name("欧阳娜娜"), "欧阳娜娜");
  for (const char* bad : {"", "张", "张三1", "张三;", "·张三", "张··三", "a\x01" "b", "<b>李</b>"})
    EXPECT_FALSE(parse_person_name(bad)) << bad;
  EXPECT_FALSE(parse_person_name(std::string(31 * 3, 'a')));
}

TEST(ApplicantFields, MobileDatesAndDocumentTypes) {
  EXPECT_EQ(*parse_mobile("+86 138-1234-5678"), "13812345678");
  EXPECT_EQ(*parse_mobile("8613812345678"), "13812345678");
  for (const char* bad : {"", "1381234567", "12812345678", "138123456789", "1381234567a"}) EXPECT_FALSE(parse_mobile(bad)) << bad;
  for (const char* d : {"1990-03-07", "1990/3/7", "1990.03.07", "19900307", "1990年3月7日", "１９９０-０３-０７"})
    EXPECT_EQ(parse_cell_date(d)->to_string(), "1990-03-07") << d;
  for (const char* bad : {"1990-02-30", "90-3-7", "1990-3", "1990-3-7x", "1990年3月7号", "19900230", "abc"})
    EXPECT_FALSE(parse_cell_date(bad)) << bad;
  EXPECT_EQ(**parse_document_type("身份证"), identity::DocumentType::kResidentId);
  EXPECT_EQ(**parse_document_type("passport"), identity::DocumentType::kPassport);
  EXPECT_FALSE(*parse_document_type(" "));
  EXPECT_EQ(*parse_level_cell("初级工"), 5);
  EXPECT_EQ(*parse_level_cell("五级／初级工"), 5);
  EXPECT_FALSE(parse_free_text(std::string(201, 'x'), 200));
  EXPECT_EQ(*parse_free_text(" a\nb ", 200), "a b");
}

}  // namespace
}  // namespace rc::app
