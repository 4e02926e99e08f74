// Speaker attribution rules of FindQuotes: pronouns by gender and kind,
// roles without names, listeners, appositive names. Each test is a short
// text and the speaker its quotation must get.

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "src/extract/document.h"
#include "src/extract/entities.h"
#include "src/extract/quotes.h"

namespace crosscheck::extract {
namespace {

using crosscheck::v1::Claim;

// The quotation claims of `text`, in text order.
std::vector<Claim> Quotes(const std::string& text) {
  crosscheck::v1::Article article;
  article.set_id("test");
  article.set_text(text);
  const Document doc = MakeDocument(article);
  const EntityIndex entities(doc);
  std::vector<Claim> claims;
  std::vector<crosscheck::v1::Note> notes;
  FindQuotes(doc, entities, &claims, &notes);
  return claims;
}

// The speakers of the quotations of `text`, in text order ("" for none).
std::vector<std::string> Speakers(const std::string& text) {
  std::vector<std::string> speakers;
  for (const Claim& claim : Quotes(text)) {
    speakers.push_back(claim.quote().speaker());
  }
  return speakers;
}

using Speakers1 = std::vector<std::string>;

TEST(AttributionTest, SheSkipsAManNamedInBetween) {
  EXPECT_EQ(Speakers("Ms. Adeyemi met Mr. Brandt in Lagos on Friday. "
                     "“The meeting went well,” she said."),
            Speakers1{"Adeyemi"});
}

TEST(AttributionTest, HeSkipsAWomanNamedInBetween) {
  EXPECT_EQ(Speakers("Paul Dufresne met Ms. Laura Keane on Monday. "
                     "“I found her proposals serious,” he said."),
            Speakers1{"Paul Dufresne"});
}

TEST(AttributionTest, GenderComesFromARoleWord) {
  // "spokeswoman" makes Ilse Marten a woman; "he" goes back to Solberg.
  EXPECT_EQ(Speakers("Prime Minister Henrik Solberg spoke first, then "
                     "Finance Ministry spokeswoman Ilse Marten. “We are "
                     "ready,” he said."),
            Speakers1{"Henrik Solberg"});
}

TEST(AttributionTest, GenderLearnedFromAnEarlierPronoun) {
  // The first "she" can only be Okafor (nobody else is named); once known
  // to be a woman, she is passed over by the later "he".
  // Neither "Ngozi" nor "Tarek" is in data/given_names.tsv.
  EXPECT_EQ(Speakers("Ngozi Okafor opened the forum. “We came as friends,” "
                     "she said.\n\nTarek Ekberg spoke after Okafor. "
                     "“Friends pay their bills,” he said."),
            (Speakers1{"Ngozi Okafor", "Tarek Ekberg"}));
}

TEST(AttributionTest, SheIsNotAnOrganisation) {
  EXPECT_EQ(Speakers("Anita Roy runs Coldwater Energy. “We will double "
                     "output by 2027,” she said."),
            Speakers1{"Anita Roy"});
}

TEST(AttributionTest, ItIsTheLastOrganisation) {
  EXPECT_EQ(Speakers("Coldwater Energy published its results on Monday. "
                     "“Demand was strong in every market,” it said."),
            Speakers1{"Coldwater Energy"});
}

TEST(AttributionTest, ItWithNoOrganisationNamesNobody) {
  EXPECT_EQ(Speakers("Anita Roy read the results. “Demand was strong,” it "
                     "said."),
            Speakers1{""});
}

TEST(AttributionTest, UnnamedOfficialNamesNobody) {
  EXPECT_EQ(Speakers("“We are looking into it,” a senior official said."),
            Speakers1{""});
}

TEST(AttributionTest, RoleResolvesToThePersonGivenIt) {
  EXPECT_EQ(Speakers("Finance Minister Katrin Lodz presented the budget. "
                     "“There is no room for tax cuts,” the minister said."),
            Speakers1{"Katrin Lodz"});
}

TEST(AttributionTest, OrganisationNounPhraseSpeaksAsWritten) {
  EXPECT_EQ(Speakers("“The figures are preliminary,” the ministry said."),
            Speakers1{"the ministry"});
  EXPECT_EQ(Speakers("“Growth will slow,” the report says."),
            Speakers1{"the report"});
}

TEST(AttributionTest, NamedOrganisationAfterThe) {
  EXPECT_EQ(Speakers("“The border will remain open,” the Interior Ministry "
                     "said."),
            Speakers1{"Interior Ministry"});
}

TEST(AttributionTest, ListenerBeforeColonIsNotTheSpeaker) {
  EXPECT_EQ(Speakers("Lord Charles Fenwick told the BBC: “The chamber must "
                     "be reformed.”"),
            Speakers1{"Charles Fenwick"});
}

TEST(AttributionTest, NameAfterRoleAndComma) {
  EXPECT_EQ(Speakers("“We will not devalue the currency,” said the finance "
                     "minister, Kofi Mensah."),
            Speakers1{"Kofi Mensah"});
  EXPECT_EQ(Speakers("“The structure is sound,” the chief engineer, Ingrid "
                     "Dahlberg, said after the inspection."),
            Speakers1{"Ingrid Dahlberg"});
}

TEST(AttributionTest, PortfolioIsPartOfTheRole) {
  const std::vector<Claim> claims = Quotes(
      "“We expect the bridge to reopen,” Transport Minister "
      "Goran Ilic said on Thursday.");
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].quote().speaker(), "Goran Ilic");
  EXPECT_EQ(claims[0].quote().role(), "Transport Minister");
  const std::vector<std::string> names(claims[0].entities().begin(),
                                       claims[0].entities().end());
  EXPECT_EQ(names, Speakers1{"Goran Ilic"})
      << "\"Transport\" is not a name of its own";
}

