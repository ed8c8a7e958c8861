-- V003: accounts' proofs of identity (identity/): sessions, image captchas, the SMS outbox, SMS
-- codes, and the login lock-out counters on users. Append-only, portable (see V001's header for
-- the placeholders and column conventions). Secrets are never stored as given: session tokens
-- as SHA-256 hex, captcha answers and SMS codes as salted SHA-256 ("salt_hex$hash_hex").

-- Lock-out after repeated wrong passwords (R11): the count since the last success or lock, and
-- until when the account refuses passwords.
ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0);
ALTER TABLE users ADD COLUMN locked_until BIGINT;

-- stage 'password': the password was right and the SMS code is still due; 'full': logged in.
CREATE TABLE sessions (
  id {{ID}},
  token_hash TEXT NOT NULL UNIQUE,             -- SHA-256 hex of the cookie token
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('candidate', 'organisation', 'station', 'proctor', 'examiner', 'administrator')),
  stage TEXT NOT NULL CHECK (stage IN ('password', 'full')),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,                  -- absolute end; the idle end is last_seen_at + idle
  last_seen_at BIGINT NOT NULL,
  client_ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE captchas (
  id TEXT PRIMARY KEY,                         -- random, base64url
  answer_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT                               -- set by the first check, right or wrong
);
CREATE INDEX captchas_by_expiry ON captchas (expires_at);

-- Messages kept by the built-in provider (F3): visible to administrators, read by the demo and
-- the browser tests.
CREATE TABLE sms_outbox (
  id {{ID}},
  phone TEXT NOT NULL,
  text TEXT NOT NULL,
  purpose TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  provider TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('stored', 'sent', 'failed'))
);
CREATE INDEX sms_outbox_by_time ON sms_outbox (created_at);

CREATE TABLE sms_codes (
  id {{ID}},
  phone TEXT NOT NULL,
  purpose TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  client_ip TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  used_at BIGINT
);
CREATE INDEX sms_codes_by_phone ON sms_codes (phone, purpose, created_at);
CREATE INDEX sms_codes_by_ip ON sms_codes (client_ip, created_at);
CREATE INDEX sms_codes_by_time ON sms_codes (created_at);
