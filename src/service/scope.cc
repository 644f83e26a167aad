#include "service/scope.h"

namespace ntm {

Status require_office_of(const User& u, int64_t province, const std::string& what) {
  if (office_of(u, province)) return Status::ok();
  if (is_central(u))
    return Status::forbidden("văn phòng Trung ương chỉ xem, không " + what + " của tỉnh");
  if (u.role == Role::kAdmin)
    return Status::forbidden("chỉ văn phòng điều phối của tỉnh đó được " + what);
  return Status::forbidden("chỉ văn phòng điều phối được " + what);
}

Status require_office_for_unit(Store& store, const User& u, int64_t unit_id,
                               const std::string& what) {
  return require_office_of(u, TRY(store.province_of(unit_id)), what);
}

Result<UnitVersion> commune_at(Store& store, const std::string& code, Date date) {
  const auto unit = TRY(store.unit_at(code, date));
  if (!unit || unit->level != Level::kCommune)
    return Status::invalid("Xã: không có xã mã \"" + code + "\" vào ngày " + date.vi());
  return *unit;
}

Result<int64_t> province_named(Store& store, const std::string& code) {
  const Date today = today_local();
  if (!code.empty()) {
    const auto v = TRY(store.unit_at(code, today));
    if (!v || v->level != Level::kProvince)
      return Status::not_found("không có tỉnh, thành phố mã \"" + code + "\" đang hiệu lực");
    return v->unit_id;
  }
  const auto provinces = TRY(store.provinces_in_force(today));
  if (provinces.size() != 1)
    return Status::invalid("cơ sở dữ liệu có " + std::to_string(provinces.size()) +
                           " tỉnh: cần mã tỉnh (--province hoặc --unit)");
  return provinces.front();
}

int64_t province_or_zero(Store& store, int64_t unit_id) {
  auto p = store.province_of(unit_id);
  return p.is_ok() ? *p : 0;
}

Result<bool> reads_unit(Store& store, const User& u, int64_t unit_id) {
  if (is_central(u)) return true;
  return reads_province(u, TRY(store.province_of(unit_id)));
}

}  // namespace ntm
