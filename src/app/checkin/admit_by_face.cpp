#include "app/checkin/admit_by_face.h"

#include <cmath>

#include "store/biometric_repository.h"

namespace rc::app {
namespace {

struct Enrolled {
  store::DoorSeat seat;
  face::FaceTemplate face;
};

Result<Enrolled> enrolled_at_door(store::Database& db, const PolicyCatalog& policies,
                                  const identity::PersonalDataCipher& cipher, const Actor& actor, store::Id sitting_id,
                                  store::Id room_id, std::string_view ticket_no, store::Timestamp at) {
  auto stored = db.read([&](store::Transaction& tx) -> Result<std::pair<store::DoorSeat, store::FaceTemplate>> {
    auto seat = admissible_seat(tx, policies, actor, sitting_id, room_id, ticket_no, at);
    if (!seat) return fail(seat.error());
    auto t = store::BiometricRepository(tx).latest_face_template(seat->candidate_id);
    if (!t) return fail(t.error());
    if (!*t) return fail(ErrorCode::kWrongState, "face", "该考生没有登记的人脸特征，请人工核对证件后放行", "R6");
    return std::pair{std::move(*seat), std::move(**t)};
  });
  if (!stored) return fail(stored.error());
  const auto& blob = stored->second.template_cipher;
  auto plain = cipher.decrypt_biometric(std::string(blob.begin(), blob.end()));
  if (!plain) return fail(plain.error());
  auto face = face::FaceTemplate::from_bytes(*plain);
  if (!face) return fail(face.error());
  return Enrolled{std::move(stored->first), *face};
}

}  // namespace

Result<FaceAtDoor> admit_by_face(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                 const identity::PersonalDataCipher& cipher, face::FaceVerifier& verifier,
                                 const Actor& actor, store::Id sitting_id, store::Id room_id,
                                 std::string_view ticket_no, std::string_view live_capture) {
  const auto now = clock.now();
  const auto at = to_timestamp(now);
  auto enrolled = enrolled_at_door(db, policies, cipher, actor, sitting_id, room_id, ticket_no, at);
  if (!enrolled) {
    // A late arrival is recorded absent by the admission itself (D11).
    if (enrolled.error().code == ErrorCode::kCheckInLate)
      return fail(refuse_late_arrival(db, policies, actor, sitting_id, room_id, ticket_no, now));
    return fail(enrolled.error());
  }
  FaceAtDoor out;
  out.seat = enrolled->seat;
  auto match = verifier.verify(enrolled->face, live_capture);
  out.method = match ? match->method : std::string(verifier.name());
  if (!match || !match->same_person) {
    out.message = match ? "人脸核验未通过：现场抓拍与报名照片不像同一人。请重新抓拍，或人工核对证件后放行"
                        : "人脸核验未通过：" + match.error().message + "。请重新抓拍，或人工核对证件后放行";
    const int distance_milli = match ? static_cast<int>(std::lround(match->distance * 1000)) : -1;
    if (match) out.distance = match->distance;
    nlohmann::json detail{{"sitting", sitting_id},
                          {"room", room_id},
                          {"same_person", false},
                          {"method", out.method},
                          {"distance_milli", distance_milli}};
    auto a = db.transaction([&](store::Transaction& tx) {
      return audit(tx, actor, at, {"checkin.face_verify", "registration", out.seat.registration_id, detail});
    });
    if (!a) return fail(a.error());
    return out;
  }
  out.distance = match->distance;
  const int distance_milli = static_cast<int>(std::lround(match->distance * 1000));
  auto admitted = admit_at_door(db, policies, actor,
                                {sitting_id, room_id, std::string(ticket_no), store::CheckinMethod::kFace,
                                 distance_milli, "人脸核验通过（" + out.method + "）"},
                                now);
  if (!admitted) return fail(admitted.error());
  out.admitted = true;
  out.message = "人脸核验通过，已准予入场";
  out.seat = std::move(admitted->seat);
  out.checkin = std::move(admitted->checkin);
  return out;
}

}  // namespace rc::app
