#pragma once
// The pages of an OFD file drawn with cairo + pango (F17: "PDF and PNG renderings of the same
// page"). It reads the file itself, not CertificateContent: what is drawn is what the OFD says
// (TextObject/TextCode with DeltaX/DeltaY, PathObject AbbreviatedData, PNG ImageObjects, colours).
// Fonts are substituted by name as OFD readers do: 宋体/仿宋/楷体 -> Noto Serif CJK SC, 黑体 -> Noto Sans
// CJK SC (fonts-noto-cjk); glyph positions come from DeltaX, so only the shapes differ.
// Limits: arcs (A) are drawn as straight lines to their end point; JPEG images are skipped.
//
// The input is not verified here: call verify_certificate_ofd first when that matters.
// Thread safety: pure functions.

#include <string>
#include <string_view>

#include "domain/common/result.h"

namespace rc::cert {

// The first page as PNG at `dpi` (36-600). kOfdMalformed when the file cannot be read.
[[nodiscard]] Result<std::string> render_ofd_png(std::string_view ofd_bytes, double dpi = 200);

// Every page as one PDF, all vector: text is drawn as glyph outlines (see page_draw.h for why), so
// it cannot be selected; the OFD file remains the document of record.
[[nodiscard]] Result<std::string> render_ofd_pdf(std::string_view ofd_bytes);

}  // namespace rc::cert
