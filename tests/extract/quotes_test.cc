#include "src/extract/quotes.h"

#include <chrono>
#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "src/extract/document.h"
#include "src/extract/entities.h"

namespace crosscheck::extract {
namespace {

using crosscheck::v1::Claim;
using crosscheck::v1::Note;
using crosscheck::v1::Quote;

constexpr Quote::Form kDirect = Quote::FORM_DIRECT;
constexpr Quote::Form kPartial = Quote::FORM_PARTIAL;
constexpr Quote::Form kScare = Quote::FORM_SCARE;
constexpr Quote::Form kTitle = Quote::FORM_TITLE;

// The quotations of one article text, with everything they borrow.
class Quoted {
 public:
  explicit Quoted(const std::string& text)
      : article_(MakeArticle(text)),
        doc_(MakeDocument(article_)),
        entities_(doc_) {
    FindQuotes(doc_, entities_, &claims_, &notes_);
  }
  Quoted(const Quoted&) = delete;
  Quoted& operator=(const Quoted&) = delete;

  const std::string& text() const { return article_.text(); }
  const std::vector<Claim>& claims() const { return claims_; }
  const std::vector<Note>& notes() const { return notes_; }

  std::string Slice(const crosscheck::v1::Span& span) const {
    return text().substr(span.begin(), span.end() - span.begin());
  }

 private:
  static crosscheck::v1::Article MakeArticle(const std::string& text) {
    crosscheck::v1::Article article;
    article.set_id("test");
    article.set_text(text);
    return article;
  }

