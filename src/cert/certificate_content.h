#pragma once
// CertificateContent: everything printed on one 职业资格证书 page (spec/OFD.md §6, DOMAIN.md §3-4),
// frozen at issuance. The writer lays it out; the verifier reads the key fields back from
// DocInfo/CustomDatas. Plain values only: the caller (app) decrypts and formats.
//
// Thread safety: a value type.

#include <optional>
#include <string>

#include "domain/common/civil_date.h"

namespace rc::cert {

struct CertificateContent {
  std::string title = "职业资格证书";
  std::string number;            // opaque, e.g. the fictitious demo scheme YJJY2026511350000001
  std::string scheme;            // numbering scheme tag, e.g. "demo-yjjy"
  std::string holder_name;       // 张三
  std::string sex;               // 男 | 女
  std::string document_type;     // 居民身份证, 港澳台居民居住证, ...
  std::string document_number;   // full number: the holder's own document shows it unmasked
  std::string occupation_name = "应急救援员";
  std::string occupation_code = "3-02-03-08";
  std::string occupation_direction = "--";   // 工种/职业方向: "--" when none, never empty
  std::string level_text;        // 五级/初级工
  std::optional<std::string> theory_score;     // "85.0" (one decimal, R7 display)
  std::optional<std::string> practical_score;  // "72.5"
  CivilDate issued_on;
  std::optional<CivilDate> valid_until;        // none: no expiry under the registration's policy
  std::string issuing_body;      // 评价机构名称, e.g. 南充市应急救援职业技能鉴定站
  std::string verification_url;  // https://host/verify?no=<number>; the QR text starts with it
  std::string photo_png;         // PNG bytes of the holder's photo; empty draws a "照片" placeholder
};

}  // namespace rc::cert
