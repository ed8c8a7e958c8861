-- V007 (SQLite): the theory exam (issue 5, F9-F10): sealed papers, attempts and their answers.
-- Moodle's model: an attempt is a state machine (in_progress -> submitted | timed_out, then
-- marked); every answer given is an immutable step (attempt, question, sequence) and the step
-- with the highest sequence per question is the answer. Papers and answers are append-only in
-- the database itself; the attempt row is the only thing that changes, and only forwards.

-- One paper per candidate (registration) and sitting, generated and sealed before the exam
-- (F9): the exam module's canonical JSON, the seed it was drawn from and its SM3 seal.
CREATE TABLE exam_papers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sitting_id BIGINT NOT NULL REFERENCES sittings (id),
  registration_id BIGINT NOT NULL REFERENCES registrations (id),
  attempt_kind TEXT NOT NULL DEFAULT 'first' CHECK (attempt_kind IN ('first', 'retake', 'makeup')),
  paper_json TEXT NOT NULL CHECK (length(paper_json) > 0),
  seed TEXT NOT NULL CHECK (length(seed) > 0),
  seal TEXT NOT NULL CHECK (length(seal) > 0),
  -- One digit per question, in paper order: how many choices it shows (4 single choice, 2
  -- true/false). The answer writer validates against it without parsing the paper.
  choice_counts TEXT NOT NULL CHECK (length(choice_counts) BETWEEN 1 AND 1000),
  created_at BIGINT NOT NULL,
  UNIQUE (sitting_id, registration_id)
);
CREATE INDEX exam_papers_by_registration ON exam_papers (registration_id);

CREATE TRIGGER exam_papers_sealed BEFORE UPDATE ON exam_papers
BEGIN
  SELECT RAISE(ABORT, 'exam_papers is append-only (sealed papers)');
END;
CREATE TRIGGER exam_papers_no_delete BEFORE DELETE ON exam_papers
BEGIN
  SELECT RAISE(ABORT, 'exam_papers is append-only (sealed papers)');
END;

-- The attempt: its clock is the server's (deadline_at fixed at the start from the policy's
-- duration), its score is held until publication (R8, D17) and linked to the rules history row
-- (attempts, V001) when marked.
CREATE TABLE exam_attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  paper_id BIGINT NOT NULL UNIQUE REFERENCES exam_papers (id),
  started_at BIGINT NOT NULL,
  deadline_at BIGINT NOT NULL CHECK (deadline_at > started_at),
  status TEXT NOT NULL CHECK (status IN ('in_progress', 'submitted', 'timed_out')),
  submitted_at BIGINT,
  correct_count INTEGER CHECK (correct_count IS NULL OR correct_count >= 0),
  score_milli INTEGER CHECK (score_milli IS NULL OR score_milli BETWEEN 0 AND 100000),
  marked_at BIGINT,
  result_attempt_id BIGINT REFERENCES attempts (id),
  CHECK (status = 'in_progress' OR submitted_at IS NOT NULL),
  CHECK ((score_milli IS NULL) = (marked_at IS NULL))
);
CREATE INDEX exam_attempts_open_by_deadline ON exam_attempts (deadline_at) WHERE status = 'in_progress';

-- Attempts move forwards only: in_progress -> submitted | timed_out; a score is set once.
CREATE TRIGGER exam_attempts_forward_only BEFORE UPDATE ON exam_attempts
WHEN OLD.paper_id <> NEW.paper_id OR OLD.started_at <> NEW.started_at OR OLD.deadline_at <> NEW.deadline_at
  OR (OLD.status <> 'in_progress' AND NEW.status <> OLD.status)
  OR (OLD.marked_at IS NOT NULL AND (NEW.score_milli IS NOT OLD.score_milli OR NEW.marked_at IS NOT OLD.marked_at))
BEGIN
  SELECT RAISE(ABORT, 'exam_attempts only moves forwards');
END;
CREATE TRIGGER exam_attempts_no_delete BEFORE DELETE ON exam_attempts
BEGIN
  SELECT RAISE(ABORT, 'exam_attempts are kept');
END;

-- Every acknowledged answer step. choice: 0-3 = A-D (single choice), 0/1 = 正确/错误.
CREATE TABLE exam_answers (
  attempt_id BIGINT NOT NULL REFERENCES exam_attempts (id),
  question_no INTEGER NOT NULL CHECK (question_no BETWEEN 1 AND 1000),
  sequence BIGINT NOT NULL CHECK (sequence >= 1),
  choice INTEGER NOT NULL CHECK (choice BETWEEN 0 AND 3),
  saved_at BIGINT NOT NULL,
  PRIMARY KEY (attempt_id, question_no, sequence)
) WITHOUT ROWID;

CREATE TRIGGER exam_answers_no_update BEFORE UPDATE ON exam_answers
BEGIN
  SELECT RAISE(ABORT, 'exam_answers is append-only');
END;
CREATE TRIGGER exam_answers_no_delete BEFORE DELETE ON exam_answers
BEGIN
  SELECT RAISE(ABORT, 'exam_answers is append-only');
END;
