#include "cert/ofd_package.h"

#include <charconv>
#include <memory>

namespace rc::cert {

OfdPackage::OfdPackage(std::vector<ZipEntry> entries) {
  for (auto& e : entries) files_.emplace(std::move(e.name), std::move(e.data));
}

std::vector<std::string> OfdPackage::paths() const {
  std::vector<std::string> out;
  out.reserve(files_.size());
  for (const auto& [p, _] : files_) out.push_back(p);
  return out;
}

std::string directory_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

std::optional<std::string> resolve_path(std::string_view from, std::string_view ref) {
  while (!ref.empty() && (ref.front() == ' ' || ref.front() == '\n' || ref.front() == '\t')) ref.remove_prefix(1);
  while (!ref.empty() && (ref.back() == ' ' || ref.back() == '\n' || ref.back() == '\t')) ref.remove_suffix(1);
  if (ref.empty() || ref.find('\\') != std::string_view::npos) return std::nullopt;
  std::string joined = ref.front() == '/' ? std::string(ref.substr(1)) : directory_of(from) + std::string(ref);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    const std::string seg = joined.substr(start, end - start);
    if (seg == "..") return std::nullopt;  // never needed by a sane package; refusing it keeps paths unique
    if (!seg.empty() && seg != ".") parts.push_back(seg);
    start = end + 1;
  }
  if (parts.empty()) return std::nullopt;
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

Result<pugi::xml_document> parse_xml(const OfdPackage& package, const std::string& path) {
  pugi::xml_document doc;
  const std::string& bytes = package.bytes(path);
  const auto r = doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r) return fail(make_error(ErrorCode::kOfdMalformed, path, path + " 不是有效的 XML：" + r.description()));
  if (!doc.document_element()) return fail(make_error(ErrorCode::kOfdMalformed, path, path + " 没有根元素"));
  return doc;
}

std::string_view local_name(const pugi::xml_node& n) {
  std::string_view name = n.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c) == local) return c;
  return {};
}

std::vector<pugi::xml_node> children(const pugi::xml_node& n, std::string_view local) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c) == local) out.push_back(c);
  return out;
}

std::string text_of(const pugi::xml_node& n) {
  std::string_view t = n.child_value();
  while (!t.empty() && (t.front() == ' ' || t.front() == '\n' || t.front() == '\r' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\r' || t.back() == '\t')) t.remove_suffix(1);
  return std::string(t);
}

std::optional<unsigned long> parse_id(std::string_view s) {
  unsigned long v = 0;
  if (s.empty() || s.size() > 10) return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v > 0xffffffffUL) return std::nullopt;
  return v;
}

}  // namespace rc::cert
