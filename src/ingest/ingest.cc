#include "src/ingest/ingest.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <iostream>
#include <iterator>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "google/protobuf/util/json_util.h"
#include "src/base/encoding.h"
#include "src/base/status_macros.h"
#include "src/ingest/date_text.h"
#include "src/ingest/furniture.h"

namespace crosscheck::ingest {
namespace {

using crosscheck::v1::Article;
using crosscheck::v1::Note;

constexpr absl::string_view kStdin = "-";

std::string Quoted(absl::string_view s) { return absl::StrCat("'", s, "'"); }

// The error for an article of `bytes` bytes over the limit, or, when
// `at_least`, of more bytes than the limit (a stream not read to its end).
absl::Status TooLarge(absl::string_view where, size_t bytes, bool at_least,
                      size_t limit) {
  return absl::ResourceExhaustedError(absl::StrCat(
      where, ": article is ",
      at_least ? "larger than" : absl::StrCat(bytes, " bytes, more than"),
      " --max-article-bytes=", limit, " (raise it, or 0 for no limit)"));
}

bool LooksLikeJsonl(absl::string_view contents);

// Reads all of `file`, or fails once more than `limit` bytes (0: no
// limit) have been read, unless `maybe_jsonl` and what was read is JSONL,
// whose articles are then each held to the limit instead.
absl::StatusOr<std::string> ReadStream(std::FILE* file, absl::string_view name,
                                       size_t limit, bool maybe_jsonl = false) {
  std::string contents;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), file)) > 0) {
    contents.append(buffer, n);
    if (limit > 0 && contents.size() > limit) {
      if (!maybe_jsonl || !LooksLikeJsonl(contents)) {
        return TooLarge(Quoted(name), limit, /*at_least=*/true, limit);
      }
      limit = 0;
    }
  }
  if (std::ferror(file)) {
    return absl::DataLossError(
        absl::StrCat("cannot read ", Quoted(name), ": ", std::strerror(errno)));
  }
  return contents;
}

// Opens a named input file for reading, with the errors ReadArticles
// documents.
absl::StatusOr<std::FILE*> OpenInput(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) {
      return absl::NotFoundError(
          absl::StrCat("cannot open ", Quoted(path), ": no such file"));
    }
    return absl::InvalidArgumentError(
        absl::StrCat("cannot open ", Quoted(path), ": ", std::strerror(errno)));
  }
  if (S_ISDIR(st.st_mode)) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot read ", Quoted(path),
                     ": is a directory (give the article files inside it)"));
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    const int error = errno;
    if (error == EACCES) {
      return absl::PermissionDeniedError(
          absl::StrCat("cannot open ", Quoted(path), ": permission denied"));
    }
    return absl::InvalidArgumentError(
        absl::StrCat("cannot open ", Quoted(path), ": ", std::strerror(error)));
  }
  return file;
}

absl::StatusOr<std::string> ReadFile(const std::string& path, size_t limit) {
  if (path == kStdin) {
    return ReadStream(stdin, "<stdin>", limit, /*maybe_jsonl=*/true);
  }
  CC_ASSIGN_OR_RETURN(std::FILE * file, OpenInput(path));
  struct stat st;
  if (limit > 0 && ::fstat(::fileno(file), &st) == 0 && S_ISREG(st.st_mode) &&
      static_cast<size_t>(st.st_size) > limit) {
    std::fclose(file);
    return TooLarge(Quoted(path), static_cast<size_t>(st.st_size),
                    /*at_least=*/false, limit);
  }
  absl::StatusOr<std::string> contents = ReadStream(file, path, limit);
  std::fclose(file);
  return contents;
}

// The file name without directories and extension: the article id.
std::string Stem(absl::string_view path) {
  const size_t slash = path.rfind('/');
  if (slash != absl::string_view::npos) path.remove_prefix(slash + 1);
  const size_t dot = path.rfind('.');
  if (dot != absl::string_view::npos && dot > 0) path = path.substr(0, dot);
  return std::string(path);
}

std::string Extension(absl::string_view path) {
  const size_t slash = path.rfind('/');
  if (slash != absl::string_view::npos) path.remove_prefix(slash + 1);
  const size_t dot = path.rfind('.');
  if (dot == absl::string_view::npos || dot == 0) return "";
  return absl::AsciiStrToLower(path.substr(dot));
}

bool IsBlank(absl::string_view s) {
  return absl::StripAsciiWhitespace(s).empty();
}

