// The seal is written as an indexed-colour PNG: it must decode to exactly the colours cairo drew
// (un-premultiplied, ±1 per channel), and stay well below the 49,708 bytes of cairo's own RGBA
// PNG, since every certificate embeds it.
#include "cert/seal_image.h"

#include <cairo/cairo.h>
#include <gtest/gtest.h>
#include <png.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cert_fixture.h"

namespace rc::cert::detail {
// seal_image.cpp: the encoder behind seal_png, kept out of the public header.
std::string surface_png(cairo_surface_t* s);
}  // namespace rc::cert::detail

namespace rc::cert {
namespace {

using testing::sample_content;

constexpr std::size_t kCairoSealPngBytes = 49708;  // the seal as cairo_surface_write_to_png wrote it

std::uint32_t be32(const std::string& b, std::size_t at) {
  return std::uint32_t(static_cast<unsigned char>(b[at])) << 24 | std::uint32_t(static_cast<unsigned char>(b[at + 1])) << 16 |
         std::uint32_t(static_cast<unsigned char>(b[at + 2])) << 8 | std::uint32_t(static_cast<unsigned char>(b[at + 3]));
}

struct PngHeader {
  std::uint32_t width = 0, height = 0;
  int bit_depth = 0, colour_type = -1;
  std::vector<std::string> chunks;  // in file order
};

PngHeader header(const std::string& png) {
  PngHeader h;
  if (png.size() < 33 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return h;
  h.width = be32(png, 16);
  h.height = be32(png, 20);
  h.bit_depth = static_cast<unsigned char>(png[24]);
  h.colour_type = static_cast<unsigned char>(png[25]);
  for (std::size_t at = 8; at + 12 <= png.size();) {
    const std::uint32_t length = be32(png, at);
    h.chunks.push_back(png.substr(at + 4, 4));
    at += 12 + std::size_t(length);
  }
  return h;
}

struct Rgba {
  int r, g, b, a;
};

// libpng's own reader, expanding palette + tRNS to straight 8-bit RGBA.
std::vector<Rgba> decode(const std::string& png, std::uint32_t& width, std::uint32_t& height) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, png.data(), png.size())) {
    ADD_FAILURE() << image.message;
    return {};
  }
  image.format = PNG_FORMAT_RGBA;
  std::vector<png_byte> bytes(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, bytes.data(), 0, nullptr)) {
    ADD_FAILURE() << image.message;
    return {};
  }
  width = image.width;
  height = image.height;
  std::vector<Rgba> px;
  for (std::size_t i = 0; i + 3 < bytes.size(); i += 4) px.push_back({bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]});
  return px;
}

// What the surface shows, in straight colour: cairo keeps native-endian 0xAARRGGBB, premultiplied.
std::vector<Rgba> straight_pixels(cairo_surface_t* s) {
  cairo_surface_flush(s);
  const bool opaque = cairo_image_surface_get_format(s) == CAIRO_FORMAT_RGB24;
  const int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
  std::vector<Rgba> px;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      std::uint32_t p;
      std::memcpy(&p, cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s) + 4 * x, 4);
      const int a = opaque ? 255 : int(p >> 24);
      auto un = [a](std::uint32_t c) { return a == 0 ? 0 : int((double(c) * 255.0 / a) + 0.5); };
      px.push_back({un((p >> 16) & 0xff), un((p >> 8) & 0xff), un(p & 0xff), a});
    }
  }
  return px;
}

// Decodes png and compares it with the surface it was written from: same size, equal alpha,
// colour within ±1 wherever a pixel is not fully transparent.
void expect_same_picture(const std::string& png, cairo_surface_t* s) {
  std::uint32_t w = 0, h = 0;
  const auto got = decode(png, w, h);
  ASSERT_EQ(w, std::uint32_t(cairo_image_surface_get_width(s)));
  ASSERT_EQ(h, std::uint32_t(cairo_image_surface_get_height(s)));
  const auto want = straight_pixels(s);
  ASSERT_EQ(got.size(), want.size());
  int bad = 0;
  for (std::size_t i = 0; i < got.size() && bad < 5; ++i) {
    const Rgba g = got[i], e = want[i];
    const bool same = g.a == e.a && (e.a == 0 || (std::abs(g.r - e.r) <= 1 && std::abs(g.g - e.g) <= 1 && std::abs(g.b - e.b) <= 1));
    if (!same) {
      ++bad;
      ADD_FAILURE() << "pixel " << i % w << "," << i / w << ": decoded " << g.r << "," << g.g << "," << g.b << "," << g.a
                    << " drawn " << e.r << "," << e.g << "," << e.b << "," << e.a;
    }
  }
}

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;

Surface new_surface(cairo_format_t format, int w, int h) {
  return {cairo_image_surface_create(format, w, h), cairo_surface_destroy};
}

