-- V009 (SQLite): the question bank in the database (issue 5, F8, F9). An item is (code, version):
-- content that candidates see, or the key, never changes under one version once a sealed paper
-- uses it (exam/item.h check_revision); the app refuses such an edit (bank.item_locked) and the
-- database refuses it too. At most one version of a code is not retired, so papers never draw
-- two versions of one question (exam/item_json.h check_bank_items).

CREATE TABLE bank_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
  version INTEGER NOT NULL CHECK (version BETWEEN 1 AND 1000000),
  kind TEXT NOT NULL CHECK (kind IN ('single_choice', 'true_false')),
  area TEXT NOT NULL CHECK (area IN ('ethics', 'basics', 'scene_safety', 'first_aid', 'trauma', 'fire', 'disaster')),
  difficulty INTEGER NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
  status TEXT NOT NULL CHECK (status IN ('draft', 'reviewed', 'retired')),
  stem TEXT NOT NULL CHECK (length(stem) > 0),
  option_a TEXT NOT NULL DEFAULT '',   -- single choice: the four options; true/false: all empty
  option_b TEXT NOT NULL DEFAULT '',
  option_c TEXT NOT NULL DEFAULT '',
  option_d TEXT NOT NULL DEFAULT '',
  answer INTEGER NOT NULL CHECK (answer BETWEEN 0 AND 3),   -- option index; true/false 0 = 正确
  explanation TEXT NOT NULL DEFAULT '',
  digest TEXT NOT NULL CHECK (length(digest) = 64),          -- exam::item_content_digest
  created_at BIGINT NOT NULL,
  created_by BIGINT REFERENCES users (id),                   -- NULL: loaded by the system
  updated_at BIGINT NOT NULL,
  updated_by BIGINT REFERENCES users (id),
  UNIQUE (code, version)
);
CREATE UNIQUE INDEX bank_items_one_live_version ON bank_items (code) WHERE status <> 'retired';
CREATE INDEX bank_items_by_area ON bank_items (area, kind, status);

-- Which item versions each sealed paper uses, written with the paper (prepare_exam_papers), so an
-- edit can be refused without reading every paper. Append-only like the papers.
CREATE TABLE exam_paper_items (
  paper_id BIGINT NOT NULL REFERENCES exam_papers (id),
  position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 1000),
  item_code TEXT NOT NULL,
  item_version INTEGER NOT NULL,
  item_digest TEXT NOT NULL,
  PRIMARY KEY (paper_id, position)
);
CREATE INDEX exam_paper_items_by_item ON exam_paper_items (item_code, item_version);

-- Papers sealed before this migration.
INSERT INTO exam_paper_items (paper_id, position, item_code, item_version, item_digest)
SELECT p.id, q.key + 1, json_extract(q.value, '$.item_id'), json_extract(q.value, '$.item_version'),
       json_extract(q.value, '$.item_digest')
FROM exam_papers p, json_each(p.paper_json, '$.questions') q;

CREATE TRIGGER exam_paper_items_no_update BEFORE UPDATE ON exam_paper_items
BEGIN
  SELECT RAISE(ABORT, 'exam_paper_items is append-only');
END;
CREATE TRIGGER exam_paper_items_no_delete BEFORE DELETE ON exam_paper_items
BEGIN
  SELECT RAISE(ABORT, 'exam_paper_items is append-only');
END;

-- A used version keeps everything but its review status (it may still be retired).
CREATE TRIGGER bank_items_locked BEFORE UPDATE ON bank_items
WHEN EXISTS (SELECT 1 FROM exam_paper_items u WHERE u.item_code = OLD.code AND u.item_version = OLD.version)
  AND (NEW.code <> OLD.code OR NEW.version <> OLD.version OR NEW.kind <> OLD.kind OR NEW.area <> OLD.area
       OR NEW.difficulty <> OLD.difficulty OR NEW.stem <> OLD.stem OR NEW.option_a <> OLD.option_a
       OR NEW.option_b <> OLD.option_b OR NEW.option_c <> OLD.option_c OR NEW.option_d <> OLD.option_d
       OR NEW.answer <> OLD.answer OR NEW.explanation <> OLD.explanation OR NEW.digest <> OLD.digest)
BEGIN
  SELECT RAISE(ABORT, 'bank item version is used by a sealed paper');
END;
CREATE TRIGGER bank_items_no_delete BEFORE DELETE ON bank_items
BEGIN
  SELECT RAISE(ABORT, 'bank items are kept (retire them instead)');
END;
