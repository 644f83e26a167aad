// Reader queries and highlighted snippets, ignoring case and diacritics
// ("nong thon moi" finds "Nông thôn mới"; đ/Đ is d).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ntm {

// A query as phrases of folded words: text in double quotes is one phrase,
// every other word is a phrase of its own. Punctuation separates words.
std::vector<std::vector<std::string>> parse_search_query(std::string_view query);

// `text` escaped as HTML with the matches of `phrases` in <mark>…</mark>. A
// phrase matches consecutive words; its last word may be the start of a word.
// With max_chars > 0, about max_chars around the first match, "…" where cut.
std::string highlight(std::string_view text, const std::vector<std::vector<std::string>>& phrases,
                      size_t max_chars = 0);

}  // namespace ntm
