// The crosscheck binary on every kind of bad input a newsroom feeds it: each
// case runs the real binary in a fresh directory and checks its exact exit
// code and its exact standard error, and what it wrote where that matters.
// Nothing may crash, hang, or drop data without saying so.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
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

namespace crosscheck {
namespace {

namespace fs = std::filesystem;
using crosscheck::v1::ClaimSet;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Capabilities that let root read any file (linux/capability.h).
constexpr int kCapDacOverride = 1;
constexpr int kCapDacReadSearch = 2;

std::string Binary() {
  static const std::string path = fs::absolute("src/cli/crosscheck").string();
  return path;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void Write(const fs::path& path, const std::string& contents) {
  std::ofstream(path, std::ios::binary) << contents;
}

// How the binary is run.
struct Run {
  std::vector<std::string> args;
  // Standard input comes from this file (in the run's directory); empty
  // for /dev/null.
  std::string stdin_file;
  // Standard output is a pipe whose reader has already gone.
  bool closed_stdout = false;
};

struct Outcome {
  int code = -1;  // exit status, or 128 + signal
  std::string out;
  std::string err;
};

// Runs the binary in `dir` as a user would, without the capabilities that
// let root read unreadable files, and collects everything it writes.
Outcome Execute(const fs::path& dir, const Run& run) {
  const std::string binary = Binary();  // before the child's chdir
  int out_pipe[2], err_pipe[2];
  if (::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) return {};
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::prctl(PR_CAPBSET_DROP, kCapDacOverride, 0, 0, 0);
    ::prctl(PR_CAPBSET_DROP, kCapDacReadSearch, 0, 0, 0);
    if (::chdir(dir.c_str()) != 0) ::_exit(126);
    const int in =
        ::open(run.stdin_file.empty() ? "/dev/null" : run.stdin_file.c_str(),
               O_RDONLY);
    ::dup2(in, STDIN_FILENO);
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::dup2(err_pipe[1], STDERR_FILENO);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(binary.c_str()));
    for (const std::string& a : run.args) {
      argv.push_back(const_cast<char*>(a.c_str()));
    }
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (run.closed_stdout) ::close(out_pipe[0]);
  Outcome outcome;
  pollfd fds[2] = {{run.closed_stdout ? -1 : out_pipe[0], POLLIN, 0},
                   {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&outcome.out, &outcome.err};
  int open_fds = run.closed_stdout ? 1 : 2;
  char buffer[1 << 16];
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof(buffer));
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<size_t>(n));
      } else {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  outcome.code =
      WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return outcome;
}

// The records of `extract --format=delimited`, or a failure.
std::vector<ClaimSet> ParseDelimited(const std::string& bytes) {
  std::vector<ClaimSet> sets;
  google::protobuf::io::ArrayInputStream stream(bytes.data(),
                                                static_cast<int>(bytes.size()));
  bool clean_eof = false;
  while (true) {
    ClaimSet set;  // parsing merges into the message given
    if (!google::protobuf::util::ParseDelimitedFromZeroCopyStream(&set, &stream,
                                                                  &clean_eof)) {
      break;
    }
    sets.push_back(std::move(set));
  }
  EXPECT_TRUE(clean_eof) << "a delimited record is cut short";
  return sets;
}

// Every claim's span lies in its article's text and its text is the text
// there (the offsets of repaired or converted input are offsets into
// Article.text).
void ExpectSpansInText(const ClaimSet& set) {
  ASSERT_EQ(set.articles_size(), 1);
  const std::string& text = set.articles(0).text();
  for (const auto& claim : set.claims()) {
    ASSERT_LE(claim.span().begin(), claim.span().end());
    ASSERT_LE(claim.span().end(), text.size());
    EXPECT_EQ(text.substr(claim.span().begin(),
                          claim.span().end() - claim.span().begin()),
              claim.text());
  }
}

// A check of standard output: one delimited ClaimSet with `claims` claims,
// each the text at its span.
std::function<void(const std::string&)> OneRecordWithClaims(int claims) {
  return [claims](const std::string& out) {
    const std::vector<ClaimSet> sets = ParseDelimited(out);
    ASSERT_EQ(sets.size(), 1u);
    EXPECT_EQ(sets[0].claims_size(), claims);
    ExpectSpansInText(sets[0]);
  };
}

// One line of JSONL.
std::string JsonLine(const std::string& id, const std::string& text,
                     const std::string& extra = "") {
  return absl::StrCat("{\"id\":\"", id, "\",\"text\":\"", text, "\"", extra,
                      "}\n");
}

// A plain-text article of about `bytes` bytes: the body of a fixture story,
// repeated, under one headline, byline and date.
std::string LongArticle(size_t bytes) {
  const std::string story = ReadAll("fixtures/state_visit/daily_ledger.txt");
  const std::string body = story.substr(story.find("\n\nLUNDBY") + 2);
  std::string article =
      "A Very Long Story\nBy Staff | The Daily Ledger\ndate 2024-06-05\n\n";
  while (article.size() < bytes) article += body;
  return article;
}

struct Case {
  std::string name;
  // Makes the case's files in the run's directory.
  std::function<void(const fs::path& dir)> setup;
  Run run;
  int code;
  // The whole standard error, exactly.
  std::string err;
  // Checks of standard output, where it carries the point of the case.
  std::function<void(const std::string& out)> check_out;
  // The case needs a file the binary cannot read: skipped where even
  // without CAP_DAC_OVERRIDE it can (root without CAP_SETPCAP, say).
  bool needs_unreadable_file = false;
};

// Whether `path` (unreadable by its permissions) is unreadable to a
// process started as Execute starts the binary.
bool IsUnreadableToTheBinary(const fs::path& path) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::prctl(PR_CAPBSET_DROP, kCapDacOverride, 0, 0, 0);
    ::prctl(PR_CAPBSET_DROP, kCapDacReadSearch, 0, 0, 0);
    // The bounding set applies from the next exec on: check through one.
    ::execl("/bin/sh", "sh", "-c", "exec cat -- \"$0\" >/dev/null 2>&1",
            path.c_str(), nullptr);
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 1;
}

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class BadInputTest : public ::testing::TestWithParam<Case> {};

