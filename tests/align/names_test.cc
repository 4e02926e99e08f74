// Cross-article name unification: which names become one, which stay
// apart, and which canonical name a group gets.

#include "src/align/names.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck::align {
namespace {

using crosscheck::v1::Claim;
using crosscheck::v1::NameGroup;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

// A quote of article `article` by `speaker`, naming `speaker` among its
// entities too. Ids are unique per call.
Claim Said(const std::string& article, const std::string& speaker) {
  static int next = 0;
  Claim c;
  c.set_id(absl::StrCat(article, ":q", ++next));
  c.set_article_id(article);
  c.set_kind(Claim::KIND_QUOTE);
  c.mutable_quote()->set_text("We will see.");
  c.mutable_quote()->set_speaker(speaker);
  c.add_entities(speaker);
  return c;
}

// A figure of article `article` whose sentence names `entities`.
Claim Naming(const std::string& article, std::vector<std::string> entities) {
  static int next = 0;
  Claim c;
  c.set_id(absl::StrCat(article, ":f", ++next));
  c.set_article_id(article);
  c.set_kind(Claim::KIND_FIGURE);
  for (const std::string& e : entities) c.add_entities(e);
  return c;
}

// Speaker of each quote, by claim id.
std::map<std::string, std::string> Speakers(const std::vector<Claim>& claims) {
  std::map<std::string, std::string> out;
  for (const Claim& c : claims) {
    if (c.kind() == Claim::KIND_QUOTE) out[c.id()] = c.quote().speaker();
  }
  return out;
}

// The distinct speakers after unification.
std::vector<std::string> DistinctSpeakers(const std::vector<Claim>& claims) {
  std::vector<std::string> out;
  for (const auto& [id, speaker] : Speakers(claims)) out.push_back(speaker);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> Written(const NameGroup& group) {
  std::vector<std::string> out;
  for (const auto& v : group.variants()) out.push_back(v.written());
  return out;
}

TEST(UnifyNamesTest, TransliterationsOfOneNameAreOnePerson) {
  std::vector<Claim> claims = {
      Said("a", "Muammar Gaddafi"), Said("b", "Muammar Gaddafi"),
      Said("c", "Moammar Gadhafi"), Said("d", "Qaddafi"),
      Said("e", "Gadhafi"),         Said("f", "Muammar Qaddafi")};
  const std::vector<NameGroup> groups = UnifyNames(&claims);
  EXPECT_THAT(DistinctSpeakers(claims), ElementsAre("Muammar Gaddafi"));
  for (const Claim& c : claims) {
    EXPECT_THAT(c.entities(), ElementsAre("Muammar Gaddafi"));
  }
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].name(), "Muammar Gaddafi");
  EXPECT_THAT(Written(groups[0]),
              UnorderedElementsAre("Muammar Gaddafi", "Moammar Gadhafi",
                                   "Qaddafi", "Gadhafi", "Muammar Qaddafi"));
  // The canonical form comes first, with the articles using each form.
  EXPECT_EQ(groups[0].variants(0).written(), "Muammar Gaddafi");
  EXPECT_THAT(groups[0].variants(0).article_ids(), ElementsAre("a", "b"));
}

// One outlet misspells a name by one letter; the others agree.
class OneLetterTypoTest : public ::testing::TestWithParam<const char*> {};

TEST_P(OneLetterTypoTest, JoinsTheCorrectSpelling) {
  std::vector<Claim> claims = {Said("a", "Henrik Solberg"),
                               Said("b", "Henrik Solberg"),
                               Said("c", GetParam())};
  const std::vector<NameGroup> groups = UnifyNames(&claims);
  EXPECT_THAT(DistinctSpeakers(claims), ElementsAre("Henrik Solberg"));
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_THAT(Written(groups[0]), ElementsAre("Henrik Solberg", GetParam()));
}

INSTANTIATE_TEST_SUITE_P(
    EachKindOfEdit, OneLetterTypoTest,
    ::testing::Values("Henrik Solbarg",   // substitution
                      "Henrik Soldberg",  // insertion
                      "Henrik Solbrg",    // deletion
                      "Henrik Solbreg",   // transposition
                      "Henrok Solberg",   // in the given name
                      "Solbreg"));        // bare surname

TEST(UnifyNamesTest, TwoEditsAreTwoNames) {
  std::vector<Claim> claims = {Said("a", "Henrik Solberg"),
                               Said("b", "Henrik Salbreg")};
  EXPECT_THAT(UnifyNames(&claims), IsEmpty());
  EXPECT_THAT(DistinctSpeakers(claims),
              ElementsAre("Henrik Salbreg", "Henrik Solberg"));
}

