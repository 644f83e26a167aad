-- The kept values of observation_asof (0011) as bytes that need no parsing:
-- vals holds a 16-byte record per measure, in measure name order — the
-- measure's number (measure.num) with the top bit set when the value is
-- verified, the day number (both 32-bit), and the value (a 64-bit double),
-- little-endian (Store::decode_kept). Was "measure<TAB>day<TAB>value<TAB>v|s"
-- lines, which the evaluation of the whole country spent an eighth of its
-- time reading. The rows are computed again from observation by
-- Store::migrate right after this script.
DROP TABLE observation_asof;
CREATE TABLE observation_asof (
  unit_id INTEGER NOT NULL,
  verified_only INTEGER NOT NULL,
  through TEXT NOT NULL,
  final INTEGER NOT NULL,
  vals BYTEA NOT NULL,
  PRIMARY KEY (unit_id, verified_only, through)
);
