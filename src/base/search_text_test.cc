#include "base/search_text.h"

#include <gtest/gtest.h>

namespace ntm {
namespace {

using Phrases = std::vector<std::vector<std::string>>;

TEST(SearchText, QueriesFoldCaseDiacriticsAndDd) {
  EXPECT_EQ(parse_search_query("Nông thôn mới"), (Phrases{{"nong"}, {"thon"}, {"moi"}}));
  EXPECT_EQ(parse_search_query("nong thon moi"), parse_search_query("Nông Thôn Mới"));
  EXPECT_EQ(parse_search_query("Đường ĐÊ"), (Phrases{{"duong"}, {"de"}}));
  EXPECT_EQ(parse_search_query("\"nông thôn mới\" Lộc-Hà"),
            (Phrases{{"nong", "thon", "moi"}, {"loc"}, {"ha"}}));
  EXPECT_EQ(parse_search_query("  \"\" ; "), Phrases{});
  // Characters FTS would read as syntax are only separators here.
  EXPECT_EQ(parse_search_query("a* OR (b) NEAR"), (Phrases{{"a"}, {"or"}, {"b"}, {"near"}}));
}

TEST(SearchText, HighlightsInTheOriginalText) {
  EXPECT_EQ(highlight("Xã Lộc Hà đạt chuẩn nông thôn mới", parse_search_query("nong thon moi")),
            "Xã Lộc Hà đạt chuẩn <mark>nông</mark> <mark>thôn</mark> <mark>mới</mark>");
  EXPECT_EQ(highlight("Xã Lộc Hà đạt chuẩn nông thôn mới", parse_search_query("\"nong thon\"")),
            "Xã Lộc Hà đạt chuẩn <mark>nông thôn</mark> mới");
  EXPECT_EQ(highlight("Đường giao thông", parse_search_query("duong")),
            "<mark>Đường</mark> giao thông");
  EXPECT_EQ(highlight("Thạch Kim", parse_search_query("thach ki")),
            "<mark>Thạch</mark> <mark>Kim</mark>");  // the last word is a prefix
  EXPECT_EQ(highlight("<b>x</b> & y", parse_search_query("y")),
            "&lt;b&gt;x&lt;/b&gt; &amp; <mark>y</mark>");
  EXPECT_EQ(highlight("không khớp", parse_search_query("zzz")), "không khớp");
}

TEST(SearchText, SnippetsCutAroundTheFirstMatch) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "chữ thứ " + std::to_string(i) + ". ";
  text += "Hội nghị Ban Chỉ đạo tại Lộc Hà.";
  for (int i = 0; i < 40; ++i) text += " thêm " + std::to_string(i);
  const std::string s = highlight(text, parse_search_query("loc ha"), 120);
  EXPECT_EQ(s.rfind("…", 0), 0u) << s;
  EXPECT_NE(s.find("<mark>Lộc</mark> <mark>Hà</mark>"), std::string::npos) << s;
  EXPECT_EQ(s.substr(s.size() - 3), "…") << s;
  EXPECT_LT(s.size(), 240u);
}

}  // namespace
}  // namespace ntm
