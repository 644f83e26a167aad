#include "model/coordination.h"

#include <array>

#include "model/article.h"

namespace ntm {
namespace {

// Name of an enum value from its table, and back.
template <typename E, size_t N>
const char* name_in(const std::array<const char*, N>& names, E e) {
  return names[static_cast<size_t>(e)];
}

template <typename E, size_t N>
std::optional<E> parse_in(const std::array<const char*, N>& names, std::string_view s) {
  for (size_t i = 0; i < N; ++i)
    if (s == names[i]) return static_cast<E>(i);
  return std::nullopt;
}

constexpr std::array<const char*, 3> kOwnerKinds = {"department", "sponsor", "commune"};
constexpr std::array<const char*, 4> kWorkStatuses = {"planned", "in_progress", "done",
                                                      "cancelled"};
constexpr std::array<const char*, 3> kConclusionStatuses = {"open", "in_progress", "done"};
constexpr std::array<const char*, 4> kArticleStatuses = {"draft", "review", "published",
                                                         "unpublished"};

}  // namespace

const char* owner_kind_name(OwnerKind k) { return name_in(kOwnerKinds, k); }
std::optional<OwnerKind> parse_owner_kind(std::string_view s) {
  return parse_in<OwnerKind>(kOwnerKinds, s);
}
const char* work_status_name(WorkStatus s) { return name_in(kWorkStatuses, s); }
std::optional<WorkStatus> parse_work_status(std::string_view s) {
  return parse_in<WorkStatus>(kWorkStatuses, s);
}
const char* conclusion_status_name(ConclusionStatus s) { return name_in(kConclusionStatuses, s); }
std::optional<ConclusionStatus> parse_conclusion_status(std::string_view s) {
  return parse_in<ConclusionStatus>(kConclusionStatuses, s);
}

const char* article_status_name(ArticleStatus s) { return name_in(kArticleStatuses, s); }
std::optional<ArticleStatus> parse_article_status(std::string_view s) {
  return parse_in<ArticleStatus>(kArticleStatuses, s);
}

}  // namespace ntm
