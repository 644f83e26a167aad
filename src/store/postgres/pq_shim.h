// libpq is loaded when a PostgreSQL database is first opened (pq_shim.cc).
#pragma once

#include <string>

namespace ntm {

// "" once libpq.so.5 is loaded; else why it could not be (Vietnamese).
std::string libpq_load_error();

}  // namespace ntm
