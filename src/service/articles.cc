#include "service/articles.h"

#include <algorithm>
#include <filesystem>

#include "base/markdown.h"
#include "base/search_text.h"
#include "base/strings.h"
#include "service/evidence.h"
#include "service/scope.h"
#include "service/views.h"

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

// Trims and checks what a writer typed: title, category, unit codes that
// exist, a meeting that exists. Lists are normalised to "a,b".
Status check_fields(Store& store, Article& a) {
  a.title = std::string(trim(a.title));
  a.summary = std::string(trim(a.summary));
  if (a.title.empty()) return Status::invalid("Tiêu đề: bắt buộc");
  if (a.title.size() > 300) return Status::invalid("Tiêu đề: quá dài (tối đa 300 ký tự)");
  if (!is_article_category(a.category)) {
    return Status::invalid("Chuyên mục: không có chuyên mục \"" + a.category + "\"");
  }
  auto normalise = [](const std::string& list) {
    std::string out;
    for (const std::string& part : split(list, ',')) {
      const std::string item(trim(part));
      if (!item.empty()) out += (out.empty() ? "" : ",") + item;
    }
    return out;
  };
  a.tags = normalise(a.tags);
  a.unit_codes = normalise(a.unit_codes);
  for (const std::string& code : split(a.unit_codes, ',')) {
    if (!code.empty() && TRY(store.versions_with_code(code)).empty())
      return Status::invalid("Đơn vị liên quan: không có mã " + code);
  }
  if (a.meeting_id && !TRY(store.meeting(a.meeting_id))) {
    return Status::invalid("Văn bản chỉ đạo: không có cuộc họp số " + std::to_string(a.meeting_id));
  }
  return Status::ok();
}

}  // namespace

bool is_article_category(const std::string& category) {
  return std::any_of(std::begin(kArticleCategories), std::end(kArticleCategories),
                     [&](const char* c) { return category == c; });
}

bool publishes(const User& user, const Article& a) {
  return a.province_id ? office_of(user, a.province_id) : is_central(user);
}

bool may_edit_article(const User& user, const Article& a) {
  return publishes(user, a) || (a.author == user.username && a.status == ArticleStatus::kDraft);
}

bool may_manage_article(const User& user, const Article& a) {
  return publishes(user, a) || a.author == user.username;
}

bool may_read_article(const User* user, const Article& a, const std::string& now) {
  return a.visible(now) || (user && may_manage_article(*user, a));
}

Result<Article> create_article(Store& store, const User& user, Article a) {
  TRY(check_fields(store, a));
  const std::string base = slugify(a.title).empty() ? "bai-viet" : slugify(a.title);
  a.slug = base;
  for (int n = 2; TRY(store.article_by_slug(a.slug)); ++n) a.slug = base + "-" + std::to_string(n);
  a.status = ArticleStatus::kDraft;
  a.author = user.username;
  a.province_id = user.province_id;  // the central office's own: 0
  a.publish_at.clear();
  TRY(store.transaction([&]() -> Status {
    a.id = TRY(store.insert_article(a));
    return store.insert_audit({0, "", user.username, "article.draft", 0,
                               "article:" + std::to_string(a.id), "", a.title, ""});
  }));
  return a;
}

Status edit_article(Store& store, const User& user, const Article& edited) {
  Article a = TRY(load(store, edited.id));
  if (!may_edit_article(user, a)) {
    return Status::forbidden("chỉ tác giả (khi bài còn là nháp) hoặc văn phòng sửa bài này");
  }
  const std::string before = a.title;
  a.title = edited.title;
  a.summary = edited.summary;
  a.body = edited.body;
  a.category = edited.category;
  a.tags = edited.tags;
  a.unit_codes = edited.unit_codes;
  a.meeting_id = edited.meeting_id;
  TRY(check_fields(store, a));
  return store.transaction([&]() -> Status {
    TRY(store.update_article(a));
    return store.insert_audit({0, "", user.username, "article.edit", 0,
                               "article:" + std::to_string(a.id), before, a.title, ""});
  });
}

