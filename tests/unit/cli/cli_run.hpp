// Helpers of the CLI tests: a private work directory per test program and running the real
// newsgraph binary (NG_BINARY) in it with captured output.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ng_test {

namespace fs = std::filesystem;

struct Run {
  int exit_code;
  std::string out;
  std::string err;
};

// A fresh directory for this process, created on first use.
inline fs::path workdir() {
  static fs::path dir = [] {
    auto d = fs::temp_directory_path() / ("ng_cli_test_" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Writes `text` to `name` in the work directory; returns its path.
inline std::string write(const std::string& name, const std::string& text) {
  std::ofstream(workdir() / name, std::ios::binary) << text;
  return (workdir() / name).string();
}

// Runs `newsgraph args` (already shell-quoted) in the work directory; `prefix` runs before it in
// the same shell (e.g. ulimit).
inline Run run(const std::string& args, const std::string& prefix = "") {
  auto out = workdir() / "stdout.txt", err = workdir() / "stderr.txt";
  std::string cmd = "cd '" + workdir().string() + "' && " + prefix + "'" + NG_BINARY + "' " + args +
                    " >'" + out.string() + "' 2>'" + err.string() + "'";
  int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

}  // namespace ng_test
