// What every HTML page shares: the language, the chosen date / set / view
// (kept in every link), the layout, and rendering of mustache templates
// (escaped by default; only our own SVG goes through {{{ }}}).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "http/app_state.h"
#include "http/http.h"
#include "ui/i18n.h"

namespace ntm {

struct PageContext {
  Lang lang = Lang::kVi;
  EvaluateOptions opts;
  std::string query;           // "at=...&set=...&view=..." (only what the user chose)
  std::string target;          // path and query of this page (for the language switch)
  std::string bad_date;        // the text typed when it was not a date
  std::string published_note;  // set when a visitor sees the published snapshot's date
  const std::pair<User, Session>* principal = nullptr;  // the signed-in user, if any
};

PageContext page_context(const Request& r);
// path with the page's query appended.
std::string link(const PageContext& c, const std::string& path);
// `next` when it is a path on this site, else "/": never redirect elsewhere.
std::string local_path(const std::string& next);
// "KEY=TEXT&KEY_mac=MAC" for a redirect after a form: the text signed for
// the request's session (message_mac), so that only the server's own links
// show a message on its pages. Without a session, "".
std::string message_query(const Request& r, const std::string& key, const std::string& text);
// The KEY of a link when the server signed it for this session; else "".
std::string shown_message(const Request& r, const std::string& key);
// message_query / shown_message for "error".
std::string error_query(const Request& r, const std::string& message);
std::string shown_error(const Request& r);
// /dashboard/CODE for provinces and districts, /commune/CODE for communes.
std::string unit_link(const PageContext& c, const UnitVersion& u);

// Renders templates/<name>.html inside templates/layout.html; "{{> other}}"
// in a template includes templates/other.html in place. `view` gets the
// string catalogue ("t"), the language, the demo flag and the controls.
Response render_page(AppState& app, const PageContext& c, const std::string& name,
                     nlohmann::json view, int status = 200);
// An error page (404 for not_found, 400 for bad input, else 500).
Response error_page(AppState& app, const PageContext& c, const Status& s);

// Renders a mustache template text with a JSON view (exposed for tests).
std::string render_mustache(std::string_view tmpl, const nlohmann::json& view);
// The embedded templates and static files, by path ("templates/home.html").
const std::map<std::string_view, std::string_view>& ui_files();

}  // namespace ntm
