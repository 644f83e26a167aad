#include "service/articles.h"

#include <gtest/gtest.h>

#include "service/importer.h"
#include "store/test_store.h"

namespace ntm {
namespace {

class ArticlesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store = std::move(open_test_store()).value();
    ASSERT_TRUE(import_units(*store, "u",
                             "code,name,type,level,parent_code\n42,Tỉnh Hà Tĩnh,Tỉnh,1,\n"
                             "40,Tỉnh Nghệ An,Tỉnh,1,\n",
                             *Date::parse("2016-01-01"), Date::max())
                    .is_ok());
    const int64_t ha_tinh = (*store->unit_at("42", *Date::parse("2020-01-01")))->unit_id;
    office.username = "vanphong";
    office.role = Role::kAdmin;
    office.province_id = ha_tinh;
    writer.username = "so.yte";
    writer.role = Role::kDepartment;
    writer.province_id = ha_tinh;
    other_office = {.username = "vanphong.na", .role = Role::kAdmin};
    other_office.province_id = (*store->unit_at("40", *Date::parse("2020-01-01")))->unit_id;
    central = {.username = "trunguong", .role = Role::kCentral};
  }
  // A published article at `at` in `category`.
  Article published(const std::string& title, const std::string& category, const std::string& at) {
    Article a = *create_article(*store, writer, {.title = title, .category = category});
    EXPECT_TRUE(publish_article(*store, office, a.id, at).is_ok());
    return **store->article(a.id);
  }
  std::unique_ptr<Store> store;
  User office, writer, other_office, central;
};

