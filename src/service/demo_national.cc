// `ntm demo --national`: the whole country, synthetic observations.
#include <cstdlib>
#include <sstream>

#include "base/csv.h"
#include "service/auth.h"
#include "service/demo.h"
#include "service/demo_data.h"
#include "service/importer.h"

namespace ntm {
namespace {

using demo::Rng;

constexpr const char* kAccounts[][6] = {
    // username, role, unit, department, full name
    {"trunguong", "central", "", "", "Vũ Thị Thu (minh họa)"},
    {"vanphong.hatinh", "office", "42", "", "Trần Thị Minh (minh họa)"},
    {"so.yte.hatinh", "department", "42", "SYT", "Lê Văn Hùng (minh họa)"},
    {"vanphong.nghean", "office", "40", "", "Nguyễn Văn Quang (minh họa)"},
    {"so.yte.nghean", "department", "40", "SYT", "Đặng Thị Hoa (minh họa)"},
};

// Every `1/scale`-th commune, spread over the list.
bool kept(size_t i, double scale) {
  return static_cast<long>((i + 1) * scale) != static_cast<long>(i * scale);
}

}  // namespace

Result<DemoReport> build_national_demo(Store& store, const std::string& dir, double scale) {
  if (!(scale > 0 && scale <= 1)) return Status::invalid("--scale cần trong khoảng (0; 1]");
  DemoReport report;
  const Date merger = *Date::parse("2025-07-01");
  TRY(import_units(store, "units_2024.csv", TRY(read_file(dir + "/units/units_2024.csv")),
                   *Date::parse("2016-01-01"), merger.add_days(-1)));
  TRY(import_units(store, "units_2025.csv", TRY(read_file(dir + "/units/units_2025.csv")), merger,
                   Date::max()));
  report.units = TRY(store.count_units());
  report.lineage = TRY(import_lineage(store, "merge_2025.csv",
                                      TRY(read_file(dir + "/units/merge_2025.csv")), merger))
                       .rows;
  std::string regions = "unit_code,attribute,value,valid_from\n";
  for (const Date at : {merger.add_days(-1), merger})
    for (const UnitVersion& p : TRY(store.top_level_units(at)))
      regions += p.code + ",region," + demo::region_of_province(std::atoi(p.code.c_str())) + "," +
                 (at < merger ? "2016-01-01" : "2025-07-01") + "\n";
  TRY(import_attributes(store, "regions", regions));
  TRY(import_demo_sets(store, dir));
  TRY(store.set_setting("demo_scope", "national"));

  const Catalog catalog = TRY(Catalog::load(store));
  const CriteriaSet* before = catalog.find("ntm-xa-minh-hoa-2016-2026");
  const CriteriaSet* after = catalog.find("ntm-xa-minh-hoa-2026-2030");
  if (!before || !after) return Status::internal("demo: illustrative sets missing");
  Rng rng(20250701);
  // Before the merger: year-end reports of 2020, 2022 and 2024, one import per province.
  for (const UnitVersion& p : TRY(store.top_level_units(merger.add_days(-1)))) {
    const std::string region = demo::region_of_province(std::atoi(p.code.c_str()));
    std::ostringstream csv;
    csv << "unit_code,measure,date,value,status\n";
    const auto communes =
        TRY(store.descendants_at(p.unit_id, Level::kCommune, *Date::parse("2024-12-31")));
    for (size_t i = 0; i < communes.size(); ++i) {
      if (!kept(i, scale) || !before->applies_to(communes[i])) continue;
      const demo::CommuneStory st = demo::story(before->criteria.size(), rng);
      for (int year : {2020, 2022, 2024})
        demo::write_unit(csv, communes[i].code, *before, region, st, year, year, catalog.measures(),
                         rng);
    }
    if (csv.str().find('\n') + 1 < csv.str().size())  // a small scale may keep none
      report.observations +=
          TRY(import_observations(store, "demo " + p.code, csv.str(), "demo", "verified")).written;
  }
  // After: the merged communes' end of 2025 (19 criteria) and mid-2026 (by commune group).
  for (const UnitVersion& p : TRY(store.top_level_units(merger))) {
    const std::string region = demo::region_of_province(std::atoi(p.code.c_str()));
    std::ostringstream csv, groups;
    csv << "unit_code,measure,date,value,status\n";
    groups << "unit_code,attribute,value,valid_from\n";
    const auto communes = TRY(store.descendants_at(p.unit_id, Level::kCommune, merger));
    for (size_t i = 0; i < communes.size(); ++i) {
      if (!kept(i, scale) || !after->applies_to(communes[i])) continue;
      const double g = rng.uniform();
      const std::string group = g < 0.15 ? "1" : g < 0.85 ? "2" : "3";
      groups << communes[i].code << ",commune_group," << group << ",2026-02-15\n";
      demo::CommuneStory st = demo::story(before->criteria.size(), rng);
      for (int& y : st.met_year) y += 3;
      demo::write_unit(csv, communes[i].code, *before, region, st, 2025, 2025, catalog.measures(),
                       rng);
      st = demo::story(after->criteria.size(), rng);
      for (int& y : st.met_year) y += 6;
      demo::write_unit(csv, communes[i].code, *after, group, st, 2026, 2026, catalog.measures(),
                       rng);
    }
    if (csv.str().find('\n') + 1 >= csv.str().size()) continue;  // a small scale may keep none
    TRY(import_attributes(store, "demo groups " + p.code, groups.str()));
    report.observations +=
        TRY(import_observations(store, "demo " + p.code, csv.str(), "demo", "verified")).written;
  }
  for (const auto& a : kAccounts)
    TRY(add_user(store, {a[0], a[1], a[2], a[3], kDemoPassword, "", a[4]}, "demo"));
  return report;
}

}  // namespace ntm