  crosscheck::v1::Article article_;
  Document doc_;
  EntityIndex entities_;
  std::vector<Claim> claims_;
  std::vector<Note> notes_;
};

struct ExpectedQuote {
  // Claim.text: the surface from the opening to the closing mark.
  std::string surface;
  // Quote.text.
  std::string text;
  // Quote.speaker; empty for none.
  std::string speaker;
  // The text at Quote.speaker_span; empty when it is unset.
  std::string speaker_span;
  // Quote.form; Quote.partial is expected true for every form but
  // FORM_DIRECT.
  Quote::Form form = Quote::FORM_DIRECT;
  // Quote.role.
  std::string role;
};

struct QuoteCase {
  std::string name;
  std::string text;
  std::vector<ExpectedQuote> quotes;
};

void ExpectQuotes(const Quoted& q, const std::vector<ExpectedQuote>& want) {
  ASSERT_EQ(q.claims().size(), want.size()) << q.text();
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE("quote " + std::to_string(i));
    const Claim& claim = q.claims()[i];
    const ExpectedQuote& w = want[i];
    EXPECT_EQ(claim.kind(), Claim::KIND_QUOTE);
    EXPECT_EQ(claim.text(), w.surface);
    EXPECT_EQ(q.Slice(claim.span()), claim.text());
    EXPECT_EQ(claim.span().begin(), q.text().find(w.surface));
    EXPECT_EQ(claim.quote().text(), w.text);
    EXPECT_EQ(claim.quote().normalized(), NormalizeQuoteText(w.text));
    EXPECT_EQ(claim.quote().speaker(), w.speaker);
    EXPECT_EQ(claim.quote().form(), w.form)
        << Quote::Form_Name(claim.quote().form());
    EXPECT_EQ(claim.quote().partial(), w.form != Quote::FORM_DIRECT);
    EXPECT_EQ(claim.quote().role(), w.role);
    if (w.speaker_span.empty()) {
      EXPECT_FALSE(claim.quote().has_speaker_span());
    } else {
      EXPECT_EQ(q.Slice(claim.quote().speaker_span()), w.speaker_span);
    }
    // The sentence span holds the whole quotation.
    EXPECT_LE(claim.sentence().begin(), claim.span().begin());
    EXPECT_GE(claim.sentence().end(), claim.span().end());
  }
}

void PrintTo(const QuoteCase& c, std::ostream* os) { *os << c.name; }

class QuoteCaseTest : public testing::TestWithParam<QuoteCase> {};

TEST_P(QuoteCaseTest, ExtractsQuotations) {
  const Quoted quoted(GetParam().text);
  ExpectQuotes(quoted, GetParam().quotes);
}

std::string CaseName(const testing::TestParamInfo<QuoteCase>& info) {
  return info.param.name;
}

// Attribution patterns: after the quotation, before it, around it.
INSTANTIATE_TEST_SUITE_P(
    Attribution, QuoteCaseTest,
    testing::Values(
        QuoteCase{"NameSaidAfter",
                  "President Ada Okafor spoke last. “We will not wait,” "
                  "Okafor said.",
                  {{"“We will not wait,”", "We will not wait,", "Ada Okafor",
                    "Okafor", kDirect, "President"}}},
        QuoteCase{"SaidNameAfter",
                  "“We will not wait,” said Ada Okafor, who leads Valdoria.",
                  {{"“We will not wait,”", "We will not wait,", "Ada Okafor",
                    "Ada Okafor", kDirect, ""}}},
        QuoteCase{"PresentTenseSays",
                  "“Prices are falling,” Tomas Berg says.",
                  {{"“Prices are falling,”", "Prices are falling,",
                    "Tomas Berg", "Tomas Berg", kDirect, ""}}},
        QuoteCase{"WritesBeforeName",
                  "“The plan is late,” writes Tomas Berg in his newsletter.",
                  {{"“The plan is late,”", "The plan is late,", "Tomas Berg",
                    "Tomas Berg", kDirect, ""}}},
        QuoteCase{"ToldReportersWithTitle",
                  "“We are ready,” Prime Minister Henrik Solberg told "
                  "reporters on Tuesday.",
                  {{"“We are ready,”", "We are ready,", "Henrik Solberg",
                    "Henrik Solberg", kDirect, "Prime Minister"}}},
        QuoteCase{"HonorificResolvesToFullName",
                  "Prime Minister Henrik Solberg arrived. “We are ready,” "
                  "Mr. Solberg told the BBC.",
                  {{"“We are ready,”", "We are ready,", "Henrik Solberg",
                    "Solberg", kDirect, "Prime Minister"}}},
        QuoteCase{"WroteAfterName",
                  "“Nothing is settled,” Ilse Marten wrote in a letter.",
                  {{"“Nothing is settled,”", "Nothing is settled,",
                    "Ilse Marten", "Ilse Marten", kDirect, ""}}},
        QuoteCase{"TweetedAfterName",
                  "“A historic day,” Ilse Marten tweeted.",
                  {{"“A historic day,”", "A historic day,", "Ilse Marten",
                    "Ilse Marten", kDirect, ""}}},
        QuoteCase{
            "RoleAndNameBeforeVerb",
            "“Our economy is ready,” Finance Ministry spokeswoman Ilse "
            "Marten said in a statement.",
            {{"“Our economy is ready,”", "Our economy is ready,", "Ilse Marten",
              "Ilse Marten", kDirect, "Finance Ministry spokeswoman"}}},
        QuoteCase{"AppositiveBetweenNameAndVerb",
                  "“The package is late,” Tomas Berg, a senior fellow at the "
                  "Baltic Policy Institute in Riga, said.",
                  {{"“The package is late,”", "The package is late,",
                    "Tomas Berg", "Tomas Berg", kDirect,
                    "a senior fellow at the Baltic Policy Institute in "
                    "Riga"}}},
        QuoteCase{"RoleBeforeNameBetweenCommas",
                  "“Ports are built in years,” Estmark’s foreign minister, "
                  "Sofie Dahl, said at a briefing.",
                  {{"“Ports are built in years,”", "Ports are built in years,",
                    "Sofie Dahl", "Sofie Dahl", kDirect,
                    "Estmark’s foreign minister"}}},
        QuoteCase{"InvertedWithAppositive",
                  "“We welcome the ships,” said Anders Kvist, the union’s "
                  "local chairman.",
                  {{"“We welcome the ships,”", "We welcome the ships,",
                    "Anders Kvist", "Anders Kvist", kDirect,
                    "the union’s local chairman"}}},
        QuoteCase{"PronounAfterResolvesToPerson",
                  "President Ada Okafor flew to Lundby. “It is good to be "
                  "here,” she said.",
                  {{"“It is good to be here,”", "It is good to be here,",
                    "Ada Okafor", "she", kDirect, "President"}}},
        QuoteCase{"PronounSkipsPlaceMentionedLater",
                  "Ms. Okafor was tired. She arrived in Lundby late. “It was "
                  "a long day,” she added.",
                  {{"“It was a long day,”", "It was a long day,", "Okafor",
                    "she", kDirect, ""}}},
        QuoteCase{"AccordingTo",
                  "“Trade will double,” according to the trade ministry.",
                  {{"“Trade will double,”", "Trade will double,",
                    "the trade ministry", "the trade ministry", kDirect, ""}}},
        QuoteCase{"OrganisationSaidInStatement",
                  "“The talks were useful,” the ministry said in a statement.",
                  {{"“The talks were useful,”", "The talks were useful,",
                    "the ministry", "the ministry", kDirect, ""}}},
        QuoteCase{"DocumentSays",
                  "“Growth will slow,” says the report.",
                  {{"“Growth will slow,”", "Growth will slow,", "the report",
                    "the report", kDirect, ""}}},
        QuoteCase{"SaidColonBefore",
                  "At the press conference, Okafor said: “Valdoria and "
                  "Estmark are neighbours by choice.”",
                  {{"“Valdoria and Estmark are neighbours by choice.”",
                    "Valdoria and Estmark are neighbours by choice.", "Okafor",
                    "Okafor", kDirect, ""}}},
        QuoteCase{"NameColonBefore",
                  "Okafor: “We came to build.”",
                  {{"“We came to build.”", "We came to build.", "Okafor",
                    "Okafor", kDirect, ""}}},
        QuoteCase{"ToldBeforeWithObject",
                  "Sofie Dahl told the forum: “Confidence is built in "
                  "decades.”",
                  {{"“Confidence is built in decades.”",
                    "Confidence is built in decades.", "Sofie Dahl",
                    "Sofie Dahl", kDirect, ""}}},
        QuoteCase{"SaidThatMakesFragment",
                  "Okafor said that “the door remains open.”",
                  {{"“the door remains open.”", "the door remains open.",
                    "Okafor", "Okafor", kPartial, ""}}},
        QuoteCase{
            "AddedInNextSentence",
            "“We will be back next year.” Sofie Dahl added.",
            {{"“We will be back next year.”", "We will be back next year.",
              "Sofie Dahl", "Sofie Dahl", kDirect, ""}}},
        QuoteCase{"SpeakerCarriesToNextQuotedSentence",
                  "Henrik Solberg was unapologetic. “We have disagreed "
                  "before,” he told reporters. “That is what neighbours are "
                  "for.”",
                  {{"“We have disagreed before,”", "We have disagreed before,",
                    "Henrik Solberg", "he", kDirect, ""},
                   {"“That is what neighbours are for.”",
                    "That is what neighbours are for.", "Henrik Solberg", "he",
                    kDirect, ""}}},
        QuoteCase{"SentenceIntroducesQuoteParagraph",
                  "Tomas Berg, a senior fellow, said the package was late.\n"
                  "\n"
                  "“Most signatures are forgotten by the autumn.”\n",
                  {{"“Most signatures are forgotten by the autumn.”",
                    "Most signatures are forgotten by the autumn.",
                    "Tomas Berg", "Tomas Berg", kDirect, "a senior fellow"}}},
        QuoteCase{
            "SharedSurnameGoesToMostRecent",
            "Ada Okafor spoke before Ben Okafor. Then Ben Okafor left "
            "and Ada Okafor stayed. “We stay,” Okafor said.",
            {{"“We stay,”", "We stay,", "Ada Okafor", "Okafor", kDirect, ""}}},
        QuoteCase{"AbbreviatedTitleKeepsItsPeriod",
                  "“We’re not going anywhere,” said Sen. Elizabeth Warren.",
                  {{"“We’re not going anywhere,”", "We’re not going anywhere,",
                    "Elizabeth Warren", "Elizabeth Warren", kDirect, "Sen."}}},
        QuoteCase{"RelativeClauseBetweenNameAndVerb",
                  "“It is done,” Okafor, who leads the Civic Alliance, said.",
                  {{"“It is done,”", "It is done,", "Okafor", "Okafor", kDirect,
                    ""}}},
        QuoteCase{"QuestionThenAskedName",
                  "“Is this the end?” asked Ilse Marten.",
                  {{"“Is this the end?”", "Is this the end?", "Ilse Marten",
                    "Ilse Marten", kDirect, ""}}},
        QuoteCase{
            "PhraseHangingOnPhrase",
            "“No comment,” a spokesman for the ministry said.",
            {{"“No comment,”", "No comment,", "a spokesman for the ministry",
              "a spokesman for the ministry", kDirect, ""}}},
        QuoteCase{
            "AccordingToReportByOrganisation",
            "“The data are clear,” according to a report by the "
            "Institute for Fiscal Studies.",
            {{"“The data are clear,”", "The data are clear,",
              "a report by the Institute for Fiscal Studies",
              "a report by the Institute for Fiscal Studies", kDirect, ""}}},
        QuoteCase{
            "PossessiveOfficeBeforeColon",
            "Mr. Okafor’s office said: “The president is resting.”",
            {{"“The president is resting.”", "The president is resting.",
              "Mr. Okafor’s office", "Mr. Okafor’s office", kDirect, ""}}},
        QuoteCase{"JointSpeakers",
                  "“We agree,” said Tomas Berg and Sofie Dahl.",
                  {{"“We agree,”", "We agree,", "Tomas Berg and Sofie Dahl",
                    "Tomas Berg and Sofie Dahl", kDirect, ""}}}),
    CaseName);

// Quotations without a speaker: never a guess.
INSTANTIATE_TEST_SUITE_P(
    NoSpeaker, QuoteCaseTest,
    testing::Values(
        QuoteCase{"StandaloneQuotedSentence",
                  "The hall fell silent. “We will not wait.”",
                  {{"“We will not wait.”", "We will not wait.", "", "", kDirect,
                    ""}}},
        QuoteCase{
            "BarePluralSubject",
            "Okafor left early. “Nothing changed,” officials said.",
            {{"“Nothing changed,”", "Nothing changed,", "", "", kDirect, ""}}},
        QuoteCase{"PronounWithoutAntecedent",
                  "“The numbers are wrong,” she said.",
                  {{"“The numbers are wrong,”", "The numbers are wrong,", "",
                    "", kDirect, ""}}},
        QuoteCase{"PronounTooFarFromItsPerson",
                  "Tomas Berg spoke first.\n\nThe talks went on.\n\nLunch "
                  "was served.\n\n“It was long,” he said.",
                  {{"“It was long,”", "It was long,", "", "", kDirect, ""}}},
        QuoteCase{"PluralPronoun",
                  "Tomas Berg arrived. “We are done,” they said.",
                  {{"“We are done,”", "We are done,", "", "", kDirect, ""}}},
        QuoteCase{"ScareQuote",
                  "The so-called “reform” stalled in parliament.",
                  {{"“reform”", "reform", "", "", kScare, ""}}},
        QuoteCase{"BarePluralBeforeFragment",
                  "Critics called the plan “a gamble” on Tuesday.",
                  {{"“a gamble”", "a gamble", "", "", kScare, ""}}}),
    CaseName);

// Quote marks: kinds, nesting, apostrophes, joins and fragments.
INSTANTIATE_TEST_SUITE_P(
    Marks, QuoteCaseTest,
    testing::Values(
        QuoteCase{"StraightDoubleQuotes",
                  "\"We won't stop,\" Tomas Berg said.",
                  {{"\"We won't stop,\"", "We won't stop,", "Tomas Berg",
                    "Tomas Berg", kDirect, ""}}},
        QuoteCase{"Guillemets",
                  "«Nous restons», Tomas Berg said.",
                  {{"«Nous restons»", "Nous restons", "Tomas Berg",
                    "Tomas Berg", kDirect, ""}}},
        QuoteCase{"NestedSingleQuotes",
                  "“People ask me what ‘partnership’ means,” Okafor told the "
                  "forum.",
                  {{"“People ask me what ‘partnership’ means,”",
                    "People ask me what ‘partnership’ means,", "Okafor",
                    "Okafor", kDirect, ""}}},
        QuoteCase{"SingleGuillemetsInsideGuillemets",
                  "«Nous disons ‹non› à la guerre», Tomas Berg said.",
                  {{"«Nous disons ‹non› à la guerre»",
                    "Nous disons ‹non› à la guerre", "Tomas Berg", "Tomas Berg",
                    kDirect, ""}}},
        QuoteCase{"StraightSingleInsideStraightDouble",
                  "\"People ask me what 'partnership' means,\" Okafor told "
                  "the forum.",
                  {{"\"People ask me what 'partnership' means,\"",
                    "People ask me what 'partnership' means,", "Okafor",
                    "Okafor", kDirect, ""}}},
        QuoteCase{"TopLevelSingleQuotesHoldApostrophes",
                  "‘We won’t wait for Norway’s ports,’ said Anders Kvist.",
                  {{"‘We won’t wait for Norway’s ports,’",
                    "We won’t wait for Norway’s ports,", "Anders Kvist",
                    "Anders Kvist", kDirect, ""}}},
        QuoteCase{"TopLevelSingleQuotes",
                  "‘We welcome the ships,’ said Anders Kvist.",
                  {{"‘We welcome the ships,’", "We welcome the ships,",
                    "Anders Kvist", "Anders Kvist", kDirect, ""}}},
        QuoteCase{
            "ApostrophesAreNotMarks",
            "The ’90s were hard, and Okafor’s team won’t forget the "
            "sailors’ memorial. “Norway’s ports won’t wait,” Okafor "
            "said.",
            {{"“Norway’s ports won’t wait,”", "Norway’s ports won’t wait,",
              "Okafor", "Okafor", kDirect, ""}}},
        QuoteCase{"InterruptedByAttribution",
                  "“To win the peace,” Okafor said, “a country must first win "
                  "the argument at home.”",
                  {{"“To win the peace,” Okafor said, “a country must first "
                    "win the argument at home.”",
                    "To win the peace, a country must first win the argument "
                    "at home.",
                    "Okafor", "Okafor", kDirect, ""}}},
        QuoteCase{"InterruptedByWritesName",
                  "“To win the peace,” writes Okafor, “a country must first "
                  "win the argument at home.”",
                  {{"“To win the peace,” writes Okafor, “a country must first "
                    "win the argument at home.”",
                    "To win the peace, a country must first win the argument "
                    "at home.",
                    "Okafor", "Okafor", kDirect, ""}}},
        QuoteCase{"InterruptedByDashes",
                  "“We will win” — Okafor said — “and soon.”",
                  {{"“We will win” — Okafor said — “and soon.”",
                    "We will win and soon.", "Okafor", "Okafor", kDirect, ""}}},
        QuoteCase{"InterruptedByInvertedAttribution",
                  "“If the money comes,” said Tomas Berg, “the cranes will "
                  "follow.”",
                  {{"“If the money comes,” said Tomas Berg, “the cranes will "
                    "follow.”",
                    "If the money comes, the cranes will follow.", "Tomas Berg",
                    "Tomas Berg", kDirect, ""}}},
        QuoteCase{"NewSentenceAfterAttributionIsNewQuote",
                  "“We welcome the ships,” said Anders Kvist. “We would like "
                  "to unload them.”",
                  {{"“We welcome the ships,”", "We welcome the ships,",
                    "Anders Kvist", "Anders Kvist", kDirect, ""},
                   {"“We would like to unload them.”",
                    "We would like to unload them.", "Anders Kvist",
                    "Anders Kvist", kDirect, ""}}},
        QuoteCase{"ContinuedIntoNextParagraph",
                  "Tomas Berg, a senior fellow, was blunt.\n\n"
                  "“Every visit produces signatures. Most are forgotten.\n\n"
                  "“If the money does not move, the opposition will say so.”",
                  {{"“Every visit produces signatures. Most are forgotten.\n\n"
                    "“If the money does not move, the opposition will say so.”",
                    "Every visit produces signatures. Most are forgotten. If "
                    "the money does not move, the opposition will say so.",
                    "", "", kDirect, ""}}},
        QuoteCase{"BracketsAndEllipsisKept",
                  "“[Valdoria’s] economy is ready … to grow,” said Ilse "
                  "Marten.",
                  {{"“[Valdoria’s] economy is ready … to grow,”",
                    "[Valdoria’s] economy is ready … to grow,", "Ilse Marten",
                    "Ilse Marten", kDirect, ""}}},
        QuoteCase{"FragmentInSentence",
                  "Okafor described the trip as “a bridge of trust” between "
                  "the two countries.",
                  {{"“a bridge of trust”", "a bridge of trust", "Okafor",
                    "Okafor", kPartial, ""}}},
        QuoteCase{
            "FragmentAfterVerbPhrase",
            "Prime Minister Henrik Solberg arrived. The declaration, "
            "Mr. Solberg said, should be “judged by what it "
            "delivers.”",
            {{"“judged by what it delivers.”", "judged by what it delivers.",
              "Henrik Solberg", "Solberg", kPartial, "Prime Minister"}}},
        QuoteCase{
            "TwoFragmentsOneSpeaker",
            "Mirela Vos said the president was “very good at foreign "
            "trips” and urged her to “spend the same energy at home.”",
            {{"“very good at foreign trips”", "very good at foreign trips",
              "Mirela Vos", "Mirela Vos", kPartial, ""},
             {"“spend the same energy at home.”",
              "spend the same energy at home.", "Mirela Vos", "Mirela Vos",
              kPartial, ""}}},
        QuoteCase{"TitleAtSentenceStart",
                  "“Ports and Railways” is the name of the new plan.",
                  {{"“Ports and Railways”", "Ports and Railways", "", "",
                    kTitle, ""}}},
        QuoteCase{"FragmentInReportedSpeech",
                  "Okafor said the talks went well, but the “new era” has "
                  "yet to begin.",
                  {{"“new era”", "new era", "Okafor", "Okafor", kScare, ""}}},
        QuoteCase{"EmptyQuotesAreSkipped",
                  "He typed “” and then “…” into the box.",
                  {}}),
    CaseName);

// The direct-quotation cases of textacy's test suite
// (/work/shared/peer-suites/textacy, tests/extract/test_triples.py at
// f08ecbc4). textacy's speaker is the token it names ("he"); ours is the
// person it refers to, or empty when nobody is named before it, and the
// speaker span points at the pronoun. textacy's "no direct quotation"
// cases are embedded quotes here: a title (FORM_TITLE, no speaker) and a
// scare quote (FORM_SCARE).
INSTANTIATE_TEST_SUITE_P(
    Textacy, QuoteCaseTest,
    testing::Values(
        QuoteCase{"Case0SaidComma",
                  "Burton said, \"I love cats!\"",
                  {{"\"I love cats!\"", "I love cats!", "Burton", "Burton",
                    kDirect, ""}}},
        QuoteCase{"Case1PronounAfterIntroSentence",
                  "Burton explained from a podium. \"I love cats,\" he said.",
                  {{"\"I love cats,\"", "I love cats,", "Burton", "he", kDirect,
                    ""}}},
        QuoteCase{"Case2InvertedThenCarriedOver",
                  "\"I love cats!\" insists Burton. \"I absolutely do.\"",
                  {{"\"I love cats!\"", "I love cats!", "Burton", "Burton",
                    kDirect, ""},
                   {"\"I absolutely do.\"", "I absolutely do.", "Burton",
                    "Burton", kDirect, ""}}},
        QuoteCase{"Case3PronounWithoutAntecedent",
                  "\"Some people say otherwise,\" he conceded.",
                  {{"\"Some people say otherwise,\"",
                    "Some people say otherwise,", "", "", kDirect, ""}}},
        QuoteCase{"Case4TitleIsNoDirectQuote",
                  "Burton claims that his favorite book is \"One Hundred "
                  "Years of Solitude\".",
                  {{"\"One Hundred Years of Solitude\"",
                    "One Hundred Years of Solitude", "", "", kTitle, ""}}},
        QuoteCase{"Case5ScareQuoteIsNoDirectQuote",
                  "Burton thinks that cats are \"cuties\".",
                  {{"\"cuties\"", "cuties", "", "", kScare, ""}}},
        QuoteCase{"Case6JointSpeakers",
                  "\"We love cats!\" reply Burton and Nick.",
                  {{"\"We love cats!\"", "We love cats!", "Burton and Nick",
                    "Burton and Nick", kDirect, ""}}}),
    CaseName);

TEST(FindQuotesTest, InterruptedQuoteIsOneClaimWithFullSpans) {
  const std::string text =
      "She was blunt at the reception.\n\n“To win the peace,” Okafor said, “a "
      "country must first win the argument at home.” The room was quiet.";
  const Quoted q(text);
  ASSERT_EQ(q.claims().size(), 1u);
  const Claim& claim = q.claims()[0];
  EXPECT_EQ(claim.span().begin(), text.find("“To win"));
  EXPECT_EQ(claim.span().end(), text.find(" The room"));
  EXPECT_EQ(q.Slice(claim.sentence()),
            "“To win the peace,” Okafor said, “a country must first win the "
            "argument at home.”");
  EXPECT_EQ(q.Slice(claim.quote().speaker_span()), "Okafor");
  EXPECT_EQ(claim.article_id(), "test");
}

TEST(FindQuotesTest, SentenceSpanCoversEverySentenceTouched) {
  const std::string text =
      "Okafor spoke in Lundby. “We came. We saw,” said Ada Okafor. Then she "
      "left for Carvenna.";
  const Quoted q(text);
  ASSERT_EQ(q.claims().size(), 1u);
  const Claim& claim = q.claims()[0];
  EXPECT_EQ(q.Slice(claim.sentence()), "“We came. We saw,” said Ada Okafor.");
  EXPECT_EQ(std::vector<std::string>(claim.entities().begin(),
                                     claim.entities().end()),
            std::vector<std::string>{"Ada Okafor"});
}

TEST(FindQuotesTest, EntitiesOfTheQuotationsSentence) {
  const Quoted q(
      "“Valdoria and Estmark are neighbours by choice,” President Ada Okafor "
      "of Valdoria said in Lundby.");
  ASSERT_EQ(q.claims().size(), 1u);
  EXPECT_EQ(std::vector<std::string>(q.claims()[0].entities().begin(),
                                     q.claims()[0].entities().end()),
            (std::vector<std::string>{"Valdoria", "Estmark", "Ada Okafor",
                                      "Lundby"}));
}

TEST(FindQuotesTest, UnclosedQuoteIsCappedAtParagraphEnd) {
  const std::string text =
      "“We will win the vote, Okafor said on Monday.\n\nThe vote is in May.";
  const Quoted q(text);
  ASSERT_EQ(q.claims().size(), 1u);
  const Claim& claim = q.claims()[0];
  EXPECT_EQ(claim.text(), "“We will win the vote, Okafor said on Monday.");
  EXPECT_EQ(claim.quote().text(),
            "We will win the vote, Okafor said on Monday.");
  ASSERT_EQ(q.notes().size(), 1u);
  const Note& note = q.notes()[0];
  EXPECT_EQ(note.severity(), Note::SEVERITY_WARNING);
  EXPECT_EQ(note.code(), "unclosed-quote");
  EXPECT_EQ(note.article_id(), "test");
  EXPECT_EQ(note.span().begin(), 0u);
  EXPECT_EQ(q.Slice(note.span()), "“");
  EXPECT_EQ(note.message(),
            "quote opened here is not closed before the end of the paragraph");
}

// An unclosed mark in the middle of an article ends with its paragraph:
// the quotations of the paragraphs after it are found as usual.
TEST(FindQuotesTest, UnclosedQuoteDoesNotSwallowTheArticle) {
  const std::string text =
      "Okafor arrived on Monday.\n\nShe said “we will win the vote and "
      "left.\n\nThe vote, Tomas Berg said, is “in May.”\n\nNothing else "
      "happened.";
  const Quoted q(text);
  ASSERT_EQ(q.claims().size(), 2u);
  EXPECT_EQ(q.claims()[0].quote().text(), "we will win the vote and left.");
  EXPECT_EQ(q.claims()[0].span().end(), text.find("\n\nThe vote"));
  EXPECT_EQ(q.claims()[1].quote().text(), "in May.");
  ASSERT_EQ(q.notes().size(), 1u);
  EXPECT_EQ(q.notes()[0].code(), "unclosed-quote");
  EXPECT_EQ(q.notes()[0].span().begin(), text.find("“we will"));
  EXPECT_EQ(q.Slice(q.notes()[0].span()), "“");
}

TEST(FindQuotesTest, UnclosedQuoteBeforeNextOpeningMark) {
  const std::string text =
      "“We will win, Okafor said. “We are ready,” she added.";
  const Quoted q(text);
  ASSERT_EQ(q.claims().size(), 2u);
  EXPECT_EQ(q.claims()[0].quote().text(), "We will win, Okafor said.");
  EXPECT_EQ(q.claims()[1].quote().text(), "We are ready,");
  ASSERT_EQ(q.notes().size(), 1u);
  EXPECT_EQ(q.notes()[0].span().begin(), 0u);
  EXPECT_EQ(q.notes()[0].message(),
            "quote opened here is not closed before the next opening quote "
            "mark");
}

TEST(FindQuotesTest, ContinuationParagraphIsNotUnclosed) {
  const Quoted q(
      "“The first part runs on.\n\n“The second part closes it.”\n\n"
      "“This one never closes.\n\nPlain text follows.");
  ASSERT_EQ(q.claims().size(), 2u);
  EXPECT_EQ(q.claims()[0].quote().text(),
            "The first part runs on. The second part closes it.");
  EXPECT_EQ(q.claims()[1].quote().text(), "This one never closes.");
  ASSERT_EQ(q.notes().size(), 1u);
  EXPECT_EQ(q.notes()[0].span().begin(), q.text().find("“This one"));
}

// A quote left open at the end of a paragraph runs on only into a
// paragraph right after it: not over page furniture left out between the
// two, which the claim's span would otherwise cover.
TEST(FindQuotesTest, ContinuationDoesNotRunOverFurniture) {
  struct Case {
    const char* separator;  // before and after the furniture
    const char* furniture;
  };
  const Case kCases[] = {
      {"\n", "Advertisement"},
      {"\n\n", "Advertisement"},
      {"\n\n", "Advertisement\nSign up for our newsletter"},
  };
  for (const Case& c : kCases) {
    const std::string first = "“The first part runs on.";
    const std::string text = first + c.separator + c.furniture + c.separator +
                             "“The second part closes it,” Okafor said.\n";
    SCOPED_TRACE(text);
    crosscheck::v1::Article article;
    article.set_id("a");
    article.set_text(text);
    const size_t furniture_begin = text.find(c.furniture);
    const size_t furniture_end = furniture_begin + std::strlen(c.furniture);
    article.add_furniture()->set_begin(furniture_begin);
    article.mutable_furniture(0)->set_end(furniture_end);
    const Document doc = MakeDocument(article);
    const EntityIndex entities(doc);
    std::vector<Claim> claims;
    std::vector<Note> notes;
    FindQuotes(doc, entities, &claims, &notes);
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[0].quote().text(), "The first part runs on.");
    EXPECT_EQ(claims[0].text(), first);
    EXPECT_LE(claims[0].sentence().end(), furniture_begin);
    EXPECT_EQ(claims[1].quote().text(), "The second part closes it,");
    EXPECT_GE(claims[1].sentence().begin(), furniture_end);
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].code(), "unclosed-quote");
    EXPECT_EQ(notes[0].span().begin(), 0u);
  }
}

