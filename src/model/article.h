// Portal articles and their editorial workflow: draft -> review ->
// published (at publish_at, which may be in the future) -> unpublished.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ntm {

enum class ArticleStatus { kDraft, kReview, kPublished, kUnpublished };
const char* article_status_name(ArticleStatus s);  // "draft", "review", "published", "unpublished"
std::optional<ArticleStatus> parse_article_status(std::string_view s);

struct Article {
  int64_t id = 0;
  std::string slug;  // ASCII, from the title
  std::string title;
  std::string summary;
  std::string body;      // Markdown
  std::string category;  // tin-tuc, thong-bao, van-ban-chi-dao, ket-qua-thuc-hien
  ArticleStatus status = ArticleStatus::kDraft;
  std::string author;
  std::string publish_at;  // UTC timestamp; "" until scheduled or published
  std::string created_at;
  std::string updated_at;

  // Readable by the public at `now` (a UTC timestamp of the same form).
  bool visible(const std::string& now) const {
    return status == ArticleStatus::kPublished && !publish_at.empty() && publish_at <= now;
  }
};

}  // namespace ntm
