-- A dossier is of one of two kinds: "recognition" (towards the chairman's
-- decision recognising the commune) or "revocation" (towards the decision
-- revoking a recognition in force; recognition_id is then the recognition
-- revoked). A dossier can also be closed without a decision (state
-- 'closed', with its reason). SQLite cannot change a constraint in place:
-- the table is rebuilt (foreign keys are off during migrations).
CREATE TABLE dossier_new (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES unit(id),
  kind TEXT NOT NULL DEFAULT 'recognition' CHECK (kind IN ('recognition', 'revocation')),
  title TEXT NOT NULL,
  year INTEGER NOT NULL,
  state TEXT NOT NULL
    CHECK (state IN ('preparing', 'submitted', 'appraised', 'voted', 'decided', 'closed')),
  assessed_on TEXT NOT NULL,
  returned_reason TEXT NOT NULL DEFAULT '',
  recognition_id INTEGER REFERENCES recognition(id),
  opened_by TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
INSERT INTO dossier_new (id, unit_id, title, year, state, assessed_on, returned_reason,
                         recognition_id, opened_by, opened_at, updated_at)
  SELECT id, unit_id, title, year, state, assessed_on, returned_reason, recognition_id, opened_by,
         opened_at, updated_at FROM dossier;
DROP TABLE dossier;
ALTER TABLE dossier_new RENAME TO dossier;
-- One live recognition dossier per commune, title and year (a closed one can
-- be followed by a new one); revocation dossiers: one open per recognition,
-- checked by the use case.
CREATE UNIQUE INDEX dossier_one_per_year ON dossier(unit_id, title, year)
  WHERE kind = 'recognition' AND state <> 'closed';