TEST(AttributionTest, ColonBeforeACapitalOpensANewQuotation) {
  EXPECT_EQ(Speakers("The senator was defiant. “I will not resign,” Hardy "
                     "told supporters, adding: “They will have to drag me "
                     "out.”"),
            (Speakers1{"Hardy", "Hardy"}));
  // After a comma the quotation goes on: one claim.
  EXPECT_EQ(Speakers("“To hold a coalition together,” writes Jonas Ekberg, "
                     "“a leader must first listen to it.”"),
            Speakers1{"Jonas Ekberg"});
}

TEST(AttributionTest, AdverbBetweenSpeakerAndVerb) {
  EXPECT_EQ(Speakers("The band closed with an old song its singer, Jodie "
                     "Marr, once called “the only honest thing I ever "
                     "wrote.”"),
            Speakers1{"Jodie Marr"});
}

TEST(AttributionTest, AgeInTheAppositive) {
  EXPECT_EQ(Speakers("Marit Ellingsen, 47, a nurse at the district "
                     "hospital, said: “We were never told the ward would "
                     "close.”"),
            Speakers1{"Marit Ellingsen"});
}

TEST(AttributionTest, NameAttachedByAPreposition) {
  // The person before "of" speaks, not the bank.
  EXPECT_EQ(Speakers("“Rates will fall by June,” said Ana Lima of "
                     "Brightwater Bank."),
            Speakers1{"Ana Lima"});
  EXPECT_EQ(Speakers("“We are ready,” President Ada Okafor of Valdoria "
                     "said."),
            Speakers1{"Ada Okafor"});
  // Unnamed analysts at a firm: nobody, not the firm.
  EXPECT_EQ(Speakers("Analysts at Fenwick Capital describe the sell-off as "
                     "a “healthy correction” rather than a crash."),
            Speakers1{""});
}

TEST(AttributionTest, LowercaseRoleBeforeTheName) {
  EXPECT_EQ(Speakers("The fire spread “faster than anyone could have "
                     "predicted,” according to fire chief Lukas Brenner."),
            Speakers1{"Lukas Brenner"});
  EXPECT_EQ(Speakers("“We are ready,” the head of the agency, Lise Berg, "
                     "said."),
            Speakers1{"Lise Berg"});
}

TEST(AttributionTest, VerbsThatJudgeAsTheyReport) {
  EXPECT_EQ(Speakers("Housing Minister Olu Bankole dismissed the report as "
                     "“fiction” on Tuesday."),
            Speakers1{"Olu Bankole"});
}

TEST(AttributionTest, SpeakerNamedByTheNextSentence) {
  EXPECT_EQ(Speakers("“The rooms were cold, and so were the staff.” That "
                     "was how Ottilie Brand, 72, described her stay."),
            Speakers1{"Ottilie Brand"});
  // A next sentence about somebody else's view is no attribution.
  EXPECT_EQ(Speakers("“The rooms were cold.” The home’s owner rejected the "
                     "complaint."),
            Speakers1{""});
}

