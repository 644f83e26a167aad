-- Criteria-set editor: versions an office is preparing. A draft is never
-- evaluated; publishing it writes a row of criteria_set (and closes the
-- version it follows by setting that row's effective_to).
CREATE TABLE criteria_set_draft (
  id TEXT PRIMARY KEY,       -- the id the version will have once published
  base_id TEXT NOT NULL,     -- the set it was copied from
  document TEXT NOT NULL,    -- YAML as written by the editor
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
