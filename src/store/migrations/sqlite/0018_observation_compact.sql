-- The compact observation table (docs/performance.md, "The compact
-- observation table"): the measure as its number (measure.num), the date as
-- its day number (days since 1970-01-01), the status as a code (0 draft,
-- 1 submitted, 2 verified, 3 returned), the recording time as seconds since
-- 1970 (UTC), clustered by (unit, day, measure, id) in a WITHOUT ROWID
-- table: the rows of a unit are its table pages, no covering index repeats
-- them. This file creates the table; Store::migrate copies the rows a few
-- hundred units at a time, showing progress; 0019 swaps the tables.
ALTER TABLE measure ADD COLUMN num INTEGER;
UPDATE measure SET num = (SELECT COUNT(*) FROM measure m WHERE m.id <= measure.id);
CREATE UNIQUE INDEX measure_num ON measure(num);
CREATE TABLE observation_compact (
  unit_id INTEGER NOT NULL REFERENCES unit(id),
  day INTEGER NOT NULL,
  measure INTEGER NOT NULL REFERENCES measure(num),
  id INTEGER NOT NULL,
  value REAL NOT NULL,
  status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 3),
  shown INTEGER NOT NULL,
  current INTEGER NOT NULL,
  supersedes INTEGER REFERENCES observation(id),
  author TEXT NOT NULL,
  note TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (unit_id, day, measure, id)
) WITHOUT ROWID;
