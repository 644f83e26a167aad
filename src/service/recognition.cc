#include "service/recognition.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/csv.h"
#include "base/strings.h"
#include "rules/recognition_loader.h"
#include "service/import_errors.h"
#include "service/scope.h"

namespace ntm {

Result<RecognitionBook> RecognitionBook::load(Store& store) {
  RecognitionBook book;
  for (const StoredRecognitionRules& s : TRY(store.recognition_rules())) {
    auto rules = std::make_unique<RecognitionRules>(TRY(load_recognition_rules(s.document, s.id)));
    rules->province_id = s.province_id;
    book.rules_.push_back(std::move(rules));
  }
  return book;
}

const RecognitionRules* RecognitionBook::in_force(Date d, int64_t province) const {
  const RecognitionRules* national = nullptr;
  for (const auto& r : rules_) {
    if (d < r->effective_from || r->effective_to < d) continue;
    if (province && r->province_id == province) return r.get();
    if (r->province_id == 0) national = r.get();
  }
  return national;
}

const RecognitionTitle* RecognitionBook::title(const std::string& code) const {
  const RecognitionTitle* found = nullptr;
  for (const auto& r : rules_)
    if (const RecognitionTitle* t = r->title(code)) found = t;
  return found;
}

Result<ImportCounts> import_recognition_rules(Store& store, const std::string& file,
                                              const std::string& text,
                                              const std::string& province_code) {
  RecognitionRules rules = TRY(load_recognition_rules(text, file));
  const int64_t province = province_code.empty() ? 0 : TRY(province_named(store, province_code));
  for (const StoredRecognitionRules& s : TRY(store.recognition_rules())) {
    if (s.id == rules.id || s.province_id != province) continue;
    if (s.effective_from <= rules.effective_to && rules.effective_from <= s.effective_to)
      return Status::invalid(
          file + ": thời gian hiệu lực từ " + rules.effective_from.vi() +
          (rules.effective_to == Date::max() ? "" : " đến " + rules.effective_to.vi()) +
          " trùng với quy định \"" + s.id + "\"");
  }
  TRY(store.transaction([&]() -> Status {
    TRY(store.upsert_recognition_rules(
        {rules.id, rules.effective_from, rules.effective_to, province, text}));
    return store.insert_audit(
        {0, "", "cli", "recognition.rules", 0, rules.id, "", file, "", province});
  }));
  return ImportCounts{1, 1};
}

Result<ImportCounts> import_recognitions(Store& store, const std::string& file,
                                         const std::string& text, const std::string& actor,
                                         int64_t province) {
  const RecognitionBook book = TRY(RecognitionBook::load(store));
  std::set<std::string> titles;
  for (const auto& r : book.all())
    for (const RecognitionTitle& t : r->titles) titles.insert(t.code);
  if (titles.empty())
    return Status::invalid(file +
                           ": chưa có quy định xét công nhận nào (ntm import recognition-rules)");
  const CsvTable t = TRY(CsvTable::parse(
      text, file, {"unit_code", "title", "year", "decision_no", "decision_date"},
      {"signer", "revoked_no", "revoked_date", "revoked_reason", "note", "unit_name"}));
  std::set<std::string> existing;
  for (const Recognition& r : TRY(store.recognitions()))
    existing.insert(std::to_string(r.unit_id) + "|" + r.title + "|" + std::to_string(r.year));
  ImportErrors errors(file);
  std::vector<Recognition> rows;
  std::set<std::string> seen;
  const std::string now = utc_timestamp_now();
  for (const CsvRow& row : t.rows()) {
    Recognition r;
    const std::string code(t.get(row, "unit_code"));
    r.title = std::string(t.get(row, "title"));
    r.decision_no = trim(std::string(t.get(row, "decision_no")));
    r.signer = std::string(t.get(row, "signer"));
    r.revoked_no = trim(std::string(t.get(row, "revoked_no")));
    r.revoked_reason = std::string(t.get(row, "revoked_reason"));
    r.note = std::string(t.get(row, "note"));
    r.source = "legacy";
    r.created_by = actor;
    r.created_at = now;
    if (!titles.count(r.title)) {
      std::string known;
      for (const std::string& k : titles) known += (known.empty() ? "" : ", ") + k;
      errors.add(row.line, "title",
                 "danh hiệu \"" + r.title + "\" không có trong quy định (" + known + ")");
    }
    if (r.decision_no.empty()) errors.add(row.line, "decision_no", "cần số quyết định");
    const auto year = parse_int(t.get(row, "year"), 2010, 2100);
    if (!year)
      errors.add(row.line, "year",
                 "\"" + std::string(t.get(row, "year")) + "\" không phải năm hợp lệ");
    const auto date = Date::parse(t.get(row, "decision_date"));
    if (!date.is_ok()) {
      errors.add(row.line, "decision_date", date.status().message());
      continue;
    }
    r.decision_date = *date;
    if (year) {
      r.year = static_cast<int>(*year);
      if (r.year != date->year() && r.year != date->year() - 1)
        errors.add(row.line, "year",
                   "năm " + std::to_string(r.year) + " không khớp ngày quyết định " + date->vi() +
                       " (năm đó hoặc năm trước)");
    }
    const std::string revoked(t.get(row, "revoked_date"));
    if (!revoked.empty()) {
      const auto rd = Date::parse(revoked);
      if (!rd.is_ok()) {
        errors.add(row.line, "revoked_date", rd.status().message());
      } else if (*rd < r.decision_date) {
        errors.add(row.line, "revoked_date", "trước ngày quyết định công nhận");
      } else {
        r.revoked_date = *rd;
        if (r.revoked_no.empty()) errors.add(row.line, "revoked_no", "cần số quyết định thu hồi");
      }
    } else if (!r.revoked_no.empty()) {
      errors.add(row.line, "revoked_date", "cần ngày của quyết định thu hồi");
    }
    const auto unit = TRY(store.unit_at(code, r.decision_date));
    if (!unit || unit->level != Level::kCommune) {
      errors.add(row.line, "unit_code",
                 "không có xã mã \"" + code + "\" vào ngày " + r.decision_date.vi());
      continue;
    }
    r.unit_id = unit->unit_id;
    if (province && TRY(store.province_of(unit->unit_id)) != province) {
      errors.add(row.line, "unit_code", unit->name + " không thuộc tỉnh của văn phòng");
      continue;
    }
    const std::string key =
        std::to_string(r.unit_id) + "|" + r.title + "|" + std::to_string(r.year);
    if (existing.count(key)) {
      errors.add(
          row.line, "",
          unit->name + " đã có quyết định công nhận " + r.title + " năm " + std::to_string(r.year));
    } else if (!seen.insert(key).second) {
      errors.add(row.line, "",
                 "dòng lặp: " + unit->name + ", " + r.title + ", " + std::to_string(r.year));
    }
    rows.push_back(std::move(r));
  }
  if (!errors.empty()) return errors.status();
  TRY(store.transaction([&]() -> Status {
    for (const Recognition& r : rows) TRY(store.insert_recognition(r));
    return store.insert_audit({0, "", actor, "recognition.import", 0, file, "",
                               std::to_string(rows.size()) + " quyết định", "", province});
  }));
  return ImportCounts{static_cast<int>(t.rows().size()), static_cast<int>(rows.size())};
}

std::vector<Recognition> in_force_at(const std::vector<Recognition>& all, Date at) {
  std::map<std::string, const Recognition*> latest;
  for (const Recognition& r : all)
    if (r.in_force(at)) {
      const Recognition*& slot = latest[r.title];
      if (!slot || slot->decision_date <= r.decision_date) slot = &r;
    }
  std::vector<Recognition> out;
  for (const auto& [title, r] : latest) out.push_back(*r);
  return out;
}

std::string decision_label(const std::string& number, Date date) {
  return "QĐ số " + number + " ngày " + date.vi();
}

const char* upkeep_name(Upkeep u) {
  switch (u) {
    case Upkeep::kKeeps:
      return "keeps";
    case Upkeep::kAtRisk:
      return "at_risk";
    case Upkeep::kRevocable:
      return "revocable";
    case Upkeep::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::string upkeep_label(Upkeep u) {
  switch (u) {
    case Upkeep::kKeeps:
      return "Giữ chuẩn";
    case Upkeep::kAtRisk:
      return "Có nguy cơ";
    case Upkeep::kRevocable:
      return "Thuộc diện thu hồi";
    case Upkeep::kUnknown:
      return "Chưa đủ căn cứ";
  }
  return "Chưa đủ căn cứ";
}

namespace {

// The status and reason of one recognised commune from its assessment.
void judge(UpkeepRow& row, const Assessment& a, const RecognitionRules* rules) {
  std::set<std::string> key;
  if (rules)
    for (const KeyCriterion& k : rules->key_criteria) key.insert(k.code);
  row.criteria_total = static_cast<int>(a.criteria.size());
  for (const CriterionResult& c : a.criteria) {
    if (c.status == Outcome::kUnknown) ++row.unknown;
    if (c.status != Outcome::kNotMet) continue;
    ++row.failing;
    row.failing_codes.push_back(c.criterion->code);
    if (key.count(c.criterion->code)) row.failing_key.push_back(c.criterion->code);
  }
  const double pct = row.criteria_total ? 100.0 * row.failing / row.criteria_total : 0;
  if (rules) {
    for (const RevocationTrigger& t : rules->triggers) {
      const bool fires = pct >= t.failing_min_pct &&
                         (!t.failing_below_pct || pct < *t.failing_below_pct) &&
                         (!t.needs_key || !row.failing_key.empty());
      if (fires) {
        row.status = Upkeep::kRevocable;
        row.reason = row.trigger = t.name_vi;
        return;
      }
    }
  }
  if (row.failing > 0) {
    row.status = Upkeep::kAtRisk;
    row.reason = std::to_string(row.failing) + "/" + std::to_string(row.criteria_total) +
                 " tiêu chí không đạt";
    row.triggers_unset = !rules || rules->triggers.empty();
    if (row.triggers_unset) row.reason += "; căn cứ thu hồi: chưa quy định";
  } else if (row.unknown > 0) {
    row.status = Upkeep::kUnknown;
    row.reason = std::to_string(row.unknown) + " tiêu chí chưa đủ số liệu";
  } else {
    row.status = Upkeep::kKeeps;
  }
}

}  // namespace

UpkeepRow upkeep_of(const Recognition& r, const Assessment& a, const RecognitionTitle* title,
                    const RecognitionRules* rules) {
  UpkeepRow row{r, a.unit.name};
  // The title's own set must be the one in force (NTM nâng cao needs its set).
  const std::string wanted = title ? title->set_title : "";
  const bool has_title = std::any_of(a.titles.begin(), a.titles.end(), [&](const TitleResult& t) {
    return t.title && t.title->code == wanted;
  });
  if (wanted.empty() || !has_title) {
    row.reason = "bộ tiêu chí đang áp dụng không có danh hiệu " + r.title;
    return row;
  }
  judge(row, a, rules);
  return row;
}

Result<std::vector<UpkeepRow>> upkeep_check(Store& store, const Catalog& catalog,
                                            const RecognitionBook& book, int64_t province,
                                            Date at) {
  std::map<int64_t, std::vector<Recognition>> by_unit;
  for (Recognition& r : TRY(store.recognitions(0, province)))
    by_unit[r.unit_id].push_back(std::move(r));
  std::vector<UpkeepRow> out;
  for (const auto& [unit_id, all] : by_unit) {
    for (const Recognition& r : in_force_at(all, at)) {
      UpkeepRow row{r, r.unit_name};
      const auto unit = TRY(store.unit_version_at(unit_id, at));
      if (!unit) {
        row.reason = "đơn vị không còn vào ngày " + at.vi() + " (đã sắp xếp)";
        out.push_back(std::move(row));
        continue;
      }
      row.unit_name = unit->name;
      auto a = evaluate_unit(store, catalog, unit->code, EvaluateOptions{at, "", true});
      if (!a.is_ok()) {
        row.reason = a.status().message();
        out.push_back(std::move(row));
        continue;
      }
      const RecognitionRules* rules = book.in_force(at, TRY(store.province_of(unit_id)));
      row = upkeep_of(r, *a, rules ? rules->title(r.title) : book.title(r.title), rules);
      out.push_back(std::move(row));
    }
  }
  // Liable to revocation first, then at risk, unknown, keeping.
  auto rank = [](Upkeep u) {
    return u == Upkeep::kRevocable ? 0 : u == Upkeep::kAtRisk ? 1 : u == Upkeep::kUnknown ? 2 : 3;
  };
  std::stable_sort(out.begin(), out.end(), [&](const UpkeepRow& a, const UpkeepRow& b) {
    return rank(a.status) != rank(b.status) ? rank(a.status) < rank(b.status)
                                            : a.recognition.unit_code < b.recognition.unit_code;
  });
  return out;
}

Result<int64_t> acknowledge_merged(Store& store, const RecognitionBook& book, const User& user,
                                   const std::string& code, const std::string& title,
                                   const std::string& number, Date date, const std::string& note) {
  const std::string no(trim(number));
  if (no.empty()) return Status::invalid("Số văn bản thừa nhận: cần ghi");
  if (date > today_local()) return Status::invalid("Ngày thừa nhận: sau hôm nay");
  const UnitVersion unit = TRY(commune_at(store, code, date));
  TRY(require_office_for_unit(store, user, unit.unit_id, "ghi thừa nhận"));
  std::vector<Lineage> links;
  for (const Lineage& l : TRY(store.lineage_of(unit.unit_id)))
    if (l.new_unit_id == unit.unit_id) links.push_back(l);
  if (links.empty())
    return Status::invalid(unit.name + " không hình thành từ sắp xếp: đi theo trình tự công nhận");
  const Date merged_on = links.front().date;
  const RecognitionRules* rules = book.in_force(date, TRY(store.province_of(unit.unit_id)));
  if (!rules) return Status::invalid("chưa có quy định xét công nhận ngày " + date.vi());
  if (!rules->title(title))
    return Status::invalid("Danh hiệu: \"" + title + "\" không có trong quy định " + rules->id);
  if (rules->merged_acknowledgement && !*rules->merged_acknowledgement)
    return Status::invalid("Quy định " + rules->id +
                           " không cho thừa nhận xã sau sắp xếp: đi theo trình tự công nhận");
  for (const Recognition& r : in_force_at(TRY(store.recognitions(unit.unit_id)), date))
    if (r.title == title)
      return Status::invalid(unit.name + " đã được công nhận " + title + " (" +
                             decision_label(r.decision_no, r.decision_date) + ")");
  std::vector<std::string> held, lacking;
  const Date before = merged_on.add_days(-1);
  for (const Lineage& l : links) {
    const auto old = TRY(store.unit_version_at(l.old_unit_id, before));
    const std::string name = old ? old->name : std::to_string(l.old_unit_id);
    std::optional<Recognition> rec;
    for (const Recognition& r : in_force_at(TRY(store.recognitions(l.old_unit_id)), before))
      if (r.title == title) rec = r;
    if (rec)
      held.push_back(name + " (" + decision_label(rec->decision_no, rec->decision_date) + ")");
    else
      lacking.push_back(name);
  }
  if (!lacking.empty())
    return Status::invalid("Chưa thừa nhận được: " + join(lacking, ", ") + " chưa đạt " + title +
                           " ngày " + before.vi() + " — xã đi theo trình tự công nhận");
  Recognition r;
  r.unit_id = unit.unit_id;
  r.title = title;
  r.year = date.year();
  r.decision_no = no;
  r.decision_date = date;
  r.source = "acknowledged";
  r.note = "Thừa nhận sau sắp xếp ngày " + merged_on.vi() +
           "; các xã trước sắp xếp: " + join(held, "; ") +
           (trim(note).empty() ? "" : ". " + std::string(trim(note)));
  r.created_by = user.username;
  int64_t id = 0;
  TRY(store.transaction([&]() -> Status {
    id = TRY(store.insert_recognition(r));
    return store.insert_audit({0, "", user.username, "recognition.acknowledge", unit.unit_id,
                               "recognition:" + std::to_string(id), "",
                               title + " " + decision_label(no, date), r.note});
  }));
  return id;
}

}  // namespace ntm
