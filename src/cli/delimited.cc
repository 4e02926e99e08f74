#include "src/cli/delimited.h"

#include <cstdint>
#include <limits>
#include <utility>

#include "absl/strings/string_view.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/unknown_field_set.h"
#include "google/protobuf/wire_format_lite.h"

namespace crosscheck::cli {
namespace {

using ::crosscheck::v1::Article;
using ::crosscheck::v1::ClaimSet;
using ::google::protobuf::internal::WireFormatLite;
using ::google::protobuf::io::CodedOutputStream;

constexpr int kArticlesField = ClaimSet::kArticlesFieldNumber;
constexpr int kTextField = Article::kTextFieldNumber;

// Deterministic encoding of `message`, appended to `out`.
template <typename Message>
bool AppendEncoded(const Message& message, std::string* out) {
  google::protobuf::io::StringOutputStream stream(out);
  CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  message.ByteSizeLong();
  message.SerializeWithCachedSizes(&coded);
  return !coded.HadError();
}

void AppendVarint(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>(value | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

// Offset in `encoded` (an encoding in field order) of the first field
// numbered above `field`, or its size.
size_t FirstFieldAfter(absl::string_view encoded, int field) {
  google::protobuf::io::CodedInputStream in(
      reinterpret_cast<const uint8_t*>(encoded.data()),
      static_cast<int>(encoded.size()));
  while (true) {
    const size_t at = static_cast<size_t>(in.CurrentPosition());
    const uint32_t tag = in.ReadTag();
    if (tag == 0) return encoded.size();
    if (WireFormatLite::GetTagFieldNumber(tag) > field) return at;
    if (!WireFormatLite::SkipField(&in, tag)) return encoded.size();
  }
}

// The article with its text field written as it is: encoded without the
// text, then the text spliced in at its place in field order. protobuf
// writes unknown fields after all known ones, wherever their numbers fall:
// an article with any is encoded by protobuf whole.
void AppendArticle(Article& article, std::string* out) {
  std::string rest;           // the encoded article, but for `spliced`
  absl::string_view spliced;  // its text, written as it is
  size_t split;               // where `spliced` goes in `rest`
  if (article.GetReflection()->GetUnknownFields(article).empty()) {
    std::string text = std::move(*article.mutable_text());
    article.clear_text();
    AppendEncoded(article, &rest);
    *article.mutable_text() = std::move(text);
    spliced = article.text();
    split = FirstFieldAfter(rest, kTextField);
  } else {
    AppendEncoded(article, &rest);
    split = rest.size();
  }
  std::string text_field;  // the tag and length of `spliced`
  if (!spliced.empty()) {
    AppendVarint(WireFormatLite::MakeTag(
                     kTextField, WireFormatLite::WIRETYPE_LENGTH_DELIMITED),
                 &text_field);
    AppendVarint(spliced.size(), &text_field);
  }
  AppendVarint(WireFormatLite::MakeTag(
                   kArticlesField, WireFormatLite::WIRETYPE_LENGTH_DELIMITED),
               out);
  AppendVarint(rest.size() + text_field.size() + spliced.size(), out);
  out->append(rest, 0, split);
  out->append(text_field);
  out->append(spliced.data(), spliced.size());
  out->append(rest, split, std::string::npos);
}

}  // namespace

absl::Status AppendDelimited(ClaimSet& set, std::string* out) {
  // Articles are field 1: they come first, then everything else.
  google::protobuf::RepeatedPtrField<Article> articles;
  articles.Swap(set.mutable_articles());
  std::string body;
  for (Article& article : articles) AppendArticle(article, &body);
  const bool encoded = AppendEncoded(set, &body);
  articles.Swap(set.mutable_articles());
  if (!encoded || body.size() > std::numeric_limits<int32_t>::max()) {
    return absl::InternalError("cannot encode the delimited output");
  }
  AppendVarint(body.size(), out);
  out->append(body);
  return absl::OkStatus();
}

}  // namespace crosscheck::cli
