-- V006 (PostgreSQL): the transparency log (issue 4): an RFC 6962 Merkle tree over certificate
-- issuances and revocations. Entries, interior nodes and signed tree heads are append-only in the
-- database itself; the one-row state (size + frontier) is the only thing that changes, and its
-- size only grows. The log holds certificate numbers and digests, nothing personal.
-- Refusals use SQLSTATE 42501 (insufficient_privilege) so that the store reports a refusal.

-- Leaf leaf_index of the tree; gap-free from 0 (checked against the state below).
CREATE TABLE transparency_log_entries (
  leaf_index BIGINT PRIMARY KEY CHECK (leaf_index >= 0),
  entry TEXT NOT NULL,                                           -- canonical JSON (app/transparency)
  leaf_hash BYTEA NOT NULL CHECK (octet_length(leaf_hash) = 32),  -- SHA-256(0x00 || entry)
  appended_at BIGINT NOT NULL
);

-- The perfect subtree of 2^level leaves starting at leaf node_index << level (level >= 1; the
-- leaves are level 0), kept as appends complete them so that a proof costs O(log n) reads.
CREATE TABLE transparency_log_nodes (
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 63),
  node_index BIGINT NOT NULL CHECK (node_index >= 0),
  hash BYTEA NOT NULL CHECK (octet_length(hash) = 32),
  PRIMARY KEY (level, node_index)
);

CREATE TABLE transparency_tree_heads (
  tree_size BIGINT PRIMARY KEY CHECK (tree_size >= 0),
  root_hash BYTEA NOT NULL CHECK (octet_length(root_hash) = 32),
  signed_at BIGINT NOT NULL,            -- the head's timestamp, part of the signed bytes
  signature BYTEA NOT NULL CHECK (octet_length(signature) > 0)
);

-- One row: the size and the frontier (roots of the perfect subtrees, 32 bytes each). Appenders
-- lock it first (row lock until commit), which serialises them and hands out the next leaf
-- index inside their transaction.
CREATE TABLE transparency_log_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  tree_size BIGINT NOT NULL CHECK (tree_size >= 0),
  frontier BYTEA NOT NULL
);
INSERT INTO transparency_log_state (id, tree_size, frontier) VALUES (1, 0, ''::bytea);

CREATE FUNCTION transparency_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = '42501';
END;
$$;

CREATE FUNCTION transparency_log_check_append() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.leaf_index <> (SELECT tree_size - 1 FROM transparency_log_state WHERE id = 1) THEN
    RAISE EXCEPTION 'transparency_log_entries must be appended at the next index' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END;
$$;

CREATE FUNCTION transparency_log_check_state() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.tree_size < OLD.tree_size OR NEW.id <> OLD.id THEN
    RAISE EXCEPTION 'transparency_log_state may only grow' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER transparency_log_entries_gap_free BEFORE INSERT ON transparency_log_entries
  FOR EACH ROW EXECUTE FUNCTION transparency_log_check_append();
CREATE TRIGGER transparency_log_entries_no_change BEFORE UPDATE OR DELETE ON transparency_log_entries
  FOR EACH ROW EXECUTE FUNCTION transparency_log_refuse_change();
CREATE TRIGGER transparency_log_nodes_no_change BEFORE UPDATE OR DELETE ON transparency_log_nodes
  FOR EACH ROW EXECUTE FUNCTION transparency_log_refuse_change();
CREATE TRIGGER transparency_tree_heads_no_change BEFORE UPDATE OR DELETE ON transparency_tree_heads
  FOR EACH ROW EXECUTE FUNCTION transparency_log_refuse_change();
CREATE TRIGGER transparency_log_state_no_shrink BEFORE UPDATE OR DELETE ON transparency_log_state
  FOR EACH ROW EXECUTE FUNCTION transparency_log_check_state();
CREATE TRIGGER transparency_log_entries_no_truncate BEFORE TRUNCATE ON transparency_log_entries
  FOR EACH STATEMENT EXECUTE FUNCTION transparency_log_refuse_change();
CREATE TRIGGER transparency_log_nodes_no_truncate BEFORE TRUNCATE ON transparency_log_nodes
  FOR EACH STATEMENT EXECUTE FUNCTION transparency_log_refuse_change();
CREATE TRIGGER transparency_tree_heads_no_truncate BEFORE TRUNCATE ON transparency_tree_heads
  FOR EACH STATEMENT EXECUTE FUNCTION transparency_log_refuse_change();
CREATE TRIGGER transparency_log_state_no_truncate BEFORE TRUNCATE ON transparency_log_state
  FOR EACH STATEMENT EXECUTE FUNCTION transparency_log_refuse_change();
