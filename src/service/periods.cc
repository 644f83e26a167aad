#include "service/periods.h"

#include "base/strings.h"

namespace ntm {
namespace {

struct MonthDay {
  unsigned month = 0, day = 0;
};

Result<std::vector<MonthDay>> parse_period_ends(const std::string& text) {
  std::vector<MonthDay> out;
  for (const std::string& part : split(text, ',')) {
    const std::string p(trim(part));
    const auto month =
        p.size() == 5 && p[2] == '-' ? parse_int(p.substr(0, 2), 1, 12) : std::nullopt;
    const auto day = month ? parse_int(p.substr(3, 2), 1, 31) : std::nullopt;
    // A day every year has (29/02 is refused).
    if (!day || Date::from_ymd(2001, *month, *day).month() != *month)
      return Status::invalid("kỳ báo cáo \"" + p + "\": ghi tháng-ngày, ví dụ 06-30");
    const MonthDay md{static_cast<unsigned>(*month), static_cast<unsigned>(*day)};
    if (!out.empty() &&
        (md.month < out.back().month || (md.month == out.back().month && md.day <= out.back().day)))
      return Status::invalid("kỳ báo cáo: các ngày phải tăng dần trong năm");
    out.push_back(md);
  }
  if (out.empty() || out.size() > 12)
    return Status::invalid("kỳ báo cáo: từ 1 đến 12 ngày kết thúc kỳ trong năm");
  return out;
}

Result<std::vector<MonthDay>> configured(Store& store) {
  const auto s = TRY(store.setting("reporting_periods"));
  return parse_period_ends(s ? *s : kDefaultReportingPeriods);
}

}  // namespace

Result<std::vector<Date>> period_ends_in(Store& store, int year) {
  std::vector<Date> out;
  for (const MonthDay& md : TRY(configured(store)))
    out.push_back(Date::from_ymd(year, md.month, md.day));
  return out;
}

Result<Date> period_in_progress(Store& store, Date today) {
  for (int year : {today.year(), today.year() + 1})
    for (Date end : TRY(period_ends_in(store, year)))
      if (end >= today) return end;
  return Status::internal("không tìm được kỳ báo cáo");  // unreachable: every year has one
}

Result<Date> period_before(Store& store, Date end) {
  for (int year : {end.year(), end.year() - 1}) {
    const auto ends = TRY(period_ends_in(store, year));
    for (auto it = ends.rbegin(); it != ends.rend(); ++it)
      if (*it < end) return *it;
  }
  return Status::internal("không tìm được kỳ báo cáo trước");
}

Result<std::vector<Date>> recent_periods(Store& store, Date today, int count) {
  std::vector<Date> out{TRY(period_in_progress(store, today))};
  while (static_cast<int>(out.size()) < count) out.push_back(TRY(period_before(store, out.back())));
  return out;
}

Status set_reporting_periods(Store& store, const std::string& actor, const std::string& text) {
  const auto ends = TRY(parse_period_ends(text));
  std::string canonical;
  for (const MonthDay& md : ends) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02u-%02u", md.month, md.day);
    canonical += (canonical.empty() ? "" : ",") + std::string(buf);
  }
  return store.transaction([&]() -> Status {
    const auto before = TRY(store.setting("reporting_periods"));
    TRY(store.set_setting("reporting_periods", canonical));
    return store.insert_audit({0, "", actor, "settings.reporting_periods", 0, "reporting_periods",
                               before ? *before : kDefaultReportingPeriods, canonical, ""});
  });
}

const char* period_state_name(PeriodState s) {
  switch (s) {
    case PeriodState::kEmpty:
      return "empty";
    case PeriodState::kEntering:
      return "entering";
    case PeriodState::kReturned:
      return "returned";
    case PeriodState::kSubmitted:
      return "submitted";
    case PeriodState::kVerified:
      return "verified";
  }
  return "";
}

PeriodStatus period_status(const EntryForm& form, Date today) {
  PeriodStatus s;
  s.in_progress = form.period >= today;
  s.total = static_cast<int>(form.fields.size());
  for (const EntryField& f : form.fields) {
    if (!f.current) continue;
    ++s.entered;
    s.sent += f.current->status == ObservationStatus::kSubmitted ||
              f.current->status == ObservationStatus::kVerified;
    s.verified += f.current->status == ObservationStatus::kVerified;
    s.returned += f.current->status == ObservationStatus::kReturned;
  }
  s.state = s.returned > 0                         ? PeriodState::kReturned
            : s.total > 0 && s.verified == s.total ? PeriodState::kVerified
            : s.total > 0 && s.sent == s.total     ? PeriodState::kSubmitted
            : s.entered > 0                        ? PeriodState::kEntering
                                                   : PeriodState::kEmpty;
  return s;
}

Result<Date> entry_default_period(Store& store, const Catalog& catalog,
                                  const std::string& unit_code, Date today) {
  const Date now = TRY(period_in_progress(store, today));
  const Date before = TRY(period_before(store, now));
  auto form = entry_form(store, catalog, unit_code, before);
  if (!form.is_ok()) return now;  // the commune or set did not exist then
  const PeriodState s = period_status(*form, today).state;
  return s == PeriodState::kReturned || s == PeriodState::kEntering ? before : now;
}

}  // namespace ntm
