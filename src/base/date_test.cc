#include "base/date.h"

#include <gtest/gtest.h>

namespace ntm {
namespace {

TEST(Date, ParsesAndPrints) {
  const Date d = *Date::parse("2025-07-01");
  EXPECT_EQ(d.year(), 2025);
  EXPECT_EQ(d.month(), 7u);
  EXPECT_EQ(d.day(), 1u);
  EXPECT_EQ(d.iso(), "2025-07-01");
  EXPECT_EQ(d.vi(), "01/07/2025");
  EXPECT_EQ(Date::parse("1970-01-01")->days(), 0);
  EXPECT_EQ(Date::max().iso(), "9999-12-31");
  EXPECT_EQ(Date::min().iso(), "0001-01-01");
}

TEST(Date, OrdersAndAddsDays) {
  EXPECT_LT(*Date::parse("2026-02-14"), *Date::parse("2026-02-15"));
  EXPECT_EQ(Date::parse("2024-02-28")->add_days(1).iso(), "2024-02-29");
  EXPECT_EQ(Date::parse("2025-06-30")->add_days(1).iso(), "2025-07-01");
}

TEST(Date, RejectsBadText) {
  for (const char* bad : {"", "2025-7-01", "01/07/2025", "2025-13-01", "2025-02-29", "2025-04-31",
                          "abcd-ef-gh", "2025-07-01x"}) {
    EXPECT_FALSE(Date::parse(bad).is_ok()) << bad;
  }
  EXPECT_NE(Date::parse("2025-02-29").status().message().find("không tồn tại"), std::string::npos);
}

TEST(Date, AddYearsKeepsTheDay) {
  EXPECT_EQ(Date::parse("2024-12-31")->add_years(-1).iso(), "2023-12-31");
  EXPECT_EQ(Date::parse("2024-02-29")->add_years(1).iso(), "2025-02-28");
  EXPECT_EQ(Date::parse("2026-06-30")->add_years(-10).iso(), "2016-06-30");
}

// What people type: the error that asks for dd/mm/yyyy accepts it.
TEST(Date, TypedDatesAcceptDayMonthYear) {
  EXPECT_EQ(Date::parse_typed("31/12/2024")->iso(), "2024-12-31");
  EXPECT_EQ(Date::parse_typed(" 1/7/2025 ")->iso(), "2025-07-01");
  EXPECT_EQ(Date::parse_typed("2024-12-31")->iso(), "2024-12-31");
  EXPECT_FALSE(Date::parse_typed("31/02/2024").is_ok());
  EXPECT_FALSE(Date::parse_typed("12/2024").is_ok());
  EXPECT_FALSE(Date::parse_typed("31/12/24").is_ok());
  EXPECT_FALSE(Date::parse_typed("a/b/cdef").is_ok());
  EXPECT_NE(Date::parse_typed("hôm qua").status().message().find("dd/mm/yyyy"), std::string::npos);
}

TEST(Date, VietnamTimeAndUtc) {
  EXPECT_EQ(*vn_local_to_utc("2026-12-01T08:30"), "2026-12-01T01:30:00Z");
  EXPECT_EQ(*vn_local_to_utc("2026-01-01T03:00"), "2025-12-31T20:00:00Z");
  EXPECT_EQ(utc_to_vn_local("2026-02-28T20:15:00Z"), "2026-03-01T03:15");
  EXPECT_FALSE(vn_local_to_utc("mai").is_ok());
  // Found by the fuzzer: minutes that are not digits threw from std::stoi.
  EXPECT_EQ(utc_to_vn_local("2026-11-01T01:\xf8\xff"), "2026-11-01T01:\xf8\xff");
  EXPECT_FALSE(vn_local_to_utc("2026-11-01T01:4x").is_ok());
  EXPECT_FALSE(vn_local_to_utc("2026-12-01T25:00").is_ok());
  EXPECT_FALSE(vn_local_to_utc("2026-13-01T08:00").is_ok());
}

}  // namespace
}  // namespace ntm

namespace ntm {
TEST(Date, LocalDayOfAUtcTimestamp) {
  EXPECT_EQ(local_date_of("2026-07-16T16:59:59Z")->iso(), "2026-07-16");
  EXPECT_EQ(local_date_of("2026-07-16T17:00:00Z")->iso(), "2026-07-17");  // midnight in Hà Nội
  EXPECT_EQ(local_date_of("2026-12-31T23:00:00Z")->iso(), "2027-01-01");
  EXPECT_FALSE(local_date_of("2026-07-16").has_value());
  EXPECT_FALSE(local_date_of("hôm qua").has_value());
}
TEST(Date, UtcSecondsRoundTrip) {
  EXPECT_EQ(utc_seconds_of("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(utc_seconds_of("2026-12-04T15:30:07Z"), 1796398207);
  EXPECT_EQ(utc_timestamp_of(1796398207), "2026-12-04T15:30:07Z");
  EXPECT_EQ(utc_timestamp_of(utc_seconds_of("2024-02-29T23:59:59Z")), "2024-02-29T23:59:59Z");
  EXPECT_EQ(utc_seconds_of("2026-12-04"), 0);
  EXPECT_EQ(utc_seconds_of("2026-12-04 15:30:07"), 0);
  EXPECT_EQ(utc_seconds_of("2026-13-04T15:30:07Z"), 0);
}
}  // namespace ntm
