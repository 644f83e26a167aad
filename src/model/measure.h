// Measures (số liệu / chỉ số): quantities collected per unit and date, once,
// and reused by every criteria set that tests them.
#pragma once

#include <string>

namespace ntm {

enum class MeasureType { kNumber, kPercent, kBoolean };

// How values of constituent units combine into a parent or merged unit.
enum class Aggregation { kNone, kSum, kMean, kWeightedMean, kAll, kAny };

const char* measure_type_name(MeasureType t);
const char* aggregation_name(Aggregation a);

struct Measure {
  std::string id;  // "bhyt_coverage_pct"
  std::string name_vi;
  std::string name_en;
  std::string unit;  // "%", "triệu đồng/người/năm", ""
  MeasureType type = MeasureType::kNumber;
  Aggregation aggregation = Aggregation::kNone;
  std::string weight_measure;  // for kWeightedMean
};

}  // namespace ntm
