#include "cert/seal_image.h"

#include <cairo.h>
#include <pango/pangocairo.h>
#include <png.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <csetjmp>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

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

std::string cairo_png(cairo_surface_t* s) {
  std::string out;
  cairo_surface_write_to_png_stream(s, append_png, &out);
  return out;
}

// An image of at most 256 colours: one palette index per pixel, palette entries straight RGBA.
struct IndexedImage {
  int width = 0, height = 0;
  std::vector<std::array<std::uint8_t, 4>> palette;  // R, G, B, A; the translucent entries first
  std::vector<std::uint8_t> index;                   // width * height, row by row
};

// cairo's ARGB32 holds one native-endian uint32 per pixel, 0xAARRGGBB with the colour
// premultiplied by alpha. Straight colour is c * 255 / a rounded to nearest, as cairo's own PNG
// writer computes it. nullopt for other formats and above 256 colours.
std::optional<IndexedImage> index_colours(cairo_surface_t* s) {
  if (cairo_image_surface_get_format(s) != CAIRO_FORMAT_ARGB32) return std::nullopt;
  cairo_surface_flush(s);
  IndexedImage img;
  img.width = cairo_image_surface_get_width(s);
  img.height = cairo_image_surface_get_height(s);
  const int stride = cairo_image_surface_get_stride(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  if (data == nullptr || img.width <= 0 || img.height <= 0) return std::nullopt;
  std::vector<std::uint32_t> rgba(static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height));
  std::unordered_map<std::uint32_t, std::uint8_t> slot;  // straight 0xRRGGBBAA -> palette index
  for (int y = 0; y < img.height; ++y) {
    const unsigned char* row = data + static_cast<std::ptrdiff_t>(y) * stride;
    for (int x = 0; x < img.width; ++x) {
      std::uint32_t p;
      std::memcpy(&p, row + 4 * static_cast<std::ptrdiff_t>(x), sizeof p);
      const std::uint32_t a = p >> 24;
      auto straight = [a](std::uint32_t c) { return std::min<std::uint32_t>(255, (c * 255 + a / 2) / a); };
      const std::uint32_t v = a == 0 ? 0
                                     : straight((p >> 16) & 0xff) << 24 | straight((p >> 8) & 0xff) << 16 |
                                           straight(p & 0xff) << 8 | a;
      rgba[static_cast<std::size_t>(y) * static_cast<std::size_t>(img.width) + static_cast<std::size_t>(x)] = v;
      if (slot.try_emplace(v, 0).second && slot.size() > 256) return std::nullopt;
    }
  }
  // Translucent entries first, so tRNS stops at the last of them; then by alpha and colour, which
  // keeps the soft edges' indices close together.
  std::vector<std::uint32_t> colours;
  for (const auto& entry : slot) colours.push_back(entry.first);
  std::sort(colours.begin(), colours.end(), [](std::uint32_t l, std::uint32_t r) {
    const bool lo = (l & 0xff) == 0xff, ro = (r & 0xff) == 0xff;
    if (lo != ro) return ro;
    if ((l & 0xff) != (r & 0xff)) return (l & 0xff) < (r & 0xff);
    return l < r;
  });
  for (std::size_t i = 0; i < colours.size(); ++i) {
    const std::uint32_t v = colours[i];
    img.palette.push_back({std::uint8_t(v >> 24), std::uint8_t(v >> 16), std::uint8_t(v >> 8), std::uint8_t(v)});
    slot[v] = static_cast<std::uint8_t>(i);
  }
  img.index.reserve(rgba.size());
  for (std::uint32_t v : rgba) img.index.push_back(slot.at(v));
  return img;
}

void append_png_data(png_structp png, png_bytep data, png_size_t length) {
  try {
    static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
  } catch (...) {
    png_error(png, "out of memory");  // longjmps back to write_indexed: never unwind through libpng
  }
}

struct PngWriteStruct {
  png_structp png = nullptr;
  png_infop info = nullptr;
  ~PngWriteStruct() { png_destroy_write_struct(&png, &info); }
};

// One PNG of colour type 3 (with tRNS when any entry is translucent), zlib level 9, the given row
// filters (PNG_FILTER_NONE, PNG_ALL_FILTERS, ...). Everything with a destructor exists before
// setjmp, so libpng's longjmp on error skips none. nullopt if libpng fails.
std::optional<std::string> write_indexed(const IndexedImage& img, int filters) {
  const std::size_t n = img.palette.size();
  std::vector<png_color> plte(n);
  std::vector<png_byte> trns;
  for (std::size_t i = 0; i < n; ++i) {
    plte[i] = {img.palette[i][0], img.palette[i][1], img.palette[i][2]};
    if (img.palette[i][3] != 255) trns.push_back(img.palette[i][3]);  // translucent entries come first
  }
  // volatile: read after setjmp, and g++ -O2 may keep it in a register longjmp would clobber.
  const volatile int depth = n <= 2 ? 1 : n <= 4 ? 2 : n <= 16 ? 4 : 8;
  std::vector<png_bytep> rows(static_cast<std::size_t>(img.height));
  for (std::size_t y = 0; y < rows.size(); ++y)
    rows[y] = const_cast<png_bytep>(img.index.data() + y * static_cast<std::size_t>(img.width));
  std::string out;
  PngWriteStruct w;
  w.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (w.png == nullptr) return std::nullopt;
  w.info = png_create_info_struct(w.png);
  if (w.info == nullptr) return std::nullopt;
  if (setjmp(png_jmpbuf(w.png))) return std::nullopt;
  png_set_write_fn(w.png, &out, append_png_data, nullptr);
  png_set_compression_level(w.png, 9);
  png_set_compression_mem_level(w.png, 9);
  png_set_filter(w.png, PNG_FILTER_TYPE_BASE, filters);
  png_set_IHDR(w.png, w.info, static_cast<png_uint_32>(img.width), static_cast<png_uint_32>(img.height), depth,
               PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
  png_set_PLTE(w.png, w.info, plte.data(), static_cast<int>(n));
  if (!trns.empty()) png_set_tRNS(w.png, w.info, trns.data(), static_cast<int>(trns.size()), nullptr);
  png_write_info(w.png, w.info);
  if (depth < 8) png_set_packing(w.png);  // rows hold one index per byte
  png_write_image(w.png, rows.data());
  png_write_end(w.png, nullptr);
  return out;
}

}  // namespace

namespace detail {

// The surface as an indexed-colour PNG when it is ARGB32 with at most 256 distinct colours, else
// cairo's own PNG. The seal (one red with soft edges, ~245 colours) drops from cairo's 49,708
// bytes to 18,930, pixel for pixel the same. Not in the header: only
// tests/cert/seal_image_test.cpp calls it from outside this file (and declares it there).
std::string surface_png(cairo_surface_t* s) {
  if (auto img = index_colours(s)) {
    std::optional<std::string> best;
    for (int filters : {PNG_FILTER_NONE, PNG_ALL_FILTERS}) {  // keep whichever is smaller
      auto png = write_indexed(*img, filters);
      if (png && (!best || png->size() < best->size())) best = std::move(png);
    }
    if (best) return *std::move(best);
  }
  return cairo_png(s);
}

}  // namespace detail

namespace {

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
  img.png = detail::surface_png(s.get());
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
  // cairo's RGB PNG on purpose (an indexed one is half the size): the issuance benchmark stands
  // this photo in for a real holder's photo, whose bytes no seal encoder shrinks.
  return cairo_png(s.get());
}

}  // namespace rc::cert
