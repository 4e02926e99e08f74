// The aligner: which claims are grouped, and the verdict of each group.

#include "src/align/align.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "src/align/names.h"
#include "src/align/word_diff.h"

namespace crosscheck::align {
namespace {

using crosscheck::v1::Alignment;
using crosscheck::v1::Article;
using crosscheck::v1::Claim;
using crosscheck::v1::Figure;
using crosscheck::v1::Quote;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

std::vector<Article> Articles(int n) {
  std::vector<Article> out;
  const char* outlets[] = {"Daily Ledger", "Harbor Times", "Meridian Wire",
                           "Capital Review"};
  for (int i = 0; i < n; ++i) {
    Article a;
    a.set_id(std::string(1, static_cast<char>('a' + i)));
    a.set_outlet(outlets[i]);
    out.push_back(a);
  }
  return out;
}

Claim Fig(const std::string& id, const std::string& text, double value,
          const std::string& counted, const std::string& predicate,
          std::vector<std::string> keywords, std::vector<std::string> entities,
          Figure::Qualifier q = Figure::QUALIFIER_EXACT,
          const std::string& unit = "", bool ordinal = false) {
  Claim c;
  c.set_id(id);
  c.set_article_id(id.substr(0, 1));
  c.set_kind(Claim::KIND_FIGURE);
  c.set_text(text);
  c.mutable_span()->set_begin(static_cast<uint32_t>(id.size() * 10));
  c.mutable_figure()->set_value(value);
  c.mutable_figure()->set_qualifier(q);
  c.mutable_figure()->set_counted(counted);
  c.mutable_figure()->set_unit(unit);
  c.mutable_figure()->set_ordinal(ordinal);
  c.set_predicate(predicate);
  for (auto& k : keywords) c.add_keywords(k);
  for (auto& e : entities) c.add_entities(e);
  return c;
}

Claim DateClaim(const std::string& id, const std::string& text,
                const std::string& start, const std::string& predicate,
                std::vector<std::string> keywords,
                std::vector<std::string> entities) {
  Claim c;
  c.set_id(id);
  c.set_article_id(id.substr(0, 1));
  c.set_kind(Claim::KIND_DATE);
  c.set_text(text);
  c.mutable_date()->set_start(start);
  c.mutable_date()->set_end(start);
  c.set_predicate(predicate);
  for (auto& k : keywords) c.add_keywords(k);
  for (auto& e : entities) c.add_entities(e);
  return c;
}

Claim QuoteClaim(const std::string& id, const std::string& text,
                 const std::string& speaker) {
  Claim c;
  c.set_id(id);
  c.set_article_id(id.substr(0, 1));
  c.set_kind(Claim::KIND_QUOTE);
  c.set_text(text);
  c.mutable_quote()->set_text(text);
  c.mutable_quote()->set_speaker(speaker);
  return c;
}

// The group holding `id`.
const Alignment& GroupOf(const std::vector<Alignment>& groups,
                         const std::string& id) {
  for (const Alignment& a : groups) {
    for (const std::string& c : a.claim_ids()) {
      if (c == id) return a;
    }
  }
  static const Alignment* const kNone = new Alignment;
  return *kNone;
}

TEST(AlignFiguresTest, SameOrdinalOfTheSameThingWithDifferentValues) {
  const auto groups = Align(
      Articles(3),
      {Fig("a:f1", "thirty-first", 31, "summit", "", {"leader", "country"},
           {"Ada Okafor"}, Figure::QUALIFIER_EXACT, "", true),
       Fig("b:f1", "30th", 30, "summit", "", {"meeting"}, {},
           Figure::QUALIFIER_EXACT, "", true),
       Fig("c:f1", "31st", 31, "summit", "", {"leader"}, {"Ada Okafor"},
           Figure::QUALIFIER_EXACT, "", true)},
      AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_DISCREPANCY);
  EXPECT_THAT(groups[0].claim_ids(), ElementsAre("a:f1", "b:f1", "c:f1"));
  EXPECT_THAT(groups[0].summary(),
              HasSubstr("Daily Ledger: thirty-first; Harbor Times: 30th; "
                        "Meridian Wire: 31st"));
  EXPECT_EQ(groups[0].subject(), "summit (ordinal)");
}

TEST(AlignOptionsTest, GroupsBelowTheMinimumConfidenceStandAlone) {
  const std::vector<Claim> claims = {
      Fig("a:f1", "thirty-first", 31, "summit", "", {"leader", "country"},
          {"Ada Okafor"}, Figure::QUALIFIER_EXACT, "", true),
      Fig("b:f1", "30th", 30, "summit", "", {"meeting"}, {},
          Figure::QUALIFIER_EXACT, "", true)};
  const auto grouped = Align(Articles(2), claims, AlignOptions());
  ASSERT_EQ(grouped.size(), 1u);
  const float confidence = grouped[0].confidence();
  ASSERT_LT(confidence, 1.0f);
  AlignOptions strict;
  strict.min_confidence = confidence + 0.01;
  const auto split = Align(Articles(2), claims, strict);
  ASSERT_EQ(split.size(), 2u);
  for (const Alignment& a : split) {
    EXPECT_EQ(a.verdict(), Alignment::VERDICT_SINGLE_SOURCE);
    EXPECT_EQ(a.claim_ids_size(), 1);
  }
  EXPECT_EQ(split[0].id(), "a1");
  // At the group's own confidence it stays one group.
  strict.min_confidence = confidence;
  EXPECT_EQ(Align(Articles(2), claims, strict).size(), 1u);
}

TEST(AlignFiguresTest, MoneyAgreesAcrossWritings) {
  const auto groups = Align(
      Articles(2),
      {Fig("a:f1", "$48.5 billion", 48.5e9, "", "stand", {"trade", "annual"},
           {"Valdoria", "Estmark"}, Figure::QUALIFIER_EXACT, "USD"),
       Fig("b:f1", "48.5 billion dollars", 48.5e9, "", "reach",
           {"trade", "annual"}, {"Valdoria", "Estmark"},
           Figure::QUALIFIER_EXACT, "USD")},
      AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_AGREE);
}

TEST(AlignFiguresTest, QualifiedAndRoundedValuesAreCompatible) {
  const auto groups =
      Align(Articles(3),
            {Fig("a:f1", "more than 2,400", 2400, "delegate", "attend",
                 {"forum", "business"}, {}, Figure::QUALIFIER_MORE_THAN),
             Fig("b:f1", "2,450", 2450, "delegate", "attend", {"forum"}, {}),
             Fig("c:f1", "$48 billion", 48e9, "package", "", {"investment"}, {},
                 Figure::QUALIFIER_EXACT, "USD")},
            AlignOptions());
  EXPECT_EQ(GroupOf(groups, "a:f1").verdict(), Alignment::VERDICT_COMPATIBLE);
  EXPECT_EQ(GroupOf(groups, "c:f1").verdict(),
            Alignment::VERDICT_SINGLE_SOURCE);
}

TEST(AlignFiguresTest, DifferentSumsForTheSamePackageAreADiscrepancy) {
  const auto groups =
      Align(Articles(2),
            {Fig("a:f1", "$12 billion", 12e9, "package", "announce",
                 {"investment"}, {"Valdoria"}, Figure::QUALIFIER_EXACT, "USD"),
             Fig("b:f1", "$9 billion", 9e9, "package", "announce",
                 {"investment"}, {"Valdoria"}, Figure::QUALIFIER_EXACT, "USD")},
            AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_DISCREPANCY);
}

TEST(AlignFiguresTest, TimesWithDifferentVerbsOrPeopleAreNotOneFact) {
  // "have spoken by phone three times" / "foreign ministers have met 17
  // times" / "the leaders have met five times".
  const auto groups =
      Align(Articles(3),
            {Fig("a:f1", "three", 3, "time", "call", {"phone", "year"},
                 {"Ada Okafor", "Henrik Solberg"}),
             Fig("b:f1", "17", 17, "time", "meet", {"foreign", "minister"}, {}),
             Fig("c:f1", "five", 5, "time", "meet", {"leader"}, {})},
            AlignOptions());
  for (const Alignment& a : groups) {
    EXPECT_NE(a.verdict(), Alignment::VERDICT_DISCREPANCY) << a.summary();
  }
}

TEST(AlignFiguresTest, DifferentCountedThingsStayApart) {
  const auto groups =
      Align(Articles(2),
            {Fig("a:f1", "sixth", 6, "visit", "", {"estmark"}, {"Ada Okafor"},
                 Figure::QUALIFIER_EXACT, "", true),
             Fig("b:f1", "thirty-first", 31, "summit", "", {"leader"},
                 {"Ada Okafor"}, Figure::QUALIFIER_EXACT, "", true)},
            AlignOptions());
  EXPECT_EQ(groups.size(), 2u);
  for (const Alignment& a : groups) {
    EXPECT_EQ(a.verdict(), Alignment::VERDICT_SINGLE_SOURCE);
  }
}

TEST(AlignFiguresTest, SynonymsOfTheCountedNounMatch) {
  const auto groups =
      Align(Articles(2),
            {Fig("a:f1", "seven", 7, "agreement", "sign", {"cooperation"}, {}),
             Fig("b:f1", "seven", 7, "accord", "sign", {"cooperation"}, {})},
            AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_AGREE);
}

TEST(AlignFiguresTest, AGroupNeverHoldsTwoClaimsOfOneArticle) {
  const auto groups =
      Align(Articles(2),
            {Fig("a:f1", "seven", 7, "agreement", "sign", {"cooperation"}, {}),
             Fig("a:f2", "eight", 8, "agreement", "sign", {"cooperation"}, {}),
             Fig("b:f1", "seven", 7, "agreement", "sign", {"cooperation"}, {})},
            AlignOptions());
  for (const Alignment& a : groups) {
    std::vector<std::string> articles;
    for (const auto& id : a.claim_ids()) articles.push_back(id.substr(0, 1));
    std::sort(articles.begin(), articles.end());
    EXPECT_EQ(std::adjacent_find(articles.begin(), articles.end()),
              articles.end());
  }
  EXPECT_EQ(GroupOf(groups, "b:f1").verdict(), Alignment::VERDICT_AGREE);
}

TEST(AlignFiguresTest, RoundingIgnoresDotsThatAreNotDecimalPoints) {
  const auto groups =
      Align(Articles(2),
            {Fig("a:f1", "U.S.$4,000", 4000, "grant", "", {"student"}, {},
                 Figure::QUALIFIER_EXACT, "USD"),
             Fig("b:f1", "$4,050", 4050, "grant", "", {"student"}, {},
                 Figure::QUALIFIER_EXACT, "USD")},
            AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_COMPATIBLE);
}

TEST(AlignFiguresTest, HugeBlocksArePairedThroughSharedKeywords) {
  // 600 money figures without a counted noun share one blocking key; only
  // those that also share a keyword are compared.
  std::vector<Claim> claims;
  for (int i = 0; i < 300; ++i) {
    const std::string n = std::to_string(i);
    claims.push_back(Fig("a:f" + n, "$" + n + " million", i * 1e6, "", "",
                         {"topic" + n}, {}, Figure::QUALIFIER_EXACT, "USD"));
    claims.push_back(Fig("b:f" + n, "$" + n + " million", i * 1e6, "", "",
                         {"topic" + n}, {}, Figure::QUALIFIER_EXACT, "USD"));
  }
  const auto groups = Align(Articles(2), claims, AlignOptions());
  ASSERT_EQ(groups.size(), 300u);
  for (const Alignment& g : groups) {
    EXPECT_EQ(g.verdict(), Alignment::VERDICT_AGREE) << g.summary();
  }
}

TEST(AlignDatesTest, SameEventDifferentYearIsADiscrepancy) {
  const auto groups = Align(Articles(2),
                            {DateClaim("a:d1", "2016", "2016", "take office",
                                       {"president"}, {"Ada Okafor"}),
                             DateClaim("b:d1", "2017", "2017", "come to power",
                                       {"president"}, {"Ada Okafor"})},
                            AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_DISCREPANCY);
  EXPECT_THAT(groups[0].summary(),
              HasSubstr("Daily Ledger: 2016; Harbor Times: 2017"));
}

TEST(AlignDatesTest, SamePeopleNeedASharedEventWordUnlessTheEventIsOnce) {
  // "has lost two by-elections since the winter" / "sailors lost in the
  // storm of 1953": same verb, same leader named nearby, different events.
  auto groups =
      Align(Articles(2),
            {DateClaim("a:d1", "the winter", "2023-12", "lose",
                       {"coalition", "by-election"}, {"Henrik Solberg"}),
             DateClaim("b:d1", "1953", "1953", "lose", {"storm", "sailor"},
                       {"Henrik Solberg"})},
            AlignOptions());
  EXPECT_EQ(groups.size(), 2u);
  // Taking office happens once: the same person suffices.
  groups = Align(Articles(2),
                 {DateClaim("a:d1", "2016", "2016", "take office",
                            {"banker", "former"}, {"Ada Okafor"}),
                  DateClaim("b:d1", "2017", "2017", "take office",
                            {"presidency", "future"}, {"Ada Okafor"})},
                 AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_DISCREPANCY);
}

TEST(AlignDatesTest, DayInsideMonthIsCompatibleAndSameDayAgrees) {
  const auto groups = Align(Articles(3),
                            {DateClaim("a:d1", "Monday", "2024-06-03", "arrive",
                                       {"lundby"}, {"Ada Okafor", "Lundby"}),
                             DateClaim("b:d1", "June 3", "2024-06-03", "land",
                                       {"lundby"}, {"Ada Okafor", "Lundby"}),
                             DateClaim("c:d1", "in June", "2024-06", "arrive",
                                       {"lundby"}, {"Lundby"})},
                            AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_COMPATIBLE);
}

TEST(AlignDatesTest, DatesWithoutSharedContextStayApart) {
  const auto groups =
      Align(Articles(2),
            {DateClaim("a:d1", "2012", "2012", "sign", {"defence", "pact"}, {}),
             DateClaim("b:d1", "Tuesday", "2024-06-04", "sign",
                       {"trade", "deal"}, {})},
            AlignOptions());
  EXPECT_EQ(groups.size(), 2u);
}

TEST(AlignQuotesTest, IdenticalWordsAgreeRewordingIsADiscrepancy) {
  const auto groups = Align(
      Articles(3),
      {QuoteClaim("a:q1", "We have opened a new chapter of trust between us.",
                  "Henrik Solberg"),
       QuoteClaim("b:q1", "We have opened a new chapter of trust between us",
                  "Solberg"),
       QuoteClaim("c:q1",
                  "We have opened a new chapter of cooperation between us.",
                  "Henrik Solberg")},
      AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_DISCREPANCY);
  EXPECT_THAT(groups[0].summary(), HasSubstr("the quoted words differ"));
}

TEST(AlignQuotesTest, SameWordsDifferentSpeakersIsADiscrepancy) {
  const auto groups =
      Align(Articles(2),
            {QuoteClaim("a:q1", "Ports are built in years, trust in decades.",
                        "Henrik Solberg"),
             QuoteClaim("b:q1", "Ports are built in years, trust in decades.",
                        "Sofie Dahl")},
            AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_DISCREPANCY);
  EXPECT_THAT(groups[0].summary(),
              HasSubstr("Daily Ledger: Henrik Solberg; Harbor Times: Sofie "
                        "Dahl"));
}

TEST(AlignQuotesTest, SameSurnameDifferentFirstNamesAreDifferentSpeakers) {
  const auto groups =
      Align(Articles(2),
            {QuoteClaim("a:q1", "Ports are built in years, trust in decades.",
                        "Ada Okafor"),
             QuoteClaim("b:q1", "Ports are built in years, trust in decades.",
                        "Chidi Okafor")},
            AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_DISCREPANCY);
  EXPECT_THAT(groups[0].summary(),
              HasSubstr("the same words given to different speakers"));
}

TEST(AlignQuotesTest, ALessCompleteNameIsNoEvidenceOfAnotherSpeaker) {
  // "Okafor" and "A. Okafor" may be Ada Okafor (a bare surname is left as
  // written when two people fit it): not a speaker discrepancy.
  const auto groups =
      Align(Articles(3),
            {QuoteClaim("a:q1", "Ports are built in years, trust in decades.",
                        "Ada Okafor"),
             QuoteClaim("b:q1", "Ports are built in years, trust in decades.",
                        "Okafor"),
             QuoteClaim("c:q1", "Ports are built in years, trust in decades.",
                        "A. Okafor")},
            AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_AGREE);
}

TEST(AlignQuotesTest, SpellingsUnifiedAcrossArticlesAreOneSpeaker) {
  std::vector<Claim> claims = {
      QuoteClaim("a:q1", "We will fight to the last drop of blood.",
                 "Muammar Gaddafi"),
      QuoteClaim("b:q1", "We will fight to the last drop of blood.", "Qaddafi"),
      QuoteClaim("c:q1", "We will fight to the last drop of blood.",
                 "Moammar Gadhafi")};
  // Compared as written, three spellings look like three speakers.
  auto groups = Align(Articles(3), claims, AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_DISCREPANCY);
  UnifyNames(&claims);
  groups = Align(Articles(3), claims, AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_AGREE);
}

Claim WithForm(Claim c, Quote::Form form) {
  c.mutable_quote()->set_form(form);
  return c;
}

TEST(AlignQuotesTest, TitlesAreNeverAligned) {
  const auto groups =
      Align(Articles(2),
            {WithForm(QuoteClaim("a:q1", "One Hundred Years of Solitude", ""),
                      Quote::FORM_TITLE),
             WithForm(QuoteClaim("b:q1", "One Hundred Years of Solitude", ""),
                      Quote::FORM_TITLE)},
            AlignOptions());
  ASSERT_EQ(groups.size(), 2u);
  for (const Alignment& g : groups) {
    EXPECT_EQ(g.verdict(), Alignment::VERDICT_SINGLE_SOURCE);
  }
}

TEST(AlignQuotesTest, ScareQuotesGroupOnlyWithTheSameWords) {
  const auto groups = Align(
      Articles(3),
      {WithForm(QuoteClaim("a:q1", "rules-based order", ""), Quote::FORM_SCARE),
       QuoteClaim("b:q1", "The rules-based order is over, and we know it.",
                  "Henrik Solberg"),
       WithForm(QuoteClaim("c:q1", "Rules-based order", ""),
                Quote::FORM_SCARE)},
      AlignOptions());
  // The two scare quotes agree; the sentence that contains their words is
  // another quotation.
  EXPECT_THAT(GroupOf(groups, "a:q1").claim_ids(), ElementsAre("a:q1", "c:q1"));
  EXPECT_EQ(GroupOf(groups, "a:q1").verdict(), Alignment::VERDICT_AGREE);
  EXPECT_EQ(GroupOf(groups, "b:q1").verdict(),
            Alignment::VERDICT_SINGLE_SOURCE);
}

TEST(AlignQuotesTest, AScareQuoteNeverMakesADiscrepancy) {
  // The scare quote joins the group through a quote of its very words with
  // no speaker; against the longer version, by another speaker, it is
  // neither a wording nor a speaker discrepancy.
  const auto groups = Align(
      Articles(3),
      {WithForm(QuoteClaim("a:q1", "bridge of trust", "Henrik Solberg"),
                Quote::FORM_SCARE),
       WithForm(QuoteClaim("b:q1", "bridge of trust", ""), Quote::FORM_PARTIAL),
       QuoteClaim("c:q1", "This visit builds a bridge of trust between us.",
                  "Ada Okafor")},
      AlignOptions());
  const Alignment& group = GroupOf(groups, "a:q1");
  EXPECT_THAT(group.claim_ids(), ElementsAre("a:q1", "b:q1", "c:q1"));
  EXPECT_EQ(group.verdict(), Alignment::VERDICT_COMPATIBLE);
}

TEST(AlignQuotesTest, BracketedInsertionAndFragmentsAreCompatible) {
  const auto groups = Align(
      Articles(3),
      {QuoteClaim("a:q1", "Our economy is ready for the next decade of growth.",
                  "Ilse Marten"),
       QuoteClaim("b:q1",
                  "[Valdoria’s] economy is ready for the next decade of "
                  "growth.",
                  "Ilse Marten"),
       QuoteClaim("c:q1", "ready for the next decade", "")},
      AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_COMPATIBLE);
}

TEST(AlignTest, EveryClaimIsInExactlyOneGroupAndOrderIsByVerdict) {
  std::vector<Claim> claims = {
      Fig("a:f1", "seven", 7, "agreement", "sign", {"cooperation"}, {}),
      Fig("b:f1", "seven", 7, "agreement", "sign", {"cooperation"}, {}),
      Fig("a:f2", "$12 billion", 12e9, "package", "", {"investment"}, {},
          Figure::QUALIFIER_EXACT, "USD"),
      Fig("b:f2", "$9 billion", 9e9, "package", "", {"investment"}, {},
          Figure::QUALIFIER_EXACT, "USD"),
      Fig("b:f3", "40%", 40, "", "", {"gas", "import"}, {},
          Figure::QUALIFIER_EXACT, "percent")};
  const auto groups = Align(Articles(2), claims, AlignOptions());
  std::vector<std::string> seen;
  for (const auto& g : groups) {
    for (const auto& id : g.claim_ids()) seen.push_back(id);
  }
  EXPECT_THAT(seen,
              UnorderedElementsAre("a:f1", "b:f1", "a:f2", "b:f2", "b:f3"));
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_DISCREPANCY);
  EXPECT_EQ(groups[1].verdict(), Alignment::VERDICT_AGREE);
  EXPECT_EQ(groups[2].verdict(), Alignment::VERDICT_SINGLE_SOURCE);
  EXPECT_EQ(groups[0].id(), "a1");
  EXPECT_EQ(groups[2].id(), "a3");
}

TEST(AlignTest, ResultDoesNotDependOnInputOrder) {
  std::vector<Claim> claims = {
      Fig("a:f1", "thirty-first", 31, "summit", "", {"leader"}, {},
          Figure::QUALIFIER_EXACT, "", true),
      Fig("b:f1", "30th", 30, "summit", "", {"leader"}, {},
          Figure::QUALIFIER_EXACT, "", true),
      QuoteClaim("a:q1", "A new chapter of trust between our nations.", "X"),
      QuoteClaim("b:q1", "A new chapter of trust between our nations.", "X")};
  std::vector<Article> articles = Articles(2);
  const auto forward = Align(articles, claims, AlignOptions());
  std::reverse(claims.begin(), claims.end());
  std::reverse(articles.begin(), articles.end());
  const auto backward = Align(articles, claims, AlignOptions());
  ASSERT_EQ(forward.size(), backward.size());
  for (size_t i = 0; i < forward.size(); ++i) {
    EXPECT_EQ(forward[i].SerializeAsString(), backward[i].SerializeAsString());
  }
}

// Places `claim` in sentence `sentence` (byte offsets), at `begin`.
Claim InSentence(Claim claim, uint32_t sentence, uint32_t begin) {
  claim.mutable_sentence()->set_begin(sentence);
  claim.mutable_sentence()->set_end(sentence + 500);
  claim.mutable_span()->set_begin(begin);
  claim.mutable_span()->set_end(begin + 5);
  return claim;
}

TEST(AlignFiguresTest, FiguresOfDifferentDaysAreDifferentFacts) {
  // "The toll rose to 214 by Monday" and "rose to 261 on Tuesday": a
  // changing number on two days, not rival counts. The same day with
  // different numbers is a discrepancy.
  const std::vector<std::string> kw = {"toll", "death", "earthquake"};
  std::vector<Claim> claims = {
      InSentence(Fig("a:f1", "214", 214, "", "rise", kw, {"Tarvia"}), 0, 40),
      InSentence(
          DateClaim("a:d1", "Monday", "2025-03-10", "rise", kw, {"Tarvia"}), 0,
          50),
      InSentence(Fig("b:f1", "261", 261, "", "rise", kw, {"Tarvia"}), 0, 40),
      InSentence(
          DateClaim("b:d1", "Tuesday", "2025-03-11", "rise", kw, {"Tarvia"}), 0,
          50),
      InSentence(Fig("c:f1", "220", 220, "", "rise", kw, {"Tarvia"}), 0, 40),
      InSentence(
          DateClaim("c:d1", "Monday", "2025-03-10", "rise", kw, {"Tarvia"}), 0,
          50)};
  const auto groups = Align(Articles(3), claims, AlignOptions());
  const Alignment& monday = GroupOf(groups, "a:f1");
  EXPECT_EQ(monday.verdict(), Alignment::VERDICT_DISCREPANCY);
  EXPECT_THAT(monday.claim_ids(), ElementsAre("a:f1", "c:f1"));
  EXPECT_EQ(GroupOf(groups, "b:f1").verdict(),
            Alignment::VERDICT_SINGLE_SOURCE);
}

TEST(AlignDatesTest, AnArticleWithTwoVersionsOfAnEventMakesNoDiscrepancy) {
  // Article a dates two earthquakes (1987 and 2025); b dates one of them.
  // b's date joins the one it agrees with and conflicts with nothing.
  auto quake = [](const std::string& id, const std::string& start) {
    Claim c = DateClaim(id, start, start, "strike", {"valley", "toll"},
                        {"Drena Valley"});
    c.mutable_date()->set_event("earthquake");
    return c;
  };
  const auto groups = Align(Articles(2),
                            {quake("a:d1", "1987"), quake("a:d2", "2025-03-08"),
                             quake("b:d1", "1987-10")},
                            AlignOptions());
  for (const Alignment& g : groups) {
    EXPECT_NE(g.verdict(), Alignment::VERDICT_DISCREPANCY) << g.summary();
  }
  const Alignment& old = GroupOf(groups, "b:d1");
  EXPECT_EQ(old.verdict(), Alignment::VERDICT_COMPATIBLE);
  EXPECT_THAT(old.claim_ids(), ElementsAre("a:d1", "b:d1"));
}

TEST(AlignFiguresTest, NoDiscrepancyByChaining) {
  // "several patients" is like "two patients" (killed in the collapse; they
  // share only the person's name) and like "more than 400 patients"
  // (admitted), which are not like each other: 2 and 400 never end up in
  // one group as rival counts.
  const auto groups =
      Align(Articles(3),
            {Fig("a:f1", "several", 0, "patient", "fly",
                 {"hospital", "regional", "injure"}, {"Pellan", "Miravel"},
                 Figure::QUALIFIER_VAGUE),
             Fig("b:f1", "two", 2, "patient", "kill",
                 {"wing", "collapse", "quake"}, {"Miravel"}),
             Fig("c:f1", "more than 400", 400, "patient", "admit",
                 {"hospital", "regional", "injure"}, {"Pellan"},
                 Figure::QUALIFIER_MORE_THAN)},
            AlignOptions());
  for (const Alignment& g : groups) {
    EXPECT_NE(g.verdict(), Alignment::VERDICT_DISCREPANCY) << g.summary();
  }
  EXPECT_NE(&GroupOf(groups, "b:f1"), &GroupOf(groups, "c:f1"));
}

TEST(AlignFiguresTest, AGenericNounNeedsTheSameAction) {
  // "30,000 people have been displaced" and "left 32,500 displaced people":
  // the verb of one is a keyword of the other. "pulled 87 people alive" is
  // another action.
  const auto groups = Align(Articles(3),
                            {Fig("a:f1", "more than 30,000", 30000, "person",
                                 "displace", {"home", "destroy", "tent"},
                                 {"Tarvia"}, Figure::QUALIFIER_MORE_THAN),
                             Fig("b:f1", "32,500", 32500, "person", "leave",
                                 {"displace", "tent", "home"}, {"Tarvia"}),
                             Fig("c:f1", "87", 87, "person", "pull",
                                 {"alive", "rubble", "home"}, {"Tarvia"})},
                            AlignOptions());
  const Alignment& displaced = GroupOf(groups, "a:f1");
  EXPECT_EQ(displaced.verdict(), Alignment::VERDICT_COMPATIBLE);
  EXPECT_THAT(displaced.claim_ids(), ElementsAre("a:f1", "b:f1"));
  EXPECT_EQ(GroupOf(groups, "c:f1").verdict(),
            Alignment::VERDICT_SINGLE_SOURCE);
}

TEST(AlignFiguresTest,
     AnUnnamedAmountMatchesANamedOneOnlyWhenItsSentenceNamesIt) {
  // "Trade stands at $48.5 billion" is not "a $12 billion package"; "the
  // package, worth $9 billion" is.
  const auto groups = Align(
      Articles(3),
      {Fig("a:f1", "$48.5 billion", 48.5e9, "", "stand",
           {"trade", "investment"}, {"Statistics Office"},
           Figure::QUALIFIER_EXACT, "USD"),
       Fig("b:f1", "$12 billion", 12e9, "package", "announce",
           {"investment", "trade"}, {"Estmark"}, Figure::QUALIFIER_EXACT,
           "USD"),
       Fig("c:f1", "$9 billion", 9e9, "", "worth", {"package", "investment"},
           {"Estmark"}, Figure::QUALIFIER_EXACT, "USD")},
      AlignOptions());
  EXPECT_EQ(GroupOf(groups, "a:f1").verdict(),
            Alignment::VERDICT_SINGLE_SOURCE);
  const Alignment& package = GroupOf(groups, "b:f1");
  EXPECT_EQ(package.verdict(), Alignment::VERDICT_DISCREPANCY);
  EXPECT_THAT(package.claim_ids(), ElementsAre("b:f1", "c:f1"));
}

TEST(AlignQuotesTest, TwoFragmentsOfOneQuoteAreCompatible) {
  // Neither fragment holds the other; each is part of the full quote.
  const auto groups = Align(
      Articles(3),
      {QuoteClaim("a:q1",
                  "We will rebuild every school and every home in this "
                  "valley, and this time we will build them to stand.",
                  "Dorian Vasko"),
       QuoteClaim("b:q1", "rebuild every school and every home in this valley",
                  ""),
       QuoteClaim("c:q1", "this time we will build them to stand", "")},
      AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_COMPATIBLE);
}

TEST(AlignDatesTest, ADateRangeAndTheDurationOfItsEventFit) {
  // "the June 5-7 tour" beside "a three-day tour" is COMPATIBLE; beside "a
  // four-day tour", a DISCREPANCY.
  auto range = [](const std::string& id) {
    Claim c = DateClaim(id, "June 5-7", "2024-06-05", "visit",
                        {"palace", "king"}, {"Ada Okafor", "Lundby"});
    c.mutable_date()->set_end("2024-06-07");
    c.mutable_date()->set_event("tour");
    return c;
  };
  auto days = [](const std::string& id, double n) {
    return Fig(id, "three-day", n, "tour", "begin", {"palace", "king"},
               {"Ada Okafor", "Lundby"}, Figure::QUALIFIER_EXACT, "day");
  };
  const auto fit =
      Align(Articles(2), {range("a:d1"), days("b:f1", 3)}, AlignOptions());
  ASSERT_EQ(fit.size(), 1u);
  EXPECT_EQ(fit[0].verdict(), Alignment::VERDICT_COMPATIBLE);
  EXPECT_EQ(fit[0].kind(), Claim::KIND_DATE);
  const auto misfit =
      Align(Articles(2), {range("a:d1"), days("b:f1", 4)}, AlignOptions());
  ASSERT_EQ(misfit.size(), 1u);
  EXPECT_EQ(misfit[0].verdict(), Alignment::VERDICT_DISCREPANCY);
}

TEST(AlignTest, LargeBlocksFormOneGroupPerFact) {
  // 600 outlets each give the ordinal of the same summit (one in ten says
  // 30th) and the sum of another event's package: two groups of 600, past
  // the size at which every pair is scored.
  std::vector<Article> articles;
  std::vector<Claim> claims;
  for (int i = 0; i < 600; ++i) {
    Article a;
    a.set_id(absl::StrCat("outlet", 1000 + i));
    a.set_outlet(absl::StrCat("Outlet ", i));
    articles.push_back(a);
    Claim summit =
        Fig("x:f1",
            i % 10 == 0 ? "30th"
            : i % 2     ? "31st"
                        : "thirty-first",
            i % 10 == 0 ? 30 : 31, "summit", "hold", {"leader", "country"},
            {"Estmark"}, Figure::QUALIFIER_EXACT, "", true);
    summit.set_id(absl::StrCat(a.id(), ":f1"));
    summit.set_article_id(a.id());
    claims.push_back(summit);
    Claim package = Fig("x:f2", "$9 billion", 9e9, "package", "announce",
                        {"investment", "port"}, {"Valdoria"},
                        Figure::QUALIFIER_EXACT, "USD");
    package.set_id(absl::StrCat(a.id(), ":f2"));
    package.set_article_id(a.id());
    claims.push_back(package);
  }
  const auto groups = Align(articles, claims, AlignOptions());
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_DISCREPANCY);
  EXPECT_EQ(groups[0].claim_ids_size(), 600);
  EXPECT_THAT(groups[0].summary(),
              HasSubstr("31st: 540 outlets (Outlet 1, Outlet 2, …); 30th: 60 "
                        "outlets (Outlet 0, Outlet 10, …) — summit"));
  EXPECT_EQ(groups[1].verdict(), Alignment::VERDICT_AGREE);
  EXPECT_EQ(groups[1].claim_ids_size(), 600);
}