// Whether `s` is blank once its NUL characters are made spaces.
bool IsBlankText(absl::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == '\0' || absl::ascii_isspace(static_cast<unsigned char>(c));
  });
}

// What CleanText reads.
enum class Cleaned {
  kText,       // an article's text
  kJsonlLine,  // one line of JSONL
  kJsonlFile,  // a whole JSONL file, to be split into lines, each cleaned
};

Note EncodingNote(absl::string_view code, absl::string_view article_id,
                  std::string message) {
  Note note;
  note.set_severity(Note::SEVERITY_WARNING);
  note.set_article_id(std::string(article_id));
  note.set_code(std::string(code));
  note.set_message(std::move(message));
  return note;
}

// Reads `contents` as text (base::DecodeInput: a byte order mark dropped,
// UTF-16 or Windows-1252 converted, invalid UTF-8 repaired, NUL bytes made
// spaces) and reports each of these as a warning note for `article_id`
// (which may be empty), naming `source` and where in it. For an article's
// text the note on NUL characters carries their span; for a JSONL line its
// message says where the first was; a whole JSONL file keeps its NUL
// characters for each line's CleanText, which knows the line and article.
std::string CleanText(absl::string_view contents, absl::string_view source,
                      absl::string_view article_id, Cleaned what,
                      std::vector<Note>* notes) {
  const bool is_text = what == Cleaned::kText;
  base::DecodedText decoded =
      base::DecodeInput(contents, /*replace_nuls=*/what != Cleaned::kJsonlFile);
  const absl::string_view encoding = base::EncodingName(decoded.encoding);
  switch (decoded.encoding) {
    case base::SourceEncoding::kUtf8:
      break;
    case base::SourceEncoding::kUtf16Le:
    case base::SourceEncoding::kUtf16Be:
    case base::SourceEncoding::kUtf32Le:
    case base::SourceEncoding::kUtf32Be:
      notes->push_back(EncodingNote(
          "converted-encoding", article_id,
          absl::StrCat(source, ": read as ", encoding, " (byte order mark ",
                       base::ByteOrderMarkHex(decoded.encoding),
                       "); spans are byte offsets into its UTF-8 form")));
      break;
    case base::SourceEncoding::kWindows1252:
      notes->push_back(EncodingNote(
          "converted-encoding", article_id,
          absl::StrCat(
              source, ": not UTF-8, read as Windows-1252 (", decoded.high_bytes,
              decoded.high_bytes == 1 ? " byte" : " bytes",
              " above 0x7F, first at byte offset ", decoded.first_high_byte,
              "); spans are byte offsets into its UTF-8 form")));
      break;
  }
  const size_t invalid = decoded.invalid_offsets.size();
  if (invalid > 0) {
    absl::string_view what = " not valid UTF-8";
    switch (decoded.encoding) {
      case base::SourceEncoding::kUtf8:
        break;
      case base::SourceEncoding::kUtf16Le:
      case base::SourceEncoding::kUtf16Be:
        what = " not valid UTF-16";
        break;
      case base::SourceEncoding::kUtf32Le:
      case base::SourceEncoding::kUtf32Be:
        what = " not valid UTF-32";
        break;
      case base::SourceEncoding::kWindows1252:
        what = " undefined in Windows-1252";
        break;
    }
    notes->push_back(EncodingNote(
        decoded.encoding == base::SourceEncoding::kUtf8 ? "invalid-utf8"
                                                        : "invalid-encoding",
        article_id,
        absl::StrCat(source, ": ", invalid,
                     invalid == 1 ? " byte sequence is" : " byte sequences are",
                     what, " (first at byte offset ",
                     decoded.invalid_offsets.front(),
                     "); replaced with U+FFFD")));
  }
  if (decoded.nul_count > 0) {
    // In an article's text the note's span says where the first one was;
    // in a JSONL line, the message does.
    Note note = EncodingNote(
        "nul-bytes", article_id,
        absl::StrCat(
            source, ": ", decoded.nul_count,
            decoded.nul_count == 1 ? " NUL character replaced with a space"
                                   : " NUL characters replaced with spaces",
            is_text ? ""
                    : absl::StrCat(" (first at byte offset ", decoded.first_nul,
                                   " of the line)")));
    if (is_text) {
      note.mutable_span()->set_begin(static_cast<uint32_t>(decoded.first_nul));
      note.mutable_span()->set_end(
          static_cast<uint32_t>(decoded.first_nul + 1));
    }
    notes->push_back(std::move(note));
  }
  return std::move(decoded.text);
}

