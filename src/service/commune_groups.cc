#include "service/commune_groups.h"

#include <map>

#include "service/scope.h"

namespace ntm {
namespace {

Status office_only(const User& user) {
  return require_office_of(user, user.province_id, "phân nhóm xã");
}

}  // namespace

Result<std::vector<CommuneGroupRow>> commune_groups(Store& store, const UnitVersion& parent,
                                                    Date at) {
  std::map<int64_t, std::vector<UnitAttribute>> by_unit;
  for (UnitAttribute& a : TRY(store.attribute_rows("commune_group"))) {
    by_unit[a.unit_id].push_back(std::move(a));
  }
  std::vector<CommuneGroupRow> out;
  for (UnitVersion& u : TRY(store.descendants_at(parent.unit_id, Level::kCommune, at))) {
    CommuneGroupRow row{std::move(u), "", Date(), {}};
    if (auto it = by_unit.find(row.unit.unit_id); it != by_unit.end()) row.history = it->second;
    for (const UnitAttribute& a : row.history) {
      if (a.valid_from <= at) {
        row.group = a.value;
        row.since = a.valid_from;
      }
    }
    out.push_back(std::move(row));
  }
  return out;
}

Status assign_commune_group(Store& store, const User& user, const std::string& code,
                            const std::string& group, Date from) {
  TRY(office_only(user));
  if (group != "1" && group != "2" && group != "3") {
    return Status::invalid("Nhóm xã: chọn nhóm 1, 2 hoặc 3");
  }
  const auto unit = TRY(store.unit_at(code, from));
  if (!unit || unit->level != Level::kCommune) {
    return Status::invalid("Xã: không có xã mã " + code + " vào ngày " + from.vi());
  }
  TRY(require_office_for_unit(store, user, unit->unit_id, "phân nhóm xã"));
  const auto before = TRY(store.attribute_at(unit->unit_id, "commune_group", from));
  return store.transaction([&]() -> Status {
    TRY(store.upsert_attribute({unit->unit_id, "commune_group", group, from}));
    return store.insert_audit({0, "", user.username, "commune_group.assign", unit->unit_id,
                               "commune_group", before.value_or(""), group, "từ " + from.vi()});
  });
}

Result<ImportCounts> import_commune_groups(Store& store, const User& user, const std::string& file,
                                           const std::string& text) {
  TRY(office_only(user));
  const ImportCounts counts =
      TRY(import_attributes(store, file, text, "commune_group", user.province_id));
  TRY(store.insert_audit({0, "", user.username, "commune_group.import", 0, file, "",
                          std::to_string(counts.written) + " dòng", ""}));
  return counts;
}

}  // namespace ntm
