#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>

#include "store/file_output.hpp"
#include "store/rdf_io.hpp"

namespace ng::store {
namespace {

// The temporary file being written, so that a signal handler can remove it: Ctrl-C during an
// export or ingest must not leave a stray file behind (the target is untouched until rename).
std::atomic<const char*> g_temp_path{nullptr};

extern "C" void remove_temp_and_reraise(int sig) {
  if (const char* path = g_temp_path.load()) ::unlink(path);  // async-signal-safe
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// Checked on every write (a few system calls): a program or test harness that installs its own
// handlers keeps them.
void install_signal_handlers() {
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
    struct sigaction current {};
    ::sigaction(sig, nullptr, &current);
    if (current.sa_handler == SIG_DFL) std::signal(sig, remove_temp_and_reraise);
  }
}

// Registers `path` for removal on a signal while in scope.
class TempGuard {
 public:
  explicit TempGuard(const std::string& path) { g_temp_path.store(path.c_str()); }
  ~TempGuard() { g_temp_path.store(nullptr); }
};

}  // namespace

void abandon_atomic_write() {
  if (const char* path = g_temp_path.load()) ::unlink(path);
}

void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& produce) {
  std::filesystem::path target(path);
  std::filesystem::path dir = target.parent_path().empty() ? "." : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  install_signal_handlers();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    throw std::runtime_error(path + ": cannot create temporary file: " + std::strerror(errno));
  }
  TempGuard guard(tmpl);
  auto cleanup = [&] {
    ::close(fd);
    ::unlink(tmpl.c_str());
  };
  try {
    detail::FileOutput buf(fd, /*try_direct=*/true);
    std::ostream out(&buf);
    try {
      produce(out);
      out.flush();
      buf.finish();
    } catch (...) {
      // A producer that checks its stream (store::write throws "write error") fails because
      // our buffer failed: report the file and the system's reason instead.
      if (!buf.failed()) throw;
    }
    if (!out || buf.failed()) {
      throw std::runtime_error(
          path + ": write error: " + std::strerror(buf.error() ? buf.error() : errno));
    }
    if (::fsync(fd) != 0)
      throw std::runtime_error(path + ": fsync failed: " + std::strerror(errno));
  } catch (...) {
    cleanup();
    throw;
  }
  // mkstemp creates 0600; give the file the usual permissions.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  ::close(fd);
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    throw std::runtime_error(path + ": cannot rename temporary file: " + std::strerror(err));
  }
}

}  // namespace ng::store