TEST(AlignTest, ArticlesOfDifferentStoriesAreNotCompared) {
  // Two summits in one corpus, worded alike: "the 11th summit" of one pair
  // of countries is no rival of "the 26th summit" of another.
  auto summit = [](const std::string& id, double n,
                   std::vector<std::string> entities) {
    return Fig(id, "11th", n, "summit", "hold", {"leader", "country"},
               std::move(entities), Figure::QUALIFIER_EXACT, "", true);
  };
  const auto groups =
      Align(Articles(4),
            {summit("a:f1", 11, {"Valdoria", "Estmark", "Ada Okafor"}),
             summit("b:f1", 11, {"Valdoria", "Estmark"}),
             summit("c:f1", 26, {"Galdoria", "Brenland", "Iva Kessel"}),
             summit("d:f1", 27, {"Galdoria", "Brenland"})},
            AlignOptions());
  EXPECT_EQ(GroupOf(groups, "a:f1").verdict(), Alignment::VERDICT_AGREE);
  EXPECT_THAT(GroupOf(groups, "a:f1").claim_ids(), ElementsAre("a:f1", "b:f1"));
  EXPECT_EQ(GroupOf(groups, "c:f1").verdict(), Alignment::VERDICT_DISCREPANCY);
  EXPECT_THAT(GroupOf(groups, "c:f1").claim_ids(), ElementsAre("c:f1", "d:f1"));
  // With the check off, the four are one fact.
  AlignOptions any;
  any.min_shared_story_entities = 0;
  EXPECT_EQ(Align(Articles(4),
                  {summit("a:f1", 11, {"Valdoria"}),
                   summit("c:f1", 26, {"Galdoria"})},
                  any)
                .size(),
            1u);
}