// A surface of n distinct colours in stripes, written as premultiplied ARGB32 directly.
Surface stripes(int n) {
  auto s = new_surface(CAIRO_FORMAT_ARGB32, 64, 48);
  cairo_surface_flush(s.get());
  unsigned char* data = cairo_image_surface_get_data(s.get());
  const int stride = cairo_image_surface_get_stride(s.get());
  for (int y = 0; y < 48; ++y) {
    for (int x = 0; x < 64; ++x) {
      const int i = (x + 64 * y) % n;  // colour i: alpha and premultiplied red differ per colour
      const std::uint32_t a = 255 - std::uint32_t(i) / 2, r = a - std::uint32_t(i % 2) * 7;
      const std::uint32_t p = a << 24 | r << 16 | (a / 3) << 8 | (a / 5);
      std::memcpy(data + y * stride + 4 * x, &p, 4);
    }
  }
  cairo_surface_mark_dirty(s.get());
  return s;
}

TEST(SealImage, SealIsAnIndexedPngWithTransparencyAtMostHalfCairosSize) {
  const auto seal = seal_png(sample_content().issuing_body);
  const PngHeader h = header(seal->png);
  EXPECT_EQ(h.width, 400u);
  EXPECT_EQ(h.height, 400u);
  EXPECT_EQ(h.colour_type, 3) << "not indexed: more than 256 colours?";
  ASSERT_GE(h.chunks.size(), 4u);
  EXPECT_EQ(h.chunks[1], "PLTE");
  EXPECT_EQ(h.chunks[2], "tRNS");
  EXPECT_LT(seal->png.size(), kCairoSealPngBytes / 2) << "measured 18,930 bytes (cairo's RGBA PNG: 49,708)";
  // The cached entry and digest describe these bytes.
  EXPECT_EQ(seal->packed.stored, seal->png);
  EXPECT_EQ(seal->packed.size, seal->png.size());
}

TEST(SealImage, SealDecodesToOneRedWithSoftEdges) {
  // The seal is drawn in rgba(0.80, 0.05, 0.05, 0.85): un-premultiplied, every pixel of at least
  // half coverage is that red (a premultiplied or byte-swapped palette would not be).
  std::uint32_t w = 0, h = 0;
  const auto px = decode(seal_png(sample_content().issuing_body)->png, w, h);
  ASSERT_EQ(px.size(), 400u * 400u);
  int inked = 0, max_alpha = 0;
  for (const Rgba& p : px) {
    max_alpha = std::max(max_alpha, p.a);
    if (p.a < 128) continue;
    ++inked;
    ASSERT_NEAR(p.r, 204, 3);
    ASSERT_NEAR(p.g, 13, 3);
    ASSERT_NEAR(p.b, 13, 3);
  }
  EXPECT_GT(inked, 10000);  // the ring, the star and the text
  EXPECT_GE(max_alpha, 217);  // 0.85 where the ink is solid
}

TEST(SealImage, AntiAliasedTranslucentDrawingDecodesToTheDrawnPixels) {
  auto s = new_surface(CAIRO_FORMAT_ARGB32, 120, 90);
  cairo_t* cr = cairo_create(s.get());
  cairo_set_source_rgba(cr, 0.80, 0.05, 0.05, 0.85);
  cairo_set_line_width(cr, 5.5);
  cairo_arc(cr, 60, 45, 37.3, 0, 6.2831853);
  cairo_stroke(cr);
  cairo_move_to(cr, 38.2, 61.7);  // inside the ring, like the seal's star: one layer of ink
  cairo_line_to(cr, 81.9, 30.4);
  cairo_line_to(cr, 70.1, 67.3);
  cairo_close_path(cr);
  cairo_fill(cr);
  cairo_destroy(cr);
  const std::string png = detail::surface_png(s.get());
  const PngHeader h = header(png);
  EXPECT_EQ(h.colour_type, 3);
  EXPECT_EQ(h.bit_depth, 8);
  expect_same_picture(png, s.get());
}

TEST(SealImage, SmallPalettesUseFewerBitsPerPixelAndDecodeExactly) {
  const std::pair<int, int> cases[] = {{1, 1}, {2, 1}, {3, 2}, {4, 2}, {5, 4}, {16, 4}, {17, 8}, {256, 8}};
  for (const auto& [colours, depth] : cases) {
    SCOPED_TRACE(colours);
    auto s = stripes(colours);
    const std::string png = detail::surface_png(s.get());
    const PngHeader h = header(png);
    EXPECT_EQ(h.colour_type, 3);
    EXPECT_EQ(h.bit_depth, depth);
    expect_same_picture(png, s.get());
  }
}

TEST(SealImage, MoreThan256ColoursFallBackToCairosRgbaPng) {
  auto s = stripes(257);
  const std::string png = detail::surface_png(s.get());
  const PngHeader h = header(png);
  EXPECT_EQ(h.colour_type, 6);
  expect_same_picture(png, s.get());
}

TEST(SealImage, OtherSurfaceFormatsFallBackToCairosPng) {
  auto s = new_surface(CAIRO_FORMAT_RGB24, 50, 40);  // few colours, but no alpha: not this encoder's case
  cairo_t* cr = cairo_create(s.get());
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0.55, 0.58, 0.62);
  cairo_arc(cr, 25, 20, 13.7, 0, 6.2831853);
  cairo_fill(cr);
  cairo_destroy(cr);
  const std::string png = detail::surface_png(s.get());
  EXPECT_EQ(header(png).colour_type, 2);
  expect_same_picture(png, s.get());
}

}  // namespace
}  // namespace rc::cert
