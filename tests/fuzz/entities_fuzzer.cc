// Fuzz target: extract::EntityIndex over the bytes read as a plain-text
// article. Checks that every mention lies inside one sentence, in text
// order, names an entity; that the index built without attribution has the
// same names and mentions; and that the queries (EntitiesIn, NamesIn,
// PersonBefore, Find) answer within bounds.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "proto/crosscheck/v1/article.pb.h"
#include "src/extract/document.h"
#include "src/extract/entities.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace crosscheck;         // NOLINT
  using namespace crosscheck::fuzz;  // NOLINT
  using extract::EntityMention;
  std::vector<v1::Note> notes;
  const v1::Article article = TextArticle(Bytes(data, size), "fuzz", &notes);
  const extract::Document doc = extract::MakeDocument(article);
  const extract::EntityIndex index(doc);
  const std::vector<extract::Entity>& entities = index.entities();
  const std::vector<EntityMention>& mentions = index.mentions();

  for (const extract::Entity& entity : entities) {
    CC_FUZZ_CHECK(!entity.name.empty());
    CC_FUZZ_CHECK(IsValidUtf8(entity.name));
    CC_FUZZ_CHECK(IsValidUtf8(entity.role));
    const int found = index.Find(entity.name);
    CC_FUZZ_CHECK(found >= -1 && found < static_cast<int>(entities.size()));
  }
  // Mentions do not overlap, and entities are numbered in order of their
  // first mention.
  size_t last_end = 0;
  int first_mentioned = 0;
  for (const EntityMention& m : mentions) {
    CheckRange(doc.text, m.begin, m.end);
    CC_FUZZ_CHECK(m.begin < m.end);
    CC_FUZZ_CHECK(m.begin >= last_end);
    last_end = m.end;
    CC_FUZZ_CHECK(m.entity >= 0 && m.entity <= first_mentioned);
    if (m.entity == first_mentioned) ++first_mentioned;
    CC_FUZZ_CHECK(!OverlapsFurniture(article, m.begin, m.end));
    const int s = doc.seg.SentenceAt(m.begin);
    CC_FUZZ_CHECK(s >= 0);
    CC_FUZZ_CHECK(m.end <= doc.seg.sentences[s].end);
    const EntityMention* before = index.PersonBefore(m.end);
    if (before != nullptr) CC_FUZZ_CHECK(before->end <= m.end);
  }
  CC_FUZZ_CHECK(static_cast<size_t>(first_mentioned) == entities.size());

  for (const auto& sentence : doc.seg.sentences) {
    const auto in = index.EntitiesIn(sentence.begin, sentence.end);
    for (size_t i = 0; i < in.size(); ++i) {
      CC_FUZZ_CHECK(in[i] >= 0 &&
                    static_cast<size_t>(in[i]) < entities.size());
      for (size_t j = 0; j < i; ++j) CC_FUZZ_CHECK(in[i] != in[j]);
    }
    const std::vector<std::string> names =
        index.NamesIn(sentence.begin, sentence.end, 4);
    CC_FUZZ_CHECK(names.size() <= 4 && names.size() <= in.size());
    for (size_t i = 0; i < names.size(); ++i) {
      CC_FUZZ_CHECK(names[i] == entities[in[i]].name);
    }
  }

  // Without attribution: the same names, mentions and entity numbers.
  const extract::EntityIndex plain(doc, extract::EntityIndexOptions{false});
  CC_FUZZ_CHECK(plain.entities().size() == entities.size());
  for (size_t i = 0; i < entities.size(); ++i) {
    CC_FUZZ_CHECK(plain.entities()[i].name == entities[i].name);
  }
  CC_FUZZ_CHECK(plain.mentions().size() == mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    CC_FUZZ_CHECK(plain.mentions()[i].begin == mentions[i].begin);
    CC_FUZZ_CHECK(plain.mentions()[i].end == mentions[i].end);
    CC_FUZZ_CHECK(plain.mentions()[i].entity == mentions[i].entity);
  }
  return 0;
}
