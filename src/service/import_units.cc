// Imports of the administrative structure: units, lineage, attributes.
#include <algorithm>
#include <map>
#include <set>

#include "base/csv.h"
#include "base/strings.h"
#include "service/import_errors.h"
#include "service/importer.h"

namespace ntm {
namespace {

bool is_district_type(const std::string& type) {
  return type == "Huyện" || type == "Quận" || type == "Thị xã" || type == "Thành phố thuộc tỉnh" ||
         type == "Thành phố thuộc thành phố trực thuộc trung ương";
}

// GSO files number levels within their structure (2 is a district in the
// three-level lists, a commune in the two-level ones): the type decides.
std::optional<Level> level_of(const std::string& level, const std::string& type) {
  if (auto named = parse_level(level)) return named;
  if (level == "1") return Level::kProvince;
  if (level == "2") return is_district_type(type) ? Level::kDistrict : Level::kCommune;
  if (level == "3") return Level::kCommune;
  if (level == "4") return Level::kVillage;
  return std::nullopt;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct UnitRow {
  int line;
  std::string code, name, type, parent_code;
  Level level;
};

// Adds [from, to] to the unit's history: extends a touching version with the
// same attributes, refuses a clash, otherwise adds a version.
Status place_version(Store& store, const UnitVersion& want) {
  const auto versions = TRY(store.unit_versions(want.unit_id));
  for (const UnitVersion& v : versions) {
    const bool touches =
        v.valid_to.add_days(1) >= want.valid_from && v.valid_from <= want.valid_to.add_days(1);
    const bool same = v.name == want.name && v.type == want.type && v.parent_id == want.parent_id;
    if (touches && same) {
      return store.set_unit_version_validity(v.version_id, std::min(v.valid_from, want.valid_from),
                                             std::max(v.valid_to, want.valid_to));
    }
    const bool overlaps = v.valid_to >= want.valid_from && v.valid_from <= want.valid_to;
    if (overlaps) {
      return Status::conflict("đơn vị " + want.code + " đã có thông tin khác (\"" + v.name +
                              "\") trong " + v.valid_from.iso() + " .. " + v.valid_to.iso());
    }
  }
  return store.insert_unit_version(want);
}

// No other entity may carry the same code during [from, to].
Status check_code_free(Store& store, const UnitVersion& want) {
  for (const UnitVersion& v : TRY(store.versions_with_code(want.code))) {
    if (v.unit_id == want.unit_id) continue;
    if (v.valid_to >= want.valid_from && v.valid_from <= want.valid_to) {
      return Status::conflict("mã " + want.code + " đang thuộc \"" + v.name + "\" trong " +
                              v.valid_from.iso() + " .. " + v.valid_to.iso() +
                              "; hãy đặt --valid-to cho cơ cấu cũ trước khi nhập cơ cấu mới");
    }
  }
  return Status::ok();
}

}  // namespace

Result<ImportCounts> import_units(Store& store, const std::string& file, const std::string& text,
                                  Date valid_from, Date valid_to) {
  if (valid_to < valid_from) return Status::invalid("--valid-to trước --valid-from");
  const CsvTable t =
      TRY(CsvTable::parse(text, file, {"code", "name", "type", "level", "parent_code"}));
  ImportErrors errors(file);
  std::vector<UnitRow> rows;
  std::set<std::string> codes;
  for (const CsvRow& r : t.rows()) {
    UnitRow u{r.line,
              std::string(t.get(r, "code")),
              std::string(t.get(r, "name")),
              std::string(t.get(r, "type")),
              std::string(t.get(r, "parent_code")),
              Level::kCommune};
    if (!all_digits(u.code)) errors.add(r.line, "code", "mã \"" + u.code + "\" phải gồm chữ số");
    if (!codes.insert(u.code).second) errors.add(r.line, "code", "mã " + u.code + " bị lặp");
    if (u.name.empty()) errors.add(r.line, "name", "thiếu tên");
    const auto level = level_of(std::string(t.get(r, "level")), u.type);
    if (!level)
      errors.add(r.line, "level", "cấp \"" + std::string(t.get(r, "level")) + "\" không hợp lệ");
    u.level = level.value_or(Level::kCommune);
    if (u.level == Level::kProvince && !u.parent_code.empty()) {
      errors.add(r.line, "parent_code", "tỉnh không có đơn vị cấp trên");
    }
    if (u.level != Level::kProvince && u.parent_code.empty()) {
      errors.add(r.line, "parent_code", "thiếu mã đơn vị cấp trên");
    }
    rows.push_back(std::move(u));
  }
  for (const UnitRow& u : rows) {
    if (u.parent_code.empty() || codes.count(u.parent_code)) continue;
    auto parent = store.unit_at(u.parent_code, valid_from);
    if (!parent.is_ok()) return parent.status();
    if (!parent->has_value()) {
      errors.add(u.line, "parent_code", "không có đơn vị cấp trên mã " + u.parent_code);
    }
  }
  if (!errors.empty()) return errors.status();

  std::stable_sort(rows.begin(), rows.end(),
                   [](const UnitRow& a, const UnitRow& b) { return a.level < b.level; });
  ImportCounts counts{static_cast<int>(rows.size()), 0};
  TRY(store.transaction([&]() -> Status {
    for (const UnitRow& u : rows) {
      const std::string base = strip_unit_type_prefix(u.name);
      auto existing = TRY(store.find_unit(u.code, u.level, base));
      UnitVersion want{
          .unit_id = existing ? *existing : TRY(store.insert_unit(u.code, u.level, base)),
          .code = u.code,
          .level = u.level,
          .name = u.name,
          .type = u.type,
          .valid_from = valid_from,
          .valid_to = valid_to};
      if (!u.parent_code.empty()) {
        const auto parent = TRY(store.unit_at(u.parent_code, valid_from));
        want.parent_id = parent->unit_id;
      }
      Status s = check_code_free(store, want);
      if (s.is_ok()) s = place_version(store, want);
      if (!s.is_ok())
        return Status(s.code(), file + ": dòng " + std::to_string(u.line) + ": " + s.message());
      ++counts.written;
    }
    return store.refresh_unit_provinces();
  }));
  return counts;
}

namespace {

// "0,35", "0.35" or "35%": a fraction in (0, 1].
std::optional<double> parse_share(std::string text) {
  bool percent = !text.empty() && text.back() == '%';
  if (percent) text.pop_back();
  std::replace(text.begin(), text.end(), ',', '.');
  auto v = parse_number(trim(text));
  if (!v) return std::nullopt;
  if (percent) *v /= 100;
  if (*v <= 0 || *v > 1) return std::nullopt;
  return v;
}

}  // namespace

Result<ImportCounts> import_lineage(Store& store, const std::string& file, const std::string& text,
                                    Date date) {
  const CsvTable t = TRY(CsvTable::parse(
      text, file, {"old_code", "new_code", "relation"},
      {"old_name", "old_level", "old_district_code", "old_province_code", "new_name",
       "new_province_code", "edge_in_source_b", "target_set_matches_source_b",
       "source_b_targets_if_different", "note", "share"}));
  ImportErrors errors(file);
  std::vector<Lineage> links;
  std::set<std::pair<std::string, std::string>> seen;
  for (const CsvRow& r : t.rows()) {
    const std::string old_code(t.get(r, "old_code")), new_code(t.get(r, "new_code"));
    const std::string relation(t.get(r, "relation"));
    if (relation != "full" && relation != "partial") {
      errors.add(r.line, "relation", "cần full hoặc partial, không phải \"" + relation + "\"");
    }
    if (!seen.insert({old_code, new_code}).second) {
      errors.add(r.line, "", "cặp " + old_code + " → " + new_code + " bị lặp");
    }
    const auto old_unit = TRY(store.unit_at(old_code, date.add_days(-1)));
    const auto new_unit = TRY(store.unit_at(new_code, date));
    if (!old_unit) {
      errors.add(r.line, "old_code",
                 "không có đơn vị mã " + old_code + " vào ngày " + date.add_days(-1).iso());
    }
    if (!new_unit) {
      errors.add(r.line, "new_code", "không có đơn vị mã " + new_code + " vào ngày " + date.iso());
    }
    std::optional<double> share;
    if (const std::string text(trim(t.get(r, "share"))); !text.empty()) {
      share = parse_share(text);
      if (!share) {
        errors.add(r.line, "share",
                   "tỷ lệ \"" + text + "\" phải trong khoảng (0; 1] hoặc viết dạng 35%");
      } else if (relation != "partial") {
        errors.add(r.line, "share", "chỉ ghi tỷ lệ cho quan hệ partial (xã tách một phần)");
      }
    }
    if (old_unit && new_unit)
      links.push_back({old_unit->unit_id, new_unit->unit_id, relation, date, share});
  }
  if (!errors.empty()) return errors.status();
  TRY(store.transaction([&]() -> Status {
    for (const Lineage& l : links) TRY(store.upsert_lineage(l, !t.has("share")));
    return store.refresh_unit_provinces();
  }));
  return ImportCounts{static_cast<int>(links.size()), static_cast<int>(links.size())};
}

Result<ImportCounts> import_attributes(Store& store, const std::string& file,
                                       const std::string& text, const std::string& only,
                                       int64_t province) {
  static const std::map<std::string, std::set<std::string>> kAllowed = {
      {"region", {"TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"}},
      {"commune_group", {"1", "2", "3"}},
  };
  const CsvTable t =
      TRY(CsvTable::parse(text, file, {"unit_code", "attribute", "value", "valid_from"}, {"name"}));
  ImportErrors errors(file);
  std::vector<UnitAttribute> attrs;
  std::set<std::string> seen;
  for (const CsvRow& r : t.rows()) {
    const std::string code(t.get(r, "unit_code")), attr(t.get(r, "attribute"));
    const std::string value(t.get(r, "value"));
    if (value.empty()) continue;  // a row of a template left blank: nothing to record
    const auto from = Date::parse(t.get(r, "valid_from"));
    if (!from.is_ok()) errors.add(r.line, "valid_from", from.status().message());
    const auto allowed = kAllowed.find(attr);
    if (!only.empty() && attr != only) {
      errors.add(r.line, "attribute", "chỉ nhận " + only + " ở đây");
    } else if (allowed == kAllowed.end()) {
      errors.add(r.line, "attribute",
                 "thuộc tính \"" + attr + "\" không được hỗ trợ (region, commune_group)");
    } else if (!allowed->second.count(value)) {
      errors.add(r.line, "value", "giá trị \"" + value + "\" không hợp lệ cho " + attr);
    }
    if (!from.is_ok()) continue;
    if (!seen.insert(code + "|" + attr + "|" + from->iso()).second) {
      errors.add(r.line, "", "dòng lặp cho " + code + ", " + attr + ", " + from->iso());
    }
    const auto unit = TRY(store.unit_at(code, *from));
    if (!unit) {
      errors.add(r.line, "unit_code", "không có đơn vị mã " + code + " vào ngày " + from->iso());
      continue;
    }
    if (province && TRY(store.province_of(unit->unit_id)) != province) {
      errors.add(r.line, "unit_code", unit->name + " không thuộc tỉnh của văn phòng");
      continue;
    }
    attrs.push_back({unit->unit_id, attr, value, *from});
  }
  if (!errors.empty()) return errors.status();
  TRY(store.transaction([&]() -> Status {
    for (const UnitAttribute& a : attrs) TRY(store.upsert_attribute(a));
    return Status::ok();
  }));
  return ImportCounts{static_cast<int>(t.rows().size()), static_cast<int>(attrs.size())};
}

}  // namespace ntm
