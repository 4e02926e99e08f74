#include "src/extract/entities.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench/corpus_generator.h"
#include "gtest/gtest.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "src/extract/document.h"

namespace crosscheck::extract {
namespace {

// An article, its document and its entity index, kept together because the
// document borrows the article and the index borrows the document.
class Indexed {
 public:
  explicit Indexed(const std::string& text)
      : article_(MakeArticle(text)),
        doc_(MakeDocument(article_)),
        index_(doc_) {}
  Indexed(const Indexed&) = delete;
  Indexed& operator=(const Indexed&) = delete;

  const Document& doc() const { return doc_; }
  const EntityIndex& index() const { return index_; }

  // The entity with canonical name `name`, or nullptr.
  const Entity* Named(const std::string& name) const {
    for (const Entity& e : index_.entities()) {
      if (e.name == name) return &e;
    }
    return nullptr;
  }

  // Canonical names of all entities, in order.
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const Entity& e : index_.entities()) names.push_back(e.name);
    return names;
  }

  // The canonical name of the entity mentioned at the n-th occurrence
  // (0-based) of `surface` in the text, or "" when no mention starts there.
  std::string EntityAt(const std::string& surface, int n = 0) const {
    size_t pos = article_.text().find(surface);
    for (int i = 0; i < n && pos != std::string::npos; ++i) {
      pos = article_.text().find(surface, pos + 1);
    }
    for (const EntityMention& m : index_.mentions()) {
      if (m.begin == pos) return index_.entities()[m.entity].name;
    }
    return "";
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
  EntityIndex index_;
};

const char* KindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson:
      return "person";
    case EntityKind::kOrganization:
      return "org";
    case EntityKind::kPlace:
      return "place";
    case EntityKind::kUnknown:
      return "unknown";
  }
  return "?";
}

struct ExpectedEntity {
  std::string name;
  EntityKind kind;
  std::string role;
};

struct EntityCase {
  std::string name;
  std::string text;
  // Entities that must be found, with kind and role.
  std::vector<ExpectedEntity> present;
  // Canonical names that must not be entities.
  std::vector<std::string> absent;
};

void PrintTo(const EntityCase& c, std::ostream* os) { *os << c.name; }

class EntityCaseTest : public testing::TestWithParam<EntityCase> {};

TEST_P(EntityCaseTest, FindsEntities) {
  const EntityCase& c = GetParam();
  const Indexed indexed(c.text);
  for (const ExpectedEntity& want : c.present) {
    const Entity* got = indexed.Named(want.name);
    ASSERT_NE(got, nullptr)
        << "missing entity \"" << want.name
        << "\" in: " << testing::PrintToString(indexed.Names());
    EXPECT_EQ(KindName(got->kind), std::string(KindName(want.kind)))
        << want.name;
    EXPECT_EQ(got->role, want.role) << want.name;
  }
  for (const std::string& name : c.absent) {
    EXPECT_EQ(indexed.Named(name), nullptr)
        << "unexpected entity \"" << name << "\"";
  }
}

constexpr EntityKind kPerson = EntityKind::kPerson;
constexpr EntityKind kOrg = EntityKind::kOrganization;
constexpr EntityKind kPlace = EntityKind::kPlace;
constexpr EntityKind kUnknown = EntityKind::kUnknown;

