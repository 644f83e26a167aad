#include "rules/criteria_loader.h"

#include <yaml-cpp/yaml.h>

#include <set>

#include "base/strings.h"
#include "rules/yaml_reader.h"

namespace ntm {
namespace {

Result<Measure> read_measure(const Reader& r, const YAML::Node& n, const std::string& path) {
  if (!n.IsMap()) return r.error(n, path, "cần một bảng (map)");
  Measure m;
  m.id = TRY(r.text(n, "id", path, true));
  m.name_vi = TRY(r.text(n, "name_vi", path, true));
  m.name_en = TRY(r.text(n, "name_en", path, false));
  m.unit = TRY(r.text(n, "unit", path, false));
  const std::string type = TRY(r.text(n, "type", path, true));
  if (type == "number") {
    m.type = MeasureType::kNumber;
  } else if (type == "percent") {
    m.type = MeasureType::kPercent;
  } else if (type == "boolean") {
    m.type = MeasureType::kBoolean;
  } else {
    return r.error(n["type"], path + ".type",
                   "kiểu \"" + type + "\" không hợp lệ (cần number, percent hoặc boolean)");
  }
  const std::string agg = TRY(r.text(n, "aggregation", path, false));
  bool found = agg.empty();
  for (Aggregation a : {Aggregation::kNone, Aggregation::kSum, Aggregation::kMean,
                        Aggregation::kWeightedMean, Aggregation::kAll, Aggregation::kAny}) {
    if (agg == aggregation_name(a)) {
      m.aggregation = a;
      found = true;
    }
  }
  if (!found) {
    return r.error(
        n["aggregation"], path + ".aggregation",
        "cách gộp \"" + agg + "\" không hợp lệ (cần none, sum, mean, weighted_mean, all hoặc any)");
  }
  m.weight_measure = TRY(r.text(n, "weight", path, false));
  if (m.aggregation == Aggregation::kWeightedMean && m.weight_measure.empty()) {
    return r.error(n, path + ".weight", "weighted_mean cần chỉ số trọng số (weight)");
  }
  const bool boolean_agg = m.aggregation == Aggregation::kAll || m.aggregation == Aggregation::kAny;
  if (boolean_agg != (m.type == MeasureType::kBoolean) && m.aggregation != Aggregation::kNone) {
    return r.error(n["aggregation"], path + ".aggregation",
                   "all/any chỉ dùng cho chỉ số boolean, và chỉ số boolean chỉ gộp bằng all/any");
  }
  return m;
}

// A threshold value: a number, or true/false (stored as 1/0).
Result<double> threshold_value(const Reader& r, const YAML::Node& n, const std::string& path) {
  if (!n.IsScalar()) return r.error(n, path, "ngưỡng phải là một số hoặc true/false");
  const std::string& s = n.Scalar();
  if (auto v = parse_number(s)) return *v;
  if (s == "true") return 1.0;
  if (s == "false") return 0.0;
  return r.error(n, path, "ngưỡng \"" + s + "\" không phải là số hoặc true/false");
}

Result<YearValues> read_year_values(const Reader& r, const YAML::Node& n, const std::string& path) {
  YearValues out;
  if (n.IsNull()) return out;  // not set
  if (n.IsScalar()) {
    out[0] = TRY(threshold_value(r, n, path));
    return out;
  }
  if (!n.IsMap()) return r.error(n, path, "cần một giá trị hoặc bảng năm: giá trị");
  for (const auto& kv : n) {
    const std::string year_text = kv.first.Scalar();
    const auto year = parse_int(year_text, 1990, 2100);
    if (!year) {
      return r.error(kv.first, path, "năm \"" + year_text + "\" không hợp lệ");
    }
    if (kv.second.IsNull()) continue;
    out[static_cast<int>(*year)] = TRY(threshold_value(r, kv.second, path + "." + year_text));
  }
  return out;
}

Result<Indicator> read_indicator(const Reader& r, const YAML::Node& n, const std::string& path,
                                 const std::map<std::string, Measure>& measures,
                                 const std::string& variant_key) {
  if (!n.IsMap()) return r.error(n, path, "cần một bảng (map)");
  Indicator ind;
  ind.code = TRY(r.text(n, "code", path, true));
  ind.name_vi = TRY(r.text(n, "name_vi", path, true));
  ind.name_en = TRY(r.text(n, "name_en", path, false));
  ind.measure = TRY(r.text(n, "measure", path, true));
  const auto m = measures.find(ind.measure);
  if (m == measures.end()) {
    return r.error(n["measure"], path + ".measure",
                   "chỉ số (measure) \"" + ind.measure + "\" chưa được khai báo");
  }
  ind.measure_name_en = m->second.name_en;
  const std::string op = TRY(r.text(n, "op", path, true));
  const auto parsed_op = parse_op(op);
  if (!parsed_op) {
    return r.error(n["op"], path + ".op",
                   "toán tử \"" + op + "\" không hợp lệ (cần >=, >, <=, < hoặc =)");
  }
  ind.op = *parsed_op;
  if (m->second.type == MeasureType::kBoolean && ind.op != Op::kEq) {
    return r.error(n["op"], path + ".op", "chỉ số boolean chỉ so sánh bằng \"=\"");
  }
  const YAML::Node th = n["thresholds"];
  if (th && !th.IsNull()) {
    if (!th.IsMap()) return r.error(th, path + ".thresholds", "cần bảng biến thể: giá trị");
    for (const auto& kv : th) {
      const std::string variant = kv.first.Scalar();
      if (variant_key == "none" && variant != "default") {
        return r.error(kv.first, path + ".thresholds",
                       "bộ tiêu chí không phân biến thể (variant_key: none), chỉ dùng \"default\"");
      }
      YearValues values = TRY(read_year_values(r, kv.second, path + ".thresholds." + variant));
      // A variant written with no value (`DHNTB: null`) is kept empty: "not
      // known for this variant", never the default's value.
      if (!values.empty() || variant != "default") ind.thresholds[variant] = std::move(values);
    }
  }
  ind.unit = TRY(r.text(n, "unit", path, false));
  if (ind.unit.empty()) ind.unit = m->second.unit;
  ind.source = TRY(r.text(n, "source", path, false));
  ind.confirmed = TRY(r.text(n, "confirmed", path, false));
  if (ind.confirmed.empty()) ind.confirmed = "false";
  if (ind.confirmed != "true" && ind.confirmed != "false" && ind.confirmed != "partial") {
    return r.error(n["confirmed"], path + ".confirmed", "cần true, partial hoặc false");
  }
  ind.notes = TRY(r.text(n, "notes", path, false));
  return ind;
}

Result<TitleRule> read_title(const Reader& r, const YAML::Node& n, const std::string& path,
                             int criteria_count) {
  TitleRule t;
  t.code = TRY(r.text(n, "code", path, true));
  t.name_vi = TRY(r.text(n, "name_vi", path, true));
  t.name_en = TRY(r.text(n, "name_en", path, false));
  const YAML::Node rule = n["rule"];
  if (!rule || (rule.IsScalar() && rule.Scalar() == "all")) return t;
  if (rule.IsMap() && rule["at_least"]) {
    const auto v = parse_int(rule["at_least"].Scalar(), 1, criteria_count);
    if (!v) {
      return r.error(rule, path + ".rule.at_least",
                     "cần số nguyên từ 1 đến " + std::to_string(criteria_count));
    }
    t.min_criteria = static_cast<int>(*v);
    return t;
  }
  return r.error(rule, path + ".rule", "quy tắc không hợp lệ (cần \"all\" hoặc {at_least: N})");
}

Result<CriteriaSet> read_set(const Reader& r, const YAML::Node& n,
                             const std::map<std::string, Measure>& measures) {
  const std::string path = "set";
  if (!n.IsMap()) return r.error(n, path, "cần một bảng (map)");
  CriteriaSet s;
  s.id = TRY(r.text(n, "id", path, true));
  s.series = TRY(r.text(n, "series", path, true));
  s.name_vi = TRY(r.text(n, "name_vi", path, true));
  s.name_en = TRY(r.text(n, "name_en", path, false));
  s.legal_basis = TRY(r.text(n, "legal_basis", path, true));
  s.effective_from = TRY(r.date(n, "effective_from", path, true, Date()));
  s.effective_to = TRY(r.date(n, "effective_to", path, false, Date::max()));
  if (s.effective_to < s.effective_from) {
    return r.error(n["effective_to"], path + ".effective_to", "ngày kết thúc trước ngày bắt đầu");
  }
  const YAML::Node applies = n["applies_to"];
  if (!applies || !applies.IsMap()) {
    return r.error(n, path + ".applies_to", "thiếu {level: ..., unit_types: [...]}");
  }
  const std::string level = TRY(r.text(applies, "level", path + ".applies_to", true));
  const auto parsed_level = parse_level(level);
  if (!parsed_level) {
    return r.error(applies["level"], path + ".applies_to.level",
                   "cấp \"" + level + "\" không hợp lệ (province, district, commune, village)");
  }
  s.level = *parsed_level;
  if (const YAML::Node types = applies["unit_types"]; types && types.IsSequence()) {
    for (const auto& t : types) s.unit_types.push_back(t.Scalar());
  }
  s.variant_key = TRY(r.text(n, "variant_key", path, true));
  if (s.variant_key != "region" && s.variant_key != "commune_group" && s.variant_key != "none") {
    return r.error(n["variant_key"], path + ".variant_key", "cần region, commune_group hoặc none");
  }
  s.illustrative = TRY(r.text(n, "illustrative", path, false)) == "true";
  s.notes = TRY(r.text(n, "notes", path, false));
  if (const std::string count = TRY(r.text(n, "indicator_count", path, false)); !count.empty()) {
    const auto v = parse_int(count, 1, 1000);
    if (!v)
      return r.error(n["indicator_count"], path + ".indicator_count", "cần một số nguyên dương");
    s.indicator_count = static_cast<int>(*v);
    s.indicator_count_source = TRY(r.text(n, "indicator_count_source", path, true));
  }

  const YAML::Node criteria = n["criteria"];
  if (!criteria || !criteria.IsSequence() || criteria.size() == 0) {
    return r.error(n, path + ".criteria", "cần danh sách tiêu chí");
  }
  std::set<std::string> codes;
  for (size_t i = 0; i < criteria.size(); ++i) {
    const YAML::Node c = criteria[i];
    const std::string cpath = "criteria[" + std::to_string(i) + "]";
    if (!c.IsMap()) return r.error(c, cpath, "cần một bảng (map)");
    Criterion crit;
    crit.code = TRY(r.text(c, "code", cpath, true));
    if (!codes.insert("c:" + crit.code).second) {
      return r.error(c["code"], cpath + ".code", "mã tiêu chí \"" + crit.code + "\" bị lặp");
    }
    crit.name_vi = TRY(r.text(c, "name_vi", cpath, true));
    crit.name_en = TRY(r.text(c, "name_en", cpath, false));
    crit.department = TRY(r.text(c, "department", cpath, false));
    crit.indicators_complete = TRY(r.text(c, "indicators_complete", cpath, false)) == "true";
    const YAML::Node inds = c["indicators"];
    for (size_t j = 0; inds && inds.IsSequence() && j < inds.size(); ++j) {
      const std::string ipath = cpath + ".indicators[" + std::to_string(j) + "]";
      Indicator ind = TRY(read_indicator(r, inds[j], ipath, measures, s.variant_key));
      if (!codes.insert("i:" + ind.code).second) {
        return r.error(inds[j]["code"], ipath + ".code", "mã chỉ tiêu \"" + ind.code + "\" bị lặp");
      }
      crit.indicators.push_back(std::move(ind));
    }
    s.criteria.push_back(std::move(crit));
  }
  const int count = static_cast<int>(s.criteria.size());
  if (const int shipped = s.shipped_indicators();
      s.indicator_count > 0 && shipped > s.indicator_count) {
    return r.error(n["indicator_count"], path + ".indicator_count",
                   "bộ có " + std::to_string(shipped) + " chỉ tiêu, nhiều hơn " +
                       std::to_string(s.indicator_count) + " của văn bản");
  }
  const YAML::Node titles = n["titles"];
  if (!titles || !titles.IsSequence() || titles.size() == 0) {
    return r.error(n, path + ".titles", "cần ít nhất một danh hiệu");
  }
  for (size_t i = 0; i < titles.size(); ++i) {
    s.titles.push_back(TRY(read_title(r, titles[i], "titles[" + std::to_string(i) + "]", count)));
  }
  s.bands = default_bands(count);
  return s;
}

}  // namespace

Result<CriteriaDocument> load_criteria_document(const std::string& text,
                                                const std::string& file_name,
                                                const std::map<std::string, Measure>& known) {
  const Reader r(file_name);
  if (!valid_text(text)) {
    return Status::invalid(file_name +
                           ": không phải văn bản UTF-8 hợp lệ (ký tự điều khiển "
                           "hoặc mã hóa khác)");
  }
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    return Status::invalid(file_name + ", dòng " + std::to_string(e.mark.line + 1) +
                           ": YAML không hợp lệ: " + e.msg);
  }
  if (!root.IsMap()) return Status::invalid(file_name + ": tệp rỗng hoặc không phải bảng YAML");
  try {
    CriteriaDocument doc;
    std::map<std::string, Measure> measures = known;
    if (const YAML::Node ms = root["measures"]; ms) {
      if (!ms.IsSequence()) return r.error(ms, "measures", "cần danh sách chỉ số");
      std::set<std::string> seen;
      for (size_t i = 0; i < ms.size(); ++i) {
        Measure m = TRY(read_measure(r, ms[i], "measures[" + std::to_string(i) + "]"));
        if (!seen.insert(m.id).second) {
          return r.error(ms[i]["id"], "measures[" + std::to_string(i) + "].id",
                         "chỉ số \"" + m.id + "\" bị khai báo hai lần");
        }
        measures[m.id] = m;
        doc.measures.push_back(std::move(m));
      }
    }
    for (const Measure& m : doc.measures) {
      if (!m.weight_measure.empty() && !measures.count(m.weight_measure)) {
        return Status::invalid(file_name + ": chỉ số \"" + m.id + "\": trọng số \"" +
                               m.weight_measure + "\" chưa được khai báo");
      }
    }
    if (const YAML::Node s = root["set"]; s) doc.set = TRY(read_set(r, s, measures));
    if (doc.measures.empty() && !doc.set) {
      return Status::invalid(file_name + ": không có \"measures\" hay \"set\"");
    }
    return doc;
  } catch (const YAML::Exception& e) {
    return Status::invalid(file_name + ", dòng " + std::to_string(e.mark.line + 1) +
                           ": cấu trúc YAML không hợp lệ: " + e.msg);
  }
}

}  // namespace ntm
