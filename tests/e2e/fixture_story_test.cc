// Runs `crosscheck report` over the fixture story and checks every planted
// item of fixtures/state_visit/expected.textproto: agreements, compatible
// versions and discrepancies get their verdict, no trap is flagged, and
// every article has exactly the quotes listed, with their speakers.

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "proto/crosscheck/v1/expectation.pb.h"
#include "proto/crosscheck/v1/report.pb.h"
#include "src/align/names.h"
#include "src/cli/cli.h"
#include "tools/align_eval/score.h"
#include "tools/quote_eval/score.h"

namespace crosscheck {
namespace {

using crosscheck::v1::Alignment;
using crosscheck::v1::Claim;
using crosscheck::v1::Expectation;
using crosscheck::v1::ExpectedItem;
using crosscheck::v1::ExpectedMention;
using crosscheck::v1::Report;

constexpr char kDir[] = "fixtures/state_visit/";
const std::vector<std::string>& Outlets() {
  static const auto* const kOutlets = new std::vector<std::string>{
      "daily_ledger", "harbor_times", "northern_courier", "meridian_wire",
      "capital_review"};
  return *kOutlets;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

class FixtureStoryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::vector<std::string> inputs;
    for (const std::string& id : Outlets()) {
      inputs.push_back(absl::StrCat(kDir, id, ".txt"));
    }
    cli::CliOptions options;
    options.format = "binpb";
    std::ostringstream out, err;
    const int code = cli::RunCommand("report", inputs, options, out, err);
    ASSERT_EQ(code, 0) << err.str();
    report_ = new Report;
    ASSERT_TRUE(report_->ParseFromString(out.str()));
    expectation_ = new Expectation;
    ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
        ReadFile(absl::StrCat(kDir, "expected.textproto")), expectation_));
  }

  static void TearDownTestSuite() {
    delete report_;
    delete expectation_;
  }

  static const Claim* FindClaim(const ExpectedMention& m, Claim::Kind kind) {
    return align_eval::FindClaim(*report_, m, kind);
  }

  static const Alignment* GroupOf(const std::string& claim_id) {
    return align_eval::GroupOf(*report_, claim_id);
  }

  static std::string Describe(const Alignment* a) {
    if (a == nullptr) return "(no group)";
    return absl::StrCat(a->id(), " ", Alignment::Verdict_Name(a->verdict()),
                        ": ", a->summary());
  }

  static Report* report_;
  static Expectation* expectation_;
};

Report* FixtureStoryTest::report_ = nullptr;
Expectation* FixtureStoryTest::expectation_ = nullptr;

TEST_F(FixtureStoryTest, ExpectationCoversAgreementsDiscrepanciesAndTraps) {
  int agree = 0, discrepancy = 0, compatible = 0, traps = 0;
  for (const ExpectedItem& item : expectation_->items()) {
    agree += item.verdict() == Alignment::VERDICT_AGREE;
    discrepancy += item.verdict() == Alignment::VERDICT_DISCREPANCY;
    compatible += item.verdict() == Alignment::VERDICT_COMPATIBLE;
    traps += item.trap();
  }
  EXPECT_GE(agree, 3);
  EXPECT_GE(discrepancy, 3);
  EXPECT_GE(compatible, 1);
  EXPECT_GE(traps, 2);
}

TEST_F(FixtureStoryTest, EveryPlantedItemGetsItsVerdict) {
  for (const ExpectedItem& item : expectation_->items()) {
    if (item.trap()) continue;
    SCOPED_TRACE(item.name());
    std::vector<const Claim*> claims;
    for (const ExpectedMention& m : item.mentions()) {
      const Claim* c = FindClaim(m, item.kind());
      EXPECT_NE(c, nullptr)
          << "no " << Claim::Kind_Name(item.kind()) << " claim for \""
          << m.text() << "\" in " << m.article_id();
      if (c != nullptr) claims.push_back(c);
    }
    if (claims.size() != static_cast<size_t>(item.mentions_size())) continue;
    const Alignment* group = GroupOf(claims.front()->id());
    ASSERT_NE(group, nullptr);
    for (const Claim* c : claims) {
      EXPECT_EQ(GroupOf(c->id()), group)
          << c->id() << " (\"" << c->text() << "\") is in "
          << Describe(GroupOf(c->id())) << ", not with " << claims.front()->id()
          << " in " << Describe(group);
    }
    EXPECT_EQ(group->verdict(), item.verdict()) << Describe(group);
  }
}