TEST(UnifyNamesTest, DiacriticsAndCaseAreFolded) {
  std::vector<Claim> claims = {
      Said("a", "Anna Müller"), Said("b", "Anna Muller"), Said("c", "Müller"),
      Said("d", "Łukasz Wójcik"), Said("e", "Lukasz Wojcik")};
  const std::vector<NameGroup> groups = UnifyNames(&claims);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_THAT(DistinctSpeakers(claims),
              UnorderedElementsAre(groups[0].name(), groups[1].name()));
  EXPECT_THAT(Written(groups[0]),
              UnorderedElementsAre("Anna Müller", "Anna Muller", "Müller"));
  EXPECT_THAT(Written(groups[1]),
              UnorderedElementsAre("Łukasz Wójcik", "Lukasz Wojcik"));
}

TEST(UnifyNamesTest, CaseOnlyDifferencesAreUnifiedButNotReported) {
  std::vector<Claim> claims = {Naming("a", {"Lundby"}), Naming("b", {"Lundby"}),
                               Naming("c", {"LUNDBY"})};
  EXPECT_THAT(UnifyNames(&claims), IsEmpty());
  for (const Claim& c : claims)
    EXPECT_THAT(c.entities(), ElementsAre("Lundby"));
}

TEST(UnifyNamesTest, PeopleSharingASurnameStayApart) {
  std::vector<Claim> claims = {Said("a", "Ada Okafor"),
                               Said("b", "Chidi Okafor"),
                               Said("c", "A. Okafor")};
  const std::vector<NameGroup> groups = UnifyNames(&claims);
  // The initial fits Ada only.
  EXPECT_THAT(DistinctSpeakers(claims),
              ElementsAre("Ada Okafor", "Chidi Okafor"));
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_THAT(Written(groups[0]), ElementsAre("Ada Okafor", "A. Okafor"));
}

TEST(UnifyNamesTest, GivenNamesThatEndDifferentlyAreTwoPeople) {
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
           {"Mario Rossi", "Maria Rossi"},
           {"Daniel Weber", "Daniela Weber"},
           {"Julia Novak", "Julie Novak"}}) {
    std::vector<Claim> claims = {Said("a", a), Said("b", b)};
    EXPECT_TRUE(UnifyNames(&claims).empty()) << a << " / " << b;
    EXPECT_THAT(DistinctSpeakers(claims), UnorderedElementsAre(a, b)) << a;
  }
  // A typo inside a given name is still one person.
  std::vector<Claim> claims = {Said("a", "Henrik Solberg"),
                               Said("b", "Hnerik Solberg")};
  EXPECT_EQ(UnifyNames(&claims).size(), 1u);
}

TEST(UnifyNamesTest, BareSurnameJoinsTheOnlyFullNameThatFits) {
  std::vector<Claim> claims = {Said("a", "Ada Okafor"), Said("b", "Okafor")};
  UnifyNames(&claims);
  EXPECT_THAT(DistinctSpeakers(claims), ElementsAre("Ada Okafor"));
}

TEST(UnifyNamesTest, OneWordNameThatNobodySaysJoinsNoPerson) {
  // "Washington" named in a sentence may be the city; as a speaker it is
  // a person.
  std::vector<Claim> claims = {Said("a", "George Washington"),
                               Naming("b", {"Washington"})};
  EXPECT_THAT(UnifyNames(&claims), IsEmpty());
  EXPECT_THAT(claims[1].entities(), ElementsAre("Washington"));
  claims.push_back(Said("c", "Washington"));
  UnifyNames(&claims);
  EXPECT_THAT(DistinctSpeakers(claims), ElementsAre("George Washington"));
  EXPECT_THAT(claims[1].entities(), ElementsAre("George Washington"));
}

TEST(UnifyNamesTest, AmbiguousBareSurnameStaysAsWritten) {
  std::vector<Claim> claims = {Said("a", "Ada Okafor"),
                               Said("b", "Chidi Okafor"), Said("c", "Okafor"),
                               Said("d", "Okafur")};
  const std::vector<NameGroup> groups = UnifyNames(&claims);
  // "Okafor" fits both people: it joins neither. Its misspelling is the
  // same bare name.
  EXPECT_THAT(DistinctSpeakers(claims),
              ElementsAre("Ada Okafor", "Chidi Okafor", "Okafor"));
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_THAT(Written(groups[0]), ElementsAre("Okafor", "Okafur"));
}

TEST(UnifyNamesTest, MiddleNamesAndInitialsJoinTheFullestName) {
  std::vector<Claim> claims = {
      Said("a", "John Fitzgerald Kennedy"), Said("b", "John F. Kennedy"),
      Said("c", "John Kennedy"), Said("d", "J. Kennedy")};
  const std::vector<NameGroup> groups = UnifyNames(&claims);
  EXPECT_THAT(DistinctSpeakers(claims), ElementsAre("John Fitzgerald Kennedy"));
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].name(), "John Fitzgerald Kennedy");
}

