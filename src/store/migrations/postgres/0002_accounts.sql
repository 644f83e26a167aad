-- PostgreSQL twin of sqlite/0002_accounts.sql. Accounts, sessions, login throttling, departments and the audit log.
CREATE TABLE department (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE app_user (
  id BIGSERIAL PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'department', 'commune', 'sponsor', 'steering')),
  unit_id BIGINT REFERENCES unit(id),
  department TEXT REFERENCES department(code),
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

-- Units a sponsor or steering member is assigned to.
CREATE TABLE user_unit (
  user_id BIGINT NOT NULL REFERENCES app_user(id),
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  PRIMARY KEY (user_id, unit_id)
);

-- Server-side sessions: only a hash of the token is stored.
CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES app_user(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX session_by_user ON session(user_id);

CREATE TABLE login_attempt (
  id BIGSERIAL PRIMARY KEY,
  username TEXT NOT NULL,
  address TEXT NOT NULL,
  at TEXT NOT NULL,
  ok INTEGER NOT NULL
);
CREATE INDEX login_attempt_by_user ON login_attempt(username, at);
CREATE INDEX login_attempt_by_address ON login_attempt(address, at);

-- Which department is responsible for a criterion of a set (overrides the set file).
CREATE TABLE criterion_department (
  set_id TEXT NOT NULL,
  criterion TEXT NOT NULL,
  department TEXT NOT NULL REFERENCES department(code),
  PRIMARY KEY (set_id, criterion)
);

-- Who did what, when, old -> new, why. Never updated or deleted.
CREATE TABLE audit_log (
  id BIGSERIAL PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  unit_id BIGINT,
  subject TEXT NOT NULL,
  old_value TEXT NOT NULL,
  new_value TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX audit_by_unit ON audit_log(unit_id, at);
CREATE INDEX audit_by_at ON audit_log(at);
