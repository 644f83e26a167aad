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

// Plans, sponsors, work items and meetings of the demo (synthetic, labelled).
// Needs the units, sets, observations and the office account of build_demo.
Status build_demo_coordination(Store& store, const Catalog& catalog);
// The portal's demo articles (after the coordination demo: they link its meetings).
Status build_demo_articles(Store& store);

// The data directory compiled in (the source tree's data/), overridable by
// the NTM_DATA_DIR environment variable.
std::string default_data_dir();

}  // namespace ntm
