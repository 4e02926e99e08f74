// A generator of news-like articles for benchmarks and load tests: figures
// in digits and words, money, percentages, ordinals, absolute and relative
// dates, quotes with attributions, names with titles, datelines and page
// furniture, in varied sentences.
//
//   CorpusOptions options;
//   options.seed = 7;
//   options.target_bytes = 20 << 20;
//   std::vector<crosscheck::v1::Article> corpus = GenerateCorpus(options);
//
// The output depends only on the options: the same seed gives the same
// bytes on every platform (the generator does its own arithmetic on a
// 64-bit SplitMix sequence rather than use <random> distributions).

#ifndef BENCH_CORPUS_GENERATOR_H_
#define BENCH_CORPUS_GENERATOR_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "proto/crosscheck/v1/article.pb.h"

namespace crosscheck::bench {

// What to generate. Defaults: about 1 MB from seed 1.
struct CorpusOptions {
  uint64_t seed = 1;
  // Articles are generated until their texts add up to at least this many
  // bytes.
  size_t target_bytes = 1 << 20;
  // Paragraphs per article.
  int paragraphs = 14;
};

// Generates articles with ids "gen-<n>", an outlet, a publication date in
// 2024 and a text of `options.paragraphs` paragraphs.
std::vector<crosscheck::v1::Article> GenerateCorpus(
    const CorpusOptions& options);

// The article as a plain-text file: headline, byline, date line, body.
std::string ToPlainText(const crosscheck::v1::Article& article);

}  // namespace crosscheck::bench

#endif  // BENCH_CORPUS_GENERATOR_H_
