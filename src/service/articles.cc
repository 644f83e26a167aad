#include "service/articles.h"

#include <algorithm>

#include "base/strings.h"

namespace ntm {
namespace {

Result<Article> load(Store& store, int64_t id) {
  auto a = TRY(store.article(id));
  if (!a) return Status::not_found("không có bài viết số " + std::to_string(id));
  return *a;
}

Status audited(Store& store, const User& user, const Article& a, const char* action,
               const std::string& before) {
  return store.transaction([&]() -> Status {
    TRY(store.update_article(a));
    return store.insert_audit({0, "", user.username, action, 0, "article:" + std::to_string(a.id),
                               before, article_status_name(a.status), ""});
  });
}

}  // namespace

Result<Article> create_article(Store& store, const User& user, Article a) {
  a.title = std::string(trim(a.title));
  if (a.title.empty()) return Status::invalid("cần tiêu đề bài viết");
  if (std::none_of(std::begin(kArticleCategories), std::end(kArticleCategories),
                   [&](const char* c) { return a.category == c; })) {
    return Status::invalid("chuyên mục \"" + a.category + "\" không có");
  }
  const std::string base = slugify(a.title).empty() ? "bai-viet" : slugify(a.title);
  a.slug = base;
  for (int n = 2; TRY(store.article_by_slug(a.slug)); ++n) a.slug = base + "-" + std::to_string(n);
  a.status = ArticleStatus::kDraft;
  a.author = user.username;
  a.publish_at.clear();
  TRY(store.transaction([&]() -> Status {
    a.id = TRY(store.insert_article(a));
    return store.insert_audit({0, "", user.username, "article.draft", 0,
                               "article:" + std::to_string(a.id), "", a.title, ""});
  }));
  return a;
}

Status send_for_review(Store& store, const User& user, int64_t id) {
  Article a = TRY(load(store, id));
  if (a.author != user.username && user.role != Role::kAdmin) {
    return Status::forbidden("chỉ tác giả hoặc văn phòng gửi duyệt bài này");
  }
  if (a.status != ArticleStatus::kDraft) return Status::invalid("chỉ bài nháp mới gửi duyệt được");
  a.status = ArticleStatus::kReview;
  return audited(store, user, a, "article.review", "draft");
}

Status publish_article(Store& store, const User& user, int64_t id, const std::string& publish_at) {
  if (user.role != Role::kAdmin) return Status::forbidden("chỉ văn phòng điều phối đăng bài");
  Article a = TRY(load(store, id));
  if (a.status == ArticleStatus::kPublished && publish_at.empty()) {
    return Status::invalid("bài đã được đăng");
  }
  const std::string before = article_status_name(a.status);
  a.status = ArticleStatus::kPublished;
  a.publish_at = publish_at.empty() ? utc_timestamp_now() : publish_at;
  return audited(store, user, a, "article.publish", before);
}

Status unpublish_article(Store& store, const User& user, int64_t id) {
  if (user.role != Role::kAdmin) return Status::forbidden("chỉ văn phòng điều phối gỡ bài");
  Article a = TRY(load(store, id));
  if (a.status != ArticleStatus::kPublished) return Status::invalid("bài chưa được đăng");
  a.status = ArticleStatus::kUnpublished;
  return audited(store, user, a, "article.unpublish", "published");
}

}  // namespace ntm
