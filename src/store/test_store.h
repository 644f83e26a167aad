// Tests open their store here, so that the same test runs on each backend:
// SQLite in memory by default; a fresh PostgreSQL database when NTM_TEST_PG
// names a folder made by scripts/pg-test-cluster (its `url` file).
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace ntm {

// The database a test should open ("" for SQLite in memory, else a URL of a
// new, empty PostgreSQL database).
Result<std::string> test_database();
// A migrated store on test_database().
Result<std::unique_ptr<Store>> open_test_store();
// For tests that name a file: `path` on SQLite, else a new PostgreSQL database.
Result<std::string> test_database_or(const std::string& path);

}  // namespace ntm
