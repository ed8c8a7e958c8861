-- V004: what the registration use cases (src/app/registration) keep beyond V001: the contact
-- fields a candidate completes (F4), the progress of each application's confirmation steps (R4),
-- and every face-verification result. Append-only, portable (see V001's header).

-- Fields the system requires before a candidate may agree (F4). Free text, stored as given.
CREATE TABLE candidate_details (
  candidate_id BIGINT PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
  employer TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  emergency_contact_name TEXT NOT NULL DEFAULT '',
  emergency_contact_phone TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL
);

-- One row per registration once the candidate starts confirming (R4). NULL: step not done.
-- A face step is done by a match (face_verified_at) or by asking for a manual check.
CREATE TABLE registration_confirmations (
  registration_id BIGINT PRIMARY KEY REFERENCES registrations (id),
  photo_accepted_at BIGINT,
  id_confirmed_at BIGINT,
  face_verified_at BIGINT,
  face_failures INTEGER NOT NULL DEFAULT 0 CHECK (face_failures >= 0),
  manual_review_requested_at BIGINT,
  agreed_at BIGINT,
  updated_at BIGINT NOT NULL
);

-- Results only: the live capture itself is never stored (GB/T 35273 6.3).
CREATE TABLE face_verifications (
  id {{ID}},
  registration_id BIGINT NOT NULL REFERENCES registrations (id),
  at BIGINT NOT NULL,
  method TEXT NOT NULL,
  distance_milli INTEGER NOT NULL,             -- the method's distance x 1000, rounded
  same_person INTEGER NOT NULL CHECK (same_person IN (0, 1))
);
CREATE INDEX face_verifications_by_registration ON face_verifications (registration_id, at);
