// Backups that restore (ntm backup / ntm restore), for both backends.
//
// A backup is one file plus a folder beside it, FILE.evidence/, holding the
// evidence files. SQLite: FILE is a compact copy of the database taken in
// one read transaction (VACUUM INTO) while the server keeps writing.
// PostgreSQL: FILE is pg_dump's custom format (one snapshot). The evidence
// files are copied after the database: every file a backed-up row names was
// written before its row committed, so it is there (files added meanwhile
// come along unused).
#pragma once

#include <cstdint>
#include <string>

#include "store/store.h"

namespace ntm {

struct BackupSummary {
  std::string backend;  // "sqlite", "postgres"
  int64_t database_bytes = 0;
  int64_t files = 0;  // evidence files copied
};

// Backs up the database `db` (open as `store`) and the evidence folder to
// `to`, which must not exist. Nothing is left at `to` on failure.
Result<BackupSummary> backup_database(Store& store, const std::string& db,
                                      const std::string& evidence_dir, const std::string& to);

// Restores a backup into `db`: a new SQLite file, or an empty PostgreSQL
// database (all in one transaction). The backup of an older version is
// migrated. Evidence files go to `evidence_dir`. Moving between backends
// is ntm copy's work.
Result<BackupSummary> restore_database(const std::string& from, const std::string& db,
                                       const std::string& evidence_dir);

}  // namespace ntm
