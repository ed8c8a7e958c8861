#include "identity/captcha_image.h"

#include <cairo/cairo.h>

#include <memory>
#include <stdexcept>

namespace rc::identity {
namespace {

// A uniform double in [lo, hi).
double between(RandomSource& random, double lo, double hi) {
  return lo + (hi - lo) * static_cast<double>(random.uniform(1u << 20)) / static_cast<double>(1u << 20);
}

void noise_lines(cairo_t* cr, RandomSource& random, int count) {
  for (int i = 0; i < count; ++i) {
    cairo_set_source_rgba(cr, between(random, 0.2, 0.7), between(random, 0.2, 0.7), between(random, 0.2, 0.7), 0.8);
    cairo_set_line_width(cr, between(random, 0.8, 1.8));
    cairo_move_to(cr, between(random, 0, kCaptchaWidth), between(random, 0, kCaptchaHeight));
    cairo_curve_to(cr, between(random, 0, kCaptchaWidth), between(random, 0, kCaptchaHeight),
                   between(random, 0, kCaptchaWidth), between(random, 0, kCaptchaHeight),
                   between(random, 0, kCaptchaWidth), between(random, 0, kCaptchaHeight));
    cairo_stroke(cr);
  }
}

void draw_text(cairo_t* cr, std::string_view text, RandomSource& random) {
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size(cr, 24);
  const double step = (kCaptchaWidth - 16.0) / static_cast<double>(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char glyph[2] = {text[i], '\0'};
    cairo_text_extents_t ext;
    cairo_text_extents(cr, glyph, &ext);
    cairo_save(cr);
    cairo_translate(cr, 8 + step * (static_cast<double>(i) + 0.5), kCaptchaHeight / 2.0 + between(random, -3, 3));
    cairo_rotate(cr, between(random, -0.35, 0.35));  // about ±20°
    cairo_set_source_rgb(cr, between(random, 0.0, 0.35), between(random, 0.0, 0.35), between(random, 0.1, 0.45));
    cairo_move_to(cr, -(ext.x_bearing + ext.width / 2), -(ext.y_bearing + ext.height / 2));
    cairo_show_text(cr, glyph);
    cairo_restore(cr);
  }
}

cairo_status_t append_png(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string render_captcha_png(std::string_view text, RandomSource& random) {
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, kCaptchaWidth, kCaptchaHeight), &cairo_surface_destroy);
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), &cairo_destroy);
  cairo_set_source_rgb(cr.get(), between(random, 0.88, 0.98), between(random, 0.88, 0.98), between(random, 0.88, 0.98));
  cairo_paint(cr.get());
  noise_lines(cr.get(), random, 3);
  draw_text(cr.get(), text, random);
  noise_lines(cr.get(), random, 3);
  cairo_surface_flush(surface.get());
  std::string png;
  if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS ||
      cairo_surface_write_to_png_stream(surface.get(), append_png, &png) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("cairo could not draw the captcha");  // broken invariant (out of memory)
  return png;
}

}  // namespace rc::identity
