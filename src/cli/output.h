// Where a command's output goes: standard output, or the file --output
// names, written so that no reader ever sees half of it.
//
//   Output output(std::cout);
//   CC_RETURN_IF_ERROR(output.Open("report.json"));  // or not: stdout
//   CC_RETURN_IF_ERROR(output.Write(bytes));
//   CC_RETURN_IF_ERROR(output.Finish());
//
// A regular file is written through a temporary file beside it
// ("report.json.tmp.<pid>"), flushed to disk and renamed over the file only
// once all of it is written; until then an old file of that name stays as
// it was. A device or a pipe (/dev/null, a FIFO, /dev/stdout) is written
// in place: a rename would replace it. A symbolic link to a regular file is
// followed: its target is replaced, the link kept.

#ifndef SRC_CLI_OUTPUT_H_
#define SRC_CLI_OUTPUT_H_

#include <fstream>
#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace crosscheck::cli {

class Output {
 public:
  // Writes to `out` (standard output, or a test's stream) until Open.
  explicit Output(std::ostream& out) : stream_(&out) {}
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  // Removes the temporary file of an output not finished.
  ~Output();

  // Writes to `path` instead. Fails when it cannot be created. A FIFO is
  // opened at the first write (or at Finish), since opening it waits for
  // its reader.
  absl::Status Open(const std::string& path);

  // Appends `data`. Fails with kCancelled when the reader of a pipe has
  // gone (EPIPE: `crosscheck ... | head -1`), which is no error for the
  // user, and with kDataLoss on any other failed write.
  absl::Status Write(absl::string_view data);

  // Flushes, and for a regular file, syncs it to disk and renames the
  // temporary file into place. Fails as Write does.
  absl::Status Finish();

 private:
  absl::Status Failed();
  void RemoveTemporary();
  // Opens `path_` in place (a device or a pipe).
  absl::Status OpenInPlace();

  std::ostream* stream_;
  std::ofstream file_;
  std::string path_;    // as given
  std::string target_;  // the file renamed over: `path_`, or its link's target
  std::string tmp_;
  bool fifo_pending_ = false;  // a FIFO, not opened yet
};

// Whether `status` is Output's "the reader of the pipe has gone".
bool IsReaderGone(const absl::Status& status);

// For the crosscheck binary: ignores SIGPIPE, so that a closed pipe is a
// failed write (IsReaderGone) instead of a death by signal, and on SIGINT,
// SIGTERM and SIGHUP removes the temporary file of the Output being
// written before ending with that signal. A signal ignored when the
// program started (SIGHUP under nohup) stays ignored.
void InstallSignalHandlers();

}  // namespace crosscheck::cli

#endif  // SRC_CLI_OUTPUT_H_
