// Criteria-set YAML: any text loads or fails with a located message.
#include <string>

#include "rules/criteria_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::map<std::string, ntm::Measure> known = {
      {"bhyt", ntm::Measure{.id = "bhyt", .name_vi = "BHYT"}}};
  (void)ntm::load_criteria_document(text, "f.yaml", known);
  return 0;
}
