// The word diffs of quote variants on the fixture story, in every output
// format: the Report carries them (Alignment.quote_diffs) for each quote
// group whose versions differ, and the text, Markdown, HTML and diff views
// and the JSON output all show those same diffs.

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/crosscheck/v1/report.pb.h"
#include "src/align/word_diff.h"
#include "src/cli/cli.h"
#include "tests/testing/text.h"

namespace crosscheck {
namespace {

using crosscheck::v1::Alignment;
using crosscheck::v1::Claim;
using crosscheck::v1::QuoteDiff;
using crosscheck::v1::Report;
using ::testing::HasSubstr;

constexpr char kDir[] = "fixtures/state_visit/";

std::vector<std::string> Inputs() {
  std::vector<std::string> inputs;
  for (const char* id : {"capital_review", "daily_ledger", "harbor_times",
                         "meridian_wire", "northern_courier"}) {
    inputs.push_back(absl::StrCat(kDir, id, ".txt"));
  }
  return inputs;
}

// The output of `crosscheck COMMAND --format=FORMAT --color=never INPUTS`.
std::string RunCrosscheck(const std::string& command, const std::string& format,
                          const std::vector<std::string>& inputs) {
  cli::CliOptions options;
  options.format = format;
  options.color = "never";
  std::ostringstream out, err;
  EXPECT_EQ(cli::RunCommand(command, inputs, options, out, err), 0)
      << err.str();
  return out.str();
}

using ::crosscheck::testing::Occurrences;

// The words of the edits with op `op` or OP_COMMON.
std::vector<std::string> Side(const QuoteDiff& diff,
                              QuoteDiff::WordEdit::Op op) {
  std::vector<std::string> words;
  for (const auto& e : diff.edits()) {
    if (e.op() == op || e.op() == QuoteDiff::WordEdit::OP_COMMON) {
      words.push_back(e.word());
    }
  }
  return words;
}

class FixtureQuoteDiffsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    report_ = new Report;
    ASSERT_TRUE(
        report_->ParseFromString(RunCrosscheck("report", "binpb", Inputs())));
    for (const Alignment& a : report_->alignments()) {
      diffs_ += a.quote_diffs_size();
    }
  }
  static void TearDownTestSuite() { delete report_; }

  static const Claim* FindClaim(const std::string& id) {
    for (const Claim& c : report_->claims()) {
      if (c.id() == id) return &c;
    }
    return nullptr;
  }

  static Report* report_;
  static int diffs_;
};

Report* FixtureQuoteDiffsTest::report_ = nullptr;
int FixtureQuoteDiffsTest::diffs_ = 0;

TEST_F(FixtureQuoteDiffsTest, EachDifferingVersionIsDiffedAgainstTheLongest) {
  int discrepancies_with_diffs = 0;
  for (const Alignment& a : report_->alignments()) {
    // The words of each quote of the group, by claim id.
    std::map<std::string, std::vector<std::string>> words;
    size_t longest = 0;
    for (const std::string& id : a.claim_ids()) {
      const Claim* c = FindClaim(id);
      ASSERT_NE(c, nullptr) << id;
      if (c->kind() != Claim::KIND_QUOTE) continue;
      words[id] = align::QuoteWords(c->quote().text());
      longest = std::max(longest, words[id].size());
    }
    if (a.quote_diffs_size() == 0) {
      for (const auto& [id, w] : words) {
        EXPECT_EQ(w, words.begin()->second) << a.id() << " " << id;
      }
      continue;
    }
    const std::string base = a.quote_diffs(0).base_claim_id();
    ASSERT_EQ(words.count(base), 1u) << a.id() << " " << base;
    EXPECT_EQ(words[base].size(), longest) << a.id();
    std::set<std::string> diffed;
    for (const QuoteDiff& d : a.quote_diffs()) {
      ASSERT_EQ(words.count(d.claim_id()), 1u) << a.id() << " " << d.claim_id();
      EXPECT_EQ(d.base_claim_id(), base) << a.id();
      EXPECT_NE(words[d.claim_id()], words[base]) << a.id();
      EXPECT_FALSE(d.too_long());
      // The edits spell the base and this version.
      EXPECT_EQ(Side(d, QuoteDiff::WordEdit::OP_DELETED), words[base])
          << a.id();
      EXPECT_EQ(Side(d, QuoteDiff::WordEdit::OP_ADDED), words[d.claim_id()])
          << a.id();
      diffed.insert(d.claim_id());
    }
    // Every version without a diff has the base's words.
    for (const auto& [id, w] : words) {
      if (diffed.count(id) == 0) EXPECT_EQ(w, words[base]) << a.id() << id;
    }
    if (a.verdict() == Alignment::VERDICT_DISCREPANCY) {
      ++discrepancies_with_diffs;
    }
  }
  EXPECT_GT(discrepancies_with_diffs, 0);
}