// Marks furniture and fills empty metadata fields from the text.
void Annotate(Article* article, const IngestOptions& options) {
  internal::Metadata meta;
  for (const internal::LineSpan& line :
       internal::FindFurniture(article->text(), &meta)) {
    auto* span = article->add_furniture();
    span->set_begin(static_cast<uint32_t>(line.begin));
    span->set_end(static_cast<uint32_t>(line.end));
  }
  if (article->title().empty()) article->set_title(meta.title);
  if (article->author().empty()) article->set_author(meta.author);
  if (article->outlet().empty()) article->set_outlet(meta.outlet);
  if (article->published().empty()) {
    article->set_published(NormalizeDate(meta.published));
  }
}

}  // namespace

std::string NormalizeDate(absl::string_view text) {
  return internal::NormalizeDate(text);
}

Article ArticleFromText(absl::string_view contents, absl::string_view id,
                        absl::string_view source, const IngestOptions& options,
                        std::vector<Note>* notes) {
  Article article;
  article.set_id(std::string(id));
  article.set_source(std::string(source));
  article.set_text(CleanText(contents, source, id, Cleaned::kText, notes));
  Annotate(&article, options);
  if (!options.outlet.empty()) article.set_outlet(options.outlet);
  if (!options.published.empty()) article.set_published(options.published);
  return article;
}

namespace {

// Reads the JSONL lines of one source, one at a time, into articles.
class JsonlParser {
 public:
  JsonlParser(absl::string_view source, const IngestOptions& options,
              std::vector<Note>* notes)
      : source_(source), options_(options), notes_(notes) {
    parse_options_.ignore_unknown_fields = !options.strict_json;
  }

  // Parses the next line. Sets `*article` for an article; leaves it empty
  // for a blank line or one skipped under --keep-going. Fails on a
  // malformed line otherwise.
  absl::Status Line(absl::string_view line, std::optional<Article>* article) {
    ++line_number_;
    article->reset();
    if (IsBlank(line)) return absl::OkStatus();
    const std::string where = absl::StrCat(source_, ":", line_number_);
    // JSON must be UTF-8: repair the line, then parse it.
    const size_t notes_before = notes_->size();
    const std::string repaired =
        CleanText(absl::StripTrailingAsciiWhitespace(line), where, "",
                  Cleaned::kJsonlLine, notes_);
    absl::Status status;
    Article parsed;
    {
      const auto result = google::protobuf::util::JsonStringToMessage(
          repaired, &parsed, parse_options_);
      if (!result.ok()) {
        // protobuf's message may add a line with a caret: keep the first.
        const std::string message = result.message().as_string();
        status = absl::InvalidArgumentError(absl::StrCat(
            where, ": not a valid crosscheck.v1.Article: ",
            absl::StripAsciiWhitespace(
                absl::string_view(message).substr(0, message.find('\n')))));
      } else if (options_.max_article_bytes > 0 &&
                 parsed.text().size() > options_.max_article_bytes) {
        status = TooLarge(
            absl::StrCat(where, ": ",
                         Quoted(parsed.id().empty() ? "(no id)" : parsed.id())),
            parsed.text().size(), /*at_least=*/false,
            options_.max_article_bytes);
      } else if (IsBlankText(parsed.text())) {
        status = absl::InvalidArgumentError(
            absl::StrCat(where, ": article ",
                         Quoted(parsed.id().empty() ? "(no id)" : parsed.id()),
                         " has no text"));
      } else if (!parsed.published().empty() &&
                 NormalizeDate(parsed.published()).empty()) {
        status = absl::InvalidArgumentError(
            absl::StrCat(where, ": article ", Quoted(parsed.id()),
                         ": published ", Quoted(parsed.published()),
                         " is not a date (expected YYYY-MM-DD)"));
      }
    }
    if (!status.ok()) {
      if (!options_.keep_going) return status;
      ++skipped_;
      Note note;
      note.set_severity(Note::SEVERITY_WARNING);
      note.set_code("skipped-line");
      note.set_message(absl::StrCat("skipped ", status.message()));
      notes_->push_back(std::move(note));
      return absl::OkStatus();
    }
    if (parsed.id().empty()) {
      parsed.set_id(absl::StrCat(Stem(source_), "-", line_number_));
    }
    for (size_t i = notes_before; i < notes_->size(); ++i) {
      (*notes_)[i].set_article_id(parsed.id());
    }
    if (parsed.text().find('\0') != std::string::npos) {
      // A "\u0000" in the JSON: made a space, like a NUL byte in a file.
      parsed.set_text(
          CleanText(parsed.text(), where, parsed.id(), Cleaned::kText, notes_));
    }
    parsed.set_published(NormalizeDate(parsed.published()));
    parsed.set_source(where);
    parsed.clear_furniture();
    Annotate(&parsed, options_);
    *article = std::move(parsed);
    return absl::OkStatus();
  }

