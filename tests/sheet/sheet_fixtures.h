#pragma once
// Builders of .xlsx bytes for the sheet tests: a zip written with libzip from (name, content)
// pairs, so hostile files can be crafted part by part, and a minimal valid workbook around a
// given sheet XML.

#include <zip.h>

#include <string>
#include <utility>
#include <vector>

namespace rc::sheet::testing {

using Entries = std::vector<std::pair<std::string, std::string>>;

inline std::string make_zip(const Entries& entries) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  for (const auto& [name, content] : entries) {
    zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
    zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8);
  }
  zip_close(z);
  std::string out;
  if (zip_source_open(src) == 0) {
    zip_source_seek(src, 0, SEEK_END);
    out.resize(static_cast<std::size_t>(zip_source_tell(src)));
    zip_source_seek(src, 0, SEEK_SET);
    zip_source_read(src, out.data(), out.size());
    zip_source_close(src);
  }
  zip_source_free(src);
  zip_error_fini(&err);
  return out;
}

inline const char* kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="报名信息表" sheetId="1" r:id="rId1"/></sheets></workbook>)";

inline const char* kRels =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/></Relationships>)";

// <sheetData> content wrapped into a worksheet.
inline std::string sheet_xml(const std::string& rows, const std::string& before = "") {
  return R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
         before + "<sheetData>" + rows + "</sheetData></worksheet>";
}

// A workbook of one sheet; shared strings and styles only when given.
inline std::string make_xlsx(const std::string& sheet, const std::string& shared = "", const std::string& styles = "",
                             const std::string& workbook = kWorkbook) {
  Entries e{{"xl/workbook.xml", workbook}, {"xl/_rels/workbook.xml.rels", kRels}, {"xl/worksheets/sheet1.xml", sheet}};
  if (!shared.empty()) e.emplace_back("xl/sharedStrings.xml", shared);
  if (!styles.empty()) e.emplace_back("xl/styles.xml", styles);
  return make_zip(e);
}

inline std::string shared_strings(const std::vector<std::string>& items) {
  std::string x = R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
  for (const auto& s : items) x += "<si><t>" + s + "</t></si>";
  return x + "</sst>";
}

}  // namespace rc::sheet::testing
