// Named entities of one article: people, organisations and places, with
// aliases ("Okafor", "Ms. Okafor", "President Ada Okafor") clustered under
// one canonical name (the fullest form, without titles: "Ada Okafor").
//
//   const EntityIndex entities(doc);
//   for (const std::string& name : entities.NamesIn(s.begin, s.end)) ...
//
// Names are runs of capitalized words in the sentences of the document
// (furniture left out), with particles ("von der") and, in organisation
// names, connectors ("Ministry of Finance"). A name has at most 8 words: a
// longer run (an all-caps paragraph) is split into names of 8 words or
// fewer, and a role read before a name keeps its last 8 words, so the work
// per name stays bounded. Titles and roles are split off ("Finance
// Ministry spokeswoman Ilse Marten"), as are appositive roles ("Tomas
// Berg, a senior fellow at …,"); words capitalized only because they start
// a sentence or quotation, month and weekday names are not names. A
// shorter form ("Okafor") is an alias of the full name it ends ("Ada
// Okafor"); two full names that share a surname stay apart, and the bare
// surname goes to the one mentioned last. The word lists are data/*.tsv,
// described in docs/lexicons.md.

#ifndef SRC_EXTRACT_ENTITIES_H_
#define SRC_EXTRACT_ENTITIES_H_

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "src/extract/document.h"

namespace crosscheck::extract {

// The kind of a named entity.
enum class EntityKind { kUnknown, kPerson, kOrganization, kPlace };

// One mention of an entity in the text.
struct EntityMention {
  // Byte range of the name as written, without any title.
  size_t begin = 0;
  size_t end = 0;
  // Index into EntityIndex::entities().
  int entity = 0;
};

// A distinct entity of the article.
struct Entity {
  // Canonical name: the fullest form used in the article, titles removed.
  std::string name;
  EntityKind kind = EntityKind::kUnknown;
  // A role or title given with the name anywhere in the article
  // ("President", "Finance Ministry spokeswoman"), or empty.
  std::string role;
};

// What an EntityIndex computes besides the entities' names and mentions.
struct EntityIndexOptions {
  // What attributing quotes asks of the index: each entity's kind and role,
  // PersonBefore and Find. When false, entities() and mentions() are the
  // same (the same names, mentions and entity numbers), but every kind is
  // kUnknown and every role empty, PersonBefore returns nullptr and Find
  // -1; pronouns, roles and aliases are not read, which saves time when
  // only EntitiesIn, NamesIn and the names are asked.
  bool attribution = true;
};

// All entity mentions of one document, found once and queried by the
// quote and claim extractors. Immutable after construction; the Document
// must outlive it.
// The lowercase title word of data/titles.tsv ("ms", "judge") written
// right before byte `begin` of `text`, across white space and an
// abbreviation dot ("Ms. Ferrante"), or empty. Reads at most 24 bytes.
std::string TitleBefore(absl::string_view text, size_t begin);

// The gender a lowercase title ("ms", "spokesman") or given name ("elena")
// tells, from the gender columns of data/titles.tsv and
// data/given_names.tsv: 'm', 'f', or 0 when it tells none.
char GenderOfWord(absl::string_view word);

class EntityIndex {
 public:
  explicit EntityIndex(const Document& doc,
                       const EntityIndexOptions& options = {});

  // Every entity, in order of first mention.
  const std::vector<Entity>& entities() const { return entities_; }
  // Every mention, in text order.
  const std::vector<EntityMention>& mentions() const { return mentions_; }

  // The entities mentioned in [begin, end), as indices into entities(), in
  // order of first mention there, without duplicates: the first `max` of
  // them. Linear in the mentions of the range times the entities returned.
  absl::InlinedVector<int, 16> EntitiesIn(
      size_t begin, size_t end,
      size_t max = std::numeric_limits<size_t>::max()) const;

  // The canonical names of EntitiesIn(begin, end, max_names).
  std::vector<std::string> NamesIn(
      size_t begin, size_t end,
      size_t max_names = std::numeric_limits<size_t>::max()) const;

  // The most recent mention of a person that ends at or before `offset`
  // (for resolving "he said"), or nullptr.
  const EntityMention* PersonBefore(size_t offset) const;

  // The most recent mention that ends at or before `offset` and that
  // `accept` takes, among the `max_mentions` mentions before `offset`, or
  // nullptr. At most `max_mentions` calls of `accept`.
  const EntityMention* MentionBefore(
      size_t offset, absl::FunctionRef<bool(const EntityMention&)> accept,
      int max_mentions) const;

  // The entity whose alias `name` is ("Okafor", "Ms. Okafor"), or -1.
  // Titles before the name and a possessive "’s" are ignored, and case does
  // not matter. An alias shared by two entities (a surname of two people)
  // gives the one it first referred to; to resolve a mention in context,
  // use mentions(). Linear in the number of distinct name forms.
  int Find(absl::string_view name) const;

 private:
  const Document* doc_;
  std::vector<Entity> entities_;
  std::vector<EntityMention> mentions_;
  // An alias (the lowercase words of a name as written, titles removed)
  // and the entity it first referred to: its text is
  // alias_text_[offset, offset + size). Each alias once, in no particular
  // order; Find reads them in turn, which costs less than a hash table
  // built for every article when few aliases are asked for.
  struct Alias {
    size_t offset = 0;
    size_t size = 0;
    int entity = -1;
  };
  std::string alias_text_;
  std::vector<Alias> aliases_;
  // Indices into mentions_ of the mentions of persons, in text order.
  std::vector<int> person_mentions_;
};

}  // namespace crosscheck::extract

#endif  // SRC_EXTRACT_ENTITIES_H_
