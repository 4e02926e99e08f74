// The quote attribution harness (//tools/quote_eval): the matching rules,
// the counts and ratios, the textacy speaker rule, reading the inputs, and
// one run over a small directory of each set.

#include "tools/quote_eval/quote_eval.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "proto/crosscheck/v1/expectation.pb.h"
#include "tests/testing/status_matchers.h"
#include "tools/quote_eval/score.h"

namespace crosscheck::quote_eval {
namespace {

namespace fs = std::filesystem;
using crosscheck::testing::StatusIs;
using crosscheck::v1::Claim;
using crosscheck::v1::Expectation;
using crosscheck::v1::ExpectedQuote;
using crosscheck::v1::Quote;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kTestdata[] = "tests/tools/testdata/";

// A found quote: `text` at bytes [begin, end) of its input (the marks
// included), said by `speaker`, named at [speaker_begin, speaker_end) when
// speaker_end > 0.
Claim MakeQuote(const std::string& text, const std::string& speaker,
                Quote::Form form = Quote::FORM_DIRECT, uint32_t begin = 0,
                uint32_t end = 0, uint32_t speaker_begin = 0,
                uint32_t speaker_end = 0) {
  Claim c;
  c.set_kind(Claim::KIND_QUOTE);
  c.mutable_span()->set_begin(begin);
  c.mutable_span()->set_end(end);
  c.set_text(text);
  Quote* q = c.mutable_quote();
  q->set_text(text);
  q->set_speaker(speaker);
  q->set_form(form);
  q->set_partial(form != Quote::FORM_DIRECT);
  if (speaker_end > 0) {
    q->mutable_speaker_span()->set_begin(speaker_begin);
    q->mutable_speaker_span()->set_end(speaker_end);
  }
  return c;
}

google::protobuf::RepeatedPtrField<ExpectedQuote> Expected(
    const std::string& text_format) {
  Expectation e;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text_format, &e));
  return e.quotes();
}

std::vector<const Claim*> Pointers(const std::vector<Claim>& claims) {
  std::vector<const Claim*> out;
  for (const Claim& c : claims) out.push_back(&c);
  return out;
}

// ---- Own set and fixtures: exact text, in order ---------------------------

