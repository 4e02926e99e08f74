#include "src/cli/output.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace crosscheck::cli {
namespace {

constexpr absl::string_view kReaderGone = "the reader of the output has gone";

// The temporary file being written, for the signal handler: a fixed
// buffer, since a handler may not allocate.
char temporary_path[4096];
volatile std::sig_atomic_t has_temporary = 0;

void SetTemporary(const std::string& path) {
  has_temporary = 0;
  if (path.size() >= sizeof(temporary_path)) return;
  std::atomic_signal_fence(std::memory_order_seq_cst);
  std::memcpy(temporary_path, path.c_str(), path.size() + 1);
  // The handler sees the whole path before it sees the flag.
  std::atomic_signal_fence(std::memory_order_seq_cst);
  has_temporary = 1;
}

void RemoveTemporaryAndDie(int signal) {
  if (has_temporary) ::unlink(temporary_path);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

// The file that the symbolic link `path`, through any further links,
// names when that file does not exist; empty when it cannot be found (a
// loop, or a link that cannot be read).
std::string DanglingLinkTarget(const std::string& path) {
  std::string target = path;
  for (int depth = 0; depth < 40; ++depth) {
    struct stat info;
    if (::lstat(target.c_str(), &info) != 0) return target;
    if (!S_ISLNK(info.st_mode)) return "";
    char link[PATH_MAX];
    const ssize_t n = ::readlink(target.c_str(), link, sizeof(link));
    if (n <= 0 || static_cast<size_t>(n) >= sizeof(link)) return "";
    std::string next(link, static_cast<size_t>(n));
    const size_t slash = target.rfind('/');
    if (next[0] != '/' && slash != std::string::npos) {
      next = absl::StrCat(target.substr(0, slash + 1), next);
    }
    target = std::move(next);
  }
  return "";
}

}  // namespace

bool IsReaderGone(const absl::Status& status) {
  return absl::IsCancelled(status) && status.message() == kReaderGone;
}

void InstallSignalHandlers() {
  std::signal(SIGPIPE, SIG_IGN);
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
    // A signal ignored when the run began stays ignored: nohup ignores
    // SIGHUP, and a shell ignores SIGINT for a command run in the
    // background, so that these outlive a closed terminal or a Ctrl-C.
    struct sigaction current;
    if (::sigaction(signal, nullptr, &current) == 0 &&
        current.sa_handler == SIG_IGN) {
      continue;
    }
    std::signal(signal, RemoveTemporaryAndDie);
  }
}

Output::~Output() { RemoveTemporary(); }

void Output::RemoveTemporary() {
  if (tmp_.empty()) return;
  if (file_.is_open()) file_.close();
  std::remove(tmp_.c_str());
  // Only now: a signal until the file is gone must still remove it.
  has_temporary = 0;
  tmp_.clear();
}

absl::Status Output::Open(const std::string& path) {
  path_ = path;
  // A symbolic link to a regular file (latest.json -> reports/x.json) is
  // replaced at its target; the links of /dev and /proc (/dev/stdout) are
  // written through, in place, as the devices they are.
  std::string target = path;
  struct stat link;
  if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    char resolved[PATH_MAX];
    const bool system_link =
        absl::StartsWith(path, "/dev/") || absl::StartsWith(path, "/proc/");
    if (system_link) {
      target.clear();
    } else if (::realpath(path.c_str(), resolved) != nullptr) {
      target = resolved;
    } else {
      // A link to a file not there yet: that file is created, as any
      // other, through a temporary file beside it.
      target = DanglingLinkTarget(path);
    }
  }
  struct stat info;
  const bool special = target.empty() || (::stat(target.c_str(), &info) == 0 &&
                                          !S_ISREG(info.st_mode));
  if (special && ::stat(path.c_str(), &info) == 0 && S_ISFIFO(info.st_mode)) {
    // Opening it waits for a reader: not before the input is read, so that
    // a bad input is an error even when no one reads the FIFO.
    fifo_pending_ = true;
    return absl::OkStatus();
  }
  if (special) return OpenInPlace();
  target_ = target;
  tmp_ = absl::StrCat(target, ".tmp.", ::getpid());
  SetTemporary(tmp_);
  file_.open(tmp_, std::ios::binary | std::ios::trunc);
  if (!file_) {
    const int error = errno;
    RemoveTemporary();
    return absl::InvalidArgumentError(
        absl::StrCat("cannot write '", path, "': ", std::strerror(error),
                     " (creating a temporary file in its directory)"));
  }
  stream_ = &file_;
  return absl::OkStatus();
}

absl::Status Output::OpenInPlace() {
  fifo_pending_ = false;
  file_.open(path_, std::ios::binary);
  if (!file_) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot write '", path_, "': ", std::strerror(errno)));
  }
  stream_ = &file_;
  return absl::OkStatus();
}

absl::Status Output::Write(absl::string_view data) {
  if (fifo_pending_) {
    const absl::Status opened = OpenInPlace();
    if (!opened.ok()) return opened;
  }
  errno = 0;
  stream_->write(data.data(), static_cast<std::streamsize>(data.size()));
  if (!*stream_) return Failed();
  return absl::OkStatus();
}

absl::Status Output::Finish() {
  if (fifo_pending_) {
    const absl::Status opened = OpenInPlace();
    if (!opened.ok()) return opened;
  }
  errno = 0;
  stream_->flush();
  if (!*stream_) return Failed();
  if (tmp_.empty()) return absl::OkStatus();
  file_.close();
  if (file_.fail()) return Failed();
  // The data reaches the disk before the name does, so that a crash of
  // the machine right after the rename cannot leave an empty file.
  const int fd = ::open(tmp_.c_str(), O_RDONLY);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int error = errno;
    if (fd >= 0) ::close(fd);
    RemoveTemporary();
    return absl::DataLossError(
        absl::StrCat("cannot write '", path_,
                     "': sync to disk failed: ", std::strerror(error)));
  }
  ::close(fd);
  if (std::rename(tmp_.c_str(), target_.c_str()) != 0) {
    const int error = errno;
    RemoveTemporary();
    return absl::DataLossError(absl::StrCat(
        "cannot write '", path_, "': rename failed: ", std::strerror(error)));
  }
  has_temporary = 0;
  tmp_.clear();
  return absl::OkStatus();
}

absl::Status Output::Failed() {
  const int error = errno;
  RemoveTemporary();
  if (error == EPIPE) return absl::CancelledError(kReaderGone);
  return absl::DataLossError(absl::StrCat(
      "cannot write ", path_.empty() ? "standard output" : "'" + path_ + "'",
      error != 0 ? absl::StrCat(": ", std::strerror(error)) : ""));
}

}  // namespace crosscheck::cli