  // Adds the note on lines skipped under --keep-going, if any.
  void Finish() {
    if (skipped_ == 0) return;
    Note note;
    note.set_severity(Note::SEVERITY_WARNING);
    note.set_code("skipped-lines");
    note.set_message(absl::StrCat(source_, ": skipped ", skipped_,
                                  skipped_ == 1 ? " bad line" : " bad lines",
                                  " (--keep-going)"));
    notes_->push_back(std::move(note));
  }

 private:
  std::string source_;
  const IngestOptions& options_;
  std::vector<Note>* notes_;
  google::protobuf::util::JsonParseOptions parse_options_;
  int line_number_ = 0;
  int skipped_ = 0;
};

// Parses the lines of JSONL held whole (a string, standard input, a
// UTF-16 or UTF-32 file in its UTF-8 form) with `parser`, giving each
// article to `give` as soon as its line is parsed, so that the notes read
// with an article are there when it is given. Sets `*any_text` (when not
// null) once a line is not blank. Stops at the first error.
absl::Status GiveJsonlLines(
    absl::string_view jsonl, JsonlParser& parser,
    const std::function<absl::Status(Article article)>& give,
    bool* any_text) {
  std::optional<Article> article;
  for (absl::string_view line : absl::StrSplit(jsonl, '\n')) {
    if (any_text != nullptr && !IsBlank(line)) *any_text = true;
    CC_RETURN_IF_ERROR(parser.Line(line, &article));
    if (article) CC_RETURN_IF_ERROR(give(std::move(*article)));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<Article>> ArticlesFromJsonl(
    absl::string_view contents, absl::string_view source,
    const IngestOptions& options, std::vector<Note>* notes) {
  std::vector<Article> articles;
  JsonlParser parser(source, options, notes);
  CC_RETURN_IF_ERROR(GiveJsonlLines(
      contents, parser,
      [&articles](Article article) {
        articles.push_back(std::move(article));
        return absl::OkStatus();
      },
      nullptr));
  parser.Finish();
  return articles;
}

namespace {

// The error for an input `name` without any byte, or with only white space.
absl::Status HasArticleText(absl::string_view name, bool any_byte,
                            bool any_text) {
  if (!any_byte) {
    return absl::InvalidArgumentError(
        absl::StrCat(Quoted(name), " is empty: no article to read"));
  }
  if (!any_text) {
    return absl::InvalidArgumentError(absl::StrCat(
        Quoted(name), " holds only white space: no article to read"));
  }
  return absl::OkStatus();
}

// Whether standard input holds JSONL: its first non-blank character, after
// any byte order mark (UTF-8, UTF-16 or UTF-32), is '{'.
bool LooksLikeJsonl(absl::string_view contents) {
  if (base::HasWideByteOrderMark(contents)) {
    // Its first few thousand characters, as UTF-8.
    const base::DecodedText head =
        base::DecodeInput(contents.substr(0, size_t{1} << 13));
    return absl::StartsWith(absl::StripLeadingAsciiWhitespace(head.text), "{");
  }
  absl::ConsumePrefix(&contents, "\xEF\xBB\xBF");
  return absl::StartsWith(absl::StripLeadingAsciiWhitespace(contents), "{");
}

}  // namespace

absl::Status StreamArticles(
    const std::vector<std::string>& paths, const IngestOptions& options,
    std::vector<Note>* notes,
    const std::function<absl::Status(Article article)>& each) {
  if (!options.published.empty() &&
      NormalizeDate(options.published) != options.published) {
    return absl::InvalidArgumentError(
        absl::StrCat("--published ", Quoted(options.published),
                     " is not a date (expected YYYY-MM-DD)"));
  }
  absl::flat_hash_map<std::string, std::string> sources_by_id;
  auto give = [&](Article article) -> absl::Status {
    auto [it, inserted] = sources_by_id.emplace(article.id(), article.source());
    if (!inserted) {
      return absl::InvalidArgumentError(
          absl::StrCat("duplicate article id ", Quoted(article.id()), " (from ",
                       it->second, " and ", article.source(),
                       "): give each article a unique id or file name"));
    }
    return each(std::move(article));
  };
  for (const std::string& path : paths) {
    const bool is_stdin = path == kStdin;
    const std::string name = is_stdin ? "<stdin>" : path;
    const std::string ext = is_stdin ? "" : Extension(path);
    const bool jsonl_file = ext == ".jsonl" || ext == ".ndjson";
    if (!is_stdin && !jsonl_file &&
        !(ext.empty() || ext == ".txt" || ext == ".text")) {
      return absl::InvalidArgumentError(absl::StrCat(
          "cannot read ", Quoted(path), ": unknown input type ", Quoted(ext),
          " (expected .txt for a plain article or .jsonl for "
          "crosscheck.v1.Article lines)"));
    }
    if (jsonl_file) {
      // A line at a time: the memory used does not grow with the file.
      CC_ASSIGN_OR_RETURN(std::FILE * file, OpenInput(path));
      JsonlParser parser(name, options, notes);
      std::optional<Article> article;
      char* buffer = nullptr;
      size_t capacity = 0;
      bool any_byte = false, any_text = false;
      absl::Status status;
      auto process = [&](absl::string_view line) {
        absl::ConsumeSuffix(&line, "\r");
        any_text = any_text || !IsBlank(line);
        status = parser.Line(line, &article);
        if (status.ok() && article) status = give(std::move(*article));
        return status.ok();
      };
      ssize_t length;
      while ((length = ::getline(&buffer, &capacity, file)) > 0) {
        absl::string_view line(buffer, static_cast<size_t>(length));
        if (!any_byte && base::HasWideByteOrderMark(line)) {
          // UTF-16 (a Windows "Unicode" export): its lines are found in
          // its UTF-8 form, so the file is read whole.
          any_byte = true;
          absl::StatusOr<std::string> rest = ReadStream(file, name, 0);
          if (!rest.ok()) {
            status = rest.status();
            break;
          }
          const std::string text = CleanText(absl::StrCat(line, *rest), name,
                                             "", Cleaned::kJsonlFile, notes);
          status = GiveJsonlLines(text, parser, give, &any_text);
          break;
        }
        any_byte = true;
        absl::ConsumeSuffix(&line, "\n");
        if (!process(line)) break;
      }
      const bool read_error = status.ok() && std::ferror(file);
      const int error = errno;
      std::free(buffer);
      std::fclose(file);
      if (!status.ok()) return status;
      if (read_error) {
        return absl::DataLossError(absl::StrCat("cannot read ", Quoted(name),
                                                ": ", std::strerror(error)));
      }
      CC_RETURN_IF_ERROR(HasArticleText(name, any_byte, any_text));
      parser.Finish();
      continue;
    }
    CC_ASSIGN_OR_RETURN(std::string contents,
                        ReadFile(path, options.max_article_bytes));
    CC_RETURN_IF_ERROR(
        HasArticleText(name, !contents.empty(), !IsBlank(contents)));
    if (is_stdin && LooksLikeJsonl(contents)) {
      std::string utf8;  // UTF-16 JSONL, as UTF-8
      absl::string_view jsonl = contents;
      if (base::HasWideByteOrderMark(contents)) {
        utf8 = CleanText(contents, name, "", Cleaned::kJsonlFile, notes);
        jsonl = utf8;
      }
      JsonlParser parser(name, options, notes);
      CC_RETURN_IF_ERROR(GiveJsonlLines(jsonl, parser, give, nullptr));
      parser.Finish();
    } else {
      const std::string id = is_stdin ? "stdin" : Stem(path);
      Article article = ArticleFromText(contents, id, name, options, notes);
      // A byte order mark alone, or UTF-16 white space, or NUL bytes: no
      // text once read.
      CC_RETURN_IF_ERROR(HasArticleText(name, !article.text().empty(),
                                        !IsBlank(article.text())));
      CC_RETURN_IF_ERROR(give(std::move(article)));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Article>> ReadArticles(
    const std::vector<std::string>& paths, const IngestOptions& options,
    std::vector<Note>* notes) {
  std::vector<Article> articles;
  CC_RETURN_IF_ERROR(
      StreamArticles(paths, options, notes, [&articles](Article article) {
        articles.push_back(std::move(article));
        return absl::OkStatus();
      }));
  return articles;
}

}  // namespace crosscheck::ingest
