// The `ntm` command line. main.cc only forwards to run_cli, so tests (the
// rule-case runner among them) drive exactly what users type.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace ntm {

// Runs one command (args exclude the program name). Returns the exit code:
// 0 success, 1 bad input or failed command, 2 usage error.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ntm
