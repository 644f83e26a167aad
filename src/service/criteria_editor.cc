#include "service/criteria_editor.h"

#include <algorithm>

#include "base/strings.h"
#include "rules/criteria_loader.h"
#include "rules/criteria_text.h"
#include "rules/criteria_writer.h"
#include "service/scope.h"

namespace ntm {
namespace {

Status may_edit(const User& user) {
  if (user.role != Role::kAdmin && !is_central(user)) {
    return Status::forbidden("Chỉ văn phòng điều phối được soạn bộ tiêu chí");
  }
  return Status::ok();
}

bool valid_id(const std::string& id, bool underscore) {
  if (id.size() < 3 || id.size() > 60) return false;
  return std::all_of(id.begin(), id.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (underscore && c == '_');
  });
}

// Collects every wrong field, then refuses with all of them.
class Errors {
 public:
  void add(const std::string& field, const std::string& why) {
    lines_.push_back(field + ": " + why);
  }
  bool empty() const { return lines_.empty(); }
  Status status() const {
    std::string m;
    for (const std::string& l : lines_) m += (m.empty() ? "" : "\n") + l;
    return Status::invalid(m);
  }

 private:
  std::vector<std::string> lines_;
};

std::string variant_label(const CriteriaSet& s, const std::string& v) {
  if (v == "default") return "mặc định";
  return (s.variant_key == "commune_group" ? "nhóm " : "vùng ") + v;
}

Criterion* find_criterion(CriteriaSet& s, const std::string& code) {
  for (Criterion& c : s.criteria)
    if (c.code == code) return &c;
  return nullptr;
}

bool indicator_code_taken(const CriteriaSet& s, const std::string& code,
                          const std::string& except) {
  if (code == except) return false;
  for (const Criterion& c : s.criteria)
    for (const Indicator& i : c.indicators)
      if (i.code == code) return true;
  return false;
}

// The draft as a YAML document, checked to read back (measures it introduces
// travel in the document, the others come from the catalogue).
Result<std::string> document_of(const Draft& d, const std::string& comment,
                                const std::string& name) {
  const std::string text = write_criteria_document(d.set, d.measures, d.new_measures, comment);
  std::map<std::string, Measure> known = d.measures;
  for (const Measure& m : d.new_measures) known.erase(m.id);
  TRY(load_criteria_document(text, name, known));
  return text;
}

// Writes the draft back, checks it reads again, stores it and the audit entry.
Status save(Store& store, Draft& d, const User& user, const std::string& action,
            const std::string& subject, const std::string& before, const std::string& after) {
  d.row.document = TRY(document_of(
      d, "Phiên bản đang soạn, sao từ \"" + d.row.base_id + "\" (trình soạn bộ tiêu chí)",
      "criteria_set_draft:" + d.row.id));
  return store.transaction([&]() -> Status {
    TRY(store.upsert_criteria_draft(d.row));
    return store.insert_audit(
        {0, "", user.username, action, 0,
         "criteria_set_draft:" + d.row.id + (subject.empty() ? "" : "/" + subject), before, after,
         ""});
  });
}

}  // namespace

Status may_edit_draft(const User& user, const CriteriaDraft& row) {
  const bool mine = row.province_id ? office_of(user, row.province_id) : is_central(user);
  if (!mine) return Status::not_found("Không có phiên bản đang soạn \"" + row.id + "\"");
  return Status::ok();
}