TEST(AttributionTest, SharedSurnameTakesTheFullNameOfItsTitle) {
  EXPECT_EQ(Speakers("Judge Oksana Petrenko sentenced Viktor Petrenko to "
                     "six years.\n\n“The sentence reflects the harm done,” "
                     "Judge Petrenko said.\n\n“I will appeal,” Mr. Petrenko "
                     "told reporters."),
            (Speakers1{"Oksana Petrenko", "Viktor Petrenko"}));
  EXPECT_EQ(Speakers("Paola Ferrante handles the books; her brother, Marco "
                     "Ferrante, bakes.\n\n“He exaggerates,” Ms. Ferrante "
                     "said."),
            Speakers1{"Paola Ferrante"});
}

TEST(AttributionTest, GivenNameTellsGender) {
  EXPECT_EQ(Speakers("Ravi Anand, the mayor of Port Selwyn, met the "
                     "regional governor, Elena Cruz, on Monday.\n\n“The "
                     "money is there,” he said after the meeting."),
            Speakers1{"Ravi Anand"});
}

TEST(AttributionTest, DatelineDoesNotEmbedTheQuote) {
  const std::vector<Claim> claims = Quotes(
      "LONDON — “The market has turned,” said Ian Price, a "
      "broker.");
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].quote().form(), crosscheck::v1::Quote::FORM_DIRECT);
  EXPECT_FALSE(claims[0].quote().partial());
}

TEST(AttributionTest, TitleAfterAnAttributionIsItsOwnQuote) {
  const std::vector<Claim> claims = Quotes(
      "“We spent three years on it,” director Selma Iversen "
      "said of her new documentary, “The Last Ferry to "
      "Skarvik”, which opens on Friday.");
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].quote().text(), "We spent three years on it,");
  EXPECT_EQ(claims[0].quote().speaker(), "Selma Iversen");
  EXPECT_EQ(claims[1].quote().text(), "The Last Ferry to Skarvik");
  EXPECT_EQ(claims[1].quote().form(), crosscheck::v1::Quote::FORM_TITLE);
  EXPECT_EQ(claims[1].quote().speaker(), "");
}

TEST(AttributionTest, PronounSkipsAnUnknownNameWhenAPersonIsNamed) {
  EXPECT_EQ(Speakers("Dr. Ingeborg Thorsen has measured the Skarvatn "
                     "glacier every summer. “It has lost more ice,” she "
                     "said."),
            Speakers1{"Ingeborg Thorsen"});
}

TEST(AttributionTest, NounAfterADeterminerIsNoVerb) {
  // "the claims" is no attribution: the company speaks.
  EXPECT_EQ(Speakers("Quillon Medical said in a statement that the claims "
                     "were “without merit.”"),
            Speakers1{"Quillon Medical"});
}

TEST(AttributionTest, QuotationParagraphAfterAnAttributedOne) {
  EXPECT_EQ(Speakers("Niall Corrigan did not hide his anger.\n\n“We gave "
                     "away three goals,” Corrigan said.\n\n“I take the "
                     "blame for the shape, but not for the marking.”"),
            (Speakers1{"Niall Corrigan", "Niall Corrigan"}));
}

TEST(AttributionTest, LongPhraseBeforeAColon) {
  EXPECT_EQ(Speakers("Rep. Calvin Drummond, who voted against the package, "
                     "posted on social media within minutes of the result: "
                     "“A sad day for every taxpayer in this district.”"),
            Speakers1{"Calvin Drummond"});
}

TEST(AttributionTest, UnnamedPersonWithARoleNamesNobody) {
  EXPECT_EQ(Speakers("“The gap is still very wide,” said a diplomat briefed "
                     "on the talks."),
            Speakers1{""});
  // One speaking for somebody is kept as written.
  EXPECT_EQ(Speakers("“No comment,” a lawyer for the family said."),
            Speakers1{"a lawyer for the family"});
  // A possessor is not the head of the phrase.
  EXPECT_EQ(Speakers("“The agency failed to act,” according to the inspector "
                     "general’s report."),
            Speakers1{"the inspector general’s report"});
}

