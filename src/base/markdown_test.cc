#include "base/markdown.h"

#include <gtest/gtest.h>

#include <set>

namespace ntm {
namespace {

// The first tag or attribute in `html` that is not on the allowed list, or a
// link/image whose URL has a scheme other than http(s)/mailto; "" if none.
std::string unsafe_markup(const std::string& html) {
  static const std::set<std::string> tags = {
      "p",     "h2",    "h3",    "h4",  "h5", "h6", "em",         "strong", "del", "u",
      "code",  "pre",   "a",     "img", "ul", "ol", "li",         "hr",     "br",  "div",
      "table", "thead", "tbody", "tr",  "th", "td", "blockquote", "span"};
  static const std::set<std::string> attributes = {"href", "src",   "alt",     "title",
                                                   "rel",  "class", "loading", "start"};
  for (size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
    size_t j = i + 1 + (html[i + 1] == '/');
    const size_t name_end = html.find_first_of(" >", j);
    const std::string name = html.substr(j, name_end - j);
    if (!tags.count(name)) return "tag " + name;
    j = name_end;
    while (html[j] == ' ') {
      const size_t eq = html.find('=', j);
      const std::string attr = html.substr(j + 1, eq - j - 1);
      if (!attributes.count(attr) || html[eq + 1] != '"') return "attribute " + attr;
      const size_t close = html.find('"', eq + 2);
      const std::string value = html.substr(eq + 2, close - eq - 2);
      if ((attr == "href" || attr == "src") && !is_safe_url(value)) return "url " + value;
      if (attr == "class" && name == "div" && value != "table-wrap") return "div";
      j = close + 1;
    }
    if (html[j] != '>') return "unterminated tag " + name;
  }
  return "";
}

TEST(Markdown, RendersTheCommonParts) {
  const std::string html = markdown_to_html(
      "# Kết quả\n\nXã **Thạch Kim** đạt *19/19* tiêu chí.\n\n- một\n- hai\n\n"
      "| Tiêu chí | Đạt |\n|---|---:|\n| Giao thông | 1 |\n\n[Quyết định](/bai-viet/qd) và "
      "https://example.vn/a\n");
  EXPECT_NE(html.find("<h2>Kết quả</h2>"), std::string::npos) << html;  // h1 is the page title
  EXPECT_NE(html.find("<strong>Thạch Kim</strong>"), std::string::npos);
  EXPECT_NE(html.find("<li>hai</li>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">1</td>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"/bai-viet/qd\">Quyết định</a>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"https://example.vn/a\" rel=\"noopener nofollow\">"),
            std::string::npos);
  EXPECT_EQ(markdown_to_text("# Kết quả\n\nXã **Thạch Kim** đạt."), "Kết quả\nXã Thạch Kim đạt.");
}

// Every way we know to get script into a page through Markdown.
TEST(Markdown, CannotInjectScriptHandlersOrJavascriptLinks) {
  const char* attacks[] = {
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "a <b onmouseover=alert(1)>b</b>",
      "[x](javascript:alert(1))",
      "[x](JavaScript:alert(1))",
      "[x](java\tscript:alert(1))",
      "[x](&#106;avascript:alert(1))",
      "[x](javascript&#58;alert(1))",
      "<javascript:alert(1)>",
      "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "[x](vbscript:msgbox(1))",
      "![y](javascript:alert(1))",
      "![a\" onerror=\"alert(1)](/x.png)",
      "[a](/x \"t\\\" onclick=\\\"alert(1)\")",
      "[x](//evil.example/a)",
      "<div onclick=\"alert(1)\">z</div>",
      "```\n</code><script>alert(1)</script>\n```",
      "<svg/onload=alert(1)>",
      "<iframe src=\"https://evil.example\"></iframe>",
  };
  for (const char* md : attacks) {
    SCOPED_TRACE(md);
    const std::string html = markdown_to_html(md);
    EXPECT_EQ(unsafe_markup(html), "") << html;
  }
  // The checker itself finds what it looks for.
  EXPECT_NE(unsafe_markup("<a href=\"javascript:x\">y</a>"), "");
  EXPECT_NE(unsafe_markup("<img src=\"/a.png\" onerror=\"x\">"), "");
  EXPECT_NE(unsafe_markup("<script>"), "");
  EXPECT_NE(markdown_to_html("<script>x</script>").find("&lt;script&gt;"), std::string::npos);
}

TEST(Markdown, SafeUrls) {
  EXPECT_TRUE(is_safe_url("https://ntm.hatinh.gov.vn/a?b=1"));
  EXPECT_TRUE(is_safe_url("mailto:vanphong@example.vn"));
  EXPECT_TRUE(is_safe_url("/bai-viet/x"));
  EXPECT_TRUE(is_safe_url("#muc-1"));
  EXPECT_TRUE(is_safe_url("tep.pdf"));
  EXPECT_TRUE(is_safe_url("a/b:c"));  // a colon after the first slash is no scheme
  EXPECT_FALSE(is_safe_url("javascript:alert(1)"));
  EXPECT_FALSE(is_safe_url("JAVASCRIPT:alert(1)"));
  EXPECT_FALSE(is_safe_url(" javascript:alert(1)"));
  EXPECT_FALSE(is_safe_url("data:text/html,x"));
  EXPECT_FALSE(is_safe_url("//evil.example"));
  EXPECT_FALSE(is_safe_url("/\\evil.example"));
  EXPECT_FALSE(is_safe_url("\\\\evil.example"));
  EXPECT_FALSE(is_safe_url("\\/evil.example"));
  EXPECT_FALSE(is_safe_url("/a\\b"));
  EXPECT_NE(markdown_to_html("[x](https://evil.example)").find("rel=\"noopener nofollow\""),
            std::string::npos);
  EXPECT_EQ(markdown_to_html("[x](/\\evil.example)").find("href"), std::string::npos);
  EXPECT_FALSE(is_safe_url("ftp://x"));
}

}  // namespace
}  // namespace ntm
