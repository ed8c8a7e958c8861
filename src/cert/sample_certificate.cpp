#include "cert/sample_certificate.h"

#include <cstdio>

#include "cert/seal_image.h"

namespace rc::cert {

CertificateContent sample_certificate_content(CivilDate issued_on) {
  CertificateContent c;
  char number[32];
  std::snprintf(number, sizeof number, "YJJY%04d5113%d%06d", issued_on.year(), 5, 1);
  c.number = number;
  c.scheme = "demo-yjjy";
  c.holder_name = "李演示";
  c.sex = "男";
  c.document_type = "居民身份证";
  c.document_number = "511304199001010010";
  c.level_text = "五级/初级工";
  c.theory_score = "85.0";
  c.practical_score = "78.5";
  c.issued_on = issued_on;
  c.issuing_body = "南充市应急救援职业技能鉴定站（演示）";
  c.verification_url = "https://rescuecert.example/verify?no=" + c.number;
  c.photo_png = demo_photo_png();
  return c;
}

}  // namespace rc::cert
