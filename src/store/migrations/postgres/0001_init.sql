-- PostgreSQL twin of sqlite/0001_init.sql: same tables, columns and meaning.
CREATE TABLE unit (
  id BIGSERIAL PRIMARY KEY,
  code TEXT NOT NULL,
  level TEXT NOT NULL,
  base_name TEXT NOT NULL
);
CREATE INDEX unit_by_code ON unit(code);

CREATE TABLE unit_version (
  id BIGSERIAL PRIMARY KEY,
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  parent_id BIGINT REFERENCES unit(id),
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL
);
CREATE INDEX unit_version_by_unit ON unit_version(unit_id, valid_from);
CREATE INDEX unit_version_by_parent ON unit_version(parent_id, valid_from);

CREATE TABLE unit_lineage (
  old_unit_id BIGINT NOT NULL REFERENCES unit(id),
  new_unit_id BIGINT NOT NULL REFERENCES unit(id),
  relation TEXT NOT NULL CHECK (relation IN ('full', 'partial')),
  date TEXT NOT NULL,
  PRIMARY KEY (old_unit_id, new_unit_id)
);
CREATE INDEX unit_lineage_by_new ON unit_lineage(new_unit_id);

CREATE TABLE unit_attribute (
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  attribute TEXT NOT NULL,
  value TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  PRIMARY KEY (unit_id, attribute, valid_from)
);

CREATE TABLE measure (
  id TEXT PRIMARY KEY,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  unit TEXT NOT NULL,
  type TEXT NOT NULL,
  aggregation TEXT NOT NULL,
  weight_measure TEXT NOT NULL
);

CREATE TABLE criteria_set (
  id TEXT PRIMARY KEY,
  series TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_to TEXT NOT NULL,
  document TEXT NOT NULL,
  imported_at TEXT NOT NULL
);

CREATE TABLE observation (
  id BIGSERIAL PRIMARY KEY,
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  measure_id TEXT NOT NULL REFERENCES measure(id),
  date TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'verified', 'returned')),
  author TEXT NOT NULL,
  note TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  current INTEGER NOT NULL,
  supersedes BIGINT REFERENCES observation(id)
);
-- At most one current version per (unit, measure, date).
CREATE UNIQUE INDEX observation_current ON observation(unit_id, measure_id, date) WHERE current = 1;
-- Covers evaluation (latest current value per measure) and history reads.
CREATE INDEX observation_lookup ON observation(unit_id, measure_id, date, current, status, value);

CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
