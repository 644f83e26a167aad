-- The share of an old commune that went into a new one when it was split
-- (partial relation): the fraction of its population (households) the
-- office states, used to re-assess the merged commune. NULL = not stated.
ALTER TABLE unit_lineage ADD COLUMN share DOUBLE PRECISION;
