// Evidence files (PDF, JPEG, PNG) attached to values: type checked by the
// content, not the name; size limited; stored outside the web root under a
// random name; read only by those allowed.
#pragma once

#include <string>
#include <string_view>

#include "model/user.h"
#include "service/evaluate.h"
#include "service/workflow.h"

namespace ntm {

inline constexpr size_t kMaxEvidenceBytes = 5 * 1024 * 1024;

// "application/pdf", "image/jpeg" or "image/png" from the first bytes.
Result<std::string> sniff_evidence_type(std::string_view data);

struct StoredFile {
  std::string file_name;  // random, in the directory
  std::string original_name;
  std::string content_type;
  int64_t size = 0;
};
// Checks a file (size, type by its content) and writes it under a random
// name in `dir` (created 0700; the file 0600), atomically.
Result<StoredFile> store_upload(const std::string& dir, const std::string& original_name,
                                std::string_view data);

// Checks and stores a file for (unit, measure, date) in `dir`, records it and
// an audit entry. The user must be allowed to enter data for the unit.
Result<Evidence> add_evidence(Store& store, const std::string& dir, const User& user,
                              const UnitVersion& unit, const std::string& measure, Date date,
                              const std::string& original_name, std::string_view data);

// Why a file attached to field `measure` of `form` would be refused, before
// anything is stored: not a field of the form, over 5 MB, or not a PDF,
// JPEG or PNG by its content (`images_only`: JPEG or PNG); nullopt if fine.
std::optional<FieldError> evidence_file_problem(const EntryForm& form, const std::string& measure,
                                                const std::string& name, std::string_view data,
                                                bool images_only);

// Admins; the commune officer of the unit; a department officer responsible
// for the measure; a sponsor or steering member assigned to the unit.
Result<bool> may_read_evidence(Store& store, const Catalog& catalog, const User& user,
                               const Evidence& e);

std::string evidence_path(const std::string& dir, const std::string& file_name);

}  // namespace ntm
