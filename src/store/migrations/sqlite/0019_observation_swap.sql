-- The compact table (0018, filled by Store::migrate) replaces the old one.
-- One current version per (unit, measure, day) is kept by the writers
-- (SQLite has one writer at a time; Store::insert_observation supersedes
-- the current version in the same transaction), not by a unique index that
-- would repeat every row's key (docs/decisions.md).
DROP TABLE observation;
ALTER TABLE observation_compact RENAME TO observation;
CREATE UNIQUE INDEX observation_id ON observation(id);
-- The queues (values submitted, values returned), read per province or
-- unit: verified values, most of the table, are not in it. By unit and day,
-- the order rows are written in (an import appends to it).
CREATE INDEX observation_queue ON observation(status, unit_id, day)
  WHERE current = 1 AND status != 2;
