#pragma once
// The admission ticket (准考证, F7) drawn with cairo + pango: one A4 page with the photo, the
// masked ID number (GB/T 35273 7.2), sitting, room, seat, subjects with 新考/补考, times, the rules
// of conduct (考场规则: what to bring, R5; no entry 15 minutes after the start, D11) and the
// check-in QR code (vector, drawn from cert::qr_vector). In the PDF the text is drawn as glyph
// outlines (cairo 1.16 leaks memory for every PDF that embeds a font; see the .cpp), so it prints
// the same everywhere but cannot be selected; the PNG is the same drawing with real text.
// Thread safety: pure functions (cairo, pango and libqrencode calls have no shared state here).

#include <string>
#include <vector>

#include "app/exam/admission_ticket.h"
#include "domain/common/result.h"

namespace rc::app {

// The ticket as PDF bytes.
[[nodiscard]] Result<std::string> admission_ticket_pdf(const AdmissionTicket& ticket);
// The same page as PNG at `dpi` (72-300).
[[nodiscard]] Result<std::string> admission_ticket_png(const AdmissionTicket& ticket, double dpi);

// The rules of conduct printed on every ticket, one line each (also shown on the ticket page).
const std::vector<std::string>& ticket_conduct_rules();

// "2026-12-05 09:00" in China time.
std::string china_time_text(store::Timestamp t);

}  // namespace rc::app
