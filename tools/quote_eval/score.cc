#include "tools/quote_eval/score.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/struct.pb.h"
#include "src/base/status_macros.h"
#include "tools/eval_io/eval_io.h"

namespace crosscheck::quote_eval {
namespace {

namespace pb = google::protobuf;
using crosscheck::v1::Claim;
using crosscheck::v1::ExpectedQuote;
using crosscheck::v1::Quote;

double Ratio(int numerator, int denominator) {
  return denominator == 0 ? 0.0 : static_cast<double>(numerator) / denominator;
}

// An outcome with every per-item vector sized and the counts that do not
// depend on matching filled.
CaseOutcome EmptyOutcome(size_t expected, size_t found) {
  CaseOutcome o;
  o.match.assign(expected, -1);
  o.speaker_right.assign(expected, false);
  o.form_right.assign(expected, false);
  o.role_right.assign(expected, false);
  o.found_matched.assign(found, false);
  o.found_counted.assign(found, true);
  o.tally.cases = 1;
  o.tally.expected = static_cast<int>(expected);
  return o;
}

// Counts the found quotes that count and the matches.
void CountFound(CaseOutcome* o) {
  for (size_t i = 0; i < o->found_matched.size(); ++i) {
    o->tally.found += o->found_counted[i] ? 1 : 0;
  }
  for (int m : o->match) o->tally.matched += m >= 0 ? 1 : 0;
}

// The words of a speaker's name or noun phrase: runs of bytes between
// white space and ASCII punctuation.
std::vector<absl::string_view> Words(absl::string_view text) {
  return absl::StrSplit(text, absl::ByAnyChar(" \t\n,.;:()[]\"'"),
                        absl::SkipEmpty());
}

// A byte that belongs to a word: an ASCII letter or digit, or any byte of a
// multi-byte UTF-8 sequence.
bool IsWordByte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b >= 0x80 || absl::ascii_isalnum(b);
}

// Whether `word`, starting with an uppercase ASCII letter, occurs as a
// whole word in `text`.
bool OccursCapitalized(absl::string_view text, absl::string_view word) {
  if (word.empty() ||
      !absl::ascii_isupper(static_cast<unsigned char>(word[0]))) {
    return false;
  }
  for (size_t at = text.find(word); at != absl::string_view::npos;
       at = text.find(word, at + 1)) {
    const size_t end = at + word.size();
    const bool starts = at == 0 || !IsWordByte(text[at - 1]);
    const bool ends = end == text.size() || !IsWordByte(text[end]);
    if (starts && ends) return true;
  }
  return false;
}

bool NameTokenSatisfied(absl::string_view token, const Quote& quote) {
  for (absl::string_view word : Words(quote.speaker())) {
    if (absl::EqualsIgnoreCase(word, token)) return true;
  }
  return false;
}

bool PronounSatisfied(const PeerSpeaker& pronoun, const Quote& quote,
                      absl::string_view input) {
  if (quote.has_speaker_span() && quote.speaker_span().begin() < pronoun.end &&
      pronoun.begin < quote.speaker_span().end()) {
    return true;
  }
  const std::vector<absl::string_view> words = Words(quote.speaker());
  if (words.empty()) return false;
  const absl::string_view before = input.substr(0, pronoun.begin);
  for (absl::string_view word : words) {
    if (!OccursCapitalized(before, word)) return false;
  }
  return true;
}

const pb::Value* Field(const pb::Struct& s, const char* key) {
  const auto it = s.fields().find(key);
  return it == s.fields().end() ? nullptr : &it->second;
}

std::string Str(const pb::Struct& s, const char* key) {
  const pb::Value* v = Field(s, key);
  return v != nullptr && v->kind_case() == pb::Value::kStringValue
             ? v->string_value()
             : "";
}

// Reads `byte_start` and `byte_end` of `s` into [begin, end); false unless
// both are numbers with 0 <= begin <= end <= limit.
bool ByteSpan(const pb::Struct& s, size_t limit, uint32_t* begin,
              uint32_t* end) {
  const pb::Value* b = Field(s, "byte_start");
  const pb::Value* e = Field(s, "byte_end");
  if (b == nullptr || e == nullptr ||
      b->kind_case() != pb::Value::kNumberValue ||
      e->kind_case() != pb::Value::kNumberValue || b->number_value() < 0 ||
      b->number_value() > e->number_value() ||
      e->number_value() > static_cast<double>(limit)) {
    return false;
  }
  *begin = static_cast<uint32_t>(b->number_value());
  *end = static_cast<uint32_t>(e->number_value());
  return true;
}

}  // namespace

