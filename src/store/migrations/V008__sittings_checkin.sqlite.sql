-- V008 (SQLite): sittings' rooms, seat plans, proctors, check-in and incidents (issue 5: F6, F7,
-- F10; R6, D11). A room belongs to a station; a sitting uses some of its rooms; each candidate of
-- the sitting has one seat and one admission ticket (准考证) whose number is unique. Check-ins and
-- incidents are evidence: append-only in the database itself.

CREATE TABLE exam_rooms (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  station_id BIGINT NOT NULL REFERENCES stations (id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
  seats INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 500),
  kind TEXT NOT NULL DEFAULT 'theory' CHECK (kind IN ('theory', 'practical')),
  created_at BIGINT NOT NULL,
  UNIQUE (station_id, name)
);

-- The rooms a sitting uses (its capacity is the sum of their seats, kept in sittings.capacity).
CREATE TABLE sitting_rooms (
  sitting_id BIGINT NOT NULL REFERENCES sittings (id),
  room_id BIGINT NOT NULL REFERENCES exam_rooms (id),
  PRIMARY KEY (sitting_id, room_id)
);

-- The seat plan: one seat per candidate (registration) per sitting, with what they sit there
-- (新考/补考 per subject; NULL = not taking that subject at this sitting) and the ticket number.
CREATE TABLE sitting_seats (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sitting_id BIGINT NOT NULL REFERENCES sittings (id),
  registration_id BIGINT NOT NULL REFERENCES registrations (id),
  room_id BIGINT NOT NULL REFERENCES exam_rooms (id),
  seat_no INTEGER NOT NULL CHECK (seat_no BETWEEN 1 AND 500),
  theory_kind TEXT CHECK (theory_kind IS NULL OR theory_kind IN ('first', 'retake', 'makeup')),
  practical_kind TEXT CHECK (practical_kind IS NULL OR practical_kind IN ('first', 'retake', 'makeup')),
  ticket_no TEXT NOT NULL UNIQUE CHECK (length(ticket_no) BETWEEN 6 AND 32),
  assigned_at BIGINT NOT NULL,
  assigned_by BIGINT REFERENCES users (id),
  UNIQUE (sitting_id, registration_id),
  UNIQUE (sitting_id, room_id, seat_no),
  CHECK (theory_kind IS NOT NULL OR practical_kind IS NOT NULL)
);
CREATE INDEX sitting_seats_by_registration ON sitting_seats (registration_id);

-- Proctors (监考员) per room of a sitting; examiners for the practical use the same table with
-- room_id of a practical room.
CREATE TABLE sitting_staff (
  sitting_id BIGINT NOT NULL REFERENCES sittings (id),
  room_id BIGINT NOT NULL REFERENCES exam_rooms (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  duty TEXT NOT NULL CHECK (duty IN ('proctor', 'examiner')),
  assigned_at BIGINT NOT NULL,
  PRIMARY KEY (sitting_id, room_id, user_id)
);
CREATE INDEX sitting_staff_by_user ON sitting_staff (user_id, sitting_id);

-- Check-in at the room door (R6, D11): admitted (ID document and face checked, by the face
-- verifier or, when it fails, by the proctor's manual check with a reason), or absent (not
-- admitted within 15 minutes of the start; recorded by the proctor or by the system sweep, then
-- recorded_by is NULL). One row per candidate, sitting and subject; never changed.
CREATE TABLE exam_checkins (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sitting_id BIGINT NOT NULL REFERENCES sittings (id),
  registration_id BIGINT NOT NULL REFERENCES registrations (id),
  subject TEXT NOT NULL CHECK (subject IN ('theory', 'practical')),
  outcome TEXT NOT NULL CHECK (outcome IN ('admitted', 'absent')),
  method TEXT CHECK (method IS NULL OR method IN ('face', 'manual')),
  face_distance_milli INTEGER CHECK (face_distance_milli IS NULL OR face_distance_milli >= 0),
  note TEXT NOT NULL DEFAULT '',
  recorded_at BIGINT NOT NULL,
  recorded_by BIGINT REFERENCES users (id),
  UNIQUE (sitting_id, registration_id, subject),
  CHECK (outcome <> 'admitted' OR method IS NOT NULL),
  CHECK (method IS NULL OR method <> 'manual' OR length(note) > 0)
);

-- Incidents (考场记录) written by proctors and examiners: never changed, never deleted.
CREATE TABLE exam_incidents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sitting_id BIGINT NOT NULL REFERENCES sittings (id),
  room_id BIGINT REFERENCES exam_rooms (id),
  registration_id BIGINT REFERENCES registrations (id),
  kind TEXT NOT NULL CHECK (kind IN ('identity', 'late', 'cheating', 'device', 'health', 'disruption', 'other')),
  description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  recorded_at BIGINT NOT NULL,
  recorded_by BIGINT REFERENCES users (id)
);
CREATE INDEX exam_incidents_by_sitting ON exam_incidents (sitting_id, id);

CREATE TRIGGER exam_checkins_no_update BEFORE UPDATE ON exam_checkins
BEGIN
  SELECT RAISE(ABORT, 'exam_checkins is append-only');
END;
CREATE TRIGGER exam_checkins_no_delete BEFORE DELETE ON exam_checkins
BEGIN
  SELECT RAISE(ABORT, 'exam_checkins is append-only');
END;
CREATE TRIGGER exam_incidents_no_update BEFORE UPDATE ON exam_incidents
BEGIN
  SELECT RAISE(ABORT, 'exam_incidents is append-only');
END;
CREATE TRIGGER exam_incidents_no_delete BEFORE DELETE ON exam_incidents
BEGIN
  SELECT RAISE(ABORT, 'exam_incidents is append-only');
END;
