#include "store/test_store.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>

namespace ntm {

Result<std::string> test_database() {
  const char* dir = std::getenv("NTM_TEST_PG");
  if (!dir || !*dir) return std::string();
  std::ifstream in(std::string(dir) + "/url");
  std::string url;
  if (!std::getline(in, url) || !is_postgres_url(url))
    return Status::io(std::string("NTM_TEST_PG: no cluster URL in ") + dir + "/url");
  static std::atomic<int> count{0};
  const std::string name =
      "t" + std::to_string(::getpid()) + "_" + std::to_string(count.fetch_add(1));
  auto admin = TRY(open_postgres_connection(url));
  TRY(admin->exec_script("CREATE DATABASE " + name));
  return url.substr(0, url.rfind('/') + 1) + name;
}

Result<std::unique_ptr<Store>> open_test_store() {
  const std::string db = TRY(test_database());
  return db.empty() ? Store::open_sqlite(":memory:") : Store::open(db);
}

Result<std::string> test_database_or(const std::string& path) {
  const std::string db = TRY(test_database());
  return db.empty() ? path : db;
}

}  // namespace ntm
