// What the portal's pages share: article cards, category names, absolute
// (canonical) links, and the province the public progress figures are for.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "service/articles.h"
#include "service/public_progress.h"
#include "ui/page.h"

namespace ntm {

std::string category_label(Lang lang, const std::string& category);
// /bai-viet/SLUG; with the cover's URL when it has one.
nlohmann::json article_card(const PageContext& c, const Article& a);
// public_url + path.
std::string absolute_url(AppState& app, const std::string& path);
// Fills canonical, og:* and description of a page.
void set_page_meta(AppState& app, nlohmann::json& view, const std::string& path,
                   const std::string& title, const std::string& description,
                   const std::string& type = "website", const std::string& image = "");

// Which portal a page belongs to: a province's (under /tinh/{code}, its
// office's articles and figures), the national one (/ with several provinces:
// the central office's news and the country), or, in a database of one
// province, the only one (/, every article).
struct Portal {
  int64_t province = -1;  // as published_articles takes it
  std::string prefix;     // "" or "/tinh/42"
  std::string code;       // the province's code ("" for the national portal)
  std::string name;       // the province's name ("" for the national portal)
};
Result<Portal> portal_of(AppState& app, const Request& r);
// The portal an article of `province` (0: the central office) is shown in.
Result<Portal> portal_of_province(AppState& app, int64_t province);
// The layout's portal menu, search box and heading follow the portal.
void set_portal(nlohmann::json& view, const Portal& p);

// The figures the public sees: the published snapshot when the office chose
// one, else live verified figures for today under the set in force. The
// province is `code`, or the snapshot's, or the first province with data.
Result<PublicProgress> current_public_progress(AppState& app, const std::string& code);
// Headline figures of `p` for the templates (units, title_met, share, step...).
nlohmann::json progress_headline(const PageContext& c, const PublicProgress& p);
// For a visitor without an account while a snapshot is published: pages
// show figures on or before the snapshot's date, with a note (c.published_note).
// `code`: the unit shown (its province's snapshot); "" for the first province.
void cap_to_published(AppState& app, PageContext& c, const std::string& code);
// The province answering for the unit of `code` today; "" the first province.
int64_t province_of_code(AppState& app, const std::string& code);

}  // namespace ntm
