-- PostgreSQL twin of sqlite/0017_dossier_kind.sql. A dossier is of one of two
-- kinds: "recognition" or "revocation" (recognition_id is then the
-- recognition revoked); a dossier can be closed without a decision.
ALTER TABLE dossier ADD COLUMN kind TEXT NOT NULL DEFAULT 'recognition'
  CHECK (kind IN ('recognition', 'revocation'));
ALTER TABLE dossier DROP CONSTRAINT dossier_state_check;
ALTER TABLE dossier ADD CONSTRAINT dossier_state_check
  CHECK (state IN ('preparing', 'submitted', 'appraised', 'voted', 'decided', 'closed'));
ALTER TABLE dossier DROP CONSTRAINT dossier_unit_id_title_year_key;
CREATE UNIQUE INDEX dossier_one_per_year ON dossier(unit_id, title, year)
  WHERE kind = 'recognition' AND state <> 'closed';
