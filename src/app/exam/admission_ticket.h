#pragma once
// The admission ticket (准考证, F7): what a seated candidate brings to the sitting, as data for the
// page and the PDF, and the check-in QR code printed on it (app/exam/ticket_qr.h for the format).
//
// QR key: derive_key(lookup_key, "ticket-qr/v1") (app/key_store.h), so no new key file.
//
// load_admission_ticket is a view of personal data (the photo, decrypted): it is audited
// (personal_data_view) in its own transaction. Who may load a ticket: the candidate (own tickets
// only), the station of the sitting, and proctors and examiners of that station (check-in).
// Thread-safe (its own transactions; Platform is thread-safe).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/platform.h"
#include "app/registration/actor.h"
#include "domain/common/result.h"
#include "store/records.h"

namespace rc::app {

// The text encoded in a ticket's QR code: "RCT1:" + ticket_no + ":" + 16 hex of its MAC.
// REQUIRES: ticket_no is a ticket number (6-32 of [0-9A-Z-]).
std::string ticket_qr_text(const Platform& p, std::string_view ticket_no);

struct TicketSubject {
  store::Subject subject = store::Subject::kTheory;
  store::AttemptKind kind = store::AttemptKind::kFirst;  // first, retake or makeup
  std::string label;       // 理论知识考试 / 技能考核
  std::string kind_label;  // 新考 / 补考
  std::optional<store::Timestamp> starts_at;
  std::optional<int> minutes;  // theory only
};

struct AdmissionTicket {
  std::string ticket_no;
  std::string qr_text;  // ticket_qr_text(ticket_no)
  store::Id seat_id = 0;
  store::Id sitting_id = 0;
  store::Id registration_id = 0;
  store::Id candidate_id = 0;
  store::Id room_id = 0;
  std::string candidate_name;
  store::Sex sex = store::Sex::kMale;
  std::string id_number_masked;
  std::string document_type;  // 居民身份证 ...
  std::optional<std::string> photo;  // decrypted image bytes, when on file
  std::string photo_media_type;
  std::string station_name;
  std::string station_address;
  int level = 5;
  CivilDate held_on;
  std::string room_name;
  int seat_no = 0;
  std::vector<TicketSubject> subjects;  // theory first
  store::SittingStatus sitting_status = store::SittingStatus::kPlanned;
};

// The ticket of a registration: its seat at the latest sitting it is seated for (kNotFound when
// it has no seat yet). kForbidden per the access rule above.
[[nodiscard]] Result<AdmissionTicket> load_admission_ticket(Platform& p, const Actor& actor, store::Id registration_id);

// The ticket with this number (as ticket_from_scan returns it, app/checkin/door_ticket.h); kNotFound
// when there is none.
[[nodiscard]] Result<AdmissionTicket> load_admission_ticket(Platform& p, const Actor& actor, std::string_view ticket_no);

// The signed-in candidate's current ticket: the seat of their newest registration that has one
// (kForbidden for other roles; kNotFound when none is seated yet).
[[nodiscard]] Result<AdmissionTicket> load_own_admission_ticket(Platform& p, const Actor& candidate);

// The same on explicit parts (tests, and callers without a Platform).
struct TicketServices {
  store::Database& db;
  const Clock& clock;
  const identity::PersonalDataCipher& cipher;
  SymmetricKey qr_key;  // ticket_qr_key(keys)
};
SymmetricKey ticket_qr_key(const KeySet& keys);  // derive_key(lookup_key, "ticket-qr/v1")
[[nodiscard]] Result<AdmissionTicket> load_admission_ticket(const TicketServices& s, const Actor& actor,
                                                            store::Id registration_id);
[[nodiscard]] Result<AdmissionTicket> load_admission_ticket(const TicketServices& s, const Actor& actor,
                                                            std::string_view ticket_no);
[[nodiscard]] Result<AdmissionTicket> load_own_admission_ticket(const TicketServices& s, const Actor& candidate);

// 新考 for first, 补考 for retake and makeup.
std::string_view ticket_kind_label(store::AttemptKind kind);

}  // namespace rc::app
