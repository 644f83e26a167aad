#include "rules/criteria_writer.h"

#include <yaml-cpp/yaml.h>

#include "base/strings.h"

namespace ntm {
namespace {

void optional(YAML::Emitter& out, const char* key, const std::string& value) {
  if (!value.empty()) out << YAML::Key << key << YAML::Value << value;
}

std::string value_text(double v, bool boolean) {
  if (boolean) return v != 0 ? "true" : "false";
  return format_number(v);
}

void write_thresholds(YAML::Emitter& out, const Indicator& ind, bool boolean) {
  out << YAML::Key << "thresholds" << YAML::Value << YAML::Flow << YAML::BeginMap;
  for (const auto& [variant, years] : ind.thresholds) {
    out << YAML::Key << variant << YAML::Value;
    if (years.size() == 1 && years.begin()->first == 0) {
      out << value_text(years.begin()->second, boolean);
      continue;
    }
    out << YAML::Flow << YAML::BeginMap;
    for (const auto& [year, v] : years) {
      // Year 0 (every year) written as the first year the engine can meet.
      out << YAML::Key << (year ? year : 1990) << YAML::Value << value_text(v, boolean);
    }
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
}

void write_indicator(YAML::Emitter& out, const Indicator& ind,
                     const std::map<std::string, Measure>& measures) {
  const auto m = measures.find(ind.measure);
  const bool boolean = m != measures.end() && m->second.type == MeasureType::kBoolean;
  out << YAML::Flow << YAML::BeginMap;
  out << YAML::Key << "code" << YAML::Value << YAML::DoubleQuoted << ind.code;
  out << YAML::Key << "name_vi" << YAML::Value << ind.name_vi;
  optional(out, "name_en", ind.name_en);
  out << YAML::Key << "measure" << YAML::Value << ind.measure;
  out << YAML::Key << "op" << YAML::Value << YAML::DoubleQuoted << op_symbol(ind.op);
  write_thresholds(out, ind, boolean);
  if (m == measures.end() || ind.unit != m->second.unit) optional(out, "unit", ind.unit);
  optional(out, "source", ind.source);
  out << YAML::Key << "confirmed" << YAML::Value << ind.confirmed;
  optional(out, "notes", ind.notes);
  out << YAML::EndMap;
}

void write_measure(YAML::Emitter& out, const Measure& m) {
  out << YAML::Flow << YAML::BeginMap;
  out << YAML::Key << "id" << YAML::Value << m.id;
  out << YAML::Key << "name_vi" << YAML::Value << m.name_vi;
  optional(out, "name_en", m.name_en);
  optional(out, "unit", m.unit);
  out << YAML::Key << "type" << YAML::Value << measure_type_name(m.type);
  out << YAML::Key << "aggregation" << YAML::Value << aggregation_name(m.aggregation);
  optional(out, "weight", m.weight_measure);
  out << YAML::EndMap;
}

void write_set(YAML::Emitter& out, const CriteriaSet& s,
               const std::map<std::string, Measure>& measures) {
  out << YAML::BeginMap;
  out << YAML::Key << "id" << YAML::Value << s.id;
  out << YAML::Key << "series" << YAML::Value << s.series;
  out << YAML::Key << "name_vi" << YAML::Value << s.name_vi;
  optional(out, "name_en", s.name_en);
  out << YAML::Key << "legal_basis" << YAML::Value << s.legal_basis;
  out << YAML::Key << "effective_from" << YAML::Value << s.effective_from.iso();
  if (s.effective_to != Date::max()) {
    out << YAML::Key << "effective_to" << YAML::Value << s.effective_to.iso();
  }
  out << YAML::Key << "applies_to" << YAML::Value << YAML::Flow << YAML::BeginMap;
  out << YAML::Key << "level" << YAML::Value << level_name(s.level);
  out << YAML::Key << "unit_types" << YAML::Value << YAML::Flow << s.unit_types;
  out << YAML::EndMap;
  out << YAML::Key << "variant_key" << YAML::Value << s.variant_key;
  if (s.illustrative) out << YAML::Key << "illustrative" << YAML::Value << true;
  optional(out, "notes", s.notes);
  if (s.indicator_count > 0) {
    out << YAML::Key << "indicator_count" << YAML::Value << s.indicator_count;
    optional(out, "indicator_count_source", s.indicator_count_source);
  }
  out << YAML::Key << "titles" << YAML::Value << YAML::BeginSeq;
  for (const TitleRule& t : s.titles) {
    out << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "code" << YAML::Value << t.code;
    out << YAML::Key << "name_vi" << YAML::Value << t.name_vi;
    optional(out, "name_en", t.name_en);
    out << YAML::Key << "rule" << YAML::Value;
    if (t.min_criteria < 0) {
      out << "all";
    } else {
      out << YAML::Flow << YAML::BeginMap << YAML::Key << "at_least" << YAML::Value
          << t.min_criteria << YAML::EndMap;
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  out << YAML::Key << "criteria" << YAML::Value << YAML::BeginSeq;
  for (const Criterion& c : s.criteria) {
    out << YAML::BeginMap;
    out << YAML::Key << "code" << YAML::Value << YAML::DoubleQuoted << c.code;
    out << YAML::Key << "name_vi" << YAML::Value << c.name_vi;
    optional(out, "name_en", c.name_en);
    optional(out, "department", c.department);
    if (c.indicators_complete) out << YAML::Key << "indicators_complete" << YAML::Value << true;
    out << YAML::Key << "indicators" << YAML::Value << YAML::BeginSeq;
    for (const Indicator& ind : c.indicators) write_indicator(out, ind, measures);
    out << YAML::EndSeq;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  out << YAML::EndMap;
}

}  // namespace

std::string write_criteria_document(const CriteriaSet& set,
                                    const std::map<std::string, Measure>& measures,
                                    const std::vector<Measure>& new_measures,
                                    const std::string& comment) {
  YAML::Emitter out;
  out.SetIndent(2);
  if (!comment.empty()) out << YAML::Comment(comment);
  out << YAML::BeginMap;
  if (!new_measures.empty()) {
    out << YAML::Key << "measures" << YAML::Value << YAML::BeginSeq;
    for (const Measure& m : new_measures) write_measure(out, m);
    out << YAML::EndSeq;
  }
  out << YAML::Key << "set" << YAML::Value;
  write_set(out, set, measures);
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace ntm