// Without furniture between them, the same paragraphs make one quotation.
TEST(FindQuotesTest, ContinuationRunsOverBlankLines) {
  for (const std::string separator : {"\n", "\n\n", "\n \n\n"}) {
    const std::string text = "“The first part runs on." + separator +
                             "“The second part closes it,” Okafor said.\n";
    SCOPED_TRACE(text);
    const Quoted q(text);
    ASSERT_EQ(q.claims().size(), 1u);
    EXPECT_EQ(q.claims()[0].quote().text(),
              "The first part runs on. The second part closes it,");
    EXPECT_TRUE(q.notes().empty());
  }
}

// A quotation's entities are the names of its sentence near it: within
// 400 bytes of the quotation, at most 16, in order of first mention.
TEST(FindQuotesTest, EntitiesAreTheNamesNearTheQuotation) {
  const std::vector<std::string> kNames = {
      "Aalund", "Berg",   "Dahl", "Falk",    "Gunnar",  "Holm",  "Iversen",
      "Jensen", "Krogh",  "Lind", "Moller",  "Nygaard", "Olsen", "Petersen",
      "Quist",  "Rasmus", "Skov", "Thorsen", "Ulrik",   "Vang"};
  std::string text = "Ada Okafor";
  for (int i = 0; i < 60; ++i) text += " and then more talks";  // 1,200 bytes
  text += " went on while “We will win,” said";
  for (const std::string& name : kNames) text += " " + name + ",";
  text += " and ";
  for (int i = 0; i < 30; ++i) text += "still more talks ";  // 510 bytes
  text += "with Mirela Vos.";
  const Quoted q(text);
  ASSERT_EQ(q.claims().size(), 1u);
  const Claim& claim = q.claims()[0];
  EXPECT_EQ(q.Slice(claim.sentence()), text);
  const std::vector<std::string> first16(kNames.begin(), kNames.begin() + 16);
  EXPECT_EQ(std::vector<std::string>(claim.entities().begin(),
                                     claim.entities().end()),
            first16);
}

