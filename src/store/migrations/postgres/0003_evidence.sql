-- PostgreSQL twin of sqlite/0003_evidence.sql. Evidence files attached to a value (unit, measure, date). The file lives
-- outside the web root under a random name; only its metadata is here.
CREATE TABLE evidence (
  id BIGSERIAL PRIMARY KEY,
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  measure_id TEXT NOT NULL REFERENCES measure(id),
  date TEXT NOT NULL,
  file_name TEXT NOT NULL UNIQUE,
  original_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX evidence_by_value ON evidence(unit_id, measure_id, date);