INSTANTIATE_TEST_SUITE_P(
    Cases, EntityCaseTest,
    testing::Values(
        EntityCase{"PortfolioBelongsToTheRole",
                   "Transport Minister Goran Ilic and General Amir Qureshi "
                   "spoke on Thursday.",
                   {{"Goran Ilic", kPerson, "Transport Minister"},
                    {"Amir Qureshi", kPerson, "General"}},
                   {"Transport"}},
        EntityCase{"WhatAnOfficeIsOfIsAPlace",
                   "Ravi Anand, the mayor of Port Selwyn, met the regional "
                   "governor, Elena Cruz, on Monday.",
                   {{"Ravi Anand", kPerson, "the mayor of Port Selwyn"},
                    {"Port Selwyn", kPlace, ""},
                    {"Elena Cruz", kPerson, "regional governor"}},
                   {}},
        EntityCase{
            "AppositiveAfterAnAge",
            "Marit Ellingsen, 47, a nurse at the district hospital, "
            "spoke first.",
            {{"Marit Ellingsen", kPerson, "a nurse at the district hospital"}},
            {}},
        EntityCase{
            "OrganisationNameAfterATitleWord",
            "The General Assembly met as Coldwater Energy reported.",
            {{"General Assembly", kOrg, ""}, {"Coldwater Energy", kOrg, ""}},
            {"Assembly"}},
        EntityCase{
            "TitleIsRoleNotName",
            "President Ada Okafor arrived in Lundby on Monday.",
            {{"Ada Okafor", kPerson, "President"}, {"Lundby", kPlace, ""}},
            {"President Ada Okafor", "President", "Monday"}},
        EntityCase{"MultiWordTitleWithCountryBeforeIt",
                   "The talks went well, Estmark Prime Minister Henrik Solberg "
                   "told them.",
                   {{"Henrik Solberg", kPerson, "Estmark Prime Minister"},
                    {"Estmark", kUnknown, ""}},
                   {"Prime Minister Henrik Solberg", "The"}},
        EntityCase{"RoleBeforeNameWithOrganisation",
                   "Finance Ministry spokeswoman Ilse Marten said the plan "
                   "was sound.",
                   {{"Ilse Marten", kPerson, "Finance Ministry spokeswoman"},
                    {"Finance Ministry", kOrg, ""}},
                   {}},
        EntityCase{"LowercaseRoleWithModifier",
                   "The decision angered opposition leader Mirela Vos.",
                   {{"Mirela Vos", kPerson, "opposition leader"}},
                   {}},
        EntityCase{"AppositiveRoleWithOrganisationAndPlace",
                   "Tomas Berg, a senior fellow at the Baltic Policy Institute "
                   "in Riga, said the package was late.",
                   {{"Tomas Berg", kPerson,
                     "a senior fellow at the Baltic Policy Institute in Riga"},
                    {"Baltic Policy Institute", kOrg, ""},
                    {"Riga", kPlace, ""}},
                   {"Baltic Policy Institute in Riga"}},
        EntityCase{"AppositiveAtSentenceEnd",
                   "The figure was confirmed by Anders Kvist, the union’s "
                   "local chairman.",
                   {{"Anders Kvist", kPerson, "the union’s local chairman"}},
                   {}},
        EntityCase{"RoleFirstAppositive",
                   "Its chief executive, Sanna Virta, said bookings rose.",
                   {{"Sanna Virta", kPerson, "chief executive"}},
                   {"Its"}},
        EntityCase{"RelativeClauseIsNoRole",
                   "Mirela Vos, who leads the Civic Alliance, said no.",
                   {{"Mirela Vos", kPerson, ""}, {"Civic Alliance", kOrg, ""}},
                   {}},
        EntityCase{"ConnectorInsideOrganisation",
                   "He worked at the Ministry of Finance in Carvenna before "
                   "joining the University of Carvenna.",
                   {{"Ministry of Finance", kOrg, ""},
                    {"Carvenna", kPlace, ""},
                    {"University of Carvenna", kOrg, ""}},
                   {"Ministry of Finance in Carvenna", "Ministry"}},
        EntityCase{
            "OfAfterPersonIsNoConnector",
            "President Ada Okafor of Valdoria spoke first.",
            {{"Ada Okafor", kPerson, "President"}, {"Valdoria", kPlace, ""}},
            {"Ada Okafor of Valdoria"}},
        EntityCase{"SentenceInitialCommonWords",
                   "Crowds gathered in Lundby. Environmental groups "
                   "protested. But the mood stayed calm. Asked about it, "
                   "Okafor smiled.",
                   {{"Lundby", kPlace, ""}},
                   {"Crowds", "Environmental", "But", "Asked"}},
        EntityCase{"SentenceInitialNameKnownElsewhere",
                   "Okafor arrived late. Reporters waited for Okafor.",
                   {{"Okafor", kUnknown, ""}},
                   {"Reporters"}},
        EntityCase{"SentenceInitialTwoWordName",
                   "Tomas Berg disagreed with the plan.",
                   {{"Tomas Berg", kPerson, ""}},
                   {"Berg"}},
        EntityCase{"MonthAndWeekdayNames",
                   "On Monday, June 3, the talks began in Lundby. Talks "
                   "resumed on Tuesday.",
                   {{"Lundby", kPlace, ""}},
                   {"Monday", "June", "Tuesday", "On", "Talks"}},
        EntityCase{"QuoteInitialWordIsNoName",
                   "“Ports are built in years,” Sofie Dahl said.",
                   {{"Sofie Dahl", kPerson, ""}},
                   {"Ports"}},
        EntityCase{
            "PossessiveDropped",
            "Okafor’s visit to Estmark was her sixth. Later President "
            "Ada Okafor smiled.",
            {{"Ada Okafor", kPerson, "President"}, {"Estmark", kPlace, ""}},
            {"Okafor’s", "Okafor"}},
        EntityCase{"PronounAttributionMakesPerson",
                   "Burton explained from a podium. “I love cats,” he said.",
                   {{"Burton", kPerson, ""}},
                   {}},
        EntityCase{"PlaceFromPreposition",
                   "The ferry from Helvik to Sarnby was late.",
                   {{"Helvik", kPlace, ""}, {"Sarnby", kPlace, ""}},
                   {}},
        EntityCase{"CountryFromList",
                   "Norway and Estmark signed a deal.",
                   {{"Norway", kPlace, ""}, {"Estmark", kUnknown, ""}},
                   {}},
        EntityCase{"DemonymsAreAdjectives",
                   "The deal covers Valdorian gas and French wine.",
                   {},
                   {"Valdorian", "French"}},
        EntityCase{
            "NameParticles",
            "Ursula von der Leyen visited Riga.",
            {{"Ursula von der Leyen", kPerson, ""}, {"Riga", kPlace, ""}},
            {"Ursula", "Leyen"}},
        EntityCase{"FunctionWordCapitalizedInsideSentence",
                   "The port handled more boxes, and its director, Per "
                   "Aalund, said so.",
                   {{"Per Aalund", kPerson, "director"}},
                   {"Aalund"}},
        EntityCase{"OrganisationAndPlaceWords",
                   "Reporters from the Harbor Times gathered at Rosenholm "
                   "Palace and the Lundby Congress Centre.",
                   {{"Harbor Times", kOrg, ""},
                    {"Rosenholm Palace", kPlace, ""},
                    {"Lundby Congress Centre", kPlace, ""}},
                   {}},
        EntityCase{
            "HonorificIsNoRole",
            "Dr. Hanna Lind of the University of Carvenna objected.",
            {{"Hanna Lind", kPerson, ""}, {"University of Carvenna", kOrg, ""}},
            {"Dr. Hanna Lind"}},
        EntityCase{"DatelineInCapitals",
                   "LUNDBY, Estmark — The talks in Lundby ended late.",
                   {{"Lundby", kPlace, ""}},
                   {"LUNDBY"}}),
    [](const testing::TestParamInfo<EntityCase>& info) {
      return info.param.name;
    });

