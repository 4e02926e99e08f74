// Replays inputs through a fuzz target without libFuzzer: links with one
// target's LLVMFuzzerTestOneInput and calls it on every file named on the
// command line and every file under every directory named, in path order.
// Each input runs on a thread of its own, so that what a run leaves in
// thread-local caches does not carry over: an input behaves as when a
// fuzzer binary is given it alone. Prints each path before replaying it,
// so that the last path printed names the input that crashed; exits 1
// when it was given no input at all.
//
//   figures_fuzzer_replay_test tests/fuzz/seeds/figures_fuzzer crash-1234

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

// The files `path` names: itself, or the regular files under it.
std::vector<std::string> FilesOf(const std::string& path) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code error;
  if (!fs::is_directory(path, error)) {
    files.push_back(path);
    return files;
  }
  for (fs::recursive_directory_iterator it(
           path, fs::directory_options::follow_directory_symlink, error),
       end;
       !error && it != end; it.increment(error)) {
    if (it->is_regular_file(error)) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  size_t replayed = 0;
  for (int i = 1; i < argc; ++i) {
    for (const std::string& file : FilesOf(argv[i])) {
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        std::fprintf(stderr, "replay: cannot read '%s'\n", file.c_str());
        return 1;
      }
      const std::string bytes((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
      std::printf("replay: %s (%zu bytes)\n", file.c_str(), bytes.size());
      std::fflush(stdout);
      // In a buffer of its exact size, as libFuzzer passes it, so that a
      // sanitizer catches a read past the end.
      const std::unique_ptr<uint8_t[]> input(new uint8_t[bytes.size()]);
      std::memcpy(input.get(), bytes.data(), bytes.size());
      std::thread run(
          [&] { LLVMFuzzerTestOneInput(input.get(), bytes.size()); });
      run.join();
      ++replayed;
    }
  }
  std::printf("replay: %zu inputs replayed\n", replayed);
  if (replayed == 0) {
    std::fprintf(stderr, "replay: no input given\n");
    return 1;
  }
  return 0;
}
