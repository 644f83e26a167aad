// Criteria sets (bộ tiêu chí): versioned, legally referenced rules.
//
// A set belongs to a series (e.g. "ntm-xa", the national commune set) and is
// in force from effective_from to effective_to; versions of one series never
// overlap. Indicators test one measure each; thresholds vary by a variant key
// (region, commune group, or none) and optionally by year.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "model/unit.h"

namespace ntm {

enum class Op { kGe, kGt, kLe, kLt, kEq };
const char* op_symbol(Op op);  // ">=", ">", "<=", "<", "="
std::optional<Op> parse_op(std::string_view s);

// Threshold values of one variant: year -> value. A single value for all years
// is stored under year 0. An empty map means "not set".
using YearValues = std::map<int, double>;

struct Indicator {
  std::string code;  // "15.1"
  std::string name_vi;
  std::string name_en;
  std::string measure;  // measure id
  Op op = Op::kGe;
  std::map<std::string, YearValues> thresholds;  // variant ("default", "BTB", "1") -> values
  std::string unit;
  std::string source;
  std::string confirmed;  // "true", "partial", "false"
  std::string notes;
  // The measure's English name, set by the loader (never written back): an
  // indicator without name_en is shown in English by its measure's name.
  std::string measure_name_en;
};

struct Criterion {
  std::string code;  // "TC15" or "15"
  std::string name_vi;
  std::string name_en;
  std::string department;  // responsible department code
  std::vector<Indicator> indicators;
  // A source shows these are all the criterion's indicators (matters when
  // the set ships fewer indicators than its legal text has).
  bool indicators_complete = false;
};

struct TitleRule {
  std::string code;  // "NTM"
  std::string name_vi;
  std::string name_en;
  int min_criteria = -1;  // -1: all criteria must be met
};

struct Band {
  int min_met = 0;  // lower bound, inclusive
  std::string label;
};

struct CriteriaSet {
  std::string id;      // "ntm-xa-2021-2025"
  std::string series;  // "ntm-xa"
  std::string name_vi;
  std::string name_en;
  std::string legal_basis;
  Date effective_from;
  Date effective_to = Date::max();
  Level level = Level::kCommune;
  std::vector<std::string> unit_types;  // e.g. {"Xã"}; empty = every unit of the level
  std::string variant_key;              // "region", "commune_group" or "none"
  bool illustrative = false;            // demo set: thresholds are not official
  int64_t province_id = 0;              // a province's own version: applies there only
  // How many indicators the legal text has (0: not stated) and where that
  // number is read. When the set ships fewer, a criterion not marked
  // indicators_complete is never "met": it reads "chưa đủ chỉ tiêu".
  int indicator_count = 0;
  std::string indicator_count_source;
  std::string notes;
  std::vector<TitleRule> titles;
  std::vector<Criterion> criteria;
  std::vector<Band> bands;  // highest first; derived when the file gives none

  bool in_force(Date d) const { return effective_from <= d && d <= effective_to; }
  bool applies_to(const UnitVersion& u) const;
  // How many indicators the set carries.
  int shipped_indicators() const;
  // Fewer indicators shipped than the legal text has.
  bool incomplete() const { return indicator_count > shipped_indicators(); }
  // The band of a unit meeting `met` criteria (0 = best): the first whose
  // minimum it reaches, else the lowest; -1 when the set has no bands.
  int band_of(int met) const;
};

// Bands 19 / 15-18 / 10-14 / 5-9 / <5 for 19 criteria, scaled for other counts.
std::vector<Band> default_bands(int criteria_count);

}  // namespace ntm