TEST_P(BadInputTest, ExitCodeAndMessageAreExactlyTheDocumentedOnes) {
  const Case& c = GetParam();
  const fs::path dir = fs::path(std::getenv("TEST_TMPDIR")) / c.name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  if (c.setup) c.setup(dir);
  if (c.needs_unreadable_file &&
      !IsUnreadableToTheBinary(dir / c.run.args.back())) {
    GTEST_SKIP() << "files cannot be made unreadable here";
  }
  const Outcome outcome = Execute(dir, c.run);
  EXPECT_EQ(outcome.code, c.code);
  EXPECT_EQ(outcome.err, c.err);
  if (c.check_out) {
    c.check_out(outcome.out);
  } else if (c.code != 0) {
    EXPECT_THAT(outcome.out, IsEmpty()) << "a refused input writes nothing";
  }
}

const std::string kHundredKb = std::to_string(100 << 10);

INSTANTIATE_TEST_SUITE_P(Inputs, BadInputTest,
                         ::testing::
                             Values(
                                 Case{"NonexistentFile",
                                      nullptr,
                                      {{"extract", "missing.txt"}},
                                      2,
                                      "crosscheck: error: cannot open "
                                      "'missing.txt': no such file\n"},
                                 Case{"Directory",
                                      [](const fs::path& d) {
                                        fs::create_directory(d / "stories");
                                      },
                                      {{"report", "stories"}},
                                      2,
                                      "crosscheck: error: cannot read "
                                      "'stories': is a directory (give "
                                      "the article files inside it)\n"},
                                 Case{"UnreadableFile",
                                      [](const fs::path& d) {
                                        Write(d / "secret.txt",
                                              "Ten people died.\n");
                                        fs::permissions(d / "secret.txt",
                                                        fs::perms::none);
                                      },
                                      {{"extract", "secret.txt"}},
                                      2,
                                      "crosscheck: error: cannot open "
                                      "'secret.txt': permission "
                                      "denied\n",
                                      nullptr,
                                      /*needs_unreadable_file=*/true},
                                 Case{"EmptyFile",
                                      [](const fs::path& d) {
                                        Write(d / "empty.txt", "");
                                      },
                                      {{"extract", "empty.txt"}},
                                      2,
                                      "crosscheck: error: 'empty.txt' is "
                                      "empty: no article to read\n"},
                                 Case{"WhitespaceOnlyFile",
                                      [](const fs::path& d) {
                                        Write(d / "blank.txt", " \n\t\r\n\n");
                                      },
                                      {{"extract", "blank.txt"}},
                                      2,
                                      "crosscheck: error: 'blank.txt' holds "
                                      "only white space: no "
                                      "article to read\n"},
                                 Case{"EmptyStandardInput",
                                      nullptr,
                                      {{"extract", "-"}},
                                      2,
                                      "crosscheck: error: '<stdin>' is empty: "
                                      "no article to read\n"},
                                 Case{"InvalidUtf8IsRepairedWithOffsetsIntoTheR"
                                      "epairedText",
                                      [](const fs::path& d) {
                                        Write(d / "damaged.txt",
                                              "Caf\xC3\xA9 \xFF\xFE talks: 12 "
                                              "people died and 4 "
                                              "were hurt \xE2\x80 on June 3, "
                                              "2024.\n");
                                      },
                                      {{"extract", "--format=delimited",
                                        "damaged.txt"}},
                                      0,
                                      "crosscheck: warning: damaged: "
                                      "damaged.txt: 4 byte sequences "
                                      "are not valid UTF-8 (first at byte "
                                      "offset 6); replaced with "
                                      "U+FFFD\n",
                                      OneRecordWithClaims(3)},
                                 Case{
                                     "Utf16WithAByteOrderMarkIsConverted",
                                     [](const fs::path& d) {
                                       std::string utf16 = "\xFF\xFE";
                                       for (char c : std::string(
                                                "Officials said 12 people died "
                                                "on June 3, 2024.\n")) {
                                         utf16 += c;
                                         utf16 += '\0';
                                       }
                                       Write(d / "unicode.txt", utf16);
                                     },
                                     {{"extract", "--format=delimited",
                                       "unicode.txt"}},
                                     0,
                                     "crosscheck: warning: unicode: "
                                     "unicode.txt: read as UTF-16LE "
                                     "(byte order mark FF FE); spans are byte "
                                     "offsets into its UTF-8 "
                                     "form\n",
                                     OneRecordWithClaims(2)},
                                 Case{
                                     "Windows1252CurlyQuotesAreReadAsQuotes",
                                     [](const fs::path& d) {
                                       Write(d / "legacy.txt",
                                             "\x93We will build 30 houses,\x94 "
                                             "Mayor Ada Okafor said "
                                             "\x96 a pledge.\n");
                                     },
                                     {{"extract", "--format=delimited",
                                       "legacy.txt"}},
                                     0,
                                     "crosscheck: warning: legacy: legacy.txt: "
                                     "not UTF-8, read as "
                                     "Windows-1252 (3 bytes above 0x7F, first "
                                     "at byte offset 0); "
                                     "spans are byte offsets into its UTF-8 "
                                     "form\n",
                                     [](const std::string& out) {
                                       const std::vector<ClaimSet> sets =
                                           ParseDelimited(out);
                                       ASSERT_EQ(sets.size(), 1u);
                                       ExpectSpansInText(sets[0]);
                                       bool quote = false;
                                       for (const auto& claim :
                                            sets[0].claims()) {
                                         if (claim.has_quote()) {
                                           quote = true;
                                           EXPECT_EQ(
                                               claim.quote().text(),
                                               "We will build 30 houses,");
                                           EXPECT_EQ(claim.quote().speaker(),
                                                     "Ada Okafor");
                                         }
                                       }
                                       EXPECT_TRUE(quote)
                                           << "the curly-quoted quote is found";
                                     }},
                                 Case{"NulBytesBecomeSpaces",
                                      [](const fs::path& d) {
                                        Write(d / "nul.txt",
                                              std::string("Five\0 people "
                                                          "died\0 on Monday.\n",
                                                          30));
                                      },
                                      {{"extract", "--format=delimited",
                                        "nul.txt"}},
                                      0,
                                      "crosscheck: warning: nul (byte 4): "
                                      "nul.txt: 2 NUL characters "
                                      "replaced with spaces\n"
                                      "crosscheck: warning: nul (byte 22): "
                                      "cannot resolve \"Monday\": "
                                      "the article has no publication date\n",
                                      [](const std::string& out) {
                                        const std::vector<ClaimSet> sets =
                                            ParseDelimited(out);
                                        ASSERT_EQ(sets.size(), 1u);
                                        EXPECT_EQ(
                                            sets[0].articles(0).text().find(
                                                '\0'),
                                            std::string::npos);
                                        ExpectSpansInText(sets[0]);
                                      }},
                                 Case{"FiftyMegabyteArticle",
                                      [](const fs::path& d) {
                                        Write(d / "dump.txt",
                                              LongArticle(50'000'000));
                                      },
                                      {{"extract", "--format=delimited",
                                        "dump.txt"}},
                                      0,
                                      "",
                                      [](const std::string& out) {
                                        const std::vector<ClaimSet> sets =
                                            ParseDelimited(out);
                                        ASSERT_EQ(sets.size(), 1u);
                                        EXPECT_GE(
                                            sets[0].articles(0).text().size(),
                                            50'000'000u);
                                        EXPECT_GT(sets[0].claims_size(),
                                                  100'000);
                                      }},
                                 Case{"ArticleOverMaxArticleBytes",
                                      [](const fs::path& d) {
                                        Write(d / "dump.txt",
                                              LongArticle(200 << 10));
                                      },
                                      {{"extract",
                                        "--max-article-bytes=" + kHundredKb,
                                        "dump.txt"}},
                                      2,
                                      absl::StrCat(
                                          "crosscheck: error: 'dump.txt': "
                                          "article is ",
                                          LongArticle(200 << 10).size(),
                                          " bytes, more than "
                                          "--max-article-bytes=",
                                          kHundredKb,
                                          " (raise it, or 0 for no limit)\n")},
                                 Case{"StandardInputOverMaxArticleBytes",
                                      [](const fs::path& d) {
                                        Write(d / "dump.txt",
                                              LongArticle(200 << 10));
                                      },
                                      {{"extract",
                                        "--max-article-bytes=" + kHundredKb,
                                        "-"},
                                       "dump.txt"},
                                      2,
                                      absl::StrCat(
                                          "crosscheck: error: '<stdin>': "
                                          "article is larger "
                                          "than --max-article-bytes=",
                                          kHundredKb,
                                          " (raise it, or 0 for no limit)\n")},
                                 Case{"RunOverMaxClaims",
                                      [](const fs::path& d) {
                                        std::string jsonl;
                                        for (int i = 0; i < 3; ++i) {
                                          jsonl +=
                                              JsonLine(absl::StrCat("a", i),
                                                       "Officials said 12 "
                                                       "people died and 4 "
                                                       "were hurt.");
                                        }
                                        Write(d / "three.jsonl", jsonl);
                                      },
                                      {{"extract", "--max-claims=5",
                                        "three.jsonl"}},
                                      2,
                                      "crosscheck: error: more than "
                                      "--max-claims=5 claims: the limit "
                                      "was passed at article 'a2' "
                                      "(three.jsonl:3), with 6 claims so "
                                      "far; raise --max-claims (0 for no "
                                      "limit) or give fewer "
                                      "articles\n"},
                                 Case{"TenThousandOneLineArticles",
                                      [](const fs::path& d) {
                                        std::string jsonl;
                                        for (int i = 0; i < 10'000; ++i) {
                                          jsonl += JsonLine(
                                              absl::StrCat("a", i),
                                              absl::StrCat("Officials said ",
                                                           i + 3,
                                                           " people attended."),
                                              ",\"published\":\"2024-06-05\"");
                                        }
                                        Write(d / "many.jsonl", jsonl);
                                      },
                                      {{"extract", "--format=delimited",
                                        "many.jsonl"}},
                                      0,
                                      "",
                                      [](const std::string& out) {
                                        const std::vector<ClaimSet> sets =
                                            ParseDelimited(out);
                                        ASSERT_EQ(sets.size(), 10'000u);
                                        EXPECT_EQ(sets.back().articles(0).id(),
                                                  "a9999");
                                        EXPECT_EQ(sets.back().claims_size(), 1);
                                      }},
                                 Case{"JsonlWithAMalformedLine",
                                      [](const fs::path& d) {
                                        Write(
                                            d / "feed.jsonl",
                                            JsonLine("a", "Ten people died.") +
                                                "{\"id\": \"b\", \"text\": \n" +
                                                JsonLine("c",
                                                         "Two people died."));
                                      },
                                      {{"extract", "feed.jsonl"}},
                                      2,
                                      "crosscheck: error: feed.jsonl:2: not a "
                                      "valid "
                                      "crosscheck.v1.Article: Unexpected end "
                                      "of string. Expected a "
                                      "value.\n"},
                                 Case{"JsonlWithAMalformedLineAndKeepGoing",
                                      [](const fs::path& d) {
                                        Write(
                                            d / "feed.jsonl",
                                            JsonLine("a", "Ten people died.") +
                                                "{\"id\": \"b\", \"text\": \n" +
                                                JsonLine("c",
                                                         "Two people died."));
                                      },
                                      {{"extract", "--keep-going",
                                        "--format=delimited", "feed.jsonl"}},
                                      0,
                                      "crosscheck: warning: skipped "
                                      "feed.jsonl:2: not a valid "
                                      "crosscheck.v1.Article: Unexpected end "
                                      "of string. Expected a "
                                      "value.\n"
                                      "crosscheck: warning: feed.jsonl: "
                                      "skipped 1 bad line "
                                      "(--keep-going)\n",
                                      [](const std::string& out) {
                                        const std::vector<ClaimSet> sets =
                                            ParseDelimited(out);
                                        // a, then c with the note on line
                                        // 2, then the count, on its own.
                                        ASSERT_EQ(sets.size(), 3u);
                                        EXPECT_EQ(sets[1].articles(0).id(),
                                                  "c");
                                        ASSERT_EQ(sets[1].notes_size(), 1);
                                        EXPECT_EQ(sets[1].notes(0).code(),
                                                  "skipped-line");
                                        EXPECT_EQ(sets[2].articles_size(), 0);
                                        ASSERT_EQ(sets[2].notes_size(), 1);
                                        EXPECT_EQ(sets[2].notes(0).code(),
                                                  "skipped-lines");
                                      }},
                                 Case{"JsonlWithUnknownFieldsIsRead",
                                      [](const fs::path& d) {
                                        Write(
                                            d / "feed.jsonl",
                                            JsonLine("a", "Ten people died.",
                                                     ",\"section\":\"world\""));
                                      },
                                      {{"extract",
                                        "--format=delimited", "feed.jsonl"}},
                                      0,
                                      "",
                                      [](const std::string& out) {
                                        EXPECT_EQ(ParseDelimited(out).size(),
                                                  1u);
                                      }},
                                 Case{"JsonlWithUnknownFieldsWhenStrict",
                                      [](const fs::path& d) {
                                        Write(
                                            d / "feed.jsonl",
                                            JsonLine("a", "Ten people died.",
                                                     ",\"section\":\"world\""));
                                      },
                                      {{"extract", "--strict-json",
                                        "feed.jsonl"}},
                                      2,
                                      "crosscheck: error: feed.jsonl:1: not a "
                                      "valid "
                                      "crosscheck.v1.Article: section: Cannot "
                                      "find field.\n"},
                                 Case{"DuplicateArticleIds",
                                      [](const fs::path& d) {
                                        Write(
                                            d / "feed.jsonl",
                                            JsonLine("a", "Ten people died.") +
                                                JsonLine("a",
                                                         "Two people died."));
                                      },
                                      {{"report", "feed.jsonl"}},
                                      2,
                                      "crosscheck: error: duplicate article id "
                                      "'a' (from feed.jsonl:1 "
                                      "and feed.jsonl:2): give each article a "
                                      "unique id or file "
                                      "name\n"},
                                 Case{
                                     "SameFileNameInTwoDirectories",
                                     [](const fs::path& d) {
                                       fs::create_directories(d / "x");
                                       fs::create_directories(d / "y");
                                       Write(d / "x" / "story.txt",
                                             "Ten people died.\n");
                                       Write(d / "y" / "story.txt",
                                             "Two people died.\n");
                                     },
                                     {{"report", "x/story.txt", "y/story.txt"}},
                                     2,
                                     "crosscheck: error: duplicate article id "
                                     "'story' (from "
                                     "x/story.txt and y/story.txt): give each "
                                     "article a unique id or "
                                     "file name\n"},
                                 Case{"PublishedIsNotADate",
                                      [](const fs::path& d) {
                                        Write(d / "feed.jsonl",
                                              JsonLine(
                                                  "a", "Ten people died.",
                                                  ",\"published\":\"soon\""));
                                      },
                                      {{"extract", "feed.jsonl"}},
                                      2,
                                      "crosscheck: error: feed.jsonl:1: "
                                      "article 'a': published 'soon' "
                                      "is not a date (expected YYYY-MM-DD)\n"},
                                 Case{"PublishedFlagIsNotADate",
                                      [](const fs::path& d) {
                                        Write(d / "a.txt",
                                              "Ten people died.\n");
                                      },
                                      {{"extract", "--published=2024-13-45",
                                        "a.txt"}},
                                      2,
                                      "crosscheck: error: --published "
                                      "'2024-13-45' is not a date "
                                      "(expected YYYY-MM-DD)\n"},
                                 Case{"Utf16JsonlOnStandardInput",
                                      [](const fs::path& d) {
                                        std::string utf16 = "\xFF\xFE";
                                        for (char c :
                                             JsonLine("a", "Ten people died.") +
                                                 JsonLine("b",
                                                          "Two people died.")) {
                                          utf16 += c;
                                          utf16 += '\0';
                                        }
                                        Write(d / "feed.jsonl", utf16);
                                      },
                                      {{"extract", "--format=delimited", "-"},
                                       "feed.jsonl"},
                                      0,
                                      "crosscheck: warning: <stdin>: read as "
                                      "UTF-16LE (byte order mark FF FE); spans "
                                      "are byte offsets into its UTF-8 form\n",
                                      [](const std::string& out) {
                                        const std::vector<ClaimSet> sets =
                                            ParseDelimited(out);
                                        ASSERT_EQ(sets.size(), 2u);
                                        EXPECT_EQ(sets[1].articles(0).id(),
                                                  "b");
                                        EXPECT_EQ(sets[1].articles(0).text(),
                                                  "Two people died.");
                                      }},
                                 Case{"JsonlWithAByteOrderMarkOnStandardInput",
                                      [](const fs::path& d) {
                                        Write(d / "feed.jsonl",
                                              "\xEF\xBB\xBF" +
                                                  JsonLine("a",
                                                           "Ten people died."));
                                      },
                                      {{"extract", "--format=delimited", "-"},
                                       "feed.jsonl"},
                                      0,
                                      "",
                                      [](const std::string& out) {
                                        const std::vector<ClaimSet> sets =
                                            ParseDelimited(out);
                                        ASSERT_EQ(sets.size(), 1u);
                                        EXPECT_EQ(sets[0].articles(0).id(),
                                                  "a");
                                      }},
                                 Case{"JsonlOnStandardInputIsHeldToTheLimit"
                                      "PerRecord",
                                      [](const fs::path& d) {
                                        std::string jsonl;
                                        for (int i = 0; i < 3; ++i) {
                                          jsonl += JsonLine(
                                              absl::StrCat("a", i),
                                              "Officials said 12 people "
                                              "died.");
                                        }
                                        Write(d / "feed.jsonl", jsonl);
                                      },
                                      {{"extract", "--format=delimited",
                                        "--max-article-bytes=60", "-"},
                                       "feed.jsonl"},
                                      0,
                                      "",
                                      [](const std::string& out) {
                                        EXPECT_EQ(ParseDelimited(out).size(),
                                                  3u);
                                      }},
                                 Case{"Utf32WithAByteOrderMarkIsConverted",
                                      [](const fs::path& d) {
                                        std::string utf32("\xFF\xFE\0\0", 4);
                                        for (char c : std::string(
                                                 "Officials said 12 people "
                                                 "died.\n")) {
                                          utf32 += {c, '\0', '\0', '\0'};
                                        }
                                        Write(d / "wide.txt", utf32);
                                      },
                                      {{"extract", "--format=delimited",
                                        "wide.txt"}},
                                      0,
                                      "crosscheck: warning: wide: wide.txt: "
                                      "read as UTF-32LE (byte order mark FF "
                                      "FE 00 00); spans are byte offsets into "
                                      "its UTF-8 form\n",
                                      OneRecordWithClaims(1)},
                                 Case{"OutputToAClosedPipe",
                                      [](const fs::path& d) {
                                        Write(d / "dump.txt",
                                              LongArticle(1 << 20));
                                      },
                                      {{"extract", "--format=json", "dump.txt"},
                                       "",
                                       true},
                                      0,
                                      ""},
                                 Case{"OutputToAClosedPipeWhileStreaming",
                                      [](const fs::path& d) {
                                        std::string jsonl;
                                        for (int i = 0; i < 2'000; ++i) {
                                          jsonl +=
                                              JsonLine(absl::StrCat("a", i),
                                                       "Ten people died.");
                                        }
                                        Write(d / "many.jsonl", jsonl);
                                      },
                                      {{"extract", "--format=delimited",
                                        "many.jsonl"},
                                       "",
                                       true},
                                      0,
                                      ""},
                                 Case{"OutputIntoAMissingDirectory",
                                      [](const fs::path& d) {
                                        Write(d / "a.txt",
                                              "Ten people died.\n");
                                      },
                                      {{"report", "--output=out/report.json",
                                        "a.txt"}},
                                      2,
                                      "crosscheck: error: cannot write "
                                      "'out/report.json': No such file "
                                      "or directory (creating a temporary file "
                                      "in its directory)\n"},
                                 Case{"OutputIsCheckedBeforeAnyInputIsRead",
                                      nullptr,
                                      {{"report", "--output=out/report.json",
                                        "missing.txt"}},
                                      2,
                                      "crosscheck: error: cannot write "
                                      "'out/report.json': No such file "
                                      "or directory (creating a temporary file "
                                      "in its directory)\n"},
                                 Case{"OutputToAFullDevice",
                                      [](const fs::path& d) {
                                        Write(d / "a.txt",
                                              "Ten people died.\n");
                                      },
                                      {{"report", "--output=/dev/full",
                                        "a.txt"}},
                                      2,
                                      "crosscheck: error: cannot write "
                                      "'/dev/full': No space left on "
                                      "device\n"}),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.name;
                         });

TEST(StreamedStandardInputTest, EachRecordCarriesTheNotesOfItsArticle) {
  // JSONL on standard input, streamed: the note on each article's NUL
  // character is in that article's record, as for a JSONL file.
  const fs::path dir =
      fs::path(std::getenv("TEST_TMPDIR")) / "stdin_notes_per_record";
  fs::remove_all(dir);
  fs::create_directories(dir);
  Write(dir / "feed.jsonl", JsonLine("a", "Ten\\u0000 people died.") +
                                JsonLine("b", "Two\\u0000 people died.") +
                                JsonLine("c", "Six\\u0000 people died."));
  const Outcome outcome =
      Execute(dir, {{"extract", "--format=delimited", "-"}, "feed.jsonl"});
  ASSERT_EQ(outcome.code, 0) << outcome.err;
  const std::vector<ClaimSet> sets = ParseDelimited(outcome.out);
  ASSERT_EQ(sets.size(), 3u);
  for (const ClaimSet& set : sets) {
    ASSERT_EQ(set.articles_size(), 1);
    ASSERT_EQ(set.notes_size(), 1) << set.articles(0).id();
    EXPECT_EQ(set.notes(0).code(), "nul-bytes");
    EXPECT_EQ(set.notes(0).article_id(), set.articles(0).id());
  }
}

bool HasTemporaryFile(const fs::path& dir) {
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind("out.binpb.tmp.", 0) == 0) {
      return true;
    }
  }
  return false;
}