void Tally::Add(const Tally& other) {
  cases += other.cases;
  expected += other.expected;
  found += other.found;
  matched += other.matched;
  right += other.right;
  form_scored += other.form_scored;
  form_agree += other.form_agree;
  role_scored += other.role_scored;
  role_agree += other.role_agree;
}

double Tally::Accuracy() const { return Ratio(right, AccuracyBase()); }
double Tally::Recall() const { return Ratio(matched, expected); }
double Tally::Precision() const { return Ratio(matched, found); }
double Tally::SpeakerAccuracy() const { return Ratio(right, matched); }

bool CaseOutcome::Failed() const {
  for (size_t i = 0; i < match.size(); ++i) {
    if (match[i] < 0 || !speaker_right[i] || !form_right[i] || !role_right[i]) {
      return true;
    }
  }
  for (size_t i = 0; i < found_matched.size(); ++i) {
    if (found_counted[i] && !found_matched[i]) return true;
  }
  return false;
}

std::vector<const Claim*> QuoteClaims(const std::vector<Claim>& claims,
                                      absl::string_view article_id) {
  std::vector<const Claim*> quotes;
  for (const Claim& c : claims) {
    if (c.kind() != Claim::KIND_QUOTE) continue;
    if (!article_id.empty() && c.article_id() != article_id) continue;
    quotes.push_back(&c);
  }
  return quotes;
}

CaseOutcome ScoreExact(const pb::RepeatedPtrField<ExpectedQuote>& expected,
                       const std::vector<const Claim*>& found) {
  CaseOutcome o = EmptyOutcome(expected.size(), found.size());
  size_t next = 0;  // found quotes before `next` are behind the last match
  for (int i = 0; i < expected.size(); ++i) {
    const ExpectedQuote& e = expected[i];
    for (size_t j = next; j < found.size(); ++j) {
      if (found[j]->quote().text() != e.text()) continue;
      const Quote& q = found[j]->quote();
      o.match[i] = static_cast<int>(j);
      o.found_matched[j] = true;
      o.speaker_right[i] = q.speaker() == e.speaker();
      o.form_right[i] = q.form() == e.form();
      o.role_right[i] = e.role().empty() || q.role() == e.role();
      o.tally.right += o.speaker_right[i] ? 1 : 0;
      ++o.tally.form_scored;
      o.tally.form_agree += o.form_right[i] ? 1 : 0;
      if (!e.role().empty()) {
        ++o.tally.role_scored;
        o.tally.role_agree += o.role_right[i] ? 1 : 0;
      }
      next = j + 1;
      break;
    }
  }
  CountFound(&o);
  return o;
}

