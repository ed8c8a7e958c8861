#pragma once
// Use case: a proctor records an incident in their room (考场记录, F10; DOMAIN.md §5: absence and
// cheating are recorded on the room's record): a kind (identity, late, cheating, device, health,
// disruption, other), a description of 1-2000 characters, and optionally the candidate it concerns,
// named by ticket number (who must be seated in this room). Incidents are never changed or deleted.
// Audited. Only a proctor of this room (kForbidden). Thread-safe (its own transaction).

#include <string>

#include "app/registration/actor.h"
#include "domain/common/clock.h"
#include "domain/common/result.h"
#include "store/checkin_records.h"
#include "store/database.h"

namespace rc::app {

inline constexpr std::size_t kIncidentDescriptionMaxChars = 2000;

struct IncidentForm {
  store::Id sitting_id = 0;
  store::Id room_id = 0;
  std::string kind;         // stored text, e.g. "cheating"
  std::string description;  // trimmed here
  std::string ticket_no;    // "" when it concerns no one candidate
};

// The new incident's id. kUnknownEnumValue (kind), kMissingField / kTooLarge (description),
// kTicketInvalid (a ticket not of this room).
[[nodiscard]] Result<store::Id> record_incident(store::Database& db, const Clock& clock, const Actor& actor,
                                                const IncidentForm& form);

// Chinese label of a kind: 身份核验, 迟到, 违纪作弊, 设备故障, 身体不适, 扰乱考场秩序, 其他.
std::string_view incident_kind_label(store::IncidentKind kind);

}  // namespace rc::app
