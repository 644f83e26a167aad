// JSON of the read models (service/views.h), shared by the API handlers.
#pragma once

#include <nlohmann/json.hpp>

#include "model/criteria_set.h"
#include "service/national.h"
#include "service/views.h"

namespace ntm {

nlohmann::json unit_json(const UnitVersion& u);
nlohmann::json set_json(const CriteriaSet& s);
nlohmann::json overview_json(const Overview& ov);
nlohmann::json national_json(const NationalOverview& n);
nlohmann::json scorecard_json(const Scorecard& sc);

}  // namespace ntm