std::vector<std::string> editable_variants(const CriteriaSet& set) {
  std::vector<std::string> out;
  if (set.variant_key == "commune_group") out = {"1", "2", "3"};
  if (set.variant_key == "region") {
    for (const Criterion& c : set.criteria)
      for (const Indicator& i : c.indicators)
        for (const auto& [v, _] : i.thresholds)
          if (v != "default" && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    std::sort(out.begin(), out.end());
  }
  out.push_back("default");
  return out;
}

Status start_criteria_draft(Store& store, const Catalog& catalog, const std::string& base_id,
                            const std::string& new_id, const User& user) {
  TRY(may_edit(user));
  const CriteriaSet* base = catalog.find(base_id);
  if (!base) return Status::not_found("Không có bộ tiêu chí \"" + base_id + "\"");
  const std::string id(trim(new_id));
  if (!valid_id(id, false)) {
    return Status::invalid("Mã phiên bản mới: 3-60 ký tự a-z, 0-9 và \"-\", ví dụ " + base_id +
                           "-v2");
  }
  if (catalog.find(id) || TRY(store.criteria_draft(id))) {
    return Status::conflict("Mã phiên bản mới: \"" + id + "\" đã có");
  }
  Draft d;
  d.row = {id, base_id, "", user.username, "", "", user.province_id};
  d.set = *base;
  d.set.id = id;
  d.set.effective_to = Date::max();
  d.measures = catalog.measures();
  return save(store, d, user, "criteria.draft", "", base_id, id);
}

Result<Draft> load_criteria_draft(Store& store, const Catalog& catalog, const std::string& id) {
  auto row = TRY(store.criteria_draft(id));
  if (!row) return Status::not_found("Không có phiên bản đang soạn \"" + id + "\"");
  auto doc =
      TRY(load_criteria_document(row->document, "criteria_set_draft:" + id, catalog.measures()));
  if (!doc.set) return Status::internal("criteria_set_draft:" + id + ": không có \"set\"");
  Draft d{*row, std::move(*doc.set), std::move(doc.measures), catalog.measures()};
  for (const Measure& m : d.new_measures) d.measures[m.id] = m;
  return d;
}

Status save_indicator(Store& store, const Catalog& catalog, const std::string& draft_id,
                      const IndicatorInput& in, const User& user) {
  TRY(may_edit(user));
  Draft d = TRY(load_criteria_draft(store, catalog, draft_id));
  TRY(may_edit_draft(user, d.row));
  Criterion* crit = find_criterion(d.set, in.criterion);
  if (!crit) return Status::not_found("Không có tiêu chí \"" + in.criterion + "\"");
  Indicator* existing = nullptr;
  for (Indicator& i : crit->indicators)
    if (!in.original_code.empty() && i.code == in.original_code) existing = &i;
  if (!in.original_code.empty() && !existing) {
    return Status::not_found("Không có chỉ tiêu \"" + in.original_code + "\"");
  }
  Errors errors;
  Indicator ind = existing ? *existing : Indicator{};
  ind.code = std::string(trim(in.code));
  ind.name_vi = std::string(trim(in.name_vi));
  ind.name_en = std::string(trim(in.name_en));
  ind.measure = std::string(trim(in.measure));
  ind.source = std::string(trim(in.source));
  ind.confirmed = in.confirmed.empty() ? "false" : in.confirmed;
  ind.notes = std::string(trim(in.notes));
  if (ind.code.empty()) errors.add("Mã chỉ tiêu", "bắt buộc");
  if (indicator_code_taken(d.set, ind.code, in.original_code)) {
    errors.add("Mã chỉ tiêu", "\"" + ind.code + "\" đã có trong bộ");
  }
  if (ind.name_vi.empty()) errors.add("Tên chỉ tiêu", "bắt buộc");
  const auto m = d.measures.find(ind.measure);
  if (m == d.measures.end()) errors.add("Số liệu đo", "chưa có \"" + ind.measure + "\"");
  const auto op = parse_op(in.op);
  if (!op) errors.add("So sánh", "cần >=, >, <=, < hoặc =");
  if (op && m != d.measures.end() && m->second.type == MeasureType::kBoolean && *op != Op::kEq) {
    errors.add("So sánh", "số liệu có/không chỉ so sánh bằng \"=\"");
  }
  if (op) ind.op = *op;
  if (ind.confirmed != "true" && ind.confirmed != "partial" && ind.confirmed != "false") {
    errors.add("Đã xác nhận", "cần có, một phần hoặc chưa");
  }
  const auto variants = editable_variants(d.set);
  ind.thresholds.clear();
  for (const auto& [variant, text] : in.thresholds) {
    if (std::find(variants.begin(), variants.end(), variant) == variants.end()) {
      errors.add("Ngưỡng", "biến thể \"" + variant + "\" không dùng trong bộ này");
      continue;
    }
    if (m == d.measures.end()) continue;
    auto values = parse_thresholds(m->second, text);
    if (!values.is_ok()) {
      errors.add("Ngưỡng " + variant_label(d.set, variant), values.status().message());
    } else if (!values->empty()) {
      ind.thresholds[variant] = std::move(*values);
    }
  }
  // A threshold decides verdicts, and a confirmed one says where it is read:
  // either names its source.
  if (ind.source.empty() && (!ind.thresholds.empty() || ind.confirmed != "false")) {
    errors.add("Nguồn",
               "bắt buộc khi nhập ngưỡng hoặc khi đã xác nhận (ghi văn bản, điều, phụ lục)");
  }
  if (!errors.empty()) return errors.status();
  if (!existing || existing->measure != ind.measure) ind.unit = m->second.unit;
  const std::string before = existing ? describe_indicator(*existing, d.measures) : "";
  const std::string after = describe_indicator(ind, d.measures);
  if (existing) {
    *existing = std::move(ind);
  } else {
    crit->indicators.push_back(std::move(ind));
  }
  return save(store, d, user, "criteria.indicator", in.criterion + "/" + in.code, before, after);
}

Status remove_indicator(Store& store, const Catalog& catalog, const std::string& draft_id,
                        const std::string& criterion, const std::string& code, const User& user) {
  TRY(may_edit(user));
  Draft d = TRY(load_criteria_draft(store, catalog, draft_id));
  TRY(may_edit_draft(user, d.row));
  Criterion* crit = find_criterion(d.set, criterion);
  if (!crit) return Status::not_found("Không có tiêu chí \"" + criterion + "\"");
  auto& inds = crit->indicators;
  const auto it =
      std::find_if(inds.begin(), inds.end(), [&](const Indicator& i) { return i.code == code; });
  if (it == inds.end()) return Status::not_found("Không có chỉ tiêu \"" + code + "\"");
  const std::string before = describe_indicator(*it, d.measures);
  inds.erase(it);
  return save(store, d, user, "criteria.indicator_remove", criterion + "/" + code, before, "");
}

Status save_criterion(Store& store, const Catalog& catalog, const std::string& draft_id,
                      const CriterionInput& in, const User& user) {
  TRY(may_edit(user));
  Draft d = TRY(load_criteria_draft(store, catalog, draft_id));
  TRY(may_edit_draft(user, d.row));
  Criterion* existing =
      in.original_code.empty() ? nullptr : find_criterion(d.set, in.original_code);
  if (!in.original_code.empty() && !existing) {
    return Status::not_found("Không có tiêu chí \"" + in.original_code + "\"");
  }
  Criterion c = existing ? *existing : Criterion{};
  c.code = std::string(trim(in.code));
  c.name_vi = std::string(trim(in.name_vi));
  c.name_en = std::string(trim(in.name_en));
  c.department = std::string(trim(in.department));
  Errors errors;
  if (c.code.empty()) errors.add("Mã tiêu chí", "bắt buộc");
  if (c.code != in.original_code && find_criterion(d.set, c.code)) {
    errors.add("Mã tiêu chí", "\"" + c.code + "\" đã có trong bộ");
  }
  if (c.name_vi.empty()) errors.add("Tên tiêu chí", "bắt buộc");
  if (!errors.empty()) return errors.status();
  const std::string before = existing ? existing->code + " " + existing->name_vi : "";
  const std::string after = c.code + " " + c.name_vi;
  if (existing) {
    *existing = std::move(c);
  } else {
    d.set.criteria.push_back(std::move(c));
  }
  return save(store, d, user, "criteria.criterion", in.code, before, after);
}

Status save_draft_details(Store& store, const Catalog& catalog, const std::string& draft_id,
                          const DraftDetails& in, const User& user) {
  TRY(may_edit(user));
  Draft d = TRY(load_criteria_draft(store, catalog, draft_id));
  TRY(may_edit_draft(user, d.row));
  Errors errors;
  if (trim(in.name_vi).empty()) errors.add("Tên bộ tiêu chí", "bắt buộc");
  if (trim(in.legal_basis).empty()) errors.add("Căn cứ pháp lý", "bắt buộc");
  if (!errors.empty()) return errors.status();
  const std::string before = d.set.name_vi + " | " + d.set.legal_basis;
  d.set.name_vi = std::string(trim(in.name_vi));
  d.set.name_en = std::string(trim(in.name_en));
  d.set.legal_basis = std::string(trim(in.legal_basis));
  d.set.notes = std::string(trim(in.notes));
  return save(store, d, user, "criteria.details", "", before,
              d.set.name_vi + " | " + d.set.legal_basis);
}

Status add_draft_measure(Store& store, const Catalog& catalog, const std::string& draft_id,
                         const MeasureInput& in, const User& user) {
  TRY(may_edit(user));
  Draft d = TRY(load_criteria_draft(store, catalog, draft_id));
  TRY(may_edit_draft(user, d.row));
  Measure m;
  m.id = std::string(trim(in.id));
  m.name_vi = std::string(trim(in.name_vi));
  m.unit = std::string(trim(in.unit));
  Errors errors;
  if (!valid_id(m.id, true)) errors.add("Mã số liệu", "3-60 ký tự a-z, 0-9, \"_\", \"-\"");
  if (d.measures.count(m.id)) errors.add("Mã số liệu", "\"" + m.id + "\" đã có");
  if (m.name_vi.empty()) errors.add("Tên số liệu", "bắt buộc");
  if (in.type == "number" || in.type == "percent" || in.type == "boolean") {
    m.type = in.type == "number"    ? MeasureType::kNumber
             : in.type == "percent" ? MeasureType::kPercent
                                    : MeasureType::kBoolean;
  } else {
    errors.add("Kiểu", "cần số, tỷ lệ % hoặc có/không");
  }
  // How merged communes combine it: yes/no all; counts add up; rates are
  // measured anew (a weighted mean needs a weight the office names in YAML).
  m.aggregation = m.type == MeasureType::kBoolean ? Aggregation::kAll
                  : in.aggregation == "sum"       ? Aggregation::kSum
                  : in.aggregation == "mean"      ? Aggregation::kMean
                                                  : Aggregation::kNone;
  if (!errors.empty()) return errors.status();
  d.new_measures.push_back(m);
  d.measures[m.id] = m;
  return save(store, d, user, "criteria.measure", m.id, "", m.name_vi);
}

std::vector<SetChange> draft_changes(const Catalog& catalog, const Draft& draft) {
  const CriteriaSet* base = catalog.find(draft.row.base_id);
  if (!base) return std::vector<SetChange>();
  std::vector<SetChange> out;
  for (SetChange& c : diff_sets(*base, draft.set, draft.measures)) {
    const bool dates_or_id =
        c.criterion.empty() &&
        (c.field == "id" || c.field == "effective_from" || c.field == "effective_to");
    if (!dates_or_id) out.push_back(std::move(c));
  }
  return out;
}

Result<Published> publish_criteria_draft(Store& store, const Catalog& catalog,
                                         const std::string& draft_id, Date from, const User& user) {
  TRY(may_edit(user));
  Draft d = TRY(load_criteria_draft(store, catalog, draft_id));
  TRY(may_edit_draft(user, d.row));
  // With several provinces an office's version is its province's own (it
  // applies there only); the central office's, or the only province's, is
  // the series' national version (docs/decisions.md "Provinces").
  const int64_t scope =
      !is_central(user) && TRY(store.provinces_in_force(from)).size() > 1 ? user.province_id : 0;
  Published p{d.set.id, "", Date()};
  const StoredCriteriaSet* previous = nullptr;
  const auto stored = TRY(store.criteria_sets());
  for (const StoredCriteriaSet& r : stored) {
    if (r.id == d.set.id) return Status::conflict("Đã có bộ tiêu chí mã \"" + r.id + "\"");
    if (r.series != d.set.series || r.province_id != scope) continue;
    if (r.effective_from >= from) {
      return Status::conflict("Ngày hiệu lực: dãy \"" + r.series + "\" đã có phiên bản \"" + r.id +
                              "\" từ " + r.effective_from.vi() +
                              "; phiên bản mới phải có hiệu lực sau ngày đó");
    }
    if (!previous || r.effective_from > previous->effective_from) previous = &r;
  }
  d.set.effective_from = from;
  d.set.effective_to = Date::max();
  if (previous && previous->effective_to >= from) {
    d.set.effective_to = previous->effective_to;
    p.closed_id = previous->id;
    p.closed_to = from.add_days(-1);
  }
  const std::string text =
      TRY(document_of(d,
                      "Công bố bằng trình soạn bộ tiêu chí: có hiệu lực từ " + from.vi() +
                          ", sao từ \"" + d.row.base_id + "\", người công bố " + user.username,
                      "criteria_set:" + d.set.id));
  TRY(store.transaction([&]() -> Status {
    for (const Measure& m : d.new_measures) TRY(store.upsert_measure(m));
    if (!p.closed_id.empty()) TRY(store.close_criteria_set(p.closed_id, p.closed_to));
    TRY(store.upsert_criteria_set(
        {d.set.id, d.set.series, d.set.effective_from, d.set.effective_to, text, scope}));
    TRY(store.delete_criteria_draft(d.row.id));
    return store.insert_audit({0, "", user.username, "criteria.publish", 0,
                               "criteria_set:" + d.set.id, p.closed_id, from.iso(), ""});
  }));
  return p;
}

Status discard_criteria_draft(Store& store, const std::string& draft_id, const User& user) {
  TRY(may_edit(user));
  const auto row = TRY(store.criteria_draft(draft_id));
  if (!row || !reads_province(user, row->province_id)) {
    return Status::not_found("Không có phiên bản đang soạn \"" + draft_id + "\"");
  }
  TRY(may_edit_draft(user, *row));
  return store.transaction([&]() -> Status {
    TRY(store.delete_criteria_draft(draft_id));
    return store.insert_audit({0, "", user.username, "criteria.discard", 0,
                               "criteria_set_draft:" + draft_id, "", "", ""});
  });
}

}  // namespace ntm
