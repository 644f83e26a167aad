// JSON form of assessments and summaries (the `ntm evaluate --format json`
// output, and later the API's). Field names are part of the public format:
// see docs/criteria-format.md, "Evaluation output".
#pragma once

#include <nlohmann/json.hpp>

#include "model/assessment.h"

namespace ntm {

nlohmann::json to_json(const Assessment& a);
nlohmann::json to_json(const Summary& s);

}  // namespace ntm