TEST(ScoreExactTest, MatchesExactTextInOrderAndCountsAccuracy) {
  const auto expected = Expected(R"pb(
    quotes { text: "We will see," speaker: "Ilse Marten" form: FORM_DIRECT }
    quotes { text: "Not yet." speaker: "Tomas Berg" form: FORM_DIRECT }
    quotes { text: "rules-based" form: FORM_SCARE }
  )pb");
  const std::vector<Claim> found = {
      MakeQuote("We will see,", "Ilse Marten"),
      MakeQuote("Not yet.", "Ilse Marten"),             // wrong speaker
      MakeQuote("rules based", "", Quote::FORM_SCARE),  // other text
  };
  const CaseOutcome o = ScoreExact(expected, Pointers(found));
  EXPECT_THAT(o.match, ElementsAre(0, 1, -1));
  EXPECT_THAT(o.speaker_right, ElementsAre(true, false, false));
  EXPECT_THAT(o.found_matched, ElementsAre(true, true, false));
  EXPECT_EQ(o.tally.expected, 3);
  EXPECT_EQ(o.tally.found, 3);
  EXPECT_EQ(o.tally.matched, 2);
  EXPECT_EQ(o.tally.right, 1);
  // 1 right / (3 expected + 1 found matching nothing).
  EXPECT_DOUBLE_EQ(o.tally.Accuracy(), 0.25);
  EXPECT_DOUBLE_EQ(o.tally.Recall(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(o.tally.Precision(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(o.tally.SpeakerAccuracy(), 0.5);
  EXPECT_TRUE(o.Failed());
}

TEST(ScoreExactTest, RepeatedTextsMatchOneToOneInTextOrder) {
  const auto expected = Expected(R"pb(
    quotes { text: "Yes." speaker: "A" form: FORM_DIRECT }
    quotes { text: "No." speaker: "B" form: FORM_DIRECT }
    quotes { text: "Yes." speaker: "C" form: FORM_DIRECT }
  )pb");
  const std::vector<Claim> found = {
      MakeQuote("Yes.", "A"), MakeQuote("Yes.", "X"), MakeQuote("No.", "B"),
      MakeQuote("Yes.", "C")};
  const CaseOutcome o = ScoreExact(expected, Pointers(found));
  // "No." is taken at index 2, so the second "Yes." must come after it.
  EXPECT_THAT(o.match, ElementsAre(0, 2, 3));
  EXPECT_THAT(o.found_matched, ElementsAre(true, false, true, true));
  EXPECT_EQ(o.tally.right, 3);
  EXPECT_DOUBLE_EQ(o.tally.Accuracy(), 3.0 / 4);
}

TEST(ScoreExactTest, EmptySpeakerEqualsEmptyAndFormAndRoleAreCountedApart) {
  const auto expected = Expected(R"pb(
    quotes { text: "The border stays open," form: FORM_DIRECT }
    quotes {
      text: "We regret it."
      speaker: "Lena Vos"
      form: FORM_DIRECT
      role: "Finance Ministry spokeswoman"
    }
  )pb");
  std::vector<Claim> found = {
      MakeQuote("The border stays open,", "", Quote::FORM_PARTIAL),
      MakeQuote("We regret it.", "Lena Vos")};
  found[1].mutable_quote()->set_role("spokeswoman");
  const CaseOutcome o = ScoreExact(expected, Pointers(found));
  EXPECT_EQ(o.tally.right, 2);
  EXPECT_DOUBLE_EQ(o.tally.Accuracy(), 1.0);
  EXPECT_EQ(o.tally.form_scored, 2);
  EXPECT_EQ(o.tally.form_agree, 1);
  EXPECT_EQ(o.tally.role_scored, 1);
  EXPECT_EQ(o.tally.role_agree, 0);
  EXPECT_THAT(o.form_right, ElementsAre(false, true));
  EXPECT_THAT(o.role_right, ElementsAre(true, false));
  EXPECT_TRUE(o.Failed());
}

TEST(ScoreExactTest, NoQuoteExpectedOrFoundIsNoFailureAndTalliesAdd) {
  const CaseOutcome empty = ScoreExact(Expected(""), {});
  EXPECT_FALSE(empty.Failed());
  EXPECT_DOUBLE_EQ(empty.tally.Accuracy(), 0.0);
  EXPECT_EQ(empty.tally.AccuracyBase(), 0);

  const std::vector<Claim> found = {MakeQuote("Stray.", "")};
  const CaseOutcome stray = ScoreExact(Expected(""), Pointers(found));
  EXPECT_TRUE(stray.Failed());
  Tally total;
  total.Add(empty.tally);
  total.Add(stray.tally);
  EXPECT_EQ(total.cases, 2);
  EXPECT_EQ(total.found, 1);
  EXPECT_EQ(total.AccuracyBase(), 1);
  EXPECT_DOUBLE_EQ(total.Precision(), 0.0);
}

TEST(QuoteClaimsTest, KeepsQuotesOfTheArticleInOrder) {
  std::vector<Claim> claims(4);
  claims[0] = MakeQuote("a", "");
  claims[0].set_article_id("x");
  claims[1].set_kind(Claim::KIND_FIGURE);
  claims[1].set_article_id("x");
  claims[2] = MakeQuote("b", "");
  claims[2].set_article_id("y");
  claims[3] = MakeQuote("c", "");
  claims[3].set_article_id("x");
  std::vector<std::string> texts;
  for (const Claim* c : QuoteClaims(claims, "x")) texts.push_back(c->text());
  EXPECT_THAT(texts, ElementsAre("a", "c"));
  EXPECT_EQ(QuoteClaims(claims, "").size(), 3u);
}

// ---- Peer suites -----------------------------------------------------------

// Input:  Burton explained from a podium. "I love cats," he said.
//         0     6                         32            46 47 49
constexpr char kPronounInput[] =
    "Burton explained from a podium. \"I love cats,\" he said.";

PeerQuote PronounQuote() {
  PeerQuote q;
  q.text = "\"I love cats,\"";
  q.begin = 32;
  q.end = 46;
  q.normalized = "i love cats";
  q.speakers.push_back({"he", 47, 49});
  return q;
}

TEST(PeerSpeakerTest, NameTokenMustBeAWordOfTheSpeaker) {
  PeerQuote q;
  q.speakers.push_back({"Burton", 0, 6});
  EXPECT_TRUE(PeerSpeakerRight(q, MakeQuote("x", "Burton"), ""));
  EXPECT_TRUE(PeerSpeakerRight(q, MakeQuote("x", "Ann burton"), ""));
  EXPECT_FALSE(PeerSpeakerRight(q, MakeQuote("x", "Burtons"), ""));
  EXPECT_FALSE(PeerSpeakerRight(q, MakeQuote("x", ""), ""));
}

TEST(PeerSpeakerTest, EveryTokenOfSeveralSpeakersMustBeInTheSpeaker) {
  PeerQuote q;
  q.speakers.push_back({"Burton", 22, 28});
  q.speakers.push_back({"Nick", 33, 37});
  EXPECT_FALSE(PeerSpeakerRight(q, MakeQuote("x", "Burton"), ""));
  EXPECT_TRUE(PeerSpeakerRight(q, MakeQuote("x", "Burton and Nick"), ""));
}

TEST(PeerSpeakerTest, PronounIsRightOnTheSameCueOrOnAnEarlierName) {
  const PeerQuote q = PronounQuote();
  // The speaker named at the pronoun, resolved or not.
  EXPECT_TRUE(PeerSpeakerRight(
      q,
      MakeQuote("I love cats,", "Burton", Quote::FORM_DIRECT, 32, 46, 47, 49),
      kPronounInput));
  EXPECT_TRUE(PeerSpeakerRight(
      q, MakeQuote("I love cats,", "he", Quote::FORM_DIRECT, 32, 46, 47, 49),
      kPronounInput));
  // A name found elsewhere that the pronoun can refer to: capitalized, before.
  EXPECT_TRUE(
      PeerSpeakerRight(q, MakeQuote("I love cats,", "Burton"), kPronounInput));
  // A name that does not occur before the pronoun, or no speaker at all.
  EXPECT_FALSE(
      PeerSpeakerRight(q, MakeQuote("I love cats,", "Nick"), kPronounInput));
  EXPECT_FALSE(
      PeerSpeakerRight(q, MakeQuote("I love cats,", "podium"), kPronounInput));
  EXPECT_FALSE(
      PeerSpeakerRight(q, MakeQuote("I love cats,", ""), kPronounInput));
  EXPECT_TRUE(IsPronoun("She"));
  EXPECT_FALSE(IsPronoun("Burton"));
}

TEST(ScorePeerTest, MatchesOverlappingSpanWithTheSameNormalizedText) {
  PeerCase c;
  c.suite = "textacy";
  c.speakers_scored = true;
  c.input = kPronounInput;
  c.expected.push_back(PronounQuote());
  std::vector<Claim> found = {
      MakeQuote("I love cats,", "Burton", Quote::FORM_DIRECT, 32, 46, 47, 49)};
  found[0].mutable_quote()->set_normalized("i love cats");
  CaseOutcome o = ScorePeer(c, Pointers(found));
  EXPECT_THAT(o.match, ElementsAre(0));
  EXPECT_EQ(o.tally.right, 1);
  EXPECT_DOUBLE_EQ(o.tally.Accuracy(), 1.0);

  // Same span, other words: a miss and a false positive.
  found[0].mutable_quote()->set_normalized("i love dogs");
  o = ScorePeer(c, Pointers(found));
  EXPECT_THAT(o.match, ElementsAre(-1));
  EXPECT_EQ(o.tally.found, 1);
  EXPECT_EQ(o.tally.AccuracyBase(), 2);

  // Same words, no shared byte.
  found[0].mutable_quote()->set_normalized("i love cats");
  found[0].mutable_span()->set_begin(0);
  found[0].mutable_span()->set_end(32);
  EXPECT_THAT(ScorePeer(c, Pointers(found)).match, ElementsAre(-1));
}

TEST(ScorePeerTest, TitlesAndScareQuotesAreNoFalsePositivesInTextacy) {
  PeerCase c;
  c.suite = "textacy";
  c.speakers_scored = true;
  c.input = "Burton thinks that cats are \"cuties\".";
  const std::vector<Claim> found = {
      MakeQuote("cuties", "", Quote::FORM_SCARE, 28, 36),
      MakeQuote("cuties", "", Quote::FORM_DIRECT, 28, 36),
      MakeQuote("cuties", "", Quote::FORM_UNSPECIFIED, 28, 36)};
  const CaseOutcome o = ScorePeer(c, Pointers(found));
  EXPECT_THAT(o.found_counted, ElementsAre(false, true, true));
  EXPECT_EQ(o.tally.found, 2);

  // Spans only (Recognizers-Text): every quote found counts.
  c.suite = "recognizers-text";
  c.speakers_scored = false;
  EXPECT_EQ(ScorePeer(c, Pointers(found)).tally.found, 3);
}

TEST(ScorePeerTest, SpansOnlySuiteCountsAMatchAsRight) {
  PeerCase c;
  c.suite = "recognizers-text";
  c.input = "This “number” is `123`";
  PeerQuote number;
  number.text = "“number”";
  number.begin = 5;
  number.end = 17;
  number.normalized = "number";
  PeerQuote code;
  code.text = "`123`";
  code.begin = 21;
  code.end = 26;
  code.normalized = "123";
  c.expected = {number, code};
  std::vector<Claim> found = {
      MakeQuote("number", "", Quote::FORM_SCARE, 5, 17)};
  found[0].mutable_quote()->set_normalized("number");
  const CaseOutcome o = ScorePeer(c, Pointers(found));
  EXPECT_THAT(o.match, ElementsAre(0, -1));
  EXPECT_EQ(o.tally.right, 1);
  EXPECT_DOUBLE_EQ(o.tally.Accuracy(), 0.5);
}

TEST(ParsePeerCaseTest, ReadsQuotesAndSpeakers) {
  const absl::StatusOr<PeerCase> c = ParsePeerCase(
      R"({"suite": "textacy", "case_index": 3, "input": "\"No,\" he said.",)"
      R"( "expected": [{"text": "\"No,\"", "byte_start": 0, "byte_end": 5,)"
      R"( "speaker_tokens": ["he"], "speakers": [{"text": "he",)"
      R"( "byte_start": 6, "byte_end": 8}]}], "disabled_in_suite": true})",
      "textacy/q.jsonl", 4);
  ASSERT_OK(c);
  EXPECT_EQ(c->case_index, 3);
  EXPECT_TRUE(c->speakers_scored);
  EXPECT_TRUE(c->disabled_in_suite);
  ASSERT_EQ(c->expected.size(), 1u);
  EXPECT_EQ(c->expected[0].end, 5u);
  ASSERT_EQ(c->expected[0].speakers.size(), 1u);
  EXPECT_EQ(c->expected[0].speakers[0].text, "he");
  EXPECT_EQ(c->expected[0].speakers[0].begin, 6u);
}

TEST(ParsePeerCaseTest, MalformedLinesNameFileAndLine) {
  EXPECT_THAT(ParsePeerCase("{not json", "textacy/q.jsonl", 7),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("textacy/q.jsonl:7: not a JSON object")));
  EXPECT_THAT(ParsePeerCase(R"({"expected": []})", "q.jsonl", 2),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("q.jsonl:2: case without a string")));
  EXPECT_THAT(ParsePeerCase(R"({"input": "ab", "expected": [{"text": "x",)"
                            R"( "byte_start": 1, "byte_end": 9}]})",
                            "q.jsonl", 3),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("q.jsonl:3: expected[0] \"x\" has no valid")));
}

