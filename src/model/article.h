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
  std::string tags;           // comma-separated, as written
  std::string unit_codes;     // comma-separated codes of the units it is about
  int64_t meeting_id = 0;     // the steering-committee meeting (directive) it reports; 0 = none
  int64_t cover_file_id = 0;  // read from its files (the latest cover); not written
  int64_t province_id = 0;    // the province office's article; 0: the central office's

  // Readable by the public at `now` (a UTC timestamp of the same form).
  bool visible(const std::string& now) const {
    return status == ArticleStatus::kPublished && !publish_at.empty() && publish_at <= now;
  }
};

// A file of an article: its cover image or an attached document (PDF).
struct ArticleFile {
  int64_t id = 0;
  int64_t article_id = 0;
  std::string kind;  // "cover" or "attachment"
  std::string file_name;
  std::string original_name;
  std::string content_type;
  int64_t size = 0;
  std::string uploaded_by;
  std::string uploaded_at;
};

// Progress figures frozen and published by the office (payload is JSON).
struct PublicSnapshot {
  int64_t id = 0;
  std::string unit_code;
  std::string as_of;  // ISO date the figures are for
  std::string set_id;
  std::string payload;
  std::string taken_by;
  std::string taken_at;
};

}  // namespace ntm
