// The CLI's behaviour on good and bad input: exit codes, messages that name
// the file and what is wrong, repaired input, output formats.

#include "src/cli/cli.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "gtest/gtest.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "proto/crosscheck/v1/report.pb.h"

namespace crosscheck::cli {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

constexpr char kArticle[] =
    "Leaders Meet in Lundby\n"
    "By Ann Lee | Harbor Times\n"
    "date 2024-06-05\n"
    "\n"
    "President Ada Okafor arrived in Lundby on Monday for a four-day visit. "
    "Trade between the two countries stands at $48.5 billion.\n"
    "\n"
    "“We came to build something,” Okafor said.\n";

std::string TempPath(const std::string& name) {
  return absl::StrCat(std::getenv("TEST_TMPDIR"), "/", name);
}

std::string WriteTemp(const std::string& name, const std::string& contents) {
  const std::string path = TempPath(name);
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}

struct Result {
  int code;
  std::string out;
  std::string err;
};

Result RunCli(const std::string& command,
              const std::vector<std::string>& inputs,
              CliOptions options = CliOptions()) {
  std::ostringstream out, err;
  const int code = RunCommand(command, inputs, options, out, err);
  return {code, out.str(), err.str()};
}

// Every bad input: the exit code and the message that names what is wrong.
struct BadInputCase {
  std::string name;
  std::string file;  // written to TEST_TMPDIR unless empty
  std::string contents;
  std::vector<std::string> message_parts;
};

void PrintTo(const BadInputCase& c, std::ostream* os) { *os << c.name; }

class BadInputTest : public ::testing::TestWithParam<BadInputCase> {};

TEST_P(BadInputTest, FailsWithExitTwoAndNamesTheProblem) {
  const BadInputCase& c = GetParam();
  std::string path = TempPath(c.file);
  if (!c.contents.empty() || c.name == "EmptyFile") {
    path = WriteTemp(c.file, c.contents);
  }
  const Result r = RunCli("report", {path});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_THAT(r.out, IsEmpty());
  EXPECT_THAT(r.err, StartsWith("crosscheck: error: "));
  for (const std::string& part : c.message_parts) {
    EXPECT_THAT(r.err, HasSubstr(part));
  }
  // One line, no crash dump.
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadInputTest,
    ::testing::Values(
        BadInputCase{
            "MissingFile", "missing.txt", "", {"missing.txt", "no such file"}},
        BadInputCase{"EmptyFile", "empty.txt", "", {"empty.txt", "is empty"}},
        BadInputCase{"BlankFile",
                     "blank.txt",
                     "  \n\n\t\n",
                     {"blank.txt", "only white space"}},
        BadInputCase{"UnknownType",
                     "story.pdf",
                     "%PDF-1.4",
                     {"story.pdf", "unknown input type '.pdf'"}},
        BadInputCase{"MalformedJsonl",
                     "bad.jsonl",
                     "{\"id\": \"a\", \"text\": \"Fine.\"}\n{\"id\": \"b\", "
                     "\"text\": \n",
                     {"bad.jsonl:2", "not a valid crosscheck.v1.Article"}},
        BadInputCase{"ArticleWithoutText",
                     "notext.jsonl",
                     "{\"id\": \"a\", \"outlet\": \"X\"}\n",
                     {"notext.jsonl:1", "'a' has no text"}},
        BadInputCase{"PublishedNotADate",
                     "date.jsonl",
                     "{\"id\": \"a\", \"text\": \"Hi.\", \"published\": "
                     "\"soon\"}\n",
                     {"date.jsonl:1", "published 'soon' is not a date"}}),
    [](const ::testing::TestParamInfo<BadInputCase>& info) {
      return info.param.name;
    });

TEST(CliTest, DirectoryIsAnError) {
  const std::string dir = TempPath("articles_dir");
  ::mkdir(dir.c_str(), 0755);
  const Result r = RunCli("report", {dir});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_THAT(r.err, AllOf(HasSubstr("articles_dir"), HasSubstr("directory")));
}

TEST(CliTest, UnknownFormatIsAUsageError) {
  CliOptions options;
  options.format = "yaml";
  const Result r = RunCli("report", {WriteTemp("a.txt", kArticle)}, options);
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_THAT(r.err, HasSubstr("unknown format 'yaml'"));
}

TEST(CliTest, UnknownCommandAndMissingInputsAreUsageErrors) {
  EXPECT_THAT(RunCli("compare", {"a.txt"}).err,
              HasSubstr("unknown command 'compare'"));
  const Result r = RunCli("report", {});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_THAT(r.err, HasSubstr("no input files"));
}

TEST(CliTest, DiffNeedsTwoArticles) {
  const Result r = RunCli("diff", {WriteTemp("one.txt", kArticle)});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_THAT(r.err, HasSubstr("exactly two articles"));
}

TEST(CliTest, InvalidUtf8IsRepairedWithAWarningNamingTheOffset) {
  std::string text = kArticle;
  const size_t offset = text.find("Trade");
  text.insert(offset, "\xff");
  CliOptions options;
  options.format = "binpb";
  const Result r =
      RunCli("extract", {WriteTemp("bad_utf8.txt", text)}, options);
  EXPECT_EQ(r.code, kExitOk);
  EXPECT_THAT(r.err, AllOf(HasSubstr("warning"), HasSubstr("bad_utf8.txt"),
                           HasSubstr(absl::StrCat("byte offset ", offset))));
  crosscheck::v1::ClaimSet set;
  ASSERT_TRUE(set.ParseFromString(r.out));
  ASSERT_EQ(set.articles_size(), 1);
  EXPECT_THAT(set.articles(0).text(), HasSubstr("\xEF\xBF\xBDTrade"));
  ASSERT_GE(set.notes_size(), 1);
  EXPECT_EQ(set.notes(0).code(), "invalid-utf8");
  // Spans still point at their text after the repair.
  for (const auto& c : set.claims()) {
    EXPECT_EQ(set.articles(0).text().substr(c.span().begin(),
                                            c.span().end() - c.span().begin()),
              c.text());
  }
}

TEST(CliTest, KeepGoingSkipsMalformedLinesAndCountsThem) {
  const std::string path = WriteTemp(
      "mixed.jsonl",
      "{\"id\": \"a\", \"outlet\": \"X\", \"text\": \"It rose 4%.\"}\n"
      "not json at all\n"
      "{\"id\": \"b\", \"outlet\": \"Y\", \"text\": \"It rose 5%.\"}\n");
  CliOptions options;
  options.keep_going = true;
  options.format = "json";
  const Result r = RunCli("extract", {path}, options);
  EXPECT_EQ(r.code, kExitOk);
  EXPECT_THAT(r.err, AllOf(HasSubstr("mixed.jsonl:2"),
                           HasSubstr("skipped 1 bad line")));
  EXPECT_THAT(r.out,
              AllOf(HasSubstr("\"id\":\"a\""), HasSubstr("\"id\":\"b\"")));
}

TEST(CliTest, UnknownJsonFieldsAreIgnoredUnlessStrict) {
  const std::string path =
      WriteTemp("extra.jsonl",
                "{\"id\": \"a\", \"text\": \"Hi.\", \"section\": \"x\"}\n");
  EXPECT_EQ(RunCli("extract", {path}).code, kExitOk);
  CliOptions strict;
  strict.strict_json = true;
  const Result r = RunCli("extract", {path}, strict);
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_THAT(r.err, HasSubstr("extra.jsonl:1"));
}

TEST(CliTest, DuplicateArticleIdsAreAnError) {
  const std::string a = WriteTemp("dup.jsonl",
                                  "{\"id\": \"x\", \"text\": \"One.\"}\n"
                                  "{\"id\": \"x\", \"text\": \"Two.\"}\n");
  const Result r = RunCli("report", {a});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_THAT(r.err, HasSubstr("duplicate article id 'x'"));
}

TEST(CliTest, PlainTextMetadataComesFromBylineAndDateLine) {
  CliOptions options;
  options.format = "binpb";
  const Result r =
      RunCli("extract", {WriteTemp("meta.txt", kArticle)}, options);
  ASSERT_EQ(r.code, kExitOk) << r.err;
  crosscheck::v1::ClaimSet set;
  ASSERT_TRUE(set.ParseFromString(r.out));
  ASSERT_EQ(set.articles_size(), 1);
  const auto& article = set.articles(0);
  EXPECT_EQ(article.id(), "meta");
  EXPECT_EQ(article.outlet(), "Harbor Times");
  EXPECT_EQ(article.published(), "2024-06-05");
  EXPECT_EQ(article.title(), "Leaders Meet in Lundby");
  EXPECT_EQ(article.author(), "Ann Lee");
  EXPECT_EQ(set.run().tool_version(), kVersion);
  EXPECT_EQ(set.run().command(), "extract");
}

TEST(CliTest, OutletAndPublishedFlagsOverrideTheText) {
  CliOptions options;
  options.format = "binpb";
  options.outlet = "Other Paper";
  options.published = "2024-06-07";
  const Result r =
      RunCli("extract", {WriteTemp("meta2.txt", kArticle)}, options);
  crosscheck::v1::ClaimSet set;
  ASSERT_TRUE(set.ParseFromString(r.out));
  EXPECT_EQ(set.articles(0).outlet(), "Other Paper");
  EXPECT_EQ(set.articles(0).published(), "2024-06-07");
  options.published = "7 June";
  EXPECT_THAT(
      RunCli("extract", {WriteTemp("meta3.txt", kArticle)}, options).err,
      HasSubstr("--published '7 June' is not a date"));
}

TEST(CliTest, FailOnDiscrepancyExitsOne) {
  const std::string a = WriteTemp(
      "one.jsonl",
      "{\"id\": \"a\", \"outlet\": \"A\", \"published\": \"2024-06-05\", "
      "\"text\": \"Okafor took office in 2016, officials said.\"}\n"
      "{\"id\": \"b\", \"outlet\": \"B\", \"published\": \"2024-06-05\", "
      "\"text\": \"Okafor took office in 2017, officials said.\"}\n");
  CliOptions options;
  options.fail_on = "discrepancy";
  const Result r = RunCli("report", {a}, options);
  EXPECT_EQ(r.code, kExitDiscrepancy) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("DISCREPANCY"));
  options.fail_on = "none";
  EXPECT_EQ(RunCli("report", {a}, options).code, kExitOk);
}