TEST(AlignTest, ClaimsOfUnknownArticlesStandForThemselves) {
  // No articles at all, or a claim whose article is not among them: each
  // unknown article is an outlet of its own, named by its id.
  const Claim a = Fig("a:f1", "23", 23, "ship", "wait", {"anchor"}, {});
  EXPECT_EQ(Align({}, {a}, AlignOptions()).size(), 1u);
  Claim stray = Fig("a:f1", "23", 23, "ship", "wait", {"anchor"}, {});
  stray.set_id("zzz:f1");
  stray.set_article_id("zzz");
  const auto groups = Align(
      Articles(2),
      {Fig("a:f1", "23", 23, "ship", "wait", {"anchor", "harbour"}, {}),
       Fig("b:f1", "23", 23, "ship", "wait", {"anchor", "harbour"}, {}), stray},
      AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].claim_ids_size(), 3);
  EXPECT_THAT(groups[0].summary(), HasSubstr("zzz: 23"));
}

TEST(AlignFiguresTest, NegativeValuesCompareAsValues) {
  // "fell by about 3 percent" (-3) beside "fell by 3 percent"; "less than
  // -5" beside -6.
  auto fall = [](const std::string& id, double v, Figure::Qualifier q) {
    return Fig(id, "3 percent", v, "", "fall", {"price", "consumer"},
               {"Estmark"}, q, "percent");
  };
  EXPECT_EQ(Align(Articles(2),
                  {fall("a:f1", -3, Figure::QUALIFIER_APPROXIMATE),
                   fall("b:f1", -3, Figure::QUALIFIER_EXACT)},
                  AlignOptions())[0]
                .verdict(),
            Alignment::VERDICT_COMPATIBLE);
  EXPECT_EQ(Align(Articles(2),
                  {fall("a:f1", -5, Figure::QUALIFIER_LESS_THAN),
                   fall("b:f1", -6, Figure::QUALIFIER_EXACT)},
                  AlignOptions())[0]
                .verdict(),
            Alignment::VERDICT_COMPATIBLE);
}

