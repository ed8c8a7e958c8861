-- V013 (SQLite): which leaves of the transparency log (V006) are a certificate's, its issuance
-- and, once revoked, its revocation. A verifier holding a certificate asks for them by number
-- (GET /api/v1/log/certificates/<number>), then for each leaf's inclusion proof; before, only a
-- scan of every entry could find them. Derived from the entries, filled in the same transaction
-- as each append, and append-only like them.
CREATE TABLE certificate_log_leaves (
  leaf_index INTEGER PRIMARY KEY REFERENCES transparency_log_entries (leaf_index),
  certificate_number TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('issue', 'revoke'))
);
CREATE INDEX certificate_log_leaves_by_number ON certificate_log_leaves (certificate_number);

-- The entries logged before this table existed (canonical JSON, app/transparency/log_entry.h).
INSERT INTO certificate_log_leaves (leaf_index, certificate_number, kind)
SELECT leaf_index, json_extract(entry, '$.certificate_number'), json_extract(entry, '$.kind')
FROM transparency_log_entries ORDER BY leaf_index;

CREATE TRIGGER certificate_log_leaves_no_update BEFORE UPDATE ON certificate_log_leaves
BEGIN SELECT RAISE(ABORT, 'certificate_log_leaves is append-only'); END;
CREATE TRIGGER certificate_log_leaves_no_delete BEFORE DELETE ON certificate_log_leaves
BEGIN SELECT RAISE(ABORT, 'certificate_log_leaves is append-only'); END;
