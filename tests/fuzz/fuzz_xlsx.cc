// The XLSX reader: any bytes (a zip or not) read or fail with a message,
// within the sheet limits; the OOXML escape round-trips.
#include <cstdlib>
#include <string>

#include "base/xlsx.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  auto csv = ntm::table_text(bytes, "f.xlsx");
  if (csv.is_ok() && bytes.rfind("PK\x03\x04", 0) == 0 && csv->size() > (64u << 20) + 1024)
    std::abort();
  if (ntm::decode_xstring(ntm::escape_xstring(bytes)) != bytes) std::abort();
  (void)ntm::decode_xstring(bytes);
  return 0;
}
