#include "cert/page_draw.h"

#include <pango/pangocairo.h>

#include <charconv>
#include <cstdint>
#include <cmath>
#include <memory>
#include <vector>

#include "cert/ofd_package.h"
#include "cert/ofd_text.h"

namespace rc::cert {
namespace {

// Upper bounds per page, so that a crafted file cannot keep the renderer busy for minutes; a real
// certificate page has a few hundred glyphs and one QR path of a few thousand tokens.
constexpr std::size_t kMaxGlyphsPerPage = 20000;
constexpr std::size_t kMaxPathTokens = 400000;

std::vector<double> numbers(std::string_view s) {
  std::vector<double> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == ',')) ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != ',') ++i;
    double v = 0;
    auto [p, ec] = std::from_chars(s.data() + start, s.data() + i, v);
    if (i > start && ec == std::errc() && std::isfinite(v)) out.push_back(v);
  }
  return out;
}

struct Colour {
  double r = 0, g = 0, b = 0, a = 1;
};

Colour colour_of(const pugi::xml_node& n, Colour fallback) {
  if (!n) return fallback;
  const auto v = numbers(n.attribute("Value").value());
  Colour c = fallback;
  if (v.size() >= 3) c = {v[0] / 255, v[1] / 255, v[2] / 255, 1};
  if (auto a = n.attribute("Alpha")) c.a = a.as_double(255) / 255;
  return c;
}

void set_colour(cairo_t* cr, Colour c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

// Moves the origin to the object's Boundary and applies its CTM; false for an unusable Boundary.
bool enter_object(cairo_t* cr, const pugi::xml_node& obj) {
  const auto b = numbers(obj.attribute("Boundary").value());
  if (b.size() != 4 || b[2] < 0 || b[3] < 0) return false;
  cairo_translate(cr, b[0], b[1]);
  // Paths and images are clipped to the Boundary as readers do (OFD.md §1.4); text is not, because
  // the substituted fonts' Latin glyphs are wider than the GB fonts' half-width ones.
  if (local_name(obj) != "TextObject") {
    cairo_rectangle(cr, 0, 0, b[2], b[3]);
    cairo_clip(cr);
  }
  const auto m = numbers(obj.attribute("CTM").value());
  if (m.size() == 6) {
    cairo_matrix_t ctm;
    cairo_matrix_init(&ctm, m[0], m[1], m[2], m[3], m[4], m[5]);
    if (cairo_matrix_invert(&ctm) != CAIRO_STATUS_SUCCESS) return false;  // singular: nothing visible
    cairo_matrix_init(&ctm, m[0], m[1], m[2], m[3], m[4], m[5]);
    cairo_transform(cr, &ctm);
  }
  return true;
}

// AbbreviatedData (OFD.md §1.4): S/M move, L line, Q quadratic, B cubic, A arc (as a line), C close.
void trace_path(cairo_t* cr, std::string_view data) {
  std::vector<std::string_view> tok;
  for (std::size_t i = 0; i < data.size();) {
    while (i < data.size() && (data[i] == ' ' || data[i] == '\n' || data[i] == '\t')) ++i;
    const std::size_t s = i;
    while (i < data.size() && data[i] != ' ' && data[i] != '\n' && data[i] != '\t') ++i;
    if (i > s) tok.push_back(data.substr(s, i - s));
    if (tok.size() > kMaxPathTokens) return;
  }
  auto num = [&](std::size_t k) {
    double v = 0;
    if (k < tok.size()) std::from_chars(tok[k].data(), tok[k].data() + tok[k].size(), v);
    return std::isfinite(v) ? v : 0.0;
  };
  for (std::size_t k = 0; k < tok.size();) {
    const std::string_view op = tok[k];
    auto need = [&](std::size_t n) { return k + n < tok.size(); };
    if ((op == "M" || op == "S") && need(2)) {
      cairo_move_to(cr, num(k + 1), num(k + 2)), k += 3;
    } else if (op == "L" && need(2)) {
      cairo_line_to(cr, num(k + 1), num(k + 2)), k += 3;
    } else if (op == "Q" && need(4) && cairo_has_current_point(cr)) {
      double x0, y0;
      cairo_get_current_point(cr, &x0, &y0);
      const double x1 = num(k + 1), y1 = num(k + 2), x2 = num(k + 3), y2 = num(k + 4);
      cairo_curve_to(cr, x0 + 2.0 / 3 * (x1 - x0), y0 + 2.0 / 3 * (y1 - y0), x2 + 2.0 / 3 * (x1 - x2),
                     y2 + 2.0 / 3 * (y1 - y2), x2, y2);
      k += 5;
    } else if (op == "B" && need(6)) {
      cairo_curve_to(cr, num(k + 1), num(k + 2), num(k + 3), num(k + 4), num(k + 5), num(k + 6)), k += 7;
    } else if (op == "A" && need(7)) {
      cairo_line_to(cr, num(k + 6), num(k + 7)), k += 8;
    } else if (op == "C") {
      cairo_close_path(cr), ++k;
    } else {
      ++k;  // unknown or truncated command: skip the token, as lenient readers do
    }
  }
}

void draw_path(cairo_t* cr, const pugi::xml_node& obj) {
  trace_path(cr, child(obj, "AbbreviatedData").child_value());
  const bool fill = obj.attribute("Fill").as_bool(false);
  const bool stroke = obj.attribute("Stroke").as_bool(true);
  cairo_set_fill_rule(cr, std::string_view(obj.attribute("Rule").value()) == "Even-Odd" ? CAIRO_FILL_RULE_EVEN_ODD
                                                                                       : CAIRO_FILL_RULE_WINDING);
  if (fill) {
    set_colour(cr, colour_of(child(obj, "FillColor"), {}));
    stroke ? cairo_fill_preserve(cr) : cairo_fill(cr);
  }
  if (stroke) {
    set_colour(cr, colour_of(child(obj, "StrokeColor"), {}));
    cairo_set_line_width(cr, obj.attribute("LineWidth").as_double(0.353));
    cairo_stroke(cr);
  }
  cairo_new_path(cr);
}

void draw_text(cairo_t* cr, const pugi::xml_node& obj, const RenderResources& res, std::size_t& glyph_budget) {
  const auto font = res.fonts.find(obj.attribute("Font").as_uint(0));
  const double size = obj.attribute("Size").as_double(0);
  if (size <= 0 || size > 1000) return;
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* desc = pango_font_description_new();
  pango_font_description_set_family(desc, font == res.fonts.end() ? "Noto Serif CJK SC" : font->second.family.c_str());
  const bool bold = (font != res.fonts.end() && font->second.bold) || obj.attribute("Weight").as_int(400) >= 700;
  pango_font_description_set_weight(desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(desc, size * PANGO_SCALE);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  set_colour(cr, colour_of(child(obj, "FillColor"), {}));
  double x = 0, y = 0;
  for (const auto& code : children(obj, "TextCode")) {
    x = code.attribute("X").as_double(x);
    y = code.attribute("Y").as_double(y);
    const std::string_view text = code.child_value();
    const auto cps = utf8_code_points(text);
    if (!cps) continue;
    const auto dx = expand_delta(code.attribute("DeltaX").value()).value_or(std::vector<double>{});
    const auto dy = expand_delta(code.attribute("DeltaY").value()).value_or(std::vector<double>{});
    std::size_t byte = 0;
    for (std::size_t i = 0; i < cps->size() && glyph_budget > 0; ++i, --glyph_budget) {
      const char32_t c = (*cps)[i];
      const int len = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      pango_layout_set_text(layout, text.data() + byte, len);
      byte += static_cast<std::size_t>(len);
      cairo_move_to(cr, x, y - pango_layout_get_baseline(layout) / double(PANGO_SCALE));
      if (res.text_as_outlines) {
        pango_cairo_layout_path(cr, layout);
        cairo_fill(cr);
      } else {
        pango_cairo_show_layout(cr, layout);
      }
      if (i < dx.size()) x += dx[i];
      if (i < dy.size()) y += dy[i];
    }
  }
  g_object_unref(layout);
}

struct PngReader {
  std::string_view data;
  std::size_t at = 0;
};

cairo_status_t read_png(void* closure, unsigned char* out, unsigned int length) {
  auto* r = static_cast<PngReader*>(closure);
  if (r->data.size() - r->at < length) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(r->data.data() + r->at, length, out);
  r->at += length;
  return CAIRO_STATUS_SUCCESS;
}

// Width and height from a PNG's IHDR, so that a crafted header cannot make cairo allocate gigabytes.
bool png_size_ok(std::string_view png) {
  if (png.size() < 24 || png.substr(0, 8) != std::string_view("\x89PNG\r\n\x1a\n", 8)) return false;
  auto be32 = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png[at + i]);
    return v;
  };
  return be32(16) > 0 && be32(20) > 0 && be32(16) <= 4096 && be32(20) <= 4096;
}

