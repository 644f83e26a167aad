#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/cli.h"
#include "store/store.h"

int main(int argc, char** argv) {
  // A database upgrade that takes a while (the observation table's
  // conversion) says how far it is, on a terminal.
  if (isatty(STDERR_FILENO)) {
    const auto start = std::chrono::steady_clock::now();
    ntm::Store::set_progress([start](const std::string& step, int64_t done, int64_t total) {
      const double s =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (step == "observation")
        std::fprintf(stderr, "\rNâng cấp cơ sở dữ liệu: bảng số liệu %lld/%lld đơn vị, %.0f s   %s",
                     static_cast<long long>(done), static_cast<long long>(total), s,
                     done == total ? "\n" : "");
      else if (done < total)
        std::fprintf(stderr, "Thu gọn tệp cơ sở dữ liệu (VACUUM)…\n");
      else if (step != "vacuum")  // "vacuum failed: …": the file keeps its free pages
        std::fprintf(stderr,
                     "Chưa thu gọn được tệp (%s); chạy lại khi đủ chỗ trống: sqlite3 FILE VACUUM\n",
                     step.c_str());
      std::fflush(stderr);
    });
  }
  return ntm::run_cli(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
