#include "app/exam/admission_ticket_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <sstream>

#include "app/certificates/certificate_snapshot.h"
#include "cert/qr_vector.h"
#include "face/image_input.h"

namespace rc::app {
namespace {

constexpr double kPageW = 210, kPageH = 297;  // mm
constexpr double kMmPerInch = 25.4;
constexpr const char* kFont = "Noto Sans CJK SC";

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;

Error render_error(std::string why) { return make_error(ErrorCode::kStorageFailure, "ticket", "准考证生成失败：" + std::move(why)); }

// Set on the PDF's context: glyphs are drawn as filled outlines there, because cairo 1.16 leaks
// ~768 bytes per embedded font on every PDF it finishes (LeakSanitizer; cert/page_draw.h made the
// same choice). The PNG draws real text.
const cairo_user_data_key_t kOutlinesKey{};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Draws text with its top-left corner at (x, y) mm, `size` mm high, at most `width` mm wide
// (wrapped); returns the height used.
double text(cairo_t* cr, double x, double y, const std::string& s, double size, bool bold = false, double width = 0,
            PangoAlignment align = PANGO_ALIGN_LEFT) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string(kFont);
  pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
  pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout, font);
  if (width > 0) {
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, align);
  }
  pango_layout_set_text(layout, s.c_str(), static_cast<int>(s.size()));
  cairo_move_to(cr, x, y);
  if (cairo_get_user_data(cr, &kOutlinesKey)) {
    pango_cairo_layout_path(cr, layout);
    cairo_fill(cr);
  } else {
    pango_cairo_show_layout(cr, layout);
  }
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  pango_font_description_free(font);
  g_object_unref(layout);
  return static_cast<double>(h) / PANGO_SCALE;
}

void rect(cairo_t* cr, double x, double y, double w, double h, double line = 0.3) {
  cairo_set_line_width(cr, line);
  cairo_rectangle(cr, x, y, w, h);
  cairo_stroke(cr);
}

// The QR code from cert::qr_vector's path ("M x y L x y ... C", module units, quiet zone included).
Result<void> draw_qr(cairo_t* cr, const std::string& payload, double x, double y, double size) {
  auto qr = cert::qr_vector(payload, size);
  if (!qr) return fail(qr.error());
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, 0, 0, qr->size_mm, qr->size_mm);
  cairo_fill(cr);
  cairo_scale(cr, qr->module_mm, qr->module_mm);
  cairo_set_source_rgb(cr, 0, 0, 0);
  std::istringstream in(qr->abbreviated_data);
  std::string op;
  while (in >> op) {
    double px = 0, py = 0;
    if (op == "M" && in >> px >> py) cairo_move_to(cr, px, py);
    else if (op == "L" && in >> px >> py) cairo_line_to(cr, px, py);
    else if (op == "C") cairo_close_path(cr);
  }
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill(cr);
  cairo_restore(cr);
  return ok();
}

// The photo fitted into the box (kept in proportion), or a note when there is none.
void draw_photo(cairo_t* cr, const AdmissionTicket& t, double x, double y, double w, double h) {
  rect(cr, x, y, w, h);
  face::ImageLimits limits;
  limits.min_side = 16;
  auto decoded = t.photo ? face::decode_image(*t.photo, limits) : face::DecodedImage{};
  if (decoded.bgr.empty()) {
    text(cr, x, y + h / 2 - 3, "照片", 4, false, w, PANGO_ALIGN_CENTER);
    return;
  }
  const cv::Mat& m = decoded.bgr;
  Surface img(cairo_image_surface_create(CAIRO_FORMAT_RGB24, m.cols, m.rows), cairo_surface_destroy);
  cairo_surface_flush(img.get());
  unsigned char* data = cairo_image_surface_get_data(img.get());
  const int stride = cairo_image_surface_get_stride(img.get());
  for (int r = 0; r < m.rows; ++r) {
    auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(r) * stride);
    const auto* src = m.ptr<cv::Vec3b>(r);
    for (int c = 0; c < m.cols; ++c) row[c] = (std::uint32_t{src[c][2]} << 16) | (std::uint32_t{src[c][1]} << 8) | src[c][0];
  }
  cairo_surface_mark_dirty(img.get());
  const double scale = std::min(w / m.cols, h / m.rows);
  cairo_save(cr);
  cairo_translate(cr, x + (w - m.cols * scale) / 2, y + (h - m.rows * scale) / 2);
  cairo_scale(cr, scale, scale);
  cairo_set_source_surface(cr, img.get(), 0, 0);
  cairo_paint(cr);
  cairo_restore(cr);
}

std::string sex_label(store::Sex s) { return s == store::Sex::kMale ? "男" : "女"; }

std::string subject_time(const TicketSubject& s) {
  if (!s.starts_at) return "另行通知";
  std::string out = china_time_text(*s.starts_at);
  if (s.minutes) out += "（" + std::to_string(*s.minutes) + " 分钟）";
  return out;
}

