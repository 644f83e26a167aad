// A ZIP archive written in memory (libzip): names are UTF-8, each entry
// deflated. Used for the dossier export (docs/recognition.md).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/status.h"

namespace ntm {

// (path in the archive, bytes) in order; the archive's bytes.
Result<std::string> zip_archive(const std::vector<std::pair<std::string, std::string>>& entries);

// The entries of an archive (path, bytes), for tests and checks.
Result<std::vector<std::pair<std::string, std::string>>> unzip_archive(const std::string& bytes);

}  // namespace ntm
