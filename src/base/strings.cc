#include "base/strings.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

namespace ntm {

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n'))
    --e;
  return s.substr(b, e - b);
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::optional<double> parse_number(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  if (s.front() == '+') s.remove_prefix(1);
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<int64_t> parse_int(std::string_view s, int64_t lo, int64_t hi) {
  const auto v = parse_number(s);
  if (!v || *v < static_cast<double>(lo) || *v > static_cast<double>(hi) || *v != std::floor(*v))
    return std::nullopt;
  return static_cast<int64_t>(*v);
}

std::optional<int64_t> parse_id(std::string_view s) { return parse_int(s, 1, int64_t{1} << 53); }

std::optional<bool> parse_bool(std::string_view s) {
  const std::string f = fold_diacritics(trim(s));
  if (f == "1" || f == "true" || f == "co" || f == "dat" || f == "yes") return true;
  if (f == "0" || f == "false" || f == "khong" || f == "khong dat" || f == "chua dat" ||
      f == "no") {
    return false;
  }
  return std::nullopt;
}

std::string format_number(double v) {
  char buf[32];
  for (int precision = 6; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

std::string format_number_vi(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
  std::string s(buf);
  std::string frac;
  if (const size_t dot = s.find('.'); dot != std::string::npos) {
    frac = s.substr(dot + 1);
    s.resize(dot);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
  }
  std::string grouped;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (s.size() - i) % 3 == 0) grouped += '.';
    grouped += s[i];
  }
  if (!frac.empty()) grouped += "," + frac;
  const bool negative = v < 0 && grouped.find_first_not_of("0.,") != std::string::npos;
  return negative ? "-" + grouped : grouped;
}

namespace {

// Decodes one UTF-8 code point starting at s[i]; advances i.
char32_t next_code_point(std::string_view s, size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
  ++i;
  for (; extra > 0 && i < s.size(); --extra, ++i) cp = (cp << 6) | (s[i] & 0x3F);
  return cp;
}

const std::unordered_map<char32_t, char>& fold_table() {
  static const std::unordered_map<char32_t, char> table = [] {
    std::unordered_map<char32_t, char> t;
    const std::pair<const char*, char> groups[] = {
        {"àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'a'},
        {"èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ", 'e'},
        {"ìíỉĩịÌÍỈĨỊ", 'i'},
        {"òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'o'},
        {"ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ", 'u'},
        {"ỳýỷỹỵỲÝỶỸỴ", 'y'},
        {"đĐ", 'd'},
    };
    for (const auto& [chars, base] : groups) {
      const std::string_view s(chars);
      for (size_t i = 0; i < s.size();) t[next_code_point(s, i)] = base;
    }
    return t;
  }();
  return table;
}

}  // namespace

std::string fold_diacritics(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto& table = fold_table();
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const char32_t cp = next_code_point(s, i);
    if (cp < 0x80) {
      out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
      continue;
    }
    // Combining diacritical marks (decomposed input) are dropped.
    if (cp >= 0x300 && cp <= 0x36F) continue;
    if (auto it = table.find(cp); it != table.end()) {
      out += it->second;
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

std::string strip_unit_type_prefix(std::string_view name) {
  static const char* const kPrefixes[] = {
      "Thành phố trực thuộc trung ương ",
      "Thành phố thuộc tỉnh ",
      "Thành phố ",
      "Thị trấn ",
      "Thị xã ",
      "Tỉnh ",
      "Huyện ",
      "Quận ",
      "Phường ",
      "Xã ",
      "Đặc khu ",
      "Thôn ",
      "Xóm ",
      "Bản ",
      "Ấp ",
  };
  for (const char* p : kPrefixes) {
    const std::string_view prefix(p);
    if (name.substr(0, prefix.size()) == prefix) return std::string(name.substr(prefix.size()));
  }
  return std::string(name);
}

std::string html_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string slugify(std::string_view title) {
  std::string out;
  for (const char ch : fold_diacritics(title)) {
    const char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (word) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  // At most 80 characters, cut between words (a single long word is cut).
  if (out.size() > 80) {
    const size_t cut = out.rfind('-', 80);
    out.resize(cut == std::string::npos || cut == 0 ? 80 : cut);
  }
  return out;
}

std::string truncate_words(std::string_view text, size_t max) {
  if (text.size() <= max) return std::string(text);
  size_t cut = text.rfind(' ', max);
  if (cut == std::string_view::npos || cut == 0) {
    cut = max;  // back to the start of a UTF-8 character
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  return std::string(text.substr(0, cut)) + "…";
}

bool valid_text(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const unsigned c = p[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return false;
      ++i;
      continue;
    }
    size_t len;
    unsigned cp, min;
    if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07, min = 0x10000;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

namespace {

char32_t upper_code(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 0x20;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;  // à..þ
  switch (c) {
    case 0x103:
    case 0x111:
    case 0x129:
    case 0x169:  // ă đ ĩ ũ
      return c - 1;
    case 0x1A1:  // ơ
      return 0x1A0;
    case 0x1B0:  // ư
      return 0x1AF;
  }
  if (c >= 0x1EA1 && c <= 0x1EF9 && (c & 1)) return c - 1;  // ạ..ỹ
  return c;
}

}  // namespace

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string upper_vi(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : 0;
    if (n == 0 || n == 1 || i + n > s.size()) {  // ASCII, or not a 2-3 byte sequence
      out += n == 1 ? static_cast<char>(upper_code(b)) : s[i];
      ++i;
      continue;
    }
    char32_t c = n == 2 ? (b & 0x1F) : (b & 0x0F);
    for (size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    append_utf8(out, upper_code(c));
    i += n;
  }
  return out;
}

std::string name_in_sentence(const std::string& name) {
  for (const char* type : {"Tỉnh ", "Thành phố ", "Huyện ", "Quận ", "Thị xã ", "Thị trấn ", "Xã ",
                           "Phường ", "Đặc khu "}) {
    if (name.rfind(type, 0) == 0) {
      std::string out = name;
      if (out[0] >= 'A' && out[0] <= 'Z')
        out[0] = static_cast<char>(out[0] + 0x20);
      else if (out.rfind("Đ", 0) == 0)
        out.replace(0, 2, "đ");
      return out;
    }
  }
  return name;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace ntm
