// Text renderings of assessments for the terminal: table (Vietnamese), CSV.
#pragma once

#include <iosfwd>
#include <vector>

#include "model/assessment.h"

namespace ntm {

void print_unit_table(const Assessment& a, std::ostream& out);
void print_unit_csv(const Assessment& a, std::ostream& out);
void print_all_table(const std::vector<Assessment>& list, std::ostream& out);
void print_all_csv(const std::vector<Assessment>& list, std::ostream& out);

}  // namespace ntm
