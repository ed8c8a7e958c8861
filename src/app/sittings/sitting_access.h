#pragma once
// Shared by the sitting use cases (src/app/sittings): a sitting as its station's user may manage
// it (kForbidden for another station's sitting or another role; kNotFound when there is none),
// and the labels every page and the ticket use. Runs inside the caller's transaction.

#include <string>
#include <string_view>

#include "app/registration/actor.h"
#include "app/subject_label.h"  // subject_label, shared
#include "store/database.h"
#include "store/records.h"
#include "store/seat_plan_records.h"

namespace rc::app {

// kForbidden unless the actor is a station user (of any station: entity_id set).
[[nodiscard]] Result<void> require_station_user(const Actor& actor);

// The sitting, when it belongs to the actor's station.
[[nodiscard]] Result<store::Sitting> station_sitting(store::Transaction& tx, const Actor& actor, store::Id sitting_id);

// A sitting may still be planned (rooms, seats, staff) until it is held, closed or cancelled.
[[nodiscard]] Result<void> require_plannable(const store::Sitting& sitting);

std::string_view sitting_status_label(store::SittingStatus s);  // 计划中, 已开放, ...
std::string_view duty_label(store::StaffDuty d);                // 监考员, 考评员

}  // namespace rc::app
