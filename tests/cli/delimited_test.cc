#include "src/cli/delimited.h"

#include <string>

#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/unknown_field_set.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "proto/crosscheck/v1/claim.pb.h"

namespace crosscheck::cli {
namespace {

using ::crosscheck::v1::Article;
using ::crosscheck::v1::Claim;
using ::crosscheck::v1::ClaimSet;

// protobuf's own deterministic length-delimited encoding of `set`.
std::string Reference(const ClaimSet& set) {
  std::string bytes;
  google::protobuf::io::StringOutputStream stream(&bytes);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  coded.WriteVarint32(static_cast<uint32_t>(set.ByteSizeLong()));
  set.SerializeWithCachedSizes(&coded);
  return bytes;
}

Article FullArticle(const std::string& id, const std::string& text) {
  Article a;
  a.set_id(id);
  a.set_outlet("The Daily Ledger");
  a.set_published("2024-06-05");
  a.set_url("https://example.org/" + id);
  a.set_title("Leaders meet in Riga");
  a.set_text(text);
  a.set_source(id + ".txt");
  auto* span = a.add_furniture();
  span->set_begin(0);
  span->set_end(20);
  a.set_author("Maren Holt");
  return a;
}

// Every field of ClaimSet, articles with and without text, texts whose
// length prefix takes one, two and three bytes.
ClaimSet Sample() {
  ClaimSet set;
  *set.add_articles() = FullArticle("a", "Short \xE2\x80\x9Ctext\xE2\x80\x9D.");
  *set.add_articles() = FullArticle("b", std::string(300, 'x'));
  *set.add_articles() = FullArticle("c", std::string(20000, 'y') + "\xC3\xA9");
  Article no_text = FullArticle("d", "");
  *set.add_articles() = no_text;
  Article only_text;
  only_text.set_text("Only text.");
  *set.add_articles() = only_text;
  Claim* claim = set.add_claims();
  claim->set_id("a:f1");
  claim->set_article_id("a");
  claim->set_text("31 times");
  claim->mutable_figure()->set_value(31);
  claim->add_entities("Riga");
  auto* note = set.add_notes();
  note->set_code("invalid-utf8");
  note->set_message("a.txt: 1 byte sequence is not valid UTF-8");
  set.mutable_run()->set_command("extract");
  (*set.mutable_run()->mutable_options())["zeta"] = "1";
  (*set.mutable_run()->mutable_options())["alpha"] = "2";
  (*set.mutable_run()->mutable_options())["mid"] = "3";
  return set;
}

TEST(AppendDelimitedTest, SameBytesAsProtobufsDeterministicEncoding) {
  ClaimSet set = Sample();
  const ClaimSet before = set;
  std::string out = "prefix";
  ASSERT_TRUE(AppendDelimited(set, &out).ok());
  EXPECT_EQ(out, "prefix" + Reference(before));
  // The message is left as it was.
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(set, before));
}

TEST(AppendDelimitedTest, RecordsFollowOneAnotherAndParseBack) {
  ClaimSet first = Sample();
  ClaimSet second;
  *second.add_articles() = FullArticle("e", "Another article.");
  std::string out;
  ASSERT_TRUE(AppendDelimited(first, &out).ok());
  ASSERT_TRUE(AppendDelimited(second, &out).ok());

  google::protobuf::io::CodedInputStream in(
      reinterpret_cast<const uint8_t*>(out.data()),
      static_cast<int>(out.size()));
  for (const ClaimSet* want : {&first, &second}) {
    uint32_t size = 0;
    ASSERT_TRUE(in.ReadVarint32(&size));
    const auto limit = in.PushLimit(static_cast<int>(size));
    ClaimSet got;
    ASSERT_TRUE(got.ParseFromCodedStream(&in));
    in.PopLimit(limit);
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(got, *want));
  }
  EXPECT_EQ(in.CurrentPosition(), static_cast<int>(out.size()));
}

TEST(AppendDelimitedTest, ArticleWithUnknownFieldsKeepsProtobufsOrder) {
  // protobuf writes unknown fields after every known one, even when
  // numbered below the text: here field 3 (`published`) with the wrong
  // wire type, which a parser keeps as an unknown field.
  ClaimSet set;
  Article* article = set.add_articles();
  article->set_id("a");
  article->set_text("T");
  std::string bytes = article->SerializeAsString();
  bytes += std::string("\x18\x01", 2);  // field 3, varint 1
  Article with_unknown;
  ASSERT_TRUE(with_unknown.ParseFromString(bytes));
  ASSERT_FALSE(
      with_unknown.GetReflection()->GetUnknownFields(with_unknown).empty());
  *article = with_unknown;
  const ClaimSet before = set;
  std::string out;
  ASSERT_TRUE(AppendDelimited(set, &out).ok());
  EXPECT_EQ(out, Reference(before));
}

TEST(AppendDelimitedTest, EmptySetIsOneZeroByte) {
  ClaimSet set;
  std::string out;
  ASSERT_TRUE(AppendDelimited(set, &out).ok());
  EXPECT_EQ(out, std::string(1, '\0'));
}

}  // namespace
}  // namespace crosscheck::cli
