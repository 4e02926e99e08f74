// Extraction throughput on a generated corpus, in MB/s of article text.
//
//   bazel run -c opt //bench:extract_benchmark
//
// BM_FiguresAndDates runs the figure and date extractors (with the
// segmentation and entity index they rely on); BM_AllClaims adds quotes.
// One core: articles are extracted one after another.

#include <vector>

#include "bench/corpus_generator.h"
#include "benchmark/benchmark.h"
#include "src/extract/extract.h"

namespace crosscheck::bench {
namespace {

const std::vector<crosscheck::v1::Article>& Corpus() {
  static const auto* const kCorpus = [] {
    CorpusOptions options;
    options.seed = 1;
    options.target_bytes = 4 << 20;
    return new std::vector<crosscheck::v1::Article>(GenerateCorpus(options));
  }();
  return *kCorpus;
}

void Run(benchmark::State& state, const extract::ExtractOptions& options) {
  const auto& corpus = Corpus();
  size_t bytes = 0;
  for (const auto& article : corpus) bytes += article.text().size();
  size_t claims = 0;
  for (auto _ : state) {
    for (const auto& article : corpus) {
      const extract::ArticleClaims found = extract::ExtractClaims(article, options);
      claims += found.claims.size();
      benchmark::DoNotOptimize(found);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["claims/iter"] = benchmark::Counter(
      static_cast<double>(claims) / state.iterations());
}

void BM_FiguresAndDates(benchmark::State& state) {
  extract::ExtractOptions options;
  options.quotes = false;
  Run(state, options);
}
BENCHMARK(BM_FiguresAndDates)->Unit(benchmark::kMillisecond);

void BM_AllClaims(benchmark::State& state) {
  Run(state, extract::ExtractOptions());
}
BENCHMARK(BM_AllClaims)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace crosscheck::bench

BENCHMARK_MAIN();
