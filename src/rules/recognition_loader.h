// Reads a recognition rules YAML document (format: docs/recognition.md).
// Loading checks everything and fails on the first problem, naming the file,
// the line, the path inside the document and the reason, in Vietnamese.
#pragma once

#include <string>

#include "base/status.h"
#include "model/recognition.h"

namespace ntm {

Result<RecognitionRules> load_recognition_rules(const std::string& text,
                                                const std::string& file_name);

}  // namespace ntm
