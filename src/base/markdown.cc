// md4c parses; this file writes the HTML itself (rather than md4c-html) so
// that every attribute is escaped here and every URL passes is_safe_url.
#include "base/markdown.h"

#include <md4c.h>

#include <algorithm>

#include "base/strings.h"

namespace ntm {
namespace {

struct Writer {
  std::string out;
  bool text_only = false;
  int image_depth = 0;          // inside ![alt](src): text goes to the alt attribute
  std::vector<bool> link_open;  // per <a> span: written or dropped (unsafe URL)

  void raw(std::string_view s) {
    if (!text_only) out.append(s);
  }
  void text(std::string_view s) { out += html_escape(std::string(s)); }
  void plain(std::string_view s) {
    if (text_only)
      out.append(s);
    else
      text(s);
  }
};

// An attribute's text, or nullopt when it holds entities or NUL characters
// (a URL written with entities is refused rather than decoded).
std::optional<std::string> attribute(const MD_ATTRIBUTE& a) {
  if (a.text == nullptr) return std::string();
  for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
    if (a.substr_types[i] != MD_TEXT_NORMAL) return std::nullopt;
  }
  return std::string(a.text, a.size);
}

std::optional<std::string> safe_attribute(const MD_ATTRIBUTE& a) {
  auto s = attribute(a);
  if (!s || !is_safe_url(*s)) return std::nullopt;
  return s;
}

// Links that leave the site (and mail links) get rel="noopener nofollow".
bool external(const std::string& url) { return url.find(':') != std::string::npos; }

int enter_block(MD_BLOCKTYPE type, void* detail, void* data) {
  Writer& w = *static_cast<Writer*>(data);
  switch (type) {
    case MD_BLOCK_DOC:
      break;
    case MD_BLOCK_QUOTE:
      w.raw("<blockquote>\n");
      break;
    case MD_BLOCK_UL:
      w.raw("<ul>\n");
      break;
    case MD_BLOCK_OL: {
      const unsigned start = static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start;
      w.raw(start == 1 ? "<ol>\n" : "<ol start=\"" + std::to_string(start) + "\">\n");
      break;
    }
    case MD_BLOCK_LI:
      w.raw("<li>");
      break;
    case MD_BLOCK_HR:
      w.raw("<hr>\n");
      break;
    case MD_BLOCK_H: {
      // The page title is the only h1: headings in the body start at h2.
      const unsigned level = std::min(6u, static_cast<MD_BLOCK_H_DETAIL*>(detail)->level + 1);
      w.raw("<h" + std::to_string(level) + ">");
      break;
    }
    case MD_BLOCK_CODE:
      w.raw("<pre><code>");
      break;
    case MD_BLOCK_HTML:
      break;  // never produced with MD_FLAG_NOHTML
    case MD_BLOCK_P:
      w.raw("<p>");
      break;
    case MD_BLOCK_TABLE:
      w.raw("<div class=\"table-wrap\"><table>\n");
      break;
    case MD_BLOCK_THEAD:
      w.raw("<thead>\n");
      break;
    case MD_BLOCK_TBODY:
      w.raw("<tbody>\n");
      break;
    case MD_BLOCK_TR:
      w.raw("<tr>");
      break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD: {
      const auto align = static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align;
      std::string tag = type == MD_BLOCK_TH ? "<th" : "<td";
      if (align == MD_ALIGN_CENTER) tag += " class=\"center\"";
      if (align == MD_ALIGN_RIGHT) tag += " class=\"num\"";
      w.raw(tag + ">");
      break;
    }
  }
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void* detail, void* data) {
  Writer& w = *static_cast<Writer*>(data);
  switch (type) {
    case MD_BLOCK_DOC:
      break;
    case MD_BLOCK_QUOTE:
      w.raw("</blockquote>\n");
      break;
    case MD_BLOCK_UL:
      w.raw("</ul>\n");
      break;
    case MD_BLOCK_OL:
      w.raw("</ol>\n");
      break;
    case MD_BLOCK_LI:
      w.raw("</li>\n");
      break;
    case MD_BLOCK_HR:
      break;
    case MD_BLOCK_H: {
      const unsigned level = std::min(6u, static_cast<MD_BLOCK_H_DETAIL*>(detail)->level + 1);
      w.raw("</h" + std::to_string(level) + ">\n");
      break;
    }
    case MD_BLOCK_CODE:
      w.raw("</code></pre>\n");
      break;
    case MD_BLOCK_HTML:
      break;
    case MD_BLOCK_P:
      w.raw("</p>\n");
      break;
    case MD_BLOCK_TABLE:
      w.raw("</table></div>\n");
      break;
    case MD_BLOCK_THEAD:
      w.raw("</thead>\n");
      break;
    case MD_BLOCK_TBODY:
      w.raw("</tbody>\n");
      break;
    case MD_BLOCK_TR:
      w.raw("</tr>\n");
      break;
    case MD_BLOCK_TH:
      w.raw("</th>");
      break;
    case MD_BLOCK_TD:
      w.raw("</td>");
      break;
  }
  if (w.text_only && (type == MD_BLOCK_P || type == MD_BLOCK_H || type == MD_BLOCK_LI ||
                      type == MD_BLOCK_CODE || type == MD_BLOCK_TR)) {
    w.out += '\n';
  }
  if (w.text_only && (type == MD_BLOCK_TD || type == MD_BLOCK_TH)) w.out += ' ';
  return 0;
}

int enter_span(MD_SPANTYPE type, void* detail, void* data) {
  Writer& w = *static_cast<Writer*>(data);
  if (w.image_depth > 0) {  // nothing but text inside an image's alt
    if (type == MD_SPAN_IMG) ++w.image_depth;
    return 0;
  }
  switch (type) {
    case MD_SPAN_EM:
      w.raw("<em>");
      break;
    case MD_SPAN_STRONG:
      w.raw("<strong>");
      break;
    case MD_SPAN_DEL:
      w.raw("<del>");
      break;
    case MD_SPAN_U:
      w.raw("<u>");
      break;
    case MD_SPAN_CODE:
      w.raw("<code>");
      break;
    case MD_SPAN_A: {
      const auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
      const auto href = safe_attribute(a->href);
      w.link_open.push_back(href.has_value());
      if (!href) break;
      std::string tag = "<a href=\"" + html_escape(*href) + "\"";
      if (const auto title = attribute(a->title); title && !title->empty())
        tag += " title=\"" + html_escape(*title) + "\"";
      if (external(*href)) tag += " rel=\"noopener nofollow\"";
      w.raw(tag + ">");
      break;
    }
    case MD_SPAN_IMG: {
      const auto* img = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
      const auto src = safe_attribute(img->src);
      ++w.image_depth;
      if (w.text_only) break;
      // An unsafe image becomes its alt text alone.
      w.out += src ? "<img loading=\"lazy\" src=\"" + html_escape(*src) + "\" alt=\"" : "<span>";
      break;
    }
    default:
      break;  // LaTeX and wiki links are not enabled
  }
  return 0;
}

int leave_span(MD_SPANTYPE type, void* detail, void* data) {
  Writer& w = *static_cast<Writer*>(data);
  if (w.image_depth > 0) {
    if (type != MD_SPAN_IMG || --w.image_depth > 0 || w.text_only) return 0;
    const auto* img = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
    w.out += safe_attribute(img->src) ? "\">" : "</span>";
    return 0;
  }
  switch (type) {
    case MD_SPAN_EM:
      w.raw("</em>");
      break;
    case MD_SPAN_STRONG:
      w.raw("</strong>");
      break;
    case MD_SPAN_DEL:
      w.raw("</del>");
      break;
    case MD_SPAN_U:
      w.raw("</u>");
      break;
    case MD_SPAN_CODE:
      w.raw("</code>");
      break;
    case MD_SPAN_A:
      if (!w.link_open.empty()) {
        if (w.link_open.back()) w.raw("</a>");
        w.link_open.pop_back();
      }
      break;
    default:
      break;
  }
  return 0;
}

// Entities as written (&amp;, &#233;) are character references: safe in HTML.
std::string entity_text(std::string_view e) {
  static const std::pair<std::string_view, std::string_view> known[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&nbsp;", " "}};
  for (const auto& [name, text] : known)
    if (e == name) return std::string(text);
  return "";
}

int text(MD_TEXTTYPE type, const MD_CHAR* s, MD_SIZE size, void* data) {
  Writer& w = *static_cast<Writer*>(data);
  const std::string_view t(s, size);
  switch (type) {
    case MD_TEXT_NULLCHAR:
      w.raw("\xEF\xBF\xBD");
      break;
    case MD_TEXT_BR:
      if (w.image_depth > 0 || w.text_only)
        w.out += w.text_only ? "\n" : " ";
      else
        w.out += "<br>\n";
      break;
    case MD_TEXT_SOFTBR:
      w.out += w.image_depth > 0 || w.text_only ? " " : "\n";
      break;
    case MD_TEXT_ENTITY:
      if (w.text_only)
        w.out += entity_text(t);
      else
        w.out += t;  // md4c passes only well-formed references
      break;
    default:
      w.plain(t);
      break;  // normal, code, and raw HTML shown as text
  }
  return 0;
}

std::string render(std::string_view markdown, bool text_only) {
  Writer w;
  w.text_only = text_only;
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH |
                 MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_PERMISSIVEEMAILAUTOLINKS;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = text;
  if (md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &w) != 0) {
    return text_only ? std::string(markdown) : "<p>" + html_escape(std::string(markdown)) + "</p>";
  }
  return w.out;
}

}  // namespace

bool is_safe_url(std::string_view url) {
  // Browsers ignore control characters and spaces inside a scheme: refuse them.
  for (unsigned char ch : url)
    if (ch < 0x21 || ch == 0x7f) return false;
  const auto colon = url.find(':');
  const auto stop = url.find_first_of("/?#");
  if (colon == std::string_view::npos || (stop != std::string_view::npos && stop < colon)) {
    // A path on this site, not a scheme-relative host: browsers read a
    // backslash as a slash, so "/\\host", "\\\\host" and "\\/host" are "//host".
    return url.find('\\') == std::string_view::npos && url.rfind("//", 0) != 0;
  }
  const std::string scheme = fold_diacritics(url.substr(0, colon));
  return scheme == "http" || scheme == "https" || scheme == "mailto";
}

std::string markdown_to_html(std::string_view markdown) { return render(markdown, false); }

std::string markdown_to_text(std::string_view markdown) {
  std::string t = render(markdown, true);
  while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
  return t;
}

}  // namespace ntm