TEST(CliTest, OutputFileIsWrittenWhole) {
  CliOptions options;
  options.format = "json";
  options.output = TempPath("out.json");
  const Result r = RunCli("report", {WriteTemp("o.txt", kArticle)}, options);
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_THAT(r.out, IsEmpty());
  std::ifstream in(options.output);
  std::stringstream written;
  written << in.rdbuf();
  EXPECT_THAT(written.str(), AllOf(StartsWith("{"), HasSubstr("\"claims\"")));
  options.output = TempPath("no_such_dir/out.json");
  EXPECT_EQ(RunCli("report", {WriteTemp("o.txt", kArticle)}, options).code,
            kExitUsage);
}

TEST(CliTest, OutputToAPipeOrDeviceIsWrittenInPlace) {
  // A FIFO stands for /dev/null and other non-regular files: the output
  // goes into it, and it is not replaced by a regular file.
  const std::string fifo = TempPath("out.fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  CliOptions options;
  options.format = "text";
  options.output = fifo;
  const Result r = RunCli("report", {WriteTemp("p.txt", kArticle)}, options);
  EXPECT_EQ(r.code, kExitOk) << r.err;
  std::string written;
  char buffer[4096];
  for (ssize_t n; (n = ::read(reader, buffer, sizeof buffer)) > 0;) {
    written.append(buffer, static_cast<size_t>(n));
  }
  ::close(reader);
  EXPECT_THAT(written, HasSubstr("crosscheck report: 1 article"));
  struct stat info;
  ASSERT_EQ(::stat(fifo.c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode));
}

TEST(CliTest, BadInputIsAnErrorEvenWhenNoOneReadsTheOutputFifo) {
  // Opening a FIFO waits for its reader: a missing input must not wait.
  const std::string fifo = TempPath("unread.fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  CliOptions options;
  options.output = fifo;
  const Result r =
      RunCli("report", {TempPath("no_such_input_either.txt")}, options);
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_THAT(r.err, HasSubstr("no such file"));
}

// Whether `path` is a symbolic link whose text is `to`.
bool IsLinkTo(const std::string& path, const std::string& to) {
  char link[4096];
  const ssize_t n = ::readlink(path.c_str(), link, sizeof(link));
  return n >= 0 && std::string(link, static_cast<size_t>(n)) == to;
}

TEST(CliTest, OutputThroughASymbolicLinkReplacesItsTargetAndKeepsTheLink) {
  // latest.json -> reports/x.json, a relative link in another directory.
  const std::string dir = TempPath("linked");
  ASSERT_EQ(::mkdir(dir.c_str(), 0700), 0);
  ASSERT_EQ(::mkdir((dir + "/reports").c_str(), 0700), 0);
  std::ofstream(dir + "/reports/x.json") << "old";
  ASSERT_EQ(::symlink("reports/x.json", (dir + "/latest.json").c_str()), 0);
  CliOptions options;
  options.format = "json";
  options.output = dir + "/latest.json";
  const Result r = RunCli("report", {WriteTemp("l.txt", kArticle)}, options);
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_TRUE(IsLinkTo(options.output, "reports/x.json"));
  std::ifstream in(dir + "/reports/x.json");
  std::stringstream written;
  written << in.rdbuf();
  EXPECT_THAT(written.str(), AllOf(StartsWith("{"), HasSubstr("\"claims\"")));
}

TEST(CliTest, OutputThroughADanglingLinkIsCreatedWholeOrNotAtAll) {
  const std::string dir = TempPath("dangling");
  ASSERT_EQ(::mkdir(dir.c_str(), 0700), 0);
  ASSERT_EQ(::symlink("x.json", (dir + "/latest.json").c_str()), 0);
  CliOptions options;
  options.format = "json";
  options.output = dir + "/latest.json";
  struct stat info;
  // A missing input: the file the link names is not created.
  EXPECT_EQ(RunCli("report", {TempPath("no_such_input.txt")}, options).code,
            kExitUsage);
  EXPECT_NE(::stat((dir + "/x.json").c_str(), &info), 0);
  EXPECT_NE(
      ::stat(absl::StrCat(dir, "/x.json.tmp.", ::getpid()).c_str(), &info), 0);
  // A good one: it is, and the link now leads to it.
  const Result r = RunCli("report", {WriteTemp("m.txt", kArticle)}, options);
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_TRUE(IsLinkTo(options.output, "x.json"));
  std::ifstream in(dir + "/x.json");
  std::stringstream written;
  written << in.rdbuf();
  EXPECT_THAT(written.str(), HasSubstr("\"claims\""));
}

TEST(CliTest, OutputThatIsADirectoryIsAnError) {
  CliOptions options;
  options.output = TempPath("");
  const Result r = RunCli("report", {WriteTemp("n.txt", kArticle)}, options);
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_THAT(r.err, HasSubstr("Is a directory"));
}

TEST(CliTest, DelimitedIsOnlyForExtract) {
  CliOptions options;
  options.format = "delimited";
  const Result r = RunCli("report", {WriteTemp("d.txt", kArticle)}, options);
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_THAT(r.err, HasSubstr("only for extract"));
}

// The ClaimSets of a length-delimited stream.
std::vector<crosscheck::v1::ClaimSet> ParseDelimited(const std::string& bytes) {
  std::vector<crosscheck::v1::ClaimSet> sets;
  google::protobuf::io::ArrayInputStream input(bytes.data(),
                                               static_cast<int>(bytes.size()));
  bool clean_eof = false;
  crosscheck::v1::ClaimSet set;
  while (google::protobuf::util::ParseDelimitedFromZeroCopyStream(&set, &input,
                                                                  &clean_eof)) {
    sets.push_back(set);
    set.Clear();
  }
  EXPECT_TRUE(clean_eof);
  return sets;
}

std::string JsonlArticle(const std::string& id, const std::string& text) {
  return absl::StrCat("{\"id\": \"", id, "\", \"published\": \"2024-06-04\", ",
                      "\"text\": \"", text, "\"}\n");
}

TEST(CliTest, DelimitedExtractStreamsOneClaimSetPerArticleInOrder) {
  const std::string path = WriteTemp(
      "stream.jsonl",
      JsonlArticle("one", "Okafor arrived on Monday with 40 delegates.") +
          "\n" + JsonlArticle("two", "Trade stands at $48.5 billion.") +
          JsonlArticle("three", "The summit was the 31st since 1994."));
  CliOptions options;
  options.format = "delimited";
  const Result r = RunCli("extract", {path}, options);
  ASSERT_EQ(r.code, kExitOk) << r.err;
  const auto sets = ParseDelimited(r.out);
  ASSERT_EQ(sets.size(), 3u);
  int claims = 0;
  for (size_t i = 0; i < sets.size(); ++i) {
    ASSERT_EQ(sets[i].articles_size(), 1);
    EXPECT_EQ(sets[i].articles(0).id(),
              std::vector<std::string>({"one", "two", "three"})[i]);
    EXPECT_EQ(sets[i].run().command(), "extract");
    for (const auto& c : sets[i].claims()) {
      EXPECT_EQ(c.article_id(), sets[i].articles(0).id());
    }
    claims += sets[i].claims_size();
  }
  // The same claims as the whole ClaimSet, and the same bytes every run.
  options.format = "binpb";
  crosscheck::v1::ClaimSet whole;
  ASSERT_TRUE(whole.ParseFromString(RunCli("extract", {path}, options).out));
  EXPECT_EQ(claims, whole.claims_size());
  options.format = "delimited";
  EXPECT_EQ(RunCli("extract", {path}, options).out, r.out);
}

TEST(CliTest, DelimitedExtractStopsAtABadLineAndLeavesNoHalfFile) {
  const std::string path = WriteTemp(
      "stream_bad.jsonl",
      JsonlArticle("one", "Okafor arrived on Monday with 40 delegates.") +
          "{\"id\": \"two\", \"text\": \n");
  CliOptions options;
  options.format = "delimited";
  // To standard output: what was read before the bad line is written.
  const Result r = RunCli("extract", {path}, options);
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_THAT(r.err, HasSubstr("stream_bad.jsonl:2"));
  EXPECT_EQ(ParseDelimited(r.out).size(), 1u);
  // To a file: no file at all, and no temporary left behind.
  options.output = TempPath("stream_out.bin");
  const Result to_file = RunCli("extract", {path}, options);
  EXPECT_EQ(to_file.code, kExitUsage);
  struct stat info;
  EXPECT_NE(::stat(options.output.c_str(), &info), 0);
  EXPECT_NE(
      ::stat(absl::StrCat(options.output, ".tmp.", ::getpid()).c_str(), &info),
      0);
}

TEST(CliTest, ColorOnlyWhenAskedOrOnATerminal) {
  const std::string path = WriteTemp("c.txt", kArticle);
  EXPECT_THAT(RunCli("report", {path}).out, Not(HasSubstr("\x1b[")));
  CliOptions options;
  options.color = "always";
  EXPECT_THAT(RunCli("report", {path}, options).out, HasSubstr("\x1b["));
  options.color = "auto";
  options.out_is_tty = true;
  EXPECT_THAT(RunCli("report", {path}, options).out, HasSubstr("\x1b["));
  options.color = "sometimes";
  EXPECT_EQ(RunCli("report", {path}, options).code, kExitUsage);
}

TEST(CliTest, ReportUnifiesSpeakerNamesAcrossArticlesAndExtractDoesNot) {
  const std::string quote = "“We will fight to the last man and woman,” ";
  const std::vector<std::string> paths = {
      WriteTemp("g1.txt", absl::StrCat("Leader Speaks\nBy Ann Lee | Harbor "
                                       "Times\ndate 2011-03-02\n\nMuammar "
                                       "Gaddafi spoke on Wednesday.\n\n",
                                       quote, "Gaddafi said.\n")),
      WriteTemp("g2.txt", absl::StrCat("Defiant Speech\nBy Bo Kim | Meridian "
                                       "Wire\ndate 2011-03-02\n\n",
                                       quote, "Qaddafi said.\n"))};
  CliOptions options;
  options.format = "binpb";
  Result r = RunCli("report", paths, options);
  ASSERT_EQ(r.code, kExitOk) << r.err;
  crosscheck::v1::Report report;
  ASSERT_TRUE(report.ParseFromString(r.out));
  for (const auto& c : report.claims()) {
    if (c.kind() == crosscheck::v1::Claim::KIND_QUOTE) {
      EXPECT_EQ(c.quote().speaker(), "Muammar Gaddafi");
    }
  }
  ASSERT_EQ(report.name_groups_size(), 1);
  EXPECT_EQ(report.name_groups(0).name(), "Muammar Gaddafi");
  ASSERT_EQ(report.counts().agree(), 1u);

  r = RunCli("report", paths);
  EXPECT_THAT(r.out, HasSubstr("Names unified: Muammar Gaddafi (also Qaddafi "
                               "in Meridian Wire)"));
  r = RunCli("extract", paths);
  EXPECT_THAT(r.out, HasSubstr("(Qaddafi)"));
}

TEST(CliTest, MinConfidenceMustBeAShare) {
  const std::string file = WriteTemp("minconf.txt", kArticle);
  CliOptions options;
  options.min_confidence = 1.5;
  const Result r = RunCli("report", {file}, options);
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("--min-confidence must be between 0 and 1"));
  options.min_confidence = 0.5;
  EXPECT_EQ(RunCli("report", {file}, options).code, 0);
}

TEST(CliTest, SameInputsInAnyOrderGiveTheSameBytes) {
  const std::vector<std::string> files = {
      WriteTemp(
          "order_a.txt",
          "Summit in Lundby\nBy Ann Lee | Harbor Times\ndate 2024-06-05\n\n"
          "The leaders held their 31st summit on Monday. Trade stands at "
          "$48.5 billion, Okafor said.\n"),
      WriteTemp("order_b.txt",
                "Summit Ends\nBy Bo Dahl | Meridian Wire\ndate 2024-06-06\n\n"
                "It was the 30th summit of the two leaders. “We agree,” said "
                "Henrik Solberg.\n"),
      WriteTemp("order_c.txt",
                "Talks\nBy Cy Berg | Capital Review\ndate 2024-06-07\n\n"
                "The thirty-first summit ended on Tuesday. “We agree,” Solberg "
                "said.\n")};
  const std::vector<std::vector<std::string>> orders = {
      {files[0], files[1], files[2]},
      {files[2], files[0], files[1]},
      {files[1], files[2], files[0]}};
  for (const std::string format :
       {"text", "markdown", "html", "json", "textproto", "binpb"}) {
    CliOptions options;
    options.format = format;
    options.color = "never";
    const Result first = RunCli("report", orders[0], options);
    ASSERT_EQ(first.code, 0) << first.err;
    for (size_t k = 1; k < orders.size(); ++k) {
      const Result other = RunCli("report", orders[k], options);
      EXPECT_EQ(other.out, first.out) << format << ", order " << k;
    }
  }
}

TEST(CliTest, RunTwiceOrWithArticlesReversedGivesTheSameBytes) {
  std::vector<std::string> files = {
      WriteTemp(
          "det_a.txt",
          "Summit in Lundby\nBy Ann Lee | Harbor Times\ndate 2024-06-05\n\n"
          "The leaders held their 31st summit on Monday. Trade stands at "
          "$48.5 billion, Okafor said.\n"),
      WriteTemp(
          "det_b.jsonl",
          "{\"id\":\"wire\",\"outlet\":\"Meridian Wire\",\"published\":"
          "\"2024-06-06\",\"text\":\"It was the 30th summit. \u201cWe agree,"
          "\u201d said Henrik Solberg.\"}\n"
          "{\"id\":\"post\",\"outlet\":\"Evening Post\",\"published\":"
          "\"2024-06-06\",\"text\":\"Trade stands at $47 billion.\"}\n"),
      WriteTemp(
          "det_c.txt",
          "Talks\nBy Cy Berg | Capital Review\ndate 2024-06-07\n\n"
          "The thirty-first summit ended on Tuesday. \u201cWe agree,\u201d "
          "Solberg said, three days after 12 people were hurt.\n")};
  // Two UTF-16 JSONL files, one with a bad line: notes about no article
  // (each file's encoding, the skipped line, the count) are ordered by
  // their text, not by the order of the inputs.
  auto utf16 = [](absl::string_view text) {
    std::string out = "\xFF\xFE";
    for (char c : text) out += {c, '\0'};
    return out;
  };
  files.push_back(WriteTemp(
      "det_d.jsonl",
      utf16("{\"id\":\"d1\",\"text\":\"Four people died.\"}\n{bad\n")));
  files.push_back(
      WriteTemp("det_e.jsonl",
                utf16("{\"id\":\"e1\",\"text\":\"Five people died.\"}\n")));
  const std::vector<std::string> reversed(files.rbegin(), files.rend());
  for (const std::string command : {"extract", "report"}) {
    for (const std::string format : {"binpb", "json"}) {
      SCOPED_TRACE(absl::StrCat(command, " --format=", format));
      CliOptions options;
      options.format = format;
      options.keep_going = true;
      const Result first = RunCli(command, files, options);
      ASSERT_EQ(first.code, 0) << first.err;
      ASSERT_THAT(first.out, Not(IsEmpty()));
      EXPECT_EQ(RunCli(command, files, options).out, first.out);
      EXPECT_EQ(RunCli(command, reversed, options).out, first.out);
    }
  }
}

}  // namespace
}  // namespace crosscheck::cli
