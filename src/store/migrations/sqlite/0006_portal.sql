-- Portal, second part: tags and links of articles, their files (cover image,
-- attached PDFs), the search index, and published progress snapshots.
ALTER TABLE article ADD COLUMN tags TEXT NOT NULL DEFAULT '';        -- comma-separated
ALTER TABLE article ADD COLUMN unit_codes TEXT NOT NULL DEFAULT '';  -- comma-separated unit codes
ALTER TABLE article ADD COLUMN meeting_id INTEGER REFERENCES meeting(id);

CREATE TABLE article_file (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES article(id),
  kind TEXT NOT NULL CHECK (kind IN ('cover', 'attachment')),
  file_name TEXT NOT NULL UNIQUE,
  original_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX article_file_by_article ON article_file(article_id);

-- Search: the article's text folded (lower case, no diacritics, đ -> d) so
-- that "nong thon moi" and "Nông thôn mới" are the same words. rowid = article.id.
CREATE VIRTUAL TABLE article_search USING fts5(title, summary, body, tags);

-- What the public progress page shows when the office publishes a snapshot
-- instead of live figures (setting public_progress = 'live' or a snapshot id).
CREATE TABLE public_snapshot (
  id INTEGER PRIMARY KEY,
  unit_code TEXT NOT NULL,
  as_of TEXT NOT NULL,
  set_id TEXT NOT NULL,
  payload TEXT NOT NULL,  -- JSON: summary and one row per commune
  taken_by TEXT NOT NULL,
  taken_at TEXT NOT NULL
);
