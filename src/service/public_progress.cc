#include "service/public_progress.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "service/scope.h"

namespace ntm {
namespace {

Status require_office(const User& user) {
  return require_office_of(user, user.province_id, "công bố số liệu tiến độ");
}

std::string progress_setting(int64_t province) {
  return "public_progress:" + std::to_string(province);
}

}  // namespace

PublicProgress public_progress(const Overview& ov) {
  PublicProgress p;
  p.unit_code = ov.unit.code;
  p.unit_name = ov.unit.name;
  p.set_id = ov.set ? ov.set->id : "";
  p.as_of = ov.opts.at;
  p.units = ov.summary.units;
  p.title_met = ov.summary.title_met;
  p.average = ov.summary.average_criteria_met;
  p.bands = ov.summary.bands;
  for (const Assessment& a : ov.units) {
    p.rows.push_back({a.unit.code, a.unit.name, a.criteria_met, static_cast<int>(a.criteria.size()),
                      !a.titles.empty() && a.titles[0].status == Outcome::kMet,
                      ov.set ? std::max(0, ov.set->band_of(a.criteria_met)) : 0});
  }
  return p;
}

std::string progress_payload(const PublicProgress& p) {
  nlohmann::json j = {{"unit_name", p.unit_name},
                      {"units", p.units},
                      {"title_met", p.title_met},
                      {"average", p.average}};
  j["bands"] = nlohmann::json::array();
  for (const BandCount& b : p.bands) j["bands"].push_back({{"label", b.label}, {"units", b.units}});
  j["rows"] = nlohmann::json::array();
  for (const PublicRow& r : p.rows) {
    j["rows"].push_back({{"code", r.code},
                         {"name", r.name},
                         {"met", r.criteria_met},
                         {"total", r.criteria_total},
                         {"title", r.title_met},
                         {"band", r.band}});
  }
  return j.dump();
}

Result<PublicProgress> parse_progress_payload(const PublicSnapshot& s) {
  const auto j = nlohmann::json::parse(s.payload, nullptr, false);
  const auto at = Date::parse(s.as_of);
  if (j.is_discarded() || !at.is_ok()) {
    return Status::internal("bản chốt số liệu số " + std::to_string(s.id) + " hỏng");
  }
  PublicProgress p;
  p.unit_code = s.unit_code;
  p.set_id = s.set_id;
  p.as_of = *at;
  p.snapshot_id = s.id;
  p.taken_at = s.taken_at;
  p.unit_name = j.value("unit_name", "");
  p.units = j.value("units", 0);
  p.title_met = j.value("title_met", 0);
  p.average = j.value("average", 0.0);
  for (const auto& b : j.value("bands", nlohmann::json::array()))
    p.bands.push_back({b.value("label", ""), b.value("units", 0)});
  for (const auto& r : j.value("rows", nlohmann::json::array())) {
    p.rows.push_back({r.value("code", ""), r.value("name", ""), r.value("met", 0),
                      r.value("total", 0), r.value("title", false), r.value("band", 0)});
  }
  return p;
}

Result<std::optional<PublicSnapshot>> published_snapshot(Store& store, int64_t province) {
  const auto mode = TRY(store.setting(progress_setting(province)));
  if (!mode || *mode == "live") return std::optional<PublicSnapshot>();
  const auto id = parse_id(*mode);
  if (!id) return std::optional<PublicSnapshot>();
  return store.snapshot(*id);
}

Result<int64_t> publish_snapshot(Store& store, const User& user, const Overview& ov) {
  TRY(require_office_for_unit(store, user, ov.unit.unit_id, "công bố số liệu tiến độ"));
  if (!ov.opts.verified_only) return Status::invalid("chỉ công bố số liệu đã thẩm định");
  const PublicProgress p = public_progress(ov);
  int64_t id = 0;
  TRY(store.transaction([&]() -> Status {
    id = TRY(store.insert_snapshot(
        {0, p.unit_code, p.as_of.iso(), p.set_id, progress_payload(p), user.username, ""}));
    TRY(store.set_setting(progress_setting(TRY(store.province_of(ov.unit.unit_id))),
                          std::to_string(id)));
    return store.insert_audit({0, "", user.username, "progress.publish", 0,
                               "snapshot:" + std::to_string(id), "",
                               p.unit_code + " " + p.as_of.iso(), ""});
  }));
  return id;
}

Status publish_live(Store& store, const User& user) {
  TRY(require_office(user));
  return store.transaction([&]() -> Status {
    TRY(store.set_setting(progress_setting(user.province_id), "live"));
    return store.insert_audit(
        {0, "", user.username, "progress.live", 0, "public_progress", "", "live", ""});
  });
}

}  // namespace ntm
