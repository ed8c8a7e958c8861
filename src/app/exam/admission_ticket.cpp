#include "app/exam/admission_ticket.h"

#include "app/exam/ticket_qr.h"

namespace rc::app {
namespace {

SymmetricKey ticket_key(const Platform& p) { return derive_key(p.keys().lookup_key, "ticket-qr/v1"); }

}  // namespace

std::string ticket_qr_text(const Platform& p, std::string_view ticket_no) {
  return ticket_qr_text(ticket_key(p), ticket_no);
}

Result<std::string> parse_ticket_qr(const Platform& p, std::string_view text) {
  return parse_ticket_qr(ticket_key(p), text);
}

std::string_view ticket_kind_label(store::AttemptKind kind) {
  return kind == store::AttemptKind::kFirst ? "新考" : "补考";
}

}  // namespace rc::app
