// Import of a 5,000-row 报名信息表 (issue 3 benchmark): parse + validate as .xlsx and as .csv,
// against a peer that only unzips the .xlsx and parses its sheet and shared-strings XML with
// pugixml (what any reader must do at least), so the ratio shows the cost of our reading and
// validation. Results and the command: bench/README.md, "Batch import".

#include <benchmark/benchmark.h>
#include <pugixml.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "app/applicant_columns.h"
#include "app/batch_import.h"
#include "domain/identity/id_number.h"
#include "sheet/xlsx_reader.h"
#include "sheet/xlsx_writer.h"
#include "sheet/zip_archive.h"

namespace {

constexpr int kRows = 5000;

std::vector<std::vector<std::string>> applicant_rows() {
  static const char* kSurnames[] = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"};
  static const char* kGiven[] = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰"};
  std::vector<std::vector<std::string>> rows;
  const rc::CivilDate first = *rc::CivilDate::parse("1970-01-01");
  for (int k = 0; k < kRows; ++k) {
    const rc::CivilDate birth = first.plus_days(k);
    const int seq = k % 999 + 1;
    char body[64];
    std::snprintf(body, sizeof body, "511302%04d%02u%02u%03d", birth.year(), birth.month(), birth.day(), seq);
    const std::string id = std::string(body) + rc::identity::mod11_2_check_character(body);
    char mobile[32];
    std::snprintf(mobile, sizeof mobile, "138%08d", k);
    rows.push_back({std::to_string(k + 1), std::string(kSurnames[k % 10]) + kGiven[(k / 10) % 12] + kGiven[k % 12], "居民身份证",
                    id, seq % 2 ? "男" : "女", birth.to_string(), mobile, "五级/初级工", "是", "南充应急救援培训中心",
                    "四川省南充市顺庆区人民南路" + std::to_string(k) + "号", ""});
  }
  return rows;
}

const std::string& xlsx_bytes() {
  static const std::string bytes = [] {
    rc::sheet::WorkbookSpec spec;
    spec.sheet_name = "报名信息表";
    for (const auto& c : rc::app::applicant_columns()) spec.columns.push_back({std::string(c.title), c.width, c.text, {}});
    spec.rows = applicant_rows();
    return *rc::sheet::write_xlsx(spec);
  }();
  return bytes;
}

std::string csv_field(const std::string& s) {
  return s.find_first_of(",\"\n") == std::string::npos ? s : "\"" + s + "\"";
}

const std::string& csv_bytes() {
  static const std::string bytes = [] {
    std::string out = "\xEF\xBB\xBF";
    bool first = true;
    for (const auto& c : rc::app::applicant_columns()) out += (first ? "" : ",") + std::string(c.title), first = false;
    out += "\r\n";
    for (const auto& row : applicant_rows()) {
      for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csv_field(row[i]);
      out += "\r\n";
    }
    return out;
  }();
  return bytes;
}

const rc::PolicyCatalog& catalog() {
  static const rc::PolicyCatalog c = *rc::PolicyCatalog::embedded();
  return c;
}

rc::app::ImportContext context() {
  return {*rc::CivilDate::parse("2026-03-01"), 5, catalog(), [](std::string_view, std::string_view) { return false; }};
}

void report(benchmark::State& state, std::size_t bytes) {
  state.SetItemsProcessed(state.iterations() * kRows);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

void BM_ImportXlsx5000(benchmark::State& state) {
  const auto ctx = context();
  for (auto _ : state) {
    auto r = rc::app::import_applicants(xlsx_bytes(), rc::app::SheetFormat::kXlsx, ctx);
    if (!r || r->applicants.size() != kRows) state.SkipWithError("import failed");
    benchmark::DoNotOptimize(r);
  }
  report(state, xlsx_bytes().size());
}

void BM_ImportCsv5000(benchmark::State& state) {
  const auto ctx = context();
  for (auto _ : state) {
    auto r = rc::app::import_applicants(csv_bytes(), rc::app::SheetFormat::kCsv, ctx);
    if (!r || r->applicants.size() != kRows) state.SkipWithError("import failed");
    benchmark::DoNotOptimize(r);
  }
  report(state, csv_bytes().size());
}

void BM_ReadXlsxOnly5000(benchmark::State& state) {
  for (auto _ : state) {
    auto t = rc::sheet::read_xlsx(xlsx_bytes());
    if (!t || t->rows.size() != kRows) state.SkipWithError("read failed");
    benchmark::DoNotOptimize(t);
  }
  report(state, xlsx_bytes().size());
}

// The peer: unzip the sheet and the shared strings and parse both with pugixml; nothing else.
void BM_UnzipAndParseXmlPeer5000(benchmark::State& state) {
  for (auto _ : state) {
    auto zip = rc::sheet::ZipArchive::open(xlsx_bytes(), {});
    std::size_t nodes = 0;
    for (const char* part : {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"}) {
      auto text = zip->read(part);
      pugi::xml_document doc;
      doc.load_buffer_inplace(text->data(), text->size());
      nodes += static_cast<std::size_t>(doc.document_element().first_child() ? 1 : 0);
    }
    benchmark::DoNotOptimize(nodes);
  }
  report(state, xlsx_bytes().size());
}

BENCHMARK(BM_ImportXlsx5000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportCsv5000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadXlsxOnly5000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UnzipAndParseXmlPeer5000)->Unit(benchmark::kMillisecond);

}  // namespace
