#pragma once
// The certificate page as OFD Content.xml: A4 portrait, every field of CertificateContent (spec/OFD.md
// §1.3 and §6), the photo, the seal image and the vector QR code. Resource IDs below are fixed so
// that PublicRes.xml is the same bytes for every certificate.
//
// Thread safety: pure function.

#include <cstdint>
#include <string>

#include "cert/certificate_content.h"
#include "domain/common/result.h"

namespace rc::cert {

inline constexpr std::uint32_t kPageId = 1;
inline constexpr std::uint32_t kFontSong = 2;      // 宋体: running text
inline constexpr std::uint32_t kFontHei = 3;       // 黑体: title and labels
inline constexpr std::uint32_t kFontFangSong = 4;  // 仿宋: values (小四, spec/OFD.md §6)
inline constexpr std::uint32_t kFontKai = 5;       // 楷体: the closing sentence
inline constexpr std::uint32_t kSealImageId = 6;
inline constexpr std::uint32_t kPhotoImageId = 7;
inline constexpr std::uint32_t kFirstPageObjectId = 8;

struct PageContent {
  std::string xml;          // Content.xml bytes
  std::uint32_t max_id = 0; // the largest ID used on the page (for MaxUnitID)
};

// REQUIRES: qr_text is the text for this content (qr_payload.h).
[[nodiscard]] Result<PageContent> layout_certificate_page(const CertificateContent& content, const std::string& qr_text);

// "2026年11月28日"
std::string chinese_date(const CivilDate& d);

}  // namespace rc::cert
