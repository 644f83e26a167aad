#include "service/demo.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "base/csv.h"
#include "base/strings.h"
#include "service/auth.h"
#include "service/demo_data.h"
#include "service/evaluate.h"
#include "service/importer.h"
#include "service/recognition.h"

namespace ntm {
namespace {

using demo::CommuneStory;
using demo::Rng;
using demo::story;
using demo::write_unit;

struct Structure {
  const char* file;
  const char* from;
  const char* to;  // "" = open
};

constexpr Structure kStructures[] = {
    {"units/ha_tinh_2024-12-31.csv", "2016-01-01", "2025-02-28"},
    {"units/ha_tinh_2024.csv", "2025-03-01", "2025-06-30"},
    {"units/ha_tinh_2025.csv", "2025-07-01", ""},
};

Result<std::string> read(const std::string& dir, const std::string& name) {
  return read_file(dir + "/" + name);
}

// Demo accounts with a known password, created only in the demo database.
Status add_demo_accounts(Store& store) {
  const NewUser accounts[] = {
      {"vanphong", "admin", "", "", kDemoPassword, "", "Trần Thị Minh (minh họa)"},
      {"so.yte", "department", "", "SYT", kDemoPassword, "", "Lê Văn Hùng (minh họa)"},
      {"so.nnmt", "department", "", "SNNMT", kDemoPassword, "", "Phạm Thị Lan (minh họa)"},
      {"xa.sontay", "commune", "18172", "", kDemoPassword, "", "Nguyễn Văn An (minh họa)"},
      {"xa.locha", "commune", "18568", "", kDemoPassword, "", "Đặng Thị Hoa (minh họa)"},
      {"bcd.thanhvien", "steering", "42", "", kDemoPassword, "", "Hoàng Văn Bình (minh họa)"},
  };
  for (const NewUser& a : accounts) TRY(add_user(store, a, "demo"));
  return Status::ok();
}

}  // namespace

// The demo's recognition story: a commune ready for its dossier (Xã Lộc Hà
// after the merger) and a recognised commune that slips (Xã Thạch Trung).
constexpr const char* kReady = "18568";
constexpr const char* kSlipping = "18088";

constexpr const char* kCriteriaFiles[] = {
    "criteria/measures.yaml",
    "criteria/ntm-xa-2016-2020.yaml",
    "criteria/ntm-xa-2021-2025.yaml",
    "criteria/ntm-xa-2026-2030.yaml",
    "demo/ntm-xa-minh-hoa-2016-2026.yaml",
    "demo/ntm-xa-minh-hoa-2026-2030.yaml",
};

Status import_demo_sets(Store& store, const std::string& dir) {
  for (const char* f : kCriteriaFiles)
    TRY(import_criteria(store, f, TRY(read_file(dir + "/" + f))));
  for (const char* f :
       {"recognition/cong-nhan-xa-2021-2025.yaml", "recognition/cong-nhan-xa-2026-2030.yaml"})
    TRY(import_recognition_rules(store, f, TRY(read_file(dir + "/" + f))));
  TRY(store.set_setting("default_series", "ntm-xa-minh-hoa"));
  return store.set_setting("demo_data", "synthetic");
}

std::string default_data_dir() {
  const char* env = std::getenv("NTM_DATA_DIR");
  return env && *env ? env : NTM_DATA_DIR;
}

Result<DemoReport> build_demo(Store& store, const std::string& dir) {
  DemoReport report;
  for (const Structure& s : kStructures) {
    const std::string text = TRY(read(dir, s.file));
    const Date to = *s.to ? TRY(Date::parse(s.to)) : Date::max();
    TRY(import_units(store, s.file, text, TRY(Date::parse(s.from)), to));
  }
  report.units = TRY(store.count_units());
  const auto merge = TRY(read(dir, "units/ha_tinh_merge_2025.csv"));
  report.lineage =
      TRY(import_lineage(store, "ha_tinh_merge_2025.csv", merge, *Date::parse("2025-07-01"))).rows;
  TRY(import_attributes(store, "demo/attributes.csv", TRY(read(dir, "demo/attributes.csv"))));
  TRY(import_demo_sets(store, dir));

  const Catalog catalog = TRY(Catalog::load(store));
  const CriteriaSet* before = catalog.find("ntm-xa-minh-hoa-2016-2026");
  const CriteriaSet* after = catalog.find("ntm-xa-minh-hoa-2026-2030");
  if (!before || !after) return Status::internal("demo: illustrative sets missing");
  Rng rng(20171113);  // fixed seed: the same demo every time
  std::ostringstream csv;
  csv << "unit_code,measure,date,value,status\n";
  const auto province = TRY(store.unit_at("42", *Date::parse("2024-12-31")));
  // Communes before the merger: yearly reports 2017-2024 (the 2025 mid-year
  // report too), under the 19-criteria illustrative set.
  for (const UnitVersion& u :
       TRY(store.descendants_at(province->unit_id, Level::kCommune, *Date::parse("2024-12-31")))) {
    if (!before->applies_to(u)) continue;
    CommuneStory st = story(before->criteria.size(), rng);
    if (u.code != kSlipping) {
      write_unit(csv, u.code, *before, "BTB", st, 2017, 2024, catalog.measures(), rng);
      continue;
    }
    // One commune meets every criterion from 2018 (recognised in the demo),
    // then slips in 2024: 6 of 19 criteria, income and environment among
    // them — liable to revocation under the 2021-2025 rules (≥ 30 % with a
    // key criterion).
    std::fill(st.met_year.begin(), st.met_year.end(), 2018);
    write_unit(csv, u.code, *before, "BTB", st, 2017, 2023, catalog.measures(), rng);
    for (size_t i = 0; i < before->criteria.size(); ++i)
      for (const char* code : {"5", "8", "10", "13", "14", "17"})
        if (before->criteria[i].code == code) st.met_year[i] = 9999;
    write_unit(csv, u.code, *before, "BTB", st, 2024, 2024, catalog.measures(), rng);
  }
  // Merged communes: their own first reports at the end of 2025 (19 criteria)
  // and mid-2026 (10 criteria, by commune group, assigned here).
  std::ostringstream groups;
  groups << "unit_code,attribute,value,valid_from\n";
  for (const UnitVersion& u :
       TRY(store.descendants_at(province->unit_id, Level::kCommune, *Date::parse("2025-07-01")))) {
    if (!after->applies_to(u)) continue;
    const double g = rng.uniform();
    const std::string group = g < 0.15 ? "1" : g < 0.85 ? "2" : "3";
    groups << u.code << ",commune_group," << group << ",2026-02-15\n";
    // End of 2025, still under the 19 criteria: the larger merged communes
    // inherit their weakest constituents' gaps, so fewer meet NTM than before.
    CommuneStory st = story(before->criteria.size(), rng);
    for (int& y : st.met_year) y += 3;
    // Xã Lộc Hà meets every criterion at the end of 2025: the demo's road
    // to recognition (docs/recognition.md) starts there.
    if (u.code == kReady) std::fill(st.met_year.begin(), st.met_year.end(), 2020);
    write_unit(csv, u.code, *before, "BTB", st, 2025, 2025, catalog.measures(), rng,
               u.code != kReady);
    // Mid-2026 under the new, stricter 10 criteria.
    st = story(after->criteria.size(), rng);
    for (int& y : st.met_year) y += 6;
    write_unit(csv, u.code, *after, group, st, 2026, 2026, catalog.measures(), rng);
  }
  TRY(import_attributes(store, "demo commune groups", groups.str()));
  TRY(add_demo_accounts(store));
  const auto counts =
      TRY(import_observations(store, "demo observations", csv.str(), "demo", "verified"));
  report.observations = counts.written;
  TRY(build_demo_coordination(store, catalog));
  TRY(build_demo_recognitions(store, catalog));
  TRY(build_demo_articles(store));
  return report;
}

}  // namespace ntm
