#include "rules/criteria_diff.h"

#include <set>

#include "rules/criteria_text.h"

namespace ntm {
namespace {

std::string threshold_text(const Indicator& ind, const std::string& variant,
                           const std::map<std::string, Measure>& measures) {
  const auto t = ind.thresholds.find(variant);
  if (t == ind.thresholds.end()) return "";
  const auto m = measures.find(ind.measure);
  return m == measures.end() ? "?" : format_thresholds(m->second, t->second);
}

class Differ {
 public:
  Differ(const std::map<std::string, Measure>& measures, std::vector<SetChange>& out)
      : measures_(measures), out_(out) {}

  void field(const std::string& crit, const std::string& ind, const std::string& name,
             const std::string& a, const std::string& b) {
    if (a != b) out_.push_back({SetChange::Kind::kChanged, crit, ind, name, a, b});
  }

  void indicator(const std::string& crit, const Indicator& a, const Indicator& b) {
    field(crit, b.code, "name_vi", a.name_vi, b.name_vi);
    field(crit, b.code, "name_en", a.name_en, b.name_en);
    field(crit, b.code, "measure", a.measure, b.measure);
    field(crit, b.code, "op", op_symbol(a.op), op_symbol(b.op));
    std::set<std::string> variants;
    for (const auto& [v, _] : a.thresholds) variants.insert(v);
    for (const auto& [v, _] : b.thresholds) variants.insert(v);
    for (const std::string& v : variants) {
      field(crit, b.code, "thresholds." + v, thresholds(a, v), thresholds(b, v));
    }
    field(crit, b.code, "unit", a.unit, b.unit);
    field(crit, b.code, "source", a.source, b.source);
    field(crit, b.code, "confirmed", a.confirmed, b.confirmed);
    field(crit, b.code, "notes", a.notes, b.notes);
  }

  void criterion(const Criterion& a, const Criterion& b) {
    field(b.code, "", "name_vi", a.name_vi, b.name_vi);
    field(b.code, "", "name_en", a.name_en, b.name_en);
    field(b.code, "", "department", a.department, b.department);
    for (const Indicator& ib : b.indicators) {
      if (const Indicator* ia = find(a.indicators, ib.code)) {
        indicator(b.code, *ia, ib);
      } else {
        out_.push_back({SetChange::Kind::kAdded, b.code, ib.code, "", "", summary(ib)});
      }
    }
    for (const Indicator& ia : a.indicators) {
      if (!find(b.indicators, ia.code)) {
        out_.push_back({SetChange::Kind::kRemoved, b.code, ia.code, "", summary(ia), ""});
      }
    }
  }

  template <class T>
  static const T* find(const std::vector<T>& items, const std::string& code) {
    for (const T& t : items)
      if (t.code == code) return &t;
    return nullptr;
  }

  std::string summary(const Indicator& ind) const { return describe_indicator(ind, measures_); }

 private:
  std::string thresholds(const Indicator& ind, const std::string& variant) const {
    return threshold_text(ind, variant, measures_);
  }

  const std::map<std::string, Measure>& measures_;
  std::vector<SetChange>& out_;
};

std::string title_rule(const TitleRule& t) {
  return t.min_criteria < 0 ? "all" : "at_least " + std::to_string(t.min_criteria);
}

}  // namespace

std::string describe_indicator(const Indicator& ind,
                               const std::map<std::string, Measure>& measures) {
  std::string s = ind.name_vi + " " + op_symbol(ind.op);
  bool first = true;
  for (const auto& [v, _] : ind.thresholds) {
    s += (first ? " " : " | ") + v + " → " + threshold_text(ind, v, measures);
    first = false;
  }
  return s;
}

const char* change_kind_name(SetChange::Kind k) {
  switch (k) {
    case SetChange::Kind::kAdded:
      return "added";
    case SetChange::Kind::kRemoved:
      return "removed";
    case SetChange::Kind::kChanged:
      return "changed";
  }
  return "changed";
}

std::vector<SetChange> diff_sets(const CriteriaSet& a, const CriteriaSet& b,
                                 const std::map<std::string, Measure>& measures) {
  std::vector<SetChange> out;
  Differ d(measures, out);
  d.field("", "", "id", a.id, b.id);
  d.field("", "", "name_vi", a.name_vi, b.name_vi);
  d.field("", "", "name_en", a.name_en, b.name_en);
  d.field("", "", "legal_basis", a.legal_basis, b.legal_basis);
  d.field("", "", "effective_from", a.effective_from.iso(), b.effective_from.iso());
  d.field("", "", "effective_to", a.effective_to.iso(), b.effective_to.iso());
  d.field("", "", "variant_key", a.variant_key, b.variant_key);
  d.field("", "", "illustrative", a.illustrative ? "true" : "false",
          b.illustrative ? "true" : "false");
  d.field("", "", "notes", a.notes, b.notes);
  for (const TitleRule& tb : b.titles) {
    const TitleRule* ta = Differ::find(a.titles, tb.code);
    d.field("", "", "titles." + tb.code, ta ? title_rule(*ta) : "", title_rule(tb));
  }
  for (const Criterion& cb : b.criteria) {
    if (const Criterion* ca = Differ::find(a.criteria, cb.code)) {
      d.criterion(*ca, cb);
    } else {
      out.push_back({SetChange::Kind::kAdded, cb.code, "", "", "", cb.name_vi});
      for (const Indicator& ind : cb.indicators) {
        out.push_back({SetChange::Kind::kAdded, cb.code, ind.code, "", "", d.summary(ind)});
      }
    }
  }
  for (const Criterion& ca : a.criteria) {
    if (!Differ::find(b.criteria, ca.code)) {
      out.push_back({SetChange::Kind::kRemoved, ca.code, "", "", ca.name_vi, ""});
    }
  }
  return out;
}

}  // namespace ntm