TEST(AttributionTest, AgeWordIsNoPartOfTheName) {
  EXPECT_EQ(Speakers("Nineteen-year-old Mateo Alvarado scored twice.\n\n"
                     "“We enjoyed it,” Alvarado said."),
            Speakers1{"Mateo Alvarado"});
}

TEST(AttributionTest, ASubjectThatNamesNobodyIsNotTheLastSpeaker) {
  EXPECT_EQ(Speakers("Ada Okafor called the plan “a disaster for "
                     "everyone,” but officials said it was “a fine and fair "
                     "plan”."),
            (Speakers1{"Ada Okafor", ""}));
  EXPECT_EQ(Speakers("“We will win,” said Ada Okafor, and they replied: "
                     "“You will lose the vote.”"),
            (Speakers1{"Ada Okafor", ""}));
  // No subject of its own: the fragment shares the speaker before it.
  EXPECT_EQ(Speakers("Mirela Vos said the president was “very good at "
                     "foreign trips” and urged her to “spend the same "
                     "energy at home.”"),
            (Speakers1{"Mirela Vos", "Mirela Vos"}));
}

TEST(AttributionTest, AQuotationWithRoomForItsOwnAttributionKeepsIt) {
  // "scoffed" is no reporting verb of the list: nobody, not Okafor.
  EXPECT_EQ(Speakers("“We will stay,” Ada Okafor said.\n\n“That is "
                     "nonsense,” one resident scoffed."),
            (Speakers1{"Ada Okafor", ""}));
}

TEST(AttributionTest, PersonBetweenCommasWinsOverAnOrganisationBefore) {
  EXPECT_EQ(Speakers("The chief executive of Coldwater Energy, Anita Roy, "
                     "said: “We go.”"),
            Speakers1{"Anita Roy"});
  EXPECT_EQ(Speakers("The President of Valdoria, Ada Okafor, said: “We "
                     "go.”"),
            Speakers1{"Ada Okafor"});
}

TEST(AttributionTest, StrayOpeningSingleMarkIsAnApostrophe) {
  EXPECT_EQ(Speakers("Back in the ‘90s, Ada Okafor said: “We will win this "
                     "fight.”"),
            Speakers1{"Ada Okafor"});
  const std::vector<Claim> claims =
      Quotes("They rocked ‘til dawn. “We will win,” Ada Okafor said.");
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].quote().text(), "We will win,");
}

TEST(AttributionTest, TitleCaseAfterAColonIsSpeech) {
  const std::vector<Claim> claims = Quotes("He said: “Stop Here Now”");
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].quote().form(), crosscheck::v1::Quote::FORM_DIRECT);
}

TEST(AttributionTest, TitledSurnameOfTwoFullNamesStaysUnresolved) {
  EXPECT_EQ(Speakers("Judge Oksana Petrenko and Judge Ivan Petrenko sat. "
                     "Later Judge Petrenko said: “We go.”"),
            Speakers1{"Petrenko"});
}

TEST(AttributionTest, PersonThenRoleBeforeAColon) {
  EXPECT_EQ(Speakers("Storm warnings were issued.\n\nAoife Brennan, duty "
                     "forecaster at the Atlantic Weather Centre: “This is a "
                     "dangerous storm.”"),
            Speakers1{"Aoife Brennan"});
}

TEST(AttributionTest, RoleWithAPluralPossessive) {
  EXPECT_EQ(Speakers("“We will sail when the company makes an offer,” the "
                     "crews’ union leader, Ante Perić, told reporters."),
            Speakers1{"Ante Perić"});
}

TEST(AttributionTest, UnnamedPersonNounNamesNobody) {
  EXPECT_EQ(Speakers("“You cannot go out,” said a woman selling water near "
                     "the cathedral, who did not want to give her name."),
            Speakers1{""});
}

TEST(AttributionTest, TheOrganisationNamedBefore) {
  EXPECT_EQ(Speakers("The Agriculture Ministry banned pork exports on "
                     "Monday. “The ban will stay in place for 30 days,” the "
                     "ministry said."),
            Speakers1{"Agriculture Ministry"});
  // Nobody named before: the phrase as written.
  EXPECT_EQ(Speakers("“The figures are preliminary,” the ministry said."),
            Speakers1{"the ministry"});
}

}  // namespace
}  // namespace crosscheck::extract
