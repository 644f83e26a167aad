#include "base/search_text.h"

#include <algorithm>

#include "base/strings.h"

namespace ntm {
namespace {

bool word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

struct Span {
  size_t begin, end;
};

// The words of folded text, as byte ranges.
std::vector<Span> words_of(std::string_view folded) {
  std::vector<Span> out;
  for (size_t i = 0; i < folded.size();) {
    if (!word_byte(folded[i])) {
      ++i;
      continue;
    }
    const size_t b = i;
    while (i < folded.size() && word_byte(folded[i])) ++i;
    out.push_back({b, i});
  }
  return out;
}

// Folds `text` a code point at a time, remembering where each folded byte
// came from (origin has one more entry: text.size()).
std::string fold_mapped(std::string_view text, std::vector<size_t>& origin) {
  std::string folded;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = text[i];
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const std::string f = fold_diacritics(text.substr(i, std::min(len, text.size() - i)));
    for (char ch : f) {
      folded += ch;
      origin.push_back(i);
    }
    i += len;
  }
  origin.push_back(text.size());
  return folded;
}

std::string escaped(std::string_view s) { return html_escape(std::string(s)); }

}  // namespace

std::vector<std::vector<std::string>> parse_search_query(std::string_view query) {
  std::vector<std::vector<std::string>> out;
  const std::string folded = fold_diacritics(query);
  bool quoted = false;
  size_t start = 0;
  auto add = [&](std::string_view part, bool phrase) {
    std::vector<std::string> words;
    for (const Span& w : words_of(part)) words.emplace_back(part.substr(w.begin, w.end - w.begin));
    if (phrase && !words.empty()) {
      out.push_back(words);
    } else {
      for (std::string& w : words) out.push_back({std::move(w)});
    }
  };
  for (size_t i = 0; i <= folded.size(); ++i) {
    if (i < folded.size() && folded[i] != '"') continue;
    add(std::string_view(folded).substr(start, i - start), quoted);
    quoted = !quoted;
    start = i + 1;
  }
  return out;
}

std::string highlight(std::string_view text, const std::vector<std::vector<std::string>>& phrases,
                      size_t max_chars) {
  std::vector<size_t> origin;
  const std::string folded = fold_mapped(text, origin);
  const std::vector<Span> words = words_of(folded);
  std::vector<Span> marks;  // in bytes of `text`
  for (size_t i = 0; i < words.size(); ++i) {
    for (const auto& phrase : phrases) {
      if (phrase.empty() || i + phrase.size() > words.size()) continue;
      bool match = true;
      for (size_t k = 0; k < phrase.size() && match; ++k) {
        const std::string_view w(folded.data() + words[i + k].begin,
                                 words[i + k].end - words[i + k].begin);
        match = k + 1 == phrase.size() ? w.rfind(phrase[k], 0) == 0 : w == phrase[k];
      }
      if (!match) continue;
      const Span m{origin[words[i].begin], origin[words[i + phrase.size() - 1].end]};
      if (marks.empty() || m.begin >= marks.back().end) marks.push_back(m);
      break;
    }
  }
  size_t from = 0, to = text.size();
  if (max_chars > 0 && text.size() > max_chars) {
    const size_t first = marks.empty() ? 0 : marks.front().begin;
    from = first > max_chars / 3 ? first - max_chars / 3 : 0;
    if (from > 0) from = std::min(text.find(' ', from) + 1, first);
    to = std::min(text.size(), from + max_chars);
    if (to < text.size()) {
      const size_t space = text.rfind(' ', to);
      if (space != std::string_view::npos && space > from) to = space;
    }
  }
  std::string out = from > 0 ? "…" : "";
  size_t at = from;
  for (const Span& m : marks) {
    if (m.end <= from || m.begin >= to) continue;
    const size_t b = std::max(m.begin, from), e = std::min(m.end, to);
    out += escaped(text.substr(at, b - at)) + "<mark>" + escaped(text.substr(b, e - b)) + "</mark>";
    at = e;
  }
  out += escaped(text.substr(at, to - at));
  if (to < text.size()) out += "…";
  return out;
}

}  // namespace ntm
