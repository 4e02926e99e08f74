// Writes a generated news-like corpus (see corpus_generator.h) for
// benchmarks: JSONL of crosscheck.v1.Article, or one plain-text file per
// article in a directory.
//
//   bazel run -c opt //bench:generate_corpus -- --mb=20 --seed=1 --out=corpus.jsonl

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "bench/corpus_generator.h"
#include "google/protobuf/util/json_util.h"

ABSL_FLAG(double, mb, 1.0, "size of the corpus text in MB (10^6 bytes)");
ABSL_FLAG(uint64_t, seed, 1, "seed: the same seed gives the same corpus");
ABSL_FLAG(std::string, out, "",
          "output: a .jsonl file, or a directory for .txt files; stdout "
          "(JSONL) when empty");

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  if (const char* dir = std::getenv("BUILD_WORKING_DIRECTORY")) {
    if (::chdir(dir) != 0) return 2;
  }
  crosscheck::bench::CorpusOptions options;
  options.seed = absl::GetFlag(FLAGS_seed);
  options.target_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_mb) * 1e6);
  const auto corpus = crosscheck::bench::GenerateCorpus(options);
  const std::string out = absl::GetFlag(FLAGS_out);
  const bool jsonl = out.empty() || out.size() > 6 &&
                                        out.substr(out.size() - 6) == ".jsonl";
  if (jsonl) {
    std::ofstream file;
    if (!out.empty()) file.open(out, std::ios::binary | std::ios::trunc);
    std::ostream& stream = out.empty() ? std::cout : file;
    if (!stream) {
      std::cerr << "generate_corpus: error: cannot write " << out << "\n";
      return 2;
    }
    for (const auto& article : corpus) {
      std::string line;
      if (!google::protobuf::util::MessageToJsonString(article, &line).ok()) {
        std::cerr << "generate_corpus: error: cannot encode " << article.id()
                  << "\n";
        return 2;
      }
      stream << line << "\n";
    }
    return stream.good() ? 0 : 2;
  }
  for (const auto& article : corpus) {
    const std::string path = absl::StrCat(out, "/", article.id(), ".txt");
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << crosscheck::bench::ToPlainText(article);
    if (!file) {
      std::cerr << "generate_corpus: error: cannot write " << path
                << " (does the directory exist?)\n";
      return 2;
    }
  }
  return 0;
}