TEST(AlignFiguresTest, PeopleOfOneActionWithNothingElseInCommonAreNoRivals) {
  // "More than 2,000 people attended a rally" and "about 50 people attended
  // a vigil": the same verb, nothing else shared.
  const auto groups = Align(Articles(2),
                            {Fig("a:f1", "2,000", 2000, "person", "attend",
                                 {"rally", "square"}, {"Lundby"}),
                             Fig("b:f1", "50", 50, "person", "attend",
                                 {"vigil", "church"}, {"Lundby"})},
                            AlignOptions());
  for (const Alignment& g : groups) {
    EXPECT_NE(g.verdict(), Alignment::VERDICT_DISCREPANCY) << g.summary();
  }
}

TEST(AlignFiguresTest, AFigureOfAnotherYearIsNoRivalOfAnUndatedOne) {
  // "the 1987 earthquake, which killed 421 people" (dated by its event)
  // beside "the earthquake killed 214 people" in an article of 2025.
  std::vector<Article> articles = Articles(2);
  articles[0].set_published("2025-03-10");
  articles[1].set_published("2025-03-11");
  const std::vector<std::string> kw = {"earthquake", "valley"};
  Claim old_quake =
      InSentence(DateClaim("a:d1", "1987", "1987", "predate", kw, {}), 0, 10);
  old_quake.mutable_date()->set_event("earthquake");
  const auto groups = Align(
      articles,
      {old_quake,
       InSentence(Fig("a:f1", "421", 421, "person", "kill", kw, {}), 0, 40),
       InSentence(Fig("b:f1", "214", 214, "person", "kill", kw, {}), 0, 40)},
      AlignOptions());
  for (const Alignment& g : groups) {
    EXPECT_NE(g.verdict(), Alignment::VERDICT_DISCREPANCY) << g.summary();
  }
}

