// Civil dates (no time zone) as a count of days since 1970-01-01.
// Parsed from and printed as ISO "yyyy-mm-dd"; printed for Vietnamese readers
// as "dd/mm/yyyy". Comparable, hashable, cheap to copy.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace ntm {

class Date {
 public:
  Date() = default;
  static Date from_days(int32_t days) { return Date(days); }
  // Fails with a Vietnamese message unless text is a real date "yyyy-mm-dd".
  static Result<Date> parse(std::string_view text);
  // A date as people type it: "dd/mm/yyyy" (also "d/m/yyyy") or
  // "yyyy-mm-dd"; the error asks for dd/mm/yyyy.
  static Result<Date> parse_typed(std::string_view text);
  static Date from_ymd(int year, unsigned month, unsigned day);
  static Date min() { return Date(-719162); }  // 0001-01-01
  static Date max() { return Date(2932896); }  // 9999-12-31, "open"

  int32_t days() const { return days_; }
  int year() const;
  unsigned month() const;
  unsigned day() const;
  Date add_days(int32_t n) const { return Date(days_ + n); }
  // The same day n years later (29/02 becomes 28/02 in a common year).
  Date add_years(int n) const;
  std::string iso() const;  // yyyy-mm-dd
  std::string vi() const;   // dd/mm/yyyy

  auto operator<=>(const Date&) const = default;

 private:
  explicit Date(int32_t d) : days_(d) {}
  int32_t days_ = 0;
};

// Current UTC time as "yyyy-mm-ddThh:mm:ssZ".
std::string utc_timestamp_now();
// The UTC timestamp `seconds` ago, in the same form.
std::string utc_timestamp_ago(int64_t seconds);
// Seconds since 1970-01-01T00:00:00Z as such a timestamp, and back (0 when
// the text is not one): how the observation table stores recording times.
std::string utc_timestamp_of(int64_t seconds);
int64_t utc_seconds_of(std::string_view utc_timestamp);
// Today's date where the offices live: Asia/Ho_Chi_Minh, UTC+7 all year
// (no daylight saving since 1975). Timestamps are stored in UTC and shown in
// this time (utc_to_vn_local); "today" for defaults, reports and the header
// is this day, so 02:07 on 04/12 in Hà Nội is 04/12, not UTC's 03/12.
// The day in Vietnam (UTC+7) of a UTC timestamp "yyyy-mm-ddThh:mm:ss…Z";
// nullopt when it is not one.
std::optional<Date> local_date_of(const std::string& utc_timestamp);
Date today_local();

// Vietnam time (UTC+7, no daylight saving) and UTC timestamps
// "yyyy-mm-ddThh:mm:ssZ": "2026-12-01T08:00" (as a datetime-local input
// sends it) -> "2026-12-01T01:00:00Z", and back as "2026-12-01T08:00".
Result<std::string> vn_local_to_utc(std::string_view local);
std::string utc_to_vn_local(std::string_view utc);

}  // namespace ntm
