// The scale benchmark's generator: the same options give the same articles,
// the corpus has the size asked for, each outlet covers every event once,
// and `crosscheck report` reads it as JSONL and finds outlets agreeing and
// disagreeing.

#include "bench/scale_corpus.h"

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "proto/crosscheck/v1/report.pb.h"
#include "src/cli/cli.h"

namespace crosscheck::bench {
namespace {

TEST(ScaleCorpusTest, SameOptionsGiveSameArticles) {
  ScaleCorpusOptions options;
  options.articles = 50;
  const ScaleCorpus a(options), b(options);
  options.seed = 2;
  const ScaleCorpus other(options);
  // Made in opposite orders: an article does not depend on the ones made
  // before it.
  std::vector<std::string> backwards(a.size());
  for (size_t i = a.size(); i-- > 0;) {
    backwards[i] = a.Article(i).SerializeAsString();
  }
  int differ = 0;
  for (size_t i = 0; i < b.size(); ++i) {
    EXPECT_EQ(b.Article(i).SerializeAsString(), backwards[i]);
    differ += b.Article(i).text() != other.Article(i).text();
  }
  // Another seed gives other events and wordings.
  EXPECT_GT(differ, 40);
}

TEST(ScaleCorpusTest, EachOutletCoversEveryEventOnce) {
  ScaleCorpusOptions options;
  options.articles = 200;
  options.events = 20;
  const ScaleCorpus corpus(options);
  ASSERT_EQ(corpus.size(), 200u);
  std::set<std::string> ids;
  std::set<std::string> outlets;
  std::set<std::pair<std::string, std::string>> outlet_titles;
  for (size_t i = 0; i < corpus.size(); ++i) {
    const auto article = corpus.Article(i);
    ids.insert(article.id());
    outlets.insert(article.outlet());
    outlet_titles.insert({article.outlet(), article.title()});
    EXPECT_FALSE(article.text().empty());
    EXPECT_EQ(article.published().size(), 10u) << article.published();
  }
  EXPECT_EQ(ids.size(), 200u);
  EXPECT_EQ(outlets.size(), 10u);
  // Ten outlets times twenty events, no outlet twice on one event.
  EXPECT_EQ(outlet_titles.size(), 200u);
}

TEST(ScaleCorpusTest, ReportReadsTheJsonlAndFindsAgreementAndDiscrepancy) {
  ScaleCorpusOptions options;
  options.articles = 120;
  const ScaleCorpus corpus(options);
  const std::string path =
      absl::StrCat(std::getenv("TEST_TMPDIR"), "/scale.jsonl");
  {
    std::ofstream file(path, std::ios::binary);
    for (size_t i = 0; i < corpus.size(); ++i) {
      std::string line;
      ASSERT_TRUE(
          google::protobuf::util::MessageToJsonString(corpus.Article(i), &line)
              .ok());
      file << line << '\n';
    }
  }
  cli::CliOptions cli_options;
  cli_options.format = "binpb";
  std::ostringstream out, err;
  ASSERT_EQ(cli::RunCommand("report", {path}, cli_options, out, err),
            cli::kExitOk)
      << err.str();
  EXPECT_EQ(err.str(), "");
  crosscheck::v1::Report report;
  ASSERT_TRUE(report.ParseFromString(out.str()));
  EXPECT_EQ(report.articles_size(), 120);
  EXPECT_GT(report.counts().figures(), 120u);
  EXPECT_GT(report.counts().dates(), 120u);
  EXPECT_GT(report.counts().quotes(), 120u);
  EXPECT_GT(report.counts().agree(), 0u);
  EXPECT_GT(report.counts().discrepancy(), 0u);
}

}  // namespace
}  // namespace crosscheck::bench
