-- Which version of a (unit, measure, date) each view counts, as bits of
-- `shown`: 1 = the self-assessed view (submitted and verified), 2 = the
-- verified-only view (what visitors see). The verified view keeps the latest
-- verified version until a newer one is verified: a draft or a returned value
-- entered over it no longer hides it (before, only the current version was
-- read, and a draft made the public figure fall back to an older one). The
-- self-assessed view counts the current version when it is submitted or
-- verified, else the latest verified one. A returned version takes back the
-- version it returns (a verified one returned directly counts no more).
ALTER TABLE observation ADD COLUMN shown INTEGER NOT NULL DEFAULT 0;
UPDATE observation SET shown = 2 WHERE id IN (
  SELECT MAX(id) FROM observation WHERE status = 'verified' GROUP BY unit_id, measure_id, date);
UPDATE observation SET shown = 0 WHERE shown = 2 AND id IN (
  SELECT supersedes FROM observation WHERE status = 'returned' AND supersedes IS NOT NULL);
UPDATE observation SET shown = shown | 1 WHERE current = 1 AND status IN ('submitted', 'verified');
UPDATE observation SET shown = 3 WHERE shown = 2 AND EXISTS (
  SELECT 1 FROM observation c WHERE c.unit_id = observation.unit_id
    AND c.measure_id = observation.measure_id AND c.date = observation.date
    AND c.current = 1 AND c.status IN ('draft', 'returned'));
DROP INDEX observation_by_date;
CREATE INDEX observation_by_date ON observation(unit_id, date, measure_id, shown, status, value);
