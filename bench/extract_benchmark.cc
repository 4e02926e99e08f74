// Extraction throughput on a generated corpus, in MB/s of article text.
//
//   bazel run -c opt //bench:extract_benchmark
//
// BM_FiguresAndDates runs the figure and date extractors (with the
// segmentation and entity index they rely on); BM_AllClaims adds quotes.
// BM_MakeDocument times only the document preparation they share:
// segmentation into paragraphs and sentences and tokenization into words.
// The two stages of `crosscheck extract` around extraction: BM_Ingest
// reads an article from its plain text (UTF-8 repair, furniture and
// metadata) and BM_EncodeDelimited writes the ClaimSet records of
// `--format=delimited` for claims already extracted.
// One core: articles are extracted one after another.
//
// Google Benchmark's bytes_per_second is printed in units of 2^20 bytes
// (MiB/s); the counter "MB" is the same rate in millions of bytes
// (MB/s, "MB=42.4/s").

#include <vector>

#include "bench/corpus_generator.h"
#include "benchmark/benchmark.h"
#include "src/cli/delimited.h"
#include "src/extract/document.h"
#include "src/extract/extract.h"
#include "src/ingest/ingest.h"

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

// Reports `bytes` of text per iteration as bytes_per_second (MiB/s) and
// as "MB", millions of bytes per second.
void SetThroughput(benchmark::State& state, size_t bytes) {
  const double total = static_cast<double>(state.iterations()) *
                       static_cast<double>(bytes);
  state.SetBytesProcessed(static_cast<int64_t>(total));
  state.counters["MB"] = benchmark::Counter(total / 1e6,
                                            benchmark::Counter::kIsRate);
}

void Run(benchmark::State& state, const extract::ExtractOptions& options) {
  const auto& corpus = Corpus();
  size_t bytes = 0;
  for (const auto& article : corpus) bytes += article.text().size();
  // One untimed pass first: the lexicons load on first use and the
  // per-thread word memos fill, as in any process that extracts more than
  // a few articles.
  for (const auto& article : corpus) {
    benchmark::DoNotOptimize(extract::ExtractClaims(article, options));
  }
  size_t claims = 0;
  for (auto _ : state) {
    for (const auto& article : corpus) {
      const extract::ArticleClaims found =
          extract::ExtractClaims(article, options);
      claims += found.claims.size();
      benchmark::DoNotOptimize(found);
    }
  }
  SetThroughput(state, bytes);
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

void BM_MakeDocument(benchmark::State& state) {
  const auto& corpus = Corpus();
  size_t bytes = 0;
  for (const auto& article : corpus) bytes += article.text().size();
  size_t words = 0;
  for (auto _ : state) {
    for (const auto& article : corpus) {
      const extract::Document doc = extract::MakeDocument(article);
      for (const auto& sentence : doc.sentence_words) words += sentence.size();
      benchmark::DoNotOptimize(doc);
    }
  }
  SetThroughput(state, bytes);
  state.counters["words/iter"] =
      benchmark::Counter(static_cast<double>(words) / state.iterations());
}
BENCHMARK(BM_MakeDocument)->Unit(benchmark::kMillisecond);

size_t TextBytes() {
  size_t bytes = 0;
  for (const auto& article : Corpus()) bytes += article.text().size();
  return bytes;
}

void BM_Ingest(benchmark::State& state) {
  const auto& corpus = Corpus();
  std::vector<crosscheck::v1::Note> notes;
  for (auto _ : state) {
    for (const auto& article : corpus) {
      notes.clear();
      benchmark::DoNotOptimize(
          ingest::ArticleFromText(article.text(), article.id(), article.id(),
                                  ingest::IngestOptions(), &notes));
    }
  }
  SetThroughput(state, TextBytes());
}
BENCHMARK(BM_Ingest)->Unit(benchmark::kMillisecond);

void BM_EncodeDelimited(benchmark::State& state) {
  std::vector<crosscheck::v1::ClaimSet> sets;
  for (const auto& article : Corpus()) {
    crosscheck::v1::ClaimSet& set = sets.emplace_back();
    for (auto& claim :
         extract::ExtractClaims(article, extract::ExtractOptions()).claims) {
      *set.add_claims() = std::move(claim);
    }
    *set.add_articles() = article;
    set.mutable_run()->set_command("extract");
  }
  std::string out;
  size_t out_bytes = 0;
  for (auto _ : state) {
    for (auto& set : sets) {
      out.clear();
      if (!cli::AppendDelimited(set, &out).ok()) {
        state.SkipWithError("cannot encode");
        return;
      }
      out_bytes += out.size();
    }
  }
  SetThroughput(state, TextBytes());
  state.counters["output bytes/iter"] =
      benchmark::Counter(static_cast<double>(out_bytes) / state.iterations());
}
BENCHMARK(BM_EncodeDelimited)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace crosscheck::bench

BENCHMARK_MAIN();
