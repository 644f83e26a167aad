// Markdown (CommonMark with tables, strikethrough and autolinks) rendered to
// HTML that is safe to put in a page: raw HTML is shown as text, links and
// images only to http(s), mailto and this site, never script or handlers.
#pragma once

#include <string>
#include <string_view>

namespace ntm {

std::string markdown_to_html(std::string_view markdown);
// The text alone (for search, summaries and feeds), paragraphs on new lines.
std::string markdown_to_text(std::string_view markdown);
// http://, https://, mailto:, or a path/fragment on this site ("/x", "#x", "x.pdf").
bool is_safe_url(std::string_view url);

}  // namespace ntm
