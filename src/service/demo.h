// Builds the demo database: Hà Tĩnh's real units (2024-12-31, 2024 and 2025
// structures with the 2025 lineage), the shipped criteria sets, and synthetic
// observations 2017-2026 evaluated under the illustrative set. Everything
// synthetic is marked so (setting "demo_data" = "synthetic").
#pragma once

#include <string>

#include "base/status.h"
#include "service/evaluate.h"
#include "store/store.h"

namespace ntm {

// The password of every demo account (README lists the accounts). Demo
// databases only: `ntm demo` never runs against a real database file.
inline constexpr const char* kDemoPassword = "demo-ntm-2026";

struct DemoReport {
  int units = 0;
  int lineage = 0;
  int observations = 0;
};

// `data_dir` holds units/, criteria/ and demo/ as shipped in the repository.
Result<DemoReport> build_demo(Store& store, const std::string& data_dir);

// The whole country (`ntm demo --national`): every province of the 2024
// structure (63, until 30/06/2025) and of 2025 (34) with the 2025 lineage,
// the regions, the shipped and illustrative sets, synthetic observations for
// every commune (year ends 2020, 2022, 2024 before the merger; end of 2025
// and mid-2026 after), and the accounts of the national demo: the central
// office, the offices and health departments of Hà Tĩnh and Nghệ An.
// `scale` in (0, 1] keeps that share of each province's communes (tests).
Result<DemoReport> build_national_demo(Store& store, const std::string& data_dir,
                                       double scale = 1.0);
// The shipped and illustrative criteria sets, the shipped recognition rules
// and the demo settings
// (default series: the illustrative one; "demo_data" = "synthetic").
Status import_demo_sets(Store& store, const std::string& data_dir);

// Plans, sponsors, work items and meetings of the demo (synthetic, labelled).
// Needs the units, sets, observations and the office account of build_demo.
Status build_demo_coordination(Store& store, const Catalog& catalog);
// Recognitions before the system (synthetic, labelled): each commune whose
// verified data first met the title at a year end 2019-2024 recognised early
// the next year.
Status build_demo_recognitions(Store& store, const Catalog& catalog);
// The portal's demo articles (after the coordination demo: they link its meetings).
Status build_demo_articles(Store& store);

// The data directory compiled in (the source tree's data/), overridable by
// the NTM_DATA_DIR environment variable.
std::string default_data_dir();

}  // namespace ntm
