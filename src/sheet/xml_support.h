#pragma once
// Small helpers over pugixml for the parts of an .xlsx: element and attribute look-up by local
// name (files from some tools prefix every element, "x:row"), and a loader that refuses DOCTYPE
// (no entity games, even though pugixml expands no entities itself). Internal to rc_sheet.

#include <pugixml.hpp>

#include <string>
#include <string_view>

#include "domain/common/result.h"

namespace rc::sheet::xml {

// "row" for "x:row" and "row".
std::string_view local_name(const char* qualified);
// The first child element with this local name, or an empty node.
pugi::xml_node child(pugi::xml_node node, std::string_view local);
// The value of the first attribute with this local name ("id" matches "r:id"), or "".
const char* attribute(pugi::xml_node node, std::string_view local);
// Text of an <si> or <is> element: its <t>, or the <t> of each rich-text run <r>; phonetic
// guides (<rPh>) are left out.
std::string rich_text(pugi::xml_node node);

// A non-negative decimal integer attribute value; -1 when absent, malformed or above 2^31.
int non_negative_int(std::string_view text);

// Parses `text` in place (it must outlive `doc`); kSheetUnreadable naming `part` on malformed XML
// or a DOCTYPE.
[[nodiscard]] Result<void> load(pugi::xml_document& doc, std::string& text, std::string_view part);

}  // namespace rc::sheet::xml
