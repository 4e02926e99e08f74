// A generator of many articles about few events, for the scale benchmark
// of `crosscheck report` (bench/scale.sh): about 20 news events (state
// visits, summits, earthquakes, elections, strikes), each covered by many
// outlets. Every article of an event states a share of the event's facts —
// counts of things, sums of money, percentages, ordinals, dates, quotes with
// their speakers — in one of several wordings, among sentences without
// claims. Outlets mostly agree; about one stated fact in ten differs (another
// count, another day or year, a quote given to another speaker).
//
//   ScaleCorpusOptions options;
//   options.articles = 10000;
//   ScaleCorpus corpus(options);
//   for (size_t i = 0; i < corpus.size(); ++i) Write(corpus.Article(i));
//
// Article i is about event i % events and comes from outlet i / events, so
// each outlet covers every event once (about articles / events outlets).
// Articles are made one at a time (a corpus of any size streams in constant
// memory) and depend only on the options and the index: the same options
// give the same bytes on every platform (64-bit SplitMix arithmetic, no
// <random> distributions).

#ifndef BENCH_SCALE_CORPUS_H_
#define BENCH_SCALE_CORPUS_H_

#include <cstddef>
#include <cstdint>
#include <memory>

#include "proto/crosscheck/v1/article.pb.h"

namespace crosscheck::bench {

// What to generate.
struct ScaleCorpusOptions {
  // Number of articles.
  size_t articles = 100;
  // Number of events they cover (at least 1).
  int events = 20;
  // The same seed gives the same events and articles.
  uint64_t seed = 1;
};

// The events of a corpus (built once) and its articles (made on demand).
class ScaleCorpus {
 public:
  explicit ScaleCorpus(const ScaleCorpusOptions& options);
  ~ScaleCorpus();

  // Number of articles.
  size_t size() const { return options_.articles; }

  // Article `index` (< size()): id "scale-<index, 6 digits>", an outlet, a
  // publication date within two days after the event, a title and a text of
  // about 1.5 KB in paragraphs.
  crosscheck::v1::Article Article(size_t index) const;

 private:
  struct Events;
  ScaleCorpusOptions options_;
  std::unique_ptr<const Events> events_;
};

}  // namespace crosscheck::bench

#endif  // BENCH_SCALE_CORPUS_H_