void draw_image(cairo_t* cr, const pugi::xml_node& obj, const RenderResources& res) {
  const auto it = res.images.find(obj.attribute("ResourceID").as_uint(0));
  if (it == res.images.end() || !png_size_ok(it->second)) return;
  PngReader reader{it->second};
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> img(
      cairo_image_surface_create_from_png_stream(read_png, &reader), cairo_surface_destroy);
  const int w = cairo_image_surface_get_width(img.get()), h = cairo_image_surface_get_height(img.get());
  if (cairo_surface_status(img.get()) != CAIRO_STATUS_SUCCESS || w <= 0 || h <= 0) return;
  if (numbers(obj.attribute("CTM").value()).size() != 6) {  // no CTM: the image fills the Boundary
    const auto b = numbers(obj.attribute("Boundary").value());
    cairo_scale(cr, b[2], b[3]);
  }
  cairo_scale(cr, 1.0 / w, 1.0 / h);  // the image occupies the unit square of object space
  cairo_set_source_surface(cr, img.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
}

}  // namespace

RenderFont substitute_font(std::string_view name, std::string_view family) {
  const std::string_view n = family.empty() ? name : family;
  auto has = [&](std::string_view s) { return n.find(s) != std::string_view::npos || name.find(s) != std::string_view::npos; };
  if (has("黑") || has("Hei") || has("hei") || has("Sans")) return {"Noto Sans CJK SC", false};
  return {"Noto Serif CJK SC", has("Bold") || has("粗")};
}

void draw_page(cairo_t* cr, const pugi::xml_node& page, const RenderResources& res) {
  std::size_t glyph_budget = kMaxGlyphsPerPage;
  for (const auto& layer : children(child(page, "Content"), "Layer")) {
    for_each_element(layer, [&](const pugi::xml_node& obj) {
      const auto kind = local_name(obj);
      if (kind != "PathObject" && kind != "TextObject" && kind != "ImageObject") return;
      cairo_save(cr);
      if (enter_object(cr, obj)) {
        if (kind == "PathObject") draw_path(cr, obj);
        else if (kind == "TextObject") draw_text(cr, obj, res, glyph_budget);
        else draw_image(cr, obj, res);
      }
      cairo_restore(cr);
    });
  }
}

}  // namespace rc::cert
