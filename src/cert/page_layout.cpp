#include "cert/page_layout.h"

#include <algorithm>
#include <vector>

#include "cert/ofd_text.h"
#include "cert/qr_vector.h"

namespace rc::cert {
namespace {

constexpr double kValueSize = 4.2333;  // 小四 = 12 pt
constexpr double kLabelX = 28, kValueX = 68, kRightEdge = 182;
constexpr double kPhotoX = 152, kPhotoY = 52, kPhotoW = 25, kPhotoH = 35;
constexpr double kRowsY = 56, kRowPitch = 9;
constexpr double kQrX = 28, kQrY = 200, kQrSize = 38;
constexpr double kSealX = 133, kSealY = 186, kSealSize = 42, kIssuerRight = 190;

struct Rgb {
  int r, g, b;
};
constexpr Rgb kBlack{0, 0, 0}, kGold{176, 136, 56}, kTitle{150, 20, 20}, kGrey{90, 90, 90};

// Width of a text in units of its font size (0 for invalid UTF-8, which then draws nothing).
double text_units(std::string_view text) {
  double units = 0;
  if (auto cps = utf8_code_points(text))
    for (char32_t c : *cps) units += glyph_advance(c);
  return units;
}

std::string rgb(Rgb c) { return std::to_string(c.r) + ' ' + std::to_string(c.g) + ' ' + std::to_string(c.b); }

// Appends page objects with consecutive IDs. Text never wraps: a value wider than its room is set
// smaller instead, so that each field stays one TextCode (spec/OFD.md §1.3).
class PageWriter {
 public:
  explicit PageWriter(std::uint32_t first_id) : next_id_(first_id) { xml_.reserve(16384); }

  // Draws `text` with its first baseline origin at (x, top + 0.88 size); returns its width in mm.
  double text(double x, double top, std::uint32_t font, double size, std::string_view text, Rgb colour = kBlack,
              double max_width = 0) {
    auto cps = utf8_code_points(text);
    if (!cps || cps->empty()) return 0;
    double units = 0;
    for (char32_t c : *cps) units += glyph_advance(c);
    if (max_width > 0 && units * size > max_width) size = max_width / units;
    const double width = units * size;
    xml_ += "<ofd:TextObject ID=\"" + id() + "\" Boundary=\"" + mm(x) + ' ' + mm(top) + ' ' + mm(width) + ' ' +
            mm(size * 1.3) + "\" Font=\"" + std::to_string(font) + "\" Size=\"" + mm(size) + "\"><ofd:FillColor Value=\"" +
            rgb(colour) + "\"/><ofd:TextCode X=\"0\" Y=\"" + mm(size * 0.88) + '"';
    if (cps->size() > 1) xml_ += " DeltaX=\"" + delta_x(*cps, size) + '"';
    xml_ += '>';
    append_xml_escaped(xml_, text);
    xml_ += "</ofd:TextCode></ofd:TextObject>";
    return width;
  }

  // A stroked rectangle whose stroke stays inside the Boundary (some readers clip to it).
  void frame(double x, double y, double w, double h, double line, Rgb colour) {
    const double p = line / 2;
    xml_ += "<ofd:PathObject ID=\"" + id() + "\" Boundary=\"" + mm(x) + ' ' + mm(y) + ' ' + mm(w) + ' ' + mm(h) +
            "\" LineWidth=\"" + mm(line) + "\"><ofd:StrokeColor Value=\"" + rgb(colour) + "\"/><ofd:AbbreviatedData>M " +
            mm(p) + ' ' + mm(p) + " L " + mm(w - p) + ' ' + mm(p) + " L " + mm(w - p) + ' ' + mm(h - p) + " L " + mm(p) + ' ' +
            mm(h - p) + " C</ofd:AbbreviatedData></ofd:PathObject>";
  }

  // A filled path whose coordinates are in units of `scale` mm (the CTM scales them).
  void filled_path(double x, double y, double w, double h, double scale, const std::string& data, Rgb colour) {
    xml_ += "<ofd:PathObject ID=\"" + id() + "\" Boundary=\"" + mm(x) + ' ' + mm(y) + ' ' + mm(w) + ' ' + mm(h) + "\" CTM=\"" +
            mm(scale) + " 0 0 " + mm(scale) + " 0 0\" Stroke=\"false\" Fill=\"true\"><ofd:FillColor Value=\"" + rgb(colour) +
            "\"/><ofd:AbbreviatedData>" + data + "</ofd:AbbreviatedData></ofd:PathObject>";
  }

  // The image fills its Boundary: image space is the unit square scaled by the CTM.
  void image(double x, double y, double w, double h, std::uint32_t resource) {
    xml_ += "<ofd:ImageObject ID=\"" + id() + "\" Boundary=\"" + mm(x) + ' ' + mm(y) + ' ' + mm(w) + ' ' + mm(h) +
            "\" CTM=\"" + mm(w) + " 0 0 " + mm(h) + " 0 0\" ResourceID=\"" + std::to_string(resource) + "\"/>";
  }

  std::string take() { return std::move(xml_); }
  std::uint32_t last_id() const { return next_id_ - 1; }
  std::string id() { return std::to_string(next_id_++); }