TEST_F(FixtureStoryTest, NoTrapIsFlaggedAsADiscrepancy) {
  for (const ExpectedItem& item : expectation_->items()) {
    if (!item.trap()) continue;
    SCOPED_TRACE(item.name());
    std::vector<const Claim*> claims;
    for (const ExpectedMention& m : item.mentions()) {
      const Claim* c = FindClaim(m, item.kind());
      EXPECT_NE(c, nullptr)
          << "no claim for \"" << m.text() << "\" in " << m.article_id();
      if (c != nullptr) claims.push_back(c);
    }
    for (size_t i = 0; i < claims.size(); ++i) {
      for (size_t j = i + 1; j < claims.size(); ++j) {
        const Alignment* a = GroupOf(claims[i]->id());
        const bool flagged = a != nullptr && a == GroupOf(claims[j]->id()) &&
                             a->verdict() == Alignment::VERDICT_DISCREPANCY;
        EXPECT_FALSE(flagged)
            << claims[i]->text() << " and " << claims[j]->text()
            << " flagged together: " << Describe(a);
      }
    }
  }
}

TEST_F(FixtureStoryTest, EveryArticleHasOutletDateAndClaimsOfEachKind) {
  ASSERT_EQ(report_->articles_size(), 5);
  for (const auto& article : report_->articles()) {
    SCOPED_TRACE(article.id());
    EXPECT_FALSE(article.outlet().empty());
    EXPECT_EQ(article.published().size(), 10u);
    EXPECT_FALSE(article.title().empty());
    absl::flat_hash_map<int, int> kinds;
    for (const Claim& c : report_->claims()) {
      if (c.article_id() == article.id()) ++kinds[c.kind()];
    }
    EXPECT_GT(kinds[Claim::KIND_FIGURE], 0);
    EXPECT_GT(kinds[Claim::KIND_DATE], 0);
    EXPECT_GT(kinds[Claim::KIND_QUOTE], 0);
  }
}

TEST_F(FixtureStoryTest, EachSpeakerHasOneNameAcrossOutlets) {
  // expected.textproto gives every quote's speaker under the one name the
  // whole story uses: the report's speakers are exactly those names.
  std::set<std::string> expected;
  for (const auto& q : expectation_->quotes()) {
    if (!q.speaker().empty()) expected.insert(q.speaker());
  }
  ASSERT_GE(expected.size(), 2u);
  std::set<std::string> speakers;
  for (const Claim& c : report_->claims()) {
    if (c.kind() == Claim::KIND_QUOTE && !c.quote().speaker().empty()) {
      speakers.insert(c.quote().speaker());
    }
  }
  EXPECT_EQ(speakers, expected);
  // And no two of them may denote one person.
  for (const std::string& a : speakers) {
    for (const std::string& b : speakers) {
      if (a < b) {
        EXPECT_FALSE(align::NamesMayMatch(a, b)) << a << " / " << b;
      }
    }
  }
}

TEST_F(FixtureStoryTest, SpansPointIntoTheirArticle) {
  absl::flat_hash_map<std::string, const std::string*> texts;
  for (const auto& a : report_->articles()) texts[a.id()] = &a.text();
  for (const Claim& c : report_->claims()) {
    const std::string& text = *texts[c.article_id()];
    ASSERT_LE(c.span().end(), text.size()) << c.id();
    EXPECT_EQ(text.substr(c.span().begin(), c.span().end() - c.span().begin()),
              c.text())
        << c.id();
    EXPECT_LE(c.sentence().begin(), c.span().begin()) << c.id();
    EXPECT_GE(c.sentence().end(), c.span().end()) << c.id();
  }
}

