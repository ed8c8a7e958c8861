#include "sheet/xlsx_package.h"

#include <cstring>
#include <map>

#include "sheet/excel_number.h"
#include "sheet/xml_support.h"

namespace rc::sheet {
namespace {

Error unreadable(std::string detail) {
  return make_error(ErrorCode::kSheetUnreadable, "file",
                    "无法读取 .xlsx 文件：" + std::move(detail) + "。请用 Excel 或 WPS 打开后另存为 .xlsx 再上传");
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

struct WorkbookRels {
  std::map<std::string, std::string, std::less<>> targets;  // Id -> part path
  std::string shared_strings = "xl/sharedStrings.xml";
  std::string styles = "xl/styles.xml";
};

Result<WorkbookRels> load_rels(ZipArchive& zip) {
  WorkbookRels rels;
  auto text = zip.read("xl/_rels/workbook.xml.rels");
  if (!text) {
    if (text.error().code == ErrorCode::kNotFound) return fail(unreadable("缺少 xl/_rels/workbook.xml.rels"));
    return fail(text.error());
  }
  pugi::xml_document doc;
  if (auto r = xml::load(doc, *text, "xl/_rels/workbook.xml.rels"); !r) return fail(r.error());
  for (pugi::xml_node n = doc.document_element().first_child(); n; n = n.next_sibling()) {
    if (xml::local_name(n.name()) != "Relationship") continue;
    const std::string target = resolve_part("xl", xml::attribute(n, "Target"));
    const std::string_view type = xml::attribute(n, "Type");
    rels.targets.emplace(xml::attribute(n, "Id"), target);
    if (ends_with(type, "/sharedStrings")) rels.shared_strings = target;
    if (ends_with(type, "/styles")) rels.styles = target;
  }
  return rels;
}

Result<void> load_workbook(ZipArchive& zip, const WorkbookRels& rels, XlsxPackage& pkg) {
  auto text = zip.read("xl/workbook.xml");
  if (!text) {
    if (text.error().code == ErrorCode::kNotFound) return fail(unreadable("缺少 xl/workbook.xml"));
    return fail(text.error());
  }
  pugi::xml_document doc;
  if (auto r = xml::load(doc, *text, "xl/workbook.xml"); !r) return r;
  const pugi::xml_node wb = doc.document_element();
  const std::string_view d1904 = xml::attribute(xml::child(wb, "workbookPr"), "date1904");
  pkg.date1904 = d1904 == "1" || d1904 == "true";
  const pugi::xml_node first = xml::child(xml::child(wb, "sheets"), "sheet");
  if (!first) return fail(unreadable("工作簿中没有工作表"));
  const auto it = rels.targets.find(std::string_view(xml::attribute(first, "id")));
  if (it == rels.targets.end()) return fail(unreadable("找不到第一个工作表的位置"));
  pkg.sheet_path = it->second;
  return ok();
}

Result<void> load_shared_strings(ZipArchive& zip, const std::string& path, XlsxPackage& pkg) {
  if (!zip.contains(path)) return ok();
  auto text = zip.read(path);
  if (!text) return fail(text.error());
  pugi::xml_document doc;
  if (auto r = xml::load(doc, *text, path); !r) return r;
  for (pugi::xml_node si = doc.document_element().first_child(); si; si = si.next_sibling())
    if (si.type() == pugi::node_element && xml::local_name(si.name()) == "si") pkg.shared_strings.push_back(xml::rich_text(si));
  return ok();
}

Result<void> load_styles(ZipArchive& zip, const std::string& path, XlsxPackage& pkg) {
  if (!zip.contains(path)) return ok();
  auto text = zip.read(path);
  if (!text) return fail(text.error());
  pugi::xml_document doc;
  if (auto r = xml::load(doc, *text, path); !r) return r;
  const pugi::xml_node root = doc.document_element();
  std::map<int, std::string> custom;
  for (pugi::xml_node f = xml::child(root, "numFmts").first_child(); f; f = f.next_sibling())
    custom[xml::non_negative_int(xml::attribute(f, "numFmtId"))] = xml::attribute(f, "formatCode");
  for (pugi::xml_node xf = xml::child(root, "cellXfs").first_child(); xf; xf = xf.next_sibling()) {
    if (xf.type() != pugi::node_element) continue;
    const int id = xml::non_negative_int(xml::attribute(xf, "numFmtId"));
    const auto c = custom.find(id);
    pkg.date_styles.push_back(is_date_format(id, c == custom.end() ? std::string_view() : std::string_view(c->second)));
  }
  return ok();
}

}  // namespace

std::string resolve_part(std::string_view base_dir, std::string_view target) {
  std::string joined = target.starts_with('/') ? std::string(target.substr(1))
                                               : std::string(base_dir) + "/" + std::string(target);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    const std::string seg = joined.substr(start, slash - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    start = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

Result<XlsxPackage> load_package(ZipArchive& zip) {
  XlsxPackage pkg;
  auto rels = load_rels(zip);
  if (!rels) return fail(rels.error());
  if (auto r = load_workbook(zip, *rels, pkg); !r) return fail(r.error());
  if (auto r = load_shared_strings(zip, rels->shared_strings, pkg); !r) return fail(r.error());
  if (auto r = load_styles(zip, rels->styles, pkg); !r) return fail(r.error());
  return pkg;
}

}  // namespace rc::sheet