TEST(NormalizedQuotationTest, DropsOuterMarksAndNormalizesAsTheExtractor) {
  EXPECT_EQ(NormalizedQuotation("\"I love cats,\""), "i love cats");
  EXPECT_EQ(NormalizedQuotation("“number”"), "number");
  EXPECT_EQ(NormalizedQuotation("`123`"), "123");
  EXPECT_EQ(NormalizedQuotation("\"...\""), "");
}

// ---- Reading and running ---------------------------------------------------

std::string WriteTemp(const std::string& name, const std::string& contents) {
  const fs::path path = fs::path(std::getenv("TEST_TMPDIR")) / name;
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << contents;
  return path.string();
}

TEST(ReadAttributionSuiteTest, MalformedFileNamesFileAndLine) {
  const std::string path = WriteTemp("bad_suite.textproto",
                                     "# proto-message: AttributionSuite\n"
                                     "cases {\n"
                                     "  name: \"a\"\n"
                                     "  speaker: \"b\"\n"
                                     "}\n");
  EXPECT_THAT(ReadAttributionSuite(path),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr(absl::StrCat(path, ":4:"))));
  EXPECT_THAT(ReadAttributionSuite(path + ".missing"),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("missing")));
}

TEST(RunQuoteEvalTest, ScoresEverySetAndReportsMissingOnes) {
  EvalOptions options;
  options.suite_path = absl::StrCat(kTestdata, "attribution_cases.textproto");
  options.fixtures_dir = absl::StrCat(kTestdata, "fixtures");
  options.peer_dir = absl::StrCat(kTestdata, "peer-suites");
  options.failures = true;
  // The held-out set is scored like the own set, as its own row; a blind
  // set that is not there is reported missing.
  options.heldout_path = options.suite_path;
  options.blind_path = absl::StrCat(kTestdata, "no_such_file.textproto");
  options.blind2_path = options.blind_path;
  const absl::StatusOr<QuoteEvalReport> report = RunQuoteEval(options);
  ASSERT_OK(report);
  ASSERT_EQ(report->sets_size(), 7);
  const SetScore& own = report->sets(0);
  EXPECT_EQ(own.set(), "own");
  EXPECT_TRUE(own.present());
  EXPECT_EQ(own.cases(), 6);
  EXPECT_EQ(own.expected(), 5);
  EXPECT_GT(report->patterns_size(), 1);
  const SetScore& heldout = report->sets(1);
  EXPECT_EQ(heldout.set(), "held-out");
  EXPECT_EQ(heldout.cases(), own.cases());
  EXPECT_EQ(heldout.accuracy(), own.accuracy());
  EXPECT_EQ(report->sets(2).set(), "blind");
  EXPECT_FALSE(report->sets(2).present());
  EXPECT_EQ(report->sets(3).set(), "blind 2");
  EXPECT_FALSE(report->sets(3).present());
  // The folder whose expectation lists no quotes is left out.
  const SetScore& fixtures = report->sets(4);
  EXPECT_TRUE(fixtures.present());
  EXPECT_EQ(fixtures.cases(), 1);
  EXPECT_EQ(fixtures.expected(), 1);
  const SetScore& textacy = report->sets(5);
  EXPECT_TRUE(textacy.present());
  EXPECT_EQ(textacy.cases(), 2);
  EXPECT_EQ(textacy.expected(), 1);
  EXPECT_EQ(report->sets(6).set(), "recognizers-text");
  EXPECT_FALSE(report->sets(6).present());
  EXPECT_THAT(FormatMarkdown(*report),
              HasSubstr("| recognizers-text | not found |"));
}

TEST(RunQuoteEvalTest, MalformedPeerLineIsAnErrorNamingFileAndLine) {
  const std::string dir =
      fs::path(WriteTemp("peer/textacy/direct-quotations.jsonl",
                         "\n{\"input\": 1}\n"))
          .parent_path()
          .parent_path()
          .string();
  EvalOptions options;
  options.suite_path = dir + "/none.textproto";
  options.fixtures_dir = dir + "/none";
  options.peer_dir = dir;
  EXPECT_THAT(RunQuoteEval(options),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("direct-quotations.jsonl:2:")));
}

}  // namespace
}  // namespace crosscheck::quote_eval
