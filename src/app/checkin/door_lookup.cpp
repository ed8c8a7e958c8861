#include "app/checkin/door_lookup.h"

#include "app/checkin/door_access.h"
#include "app/checkin/record_absences.h"
#include "store/biometric_repository.h"

namespace rc::app {
namespace {

std::string as_string(const store::Bytes& b) { return std::string(b.begin(), b.end()); }

}  // namespace

Result<DoorCard> look_up_at_door(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                 const identity::PersonalDataCipher& cipher, const Actor& actor, store::Id sitting_id,
                                 store::Id room_id, std::string_view ticket_no) {
  const auto at = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<DoorCard> {
    auto room = require_proctor_room(tx, actor, sitting_id, room_id);
    if (!room) return fail(room.error());
    auto seat = seat_in_room(tx, *room, ticket_no);
    if (!seat) return fail(seat.error());
    DoorCard card{std::move(*room), std::move(*seat), std::nullopt, {}, false, {}, std::nullopt};
    auto closes = door_closes_at(policies, card.seat, card.room.theory_starts_at);
    if (!closes) return fail(closes.error());
    card.door_closes_at = *closes;
    if (!card.seat.theory_outcome && at > *closes) {
      if (auto a = record_absent_in(tx, actor, sitting_id, card.seat.registration_id, *card.seat.theory_kind, at); !a)
        return fail(a.error());
      card.seat.theory_outcome = store::CheckinOutcome::kAbsent;
      card.seat.checked_at = at;
    }
    if (card.seat.theory_outcome == store::CheckinOutcome::kAbsent) {
      auto policy = policies.by_id(card.seat.policy_id);
      if (!policy) return fail(policy.error());
      card.refusal = late_arrival_error(**policy);
    }
    store::BiometricRepository biometrics(tx);
    auto photo = biometrics.latest_photo(card.seat.candidate_id);
    if (!photo) return fail(photo.error());
    if (*photo) {
      auto image = cipher.decrypt_biometric(as_string((*photo)->image));
      if (!image) return fail(image.error());
      card.photo = std::move(*image);
      card.photo_media_type = (*photo)->media_type;
    }
    auto face = biometrics.latest_face_template(card.seat.candidate_id);
    if (!face) return fail(face.error());
    card.face_enrolled = face->has_value();
    nlohmann::json detail{{"sitting", sitting_id},
                          {"room", room_id},
                          {"seat", card.seat.seat_no},
                          {"id_number", card.seat.id_number_masked},
                          {"photo", card.photo.has_value()}};
    if (auto a = audit(tx, actor, at, {"checkin.lookup", "registration", card.seat.registration_id, detail, true}); !a)
      return fail(a.error());
    return card;
  });
}

}  // namespace rc::app