Result<void> draw(cairo_t* cr, const AdmissionTicket& t) {
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  text(cr, 15, 14, "应急救援员职业技能鉴定", 6.5, true, 180, PANGO_ALIGN_CENTER);
  text(cr, 15, 24, "准 考 证", 8, true, 180, PANGO_ALIGN_CENTER);
  const double left = 18, label_w = 30, photo_x = 157, top = 40;
  const std::pair<std::string, std::string> rows[] = {
      {"准考证号", t.ticket_no},
      {"姓名", t.candidate_name},
      {"性别", sex_label(t.sex)},
      {"证件类型", t.document_type},
      {"证件号码", t.id_number_masked},
      {"职业（工种）", "应急救援员（3-02-03-08）"},
      {"等级", level_label(t.level)},
      {"鉴定站（考点）", t.station_name},
      {"考点地址", t.station_address},
      {"考试日期", t.held_on.to_string()},
      {"考场", t.room_name},
      {"座位号", std::to_string(t.seat_no)},
  };
  double y = top;
  for (const auto& [label, value] : rows) {
    text(cr, left, y, label, 3.8, true);
    const double used = text(cr, left + label_w, y, value, 3.8, false, photo_x - left - label_w - 6);
    y += std::max(7.0, used + 2.5);
  }
  draw_photo(cr, t, photo_x, top, 35, 45);
  text(cr, photo_x, top + 46, "考生照片", 3, false, 35, PANGO_ALIGN_CENTER);

  y += 4;
  text(cr, left, y, "考试科目", 4.5, true);
  y += 8;
  const double cols[] = {left, left + 55, left + 85, 192};
  text(cr, cols[0] + 2, y + 1.5, "科目", 3.8, true);
  text(cr, cols[1] + 2, y + 1.5, "类别", 3.8, true);
  text(cr, cols[2] + 2, y + 1.5, "时间", 3.8, true);
  rect(cr, cols[0], y, cols[3] - cols[0], 8);
  for (const auto& s : t.subjects) {
    y += 8;
    rect(cr, cols[0], y, cols[3] - cols[0], 8);
    text(cr, cols[0] + 2, y + 1.5, s.label, 3.8);
    text(cr, cols[1] + 2, y + 1.5, s.kind_label, 3.8, true);
    text(cr, cols[2] + 2, y + 1.5, subject_time(s), 3.8);
  }
  y += 16;
  const double qr_size = 42, qr_x = 192 - qr_size;
  if (auto q = draw_qr(cr, t.qr_text, qr_x, y, qr_size); !q) return q;
  text(cr, qr_x, y + qr_size + 1, "入场核验二维码", 3, false, qr_size, PANGO_ALIGN_CENTER);
  text(cr, left, y, "考场规则", 4.5, true);
  double ry = y + 8;
  int n = 1;
  for (const auto& rule : ticket_conduct_rules())
    ry += text(cr, left, ry, std::to_string(n++) + ". " + rule, 3.4, false, qr_x - left - 6) + 1.5;
  text(cr, left, std::max(ry, y + qr_size + 8) + 6,
       "本准考证须与有效身份证件原件同时使用；证件号码已按规定部分隐藏。二维码仅用于考场入场核验。", 3, false, 174);
  return ok();
}

}  // namespace

const std::vector<std::string>& ticket_conduct_rules() {
  static const std::vector<std::string> rules{
      "凭本准考证和有效身份证件原件入场，并携带背面写有姓名和身份证号的照片（R5）。",
      "理论知识考试开考 15 分钟后不得入场，按缺考处理（D11）。请提前 30 分钟到达考点。",
      "入场时接受证件查验和人脸识别核验；人脸核验不通过的，由监考员人工核验。",
      "手机等电子设备须关闭并交监考员统一保管，不得带入座位。",
      "服从监考员和考评员的安排；违纪或作弊的，该科目成绩无效，且不再享有该科目的免费补考（D12）。",
  };
  return rules;
}

std::string china_time_text(store::Timestamp t) {
  const auto tp = std::chrono::system_clock::time_point(t.time_since_epoch());
  const CivilDate d = china_date(tp);
  const auto since = std::chrono::duration_cast<std::chrono::minutes>(tp - china_midnight(d)).count();
  char hm[16];  // room for any int, so that -O2's format-truncation check is satisfied
  std::snprintf(hm, sizeof hm, "%02d:%02d", static_cast<int>(since / 60), static_cast<int>(since % 60));
  return d.to_string() + " " + hm;
}

Result<std::string> admission_ticket_pdf(const AdmissionTicket& t) {
  constexpr double kPt = 72.0 / kMmPerInch;
  std::string pdf;
  Surface s(cairo_pdf_surface_create_for_stream(append, &pdf, kPageW * kPt, kPageH * kPt), cairo_surface_destroy);
  cairo_pdf_surface_set_metadata(s.get(), CAIRO_PDF_METADATA_TITLE, ("准考证 " + t.ticket_no).c_str());
  cairo_t* cr = cairo_create(s.get());
  cairo_set_user_data(cr, &kOutlinesKey, reinterpret_cast<void*>(1), nullptr);
  cairo_scale(cr, kPt, kPt);
  auto drawn = draw(cr, t);
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(s.get());
  if (!drawn) return fail(drawn.error());
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) return fail(render_error("PDF 生成失败"));
  return pdf;
}

Result<std::string> admission_ticket_png(const AdmissionTicket& t, double dpi) {
  if (!(dpi >= 72 && dpi <= 300)) return fail(ErrorCode::kInvalidValue, "dpi", "分辨率应在 72 到 300 dpi 之间");
  const double scale = dpi / kMmPerInch;
  Surface s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(std::ceil(kPageW * scale)),
                                       static_cast<int>(std::ceil(kPageH * scale))),
            cairo_surface_destroy);
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) return fail(render_error("图像过大"));
  cairo_t* cr = cairo_create(s.get());
  cairo_scale(cr, scale, scale);
  auto drawn = draw(cr, t);
  cairo_destroy(cr);
  if (!drawn) return fail(drawn.error());
  std::string png;
  if (cairo_surface_write_to_png_stream(s.get(), append, &png) != CAIRO_STATUS_SUCCESS) return fail(render_error("PNG 编码失败"));
  return png;
}

}  // namespace rc::app
