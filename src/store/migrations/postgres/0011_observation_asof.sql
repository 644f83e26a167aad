-- Values "as of" a date, kept per unit and view (verified_only = 1: verified
-- values; 0: verified or submitted): one row for the end of every year with
-- data and one for the date of the unit's latest counted value (final = 1),
-- each holding the latest counted value of every measure on that date
-- (vals: "measure<TAB>day number<TAB>value<TAB>v|s" lines). The
-- values on any date are then one row, plus the unit's rows after that row's
-- date when the date asked is within a year (Store::latest_values). Replaces
-- observation_latest, which answered only for dates after all the data. Rows
-- are written by Store::refresh_latest; Store::migrate fills them for
-- existing data.
DROP TABLE observation_latest;
CREATE TABLE observation_asof (
  unit_id INTEGER NOT NULL,
  verified_only INTEGER NOT NULL,
  through TEXT NOT NULL,
  final INTEGER NOT NULL,
  vals TEXT NOT NULL,
  PRIMARY KEY (unit_id, verified_only, through)
);