// A huge sentence of many quotations and many names: each claim keeps a
// bounded number of entities, so the output is not quadratic.
TEST(FindQuotesTest, EntitiesOfManyQuotationsInOneHugeSentenceAreBounded) {
  std::string text = "They said";
  for (int i = 0; i < 5000; ++i) {
    // Distinct capitalized names: "Ka", "Kb", ..., "Kaa", ...
    std::string name = "K";
    for (int k = i; k >= 0; k = k / 26 - 1) {
      name += static_cast<char>('a' + k % 26);
    }
    text += " “fine” to " + name + ",";
  }
  text += " all day.";
  const auto start = std::chrono::steady_clock::now();
  const Quoted q(text);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  ASSERT_EQ(q.claims().size(), 5000u);
  for (const Claim& claim : q.claims()) {
    ASSERT_LE(claim.entities_size(), 16);
  }
  EXPECT_LT(seconds, 10.0);
}

// Bracketed insertions and ellipses, typographic or typed as three dots,
// stay in the quoted text as written and are left out of its comparison
// form.
TEST(FindQuotesTest, InsertionsAndEllipsesKeptInTextNotInNormalized) {
  const Quoted q(
      "“The [Finnish] Prime Minister... will come … and sign [the bank’s] "
      "plan,” said Ilse Marten.");
  ASSERT_EQ(q.claims().size(), 1u);
  const Quote& quote = q.claims()[0].quote();
  EXPECT_EQ(quote.text(),
            "The [Finnish] Prime Minister... will come … and sign [the "
            "bank’s] plan,");
  EXPECT_EQ(quote.normalized(), "the prime minister will come and sign plan");
}