TEST(UnifyNamesTest, ShorterFormsJoinTheFullNameUnlessTheyContradict) {
  std::vector<Claim> claims = {Said("a", "Recep Tayyip Erdoğan"),
                               Said("b", "Tayyip Erdogan"),
                               Said("c", "Erdogan"),
                               Said("d", "Ada Chidi Okafor"),
                               Said("e", "Ada Okafor"),
                               Said("f", "Chidi Okafor")};
  UnifyNames(&claims);
  // "Ada Okafor" and "Chidi Okafor" both fit "Ada Chidi Okafor" but are
  // two people by their own words: which one it is cannot be told.
  EXPECT_THAT(DistinctSpeakers(claims),
              ElementsAre("Ada Chidi Okafor", "Ada Okafor", "Chidi Okafor",
                          "Recep Tayyip Erdoğan"));
}

TEST(UnifyNamesTest, ANameFittingTwoPeopleStaysAsWritten) {
  std::vector<Claim> claims = {Said("a", "John Fitzgerald Kennedy"),
                               Said("b", "John Quincy Kennedy"),
                               Said("c", "John Kennedy")};
  EXPECT_THAT(UnifyNames(&claims), IsEmpty());
  EXPECT_THAT(DistinctSpeakers(claims),
              ElementsAre("John Fitzgerald Kennedy", "John Kennedy",
                          "John Quincy Kennedy"));
}

TEST(UnifyNamesTest, ShortNamesMustMatchExactly) {
  std::vector<Claim> claims = {Said("a", "Berg"),       Said("b", "Borg"),
                               Said("c", "Tomas Berg"), Said("d", "Tomas Borg"),
                               Said("e", "Ida Lind"),   Said("f", "Ada Lind")};
  UnifyNames(&claims);
  std::map<std::string, std::string> by_article;
  for (const Claim& c : claims)
    by_article[c.article_id()] = c.quote().speaker();
  EXPECT_EQ(by_article["a"], "Tomas Berg");
  EXPECT_EQ(by_article["b"], "Tomas Borg");
  EXPECT_EQ(by_article["c"], "Tomas Berg");
  EXPECT_EQ(by_article["d"], "Tomas Borg");
  EXPECT_EQ(by_article["e"], "Ida Lind");
  EXPECT_EQ(by_article["f"], "Ada Lind");
}

TEST(UnifyNamesTest, OneWordPlacesNeedMoreThanOneLetterInCommon) {
  // A one-letter difference unifies a one-word name only when it is a
  // speaker; two countries one letter apart stay two.
  std::vector<Claim> claims = {Naming("a", {"Gambia"}),
                               Naming("b", {"Zambia"})};
  EXPECT_THAT(UnifyNames(&claims), IsEmpty());
  EXPECT_THAT(claims[0].entities(), ElementsAre("Gambia"));
  EXPECT_THAT(claims[1].entities(), ElementsAre("Zambia"));
}

TEST(UnifyNamesTest, TwoNamesOfOneArticleAreNeverMerged) {
  // Article a mentions both: two people, however close the spellings.
  std::vector<Claim> claims = {
      Said("a", "Erik Hansen"), Said("a", "Erik Hanson"), Said("b", "Hansen"),
      Said("b", "Hanson"), Naming("c", {"Erik Hansen"})};
  EXPECT_THAT(UnifyNames(&claims), IsEmpty());
  EXPECT_THAT(DistinctSpeakers(claims),
              ElementsAre("Erik Hansen", "Erik Hanson", "Hansen", "Hanson"));
}

TEST(UnifyNamesTest, AChainOfOneLetterEditsIsNotOnePerson) {
  // Larsen ~ Larson ~ Carson, but Larsen and Carson are two edits apart:
  // a group's names all match each other.
  std::vector<Claim> claims = {Said("a", "Erik Larsen"),
                               Said("b", "Erik Larson"),
                               Said("c", "Erik Carson")};
  UnifyNames(&claims);
  EXPECT_EQ(DistinctSpeakers(claims).size(), 2u);
  EXPECT_NE(claims[0].quote().speaker(), claims[2].quote().speaker());
}

TEST(UnifyNamesTest, CanonicalIsFullestThenMostUsedThenFirstInByteOrder) {
  {
    // Fullest beats most used.
    std::vector<Claim> claims = {Said("a", "Gaddafi"), Said("b", "Gaddafi"),
                                 Said("c", "Gaddafi"),
                                 Said("d", "Moammar Gadhafi")};
    EXPECT_EQ(UnifyNames(&claims).at(0).name(), "Moammar Gadhafi");
  }
  {
    // Among equally full forms, the one more articles use.
    std::vector<Claim> claims = {Said("a", "Moammar Gadhafi"),
                                 Said("b", "Muammar Gaddafi"),
                                 Said("c", "Muammar Gaddafi")};
    EXPECT_EQ(UnifyNames(&claims).at(0).name(), "Muammar Gaddafi");
  }
  {
    // A tie: byte order.
    std::vector<Claim> claims = {Said("a", "Muammar Gaddafi"),
                                 Said("b", "Moammar Gadhafi")};
    EXPECT_EQ(UnifyNames(&claims).at(0).name(), "Moammar Gadhafi");
  }
}

