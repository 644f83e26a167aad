// The UI string catalogue (Vietnamese first, English second) and the
// language- and locale-dependent formatting of numbers and dates.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "base/date.h"
#include "model/assessment.h"

namespace ntm {

enum class Lang { kVi, kEn };

// "vi" / "en"; anything else is Vietnamese.
Lang parse_lang(const std::string& code);
const char* lang_code(Lang lang);

// The string for `key` (e.g. "dashboard.title"); the key itself when missing,
// so a missing entry is visible rather than blank.
std::string tr(Lang lang, const std::string& key);
// Every catalogue entry of a language, for templates ({{t.key_name}} with '.'
// replaced by '_').
const nlohmann::json& catalogue(Lang lang);
// Keys present in one language but not the other (for the catalogue test).
std::vector<std::string> catalogue_gaps();

// 1.234,5 in Vietnamese, 1,234.5 in English.
std::string format_num(Lang lang, double v, int decimals = 1);
// dd/mm/yyyy in Vietnamese, yyyy-mm-dd in English.
std::string format_date(Lang lang, Date d);
// "27/11/2026 17:00" in Vietnam time (Asia/Ho_Chi_Minh), from a stored UTC
// timestamp; the text as it is when it is not one.
std::string format_timestamp(Lang lang, const std::string& utc);
std::string outcome_label(Lang lang, Outcome o);
std::string reason_label(Lang lang, std::string_view reason);
std::string level_label(Lang lang, Level level);

}  // namespace ntm
