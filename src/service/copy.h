// Moving a province in (ntm copy): a whole database copied between SQLite
// and PostgreSQL, all or nothing, and proved.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/date.h"
#include "store/store.h"

namespace ntm {

struct CopyReport {
  struct Table {
    std::string name;
    int64_t rows = 0;
    std::string checksum;  // the same on both sides
  };
  std::vector<Table> tables;
  std::vector<Date> dates;  // every unit evaluated the same at these
  int64_t assessments = 0;  // units × dates compared
};

// Copies every table of `from` into `to` (both migrated to the same
// version; `to` holds no units, accounts or values yet) in one transaction
// of `to`, then, before committing, checks each table's row count and
// checksum on both sides and evaluates every commune and district at each
// year end with data, the latest value's date and `today` on both sides.
// Any difference: nothing is kept, and the error names the table or unit.
// `progress` is told each step.
Result<CopyReport> copy_database(Store& from, Store& to, Date today,
                                 const std::function<void(const std::string&)>& progress);

}  // namespace ntm