TEST(EntityIndexTest, EveryFormOfANameIsOneEntity) {
  const Indexed indexed(
      "Valdorian leader Ada Okafor landed on Monday. President Okafor met "
      "the king. Ms. Okafor rested, and Okafor spoke at dinner. Ada Okafor "
      "flew home.");
  EXPECT_EQ(indexed.index().entities().size(), 1u)
      << testing::PrintToString(indexed.Names());
  for (const char* at : {"Ada Okafor landed", "Okafor met", "Okafor rested",
                         "Okafor spoke", "Ada Okafor flew"}) {
    EXPECT_EQ(indexed.EntityAt(at), "Ada Okafor") << at;
  }
  // Titles are not part of the name; the first role given is kept.
  EXPECT_EQ(indexed.index().entities()[0].role, "Valdorian leader");
}

TEST(EntityIndexTest, SurnameAliasesFullName) {
  const Indexed indexed(
      "Okafor landed on Monday. President Ada Okafor then met the king. "
      "Later Ms. Okafor rested.");
  EXPECT_EQ(indexed.EntityAt("Okafor landed"), "Ada Okafor");
  EXPECT_EQ(indexed.EntityAt("Ada Okafor"), "Ada Okafor");
  EXPECT_EQ(indexed.EntityAt("Okafor rested"), "Ada Okafor");
  EXPECT_EQ(indexed.index().entities().size(), 1u)
      << testing::PrintToString(indexed.Names());
  const int id = indexed.index().Find("Ada Okafor");
  ASSERT_GE(id, 0);
  EXPECT_EQ(indexed.index().Find("Ms. Okafor"), id);
  EXPECT_EQ(indexed.index().Find("Okafor"), id);
  EXPECT_EQ(indexed.index().Find("President Ada Okafor"), id);
  EXPECT_EQ(indexed.index().Find("okafor’s"), id);
  EXPECT_EQ(indexed.index().Find("Solberg"), -1);
}