// How a quotation is used: a quoted sentence is direct; an embedded one is
// a title, a scare quote of one to three words, or a partial quote.
struct FormCase {
  std::string name;
  std::string text;
  // Quote.text of the only quotation.
  std::string quoted;
  Quote::Form form;
};

void PrintTo(const FormCase& c, std::ostream* os) { *os << c.name; }

class FormTest : public testing::TestWithParam<FormCase> {};

TEST_P(FormTest, ClassifiesQuotation) {
  const Quoted q(GetParam().text);
  ASSERT_EQ(q.claims().size(), 1u);
  const Quote& quote = q.claims()[0].quote();
  EXPECT_EQ(quote.text(), GetParam().quoted);
  EXPECT_EQ(quote.form(), GetParam().form) << Quote::Form_Name(quote.form());
  EXPECT_EQ(quote.partial(), GetParam().form != Quote::FORM_DIRECT);
  if (quote.form() == Quote::FORM_TITLE) {
    EXPECT_EQ(quote.speaker(), "");
    EXPECT_EQ(quote.role(), "");
    EXPECT_FALSE(quote.has_speaker_span());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Forms, FormTest,
    testing::Values(
        FormCase{"QuotedSentenceIsDirect", "“We will not wait,” Okafor said.",
                 "We will not wait,", kDirect},
        FormCase{"CapitalizedWordsSpokenAreDirect",
                 "“Long Live Valdoria,” Okafor said.", "Long Live Valdoria,",
                 kDirect},
        FormCase{"HyphenatedWordIsOneWord",
                 "Ministers defended the “rules-based” order.", "rules-based",
                 kScare},
        FormCase{"OneCapitalizedWordIsScareNotTitle",
                 "Okafor called the summit “Theatre” on Monday.", "Theatre",
                 kScare},
        FormCase{"ThreeWordsAreScare",
                 "Critics called it “a costly gamble” in parliament.",
                 "a costly gamble", kScare},
        FormCase{"FourWordsArePartial",
                 "Critics called it “a very costly gamble” in parliament.",
                 "a very costly gamble", kPartial},
        FormCase{"TitleWithShortWordsInLowerCase",
                 "Burton claims that his favorite book is \"One Hundred "
                 "Years of Solitude\".",
                 "One Hundred Years of Solitude", kTitle},
        FormCase{"TwoWordTitle",
                 "Okafor named the plan “Harbour Compact” in Lundby.",
                 "Harbour Compact", kTitle},
        FormCase{"TitleWithCommaInside",
                 "His novel, “The Harbour at Night,” sold well.",
                 "The Harbour at Night,", kTitle},
        FormCase{"LongWordInLowerCaseIsNoTitle",
                 "The plan is called “Ports and new railways” by officials.",
                 "Ports and new railways", kPartial},
        FormCase{"CapitalOnlyAtTheStartIsNoTitle",
                 "Critics called the summit “A bad day” for Valdoria.",
                 "A bad day", kScare},
        FormCase{"LowerCaseFirstWordIsNoTitle",
                 "The plan is called “the Ports Compact” by officials.",
                 "the Ports Compact", kScare},
        FormCase{"SentencePunctuationIsNoTitle",
                 "Okafor said that “We Will Build Ports.”",
                 "We Will Build Ports.", kPartial}),
    [](const testing::TestParamInfo<FormCase>& info) {
      return info.param.name;
    });

TEST(FindQuotesTest, FurnitureHoldsNoQuotes) {
  crosscheck::v1::Article article;
  article.set_id("a");
  article.set_text("Opinion: “A gamble”\nOkafor left. “Bye,” she said.\n");
  article.add_furniture()->set_end(article.text().find('\n'));
  const Document doc = MakeDocument(article);
  const EntityIndex entities(doc);
  std::vector<Claim> claims;
  std::vector<Note> notes;
  FindQuotes(doc, entities, &claims, &notes);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].quote().text(), "Bye,");
}

