#include "base/date.h"

#include <cctype>
#include <charconv>
#include <cstdio>
#include <ctime>

#include "base/strings.h"

namespace ntm {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Civil {
  int y;
  unsigned m, d;
};

Civil civil_from_days(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

bool is_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

Result<Date> Date::parse(std::string_view t) {
  const std::string shown(t);
  if (t.size() != 10 || t[4] != '-' || t[7] != '-' || !is_digits(t.substr(0, 4)) ||
      !is_digits(t.substr(5, 2)) || !is_digits(t.substr(8, 2))) {
    return Status::invalid("ngày không hợp lệ \"" + shown + "\": cần dạng yyyy-mm-dd");
  }
  const int y = to_int(t.substr(0, 4));
  const unsigned m = static_cast<unsigned>(to_int(t.substr(5, 2)));
  const unsigned d = static_cast<unsigned>(to_int(t.substr(8, 2)));
  const Date date = from_ymd(y, m, d);
  if (m < 1 || m > 12 || d < 1 || date.month() != m || date.day() != d) {
    return Status::invalid("ngày không tồn tại \"" + shown + "\"");
  }
  return date;
}

Result<Date> Date::parse_typed(std::string_view typed) {
  const std::string_view t = trim(typed);
  const std::string shown(t);
  const size_t a = t.find('/'), b = a == std::string_view::npos ? a : t.find('/', a + 1);
  if (a == std::string_view::npos) {
    if (auto iso = parse(t); iso.is_ok()) return iso;
  } else if (b != std::string_view::npos && a >= 1 && a <= 2 && b - a - 1 >= 1 && b - a - 1 <= 2 &&
             t.size() - b - 1 == 4 && is_digits(t.substr(0, a)) &&
             is_digits(t.substr(a + 1, b - a - 1)) && is_digits(t.substr(b + 1))) {
    const unsigned d = static_cast<unsigned>(to_int(t.substr(0, a)));
    const unsigned m = static_cast<unsigned>(to_int(t.substr(a + 1, b - a - 1)));
    const int y = to_int(t.substr(b + 1));
    const Date date = from_ymd(y, m, d);
    if (m >= 1 && m <= 12 && d >= 1 && date.month() == m && date.day() == d) return date;
    return Status::invalid("ngày không tồn tại \"" + shown + "\"");
  }
  return Status::invalid("ngày không hợp lệ \"" + shown + "\": nhập dạng dd/mm/yyyy");
}

Date Date::from_ymd(int year, unsigned month, unsigned day) {
  return Date(days_from_civil(year, month, day));
}

int Date::year() const { return civil_from_days(days_).y; }
unsigned Date::month() const { return civil_from_days(days_).m; }
unsigned Date::day() const { return civil_from_days(days_).d; }

std::string Date::iso() const {
  const Civil c = civil_from_days(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.y, c.m, c.d);
  return buf;
}

std::string Date::vi() const {
  const Civil c = civil_from_days(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", c.d, c.m, c.y);
  return buf;
}

std::string utc_timestamp_now() { return utc_timestamp_ago(0); }

std::string utc_timestamp_ago(int64_t seconds) {
  return utc_timestamp_of(std::time(nullptr) - seconds);
}

std::string utc_timestamp_of(int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int64_t utc_seconds_of(std::string_view ts) {
  if (ts.size() < 19 || ts[10] != 'T' || ts[13] != ':' || ts[16] != ':') return 0;
  const auto day = Date::parse(ts.substr(0, 10));
  int h = 0, m = 0, s = 0;
  if (!day.is_ok() || std::from_chars(ts.data() + 11, ts.data() + 13, h).ec != std::errc() ||
      std::from_chars(ts.data() + 14, ts.data() + 16, m).ec != std::errc() ||
      std::from_chars(ts.data() + 17, ts.data() + 19, s).ec != std::errc())
    return 0;
  return int64_t{day->days()} * 86400 + h * 3600 + m * 60 + s;
}

std::optional<Date> local_date_of(const std::string& utc_timestamp) {
  if (utc_timestamp.size() < 13) return std::nullopt;
  const auto day = Date::parse(utc_timestamp.substr(0, 10));
  if (!day.is_ok()) return std::nullopt;
  const int hour = (utc_timestamp[11] - '0') * 10 + (utc_timestamp[12] - '0');
  if (hour < 0 || hour > 23) return std::nullopt;
  return hour >= 17 ? day->add_days(1) : *day;
}

Date today_local() {
  return Date::from_days(static_cast<int32_t>((std::time(nullptr) + 7 * 3600) / 86400));
}

Date Date::add_years(int n) const {
  const int y = year() + n;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const unsigned d = month() == 2 && day() == 29 && !leap ? 28 : day();
  return from_ymd(y, month(), d);
}

namespace {

// Adds `hours` to "yyyy-mm-ddThh:mm" (the rest of the text is dropped).
Result<std::string> shift_hours(std::string_view t, int hours) {
  if (t.size() < 16 || t[10] != 'T' || t[13] != ':') {
    return Status::invalid("\"" + std::string(t) + "\" không phải ngày giờ (yyyy-mm-ddThh:mm)");
  }
  const Date day = TRY(Date::parse(t.substr(0, 10)));
  for (const size_t i : {11, 12, 14, 15})
    if (!std::isdigit(static_cast<unsigned char>(t[i])))
      return Status::invalid("\"" + std::string(t) + "\": giờ không hợp lệ");
  const int hh = (t[11] - '0') * 10 + (t[12] - '0');
  const int mm = (t[14] - '0') * 10 + (t[15] - '0');
  if (hh > 23 || mm > 59) return Status::invalid("\"" + std::string(t) + "\": giờ không hợp lệ");
  int h = hh + hours;
  int carry = 0;
  if (h < 0) h += 24, carry = -1;
  if (h > 23) h -= 24, carry = 1;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", h, mm);
  return day.add_days(carry).iso() + "T" + buf;
}

}  // namespace

Result<std::string> vn_local_to_utc(std::string_view local) {
  for (char ch : local.substr(0, 16))
    if (!std::isdigit(static_cast<unsigned char>(ch)) && ch != '-' && ch != 'T' && ch != ':')
      return Status::invalid("\"" + std::string(local) + "\" không phải ngày giờ");
  return TRY(shift_hours(local, -7)) + ":00Z";
}

std::string utc_to_vn_local(std::string_view utc) {
  auto r = shift_hours(utc, 7);
  return r.is_ok() ? *r : std::string(utc);
}

}  // namespace ntm
