// The recognised standing of a commune (the chairman's decisions), shown
// beside — never mixed with — the standing computed from the data.
#pragma once

#include <nlohmann/json.hpp>

#include "ui/page.h"

namespace ntm {

// "QĐ số 12/QĐ-UBND ngày 03/02/2023" / "Decision No. 12/QĐ-UBND of 03/02/2023".
std::string decision_text(Lang lang, const std::string& number, Date date);

// On c.opts.at, per title of the rules in force: recognised ("Đã công nhận —
// QĐ số … ngày …"), revoked ("Đã thu hồi — QĐ số …"), or, for the first
// title, not recognised. Each: {title, state, label, css}.
Result<nlohmann::json> recognised_view(AppState& app, const PageContext& c, int64_t unit_id);

// For a merged commune: its constituents' recognitions in force the day
// before the merger. Each: {name, title, label}.
Result<nlohmann::json> constituents_recognised(AppState& app, const PageContext& c,
                                               const std::vector<UnitVersion>& constituents,
                                               Date merged_on);

}  // namespace ntm