TEST(FindQuotesTest, AppendsToExistingClaims) {
  std::vector<Claim> claims(2);
  std::vector<Note> notes;
  crosscheck::v1::Article article;
  article.set_text("“One,” she said.");
  const Document doc = MakeDocument(article);
  const EntityIndex entities(doc);
  FindQuotes(doc, entities, &claims, &notes);
  EXPECT_EQ(claims.size(), 3u);
  EXPECT_EQ(claims[2].quote().text(), "One,");
}

// A mark is found wherever it falls in its paragraph, many bytes of plain
// text or few from its start or end, with more text after the paragraph or
// none.
TEST(FindQuotesTest, FindsMarksAtAnyOffsetInTheParagraph) {
  const std::vector<std::pair<std::string, std::string>> marks = {
      {"“", "”"}, {"\"", "\""}, {"«", "»"}};
  for (const auto& [open, close] : marks) {
    for (int lead = 0; lead < 40; ++lead) {
      for (const std::string after :
           {"", "\n\nThe vote is on Monday in May."}) {
        const std::string lead_text =
            lead == 0 ? "" : std::string(lead, 'x') + " ";
        const std::string text =
            lead_text + open + "We will win." + close + after;
        const Quoted q(text);
        ASSERT_EQ(q.claims().size(), 1u) << text;
        EXPECT_EQ(q.claims()[0].quote().text(), "We will win.") << text;
        EXPECT_EQ(q.claims()[0].span().begin(), lead_text.size()) << text;
        EXPECT_EQ(q.claims()[0].span().end(), text.size() - after.size())
            << text;
        EXPECT_TRUE(q.notes().empty()) << text;
      }
    }
  }
}

