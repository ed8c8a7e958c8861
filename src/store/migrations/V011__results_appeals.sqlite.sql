-- V011 (SQLite): results appeals (成绩复核, D13), the score corrections they make, and the
-- placements of candidates with a retake or make-up right on a later sitting (F15, R12, D15).
-- A correction never rewrites history silently: the attempts row carries the current outcome and
-- score (what the rules engine replays), score_corrections keeps every before/after with its
-- reason, append-only in the database itself.

CREATE TABLE result_appeals (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  attempt_id BIGINT NOT NULL UNIQUE REFERENCES attempts (id),   -- one appeal per subject's score
  registration_id BIGINT NOT NULL REFERENCES registrations (id),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  status TEXT NOT NULL CHECK (status IN ('pending', 'upheld', 'corrected')),
  requested_at BIGINT NOT NULL,
  requested_by BIGINT REFERENCES users (id),
  decision_reason TEXT,
  decided_at BIGINT,
  decided_by BIGINT REFERENCES users (id),
  CHECK (status = 'pending' OR (decided_at IS NOT NULL AND decision_reason IS NOT NULL AND length(decision_reason) > 0))
);
CREATE INDEX result_appeals_by_registration ON result_appeals (registration_id);

CREATE TABLE score_corrections (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  attempt_id BIGINT NOT NULL REFERENCES attempts (id),
  appeal_id BIGINT REFERENCES result_appeals (id),
  old_outcome TEXT NOT NULL,
  old_score_milli INTEGER,
  new_outcome TEXT NOT NULL CHECK (new_outcome IN ('pass', 'fail')),
  new_score_milli INTEGER NOT NULL CHECK (new_score_milli BETWEEN 0 AND 100000),
  reason TEXT NOT NULL CHECK (length(reason) > 0),
  recorded_at BIGINT NOT NULL,
  recorded_by BIGINT REFERENCES users (id)
);
CREATE INDEX score_corrections_by_attempt ON score_corrections (attempt_id, id);
CREATE TRIGGER score_corrections_no_update BEFORE UPDATE ON score_corrections
BEGIN
  SELECT RAISE(ABORT, 'score_corrections is append-only');
END;
CREATE TRIGGER score_corrections_no_delete BEFORE DELETE ON score_corrections
BEGIN
  SELECT RAISE(ABORT, 'score_corrections is append-only');
END;

-- F15: a registration with a right (R12a/c/e, D7) put on a later sitting, free (D15). One per
-- subject and kind: a right is used once (D5).
CREATE TABLE retake_placements (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  registration_id BIGINT NOT NULL REFERENCES registrations (id),
  sitting_id BIGINT NOT NULL REFERENCES sittings (id),
  subject TEXT NOT NULL CHECK (subject IN ('theory', 'practical')),
  kind TEXT NOT NULL CHECK (kind IN ('retake', 'makeup')),
  rule TEXT NOT NULL,
  deadline TEXT NOT NULL CHECK (length(deadline) = 10),
  fee_fen BIGINT NOT NULL DEFAULT 0 CHECK (fee_fen = 0),
  placed_at BIGINT NOT NULL,
  placed_by BIGINT REFERENCES users (id),
  UNIQUE (registration_id, subject, kind)
);
CREATE INDEX retake_placements_by_sitting ON retake_placements (sitting_id);
