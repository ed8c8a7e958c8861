#include "sheet/xml_support.h"

#include <charconv>
#include <cstring>

namespace rc::sheet::xml {

std::string_view local_name(const char* qualified) {
  std::string_view n(qualified);
  const auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c.name()) == local) return c;
  return {};
}

const char* attribute(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
    if (local_name(a.name()) == local) return a.value();
  return "";
}

std::string rich_text(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view n = local_name(c.name());
    if (n == "t") out += c.child_value();
    else if (n == "r") out += child(c, "t").child_value();
  }
  return out;
}

int non_negative_int(std::string_view text) {
  int v = -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < 0) return -1;
  return v;
}

Result<void> load(pugi::xml_document& doc, std::string& text, std::string_view part) {
  const unsigned flags = pugi::parse_default | pugi::parse_doctype;
  const pugi::xml_parse_result r = doc.load_buffer_inplace(text.data(), text.size(), flags, pugi::encoding_auto);
  const std::string name(part);
  if (!r)
    return fail(ErrorCode::kSheetUnreadable, name,
                "无法读取 .xlsx 文件：" + name + " 不是有效的 XML（" + r.description() + "，位置 " +
                    std::to_string(r.offset) + "）");
  for (pugi::xml_node c = doc.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_doctype)
      return fail(ErrorCode::kSheetUnreadable, name,
                  "无法读取 .xlsx 文件：" + name + " 含有 DOCTYPE 声明，出于安全原因拒绝处理");
  if (!doc.document_element())
    return fail(ErrorCode::kSheetUnreadable, name, "无法读取 .xlsx 文件：" + name + " 没有内容");
  return ok();
}

}  // namespace rc::sheet::xml
