// Store: portal articles. Order is (publish_at, id) everywhere, so articles
// published at the same second still have one stable order.
#include "base/markdown.h"
#include "base/strings.h"
#include "store/store.h"

namespace ntm {
namespace {

// Every query reads articles as "article a"; the last column is the cover.
constexpr const char* kColumns =
    "SELECT a.id, a.slug, a.title, a.summary, a.body, a.category, a.status, a.author,"
    " a.publish_at, a.created_at, a.updated_at, a.tags, a.unit_codes, a.meeting_id,"
    " (SELECT MAX(f.id) FROM article_file f WHERE f.article_id = a.id AND f.kind = 'cover'),"
    " a.province_id";

Result<Article> read_article(Statement& s) {
  const auto status = parse_article_status(s.get_text(6));
  if (!status) return Status::internal("bad article status " + s.get_text(6));
  return Article{s.get_int(0),
                 s.get_text(1),
                 s.get_text(2),
                 s.get_text(3),
                 s.get_text(4),
                 s.get_text(5),
                 *status,
                 s.get_text(7),
                 s.get_text(8),
                 s.get_text(9),
                 s.get_text(10),
                 s.get_text(11),
                 s.get_text(12),
                 s.is_null(13) ? 0 : s.get_int(13),
                 s.is_null(14) ? 0 : s.get_int(14),
                 s.is_null(15) ? 0 : s.get_int(15)};
}

Result<std::vector<Article>> read_articles(Statement& s) {
  std::vector<Article> out;
  while (TRY(s.step())) out.push_back(TRY(read_article(s)));
  return out;
}

void bind_article(Statement& s, const Article& a) {
  s.bind(1, a.slug);
  s.bind(2, a.title);
  s.bind(3, a.summary);
  s.bind(4, a.body);
  s.bind(5, a.category);
  s.bind(6, article_status_name(a.status));
  s.bind(7, a.author);
  s.bind(8, a.publish_at);
  s.bind(9, a.created_at.empty() ? utc_timestamp_now() : a.created_at);
  s.bind(10, utc_timestamp_now());
  s.bind(11, a.id);
  s.bind(12, a.tags);
  s.bind(13, a.unit_codes);
  if (a.meeting_id)
    s.bind(14, a.meeting_id);
  else
    s.bind_null(14);
}

constexpr const char* kFileColumns =
    "id, article_id, kind, file_name, original_name, content_type, size, uploaded_by, uploaded_at";

ArticleFile read_file_row(Statement& s) {
  return {s.get_int(0),  s.get_int(1), s.get_text(2), s.get_text(3), s.get_text(4),
          s.get_text(5), s.get_int(6), s.get_text(7), s.get_text(8)};
}

// One FTS5 query: every phrase must match; words are quoted (so nothing a
// reader types is FTS syntax) and the last word of the query is a prefix.
std::string fts_query(const std::vector<std::vector<std::string>>& phrases) {
  std::string q;
  for (size_t i = 0; i < phrases.size(); ++i) {
    if (phrases[i].empty()) continue;
    std::string p;
    for (const std::string& w : phrases[i]) p += (p.empty() ? "" : " ") + w;
    if (!q.empty()) q += " AND ";
    q += "\"" + p + "\"";
    if (i + 1 == phrases.size() && phrases[i].size() == 1) q += "*";
  }
  return q;
}

// The same as a PostgreSQL tsquery: lexemes quoted, a phrase's words in
// order (<->), every phrase required (&), the last lone word a prefix (:*).
std::string ts_query(const std::vector<std::vector<std::string>>& phrases) {
  std::string q;
  for (size_t i = 0; i < phrases.size(); ++i) {
    if (phrases[i].empty()) continue;
    std::string p;
    for (const std::string& w : phrases[i]) {
      std::string quoted;
      for (char ch : w) quoted += ch == '\'' ? std::string("''") : std::string(1, ch);
      p += (p.empty() ? "'" : " <-> '") + quoted + "'";
    }
    if (i + 1 == phrases.size() && phrases[i].size() == 1) p += ":*";
    q += (q.empty() ? "" : " & ") + ("(" + p + ")");
  }
  return q;
}

// PostgreSQL's search document, as its GIN index (migration 0006) has it;
// the ranking weighs title, tags, summary and body as bm25 does on SQLite.
constexpr const char* kPgDocument =
    "to_tsvector('simple', s.title || ' ' || s.summary || ' ' || s.body || ' ' || s.tags)";

}  // namespace

// The search index holds the folded text of every article (visibility is
// checked when searching), rewritten with the article.
Status Store::index_article(const Article& a) {
  const bool pg = backend() == "postgres";
  auto del = TRY(sql(pg ? "DELETE FROM article_search WHERE article_id = $1"
                        : "DELETE FROM article_search WHERE rowid = $1"));
  del->bind(1, a.id);
  TRY(del->run());
  auto ins = TRY(sql(std::string("INSERT INTO article_search (") + (pg ? "article_id" : "rowid") +
                     ", title, summary, body, tags) VALUES ($1, $2, $3, $4, $5)"));
  ins->bind(1, a.id);
  ins->bind(2, fold_diacritics(a.title));
  ins->bind(3, fold_diacritics(a.summary));
  ins->bind(4, fold_diacritics(markdown_to_text(a.body)));
  ins->bind(5, fold_diacritics(a.tags));
  return ins->run();
}

Result<int64_t> Store::insert_article(const Article& a) {
  auto s = TRY(
      sql("INSERT INTO article (slug, title, summary, body, category, status, author, publish_at,"
          " created_at, updated_at, tags, unit_codes, meeting_id, province_id)"
          " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $12, $13, $14, $15) RETURNING id"));
  bind_article(*s, a);
  if (a.province_id)
    s->bind(15, a.province_id);
  else
    s->bind_null(15);
  if (!TRY(s->step())) return Status::database("INSERT article returned no id");
  Article stored = a;
  stored.id = s->get_int(0);
  TRY(index_article(stored));
  return stored.id;
}

Status Store::update_article(const Article& a) {
  auto s =
      TRY(sql("UPDATE article SET slug = $1, title = $2, summary = $3, body = $4, category = $5,"
              " status = $6, author = $7, publish_at = $8, updated_at = $10, tags = $12,"
              " unit_codes = $13, meeting_id = $14 WHERE id = $11"));
  bind_article(*s, a);
  TRY(s->run());
  return index_article(a);
}

Result<std::optional<Article>> Store::article(int64_t id) {
  auto s = TRY(sql(std::string(kColumns) + " FROM article a WHERE id = $1"));
  s->bind(1, id);
  if (!TRY(s->step())) return std::optional<Article>();
  return std::optional<Article>(TRY(read_article(*s)));
}

Result<std::optional<Article>> Store::article_by_slug(const std::string& slug) {
  auto s = TRY(sql(std::string(kColumns) + " FROM article a WHERE slug = $1"));
  s->bind(1, slug);
  if (!TRY(s->step())) return std::optional<Article>();
  return std::optional<Article>(TRY(read_article(*s)));
}

Result<std::vector<Article>> Store::published_articles(const std::string& category,
                                                       const std::string& now, int offset,
                                                       int limit, int64_t province) {
  auto s = TRY(sql(std::string(kColumns) +
                   " FROM article a WHERE status = 'published' AND publish_at <> ''"
                   " AND publish_at <= $1 AND ($2 = '' OR category = $2)"
                   " AND ($5 = -1 OR COALESCE(province_id, 0) = $5)"
                   " ORDER BY publish_at DESC, id DESC LIMIT $3 OFFSET $4"));
  s->bind(1, now);
  s->bind(2, category);
  s->bind(3, static_cast<int64_t>(limit));
  s->bind(4, static_cast<int64_t>(offset));
  s->bind(5, province);
  return read_articles(*s);
}

// The visible neighbours of `a` in its category, nearest first: newer ones
// (direction ">", ascending) or older ones ("<", descending).
Result<std::vector<Article>> Store::neighbour_articles(const Article& a, const std::string& now,
                                                       int limit, bool newer) {
  const std::string cmp = newer ? ">" : "<", order = newer ? "ASC" : "DESC";
  auto s = TRY(sql(std::string(kColumns) +
                   " FROM article a WHERE status = 'published' AND publish_at <> ''"
                   " AND publish_at <= $1 AND category = $2 AND COALESCE(province_id, 0) = $6"
                   " AND (publish_at " +
                   cmp + " $3 OR (publish_at = $3 AND id " + cmp + " $4)) ORDER BY publish_at " +
                   order + ", id " + order + " LIMIT $5"));
  s->bind(1, now);
  s->bind(2, a.category);
  s->bind(3, a.publish_at);
  s->bind(4, a.id);
  s->bind(5, static_cast<int64_t>(limit));
  s->bind(6, a.province_id);
  return read_articles(*s);
}

Result<std::vector<Article>> Store::newer_articles(const Article& a, const std::string& now,
                                                   int limit) {
  return neighbour_articles(a, now, limit, true);
}

Result<std::vector<Article>> Store::older_articles(const Article& a, const std::string& now,
                                                   int limit) {
  return neighbour_articles(a, now, limit, false);
}

Result<std::vector<Article>> Store::articles(const std::string& author, int limit) {
  auto s = TRY(sql(std::string(kColumns) + " FROM article a WHERE $1 = '' OR author = $1"
                                           " ORDER BY updated_at DESC, id DESC LIMIT $2"));
  s->bind(1, author);
  s->bind(2, static_cast<int64_t>(limit));
  return read_articles(*s);
}

Result<std::vector<Article>> Store::search_articles(
    const std::vector<std::vector<std::string>>& phrases, const std::string& now, int limit,
    int64_t province) {
  const bool pg = backend() == "postgres";
  const std::string q = pg ? ts_query(phrases) : fts_query(phrases);
  if (q.empty()) return std::vector<Article>();
  auto s = TRY(sql(
      pg ? std::string(kColumns) +
               " FROM article_search s JOIN article a ON a.id = s.article_id"
               " WHERE " +
               kPgDocument +
               " @@ to_tsquery('simple', $1) AND a.status = 'published'"
               " AND a.publish_at <> '' AND a.publish_at <= $2"
               " AND ($4 = -1 OR COALESCE(a.province_id, 0) = $4)"
               " ORDER BY ts_rank('{0.1, 0.4, 0.6, 1.0}', setweight(to_tsvector('simple', "
               "s.title), 'A')"
               " || setweight(to_tsvector('simple', s.tags), 'B')"
               " || setweight(to_tsvector('simple', s.summary), 'C')"
               " || setweight(to_tsvector('simple', s.body), 'D'), to_tsquery('simple', $1)) DESC,"
               " a.publish_at DESC LIMIT $3"
         : std::string(kColumns) +
               " FROM article_search JOIN article a ON a.id = article_search.rowid"
               " WHERE article_search MATCH $1 AND a.status = 'published'"
               " AND a.publish_at <> '' AND a.publish_at <= $2"
               " AND ($4 = -1 OR COALESCE(a.province_id, 0) = $4)"
               " ORDER BY bm25(article_search, 10.0, 4.0, 1.0, 6.0), a.publish_at DESC"
               " LIMIT $3"));
  s->bind(1, q);
  s->bind(2, now);
  s->bind(3, static_cast<int64_t>(limit));
  s->bind(4, province);
  return read_articles(*s);
}

Result<int64_t> Store::insert_article_file(const ArticleFile& f) {
  auto s = TRY(
      sql("INSERT INTO article_file (article_id, kind, file_name, original_name, content_type,"
          " size, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id"));
  s->bind(1, f.article_id);
  s->bind(2, f.kind);
  s->bind(3, f.file_name);
  s->bind(4, f.original_name);
  s->bind(5, f.content_type);
  s->bind(6, f.size);
  s->bind(7, f.uploaded_by);
  s->bind(8, f.uploaded_at.empty() ? utc_timestamp_now() : f.uploaded_at);
  if (!TRY(s->step())) return Status::database("INSERT article_file returned no id");
  return s->get_int(0);
}

Result<std::vector<ArticleFile>> Store::article_files(int64_t article_id) {
  auto s = TRY(sql(std::string("SELECT ") + kFileColumns +
                   " FROM article_file WHERE article_id = $1 ORDER BY id"));
  s->bind(1, article_id);
  std::vector<ArticleFile> out;
  while (TRY(s->step())) out.push_back(read_file_row(*s));
  return out;
}

Result<std::optional<ArticleFile>> Store::article_file(int64_t id) {
  auto s = TRY(sql(std::string("SELECT ") + kFileColumns + " FROM article_file WHERE id = $1"));
  s->bind(1, id);
  if (!TRY(s->step())) return std::optional<ArticleFile>();
  return std::optional<ArticleFile>(read_file_row(*s));
}

Result<int64_t> Store::insert_snapshot(const PublicSnapshot& p) {
  auto s =
      TRY(sql("INSERT INTO public_snapshot (unit_code, as_of, set_id, payload, taken_by, taken_at)"
              " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"));
  s->bind(1, p.unit_code);
  s->bind(2, p.as_of);
  s->bind(3, p.set_id);
  s->bind(4, p.payload);
  s->bind(5, p.taken_by);
  s->bind(6, p.taken_at.empty() ? utc_timestamp_now() : p.taken_at);
  if (!TRY(s->step())) return Status::database("INSERT public_snapshot returned no id");
  return s->get_int(0);
}

Result<std::optional<PublicSnapshot>> Store::snapshot(int64_t id) {
  auto s = TRY(
      sql("SELECT id, unit_code, as_of, set_id, payload, taken_by, taken_at FROM public_snapshot"
          " WHERE id = $1"));
  s->bind(1, id);
  if (!TRY(s->step())) return std::optional<PublicSnapshot>();
  return std::optional<PublicSnapshot>(PublicSnapshot{s->get_int(0), s->get_text(1), s->get_text(2),
                                                      s->get_text(3), s->get_text(4),
                                                      s->get_text(5), s->get_text(6)});
}

}  // namespace ntm