TEST(AlignFiguresTest, NoDiscrepancyByChainingInLargeGroups) {
  // 70 outlets say "several patients" (flown out), one "two patients"
  // (killed in a collapse) and one "more than 400 patients" (admitted):
  // each is like "several", the two are not like each other. Past the
  // size at which every pair of a merge is checked, 2 and 400 still never
  // become rival counts.
  std::vector<Article> articles;
  std::vector<Claim> claims;
  auto add = [&](int i, const std::string& text, double v, Figure::Qualifier q,
                 const std::string& verb, std::vector<std::string> kw) {
    Article a;
    a.set_id(absl::StrCat("o", 1000 + i));
    a.set_outlet(absl::StrCat("Outlet ", i));
    articles.push_back(a);
    Claim c = Fig("x:f1", text, v, "patient", verb, std::move(kw),
                  {"Pellan", "Miravel"}, q);
    c.set_id(absl::StrCat(a.id(), ":f1"));
    c.set_article_id(a.id());
    claims.push_back(c);
  };
  for (int i = 0; i < 70; ++i) {
    add(i, "several", 0, Figure::QUALIFIER_VAGUE, "fly",
        {"hospital", "regional", "injure", "wing", "collapse", "quake"});
  }
  add(70, "two", 2, Figure::QUALIFIER_EXACT, "kill",
      {"wing", "collapse", "quake"});
  add(71, "more than 400", 400, Figure::QUALIFIER_MORE_THAN, "admit",
      {"hospital", "regional", "injure"});
  const auto groups = Align(articles, claims, AlignOptions());
  for (const Alignment& g : groups) {
    EXPECT_NE(g.verdict(), Alignment::VERDICT_DISCREPANCY) << g.summary();
  }
  EXPECT_NE(&GroupOf(groups, "o1070:f1"), &GroupOf(groups, "o1071:f1"));
}

