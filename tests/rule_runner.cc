// Runs one data-driven rule case (tests/rules/*.test) through the real `ntm`
// command line against a fresh database. Format: tests/rules/README.md.
//
//   command: <ntm arguments>          one step; --db is added by the runner
//   file <name>:                      a file the step reads (lines follow)
//   stdin:                            the step's standard input (lines follow)
//   include: <file>                   steps of a shared fixture, in place
//   expect: ok | expect: | expect error:
//                                     success; success with exactly this
//                                     stdout; failure with exactly this stderr
//   {today}, {today+N} in expected text: the day in Vietnam when the case
//                                     runs, N days later (deadlines counted
//                                     from a step recorded now)
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "base/date.h"
#include "cli/cli.h"
#include "store/test_store.h"

namespace {

struct Step {
  int line = 0;
  std::string command;
  std::vector<std::pair<std::string, std::string>> files;
  std::string input;        // standard input of the command
  std::string expect_kind;  // "ok", "out", "error"
  std::string expected;
};

std::vector<std::string> tokenize(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false, any = false;
  for (char c : s) {
    if (c == '"') {
      quoted = !quoted;
      any = true;
    } else if (c == ' ' && !quoted) {
      if (any) out.push_back(cur);
      cur.clear();
      any = false;
    } else {
      cur += c;
      any = true;
    }
  }
  if (any) out.push_back(cur);
  return out;
}

std::string expand_today(std::string s) {
  for (size_t at; (at = s.find("{today")) != std::string::npos;) {
    const size_t end = s.find('}', at);
    if (end == std::string::npos) break;
    const std::string offset = s.substr(at + 6, end - at - 6);  // "", "+20"
    const int n = offset.empty() ? 0 : std::stoi(offset);
    s.replace(at, end - at + 1, ntm::today_local().add_days(n).iso());
  }
  return s;
}

// Output as compared: CSV reports end lines with CRLF (for Excel); the
// expected text is written with LF.
std::string trim_end(std::string s) {
  for (size_t at; (at = s.find("\r\n")) != std::string::npos;) s.erase(at, 1);
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

std::vector<Step> parse(std::istream& in, const std::filesystem::path& dir) {
  std::vector<Step> steps;
  std::string line, *block = nullptr;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.rfind("include: ", 0) == 0 && !block) {
      std::ifstream inc(dir / line.substr(9));
      if (!inc)
        throw std::runtime_error("line " + std::to_string(n) + ": cannot open " + line.substr(9));
      for (Step& s : parse(inc, dir)) steps.push_back(std::move(s));
      continue;
    }
    if (line.rfind("command:", 0) == 0) {
      steps.push_back(Step{n, std::string(line.substr(8))});
      block = nullptr;
      continue;
    }
    if (!block && (line.empty() || line[0] == '#')) continue;
    if (steps.empty())
      throw std::runtime_error("line " + std::to_string(n) + ": expected command:");
    Step& s = steps.back();
    if (line == "stdin:") {
      block = &s.input;
    } else if (line.rfind("file ", 0) == 0 && line.back() == ':') {
      s.files.push_back({line.substr(5, line.size() - 6), ""});
      block = &s.files.back().second;
    } else if (line == "expect: ok") {
      s.expect_kind = "ok";
      block = nullptr;
    } else if (line == "expect:") {
      s.expect_kind = "out";
      block = &s.expected;
    } else if (line == "expect error:") {
      s.expect_kind = "error";
      block = &s.expected;
    } else if (block) {
      *block += line + "\n";
    } else {
      throw std::runtime_error("line " + std::to_string(n) + ": unexpected: " + line);
    }
  }
  return steps;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: rule_runner CASE.test\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "cannot open " << argv[1] << "\n";
    return 2;
  }
  std::vector<Step> steps;
  try {
    steps = parse(in, std::filesystem::path(argv[1]).parent_path());
  } catch (const std::exception& e) {
    std::cerr << argv[1] << ": " << e.what() << "\n";
    return 2;
  }
  char tmpl[] = "/tmp/ntm-rule-XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  std::filesystem::current_path(dir);
  // case.db, or a new PostgreSQL database when NTM_TEST_PG is set.
  auto db = ntm::test_database_or("case.db");
  if (!db.is_ok()) {
    std::cerr << db.status().message() << "\n";
    return 2;
  }
  int failures = 0;
  for (const Step& s : steps) {
    for (const auto& [name, text] : s.files) std::ofstream(name, std::ios::binary) << text;
    std::vector<std::string> args = tokenize(s.command);
    args.push_back("--db");
    args.push_back(*db);
    std::ostringstream out, err;
    std::istringstream input(s.input);
    std::streambuf* saved = std::cin.rdbuf(input.rdbuf());
    const int rc = ntm::run_cli(args, out, err);
    std::cin.rdbuf(saved);
    std::string problem;
    if (s.expect_kind == "error") {
      if (rc == 0)
        problem = "expected failure, command succeeded";
      else if (trim_end(err.str()) != trim_end(expand_today(s.expected)))
        problem = "stderr differs";
    } else {
      if (rc != 0)
        problem = "command failed: " + err.str();
      else if (s.expect_kind == "out" && trim_end(out.str()) != trim_end(expand_today(s.expected)))
        problem = "stdout differs";
    }
    if (problem.empty()) continue;
    ++failures;
    std::cerr << argv[1] << ":" << s.line << ": " << s.command << "\n  " << problem << "\n";
    if (problem.find("differs") != std::string::npos) {
      std::cerr << "--- expected\n"
                << trim_end(expand_today(s.expected)) << "\n--- actual\n"
                << trim_end(s.expect_kind == "error" ? err.str() : out.str()) << "\n";
    }
  }
  std::filesystem::current_path("/");
  std::filesystem::remove_all(dir);
  std::cout << steps.size() - failures << " passed, " << failures << " failed\n";
  return failures ? 1 : 0;
}