// Every pairing is a single pass: a text full of marks that never pair
// must not take quadratic time. (A quadratic scan of these texts takes
// minutes; the bound leaves room for slow sanitizer builds.)
TEST(FindQuotesTest, UnmatchedMarksTakeLinearTime) {
  const std::vector<std::string> marks = {"“", "”",   "\"",  "‘",  "’",
                                          "«", "“a ", "a” ", "‘a "};
  for (const std::string& mark : marks) {
    std::string text;
    for (int i = 0; i < 100000; ++i) text += mark;
    const auto start = std::chrono::steady_clock::now();
    const Quoted q(text);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    EXPECT_LT(seconds, 10.0) << "mark " << mark;
  }
}

TEST(FindQuotesTest, ManyShortQuotesInOneSentenceTakeLinearTime) {
  std::string text = "Tomas Berg said";
  for (int i = 0; i < 20000; ++i) text += " “Okafor Lundby”,";
  text += " all day.";
  const auto start = std::chrono::steady_clock::now();
  const Quoted q(text);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  EXPECT_EQ(q.claims().size(), 20000u);
  EXPECT_LT(seconds, 10.0);
}

struct NormalizeCase {
  std::string name;
  std::string text;
  std::string normalized;
};

void PrintTo(const NormalizeCase& c, std::ostream* os) { *os << c.name; }