TEST(AlignTest, TheStoryCheckComparesWholeNames) {
  // "Estmark Central Bank" and "World Bank" share a last word, not a story.
  auto summit = [](const std::string& id, double n,
                   std::vector<std::string> entities) {
    return Fig(id, "11th", n, "summit", "hold", {"leader", "country"},
               std::move(entities), Figure::QUALIFIER_EXACT, "", true);
  };
  const auto groups =
      Align(Articles(2),
            {summit("a:f1", 11,
                    {"Estmark Central Bank", "Saltmere Dockworkers Union"}),
             summit("b:f1", 26, {"World Bank", "African Union"})},
            AlignOptions());
  EXPECT_EQ(groups.size(), 2u);
}

TEST(AlignDatesTest, DurationsInWeeksAndDaysCompareInDays) {
  auto visit = [](const std::string& id, double n, const std::string& unit) {
    return Fig(id, "two-week", n, "visit", "begin", {"palace", "king"},
               {"Ada Okafor", "Lundby"}, Figure::QUALIFIER_EXACT, unit);
  };
  EXPECT_EQ(
      Align(Articles(2), {visit("a:f1", 2, "week"), visit("b:f1", 2, "day")},
            AlignOptions())[0]
          .verdict(),
      Alignment::VERDICT_DISCREPANCY);
  EXPECT_EQ(
      Align(Articles(2), {visit("a:f1", 1, "week"), visit("b:f1", 7, "day")},
            AlignOptions())[0]
          .verdict(),
      Alignment::VERDICT_AGREE);
  // A duration that is no number is consistent with anything.
  Claim range = DateClaim("a:d1", "June 5-7", "2024-06-05", "visit",
                          {"palace", "king"}, {"Ada Okafor", "Lundby"});
  range.mutable_date()->set_end("2024-06-07");
  range.mutable_date()->set_event("visit");
  for (const Alignment& g :
       Align(Articles(2),
             {range,
              visit("b:f1", std::numeric_limits<double>::infinity(), "day")},
             AlignOptions())) {
    EXPECT_NE(g.verdict(), Alignment::VERDICT_DISCREPANCY) << g.summary();
  }
}

