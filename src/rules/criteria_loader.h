// Reads criteria-set YAML documents (format: docs/criteria-format.md).
//
// A document may define measures, a set, or both. Loading checks everything
// and fails on the first problem with a message that names the file, the line,
// the path inside the document (e.g. criteria[2].indicators[0].op) and the
// reason, in Vietnamese.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/criteria_set.h"
#include "model/measure.h"

namespace ntm {

struct CriteriaDocument {
  std::vector<Measure> measures;
  std::optional<CriteriaSet> set;
};

// Parses `text` (the contents of `file_name`). Every indicator's measure must
// be in `known_measures` or defined in the document itself.
Result<CriteriaDocument> load_criteria_document(
    const std::string& text, const std::string& file_name,
    const std::map<std::string, Measure>& known_measures);

}  // namespace ntm