class NormalizeTest : public testing::TestWithParam<NormalizeCase> {};

TEST_P(NormalizeTest, Normalizes) {
  EXPECT_EQ(NormalizeQuoteText(GetParam().text), GetParam().normalized);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NormalizeTest,
    testing::Values(
        NormalizeCase{"LowercaseAndPunctuation",
                      "Valdoria and Estmark are not neighbours, but by "
                      "choice.",
                      "valdoria and estmark are not neighbours but by choice"},
        NormalizeCase{"BracketedInsertion", "[Valdoria’s] economy is ready",
                      "economy is ready"},
        NormalizeCase{"UnclosedBracketIsPunctuation", "a [b c", "a b c"},
        NormalizeCase{"Ellipses", "We did not come … we came... to build",
                      "we did not come we came to build"},
        NormalizeCase{"HyphensAndDashes", "a multibillion-dollar deal — signed",
                      "a multibillion dollar deal signed"},
        NormalizeCase{"CurlyApostropheFolded", "We won’t stop; it’s Okafor’s",
                      "we won't stop it's okafor's"},
        NormalizeCase{"NestedQuotesAndEdgeApostrophes",
                      "what ‘partnership’ means in the sailors’ port",
                      "what partnership means in the sailors port"},
        NormalizeCase{"NumbersKeepSeparators",
                      "$48.5 billion, 2,400 delegates, 14%.",
                      "48.5 billion 2,400 delegates 14"},
        NormalizeCase{"NonAsciiLetters", "ÅSA Öberg in ŁÓDŹ",
                      "åsa öberg in łódź"},
        NormalizeCase{"SpacesCollapsed", "  a \n\t b  ", "a b"},
        NormalizeCase{"Empty", "", ""}),
    [](const testing::TestParamInfo<NormalizeCase>& info) {
      return info.param.name;
    });

}  // namespace
}  // namespace crosscheck::extract