// How a run reading a FIFO is interrupted.
struct Interruption {
  std::string command = "extract";  // with --format=delimited; or "report"
  int signal = SIGTERM;             // or 0: not interrupted
  bool ignore_signal = false;       // started with it ignored, as nohup does
};

struct Interrupted {
  Outcome outcome;
  bool temporary_while_reading = false;  // the temporary file, mid-run
  bool temporary_after = false;          // ... and once the run ended
  std::string output;                    // out.binpb, once the run ended
};

// Runs `command --output=out.binpb feed.jsonl` in `dir`, where feed.jsonl
// is a FIFO and out.binpb an earlier output. Once the binary reads the
// FIFO (so has created its temporary file, which comes first), writes the
// first half of `jsonl`, sends the signal, then writes the rest.
Interrupted RunReadingAFifo(const fs::path& dir, const std::string& jsonl,
                            const Interruption& how) {
  fs::remove_all(dir);
  fs::create_directories(dir);
  Write(dir / "out.binpb", "the output of an earlier run");
  const std::string fifo = (dir / "feed.jsonl").string();
  Interrupted result;
  if (::mkfifo(fifo.c_str(), 0600) != 0) return result;
  const std::string binary = Binary();
  const std::string format =
      how.command == "report" ? "--format=binpb" : "--format=delimited";
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(dir.c_str()) != 0) ::_exit(126);
    if (how.ignore_signal) ::signal(how.signal, SIG_IGN);
    ::execl(binary.c_str(), binary.c_str(), how.command.c_str(), format.c_str(),
            "--output=out.binpb", "feed.jsonl", nullptr);
    ::_exit(127);
  }
  // A write to the FIFO of a stopped run fails instead of ending the test.
  const auto previous_sigpipe = ::signal(SIGPIPE, SIG_IGN);
  // Opening the FIFO returns once the binary has opened it to read.
  const int fd = ::open(fifo.c_str(), O_WRONLY);
  result.temporary_while_reading = HasTemporaryFile(dir);
  auto write_part = [&](size_t from, size_t to) {
    while (fd >= 0 && from < to) {
      const ssize_t n = ::write(fd, jsonl.data() + from, to - from);
      if (n <= 0) return;  // EPIPE: the binary has gone
      from += static_cast<size_t>(n);
    }
  };
  const size_t half = jsonl.find('\n', jsonl.size() / 2) + 1;
  write_part(0, half);
  if (how.signal != 0) ::kill(pid, how.signal);
  write_part(half, jsonl.size());
  if (fd >= 0) ::close(fd);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::signal(SIGPIPE, previous_sigpipe);
  result.outcome.code =
      WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.temporary_after = HasTemporaryFile(dir);
  result.output = ReadAll((dir / "out.binpb").string());
  return result;
}

