// Writes a criteria set (and measures it introduces) back as a YAML document
// that load_criteria_document() reads to the same set. Used by the editor:
// every version an office publishes is stored as such a document.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/criteria_set.h"
#include "model/measure.h"

namespace ntm {

// `measures` resolves each indicator's measure (yes/no thresholds are written
// as true/false); `new_measures` are written in the document's "measures".
std::string write_criteria_document(const CriteriaSet& set,
                                    const std::map<std::string, Measure>& measures,
                                    const std::vector<Measure>& new_measures = {},
                                    const std::string& comment = "");

}  // namespace ntm
