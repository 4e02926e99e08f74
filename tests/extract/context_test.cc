#include "src/extract/context.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "src/extract/document.h"
#include "src/segment/segment.h"

namespace crosscheck::extract {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

// A one-sentence article and the byte range of `mention` in it.
class OneSentence {
 public:
  OneSentence(const std::string& text, const std::string& mention) {
    article_.set_id("a");
    article_.set_text(text);
    doc_ = MakeDocument(article_);
    const size_t at = text.find(mention);
    EXPECT_NE(at, std::string::npos) << mention;
    mention_ = {at, at + mention.size()};
    EXPECT_EQ(doc_.seg.sentences.size(), 1u) << text;
  }

  std::string Predicate() const {
    return FindPredicate(doc_, doc_.seg.sentences.at(0), mention_);
  }
  std::vector<std::string> Keywords(int limit) const {
    return FindKeywords(doc_, doc_.seg.sentences.at(0), mention_, limit);
  }

 private:
  crosscheck::v1::Article article_;
  Document doc_;
  segment::Range mention_;
};

TEST(LemmaTest, NounsAndVerbsOfNewsText) {
  const struct {
    const char* word;
    const char* lemma;
  } kCases[] = {
      // Plurals.
      {"times", "time"},
      {"agreements", "agreement"},
      {"delegates", "delegate"},
      {"deputies", "deputy"},
      {"companies", "company"},
      {"businesses", "business"},
      {"taxes", "tax"},
      {"speeches", "speech"},
      {"children", "child"},
      {"crises", "crisis"},
      {"by-elections", "by-election"},
      // Words that only look plural or inflected.
      {"news", "news"},
      {"this", "this"},
      {"analysis", "analysis"},
      {"status", "status"},
      {"politics", "politics"},
      {"gas", "gas"},
      {"during", "during"},
      {"meeting", "meeting"},
      {"hundred", "hundred"},
      // Irregular verbs.
      {"met", "meet"},
      {"took", "take"},
      {"spoke", "speak"},
      {"spoken", "speak"},
      {"sworn", "swear"},
      {"was", "be"},
      {"has", "have"},
      {"drew", "draw"},
      // Regular verbs.
      {"signed", "sign"},
      {"planned", "plan"},
      {"stopped", "stop"},
      {"committed", "commit"},
      {"added", "add"},
      {"called", "call"},
      {"passed", "pass"},
      {"arrived", "arrive"},
      {"announced", "announce"},
      {"visited", "visit"},
      {"created", "create"},
      {"negotiated", "negotiate"},
      {"treated", "treat"},
      {"scheduled", "schedule"},
      {"disputed", "dispute"},
      {"decided", "decide"},
      {"concluded", "conclude"},
      {"settled", "settle"},
      {"pledged", "pledge"},
      {"changed", "change"},
      {"belonged", "belong"},
      {"secured", "secure"},
      {"declared", "declare"},
      {"released", "release"},
      {"carried", "carry"},
      {"agreed", "agree"},
      {"hoped", "hope"},
      {"voted", "vote"},
      {"opened", "open"},
      {"making", "make"},
      {"visiting", "visit"},
      {"putting", "put"},
      {"talks", "talk"},
      // Case, possessives, typographic apostrophes; numbers unchanged.
      {"Talks", "talk"},
      {"Okafor’s", "okafor"},
      {"countries'", "country"},
      {"2,400", "2,400"},
      {"A", "a"},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(Lemma(c.word), c.lemma) << c.word;
  }
}

TEST(LemmaTest, NeverEmpty) {
  for (const char* word : {"'s", "'", "s", "’s", "-"}) {
    EXPECT_FALSE(Lemma(word).empty()) << word;
  }
}

TEST(LemmaTest, LongWordsAndLemmas) {
  // Lemmas longer than the 15 bytes copied at a fixed size, of words the
  // memo keeps and of longer ones.
  EXPECT_EQ(Lemma("constitutionally"), "constitutionally");
  EXPECT_EQ(Lemma("Disproportionate"), "disproportionate");
  EXPECT_EQ(Lemma("internationalizations"), "internationalization");
  EXPECT_EQ(Lemma("a"), "a");
  // Again, now from the memo.
  EXPECT_EQ(Lemma("constitutionally"), "constitutionally");
}

TEST(FindPredicateTest, EventPhraseOrNearestVerb) {
  const struct {
    const char* text;
    const char* mention;
    const char* predicate;
  } kCases[] = {
      // Event phrases, canonicalised, with an auxiliary or adverb gap.
      {"Okafor, a former central banker who took office in 2016, has made "
       "the relationship a centrepiece.",
       "2016", "take office"},
      {"The president was formally sworn in on Monday.", "Monday",
       "take office"},
      {"She came to power in 2017 after a snap election.", "2017",
       "take office"},
      {"Okafor and Solberg have spoken by phone three times this year.",
       "three", "call"},
      {"The foreign ministers have met 17 times since 2019.", "17", "meet"},
      {"Okafor arrived in Lundby on Monday at the start of a visit.", "Monday",
       "arrive"},
      // Two events in one sentence: the nearer one.
      {"The two countries signed a defence pact in 2012, and the border "
       "treaty of 2008 settled the dispute.",
       "2012", "sign"},
      {"The two countries signed a defence pact in 2012, and the border "
       "treaty of 2008 settled the dispute.",
       "2008", "settle"},
      // Plain verbs, not nouns that look like verbs.
      {"Annual trade between the two countries stands at $48.5 billion.",
       "$48.5 billion", "stand"},
      {"Estmark will set up a €3 million scholarship fund.", "€3 million",
       "set"},
      {"A business forum held in the capital drew more than 2,400 "
       "delegates, organisers said.",
       "more than 2,400", "draw"},
      {"The joint declaration commits the two governments to talks.", "two",
       "commit"},
      // A clause break before the mention (a semicolon, a colon, a dash
      // standing alone) leaves the verbs before it to their own clause.
      {"The ministers met in Riga; on Monday the leaders arrived.", "Monday",
       "arrive"},
      {"The ministers met in Riga \u2014 on Monday the leaders arrived.",
       "Monday", "arrive"},
      {"The ministers met in Riga \u2013 on Monday the leaders arrived.",
       "Monday", "arrive"},
      {"The ministers met in Riga-Lundby on Monday, then the leaders "
       "arrived.",
       "Monday", "meet"},
      // A verb of saying only when there is nothing else.
      {"The figure is 40%, officials said.", "40%", "say"},
      {"Turnout: 40%.", "40%", ""},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(OneSentence(c.text, c.mention).Predicate(), c.predicate)
        << c.text << " [" << c.mention << "]";
  }
}

TEST(FindKeywordsTest, NearestContentLemmasFirst) {
  const OneSentence sentence(
      "Okafor and Solberg signed seven cooperation agreements in Lundby.",
      "seven");
  // Names other than the first word, stop words and the mention itself are
  // left out; at equal distance the word after the mention comes first.
  EXPECT_THAT(sentence.Keywords(8),
              ElementsAre("cooperation", "sign", "agreement", "okafor"));
  EXPECT_THAT(sentence.Keywords(2), ElementsAre("cooperation", "sign"));
}

TEST(FindKeywordsTest, NoDuplicatesAndNoNumbers) {
  const OneSentence sentence(
      "Leaders met in 2019 and met again with four ministers.", "2019");
  EXPECT_THAT(sentence.Keywords(8),
              ElementsAreArray({"meet", "leader", "minister"}));
}

// FillMentionClaim on the Document's own words of its one sentence, for
// each mention in turn.
std::vector<crosscheck::v1::Claim> FillClaims(
    const std::string& text, const std::vector<std::string>& mentions) {
  crosscheck::v1::Article article;
  article.set_id("a");
  article.set_text(text);
  const Document doc = MakeDocument(article);
  EXPECT_EQ(doc.seg.sentences.size(), 1u) << text;
  std::vector<crosscheck::v1::Claim> claims;
  for (const std::string& mention : mentions) {
    const size_t at = text.find(mention);
    EXPECT_NE(at, std::string::npos) << mention;
    FillMentionClaim(doc, doc.seg.sentences.at(0), doc.sentence_words.at(0),
                     crosscheck::v1::Claim::KIND_FIGURE, at,
                     at + mention.size(), &claims.emplace_back());
  }
  return claims;
}

TEST(FillMentionClaimTest, TextPredicateAndKeywords) {
  // The mention ends the article (fewer than 15 bytes follow its start);
  // keywords and a mention longer than 15 bytes; two mentions of one
  // sentence, each with all its keywords.
  const std::string text =
      "Counterintelligence officials disproportionately signed "
      "agreements worth four hundred and twelve million in 2019";
  const std::vector<crosscheck::v1::Claim> claims =
      FillClaims(text, {"four hundred and twelve million", "2019"});
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].text(), "four hundred and twelve million");
  EXPECT_EQ(claims[0].predicate(), "sign");
  EXPECT_THAT(claims[0].keywords(),
              ElementsAre("worth", "agreement", "sign", "disproportionately",
                          "official", "counterintelligence"));
  EXPECT_EQ(claims[1].text(), "2019");
  EXPECT_EQ(claims[1].predicate(), "sign");
  EXPECT_THAT(claims[1].keywords(),
              ElementsAre("worth", "agreement", "sign", "disproportionately",
                          "official", "counterintelligence"));
  EXPECT_EQ(claims[1].span().begin(), text.size() - 4);
  EXPECT_EQ(claims[1].span().end(), text.size());
  EXPECT_EQ(claims[1].sentence().begin(), 0u);
  EXPECT_EQ(claims[1].sentence().end(), text.size());
}

TEST(FillMentionClaimTest, SameAsFindPredicateAndFindKeywords) {
  const std::string text =
      "Okafor and Solberg signed seven cooperation agreements in Lundby, "
      "and the leaders met again with four ministers in 2019.";
  const std::vector<std::string> mentions = {"seven", "four", "2019"};
  const std::vector<crosscheck::v1::Claim> claims = FillClaims(text, mentions);
  ASSERT_EQ(claims.size(), mentions.size());
  for (size_t k = 0; k < mentions.size(); ++k) {
    const OneSentence sentence(text, mentions[k]);
    EXPECT_EQ(claims[k].text(), mentions[k]);
    EXPECT_EQ(claims[k].predicate(), sentence.Predicate()) << mentions[k];
    EXPECT_THAT(claims[k].keywords(),
                ElementsAreArray(sentence.Keywords(kMentionKeywords)))
        << mentions[k];
  }
}

}  // namespace
}  // namespace crosscheck::extract
