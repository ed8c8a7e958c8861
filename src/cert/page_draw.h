#pragma once
// Drawing one OFD page onto a cairo context whose user space is millimetres (page_render.h).

#include <cairo.h>

#include <map>
#include <string>

#include <pugixml.hpp>

namespace rc::cert {

struct RenderFont {
  std::string family;  // fontconfig family, e.g. "Noto Serif CJK SC"
  bool bold = false;
};

struct RenderResources {
  std::map<unsigned long, RenderFont> fonts;
  std::map<unsigned long, std::string> images;  // resource ID -> PNG bytes
  // Draw glyphs as filled outlines instead of font text. For PDF: cairo 1.16 leaks ~768 bytes per
  // embedded font on every PDF it finishes (seen with LeakSanitizer), and outlines also look the
  // same in every viewer, since no font is needed to show them.
  bool text_as_outlines = false;
};

// Maps an OFD font name (宋体, SimHei, 楷体...) to an installed family.
RenderFont substitute_font(std::string_view font_name, std::string_view family_name);

// Draws every layer of `page` (an ofd:Page element) in document order.
void draw_page(cairo_t* cr, const pugi::xml_node& page, const RenderResources& res);

}  // namespace rc::cert
