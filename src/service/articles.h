// The portal's editorial workflow: anyone signed in drafts and sends for
// review; the office publishes (now or at a chosen time) and unpublishes.
// Drafts, articles in review, unpublished and scheduled ones are never
// visible to the public (Article::visible). Slugs are unique ASCII.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/article.h"
#include "model/user.h"
#include "store/store.h"

namespace ntm {

inline constexpr const char* kArticleCategories[] = {"tin-tuc", "thong-bao", "van-ban-chi-dao",
                                                     "ket-qua-thuc-hien"};

// One of kArticleCategories (their names are in the UI catalogue).
bool is_article_category(const std::string& category);

// Whether the user publishes it: the office of its province, or the central
// office for its own (national) articles.
bool publishes(const User& user, const Article& a);
// Its author and its publishing office see it in the editor at any stage.
bool may_manage_article(const User& user, const Article& a);
// The author while it is a draft; its publishing office always.
bool may_edit_article(const User& user, const Article& a);
// Visible to the public at `now`, or `user` may edit it (drafts stay hidden
// from everyone else: a guessed URL answers "not found").
bool may_read_article(const User* user, const Article& a, const std::string& now);

// A new draft by `user` (its slug from the title, made unique with -2, -3...).
Result<Article> create_article(Store& store, const User& user, Article a);
// Title, summary, body, category, tags, units and meeting of an article the
// user may edit (the slug stays: published links keep working).
Status edit_article(Store& store, const User& user, const Article& edited);
// A cover image (JPEG/PNG) or an attached document (PDF, JPEG, PNG), checked
// by its content and stored under a random name in `dir`.
Result<ArticleFile> add_article_file(Store& store, const std::string& dir, const User& user,
                                     int64_t article_id, const std::string& kind,
                                     const std::string& name, std::string_view data);

// draft -> review (the author or the office).
Status send_for_review(Store& store, const User& user, int64_t id);
// -> published at `publish_at` ("" = now), the office only.
Status publish_article(Store& store, const User& user, int64_t id, const std::string& publish_at);
// published -> unpublished, the office only.
Status unpublish_article(Store& store, const User& user, int64_t id);

// Public search over articles and units (diacritics and case ignored).
struct SearchHit {
  std::string kind;     // "article" or "unit"
  std::string title;    // HTML, matches marked
  std::string snippet;  // HTML, matches marked
  Article article;      // for kind "article"
  UnitVersion unit;     // for kind "unit"
};
// `province`: a province portal's search (its office's articles, its
// units); -1 every article and unit.
Result<std::vector<SearchHit>> search_site(Store& store, const std::string& query,
                                           const std::string& now, int limit,
                                           int64_t province = -1);

}  // namespace ntm
