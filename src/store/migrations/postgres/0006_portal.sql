-- PostgreSQL twin of sqlite/0006_portal.sql.
ALTER TABLE article ADD COLUMN tags TEXT NOT NULL DEFAULT '';
ALTER TABLE article ADD COLUMN unit_codes TEXT NOT NULL DEFAULT '';
ALTER TABLE article ADD COLUMN meeting_id BIGINT REFERENCES meeting(id);

CREATE TABLE article_file (
  id BIGSERIAL PRIMARY KEY,
  article_id BIGINT NOT NULL REFERENCES article(id),
  kind TEXT NOT NULL CHECK (kind IN ('cover', 'attachment')),
  file_name TEXT NOT NULL UNIQUE,
  original_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX article_file_by_article ON article_file(article_id);

-- The folded text of each article; full-text search through a GIN index
-- ('simple' configuration: the text is already folded, no stemming).
CREATE TABLE article_search (
  article_id BIGINT PRIMARY KEY REFERENCES article(id),
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  body TEXT NOT NULL,
  tags TEXT NOT NULL
);
CREATE INDEX article_search_text ON article_search
  USING GIN (to_tsvector('simple', title || ' ' || summary || ' ' || body || ' ' || tags));

CREATE TABLE public_snapshot (
  id BIGSERIAL PRIMARY KEY,
  unit_code TEXT NOT NULL,
  as_of TEXT NOT NULL,
  set_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  taken_by TEXT NOT NULL,
  taken_at TEXT NOT NULL
);
