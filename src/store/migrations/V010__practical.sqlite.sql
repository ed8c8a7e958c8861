-- V010 (SQLite): the practical assessment (issue 6, F12; R7, R12b, D4). Per candidate attempt at a
-- sitting: the recorded draw of the 抽考 items (seed and time, reproducible for audit), the claim
-- of one examining group (a practical room's examiners) while it scores, one score sheet per
-- examiner, and the combined result that was written to the rules history (attempts). Draws,
-- sheets and results are evidence: append-only in the database itself. Claims move (they expire).

CREATE TABLE practical_draws (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sitting_id BIGINT NOT NULL REFERENCES sittings (id),
  registration_id BIGINT NOT NULL REFERENCES registrations (id),
  attempt_kind TEXT NOT NULL CHECK (attempt_kind IN ('first', 'onsite_retake', 'retake', 'makeup')),
  room_id BIGINT NOT NULL REFERENCES exam_rooms (id),
  scheme_id TEXT NOT NULL CHECK (length(scheme_id) BETWEEN 1 AND 64),
  seed TEXT NOT NULL CHECK (length(seed) BETWEEN 1 AND 20),          -- decimal u64
  items_json TEXT NOT NULL CHECK (length(items_json) BETWEEN 2 AND 4000),  -- drawn item ids and picks
  drawn_at BIGINT NOT NULL,
  drawn_by BIGINT NOT NULL REFERENCES users (id),
  UNIQUE (sitting_id, registration_id, attempt_kind)
);
CREATE INDEX practical_draws_by_room ON practical_draws (sitting_id, room_id);

-- One examining group (room) at a time per candidate and sitting; expires_at lets another group
-- take over a candidate abandoned by a group (the claim is not evidence: it is moved, not appended).
CREATE TABLE practical_claims (
  sitting_id BIGINT NOT NULL REFERENCES sittings (id),
  registration_id BIGINT NOT NULL REFERENCES registrations (id),
  room_id BIGINT NOT NULL REFERENCES exam_rooms (id),
  claimed_by BIGINT NOT NULL REFERENCES users (id),
  claimed_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL CHECK (expires_at > claimed_at),
  PRIMARY KEY (sitting_id, registration_id)
);

CREATE TABLE practical_score_sheets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  draw_id BIGINT NOT NULL REFERENCES practical_draws (id),
  examiner_id BIGINT NOT NULL REFERENCES users (id),
  room_id BIGINT NOT NULL REFERENCES exam_rooms (id),
  sheet_json TEXT NOT NULL CHECK (length(sheet_json) BETWEEN 2 AND 20000),  -- line tenths and vetoes
  submitted_at BIGINT NOT NULL,
  UNIQUE (draw_id, examiner_id)
);

CREATE TABLE practical_results (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  draw_id BIGINT NOT NULL UNIQUE REFERENCES practical_draws (id),
  method TEXT NOT NULL CHECK (method IN ('median', 'mean')),
  examiner_count INTEGER NOT NULL CHECK (examiner_count BETWEEN 1 AND 15),
  total_num BIGINT NOT NULL CHECK (total_num >= 0),  -- exact total = total_num / total_den (1e-9 point)
  total_den BIGINT NOT NULL CHECK (total_den >= 1),
  display_tenths INTEGER NOT NULL CHECK (display_tenths BETWEEN 0 AND 1000),
  passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
  vetoed INTEGER NOT NULL CHECK (vetoed IN (0, 1)),
  detail_json TEXT NOT NULL CHECK (length(detail_json) BETWEEN 2 AND 20000),  -- items, vetoes, divergence
  attempt_id BIGINT NOT NULL REFERENCES attempts (id),
  decided_at BIGINT NOT NULL
);

CREATE TRIGGER practical_draws_no_update BEFORE UPDATE ON practical_draws
BEGIN
  SELECT RAISE(ABORT, 'practical_draws is append-only');
END;
CREATE TRIGGER practical_draws_no_delete BEFORE DELETE ON practical_draws
BEGIN
  SELECT RAISE(ABORT, 'practical_draws is append-only');
END;
CREATE TRIGGER practical_score_sheets_no_update BEFORE UPDATE ON practical_score_sheets
BEGIN
  SELECT RAISE(ABORT, 'practical_score_sheets is append-only');
END;
CREATE TRIGGER practical_score_sheets_no_delete BEFORE DELETE ON practical_score_sheets
BEGIN
  SELECT RAISE(ABORT, 'practical_score_sheets is append-only');
END;
CREATE TRIGGER practical_results_no_update BEFORE UPDATE ON practical_results
BEGIN
  SELECT RAISE(ABORT, 'practical_results is append-only');
END;
CREATE TRIGGER practical_results_no_delete BEFORE DELETE ON practical_results
BEGIN
  SELECT RAISE(ABORT, 'practical_results is append-only');
END;
