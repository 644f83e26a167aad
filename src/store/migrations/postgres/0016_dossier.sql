-- PostgreSQL twin of sqlite/0016_dossier.sql. The recognition dossier (hồ sơ xét công nhận) of a commune for a title and
-- year, and what is recorded along its steps (docs/recognition.md).
CREATE TABLE dossier (
  id BIGSERIAL PRIMARY KEY,
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  title TEXT NOT NULL,
  year BIGINT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('preparing', 'submitted', 'appraised', 'voted', 'decided')),
  assessed_on TEXT NOT NULL,
  returned_reason TEXT NOT NULL DEFAULT '',
  recognition_id BIGINT REFERENCES recognition(id),
  opened_by TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (unit_id, title, year)
);

-- Each publication of the draft report (place, day).
CREATE TABLE dossier_posting (
  id BIGSERIAL PRIMARY KEY,
  dossier_id BIGINT NOT NULL REFERENCES dossier(id),
  place TEXT NOT NULL,
  posted_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL
);

-- The satisfaction survey per village and question (question 0: households).
CREATE TABLE dossier_survey (
  dossier_id BIGINT NOT NULL REFERENCES dossier(id),
  village TEXT NOT NULL,
  question BIGINT NOT NULL,
  households BIGINT NOT NULL,
  asked BIGINT NOT NULL,
  satisfied BIGINT NOT NULL,
  PRIMARY KEY (dossier_id, village, question)
);

-- A declared condition (no outstanding debt, security) with its evidence.
CREATE TABLE dossier_declaration (
  dossier_id BIGINT NOT NULL REFERENCES dossier(id),
  condition TEXT NOT NULL,
  holds BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  declared_by TEXT NOT NULL,
  declared_at TEXT NOT NULL,
  PRIMARY KEY (dossier_id, condition)
);

-- A document of the dossier (uploaded; checked by its content).
CREATE TABLE dossier_file (
  id BIGSERIAL PRIMARY KEY,
  dossier_id BIGINT NOT NULL REFERENCES dossier(id),
  document TEXT NOT NULL,
  file_name TEXT NOT NULL,
  original_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);

-- A department's appraisal of a criterion: agrees, or asks for more.
CREATE TABLE dossier_appraisal (
  dossier_id BIGINT NOT NULL REFERENCES dossier(id),
  criterion TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('agree', 'more')),
  note TEXT NOT NULL DEFAULT '',
  appraised_by TEXT NOT NULL,
  appraised_at TEXT NOT NULL,
  PRIMARY KEY (dossier_id, criterion)
);

-- The appraisal council's vote.
CREATE TABLE dossier_vote (
  dossier_id BIGINT PRIMARY KEY REFERENCES dossier(id),
  met_on TEXT NOT NULL,
  members BIGINT NOT NULL,
  present BIGINT NOT NULL,
  agree BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL
);

-- Residents' comments on the published draft (no account; moderated).
CREATE TABLE dossier_comment (
  id BIGSERIAL PRIMARY KEY,
  dossier_id BIGINT NOT NULL REFERENCES dossier(id),
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  client TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'hidden')),
  answer TEXT NOT NULL DEFAULT '',
  answered_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dossier_comment_by_client ON dossier_comment(client, created_at);
