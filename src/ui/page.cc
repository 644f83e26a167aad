#include "ui/page.h"

#include <iostream>
#include <kainjow/mustache.hpp>

#include "http/request_options.h"
#include "service/articles.h"
#include "service/coordination.h"
#include "ui/view_helpers.h"

namespace ntm {

namespace mustache = kainjow::mustache;

namespace {

mustache::data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data d{mustache::data::type::object};
      for (const auto& [k, v] : j.items()) d.set(k, to_data(v));
      return d;
    }
    case nlohmann::json::value_t::array: {
      mustache::data d{mustache::data::type::list};
      for (const auto& v : j) d.push_back(to_data(v));
      return d;
    }
    case nlohmann::json::value_t::string:
      // An empty string is false, as in other mustache implementations, so
      // {{#note}} ... {{/note}} disappears when there is no note.
      if (j.get_ref<const std::string&>().empty()) {
        return mustache::data{mustache::data::type::bool_false};
      }
      return mustache::data{j.get<std::string>()};
    case nlohmann::json::value_t::boolean:
      return mustache::data{j.get<bool>() ? mustache::data::type::bool_true
                                          : mustache::data::type::bool_false};
    case nlohmann::json::value_t::null:
      return mustache::data{mustache::data::type::bool_false};
    default:
      return mustache::data{j.dump()};
  }
}

std::string file(const std::string& path) {
  const auto it = ui_files().find(path);
  return it == ui_files().end() ? "" : std::string(it->second);
}

// templates/<name>.html with every "{{> other}}" replaced by templates/other.html
// (expanded in place, so it sees the surrounding section's values).
std::string template_text(const std::string& name) {
  std::string t = file("templates/" + name + ".html");
  for (size_t at = t.find("{{> "); at != std::string::npos; at = t.find("{{> ", at)) {
    const size_t end = t.find("}}", at);
    if (end == std::string::npos) break;
    const std::string included = template_text(t.substr(at + 4, end - at - 4));
    t.replace(at, end + 2 - at, included);
    at += included.size();
  }
  return t;
}

// Adds "has_x" = (x is a non-empty list) beside every list "x", at any depth,
// so templates can test for empty lists (mustache has no length test).
void add_list_flags(nlohmann::json& j) {
  if (j.is_array()) {
    for (auto& e : j) add_list_flags(e);
    return;
  }
  if (!j.is_object()) return;
  std::vector<std::pair<std::string, bool>> flags;
  for (auto& [k, v] : j.items()) {
    add_list_flags(v);
    if (v.is_array()) flags.push_back({"has_" + k, !v.empty()});
  }
  for (const auto& [k, b] : flags) j[k] = b;
}

}  // namespace

std::string render_mustache(std::string_view tmpl, const nlohmann::json& view) {
  mustache::mustache m{std::string(tmpl)};
  std::string out = m.render(to_data(view));
  if (!m.is_valid()) return "template error: " + m.error_message();
  return out;
}

PageContext page_context(const Request& r) {
  PageContext c;
  c.lang = parse_lang(r.cookie("lang"));
  if (r.principal) c.principal = &*r.principal;
  auto opts = evaluate_options(r);
  if (opts.is_ok()) {
    c.opts = *opts;
  } else {
    // A malformed date never widens what is shown: today, and the view the
    // request may see (verified only for visitors).
    c.opts.at = today_local();
    c.opts.set_id = r.arg("set");
    c.opts.verified_only = verified_only_view(r);
    c.bad_date = r.arg("at");
  }
  for (const char* key : {"at", "set", "view"}) {
    const std::string v = r.arg(key);
    if (v.empty() || (std::string(key) == "at" && !c.bad_date.empty())) continue;
    c.query += (c.query.empty() ? "" : "&") + std::string(key) + "=" + url_encode(v);
  }
  c.target = r.path;
  if (!r.query.empty()) {
    std::string q;
    for (const auto& [k, v] : r.query)
      q += (q.empty() ? "?" : "&") + url_encode(k) + "=" + url_encode(v);
    c.target += q;
  }
  return c;
}

std::string link(const PageContext& c, const std::string& path) {
  return c.query.empty() ? path
                         : path + (path.find('?') == std::string::npos ? "?" : "&") + c.query;
}

std::string local_path(const std::string& next) {
  if (next.empty() || next[0] != '/' || next.size() > 2048) return "/";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return "/";
  // Only printable ASCII (a redirect target is URL-encoded), no backslash:
  // CR/LF would split the header, a tab or "\\" lets browsers read "//host".
  for (const char ch : next) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7F || c == '\\') return "/";
  }
  return next;
}

std::string message_query(const Request& r, const std::string& key, const std::string& text) {
  if (!r.principal) return "";
  return key + "=" + url_encode(text) + "&" + key +
         "_mac=" + message_mac(r.principal->second, key + "\n" + text);
}

