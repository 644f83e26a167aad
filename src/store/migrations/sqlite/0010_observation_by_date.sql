-- The covering index of the observation table is ordered by date within a
-- unit (it was by measure, then date). "Values on date D" for a unit with
-- later data — every commune whose code went on after the July 2025 merger,
-- asked about 2024 — is then one backward range read that stops once every
-- measure has its value (Store::latest_values), instead of the whole history.
DROP INDEX observation_lookup;
CREATE INDEX observation_by_date ON observation(unit_id, date, measure_id, current, status, value);
-- The kept latest values stored in their key order (no rowid table behind
-- the key): reading a unit's ~60 rows is one range read, not 60 lookups.
CREATE TABLE observation_latest_by_key (
  unit_id INTEGER NOT NULL,
  verified_only INTEGER NOT NULL,
  measure_id TEXT NOT NULL,
  date TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  status TEXT NOT NULL,
  PRIMARY KEY (unit_id, verified_only, measure_id)
) WITHOUT ROWID;
INSERT INTO observation_latest_by_key SELECT unit_id, verified_only, measure_id, date, value, status
  FROM observation_latest;
DROP TABLE observation_latest;
ALTER TABLE observation_latest_by_key RENAME TO observation_latest;