TEST(AlignTest, SummaryVersionsKeepEveryDigit) {
  // 1,234,567 and 1,234,589 are two versions, not one "1.23457e+06".
  std::vector<Article> articles;
  std::vector<Claim> claims;
  for (int i = 0; i < 10; ++i) {
    Article a;
    a.set_id(absl::StrCat("o", 1000 + i));
    a.set_outlet(absl::StrCat("Outlet ", i));
    articles.push_back(a);
    const double v = i < 5 ? 1234567 : 1234589;
    Claim c = Fig("x:f1", i < 5 ? "1,234,567" : "1,234,589", v, "voter",
                  "register", {"roll", "election"}, {"Estmark", "Lundby"});
    c.set_id(absl::StrCat(a.id(), ":f1"));
    c.set_article_id(a.id());
    claims.push_back(c);
  }
  const auto groups = Align(articles, claims, AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].verdict(), Alignment::VERDICT_DISCREPANCY);
  EXPECT_THAT(groups[0].summary(),
              HasSubstr("1,234,567: 5 outlets (Outlet 0, Outlet 1, …); "
                        "1,234,589: 5 outlets"));
}

TEST(AlignQuotesTest, FragmentsFindTheWholeQuoteAmongManyQuotes) {
  // Past the size at which every pair of quotes is scored: two fragments
  // listed before the whole sentence still end up in its group.
  std::vector<Article> articles;
  std::vector<Claim> claims;
  auto add = [&](const std::string& id, const std::string& text) {
    Article a;
    a.set_id(id);
    a.set_outlet(id);
    articles.push_back(a);
    Claim c = QuoteClaim(id + ":q1", text, "");
    c.set_article_id(id);
    claims.push_back(c);
  };
  add("a", "rebuild every school and every home in this valley");
  add("b", "this time we will build them to stand");
  add("c",
      "We will rebuild every school and every home in this valley, and this "
      "time we will build them to stand.");
  for (int i = 0; i < 70; ++i) {
    add(absl::StrCat("filler", 100 + i),
        absl::StrCat("Quotation number ", i, " says something else ", i,
                     " entirely about topic ", i));
  }
  const auto groups = Align(articles, claims, AlignOptions());
  const Alignment& whole = GroupOf(groups, "c:q1");
  EXPECT_EQ(whole.verdict(), Alignment::VERDICT_COMPATIBLE);
  EXPECT_THAT(whole.claim_ids(), ElementsAre("a:q1", "b:q1", "c:q1"));
}

// `n` articles "<prefix><1000+i>", outlet "<prefix> i", each with one claim
// made by `make(id, i)` (id "<article>:x1").
void AddOutlets(const std::string& prefix, int n,
                const std::function<Claim(const std::string&, int)>& make,
                std::vector<Article>* articles, std::vector<Claim>* claims) {
  for (int i = 0; i < n; ++i) {
    Article a;
    a.set_id(absl::StrCat(prefix, 1000 + i));
    a.set_outlet(absl::StrCat(prefix, " ", i));
    articles->push_back(a);
    Claim c = make(absl::StrCat(a.id(), ":x1"), i);
    c.set_article_id(a.id());
    claims->push_back(c);
  }
}

TEST(AlignDatesTest, LargeGroupsOfTwoOccurrencesStayApart) {
  // 70 outlets date the summit 2024-06-05, 70 others 2022-03-01 (another
  // summit), and one gives an unresolved date: no claim without a value
  // lets the two years become rival versions.
  std::vector<Article> articles;
  std::vector<Claim> claims;
  auto summit = [](const std::string& start) {
    return [start](const std::string& id, int) {
      Claim c = DateClaim(id, start, start, "hold", {"leader", "palace"},
                          {"Estmark", "Valdoria"});
      c.mutable_date()->set_event("summit");
      return c;
    };
  };
  AddOutlets("a", 70, summit("2024-06-05"), &articles, &claims);
  AddOutlets("b", 70, summit("2022-03-01"), &articles, &claims);
  AddOutlets("c", 1, summit(""), &articles, &claims);
  for (const Alignment& g : Align(articles, claims, AlignOptions())) {
    EXPECT_NE(g.verdict(), Alignment::VERDICT_DISCREPANCY) << g.summary();
  }
}