TEST(EntityIndexTest, SharedSurnameGoesToMostRecentFullName) {
  const Indexed indexed(
      "Ada Okafor met Ben Okafor in Carvenna. Ben Okafor spoke first. "
      "Okafor was brief. Then Ada Okafor answered. Okafor was longer.");
  ASSERT_NE(indexed.Named("Ada Okafor"), nullptr);
  ASSERT_NE(indexed.Named("Ben Okafor"), nullptr);
  EXPECT_EQ(indexed.Named("Okafor"), nullptr);
  EXPECT_EQ(indexed.EntityAt("Okafor was brief"), "Ben Okafor");
  EXPECT_EQ(indexed.EntityAt("Okafor was longer"), "Ada Okafor");
}

TEST(EntityIndexTest, MentionSpansExcludeTitlesAndPossessives) {
  const std::string text = "Ms. Okafor’s plan pleased President Ada Okafor.";
  const Indexed indexed(text);
  std::vector<std::string> spans;
  for (const EntityMention& m : indexed.index().mentions()) {
    spans.push_back(text.substr(m.begin, m.end - m.begin));
  }
  EXPECT_EQ(spans, (std::vector<std::string>{"Okafor", "Ada Okafor"}));
}

TEST(EntityIndexTest, NamesInListsEachEntityOnceInOrder) {
  const std::string text =
      "Okafor met Solberg in Lundby. Prime Minister Henrik Solberg thanked "
      "President Ada Okafor and Okafor thanked him.";
  const Indexed indexed(text);
  const size_t second = text.find("Prime");
  EXPECT_EQ(indexed.index().NamesIn(second, text.size()),
            (std::vector<std::string>{"Henrik Solberg", "Ada Okafor"}));
  EXPECT_EQ(
      indexed.index().NamesIn(0, second),
      (std::vector<std::string>{"Ada Okafor", "Henrik Solberg", "Lundby"}));
  // A mention that does not fit the range entirely is left out.
  EXPECT_EQ(indexed.index().NamesIn(0, text.find("Lundby") + 3),
            (std::vector<std::string>{"Ada Okafor", "Henrik Solberg"}));
  EXPECT_TRUE(indexed.index().NamesIn(0, 0).empty());
}