 private:
  static std::string delta_x(const std::vector<char32_t>& cps, double size) {
    std::string out;
    // Runs of equal advances collapse to "g N v" (the Suwell invoices do the same).
    for (std::size_t i = 0; i + 1 < cps.size();) {
      const double a = glyph_advance(cps[i]);
      std::size_t j = i;
      while (j + 1 < cps.size() && glyph_advance(cps[j]) == a) ++j;
      const std::size_t run = j - i;
      if (!out.empty()) out += ' ';
      out += run > 1 ? "g " + std::to_string(run) + ' ' + mm(a * size) : mm(a * size);
      i = j;
    }
    return out;
  }

  std::string xml_;
  std::uint32_t next_id_;
};

struct Field {
  std::string label;
  std::string value;
};

std::vector<Field> fields_of(const CertificateContent& c) {
  auto or_dash = [](const std::string& s) { return s.empty() ? std::string("--") : s; };
  std::vector<Field> f = {
      {"姓名", or_dash(c.holder_name)},
      {"性别", or_dash(c.sex)},
      {"证件类型", or_dash(c.document_type)},
      {"证件号码", or_dash(c.document_number)},
      {"职业名称", or_dash(c.occupation_name)},
      {"职业编码", or_dash(c.occupation_code)},
      {"工种/职业方向", or_dash(c.occupation_direction)},
      {"职业资格等级", or_dash(c.level_text)},
  };
  if (c.theory_score) f.push_back({"理论知识考试成绩", *c.theory_score});
  if (c.practical_score) f.push_back({"操作技能考核成绩", *c.practical_score});
  f.push_back({"证书编号", or_dash(c.number)});
  f.push_back({"发证日期", chinese_date(c.issued_on)});
  if (c.valid_until) f.push_back({"有效期至", chinese_date(*c.valid_until)});
  f.push_back({"评价机构名称", or_dash(c.issuing_body)});
  return f;
}

void draw_fields(PageWriter& page, const CertificateContent& c) {
  double y = kRowsY;
  for (const auto& f : fields_of(c)) {
    page.text(kLabelX, y, kFontHei, kValueSize, f.label + "：");
    const bool beside_photo = y < kPhotoY + kPhotoH + 2;
    page.text(kValueX, y, kFontFangSong, kValueSize, f.value, kBlack, (beside_photo ? kPhotoX - 4 : kRightEdge) - kValueX);
    y += kRowPitch;
  }
}

void draw_photo(PageWriter& page, const CertificateContent& c) {
  if (!c.photo_png.empty()) {
    page.image(kPhotoX, kPhotoY, kPhotoW, kPhotoH, kPhotoImageId);
    return;
  }
  page.frame(kPhotoX, kPhotoY, kPhotoW, kPhotoH, 0.3, kGrey);
  page.text(kPhotoX + (kPhotoW - 2 * kValueSize) / 2, kPhotoY + kPhotoH / 2 - kValueSize / 2, kFontSong, kValueSize, "照片",
            kGrey);
}

}  // namespace

std::string chinese_date(const CivilDate& d) {
  return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日";
}

Result<PageContent> layout_certificate_page(const CertificateContent& c, const std::string& qr_text) {
  auto qr = qr_vector(qr_text, kQrSize);
  if (!qr) return fail(qr.error());
  PageWriter page(kFirstPageObjectId + 1);  // kFirstPageObjectId is the layer
  page.frame(8, 8, 194, 281, 1.2, kGold);
  page.frame(12, 12, 186, 273, 0.4, kGold);
  const double title_size = 14;
  page.text((210 - 6 * title_size) / 2, 24, kFontHei, title_size, c.title.empty() ? "职业资格证书" : c.title, kTitle, 170);
  draw_photo(page, c);
  draw_fields(page, c);
  page.text(kLabelX, 184, kFontKai, kValueSize, "该持证人经考核鉴定合格，特发此证。");
  page.filled_path(kQrX, kQrY, qr->size_mm, qr->size_mm, qr->module_mm, qr->abbreviated_data, kBlack);
  page.text(kQrX + 5, kQrY + kQrSize + 1, kFontSong, 3.5, "扫码查验证书", kGrey);
  // Issuer and date right-aligned above the closing border, the seal laid over them as on paper.
  const std::string issuer = c.issuing_body.empty() ? "--" : c.issuing_body;
  const double issuer_w = std::min(text_units(issuer) * kValueSize, 74.0);
  page.text(kIssuerRight - issuer_w, 200, kFontSong, kValueSize, issuer, kBlack, 74);
  const std::string date = chinese_date(c.issued_on);
  page.text(kIssuerRight - text_units(date) * kValueSize, 209, kFontSong, kValueSize, date);
  page.image(kSealX, kSealY, kSealSize, kSealSize, kSealImageId);  // drawn last: the seal lies over the text
  page.text(kSealX, kSealY + kSealSize + 1, kFontSong, 3, "（演示印章，不具法律效力）", kGrey);
  page.text(kLabelX, 256, kFontSong, 3.5, "证书信息查询网址：http://jndj.osta.org.cn");
  page.text(kLabelX, 263, kFontSong, 3.5, "机构信息查询网址：http://pjjg.osta.org.cn");
  PageContent out;
  out.xml.reserve(qr->abbreviated_data.size() + 16384);
  out.xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content>"
            "<ofd:Layer ID=\"" + std::to_string(kFirstPageObjectId) + "\" Type=\"Body\">";
  out.xml += page.take();
  out.xml += "</ofd:Layer></ofd:Content></ofd:Page>\n";
  out.max_id = page.last_id();
  return out;
}

}  // namespace rc::cert
