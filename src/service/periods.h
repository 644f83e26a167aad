// Reporting periods (kỳ báo cáo): every year ends its periods on the same
// days — 30/06 and 31/12 unless the office sets others (setting
// "reporting_periods", e.g. "06-30,12-31") — and a commune's period has a
// state from its values (docs/workflow.md "Reporting periods").
#pragma once

#include <string>
#include <vector>

#include "service/workflow.h"

namespace ntm {

inline constexpr const char* kDefaultReportingPeriods = "06-30,12-31";

// The period ends of one year, in order.
Result<std::vector<Date>> period_ends_in(Store& store, int year);
// The period in progress on `today`: the first period end on or after it.
Result<Date> period_in_progress(Store& store, Date today);
// The period end before `end` (the previous period).
Result<Date> period_before(Store& store, Date end);
// The period in progress and the `count` - 1 before it, newest first.
Result<std::vector<Date>> recent_periods(Store& store, Date today, int count);

// "mm-dd,mm-dd,..." checked (real days, ascending, 1 to 12 of them) and
// stored; audited "settings.reporting_periods".
Status set_reporting_periods(Store& store, const std::string& actor, const std::string& text);

// Where a commune stands for one period.
enum class PeriodState {
  kEmpty,      // no value entered
  kEntering,   // some values entered, drafts or missing ones left
  kReturned,   // a value was returned by its department
  kSubmitted,  // every value sent, some waiting for verification
  kVerified,   // every value verified
};
const char* period_state_name(PeriodState s);  // "empty", "entering", ...

struct PeriodStatus {
  bool in_progress = false;  // the period has not ended yet (end >= today)
  PeriodState state = PeriodState::kEmpty;
  int total = 0, entered = 0, sent = 0, verified = 0, returned = 0;
};
PeriodStatus period_status(const EntryForm& form, Date today);

// The period a commune officer's entry opens on: the previous period while
// it has drafts or returned values to finish, else the period in progress.
Result<Date> entry_default_period(Store& store, const Catalog& catalog,
                                  const std::string& unit_code, Date today);

}  // namespace ntm
