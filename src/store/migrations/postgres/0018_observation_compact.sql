-- The compact observation table (see the SQLite twin): the measure as its
-- number, the date as its day number, the status as a code, the recording
-- time as seconds since 1970. Store::migrate copies the rows a few hundred
-- units at a time, showing progress; 0019 swaps the tables.
ALTER TABLE measure ADD COLUMN num INTEGER;
UPDATE measure SET num = (SELECT COUNT(*) FROM measure m WHERE m.id <= measure.id);
CREATE UNIQUE INDEX measure_num ON measure(num);
ALTER SEQUENCE observation_id_seq OWNED BY NONE;
CREATE TABLE observation_compact (
  id BIGINT NOT NULL DEFAULT nextval('observation_id_seq'),
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  day INTEGER NOT NULL,
  measure INTEGER NOT NULL REFERENCES measure(num),
  value DOUBLE PRECISION NOT NULL,
  status SMALLINT NOT NULL CHECK (status BETWEEN 0 AND 3),
  shown SMALLINT NOT NULL,
  current SMALLINT NOT NULL,
  supersedes BIGINT,
  author TEXT NOT NULL,
  note TEXT NOT NULL,
  recorded_at BIGINT NOT NULL
);