TEST(UnifyNamesTest, ResultDoesNotDependOnArticleOrder) {
  std::vector<Claim> claims = {
      Said("a", "Muammar Gaddafi"), Said("b", "Moammar Gadhafi"),
      Said("c", "Qaddafi"),         Said("d", "Ada Okafor"),
      Said("e", "Chidi Okafor"),    Said("f", "Okafor"),
      Said("g", "Erik Larsen"),     Said("h", "Erik Larson"),
      Said("i", "Erik Carson"),     Said("j", "John Kennedy"),
      Said("k", "J. F. Kennedy"),   Naming("l", {"Anna Müller", "Gadhafi"})};
  std::vector<Claim> first = claims;
  const std::vector<NameGroup> expected = UnifyNames(&first);
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::vector<Claim> shuffled = claims;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    const std::vector<NameGroup> groups = UnifyNames(&shuffled);
    ASSERT_EQ(groups.size(), expected.size());
    for (size_t i = 0; i < groups.size(); ++i) {
      EXPECT_EQ(groups[i].SerializeAsString(), expected[i].SerializeAsString());
    }
    EXPECT_EQ(Speakers(shuffled), Speakers(first));
  }
}

TEST(UnifyNamesTest, ThousandsOfNamesSharingASurnameStayFast) {
  // Many people named Smith, and a bare "Smith" that fits them all.
  std::vector<Claim> claims;
  std::mt19937 rng(1);
  for (int i = 0; i < 20000; ++i) {
    std::string given;
    for (int k = 0; k < 7; ++k) given.push_back('a' + rng() % 26);
    given[0] = 'A' + rng() % 26;
    claims.push_back(Said(absl::StrCat("n", i), absl::StrCat(given, " Smith")));
  }
  claims.push_back(Said("bare", "Smith"));
  const auto start = std::chrono::steady_clock::now();
  UnifyNames(&claims);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  EXPECT_EQ(claims.back().quote().speaker(), "Smith");
  EXPECT_LT(seconds, 20.0);
}

TEST(UnifyNamesTest, ThousandsOfNamesOneLetterApartStayFast) {
  // Every nine-letter word over three letters, each a speaker: each is one
  // edit from dozens of others, and no group may chain them all together.
  std::vector<Claim> claims;
  for (int i = 0; i < 19683; ++i) {
    std::string name;
    for (int k = 0, v = i; k < 9; ++k, v /= 3) name.push_back('a' + v % 3);
    name[0] = 'A' + (name[0] - 'a');
    claims.push_back(Said(absl::StrCat("n", i), name));
  }
  const auto start = std::chrono::steady_clock::now();
  const std::vector<NameGroup> groups = UnifyNames(&claims);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  EXPECT_LT(seconds, 20.0);
  for (const NameGroup& g : groups) EXPECT_LE(g.variants_size(), 64);
}

TEST(UnifyNamesTest, HugeWordsAreComparedExactly) {
  const std::string huge(200000, 'x');
  std::vector<Claim> claims = {Said("a", "Ada " + huge),
                               Said("b", "Ada " + huge),
                               Said("c", "Ada " + huge + "y")};
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THAT(UnifyNames(&claims), IsEmpty());
  EXPECT_LT(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count(),
      5.0);
  EXPECT_EQ(claims[2].quote().speaker(), "Ada " + huge + "y");
}

TEST(NamesMayMatchTest, LessCompleteNamesMatchFullerOnes) {
  EXPECT_TRUE(NamesMayMatch("Okafor", "Ada Okafor"));
  EXPECT_TRUE(NamesMayMatch("A. Okafor", "Ada Okafor"));
  EXPECT_TRUE(NamesMayMatch("ada okafor", "Ada Okafor"));
  EXPECT_TRUE(NamesMayMatch("Qaddafi", "Muammar Gaddafi"));
  EXPECT_FALSE(NamesMayMatch("Chidi Okafor", "Ada Okafor"));
  EXPECT_FALSE(NamesMayMatch("C. Okafor", "Ada Okafor"));
  EXPECT_FALSE(NamesMayMatch("Solberg", "Ada Okafor"));
  // Same form, different spelling: unification has decided they differ.
  EXPECT_FALSE(NamesMayMatch("Hansen", "Hanson"));
  EXPECT_FALSE(NamesMayMatch("", "Ada Okafor"));
}

}  // namespace
}  // namespace crosscheck::align
