-- PostgreSQL twin of sqlite/0015_recognition.sql. Recognition: the rules of each period (kept as the YAML document imported,
-- like criteria sets; a province's own version applies there only) and the
-- recognitions recorded (the chairman's decisions, and their revocation).
CREATE TABLE recognition_rules (
  id TEXT PRIMARY KEY,
  effective_from TEXT NOT NULL,
  effective_to TEXT NOT NULL,
  province_id BIGINT REFERENCES unit(id),
  document TEXT NOT NULL,
  imported_at TEXT NOT NULL
);

CREATE TABLE recognition (
  id BIGSERIAL PRIMARY KEY,
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  title TEXT NOT NULL,
  year BIGINT NOT NULL,
  decision_no TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  signer TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('legacy', 'dossier', 'acknowledged')),
  revoked_no TEXT NOT NULL DEFAULT '',
  revoked_date TEXT NOT NULL DEFAULT '',
  revoked_reason TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (unit_id, title, year)
);
CREATE INDEX recognition_by_unit ON recognition(unit_id, title, decision_date);