TEST_F(FixtureQuoteDiffsTest, ChangedWordOfThePlantedWordingDiscrepancy) {
  // harbor_times and meridian_wire quote Solberg with "trust" and
  // "cooperation" (fixtures/state_visit/expected.textproto); the versions
  // have as many words, so the first by article id is the base.
  int found = 0;
  for (const Alignment& a : report_->alignments()) {
    for (const QuoteDiff& d : a.quote_diffs()) {
      std::vector<std::string> changes;
      for (const auto& e : d.edits()) {
        if (e.op() == QuoteDiff::WordEdit::OP_DELETED) {
          changes.push_back("-" + e.word());
        } else if (e.op() == QuoteDiff::WordEdit::OP_ADDED) {
          changes.push_back("+" + e.word());
        }
      }
      if (changes != std::vector<std::string>{"-trust", "+cooperation"}) {
        continue;
      }
      ++found;
      EXPECT_EQ(a.verdict(), Alignment::VERDICT_DISCREPANCY);
      EXPECT_EQ(FindClaim(d.base_claim_id())->article_id(), "harbor_times");
      EXPECT_EQ(FindClaim(d.claim_id())->article_id(), "meridian_wire");
    }
  }
  EXPECT_EQ(found, 1);
}

TEST_F(FixtureQuoteDiffsTest, JsonCarriesTheDiffs) {
  const std::string json = RunCrosscheck("report", "json", Inputs());
  EXPECT_THAT(json, HasSubstr("\"quoteDiffs\":["));
  EXPECT_EQ(Occurrences(json, "\"baseClaimId\""), diffs_);
  EXPECT_THAT(json,
              HasSubstr("{\"op\":\"OP_DELETED\",\"word\":\"trust\"},"
                        "{\"op\":\"OP_ADDED\",\"word\":\"cooperation\"}"));
}

TEST_F(FixtureQuoteDiffsTest, TextMarkdownAndHtmlShowEveryDiff) {
  ASSERT_GT(diffs_, 0);
  const std::string text = RunCrosscheck("report", "text", Inputs());
  EXPECT_EQ(Occurrences(text, "\n    words vs. "), diffs_);
  EXPECT_THAT(text, HasSubstr("words vs. Harbor Times's version: this visit "
                              "opens a new chapter of [-trust-] "
                              "{+cooperation+} between our two peoples\n"));
  const std::string md = RunCrosscheck("report", "markdown", Inputs());
  EXPECT_EQ(Occurrences(md, "\n  - words vs. "), diffs_);
  EXPECT_THAT(md, HasSubstr("[-trust-] {+cooperation+}"));
  const std::string html = RunCrosscheck("report", "html", Inputs());
  EXPECT_EQ(Occurrences(html, "<p class=\"diff\">"), diffs_);
  EXPECT_THAT(html, HasSubstr("Words vs. Harbor Times&#39;s version:</span> "
                              "this visit opens a new chapter of "
                              "<del>trust</del> <ins>cooperation</ins>"));
}

TEST_F(FixtureQuoteDiffsTest, DiffShowsTheWordDiffUnderTheQuoteRow) {
  const std::string diff =
      RunCrosscheck("diff", "text",
                    {absl::StrCat(kDir, "harbor_times.txt"),
                     absl::StrCat(kDir, "meridian_wire.txt")});
  const size_t row = diff.find("\n≠ “This visit opens a new chapter of trust");
  ASSERT_NE(row, std::string::npos) << diff;
  const std::string line =
      "\n    words vs. Harbor Times's version: this visit opens a new chapter "
      "of [-trust-] {+cooperation+} between our two peoples\n";
  EXPECT_EQ(diff.substr(diff.find('\n', row + 1), line.size()), line);
}

}  // namespace
}  // namespace crosscheck
