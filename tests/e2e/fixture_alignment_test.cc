// Runs `crosscheck report` over each fixture story and scores it against
// the story's planted items (tools/align_eval/score.h): no trap is flagged
// as a discrepancy anywhere, and each story keeps the floors that
// docs/accuracy.md ("Alignment") reports it above.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "proto/crosscheck/v1/expectation.pb.h"
#include "proto/crosscheck/v1/report.pb.h"
#include "src/cli/cli.h"
#include "tools/align_eval/score.h"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

struct Floors {
  const char* story;
  // Least share of planted items found, of planted discrepancies found,
  // and of DISCREPANCY groups that are planted ones.
  double items;
  double discrepancy_recall;
  double discrepancy_precision;
};

align_eval::StoryScore Score(const std::string& story) {
  const fs::path dir = fs::path("fixtures") / story;
  std::vector<std::string> inputs;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") {
      inputs.push_back(entry.path().string());
    }
  }
  std::sort(inputs.begin(), inputs.end());
  EXPECT_GE(inputs.size(), 4u) << dir;
  cli::CliOptions options;
  options.format = "binpb";
  std::ostringstream out, err;
  EXPECT_EQ(cli::RunCommand("report", inputs, options, out, err), 0)
      << err.str();
  crosscheck::v1::Report report;
  EXPECT_TRUE(report.ParseFromString(out.str()));
  std::ifstream file(dir / "expected.textproto");
  std::stringstream text;
  text << file.rdbuf();
  crosscheck::v1::Expectation expectation;
  EXPECT_TRUE(
      google::protobuf::TextFormat::ParseFromString(text.str(), &expectation))
      << dir;
  return align_eval::ScoreStory(report, expectation);
}

class FixtureAlignmentTest : public ::testing::TestWithParam<Floors> {};

TEST_P(FixtureAlignmentTest, NoTrapIsFlaggedAndTheFloorsHold) {
  const Floors& floors = GetParam();
  const align_eval::StoryScore s = Score(floors.story);
  ASSERT_GT(s.items_planted, 0);
  ASSERT_GT(s.traps, 0);
  for (const auto& item : s.items) {
    EXPECT_TRUE(!item.trap || item.ok) << "trap flagged: " << item.name;
  }
  for (const auto& g : s.discrepancy_groups) {
    EXPECT_TRUE(g.right) << "false discrepancy: " << g.description << " ("
                         << g.why << ")";
  }
  EXPECT_GE(align_eval::Ratio(s.items_found, s.items_planted), floors.items);
  EXPECT_GE(align_eval::Ratio(s.discrepancy_found, s.discrepancy_planted),
            floors.discrepancy_recall);
  EXPECT_GE(align_eval::Ratio(s.discrepancy_flagged_right,
                              s.discrepancy_flagged),
            floors.discrepancy_precision);
  EXPECT_EQ(s.groups_right, s.groups_judged);
}

// Writes `text` to a file named `name` in the test's temporary directory
// and returns its path.
std::string WriteArticle(const std::string& name, const std::string& text) {
  const char* dir = std::getenv("TEST_TMPDIR");
  const fs::path path = fs::path(dir != nullptr ? dir : "/tmp") / name;
  std::ofstream(path) << text;
  return path.string();
}

TEST(EventWordsTest, SynonymousEventsAreOneFactAcrossOutlets) {
  // "took office" is "was sworn in", "arrived in Oslo" is "landed in Oslo":
  // the years conflict, the days agree.
  const std::string a = WriteArticle(
      "daily_one.txt",
      "outlet: Daily One\ndate 2024-06-04\n\nOslo talks\n\nPresident Ada "
      "Okafor of Valdoria, who took office in 2016, arrived in Oslo on Monday "
      "for talks with Prime Minister Jonas Berg of Norway.\n");
  const std::string b = WriteArticle(
      "wire_two.txt",
      "outlet: Wire Two\ndate 2024-06-05\n\nOkafor in Oslo\n\nAda Okafor, "
      "who was sworn in as president of Valdoria in 2017, landed in Oslo on "
      "June 3 for talks with Norway's Jonas Berg.\n");
  cli::CliOptions options;
  options.format = "binpb";
  std::ostringstream out, err;
  ASSERT_EQ(cli::RunCommand("report", {a, b}, options, out, err), 0)
      << err.str();
  crosscheck::v1::Report report;
  ASSERT_TRUE(report.ParseFromString(out.str()));
  std::vector<std::string> verdicts;
  for (const auto& g : report.alignments()) {
    verdicts.push_back(
        absl::StrCat(crosscheck::v1::Alignment::Verdict_Name(g.verdict()), " ",
                     g.subject()));
  }
  EXPECT_EQ(verdicts, (std::vector<std::string>{
                          "VERDICT_DISCREPANCY take office (Ada Okafor)",
                          "VERDICT_AGREE arrive (Ada Okafor)"}));
}

// state_visit is the story the aligner was built on: everything holds. The
// two others are measured in docs/accuracy.md; these floors keep what they
// reach today.
INSTANTIATE_TEST_SUITE_P(
    Stories, FixtureAlignmentTest,
    ::testing::Values(Floors{"state_visit", 1.0, 1.0, 1.0},
                      Floors{"drena_earthquake", 0.65, 0.75, 1.0},
                      Floors{"harbour_strike", 0.5, 0.65, 1.0}),
    [](const ::testing::TestParamInfo<Floors>& info) {
      return std::string(info.param.story);
    });

}  // namespace
}  // namespace crosscheck
