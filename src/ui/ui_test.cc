#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "ui/charts.h"
#include "ui/geo_map.h"
#include "ui/i18n.h"
#include "ui/page.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

TEST(Mustache, EscapesByDefaultAndHidesEmptyStrings) {
  const nlohmann::json v = {{"name", "<script>alert(\"x\")</script>"},
                            {"note", ""},
                            {"n", 3},
                            {"list", nlohmann::json::array({{{"a", "1"}}, {{"a", "2"}}})}};
  EXPECT_EQ(render_mustache("{{name}}", v), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  EXPECT_EQ(render_mustache("[{{#note}}x{{note}}{{/note}}][{{note}}]", v), "[][]");
  EXPECT_EQ(render_mustache("{{n}}:{{#list}}{{a}}{{/list}}", v), "3:12");
}

TEST(Templates, AllEmbeddedAndValid) {
  for (const char* name :
       {"templates/layout.html", "templates/home.html", "templates/dashboard.html",
        "templates/commune.html", "templates/criterion.html", "templates/search.html",
        "templates/error.html", "static/style.css", "static/app.js"}) {
    ASSERT_TRUE(ui_files().count(name)) << name;
  }
  for (const auto& [name, text] : ui_files()) {
    if (name.rfind("templates/", 0) != 0) continue;
    EXPECT_EQ(render_mustache(text, nlohmann::json::object()).rfind("template error", 0),
              std::string::npos)
        << name;
  }
}

// Every {{t.key}} a template uses is in the catalogue: a typo would render
// an empty label silently.
TEST(I18n, EveryTemplateKeyExists) {
  const auto& words = catalogue(Lang::kVi);
  const std::regex key(R"(\{\{[#^/]?t\.([A-Za-z0-9_]+)\}\})");
  int seen = 0;
  for (const auto& [name, text] : ui_files()) {
    if (name.rfind("templates/", 0) != 0) continue;
    const std::string body(text);
    for (auto m = std::sregex_iterator(body.begin(), body.end(), key); m != std::sregex_iterator();
         ++m, ++seen) {
      EXPECT_TRUE(words.count((*m)[1].str())) << name << ": t." << (*m)[1].str();
    }
  }
  EXPECT_GT(seen, 100);
}

TEST(I18n, EveryKeyInBothLanguagesAndNumbersLocalised) {
  EXPECT_TRUE(catalogue_gaps().empty());
  EXPECT_EQ(tr(Lang::kVi, "status.met"), "Đạt");
  EXPECT_EQ(tr(Lang::kEn, "status.met"), "Met");
  EXPECT_EQ(format_num(Lang::kVi, 1234.5), "1.234,5");
  EXPECT_EQ(format_num(Lang::kEn, 1234.5), "1,234.5");
  EXPECT_EQ(format_date(Lang::kVi, *Date::parse("2025-07-01")), "01/07/2025");
  EXPECT_EQ(catalogue(Lang::kVi).at("status_met"), "Đạt");
}

TEST(Charts, LabelledEscapedAndFromZero) {
  const std::string s =
      svg_bars({{"<b>", 5, "5", "tip & more", "band0", "/x?a=1&b=2"}}, 10, "chart");
  EXPECT_NE(s.find("&lt;b&gt;"), std::string::npos);
  EXPECT_NE(s.find("<title>tip &amp; more</title>"), std::string::npos);
  EXPECT_NE(s.find("href=\"/x?a=1&amp;b=2\""), std::string::npos);
  EXPECT_NE(s.find(">5</text>"), std::string::npos);
  EXPECT_EQ(svg_sparkline({1}, "x"), "");
  EXPECT_NE(svg_line({{"2020", 50, "t"}, {"2021", 60, "u"}}, 100, "%", "trend").find("<path"),
            std::string::npos);
}

TEST(Charts, LinkedChartsAreGroupsAndLabelsAreNotClipped) {
  // Links inside role="img" are hidden from screen readers: a chart with
  // links is a named group, one without stays an image.
  const std::string linked = svg_bars({{"1. Quy hoạch", 5, "5", "5 xã", "", "/c/1"}}, 10, "x");
  EXPECT_NE(linked.find("role=\"group\""), std::string::npos);
  EXPECT_NE(linked.find("aria-label=\"1. Quy hoạch: 5 xã\""), std::string::npos);
  EXPECT_NE(svg_bars({{"a", 1, "1", "t"}}, 1, "x").find("role=\"img\""), std::string::npos);
  // The label column grows to the longest label ("Chưa có kế hoạch" was cut).
  const std::string wide = svg_bars({{"– Chưa có kế hoạch đã được duyệt", 1, "1", "t"}}, 1, "x");
  EXPECT_NE(wide.find("x=\"" + std::to_string(label_width("– Chưa có kế hoạch đã được duyệt") - 6) +
                      "\""),
            std::string::npos);
}

TEST(Charts, TrendMarksABreakAndDoesNotDrawTheLineAcrossIt) {
  const std::vector<Point> points = {{"2023", 90, "a"}, {"2024", 94, "b"}, {"2025", 33, "c"}};
  const std::string s = svg_line(points, 100, "%", "trend", {{1, "Sáp nhập: 182 → 60"}});
  EXPECT_NE(s.find("class=\"marker\""), std::string::npos);
  EXPECT_NE(s.find(">Sáp nhập: 182 → 60</text>"), std::string::npos);
  EXPECT_NE(s.find("aria-label=\"trend; Sáp nhập: 182 → 60\""), std::string::npos);
  const size_t d = s.find("class=\"trend\" d=\"");
  ASSERT_NE(d, std::string::npos);
  const std::string path = s.substr(d, s.find('"', d + 19) - d);
  EXPECT_EQ(std::count(path.begin(), path.end(), 'M'), 2) << path;  // two pieces
  EXPECT_EQ(std::count(path.begin(), path.end(), 'L'), 1) << path;
}

TEST(Sets, ShortLabelsNameTheYearsNotTheId) {
  CriteriaSet demo;
  demo.id = "ntm-xa-minh-hoa-2026-2030";
  demo.name_vi = "Bộ tiêu chí xã NTM - MINH HỌA (10 tiêu chí, 2026 - 2030)";
  demo.illustrative = true;
  EXPECT_EQ(set_short_label(Lang::kVi, demo), "Bộ minh họa 2026-2030");
  EXPECT_EQ(set_short_label(Lang::kEn, demo), "illustrative 2026-2030 set");
  CriteriaSet plain;
  plain.name_vi = "Bộ tiêu chí của tỉnh";
  plain.effective_from = *Date::parse("2022-03-08");
  EXPECT_EQ(set_short_label(Lang::kVi, plain), "Bộ 2022");
  plain.effective_to = *Date::parse("2026-02-14");
  EXPECT_EQ(set_short_label(Lang::kVi, plain), "Bộ 2022-2026");
}

TEST(Maps, HaTinhCommunesAndProvinces) {
  const auto communes = map_names("communes-42");
  EXPECT_EQ(communes.size(), 69u);
  EXPECT_EQ(communes.at("18073"), "Phường Thành Sen");
  EXPECT_EQ(map_names("provinces").size(), 34u);
  const std::string svg =
      svg_map("communes-42", {{"18073", {"band0", "Thành Sen: 10/10", "/c"}}}, "m");
  EXPECT_NE(svg.find("class=\"band0\""), std::string::npos);
  EXPECT_NE(svg.find("class=\"na\""), std::string::npos);
  EXPECT_LT(svg.size(), 60000u);  // stays light for slow links
  EXPECT_TRUE(map_names("communes-99").empty());
}

}  // namespace
}  // namespace ntm
