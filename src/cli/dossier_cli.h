// `ntm dossier …`: the steps of a recognition dossier from the command line,
// each recorded for a named account (--as), checked as on the web.
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>

#include "base/status.h"

namespace ntm {

struct DossierOptions {
  std::string as, unit, title = "NTM", place, date, file, document, condition, holds = "yes";
  std::string criterion, verdict, note, reason, number, signer, at, output;
  int year = 0, members = 0, present = 0, agree = 0;
  int64_t id = 0;
  CLI::App* command = nullptr;
};

// Adds `dossier` and its subcommands to `app`.
void add_dossier_commands(CLI::App& app, DossierOptions& o);
Status run_dossier(const std::string& db, const std::string& evidence_dir, const DossierOptions& o,
                   std::ostream& out);

}  // namespace ntm
