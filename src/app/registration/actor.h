#pragma once
// The acting user and the audit trail, shared by every registration use case (src/app/registration).
//
// Each use case receives the Actor explicitly and checks it itself, even though the web layer's
// route guard checked the role first (defence in depth): an organisation user acts only on its
// own organisation's batches, a station user only on registrations of batches sent to its station,
// a candidate only on its own application. A refusal is kForbidden.
//
// Every change, and every read of personal data, appends an AuditEvent in the use case's own
// transaction, so the trail and the change commit or roll back together.
//
// Plain values and functions; thread-safe as their Transaction.

#include <chrono>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::app {

struct Actor {
  store::Id user_id = 0;  // 0 for the system (scheduled jobs)
  std::string username;   // as shown in the audit trail; "system" for scheduled jobs
  store::Role role = store::Role::kCandidate;
  // The entity the account acts for: organisation_id, station_id or candidate_id by role; 0 for
  // administrators and the system.
  store::Id entity_id = 0;
};

// The actor of scheduled jobs (purge_expired_biometrics).
Actor system_actor();
// The Actor of a stored account (e.g. after login, for the web layer's session).
Actor actor_of(const store::User& user);

// kForbidden unless the actor is an organisation user of this organisation.
[[nodiscard]] Result<void> require_organisation(const Actor& actor, store::Id organisation_id);
// kForbidden unless the actor is a station user of this station.
[[nodiscard]] Result<void> require_station(const Actor& actor, store::Id station_id);
// kForbidden unless the actor is this candidate.
[[nodiscard]] Result<void> require_candidate(const Actor& actor, store::Id candidate_id);

store::Timestamp to_timestamp(std::chrono::system_clock::time_point t);

struct AuditEntry {
  std::string_view action;       // e.g. "batch.create", "registration.approve"
  std::string_view entity_type;  // "batch", "registration", "candidate", "user", "biometrics"
  store::Id entity_id = 0;
  nlohmann::json detail = nlohmann::json::object();  // no personal data, or masked only
  bool personal_data_view = false;
};

// Appends one event by `actor` at `at`.
[[nodiscard]] Result<void> audit(store::Transaction& tx, const Actor& actor, store::Timestamp at, AuditEntry entry);

}  // namespace rc::app
