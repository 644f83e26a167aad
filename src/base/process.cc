#include "base/process.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ntm {

Status run_program(const std::vector<std::string>& argv) {
  if (argv.empty()) return Status::invalid("no program");
  int err[2];
  if (::pipe(err) != 0) return Status::io(std::string("pipe: ") + std::strerror(errno));
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(err[0]), ::close(err[1]);
    return Status::io(std::string("fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    ::dup2(err[1], 2);
    ::close(err[0]), ::close(err[1]);
    ::execvp(args[0], args.data());
    const std::string m = "không chạy được " + argv[0] + ": " + std::strerror(errno) + "\n";
    (void)!::write(2, m.data(), m.size());
    ::_exit(127);
  }
  ::close(err[1]);
  std::string text;
  char buf[4096];
  for (ssize_t n; (n = ::read(err[0], buf, sizeof buf)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    text.append(buf, static_cast<size_t>(n));
    if (text.size() > 64 * 1024) text.erase(0, text.size() - 4096);  // keep the end
  }
  ::close(err[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return Status::ok();
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  if (text.size() > 1000) text = "…" + text.substr(text.size() - 1000);
  return Status::io(argv[0] + " thất bại" +
                    (WIFEXITED(status) ? " (mã " + std::to_string(WEXITSTATUS(status)) + ")" : "") +
                    (text.empty() ? "" : ": " + text));
}

}  // namespace ntm
