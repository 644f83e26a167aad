// The portal's editorial workflow: anyone signed in drafts and sends for
// review; the office publishes (now or at a chosen time) and unpublishes.
// Drafts, articles in review, unpublished and scheduled ones are never
// visible to the public (Article::visible). Slugs are unique ASCII.
#pragma once

#include <string>

#include "model/article.h"
#include "model/user.h"
#include "store/store.h"

namespace ntm {

inline constexpr const char* kArticleCategories[] = {"tin-tuc", "thong-bao", "van-ban-chi-dao",
                                                     "ket-qua-thuc-hien"};

// A new draft by `user` (its slug from the title, made unique with -2, -3...).
Result<Article> create_article(Store& store, const User& user, Article a);
// draft -> review (the author or the office).
Status send_for_review(Store& store, const User& user, int64_t id);
// -> published at `publish_at` ("" = now), the office only.
Status publish_article(Store& store, const User& user, int64_t id, const std::string& publish_at);
// published -> unpublished, the office only.
Status unpublish_article(Store& store, const User& user, int64_t id);

}  // namespace ntm
