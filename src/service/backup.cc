#include "service/backup.h"

#include <filesystem>
#include <fstream>

#include "base/process.h"

namespace ntm {
namespace fs = std::filesystem;

namespace {

// Copies the regular files of `from` (not half-written *.part) into `to`;
// a file already there is kept.
Result<int64_t> copy_files(const std::string& from, const std::string& to) {
  std::error_code ec;
  if (!fs::is_directory(from, ec)) return int64_t{0};
  fs::create_directories(to, ec);
  if (ec) return Status::io("không tạo được thư mục " + to + ": " + ec.message());
  int64_t n = 0;
  for (const auto& e : fs::directory_iterator(from, ec)) {
    if (!e.is_regular_file() || e.path().extension() == ".part") continue;
    const fs::path target = fs::path(to) / e.path().filename();
    if (fs::exists(target)) continue;
    fs::copy_file(e.path(), target, ec);
    if (ec) return Status::io("không chép được " + e.path().string() + ": " + ec.message());
    ++n;
  }
  if (ec) return Status::io("không đọc được thư mục " + from + ": " + ec.message());
  return n;
}

std::string magic(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(16, '\0');
  in.read(head.data(), 16);
  return head.substr(0, static_cast<size_t>(in.gcount()));
}

}  // namespace

Result<BackupSummary> backup_database(Store& store, const std::string& db,
                                      const std::string& evidence_dir, const std::string& to) {
  std::error_code ec;
  if (fs::exists(to, ec) || fs::exists(to + ".evidence", ec))
    return Status::conflict("Đã có " + to + ": chọn một tên tệp mới cho bản sao lưu");
  const std::string part = to + ".part", files_part = to + ".evidence.part";
  fs::remove_all(part, ec), fs::remove_all(files_part, ec);
  BackupSummary sum;
  sum.backend = store.backend();
  Status s = sum.backend == "postgres" ? run_program({"pg_dump", "--format=custom", "--no-owner",
                                                      "--file=" + part, "--dbname=" + db})
                                       : store.backup_into(part);
  Result<int64_t> files = int64_t{0};
  if (s.is_ok()) files = copy_files(evidence_dir, files_part);
  if (s.is_ok() && !files.is_ok()) s = files.status();
  if (s.is_ok()) {
    fs::rename(part, to, ec);
    if (!ec && fs::exists(files_part)) fs::rename(files_part, to + ".evidence", ec);
    if (ec) s = Status::io("không đặt được tên " + to + ": " + ec.message());
  }
  if (!s.is_ok()) {
    fs::remove_all(part, ec), fs::remove_all(files_part, ec), fs::remove(to, ec);
    return s;
  }
  sum.database_bytes = static_cast<int64_t>(fs::file_size(to, ec));
  sum.files = *files;
  return sum;
}

Result<BackupSummary> restore_database(const std::string& from, const std::string& db,
                                       const std::string& evidence_dir) {
  std::error_code ec;
  if (!fs::is_regular_file(from, ec)) return Status::not_found("Không có tệp sao lưu " + from);
  const std::string head = magic(from);
  const bool pg_dump = head.rfind("PGDMP", 0) == 0;
  if (!pg_dump && head.rfind(std::string("SQLite format 3\0", 16), 0) != 0)
    return Status::invalid(from + ": không phải bản sao lưu của ntm (SQLite hoặc pg_dump -Fc)");
  BackupSummary sum;
  sum.backend = is_postgres_url(db) ? "postgres" : "sqlite";
  if (pg_dump != (sum.backend == "postgres"))
    return Status::invalid(from + ": bản sao lưu của " + (pg_dump ? "PostgreSQL" : "SQLite") +
                           " — sang loại cơ sở dữ liệu khác hãy dùng ntm copy");
  if (pg_dump) {
    {
      auto target = TRY(Store::open_unmigrated(db));
      if (!TRY(target->table_names()).empty())
        return Status::conflict(db + ": cơ sở dữ liệu đích phải trống");
    }
    TRY(run_program({"pg_restore", "--single-transaction", "--exit-on-error", "--no-owner",
                     "--no-privileges", "--dbname=" + db, from}));
  } else {
    if (fs::exists(db, ec)) return Status::conflict("Đã có " + db + ": chọn một tệp mới");
    fs::copy_file(from, db + ".part", ec);
    if (!ec) fs::rename(db + ".part", db, ec);
    if (ec) return Status::io("không chép được " + from + " sang " + db + ": " + ec.message());
  }
  TRY(Store::open(db));  // an older backup is brought up to date
  sum.database_bytes = static_cast<int64_t>(fs::file_size(from, ec));
  sum.files = TRY(copy_files(from + ".evidence", evidence_dir));
  return sum;
}

}  // namespace ntm
