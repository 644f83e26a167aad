-- The latest counted value of every (unit, measure) in both views:
-- verified_only = 1 (verified values) and 0 (verified or submitted). Kept by
-- the insert path (Store::refresh_latest); evaluation reads these ~60 rows
-- per unit instead of its whole history when the date asked is on or after
-- them (the usual "where do we stand today" question).
CREATE TABLE observation_latest (
  unit_id INTEGER NOT NULL,
  verified_only INTEGER NOT NULL,
  measure_id TEXT NOT NULL,
  date TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  status TEXT NOT NULL,
  PRIMARY KEY (unit_id, verified_only, measure_id)
);
INSERT INTO observation_latest (unit_id, verified_only, measure_id, date, value, status)
SELECT unit_id, v, measure_id, date, value, status FROM (
  SELECT o.unit_id, w.v, o.measure_id, o.date, o.value, o.status,
         ROW_NUMBER() OVER (PARTITION BY o.unit_id, o.measure_id, w.v ORDER BY o.date DESC) AS rn
  FROM observation o JOIN (SELECT 0 AS v UNION ALL SELECT 1) w
    ON o.status = 'verified' OR (w.v = 0 AND o.status = 'submitted')
  WHERE o.current = 1) t
WHERE rn = 1;