TEST_F(ArticlesTest, EditorialWorkflowAndWhoMayDoIt) {
  Article a = *create_article(*store, writer, {.title = "Hội nghị sơ kết", .category = "tin-tuc"});
  EXPECT_EQ(a.slug, "hoi-nghi-so-ket");
  EXPECT_EQ(
      create_article(*store, writer, {.title = "Hội nghị sơ kết", .category = "tin-tuc"})->slug,
      "hoi-nghi-so-ket-2");
  EXPECT_FALSE(create_article(*store, writer, {.title = "x", .category = "quang-cao"}).is_ok());
  EXPECT_FALSE((**store->article(a.id)).visible("2030-01-01T00:00:00Z"));  // a draft
  EXPECT_EQ(publish_article(*store, writer, a.id, "").code(), ErrorCode::kPermissionDenied);
  ASSERT_TRUE(send_for_review(*store, writer, a.id).is_ok());
  EXPECT_EQ((**store->article(a.id)).status, ArticleStatus::kReview);
  // Hà Tĩnh's article: neither another province's office nor the central
  // office publishes, edits or even sees it in the editor.
  EXPECT_EQ(publish_article(*store, other_office, a.id, "").code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(publish_article(*store, central, a.id, "").code(), ErrorCode::kPermissionDenied);
  EXPECT_FALSE(may_manage_article(other_office, **store->article(a.id)));
  EXPECT_FALSE(may_edit_article(central, **store->article(a.id)));
  // The central office's own news is national, and its own to publish.
  Article national =
      *create_article(*store, central, {.title = "Tin toàn quốc", .category = "tin-tuc"});
  EXPECT_EQ(national.province_id, 0);
  EXPECT_EQ(publish_article(*store, office, national.id, "").code(), ErrorCode::kPermissionDenied);
  EXPECT_TRUE(publish_article(*store, central, national.id, "").is_ok());
  // Scheduled: not visible before its time, visible after.
  ASSERT_TRUE(publish_article(*store, office, a.id, "2026-12-01T07:00:00Z").is_ok());
  const Article scheduled = **store->article(a.id);
  EXPECT_FALSE(scheduled.visible("2026-11-30T23:59:59Z"));
  EXPECT_TRUE(scheduled.visible("2026-12-01T07:00:00Z"));
  EXPECT_TRUE(store->published_articles("", "2026-11-30T00:00:00Z", 0, 10)->empty());
  ASSERT_TRUE(unpublish_article(*store, office, a.id).is_ok());
  EXPECT_FALSE((**store->article(a.id)).visible("2030-01-01T00:00:00Z"));
  EXPECT_EQ(store->audit(0, "", "", 20, "article:" + std::to_string(a.id))->size(), 4u);
}

// Newer/older lists: by publication time, ties ordered by id (stable), only
// the same category, only what is visible now; pages without gaps or repeats.
TEST_F(ArticlesTest, NewerOlderWithEqualTimesAndPages) {
  const std::string t = "2026-10-01T08:00:00Z";
  const Article a = published("Bài A", "tin-tuc", "2026-09-30T08:00:00Z");
  const Article b = published("Bài B", "tin-tuc", t);
  const Article c = published("Bài C", "tin-tuc", t);  // same second as B
  const Article d = published("Bài D", "tin-tuc", "2026-10-02T08:00:00Z");
  published("Thông báo", "thong-bao", t);                    // another category
  published("Sắp đăng", "tin-tuc", "2027-01-01T00:00:00Z");  // scheduled
  const std::string now = "2026-11-27T00:00:00Z";
  auto titles = [](const std::vector<Article>& v) {
    std::vector<std::string> out;
    for (const Article& x : v) out.push_back(x.title);
    return out;
  };
  EXPECT_EQ(titles(*store->newer_articles(b, now, 5)),
            (std::vector<std::string>{"Bài C", "Bài D"}));
  EXPECT_EQ(titles(*store->older_articles(c, now, 5)),
            (std::vector<std::string>{"Bài B", "Bài A"}));
  EXPECT_EQ(titles(*store->older_articles(b, now, 5)), (std::vector<std::string>{"Bài A"}));
  EXPECT_TRUE(store->newer_articles(d, now, 5)->empty());
  EXPECT_TRUE(store->older_articles(a, now, 5)->empty());
  EXPECT_EQ(titles(*store->published_articles("tin-tuc", now, 0, 2)),
            (std::vector<std::string>{"Bài D", "Bài C"}));
  EXPECT_EQ(titles(*store->published_articles("tin-tuc", now, 2, 2)),
            (std::vector<std::string>{"Bài B", "Bài A"}));
  EXPECT_TRUE(store->published_articles("tin-tuc", now, 4, 2)->empty());
  EXPECT_EQ(store->published_articles("", now, 0, 10)->size(), 5u);
}

// Search: folded words, title matches before body matches, phrases in
// order, only visible articles, edits re-indexed.
TEST_F(ArticlesTest, SearchRanksFoldsAndFollowsVisibility) {
  const Article body = published("Hội nghị", "tin-tuc", "2026-01-02T00:00:00Z");
  Article edited = body;
  edited.body = "Bàn về **đường** giao thông nông thôn.";
  ASSERT_TRUE(edit_article(*store, office, edited).is_ok());
  const Article title = published("Đường giao thông xã Lộc Hà", "tin-tuc", "2026-01-01T00:00:00Z");
  const Article hidden =
      *create_article(*store, writer, {.title = "Đường nháp", .category = "tin-tuc"});
  const std::string now = "2026-06-01T00:00:00Z";
  auto ids = [&](const std::string& q) {
    std::vector<int64_t> out;
    const auto hits = search_site(*store, q, now, 10);
    for (const SearchHit& h : *hits)
      if (h.kind == "article") out.push_back(h.article.id);
    return out;
  };
  using V = std::vector<int64_t>;
  EXPECT_EQ(ids("duong"), (V{title.id, body.id}));  // the title match first, though older
  EXPECT_EQ(ids("ĐƯỜNG GIAO"), (V{title.id, body.id}));
  EXPECT_EQ(ids("\"giao thong nong\""), V{body.id});
  EXPECT_EQ(ids("\"nong giao\""), V{});
  EXPECT_EQ(ids("loc h"), V{title.id});  // the last word as a prefix
  EXPECT_EQ(ids("nhap"), V{});           // a draft is not searched...
  const auto hits = *search_site(*store, "duong", now, 10);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].title, "<mark>Đường</mark> giao thông xã Lộc Hà");
  EXPECT_NE(hits[1].snippet.find("Bàn về <mark>đường</mark> giao thông"), std::string::npos)
      << hits[1].snippet;
  ASSERT_TRUE(publish_article(*store, office, hidden.id, "2026-02-01T00:00:00Z").is_ok());
  EXPECT_EQ(ids("nhap"), V{hidden.id});  // ... though it is indexed
}

}  // namespace
}  // namespace ntm
