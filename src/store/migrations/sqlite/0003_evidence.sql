-- Evidence files attached to a value (unit, measure, date). The file lives
-- outside the web root under a random name; only its metadata is here.
CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES unit(id),
  measure_id TEXT NOT NULL REFERENCES measure(id),
  date TEXT NOT NULL,
  file_name TEXT NOT NULL UNIQUE,
  original_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX evidence_by_value ON evidence(unit_id, measure_id, date);