absl::StatusOr<PeerCase> ParsePeerCase(absl::string_view json_line,
                                       absl::string_view file, int line) {
  const std::string where = absl::StrCat(file, ":", line);
  CC_ASSIGN_OR_RETURN(const pb::Struct s,
                      eval_io::ParseJsonObject(json_line, where));
  PeerCase c;
  c.file = std::string(file);
  c.line = line;
  c.suite = Str(s, "suite");
  c.speakers_scored = c.suite == "textacy";
  if (const pb::Value* index = Field(s, "case_index");
      index != nullptr && index->kind_case() == pb::Value::kNumberValue) {
    c.case_index = static_cast<int>(index->number_value());
  }
  if (const pb::Value* disabled = Field(s, "disabled_in_suite");
      disabled != nullptr && disabled->kind_case() == pb::Value::kBoolValue) {
    c.disabled_in_suite = disabled->bool_value();
  }
  const pb::Value* input = Field(s, "input");
  if (input == nullptr || input->kind_case() != pb::Value::kStringValue) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": case without a string \"input\""));
  }
  c.input = input->string_value();
  const pb::Value* expected = Field(s, "expected");
  if (expected == nullptr || expected->kind_case() != pb::Value::kListValue) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": case without an \"expected\" list"));
  }
  int index = -1;
  for (const pb::Value& v : expected->list_value().values()) {
    ++index;
    if (v.kind_case() != pb::Value::kStructValue) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": expected[", index, "] is not an object"));
    }
    const pb::Struct& e = v.struct_value();
    PeerQuote quote;
    quote.text = Str(e, "text");
    if (!ByteSpan(e, c.input.size(), &quote.begin, &quote.end)) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": expected[", index, "] \"", quote.text,
                       "\" has no valid byte_start/byte_end"));
    }
    if (const pb::Value* speakers = Field(e, "speakers");
        speakers != nullptr && speakers->kind_case() == pb::Value::kListValue) {
      for (const pb::Value& sv : speakers->list_value().values()) {
        PeerSpeaker speaker;
        if (sv.kind_case() != pb::Value::kStructValue ||
            !ByteSpan(sv.struct_value(), c.input.size(), &speaker.begin,
                      &speaker.end)) {
          return absl::InvalidArgumentError(
              absl::StrCat(where, ": expected[", index,
                           "] has a speaker without a valid "
                           "byte_start/byte_end"));
        }
        speaker.text = Str(sv.struct_value(), "text");
        quote.speakers.push_back(std::move(speaker));
      }
    }
    c.expected.push_back(std::move(quote));
  }
  return c;
}

bool IsPronoun(absl::string_view token) {
  for (const char* pronoun : {"he", "she", "they", "i", "we", "you", "it"}) {
    if (absl::EqualsIgnoreCase(token, pronoun)) return true;
  }
  return false;
}

bool PeerSpeakerRight(const PeerQuote& expected, const Claim& found,
                      absl::string_view input) {
  const Quote& quote = found.quote();
  if (expected.speakers.empty()) return quote.speaker().empty();
  for (const PeerSpeaker& token : expected.speakers) {
    const bool satisfied = IsPronoun(token.text)
                               ? PronounSatisfied(token, quote, input)
                               : NameTokenSatisfied(token.text, quote);
    if (!satisfied) return false;
  }
  return true;
}

CaseOutcome ScorePeer(const PeerCase& c,
                      const std::vector<const Claim*>& found) {
  CaseOutcome o = EmptyOutcome(c.expected.size(), found.size());
  for (size_t i = 0; i < c.expected.size(); ++i) {
    const PeerQuote& e = c.expected[i];
    if (e.normalized.empty()) continue;
    for (size_t j = 0; j < found.size(); ++j) {
      const Claim& f = *found[j];
      if (o.found_matched[j] || f.span().begin() >= e.end ||
          e.begin >= f.span().end() || f.quote().normalized() != e.normalized) {
        continue;
      }
      o.match[i] = static_cast<int>(j);
      o.found_matched[j] = true;
      o.speaker_right[i] =
          !c.speakers_scored || PeerSpeakerRight(e, f, c.input);
      o.form_right[i] = true;
      o.role_right[i] = true;
      o.tally.right += o.speaker_right[i] ? 1 : 0;
      break;
    }
  }
  if (c.speakers_scored) {
    for (size_t j = 0; j < found.size(); ++j) {
      const Quote::Form form = found[j]->quote().form();
      o.found_counted[j] = o.found_matched[j] || (form != Quote::FORM_TITLE &&
                                                  form != Quote::FORM_SCARE);
    }
  }
  CountFound(&o);
  return o;
}

}  // namespace crosscheck::quote_eval
