// Writes a generated corpus of many articles about few events (see
// scale_corpus.h) as JSONL of crosscheck.v1.Article, one article a line.
//
//   bazel run -c opt //bench:scale_corpus -- --articles=10000
//   --out=/tmp/s.jsonl

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "bench/scale_corpus.h"
#include "google/protobuf/util/json_util.h"

ABSL_FLAG(uint64_t, articles, 100, "number of articles");
ABSL_FLAG(int, events, 20, "number of events they cover");
ABSL_FLAG(uint64_t, seed, 1, "seed: the same seed gives the same corpus");
ABSL_FLAG(std::string, out, "", "output .jsonl file; stdout when empty");

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  if (const char* dir = std::getenv("BUILD_WORKING_DIRECTORY")) {
    if (::chdir(dir) != 0) return 2;
  }
  crosscheck::bench::ScaleCorpusOptions options;
  options.articles = absl::GetFlag(FLAGS_articles);
  options.events = absl::GetFlag(FLAGS_events);
  options.seed = absl::GetFlag(FLAGS_seed);
  const crosscheck::bench::ScaleCorpus corpus(options);
  const std::string out = absl::GetFlag(FLAGS_out);
  std::ofstream file;
  if (!out.empty()) file.open(out, std::ios::binary | std::ios::trunc);
  std::ostream& stream = out.empty() ? std::cout : file;
  if (!stream) {
    std::cerr << "scale_corpus: error: cannot write " << out << "\n";
    return 2;
  }
  std::string line;
  for (size_t i = 0; i < corpus.size(); ++i) {
    line.clear();
    const auto article = corpus.Article(i);
    if (!google::protobuf::util::MessageToJsonString(article, &line).ok()) {
      std::cerr << "scale_corpus: error: cannot encode " << article.id()
                << "\n";
      return 2;
    }
    stream << line << '\n';
  }
  stream.flush();
  return stream.good() ? 0 : 2;
}