// Every quote of every article, with its speaker and form, as
// expected.textproto lists them (matched by exact text, in text order; see
// tools/quote_eval/score.h), and no other quote.
TEST_F(FixtureStoryTest, EveryArticleHasExactlyTheExpectedQuotes) {
  ASSERT_GT(expectation_->quotes_size(), 0)
      << "expected.textproto lists no quotes: every quotation of the story "
         "must be listed with its speaker and form";
  for (const crosscheck::v1::ExpectedQuote& q : expectation_->quotes()) {
    const bool known =
        std::any_of(report_->articles().begin(), report_->articles().end(),
                    [&](const crosscheck::v1::Article& a) {
                      return a.id() == q.article_id();
                    });
    EXPECT_TRUE(known) << "quote \"" << q.text() << "\" of unknown article \""
                       << q.article_id() << "\"";
  }
  const std::vector<Claim> claims(report_->claims().begin(),
                                  report_->claims().end());
  for (const auto& article : report_->articles()) {
    SCOPED_TRACE(article.id());
    google::protobuf::RepeatedPtrField<crosscheck::v1::ExpectedQuote> expected;
    for (const crosscheck::v1::ExpectedQuote& q : expectation_->quotes()) {
      if (q.article_id() == article.id()) *expected.Add() = q;
    }
    const std::vector<const Claim*> found =
        quote_eval::QuoteClaims(claims, article.id());
    const quote_eval::CaseOutcome o = quote_eval::ScoreExact(expected, found);
    for (int i = 0; i < expected.size(); ++i) {
      const crosscheck::v1::ExpectedQuote& e = expected[i];
      if (o.match[i] < 0) {
        ADD_FAILURE() << "no quote with the text \"" << e.text() << "\"";
        continue;
      }
      const crosscheck::v1::Quote& q = found[o.match[i]]->quote();
      EXPECT_EQ(q.speaker(), e.speaker())
          << "speaker of \"" << e.text() << "\"";
      EXPECT_EQ(crosscheck::v1::Quote::Form_Name(q.form()),
                crosscheck::v1::Quote::Form_Name(e.form()))
          << "form of \"" << e.text() << "\"";
      if (!e.role().empty()) {
        EXPECT_EQ(q.role(), e.role()) << "role of \"" << e.text() << "\"";
      }
    }
    for (size_t j = 0; j < found.size(); ++j) {
      EXPECT_TRUE(o.found_matched[j])
          << "quote not listed in expected.textproto: \""
          << found[j]->quote().text() << "\" (speaker \""
          << found[j]->quote().speaker() << "\", "
          << crosscheck::v1::Quote::Form_Name(found[j]->quote().form()) << ")";
    }
  }
}

std::vector<std::string> StoryFiles() {
  std::vector<std::string> inputs;
  for (const std::string& id : Outlets()) {
    inputs.push_back(absl::StrCat(kDir, id, ".txt"));
  }
  return inputs;
}

std::string RunOrDie(const std::string& command, const std::string& format) {
  cli::CliOptions options;
  options.format = format;
  std::ostringstream out, err;
  EXPECT_EQ(cli::RunCommand(command, StoryFiles(), options, out, err), 0)
      << err.str();
  return out.str();
}

TEST(FixtureStoryFormatsTest, ReportBinpbToJsonToBinpbIsIdentical) {
  const std::string binpb = RunOrDie("report", "binpb");
  Report report;
  ASSERT_TRUE(report.ParseFromString(binpb));
  EXPECT_GT(report.alignments_size(), 0);
  std::string json;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(report, &json).ok());
  Report from_json;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(json, &from_json).ok());
  std::string again;
  {
    google::protobuf::io::StringOutputStream stream(&again);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    ASSERT_TRUE(from_json.SerializeToCodedStream(&coded));
  }
  EXPECT_EQ(again, binpb);
}

TEST(FixtureStoryFormatsTest, ExtractBinpbParsesBackWithTheSchema) {
  crosscheck::v1::ClaimSet set;
  ASSERT_TRUE(set.ParseFromString(RunOrDie("extract", "binpb")));
  EXPECT_EQ(set.articles_size(), 5);
  EXPECT_GT(set.claims_size(), 50);
  EXPECT_EQ(set.run().command(), "extract");
}

TEST(FixtureStoryFormatsTest, DelimitedStreamHoldsOneClaimSetPerArticle) {
  const std::string stream = RunOrDie("extract", "delimited");
  google::protobuf::io::ArrayInputStream input(stream.data(),
                                               static_cast<int>(stream.size()));
  std::vector<std::string> ids;
  int claims = 0;
  crosscheck::v1::ClaimSet set;
  bool clean_eof = false;
  while (google::protobuf::util::ParseDelimitedFromZeroCopyStream(&set, &input,
                                                                  &clean_eof)) {
    ASSERT_EQ(set.articles_size(), 1);
    ids.push_back(set.articles(0).id());
    for (const Claim& c : set.claims()) {
      EXPECT_EQ(c.article_id(), set.articles(0).id());
    }
    claims += set.claims_size();
    set.Clear();  // parsing merges into the message
  }
  EXPECT_TRUE(clean_eof);
  EXPECT_EQ(ids, Outlets());
  crosscheck::v1::ClaimSet whole;
  ASSERT_TRUE(whole.ParseFromString(RunOrDie("extract", "binpb")));
  EXPECT_EQ(claims, whole.claims_size());
}

TEST(FixtureStoryFormatsTest, HumanFormatsShowTheDiscrepancies) {
  const std::string text = RunOrDie("report", "text");
  EXPECT_NE(text.find("DISCREPANCY  summit (ordinal)"), std::string::npos);
  const std::string markdown = RunOrDie("report", "markdown");
  EXPECT_NE(markdown.find("## DISCREPANCY"), std::string::npos);
  Report parsed;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(
      RunOrDie("report", "textproto"), &parsed));
}

}  // namespace
}  // namespace crosscheck
