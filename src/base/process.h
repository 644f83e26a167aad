// Running another program (pg_dump, pg_restore) without a shell: the
// arguments are passed as they are, never interpreted.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace ntm {

// Runs argv[0] (found on PATH) with the arguments and waits for it. A
// non-zero exit is an error naming the program and quoting the end of what
// it wrote to standard error.
Status run_program(const std::vector<std::string>& argv);

}  // namespace ntm