std::string ThreeArticles() {
  std::string jsonl;
  for (int i = 0; i < 3; ++i) {
    jsonl += JsonLine(absl::StrCat("a", i), "Ten people died.");
  }
  return jsonl;
}

// Ctrl-C, kill or a closed terminal stop a run midway: the file named by
// --output is the earlier one, untouched, and the temporary file is gone.
// Run to its end, the new file is whole.
TEST(InterruptedRunTest, LeavesNoHalfWrittenOutput) {
  const fs::path base = fs::path(std::getenv("TEST_TMPDIR"));
  for (const std::string command : {"report", "extract"}) {
    for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
      SCOPED_TRACE(absl::StrCat(command, ", signal ", signal));
      const Interrupted run = RunReadingAFifo(
          base / "interrupted", ThreeArticles(), {command, signal, false});
      EXPECT_TRUE(run.temporary_while_reading);
      EXPECT_EQ(run.outcome.code, 128 + signal);
      EXPECT_FALSE(run.temporary_after);
      EXPECT_EQ(run.output, "the output of an earlier run");
    }
    SCOPED_TRACE(command + ", to its end");
    const Interrupted run =
        RunReadingAFifo(base / "whole", ThreeArticles(), {command, 0, false});
    EXPECT_EQ(run.outcome.code, 0);
    EXPECT_FALSE(run.temporary_after);
    if (command == "report") {
      crosscheck::v1::Report report;
      ASSERT_TRUE(report.ParseFromString(run.output));
      EXPECT_EQ(report.articles_size(), 3);
    } else {
      const std::vector<ClaimSet> sets = ParseDelimited(run.output);
      ASSERT_EQ(sets.size(), 3u);
      EXPECT_EQ(sets[2].articles(0).id(), "a2");
    }
  }
}

// A run started with SIGHUP ignored (nohup) outlives a closed terminal.
TEST(InterruptedRunTest, AnIgnoredHangupDoesNotStopTheRun) {
  const Interrupted run =
      RunReadingAFifo(fs::path(std::getenv("TEST_TMPDIR")) / "nohup",
                      ThreeArticles(), {"extract", SIGHUP, true});
  EXPECT_EQ(run.outcome.code, 0);
  EXPECT_FALSE(run.temporary_after);
  const std::vector<ClaimSet> sets = ParseDelimited(run.output);
  ASSERT_EQ(sets.size(), 3u);
  EXPECT_EQ(sets[2].articles(0).id(), "a2");
}

}  // namespace
}  // namespace crosscheck
