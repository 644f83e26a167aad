-- The compact table (0018, filled by Store::migrate) replaces the old one.
DROP TABLE observation;
ALTER TABLE observation_compact RENAME TO observation;
ALTER SEQUENCE observation_id_seq OWNED BY observation.id;
ALTER TABLE observation ADD PRIMARY KEY (id);
ALTER TABLE observation ADD FOREIGN KEY (supersedes) REFERENCES observation(id);
-- Several instances write at once: one current version per value is a
-- constraint here.
CREATE UNIQUE INDEX observation_current ON observation(unit_id, measure, day) WHERE current = 1;
-- Evaluation and history: a unit's rows by day, covering what they read.
CREATE INDEX observation_by_day ON observation(unit_id, day, measure) INCLUDE (shown, status, value);
-- The queues (values submitted, values returned), read per province or
-- unit: verified values, most of the table, are not in it. By unit and day,
-- the order rows are written in (an import appends to it).
CREATE INDEX observation_queue ON observation(status, unit_id, day)
  WHERE current = 1 AND status != 2;
-- Ids go on after the largest (rows copied with their ids do not move it).
SELECT setval('observation_id_seq', COALESCE((SELECT MAX(id) FROM observation), 0) + 1, false);
