#include "cert/page_render.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

#include "cert/ofd_package.h"
#include "cert/page_draw.h"

namespace rc::cert {
namespace {

constexpr double kMmPerInch = 25.4;

Error unreadable(std::string why) { return make_error(ErrorCode::kOfdMalformed, "ofd", "OFD 文件无法渲染：" + std::move(why)); }

struct RenderDocument {
  double width_mm = 210, height_mm = 297;
  RenderResources res;
  std::vector<pugi::xml_document> pages;
};

std::optional<std::string> resolve_existing(const OfdPackage& p, const std::string& from, std::string_view ref) {
  auto path = resolve_path(from, ref);
  if (!path || !p.has(*path)) return std::nullopt;
  return path;
}

void load_resources(const OfdPackage& p, const std::string& file, RenderResources& res) {
  auto doc = parse_xml(p, file);
  if (!doc) return;
  const pugi::xml_node root = doc->document_element();
  const std::string base = root.attribute("BaseLoc").value();
  const std::string anchor = base.empty() ? file : resolve_path(file, base + "/_").value_or(file);
  for (auto fonts : children(root, "Fonts"))
    for (auto f : children(fonts, "Font"))
      res.fonts[f.attribute("ID").as_uint(0)] = substitute_font(f.attribute("FontName").value(), f.attribute("FamilyName").value());
  for (auto medias : children(root, "MultiMedias"))
    for (auto m : children(medias, "MultiMedia"))
      if (auto path = resolve_existing(p, anchor, text_of(child(m, "MediaFile"))))
        res.images[m.attribute("ID").as_uint(0)] = p.bytes(*path);
}

Result<RenderDocument> load(std::string_view bytes) {
  auto entries = read_zip(bytes);
  if (!entries) return fail(entries.error());
  const OfdPackage p(std::move(*entries));
  if (!p.has("OFD.xml")) return fail(unreadable("缺少 OFD.xml"));
  auto ofd = parse_xml(p, "OFD.xml");
  if (!ofd) return fail(ofd.error());
  auto doc_path = resolve_existing(p, "OFD.xml", text_of(child(child(ofd->document_element(), "DocBody"), "DocRoot")));
  if (!doc_path) return fail(unreadable("DocRoot 不存在"));
  auto doc = parse_xml(p, *doc_path);
  if (!doc) return fail(doc.error());
  RenderDocument out;
  const pugi::xml_node common = child(doc->document_element(), "CommonData");
  const auto box = child(child(common, "PageArea"), "PhysicalBox");
  double x = 0, y = 0, w = 0, h = 0;
  if (box && std::sscanf(box.child_value(), "%lf %lf %lf %lf", &x, &y, &w, &h) == 4 && w > 1 && h > 1 && w < 2000 && h < 2000) {
    out.width_mm = w;
    out.height_mm = h;
  }
  for (const char* kind : {"PublicRes", "DocumentRes"})
    for (auto r : children(common, kind))
      if (auto path = resolve_existing(p, *doc_path, text_of(r))) load_resources(p, *path, out.res);
  for (auto page : children(child(doc->document_element(), "Pages"), "Page")) {
    auto path = resolve_existing(p, *doc_path, page.attribute("BaseLoc").value());
    if (!path) return fail(unreadable("页面不存在"));
    auto content = parse_xml(p, *path);
    if (!content) return fail(content.error());
    out.pages.push_back(std::move(*content));
  }
  if (out.pages.empty()) return fail(unreadable("没有页面"));
  return out;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Unhinted metrics: glyph sizes of a few millimetres must not be rounded to whole units.
void set_font_options(cairo_t* cr) {
  cairo_font_options_t* o = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(o, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(o, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options(cr, o);
  cairo_font_options_destroy(o);
}

}  // namespace

Result<std::string> render_ofd_png(std::string_view ofd_bytes, double dpi) {
  if (!(dpi >= 36 && dpi <= 600)) return fail(ErrorCode::kInvalidValue, "dpi", "分辨率应在 36 到 600 dpi 之间");
  auto doc = load(ofd_bytes);
  if (!doc) return fail(doc.error());
  const double scale = dpi / kMmPerInch;
  const int w = static_cast<int>(std::ceil(doc->width_mm * scale)), h = static_cast<int>(std::ceil(doc->height_mm * scale));
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h),
                                                                       cairo_surface_destroy);
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) return fail(unreadable("图像过大"));
  cairo_t* cr = cairo_create(s.get());
  set_font_options(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  draw_page(cr, doc->pages.front().document_element(), doc->res);
  cairo_destroy(cr);
  std::string png;
  if (cairo_surface_write_to_png_stream(s.get(), append, &png) != CAIRO_STATUS_SUCCESS) return fail(unreadable("PNG 编码失败"));
  return png;
}

Result<std::string> render_ofd_pdf(std::string_view ofd_bytes) {
  auto doc = load(ofd_bytes);
  if (!doc) return fail(doc.error());
  doc->res.text_as_outlines = true;
  constexpr double kPt = 72.0 / kMmPerInch;
  std::string pdf;
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> s(
      cairo_pdf_surface_create_for_stream(append, &pdf, doc->width_mm * kPt, doc->height_mm * kPt), cairo_surface_destroy);
  cairo_t* cr = cairo_create(s.get());
  set_font_options(cr);
  cairo_scale(cr, kPt, kPt);
  for (const auto& page : doc->pages) {
    draw_page(cr, page.document_element(), doc->res);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(s.get());
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) return fail(unreadable("PDF 生成失败"));
  return pdf;
}

}  // namespace rc::cert
