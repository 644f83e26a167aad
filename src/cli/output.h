// Text renderings of assessments for the terminal: table (Vietnamese), CSV.
#pragma once

#include <iosfwd>
#include <vector>

#include "model/assessment.h"
#include "service/plans.h"

namespace ntm {

void print_unit_table(const Assessment& a, std::ostream& out);
void print_unit_csv(const Assessment& a, std::ostream& out);
// A table of units under `parent`, then the summary (title count, average, bands).
void print_all_table(const UnitVersion& parent, const std::vector<Assessment>& list,
                     std::ostream& out);
// The header line, then a line per assessment.
void print_all_csv(const std::vector<Assessment>& list, std::ostream& out, bool header = true);
// Plan status per unit: CSV (stable English state codes) or a Vietnamese table.
void print_plan_rows(const std::vector<PlanRow>& rows, bool csv, std::ostream& out);

}  // namespace ntm
