// Markdown from the portal's editors: never a script, an event handler or an
// unsafe link in what it renders.
#include <cctype>
#include <cstdlib>
#include <string>

#include "base/markdown.h"
#include "base/strings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::string html = ntm::markdown_to_html(text);
  // Text comes out escaped ("&lt;script"), so every '<' opens a real tag:
  // none may be a script or frame or carry an event handler.
  const std::string lower = ntm::fold_diacritics(html);
  for (size_t at = lower.find('<'); at != std::string::npos; at = lower.find('<', at + 1)) {
    const std::string tag = lower.substr(at, lower.find('>', at) - at);
    if (tag.rfind("<script", 0) == 0 || tag.rfind("<iframe", 0) == 0 ||
        tag.rfind("<object", 0) == 0 || tag.rfind("<style", 0) == 0)
      std::abort();
    for (size_t on = tag.find(" on"); on != std::string::npos; on = tag.find(" on", on + 1)) {
      size_t k = on + 3;
      while (k < tag.size() && std::isalpha(static_cast<unsigned char>(tag[k]))) ++k;
      if (k < tag.size() && tag[k] == '=' && tag.rfind('"', on) == std::string::npos) std::abort();
    }
  }
  for (const std::string attr : {"href=\"", "src=\""}) {
    for (size_t at = html.find(attr); at != std::string::npos; at = html.find(attr, at + 1)) {
      const size_t end = html.find('"', at + attr.size());
      if (end == std::string::npos) std::abort();
      // Attribute values are escaped: &amp; stands for &.
      std::string url = html.substr(at + attr.size(), end - at - attr.size());
      for (size_t p; (p = url.find("&amp;")) != std::string::npos;) url.replace(p, 5, "&");
      if (url.find('&') == std::string::npos && !ntm::is_safe_url(url)) std::abort();
    }
  }
  (void)ntm::markdown_to_text(text);
  (void)ntm::is_safe_url(text);
  return 0;
}