TEST(EntityIndexTest, PersonBeforeSkipsPlacesAndOrganisations) {
  const std::string text =
      "President Ada Okafor flew to Lundby with the Finance Ministry team. "
      "She said little.";
  const Indexed indexed(text);
  EXPECT_EQ(indexed.index().PersonBefore(text.find("Ada")), nullptr);
  const EntityMention* person = indexed.index().PersonBefore(text.find("She"));
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(indexed.index().entities()[person->entity].name, "Ada Okafor");
  EXPECT_EQ(text.substr(person->begin, person->end - person->begin),
            "Ada Okafor");
  // A mention counts once it has ended.
  EXPECT_EQ(indexed.index().PersonBefore(text.find("Okafor")), nullptr);
  EXPECT_NE(indexed.index().PersonBefore(text.find(" flew")), nullptr);
}

TEST(EntityIndexTest, EntitiesInOrderOfFirstMention) {
  const Indexed indexed(
      "Okafor met Solberg in Lundby. President Ada Okafor then left.");
  EXPECT_EQ(indexed.Names(),
            (std::vector<std::string>{"Ada Okafor", "Solberg", "Lundby"}));
}

TEST(EntityIndexTest, EmptyAndNameLessTexts) {
  const Indexed empty("");
  EXPECT_TRUE(empty.index().entities().empty());
  EXPECT_EQ(empty.index().PersonBefore(0), nullptr);
  const Indexed plain("the talks ended without a deal.");
  EXPECT_TRUE(plain.index().mentions().empty());
}

TEST(EntityIndexTest, FurnitureIsSkipped) {
  crosscheck::v1::Article article;
  article.set_id("a");
  article.set_text("By Maren Holt | The Daily Ledger\nOkafor said so.\n");
  article.add_furniture()->set_end(article.text().find('\n'));
  const Document doc = MakeDocument(article);
  const EntityIndex index(doc);
  ASSERT_EQ(index.entities().size(), 1u);
  EXPECT_EQ(index.entities()[0].name, "Okafor");
}


// A description of the entities and mentions of an index, to compare two.
std::string Describe(const EntityIndex& index) {
  std::string out;
  for (const Entity& e : index.entities()) {
    out += e.name + "|" + KindName(e.kind) + "|" + e.role + "\n";
  }
  for (const EntityMention& m : index.mentions()) {
    out += std::to_string(m.begin) + "-" + std::to_string(m.end) + ":" +
           std::to_string(m.entity) + "\n";
  }
  return out;
}

TEST(EntityIndexTest, SameEntitiesAfterOtherArticles) {
  // Articles indexed one after the other give what each gives alone,
  // whatever the size of the ones before: typographic apostrophes, initial
  // words that recur, and a very long article in between.
  const std::string text =
      "Crowds gathered. Okafor\u2019s aide, Ben Okafor, said crowds grew. "
      "President Ada Okafor of Valdoria spoke. Okafor said it was calm. "
      "Police said police were ready.";
  const std::string alone = Describe(Indexed(text).index());
  std::string long_text;
  for (int i = 0; i < 20000; ++i) {
    long_text += "Marten\u2019s staff met Ilse Marten in Lundby. ";
  }
  for (const std::string& before :
       {std::string("The talks ended, Lundby\u2019s mayor Per Aalund said."),
        long_text, text}) {
    const Indexed first(before);
    EXPECT_FALSE(first.index().entities().empty()) << before.substr(0, 40);
    EXPECT_EQ(Describe(Indexed(text).index()), alone);
  }
}

