-- PostgreSQL twin of sqlite/0005_articles.sql.
-- Portal articles (tin tức, thông báo, văn bản chỉ đạo, kết quả thực hiện)
-- with their editorial state. Times are UTC "yyyy-mm-ddThh:mm:ssZ".
CREATE TABLE article (
  id BIGSERIAL PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'review', 'published', 'unpublished')),
  author TEXT NOT NULL,
  publish_at TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- Newer/older lists walk this index: (category, publish_at, id) is a total order.
CREATE INDEX article_by_category ON article(category, publish_at, id);