TEST(AlignDatesTest, LargeGroupsNeverChainOverlappingRanges) {
  // "June 2024" is like "June 5-7" and like "June 6-9"; those two are not
  // like each other (no shared word): 70 outlets each way.
  std::vector<Article> articles;
  std::vector<Claim> claims;
  auto range = [](const std::string& start, const std::string& end,
                  std::vector<std::string> kw) {
    return [=](const std::string& id, int) {
      Claim c = DateClaim(id, start, start, "visit", kw, {});
      c.mutable_date()->set_end(end);
      return c;
    };
  };
  AddOutlets("a", 1, range("2024-06", "2024-06", {"k1", "k2", "k3", "k4"}),
             &articles, &claims);
  AddOutlets("b", 70, range("2024-06-05", "2024-06-07", {"k1", "k2"}),
             &articles, &claims);
  AddOutlets("c", 70, range("2024-06-06", "2024-06-09", {"k3", "k4"}),
             &articles, &claims);
  for (const Alignment& g : Align(articles, claims, AlignOptions())) {
    EXPECT_NE(g.verdict(), Alignment::VERDICT_DISCREPANCY) << g.summary();
  }
}

TEST(AlignFiguresTest, MonthsAndYearsAreOfVaryingLength) {
  auto term = [](const std::string& id, double n, const std::string& unit) {
    return Fig(id, "a one-year term", n, "term", "serve", {"council", "seat"},
               {"Lundby"}, Figure::QUALIFIER_EXACT, unit);
  };
  EXPECT_EQ(
      Align(Articles(2), {term("a:f1", 1, "year"), term("b:f1", 12, "month")},
            AlignOptions())[0]
          .verdict(),
      Alignment::VERDICT_COMPATIBLE);
  EXPECT_EQ(
      Align(Articles(2), {term("a:f1", 1, "month"), term("b:f1", 4, "week")},
            AlignOptions())[0]
          .verdict(),
      Alignment::VERDICT_COMPATIBLE);
  EXPECT_EQ(
      Align(Articles(2), {term("a:f1", 2, "year"), term("b:f1", 12, "month")},
            AlignOptions())[0]
          .verdict(),
      Alignment::VERDICT_DISCREPANCY);
}

TEST(AlignFiguresTest, AnEventNamedAfterTheFigureDatesIt) {
  // "421 people were killed in the 1987 earthquake" (2025) is no rival of
  // "the earthquake killed 214 people" (2025).
  std::vector<Article> articles = Articles(2);
  const std::string old_text = "421 people were killed in the 1987 earthquake.";
  articles[0].set_text(old_text);
  articles[0].set_published("2025-03-10");
  articles[1].set_text("The earthquake killed 214 people.");
  articles[1].set_published("2025-03-11");
  const std::vector<std::string> kw = {"earthquake", "valley"};
  Claim year = InSentence(DateClaim("a:d1", "1987", "1987", "kill", kw, {}), 0,
                          static_cast<uint32_t>(old_text.find("1987")));
  year.mutable_date()->set_event("earthquake");
  const auto groups = Align(
      articles,
      {year,
       InSentence(Fig("a:f1", "421", 421, "person", "kill", kw, {}), 0, 0),
       InSentence(Fig("b:f1", "214", 214, "person", "kill", kw, {}), 0, 22)},
      AlignOptions());
  for (const Alignment& g : groups) {
    EXPECT_NE(g.verdict(), Alignment::VERDICT_DISCREPANCY) << g.summary();
  }
}

TEST(AlignFiguresTest, AnAmbiguousClaimReachesNoDiscrepancyThroughAnother) {
  // Article a gives 214 and 261 killed (two days, undated): neither is a
  // rival of c's 300, even through b's "more than 200".
  const std::vector<std::string> kw = {"toll", "earthquake"};
  const auto groups =
      Align(Articles(3),
            {Fig("a:f1", "214", 214, "person", "kill", kw, {"Tarvia"}),
             Fig("a:f2", "261", 261, "person", "kill", kw, {"Tarvia"}),
             Fig("b:f1", "more than 200", 200, "person", "kill", kw, {"Tarvia"},
                 Figure::QUALIFIER_MORE_THAN),
             Fig("c:f1", "300", 300, "person", "kill", kw, {"Tarvia"})},
            AlignOptions());
  for (const Alignment& g : groups) {
    if (g.verdict() != Alignment::VERDICT_DISCREPANCY) continue;
    for (const std::string& id : g.claim_ids()) {
      EXPECT_NE(id.substr(0, 2), "a:") << g.summary();
    }
  }
}

TEST(AlignTest, ConfidenceIsTheWeakestLink) {
  // a–b are alike, b–c less so: the group's confidence is the b–c score,
  // below the a–b one.
  const auto groups = Align(Articles(3),
                            {Fig("a:f1", "seven", 7, "agreement", "sign",
                                 {"energy", "port", "rail"}, {}),
                             Fig("b:f1", "seven", 7, "agreement", "sign",
                                 {"energy", "port", "rail"}, {}),
                             Fig("c:f1", "seven", 7, "agreement", "sign",
                                 {"energy", "wind", "grid", "hydrogen"}, {})},
                            AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].claim_ids_size(), 3);
  EXPECT_LT(groups[0].confidence(), 0.75f);
  EXPECT_GT(groups[0].confidence(), 0.5f);
}

TEST(QuoteWordsTest, NormalizesCaseApostrophesInsertionsAndHyphens) {
  EXPECT_THAT(QuoteWords("[Valdoria’s] rules-based order … won’t wait."),
              ElementsAre("[…]", "rules", "based", "order", "won't", "wait"));
}

TEST(QuoteWordsTest, UnclosedBracketsAndNonLatinCase) {
  EXPECT_THAT(QuoteWords("Łódź [and] ŻUBR"),
              ElementsAre("łódź", "[…]", "żubr"));
  EXPECT_THAT(QuoteWords("a [b c"), ElementsAre("a", "b", "c"));
  // 200,000 opening brackets and no closing one: linear, so fast.
  const std::string brackets(200000, '[');
  EXPECT_TRUE(QuoteWords(brackets + " end").size() == 1);
}

TEST(CompareQuotesTest, Relations) {
  EXPECT_EQ(CompareQuotes(QuoteWords("a b c d"), QuoteWords("A b, c d.")),
            QuoteRelation::kSame);
  EXPECT_EQ(CompareQuotes(QuoteWords("b c"), QuoteWords("a b c d")),
            QuoteRelation::kCompatible);
  EXPECT_EQ(CompareQuotes(QuoteWords("our plan works"),
                          QuoteWords("[the] plan works")),
            QuoteRelation::kCompatible);
  EXPECT_EQ(CompareQuotes(QuoteWords("a b c d"), QuoteWords("a x c d")),
            QuoteRelation::kDifferent);
  EXPECT_EQ(CompareQuotes(QuoteWords("a b d"), QuoteWords("a b c d")),
            QuoteRelation::kDifferent);
}

}  // namespace
}  // namespace crosscheck::align