std::string shown_message(const Request& r, const std::string& key) {
  const std::string text = r.arg(key);
  if (text.empty() || !r.principal) return "";
  const std::string mac = message_mac(r.principal->second, key + "\n" + text);
  return constant_time_equal(r.arg(key + "_mac"), mac) ? text : "";
}

std::string error_query(const Request& r, const std::string& message) {
  return message_query(r, "error", message);
}

std::string shown_error(const Request& r) { return shown_message(r, "error"); }

std::string unit_link(const PageContext& c, const UnitVersion& u) {
  const bool commune = u.level == Level::kCommune || u.level == Level::kVillage;
  return link(c, std::string(commune ? "/commune/" : "/dashboard/") + url_encode(u.code));
}

Response render_page(AppState& app, const PageContext& c, const std::string& name,
                     nlohmann::json view, int status) {
  if (!c.bad_date.empty() && status == 200) status = 400;  // shown with the date's error
  view["t"] = catalogue(c.lang);
  view["lang"] = lang_code(c.lang);
  view["demo"] = app.demo();
  view["today"] = format_date(c.lang, today_local());
  view["lang_switch_href"] =
      "/lang/" + std::string(c.lang == Lang::kVi ? "en" : "vi") + "?next=" + url_encode(c.target);
  view["home_href"] = link(c, "/");
  // The portal menu and search box stay within a province's portal
  // (/tinh/{code}) on its pages; elsewhere they are the site's own.
  const std::string prefix = view.value("portal_prefix", "");
  view["search_href"] = prefix + "/search";
  view["portal_home_href"] = prefix.empty() ? "/" : prefix;
  view["portal_progress_href"] = prefix + "/tien-do";
  view["og_locale"] = c.lang == Lang::kVi ? "vi_VN" : "en_GB";
  nlohmann::json categories = nlohmann::json::array();
  for (const char* cat : kArticleCategories)
    categories.push_back({{"href", prefix + "/chuyen-muc/" + cat},
                          {"label", tr(c.lang, std::string("portal.cat.") + cat)}});
  view["portal_categories"] = categories;
  view["at_value"] = c.opts.at.iso();
  view["at_shown"] = format_date(c.lang, c.opts.at);
  view["bad_date"] = !c.bad_date.empty();
  view["bad_date_text"] = c.bad_date;
  view["verified_only"] = c.opts.verified_only;
  view["published_note"] = c.published_note;
  if (c.principal) {
    view["signed_in"] = true;
    view["me"] = c.principal->first.username;
    view["my_id"] = std::to_string(c.principal->first.id);
    view["my_role"] = tr(c.lang, std::string("role.") + role_name(c.principal->first.role));
    view["csrf"] = c.principal->second.csrf_token;
    view["is_admin"] = c.principal->first.role == Role::kAdmin;
    if (auto n = user_notifications(app, c.principal->first); n.is_ok() && !n->empty())
      view["notify_count"] = std::to_string(n->size());
    view["my_tasks_href"] = c.principal->first.role == Role::kDepartment ? "/verify"
                            : c.principal->first.role == Role::kCommune  ? "/entry"
                            : c.principal->first.role == Role::kAdmin    ? "/audit"
                                                                         : "";
  }
  view["view_label"] =
      tr(c.lang, c.opts.verified_only ? "controls.view_verified" : "controls.view_all");
  nlohmann::json sets = nlohmann::json::array();
  view["controls_set_label"] = tr(c.lang, "controls.set_in_force_short");
  if (auto catalog = app.catalog(); catalog.is_ok()) {
    for (const auto& s : (*catalog)->sets()) {
      sets.push_back(
          {{"id", s->id}, {"name", name_of(c.lang, *s)}, {"selected", s->id == c.opts.set_id}});
      if (s->id == c.opts.set_id) view["controls_set_label"] = set_short_label(c.lang, *s);
    }
  }
  view["sets"] = sets;
  if (!view.contains("page_title")) view["page_title"] = tr(c.lang, "app.name");
  add_list_flags(view);
  view["body"] = render_mustache(template_text(name), view);
  Response r = Response::html(status, render_mustache(template_text("layout"), view));
  r.headers.push_back({"Cache-Control", "no-store"});
  return r;
}

Response error_page(AppState& app, const PageContext& c, const Status& s) {
  // A server-side failure is written to the log (standard error) with the
  // page asked for: the person sees a page in Vietnamese, the operator why.
  if (http_status(s) >= 500)
    std::cerr << "ntm: " << http_status(s) << " " << c.target << ": " << s.message() << std::endl;
  nlohmann::json view = {{"message", s.message()}, {"page_title", tr(c.lang, "error.not_found")}};
  return render_page(app, c, "error", view, http_status(s));
}

}  // namespace ntm
