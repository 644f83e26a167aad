-- The covering index of the observation table is ordered by date within a
-- unit (it was by measure, then date). "Values on date D" for a unit with
-- later data — every commune whose code went on after the July 2025 merger,
-- asked about 2024 — is then one backward range read that stops once every
-- measure has its value (Store::latest_values), instead of the whole history.
DROP INDEX observation_lookup;
CREATE INDEX observation_by_date ON observation(unit_id, date, measure_id, current, status, value);
