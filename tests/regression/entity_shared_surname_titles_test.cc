// A titled surname shared by thousands of full names was clustered in
// quadratic time.
//
// For "Ms. Okafor" every full name ending in "Okafor" was weighed, with the
// title and given name of each read anew, at every mention: 10,000 names
// and 10,000 such mentions took 24 seconds. A short form with more than 16
// full names to choose from is now a name of its own.

#include <chrono>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "src/extract/document.h"
#include "src/extract/entities.h"

namespace crosscheck::extract {
namespace {

// `count` distinct full names sharing the surname, then `count` sentences
// naming the surname after a title.
std::string SharedSurnames(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    // Distinct given names: "Aab", "Aac", ... capitalized letter triples.
    const char given[] = {static_cast<char>('A' + i / 676 % 26),
                          static_cast<char>('a' + i / 26 % 26),
                          static_cast<char>('a' + i % 26), 0};
    absl::StrAppend(&text, given, "x Okafor arrived. ");
  }
  for (int i = 0; i < count; ++i) absl::StrAppend(&text, "Ms. Okafor spoke. ");
  return text;
}

double SecondsToIndex(const std::string& text, size_t* entity_count) {
  crosscheck::v1::Article article;
  article.set_id("a");
  article.set_text(text);
  const Document doc = MakeDocument(article);
  const auto start = std::chrono::steady_clock::now();
  const EntityIndex index(doc);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  *entity_count = index.entities().size();
  return seconds;
}

TEST(EntitySharedSurnameTitlesTest, StaysLinear) {
  size_t small_entities = 0;
  size_t large_entities = 0;
  const double small = SecondsToIndex(SharedSurnames(2000), &small_entities);
  const double large = SecondsToIndex(SharedSurnames(8000), &large_entities);
  // Four times the input: well under sixteen times the time (quadratic),
  // with slack for a loaded machine.
  EXPECT_LT(large, 8 * small + 0.5) << small << " s, then " << large << " s";
  EXPECT_LT(large, 5.0);
  // Each full name, and the ambiguous surname of its own.
  EXPECT_EQ(small_entities, 2001u);
  EXPECT_EQ(large_entities, 8001u);
}

TEST(EntitySharedSurnameTitlesTest, FewFullNamesStillResolve) {
  crosscheck::v1::Article article;
  article.set_id("a");
  article.set_text(
      "Paola Ferrante keeps the books. Her brother, Marco Ferrante, bakes. "
      "Ms. Ferrante laughed.");
  const Document doc = MakeDocument(article);
  const EntityIndex index(doc);
  const std::string text = article.text();
  for (const EntityMention& m : index.mentions()) {
    if (text.substr(m.begin, m.end - m.begin) == "Ferrante") {
      EXPECT_EQ(index.entities()[m.entity].name, "Paola Ferrante");
    }
  }
}

}  // namespace
}  // namespace crosscheck::extract