// The names and mentions of an index, without kinds or roles.
std::string DescribeNames(const EntityIndex& index) {
  std::string out;
  for (const Entity& e : index.entities()) out += e.name + "\n";
  for (const EntityMention& m : index.mentions()) {
    out += std::to_string(m.begin) + "-" + std::to_string(m.end) + ":" +
           std::to_string(m.entity) + "\n";
  }
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

TEST(EntityIndexTest, NamesAndMentionsDoNotDependOnAttribution) {
  // The fixture story, generated news, and typographic apostrophes,
  // initials, possessives and titles.
  std::vector<std::string> texts = {
      "O\u2019Brien\u2019s team met A. Okafor. Reynolds\u2019 office said Ms. "
      "O\u2019Brien would visit the Ministry of Finance. President Ada "
      "Okafor of Valdoria met Tomas Berg, a senior fellow at the Baltic "
      "Policy Institute in Riga, said. \u201cOkafor: \u201cWe will win,\u201d "
      "he said. Finance Ministry spokeswoman Ilse Marten said Estmark\u2019s "
      "foreign minister Karl Dahl-Berg arrived."};
  for (const char* name : {"capital_review", "daily_ledger", "harbor_times",
                           "meridian_wire", "northern_courier"}) {
    texts.push_back(
        ReadFile(std::string("fixtures/state_visit/") + name + ".txt"));
    ASSERT_GT(texts.back().size(), 1000u) << name;
  }
  bench::CorpusOptions options;
  options.seed = 5;
  options.target_bytes = 100 << 10;
  for (const crosscheck::v1::Article& article :
       bench::GenerateCorpus(options)) {
    texts.push_back(article.text());
  }
  EntityIndexOptions names_only;
  names_only.attribution = false;
  int people = 0;
  for (const std::string& text : texts) {
    crosscheck::v1::Article article;
    article.set_id("a");
    article.set_text(text);
    const Document doc = MakeDocument(article);
    const EntityIndex full(doc);
    const EntityIndex names(doc, names_only);
    EXPECT_EQ(DescribeNames(names), DescribeNames(full)) << text;
    for (const Entity& e : full.entities()) {
      people += e.kind == EntityKind::kPerson;
    }
    // Without attribution, no kinds, roles, persons or aliases.
    for (const Entity& e : names.entities()) {
      EXPECT_EQ(e.kind, EntityKind::kUnknown) << e.name;
      EXPECT_EQ(e.role, "") << e.name;
      EXPECT_EQ(names.Find(e.name), -1) << e.name;
    }
    EXPECT_EQ(names.PersonBefore(text.size()), nullptr);
  }
  EXPECT_GT(people, 100);  // the texts name people
}

TEST(TitleBeforeTest, FindsTheTitleWrittenBeforeAName) {
  struct Case {
    const char* text;
    const char* name;  // the name the title is asked before
    const char* title;
  };
  const Case kCases[] = {
      {"Ms. Ferrante spoke.", "Ferrante", "ms"},
      {"said President Ada Okafor", "Ada", "president"},
      {"JUDGE  Petrenko ruled", "Petrenko", "judge"},
      {"the court heard Petrenko", "Petrenko", ""},
      {"Petrenko ruled", "Petrenko", ""},
      // The word before the name is read back at most 16 letters.
      {"Vicejudgexxxxxxxjudge Petrenko", "Petrenko", ""},
  };
  for (const Case& c : kCases) {
    const std::string text = c.text;
    EXPECT_EQ(TitleBefore(text, text.find(c.name)), c.title) << c.text;
  }
}

TEST(GenderOfWordTest, TitlesAndGivenNamesTellAGender) {
  EXPECT_EQ(GenderOfWord("ms"), 'f');
  EXPECT_EQ(GenderOfWord("mr"), 'm');
  EXPECT_EQ(GenderOfWord("elena"), 'f');
  EXPECT_EQ(GenderOfWord("marco"), 'm');
  EXPECT_EQ(GenderOfWord("president"), 0);
  EXPECT_EQ(GenderOfWord("harbour"), 0);
  EXPECT_EQ(GenderOfWord(""), 0);
}

}  // namespace
}  // namespace crosscheck::extract
