// Observations (số liệu báo cáo): the value of a measure for a unit at a date.
//
// Invariant: nothing is deleted. A correction inserts a new version and marks
// the previous version superseded; the history of (unit, measure, date) is the
// chain of versions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/date.h"

namespace ntm {

enum class ObservationStatus { kDraft, kSubmitted, kVerified, kReturned };

const char* observation_status_name(ObservationStatus s);
std::optional<ObservationStatus> parse_observation_status(std::string_view s);

struct Observation {
  int64_t id = 0;
  int64_t unit_id = 0;
  std::string measure_id;
  Date date;
  double value = 0;  // booleans as 1/0
  ObservationStatus status = ObservationStatus::kSubmitted;
  std::string author;
  std::string note;
  std::string recorded_at;  // UTC timestamp "yyyy-mm-ddThh:mm:ssZ"
  bool current = true;      // false once superseded
};

// The latest accepted value of one measure for one unit, as of a date.
struct MeasureValue {
  std::string measure_id;
  Date date;
  double value = 0;
  ObservationStatus status = ObservationStatus::kSubmitted;
};

}  // namespace ntm
