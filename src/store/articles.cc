// Store: portal articles. Order is (publish_at, id) everywhere, so articles
// published at the same second still have one stable order.
#include "store/store.h"

namespace ntm {
namespace {

constexpr const char* kColumns =
    "id, slug, title, summary, body, category, status, author, publish_at, created_at, updated_at";

Result<Article> read_article(Statement& s) {
  const auto status = parse_article_status(s.get_text(6));
  if (!status) return Status::internal("bad article status " + s.get_text(6));
  return Article{s.get_int(0),  s.get_text(1), s.get_text(2), s.get_text(3),
                 s.get_text(4), s.get_text(5), *status,       s.get_text(7),
                 s.get_text(8), s.get_text(9), s.get_text(10)};
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
}

}  // namespace

Result<int64_t> Store::insert_article(const Article& a) {
  auto s = TRY(sql(
      "INSERT INTO article (slug, title, summary, body, category, status, author, publish_at,"
      " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id"));
  bind_article(*s, a);
  if (!TRY(s->step())) return Status::database("INSERT article returned no id");
  return s->get_int(0);
}

Status Store::update_article(const Article& a) {
  auto s =
      TRY(sql("UPDATE article SET slug = $1, title = $2, summary = $3, body = $4, category = $5,"
              " status = $6, author = $7, publish_at = $8, updated_at = $10 WHERE id = $11"));
  bind_article(*s, a);
  return s->run();
}

Result<std::optional<Article>> Store::article(int64_t id) {
  auto s = TRY(sql(std::string("SELECT ") + kColumns + " FROM article WHERE id = $1"));
  s->bind(1, id);
  if (!TRY(s->step())) return std::optional<Article>();
  return std::optional<Article>(TRY(read_article(*s)));
}

Result<std::optional<Article>> Store::article_by_slug(const std::string& slug) {
  auto s = TRY(sql(std::string("SELECT ") + kColumns + " FROM article WHERE slug = $1"));
  s->bind(1, slug);
  if (!TRY(s->step())) return std::optional<Article>();
  return std::optional<Article>(TRY(read_article(*s)));
}

Result<std::vector<Article>> Store::published_articles(const std::string& category,
                                                       const std::string& now, int offset,
                                                       int limit) {
  auto s = TRY(sql(std::string("SELECT ") + kColumns +
                   " FROM article WHERE status = 'published' AND publish_at <> ''"
                   " AND publish_at <= $1 AND ($2 = '' OR category = $2)"
                   " ORDER BY publish_at DESC, id DESC LIMIT $3 OFFSET $4"));
  s->bind(1, now);
  s->bind(2, category);
  s->bind(3, static_cast<int64_t>(limit));
  s->bind(4, static_cast<int64_t>(offset));
  std::vector<Article> out;
  while (TRY(s->step())) out.push_back(TRY(read_article(*s)));
  return out;
}

// The visible neighbours of `a` in its category, nearest first: newer ones
// (direction ">", ascending) or older ones ("<", descending).
Result<std::vector<Article>> Store::neighbour_articles(const Article& a, const std::string& now,
                                                       int limit, bool newer) {
  const std::string cmp = newer ? ">" : "<", order = newer ? "ASC" : "DESC";
  auto s = TRY(sql(std::string("SELECT ") + kColumns +
                   " FROM article WHERE status = 'published' AND publish_at <> ''"
                   " AND publish_at <= $1 AND category = $2 AND (publish_at " +
                   cmp + " $3 OR (publish_at = $3 AND id " + cmp + " $4)) ORDER BY publish_at " +
                   order + ", id " + order + " LIMIT $5"));
  s->bind(1, now);
  s->bind(2, a.category);
  s->bind(3, a.publish_at);
  s->bind(4, a.id);
  s->bind(5, static_cast<int64_t>(limit));
  std::vector<Article> out;
  while (TRY(s->step())) out.push_back(TRY(read_article(*s)));
  return out;
}

Result<std::vector<Article>> Store::newer_articles(const Article& a, const std::string& now,
                                                   int limit) {
  return neighbour_articles(a, now, limit, true);
}

Result<std::vector<Article>> Store::older_articles(const Article& a, const std::string& now,
                                                   int limit) {
  return neighbour_articles(a, now, limit, false);
}

}  // namespace ntm
