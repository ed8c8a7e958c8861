-- V006 (SQLite): the transparency log (issue 4): an RFC 6962 Merkle tree over certificate
-- issuances and revocations. Entries, interior nodes and signed tree heads are append-only in the
-- database itself; the one-row state (size + frontier) is the only thing that changes, and its
-- size only grows. The log holds certificate numbers and digests, nothing personal.

-- Leaf leaf_index of the tree; gap-free from 0 (checked against the state below).
CREATE TABLE transparency_log_entries (
  leaf_index INTEGER PRIMARY KEY CHECK (leaf_index >= 0),
  entry TEXT NOT NULL,                                    -- canonical JSON (app/transparency)
  leaf_hash BLOB NOT NULL CHECK (length(leaf_hash) = 32),  -- SHA-256(0x00 || entry)
  appended_at BIGINT NOT NULL
);

-- The perfect subtree of 2^level leaves starting at leaf node_index << level (level >= 1; the
-- leaves are level 0), kept as appends complete them so that a proof costs O(log n) reads.
CREATE TABLE transparency_log_nodes (
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 63),
  node_index INTEGER NOT NULL CHECK (node_index >= 0),
  hash BLOB NOT NULL CHECK (length(hash) = 32),
  PRIMARY KEY (level, node_index)
) WITHOUT ROWID;

CREATE TABLE transparency_tree_heads (
  tree_size INTEGER PRIMARY KEY CHECK (tree_size >= 0),
  root_hash BLOB NOT NULL CHECK (length(root_hash) = 32),
  signed_at BIGINT NOT NULL,            -- the head's timestamp, part of the signed bytes
  signature BLOB NOT NULL CHECK (length(signature) > 0)
);

-- One row: the size and the frontier (roots of the perfect subtrees, 32 bytes each). Appenders
-- lock it first, which serialises them and hands out the next leaf index inside their transaction.
CREATE TABLE transparency_log_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  tree_size BIGINT NOT NULL CHECK (tree_size >= 0),
  frontier BLOB NOT NULL
);
INSERT INTO transparency_log_state (id, tree_size, frontier) VALUES (1, 0, X'');

CREATE TRIGGER transparency_log_entries_gap_free BEFORE INSERT ON transparency_log_entries
WHEN NEW.leaf_index <> (SELECT tree_size - 1 FROM transparency_log_state WHERE id = 1)
BEGIN
  SELECT RAISE(ABORT, 'transparency_log_entries must be appended at the next index');
END;

CREATE TRIGGER transparency_log_entries_no_update BEFORE UPDATE ON transparency_log_entries
BEGIN SELECT RAISE(ABORT, 'transparency_log_entries is append-only'); END;
CREATE TRIGGER transparency_log_entries_no_delete BEFORE DELETE ON transparency_log_entries
BEGIN SELECT RAISE(ABORT, 'transparency_log_entries is append-only'); END;
CREATE TRIGGER transparency_log_nodes_no_update BEFORE UPDATE ON transparency_log_nodes
BEGIN SELECT RAISE(ABORT, 'transparency_log_nodes is append-only'); END;
CREATE TRIGGER transparency_log_nodes_no_delete BEFORE DELETE ON transparency_log_nodes
BEGIN SELECT RAISE(ABORT, 'transparency_log_nodes is append-only'); END;
CREATE TRIGGER transparency_tree_heads_no_update BEFORE UPDATE ON transparency_tree_heads
BEGIN SELECT RAISE(ABORT, 'transparency_tree_heads is append-only'); END;
CREATE TRIGGER transparency_tree_heads_no_delete BEFORE DELETE ON transparency_tree_heads
BEGIN SELECT RAISE(ABORT, 'transparency_tree_heads is append-only'); END;
CREATE TRIGGER transparency_log_state_no_shrink BEFORE UPDATE ON transparency_log_state
WHEN NEW.tree_size < OLD.tree_size OR NEW.id <> OLD.id
BEGIN SELECT RAISE(ABORT, 'transparency_log_state may only grow'); END;
CREATE TRIGGER transparency_log_state_no_delete BEFORE DELETE ON transparency_log_state
BEGIN SELECT RAISE(ABORT, 'transparency_log_state may only grow'); END;
