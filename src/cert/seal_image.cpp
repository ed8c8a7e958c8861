#include "cert/seal_image.h"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <map>
#include <memory>
#include <mutex>

#include "cert/base64.h"
#include "cert/ofd_text.h"
#include "cert/sm2.h"

namespace rc::cert {
namespace {

constexpr int kSealPx = 400;     // 42 mm at ~240 dpi: sharp when printed, and a smaller file
constexpr double kDesign = 480;  // the drawing below is laid out on a 480-unit square
constexpr double kPi = 3.14159265358979323846;

cairo_status_t append_png(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string encode_png(cairo_surface_t* s) {
  std::string out;
  cairo_surface_write_to_png_stream(s, append_png, &out);
  return out;
}

// Draws one glyph centred at the origin of the current transformation.
void centred_glyph(cairo_t* cr, PangoLayout* layout, const std::string& glyph) {
  pango_layout_set_text(layout, glyph.data(), static_cast<int>(glyph.size()));
  int w = 0, h = 0;
  pango_layout_get_pixel_size(layout, &w, &h);
  cairo_move_to(cr, -w / 2.0, -h / 2.0);
  pango_cairo_show_layout(cr, layout);
}

PangoLayout* new_layout(cairo_t* cr, const char* font) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* desc = pango_font_description_from_string(font);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  return layout;
}

void draw_star(cairo_t* cr, double cx, double cy, double r) {
  for (int i = 0; i < 10; ++i) {
    const double a = -kPi / 2 + i * kPi / 5;
    const double rr = (i % 2 == 0) ? r : r * 0.382;
    const double x = cx + rr * std::cos(a), y = cy + rr * std::sin(a);
    i == 0 ? cairo_move_to(cr, x, y) : cairo_line_to(cr, x, y);
  }
  cairo_close_path(cr);
  cairo_fill(cr);
}

// The name runs clockwise along the upper rim, spread over up to 250 degrees.
void draw_rim_text(cairo_t* cr, std::string_view name) {
  const double c = kDesign / 2;
  std::vector<std::string> glyphs;
  if (auto cps = utf8_code_points(name)) {
    std::size_t i = 0;
    for (char32_t cp : *cps) {
      const std::size_t len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      glyphs.emplace_back(name.substr(i, len));
      i += len;
    }
  }
  if (glyphs.empty()) return;
  const double span = std::min(250.0, 22.0 * static_cast<double>(glyphs.size())) * kPi / 180;
  const double step = glyphs.size() > 1 ? span / static_cast<double>(glyphs.size() - 1) : 0;
  const double font_px = std::min(44.0, 0.9 * 175 * step);
  PangoLayout* layout = new_layout(cr, ("Noto Sans CJK SC Bold " + std::to_string(font_px > 8 ? font_px * 0.75 : 6)).c_str());
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    const double a = -kPi / 2 - span / 2 + step * static_cast<double>(i);  // from the left of top, clockwise
    cairo_save(cr);
    cairo_translate(cr, c + 175 * std::cos(a), c + 175 * std::sin(a));
    cairo_rotate(cr, a + kPi / 2);
    centred_glyph(cr, layout, glyphs[i]);
    cairo_restore(cr);
  }
  g_object_unref(layout);
}

SealImage draw_seal(std::string_view issuing_body) {
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> s(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, kSealPx, kSealPx), cairo_surface_destroy);
  cairo_t* cr = cairo_create(s.get());
  cairo_scale(cr, kSealPx / kDesign, kSealPx / kDesign);
  cairo_set_source_rgba(cr, 0.80, 0.05, 0.05, 0.85);
  const double c = kDesign / 2;
  cairo_set_line_width(cr, 14);
  cairo_arc(cr, c, c, c - 12, 0, 2 * kPi);
  cairo_stroke(cr);
  draw_star(cr, c, c - 10, 62);
  draw_rim_text(cr, issuing_body);
  PangoLayout* layout = new_layout(cr, "Noto Sans CJK SC Bold 26");
  cairo_save(cr);
  cairo_translate(cr, c, c + 95);
  centred_glyph(cr, layout, "演示印章");
  cairo_restore(cr);
  g_object_unref(layout);
  cairo_destroy(cr);
  SealImage img;
  img.png = encode_png(s.get());
  const auto md = sm3(img.png);
  img.sm3_base64 = base64_encode(std::string_view(reinterpret_cast<const char*>(md.data()), md.size()));
  img.packed = PackedEntry::pack(img.png, false);  // PNG is already compressed
  return img;
}

}  // namespace

std::shared_ptr<const SealImage> seal_png(std::string_view issuing_body) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const SealImage>, std::less<>> cache;
  std::lock_guard lock(mu);
  auto it = cache.find(issuing_body);
  if (it == cache.end()) {
    // Bounded: a platform has a handful of issuing bodies; a runaway caller must not grow it forever.
    if (cache.size() >= 256) cache.clear();
    it = cache.emplace(std::string(issuing_body), std::make_shared<const SealImage>(draw_seal(issuing_body))).first;
  }
  return it->second;
}

std::string demo_photo_png() {
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> s(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, 250, 350), cairo_surface_destroy);
  cairo_t* cr = cairo_create(s.get());
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0.55, 0.58, 0.62);
  cairo_arc(cr, 125, 130, 62, 0, 2 * kPi);
  cairo_fill(cr);
  cairo_move_to(cr, 20, 350);
  cairo_curve_to(cr, 20, 230, 230, 230, 230, 350);
  cairo_close_path(cr);
  cairo_fill(cr);
  cairo_destroy(cr);
  return encode_png(s.get());
}

}  // namespace rc::cert
