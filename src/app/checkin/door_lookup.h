#pragma once
// Use case: the proctor looks a candidate up at the room door by the admission ticket (the QR text
// read by the page's camera or a USB scanner, or the number typed; the web edge turns either into
// the ticket number). Shows what the proctor compares with the person and the ID document: name,
// masked ID number, the registration photo (the one printed on the ticket), the seat, and whether a
// face template is enrolled for the face check. A view of personal data: audited. When the door has
// closed (D11) on a candidate not yet checked in, the look-up records the absence
// (record_absences.h) and the card says so, with the refusal to show. Only a proctor of this room
// (kForbidden); the ticket must be of this room (kTicketInvalid). Thread-safe (its own
// transaction).

#include <optional>
#include <string>
#include <string_view>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "domain/policy/policy_catalog.h"
#include "identity/personal_data_cipher.h"
#include "store/checkin_records.h"
#include "store/database.h"

namespace rc::app {

struct DoorCard {
  store::ProctorRoom room;
  store::DoorSeat seat;
  std::optional<std::string> photo;  // decrypted image bytes
  std::string photo_media_type;
  bool face_enrolled = false;
  store::Timestamp door_closes_at{};
  std::optional<Error> refusal;  // kCheckInLate: the door had closed; recorded absent now (D11)
};

[[nodiscard]] Result<DoorCard> look_up_at_door(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                               const identity::PersonalDataCipher& cipher, const Actor& actor,
                                               store::Id sitting_id, store::Id room_id, std::string_view ticket_no);

}  // namespace rc::app
