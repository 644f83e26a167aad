// Values and thresholds as people type and read them in forms.
//
// A threshold cell holds one value for every year ("95"), values from given
// years ("2026: 90; 2028: 95") or both ("90; 2028: 95": 90 until 2027).
// Numbers take the Vietnamese decimal comma ("1,5"); yes/no measures take
// có/không, đạt/không đạt, true/false, 1/0.
#pragma once

#include <string>

#include "base/status.h"
#include "model/criteria_set.h"
#include "model/measure.h"

namespace ntm {

// The value typed for a measure, or the reason (Vietnamese) it is refused.
Result<double> parse_measure_value(const Measure& m, const std::string& text);

// "" -> not set (empty map).
Result<YearValues> parse_thresholds(const Measure& m, const std::string& text);
std::string format_thresholds(const Measure& m, const YearValues& values);

}  // namespace ntm
