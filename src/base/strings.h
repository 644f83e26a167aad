// Small string helpers: trimming, splitting, number parsing and formatting,
// and Vietnamese diacritic folding for search ("Lộc Hà" -> "loc ha").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ntm {

std::string_view trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);
// The parts with `sep` between them: {"10", "17"}, ", " -> "10, 17".
std::string join(const std::vector<std::string>& parts, std::string_view sep);

// Parses a decimal number written with '.' as the decimal point ("12.5",
// "-3", "1e3"). Rejects empty text, thousands separators and trailing junk.
std::optional<double> parse_number(std::string_view s);

// A whole number in [lo, hi] ("12", " 2026 ", "2026.0"); nullopt for any
// other text, a fraction or a value out of range (never cast unchecked:
// "1e300" or "nan" are refused, not undefined behaviour).
std::optional<int64_t> parse_int(std::string_view s, int64_t lo, int64_t hi);
// A database id in a link or form: 1 .. 2^53.
std::optional<int64_t> parse_id(std::string_view s);

// Parses a boolean as offices write it: 1/0, true/false, có/không,
// đạt/không đạt (any case, with or without diacritics).
std::optional<bool> parse_bool(std::string_view s);
// A yes/no value as written in files and reports: "Có" / "Không" (the
// status against a threshold is "Đạt" / "Chưa đạt", never these).
inline const char* yes_no_vi(bool v) { return v ? "Có" : "Không"; }

// Shortest round-trip text for a double: 12.5 -> "12.5", 3 -> "3".
std::string format_number(double v);
// Characters (code points) of a UTF-8 text.
size_t utf8_length(std::string_view s);
// Vietnamese style: thousands '.', decimal ',' ("1.234,5"), at most `decimals`.
std::string format_number_vi(double v, int decimals = 1);

// Lower-cases and strips Vietnamese diacritics (UTF-8 in, ASCII-ish out),
// folding đ/Đ to d. Characters outside Latin/Vietnamese are kept as they are.
std::string fold_diacritics(std::string_view s);

// "Xã Lộc Hà" -> "Lộc Hà": removes a leading unit-type prefix.
std::string strip_unit_type_prefix(std::string_view name);

// An ASCII URL slug from a Vietnamese title: diacritics folded (đ -> d),
// lower case, runs of anything else become one '-', at most 80 characters.
// "Nông thôn mới: Đạt chuẩn!" -> "nong-thon-moi-dat-chuan".
std::string slugify(std::string_view title);
// `text` when it has at most `max` bytes; else cut at the last space before
// `max` (or at a character boundary) with "…" added. Never splits UTF-8.
std::string truncate_words(std::string_view text, size_t max);

// Whether `s` is text a person could have typed: valid UTF-8 (no overlong
// forms, no surrogates, nothing past U+10FFFF), no NUL and no C0 control
// character but tab, line feed and carriage return, no DEL.
bool valid_text(std::string_view s);

// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(const std::string& s);
// Appends a code point of the Basic Multilingual Plane as UTF-8.
void append_utf8(std::string& out, char32_t c);
// Vietnamese text in capitals ("Tỉnh Hà Tĩnh" -> "TỈNH HÀ TĨNH"): ASCII and
// the precomposed Vietnamese letters; anything else unchanged.
std::string upper_vi(std::string_view s);
// A unit's name inside a sentence: its type word in lower case ("Tỉnh Hà
// Tĩnh" -> "tỉnh Hà Tĩnh", "Xã Sơn Tây" -> "xã Sơn Tây"); other names unchanged.
std::string name_in_sentence(const std::string& name);

}  // namespace ntm
