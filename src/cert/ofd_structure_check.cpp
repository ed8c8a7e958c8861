// Stage 1 and 2 of verification: OFD.xml, then the document it points at (spec/OFD.md §7.1-2).
#include <set>

#include "cert/ofd_checks.h"
#include "cert/ofd_text.h"

namespace rc::cert {
namespace {

CheckFailure failure(std::string file, std::string check, ErrorCode code, std::string message) {
  Error e = make_error(code, file, std::move(message));
  return CheckFailure{std::move(file), std::move(check), std::move(e)};
}

CheckFailure missing(const std::string& from, std::string_view ref) {
  return failure(from, "reference", ErrorCode::kOfdMissingPart, from + " 引用的部件不存在：" + std::string(ref));
}

// Resolves a reference made in `from` and requires the target to exist. `reporter` is the file
// blamed when it does not (from may be a stand-in inside a resource directory).
Checked target(const OfdPackage& p, const std::string& from, std::string_view ref, std::string* out,
               const std::string& reporter = {}) {
  auto path = resolve_path(from, ref);
  if (!path || !p.has(*path)) return missing(reporter.empty() ? from : reporter, ref);
  *out = *path;
  return std::nullopt;
}

// Everything the document declares, gathered while walking it.
struct DocumentIndex {
  std::set<unsigned long> ids;
  std::set<unsigned long> fonts;
  std::set<unsigned long> media;
  unsigned long max_unit_id = 0;
};

// Registers every ID attribute in the file: pages, layers, objects and resources share one space.
Checked collect_ids(const pugi::xml_node& root, const std::string& file, DocumentIndex& idx) {
  Checked bad;
  for_each_element(root, [&](const pugi::xml_node& n) {
    const pugi::xml_attribute a = n.attribute("ID");
    if (bad || !a) return;
    auto id = parse_id(a.value());
    if (!id || *id == 0)
      bad = failure(file, "ids", ErrorCode::kOfdMalformed, file + " 的 ID 不是正整数：" + std::string(a.value()));
    else if (!idx.ids.insert(*id).second)
      bad = failure(file, "ids", ErrorCode::kOfdMalformed, file + " 的 ID 重复：" + std::to_string(*id));
  });
  return bad;
}

Checked check_res(const OfdPackage& p, const std::string& file, DocumentIndex& idx) {
  auto doc = parse_xml(p, file);
  if (!doc) return CheckFailure{file, "xml", doc.error()};
  const pugi::xml_node res = doc->document_element();
  if (local_name(res) != "Res") return failure(file, "xml", ErrorCode::kOfdMalformed, file + " 的根元素不是 Res");
  // Resource file names are relative to BaseLoc: resolve them against a stand-in file inside it.
  const std::string base = res.attribute("BaseLoc").value();
  std::string anchor = file;
  if (!base.empty()) {
    auto inside = resolve_path(file, base + "/_");
    if (!inside) return missing(file, base);
    anchor = *inside;
  }
  if (auto f = collect_ids(res, file, idx)) return f;
  for (auto fonts : children(res, "Fonts"))
    for (auto font : children(fonts, "Font")) {
      idx.fonts.insert(parse_id(font.attribute("ID").value()).value_or(0));
      if (auto ff = child(font, "FontFile")) {
        std::string found;
        if (auto f = target(p, anchor, text_of(ff), &found, file)) return f;
      }
    }
  for (auto medias : children(res, "MultiMedias"))
    for (auto m : children(medias, "MultiMedia")) {
      idx.media.insert(parse_id(m.attribute("ID").value()).value_or(0));
      std::string found;
      if (auto f = target(p, anchor, text_of(child(m, "MediaFile")), &found, file)) return f;
    }
  return std::nullopt;
}

Checked check_text_code(const std::string& file, const pugi::xml_node& code) {
  auto cps = utf8_code_points(code.child_value());
  if (!cps) return failure(file, "xml", ErrorCode::kOfdMalformed, file + " 的 TextCode 不是有效的 UTF-8");
  const std::size_t n = cps->size();
  const pugi::xml_attribute dx = code.attribute("DeltaX");
  if (!dx) {
    if (n > 1) return failure(file, "deltax", ErrorCode::kOfdMalformed, file + " 的 TextCode 缺少 DeltaX：" + std::string(code.child_value()));
    return std::nullopt;
  }
  auto deltas = expand_delta(dx.value());
  if (!deltas || deltas->size() + 1 != n)
    return failure(file, "deltax", ErrorCode::kOfdMalformed,
                   file + " 的 DeltaX 个数与字符数不符：" + std::string(code.child_value()));
  return std::nullopt;
}

Checked check_page(const OfdPackage& p, const std::string& file, DocumentIndex& idx) {
  auto doc = parse_xml(p, file);
  if (!doc) return CheckFailure{file, "xml", doc.error()};
  const pugi::xml_node page = doc->document_element();
  if (local_name(page) != "Page") return failure(file, "xml", ErrorCode::kOfdMalformed, file + " 的根元素不是 Page");
  if (auto f = collect_ids(page, file, idx)) return f;
  Checked bad;
  for_each_element(page, [&](const pugi::xml_node& n) {
    if (bad) return;
    const auto name = local_name(n);
    if (name == "TextObject") {
      auto font = parse_id(n.attribute("Font").value());
      if (!font || !idx.fonts.count(*font))
        bad = failure(file, "font", ErrorCode::kOfdMissingPart, file + " 引用了不存在的字体：" + std::string(n.attribute("Font").value()));
    } else if (name == "ImageObject") {
      auto res = parse_id(n.attribute("ResourceID").value());
      if (!res || !idx.media.count(*res))
        bad = failure(file, "resource", ErrorCode::kOfdMissingPart,
                      file + " 引用了不存在的资源：" + std::string(n.attribute("ResourceID").value()));
    } else if (name == "TextCode") {
      bad = check_text_code(file, n);
    }
  });
  if (bad) return bad;
  return std::nullopt;
}

}  // namespace

Checked read_ofd_root(const OfdPackage& p, OfdRoot* out) {
  const std::string file = "OFD.xml";
  if (!p.has(file)) return failure(file, "reference", ErrorCode::kOfdMissingPart, "缺少入口文件 OFD.xml");
  auto doc = parse_xml(p, file);
  if (!doc) return CheckFailure{file, "xml", doc.error()};
  const pugi::xml_node ofd = doc->document_element();
  const pugi::xml_node body = child(ofd, "DocBody");
  if (local_name(ofd) != "OFD" || !body) return failure(file, "xml", ErrorCode::kOfdMalformed, "OFD.xml 缺少 OFD/DocBody");
  for (auto cd : children(child(child(body, "DocInfo"), "CustomDatas"), "CustomData"))
    out->fields.emplace(cd.attribute("Name").value(), text_of(cd));
  if (auto f = target(p, file, text_of(child(body, "DocRoot")), &out->doc_root)) return f;
  if (auto sig = child(body, "Signatures"))
    if (auto f = target(p, file, text_of(sig), &out->signatures)) return f;
  return std::nullopt;
}

Checked check_structure(const OfdPackage& p, const OfdRoot& root) {
  const std::string& file = root.doc_root;
  auto doc = parse_xml(p, file);
  if (!doc) return CheckFailure{file, "xml", doc.error()};
  const pugi::xml_node d = doc->document_element();
  const pugi::xml_node common = child(d, "CommonData");
  if (local_name(d) != "Document" || !common) return failure(file, "xml", ErrorCode::kOfdMalformed, file + " 缺少 CommonData");
  DocumentIndex idx;
  auto max_id = parse_id(text_of(child(common, "MaxUnitID")));
  if (!max_id) return failure(file, "maxunitid", ErrorCode::kOfdMalformed, file + " 的 MaxUnitID 无效");
  if (auto f = collect_ids(d, file, idx)) return f;
  for (const char* kind : {"PublicRes", "DocumentRes"})
    for (auto r : children(common, kind)) {
      std::string res;
      if (auto f = target(p, file, text_of(r), &res)) return f;
      if (auto f = check_res(p, res, idx)) return f;
    }
  const auto pages = children(child(d, "Pages"), "Page");
  if (pages.empty()) return failure(file, "xml", ErrorCode::kOfdMalformed, file + " 没有页面");
  for (auto page : pages) {
    std::string content;
    if (auto f = target(p, file, page.attribute("BaseLoc").value(), &content)) return f;
    if (auto f = check_page(p, content, idx)) return f;
  }
  if (!idx.ids.empty() && *idx.ids.rbegin() > *max_id)
    return failure(file, "maxunitid", ErrorCode::kOfdMalformed,
                   file + " 的 MaxUnitID 小于最大 ID " + std::to_string(*idx.ids.rbegin()));
  return std::nullopt;
}

}  // namespace rc::cert