Result<ArticleFile> add_article_file(Store& store, const std::string& dir, const User& user,
                                     int64_t article_id, const std::string& kind,
                                     const std::string& name, std::string_view data) {
  const Article a = TRY(load(store, article_id));
  if (!may_edit_article(user, a)) return Status::forbidden("không có quyền sửa bài này");
  if (kind != "cover" && kind != "attachment") return Status::invalid("loại tệp " + kind);
  if (kind == "cover" && TRY(sniff_evidence_type(data)) == "application/pdf") {
    return Status::invalid("Ảnh đại diện: cần ảnh JPEG hoặc PNG");
  }
  const StoredFile f = TRY(store_upload(dir, name, data));
  ArticleFile out{0,      article_id,    kind, f.file_name, f.original_name, f.content_type,
                  f.size, user.username, ""};
  const Status s = store.transaction([&]() -> Status {
    out.id = TRY(store.insert_article_file(out));
    return store.insert_audit({0, "", user.username, "article.file", 0,
                               "article:" + std::to_string(article_id), "",
                               kind + ": " + out.original_name, ""});
  });
  if (!s.is_ok()) {
    std::error_code ec;
    std::filesystem::remove(evidence_path(dir, f.file_name), ec);
    return s;
  }
  return out;
}

Status send_for_review(Store& store, const User& user, int64_t id) {
  Article a = TRY(load(store, id));
  if (a.author != user.username && !publishes(user, a)) {
    return Status::forbidden("chỉ tác giả hoặc văn phòng gửi duyệt bài này");
  }
  if (a.status != ArticleStatus::kDraft) return Status::invalid("chỉ bài nháp mới gửi duyệt được");
  a.status = ArticleStatus::kReview;
  return audited(store, user, a, "article.review", "draft");
}

Status publish_article(Store& store, const User& user, int64_t id, const std::string& publish_at) {
  Article a = TRY(load(store, id));
  if (!publishes(user, a)) return Status::forbidden("chỉ văn phòng điều phối đăng bài");
  if (a.visible(utc_timestamp_now()) && publish_at.empty()) {
    return Status::invalid("bài đã được đăng");
  }
  const std::string before = article_status_name(a.status);
  a.status = ArticleStatus::kPublished;
  a.publish_at = publish_at.empty() ? utc_timestamp_now() : publish_at;
  return audited(store, user, a, "article.publish", before);
}

Status unpublish_article(Store& store, const User& user, int64_t id) {
  Article a = TRY(load(store, id));
  if (!publishes(user, a)) return Status::forbidden("chỉ văn phòng điều phối gỡ bài");
  if (a.status != ArticleStatus::kPublished) return Status::invalid("bài chưa được đăng");
  a.status = ArticleStatus::kUnpublished;
  return audited(store, user, a, "article.unpublish", "published");
}

Result<std::vector<SearchHit>> search_site(Store& store, const std::string& query,
                                           const std::string& now, int limit, int64_t province) {
  const auto phrases = parse_search_query(query);
  std::vector<SearchHit> out;
  if (phrases.empty()) return out;
  // Units first when the query names one; they are few and short.
  for (UnitVersion& u : TRY(search_units(store, query, 10, std::max<int64_t>(province, 0)))) {
    SearchHit h{"unit", highlight(u.name, phrases), "", {}, std::move(u)};
    out.push_back(std::move(h));
  }
  for (Article& a : TRY(store.search_articles(phrases, now, limit, province))) {
    const std::string text =
        a.summary + (a.summary.empty() ? "" : " — ") + markdown_to_text(a.body);
    SearchHit h{
        "article", highlight(a.title, phrases), highlight(text, phrases, 220), std::move(a), {}};
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace ntm
