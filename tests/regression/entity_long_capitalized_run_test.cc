// A long capitalized run was one huge name, clustered in quadratic time.
//
// GrowChunk took every capitalized word of a run into one name, so an
// all-caps paragraph was one name of its every word, and CollectForms built
// a key for each suffix of it. Names now have at most 8 words, and a longer
// run is split.

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "src/extract/document.h"
#include "src/extract/entities.h"

namespace crosscheck::extract {
namespace {

constexpr size_t kMaxNameWords = 8;

// `count` words cycling through `vocabulary`, separated by spaces, as one
// paragraph without a sentence end.
std::string CapitalizedRun(const std::vector<std::string>& vocabulary,
                           int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    if (i > 0) text += ' ';
    text += vocabulary[i % vocabulary.size()];
  }
  return text;
}

size_t WordCount(absl::string_view name) {
  return std::vector<absl::string_view>(
             absl::StrSplit(name, ' ', absl::SkipEmpty()))
      .size();
}

void ExpectShortNames(const std::string& text) {
  crosscheck::v1::Article article;
  article.set_id("a");
  article.set_text(text);
  const Document doc = MakeDocument(article);
  ASSERT_EQ(doc.seg.sentences.size(), 1u);
  const EntityIndex index(doc);
  ASSERT_FALSE(index.entities().empty());
  for (const Entity& entity : index.entities()) {
    ASSERT_LE(WordCount(entity.name), kMaxNameWords) << entity.name;
    ASSERT_LE(WordCount(entity.role), kMaxNameWords) << entity.role;
  }
  for (const EntityMention& mention : index.mentions()) {
    ASSERT_LE(
        WordCount(text.substr(mention.begin, mention.end - mention.begin)),
        kMaxNameWords);
  }
}

TEST(EntityLongCapitalizedRunTest, AllCapsParagraph) {
  ExpectShortNames(
      CapitalizedRun({"PRESIDENT", "ADA",    "OKAFOR",     "OF",    "VALDORIA",
                      "SIGNED",    "SEVEN",  "AGREEMENTS", "WITH",  "PRIME",
                      "MINISTER",  "HENRIK", "SOLBERG",    "IN",    "LUNDBY",
                      "AND",       "SAID",   "TRADE",      "WOULD", "GROW"},
                     200000));
}

TEST(EntityLongCapitalizedRunTest, CapitalizedWords) {
  ExpectShortNames(CapitalizedRun(
      {"Ada", "Okafor", "Henrik", "Solberg", "Ilse", "Marten", "Tomas", "Berg",
       "Sofie", "Dahl", "Mirela", "Vos", "Per", "Aalund"},
      100000));
}

// Titles and roles inside a long run: a role is read back over at most 8
// words, not over the whole run before it.
TEST(EntityLongCapitalizedRunTest, CapitalizedWordsWithTitles) {
  ExpectShortNames(
      CapitalizedRun({"Minister", "Ada", "Okafor", "Director", "Henrik",
                      "Solberg", "Spokeswoman", "Ilse", "Marten"},
                     100000));
}

}  // namespace
}  // namespace crosscheck::extract
