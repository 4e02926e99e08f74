#include "src/report/report.h"

#include <algorithm>
#include <map>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/type_resolver.h"
#include "google/protobuf/util/type_resolver_util.h"
#include "src/align/word_diff.h"
#include "src/base/status_macros.h"
#include "src/base/utf8.h"
#include "src/report/render_util.h"

namespace crosscheck::report {
namespace {

using crosscheck::v1::Alignment;
using crosscheck::v1::Article;
using crosscheck::v1::Claim;
using crosscheck::v1::QuoteDiff;
using crosscheck::v1::Report;

// ANSI styles, used only when colour is on.
struct Style {
  bool on;
  std::string Wrap(absl::string_view text, absl::string_view code) const {
    if (!on) return std::string(text);
    return absl::StrCat("\x1b[", code, "m", text, "\x1b[0m");
  }
  std::string Bold(absl::string_view t) const { return Wrap(t, "1"); }
  std::string Dim(absl::string_view t) const { return Wrap(t, "2"); }
  std::string Red(absl::string_view t) const { return Wrap(t, "1;31"); }
  std::string Green(absl::string_view t) const { return Wrap(t, "32"); }
  std::string Yellow(absl::string_view t) const { return Wrap(t, "33"); }
  std::string Cyan(absl::string_view t) const { return Wrap(t, "36"); }
};


// The claim's sentence with the mention marked, cut to about `width`
// bytes around the mention.
std::string Excerpt(const Claim& claim, const Article* article,
                    absl::string_view open, absl::string_view close,
                    size_t width = 220) {
  const std::optional<SentenceParts> parts =
      article == nullptr ? std::nullopt
                         : SplitSentence(article->text(), claim, width);
  if (!parts) return claim.text();
  return absl::StrCat(parts->cut_before ? "…" : "", OneLine(parts->before),
                      open, OneLine(parts->mention), close,
                      OneLine(parts->after), parts->cut_after ? "…" : "");
}

std::string VerdictName(Alignment::Verdict v) {
  switch (v) {
    case Alignment::VERDICT_AGREE:
      return "AGREE";
    case Alignment::VERDICT_COMPATIBLE:
      return "COMPATIBLE";
    case Alignment::VERDICT_DISCREPANCY:
      return "DISCREPANCY";
    case Alignment::VERDICT_SINGLE_SOURCE:
      return "SINGLE SOURCE";
    default:
      return "UNSPECIFIED";
  }
}

// The width of UTF-8 text in a terminal, counted in code points.
size_t CodePoints(absl::string_view s) {
  size_t points = 0;
  for (unsigned char ch : s) points += (ch & 0xC0) != 0x80;
  return points;
}

// One word of a quote diff as shown.
struct ShownWord {
  // The word with its marks and colour codes.
  std::string text;
  // Width in code points, colour codes aside.
  size_t width;
};

// The words of a quote diff as shown: deleted words "[-x-]" (red when
// colour is on), added ones "{+x+}" (green), common ones as they are; a
// note for versions too long to compare word by word.
std::vector<ShownWord> ShowDiff(const QuoteDiff& diff, const Style& style) {
  std::vector<ShownWord> words;
  if (diff.too_long()) {
    const std::string note = "(too long to compare word by word)";
    words.push_back({style.Dim(note), CodePoints(note)});
    return words;
  }
  for (const QuoteDiff::WordEdit& e : diff.edits()) {
    std::string plain;
    switch (e.op()) {
      case QuoteDiff::WordEdit::OP_DELETED:
        plain = absl::StrCat("[-", e.word(), "-]");
        words.push_back({style.Red(plain), CodePoints(plain)});
        break;
      case QuoteDiff::WordEdit::OP_ADDED:
        plain = absl::StrCat("{+", e.word(), "+}");
        words.push_back({style.Green(plain), CodePoints(plain)});
        break;
      default:
        words.push_back({e.word(), CodePoints(e.word())});
    }
  }
  return words;
}

// "words vs. Daily Ledger's version:", the label of a quote diff.
std::string DiffLabel(const QuoteDiff& diff, const ReportIndex& index) {
  return absl::StrCat("words vs. ", index.BaseVersion(diff), ":");
}

// The quote diff on one line: label, then the words.
std::string DiffLine(const QuoteDiff& diff, const ReportIndex& index,
                     const Style& style) {
  std::string out = style.Dim(DiffLabel(diff, index));
  for (const ShownWord& w : ShowDiff(diff, style)) {
    absl::StrAppend(&out, " ", w.text);
  }
  return out;
}

// Sets `a.quote_diffs`: when the group holds two or more quotes whose
// words are not all the same, each version whose words differ from the
// longest version's, diffed against it (align::DiffVersions).
void FillQuoteDiffs(const ReportIndex& index, Alignment* a) {
  a->clear_quote_diffs();
  std::vector<const Claim*> quotes;
  for (const std::string& id : a->claim_ids()) {
    const Claim* c = index.FindClaim(id);
    if (c != nullptr && c->kind() == Claim::KIND_QUOTE) quotes.push_back(c);
  }
  if (quotes.size() < 2) return;
  std::vector<std::vector<std::string>> versions;
  versions.reserve(quotes.size());
  for (const Claim* c : quotes) {
    versions.push_back(align::QuoteWords(c->quote().text()));
  }
  const align::VersionsDiff diffs = align::DiffVersions(versions);
  for (const align::VersionDiff& v : diffs.diffs) {
    QuoteDiff* diff = a->add_quote_diffs();
    diff->set_claim_id(quotes[v.version]->id());
    diff->set_base_claim_id(quotes[diffs.base]->id());
    diff->set_too_long(v.too_long);
    for (const align::WordEdit& e : v.edits) {
      QuoteDiff::WordEdit* edit = diff->add_edits();
      switch (e.op) {
        case align::WordEdit::Op::kCommon:
          edit->set_op(QuoteDiff::WordEdit::OP_COMMON);
          break;
        case align::WordEdit::Op::kDeleted:
          edit->set_op(QuoteDiff::WordEdit::OP_DELETED);
          break;
        case align::WordEdit::Op::kAdded:
          edit->set_op(QuoteDiff::WordEdit::OP_ADDED);
          break;
      }
      edit->set_word(e.word);
    }
  }
}

std::vector<const Claim*> Members(const Alignment& a, const ReportIndex& index) {
  std::vector<const Claim*> out;
  for (const std::string& id : a.claim_ids()) {
    if (const Claim* c = index.FindClaim(id)) out.push_back(c);
  }
  return out;
}

std::string Location(const Claim& c) {
  return absl::StrCat(c.article_id(), ":", c.line(), ":", c.column());
}

std::string ClaimValue(const Claim& c) {
  switch (c.kind()) {
    case Claim::KIND_FIGURE: {
      const auto& f = c.figure();
      std::string s;
      if (f.has_value()) {
        s = absl::StrCat(f.value());
        if (f.has_value_max()) absl::StrAppend(&s, "–", f.value_max());
      } else {
        s = "(vague)";
      }
      if (!f.unit().empty()) absl::StrAppend(&s, " ", f.unit());
      if (f.ordinal()) absl::StrAppend(&s, " (ordinal)");
      if (!f.counted().empty()) absl::StrAppend(&s, " ", f.counted());
      return s;
    }
    case Claim::KIND_DATE: {
      const auto& d = c.date();
      if (d.start().empty()) return "unresolved";
      return d.end().empty() || d.end() == d.start()
                 ? d.start()
                 : absl::StrCat(d.start(), "–", d.end());
    }
    case Claim::KIND_QUOTE:
      return c.quote().speaker().empty() ? "no speaker" : c.quote().speaker();
    default:
      return "";
  }
}


std::string Header(const Report& report) {
  const auto& c = report.counts();
  return absl::StrCat(
      Plural(c.articles(), "article", "articles"), ", ",
      Plural(c.figures() + c.dates() + c.quotes(), "claim", "claims"), " (",
      Plural(c.figures(), "figure", "figures"), ", ",
      Plural(c.dates(), "date", "dates"), ", ",
      Plural(c.quotes(), "quote", "quotes"), ")");
}

std::string Tally(const Report& report) {
  const auto& c = report.counts();
  return absl::StrCat(Plural(c.discrepancy(), "discrepancy", "discrepancies"),
                      " · ", c.compatible(), " compatible · ", c.agree(),
                      " agree · ", c.single_source(), " single-source");
}

// "Names unified: Muammar Gaddafi (also Qaddafi in Meridian Wire, Gadhafi
// in Harbor Times); ..." for the report's name groups, or "".
std::string NamesLine(const Report& report) {
  if (report.name_groups_size() == 0) return "";
  absl::flat_hash_map<std::string, std::string> outlets;
  for (const Article& a : report.articles()) {
    outlets[a.id()] = a.outlet().empty() ? a.id() : a.outlet();
  }
  std::vector<std::string> groups;
  for (const auto& g : report.name_groups()) {
    std::vector<std::string> others;
    for (const auto& v : g.variants()) {
      if (v.written() == g.name()) continue;
      std::vector<std::string> where;
      for (const std::string& id : v.article_ids()) {
        auto it = outlets.find(id);
        where.push_back(it == outlets.end() ? id : it->second);
      }
      others.push_back(
          absl::StrCat(v.written(), " in ", absl::StrJoin(where, ", ")));
    }
    groups.push_back(
        absl::StrCat(g.name(), " (also ", absl::StrJoin(others, "; "), ")"));
  }
  return absl::StrCat("Names unified: ", absl::StrJoin(groups, "; "));
}

}  // namespace

absl::StatusOr<Format> ParseFormat(absl::string_view name) {
  static const auto* const kFormats = new std::map<std::string, Format>{
      {"text", Format::kText},       {"markdown", Format::kMarkdown},
      {"md", Format::kMarkdown},     {"json", Format::kJson},
      {"textproto", Format::kTextproto}, {"binpb", Format::kBinpb},
      {"delimited", Format::kDelimited}, {"html", Format::kHtml}};
  auto it = kFormats->find(std::string(name));
  if (it == kFormats->end()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown format '", name,
        "' (expected text, markdown, html, json, textproto, binpb or "
        "delimited)"));
  }
  return it->second;
}

Report BuildReport(std::vector<Article> articles, std::vector<Claim> claims,
                   std::vector<Alignment> alignments,
                   std::vector<crosscheck::v1::Note> notes,
                   crosscheck::v1::RunInfo run) {
  // The same inputs in any order make the same report: articles by id
  // (for "diff A B", A then B), claims and notes by article, then position
  // (the order among notes of one place kept), notes about no article by
  // their text.
  if (run.command() != "diff") {
    std::stable_sort(articles.begin(), articles.end(),
                     [](const Article& a, const Article& b) {
                       return a.id() < b.id();
                     });
  }
  absl::flat_hash_map<std::string, size_t> rank;
  for (size_t i = 0; i < articles.size(); ++i) rank.emplace(articles[i].id(), i);
  const auto rank_of = [&rank](const std::string& id) {
    const auto it = rank.find(id);
    return it == rank.end() ? rank.size() : it->second;
  };
  const auto by_place = [&rank_of](const auto& a, const auto& b) {
    const size_t ra = rank_of(a.article_id());
    const size_t rb = rank_of(b.article_id());
    if (ra != rb) return ra < rb;
    return a.span().begin() < b.span().begin();
  };
  std::stable_sort(claims.begin(), claims.end(), by_place);
  // Notes about no article (a skipped JSONL line, a file's encoding) come
  // last, in the order of their text rather than of the inputs.
  std::stable_sort(
      notes.begin(), notes.end(),
      [&rank_of](const crosscheck::v1::Note& a, const crosscheck::v1::Note& b) {
        const size_t ra = rank_of(a.article_id());
        const size_t rb = rank_of(b.article_id());
        if (ra != rb) return ra < rb;
        if (a.article_id() != b.article_id()) {
          return a.article_id() < b.article_id();
        }
        if (a.article_id().empty()) return a.message() < b.message();
        return a.span().begin() < b.span().begin();
      });
  Report report;
  auto* counts = report.mutable_counts();
  counts->set_articles(articles.size());
  for (auto& a : articles) *report.add_articles() = std::move(a);
  for (auto& c : claims) {
    switch (c.kind()) {
      case Claim::KIND_FIGURE:
        counts->set_figures(counts->figures() + 1);
        break;
      case Claim::KIND_DATE:
        counts->set_dates(counts->dates() + 1);
        break;
      case Claim::KIND_QUOTE:
        counts->set_quotes(counts->quotes() + 1);
        break;
      default:
        break;
    }
    *report.add_claims() = std::move(c);
  }
  const ReportIndex index(report);
  for (auto& a : alignments) {
    switch (a.verdict()) {
      case Alignment::VERDICT_AGREE:
        counts->set_agree(counts->agree() + 1);
        break;
      case Alignment::VERDICT_COMPATIBLE:
        counts->set_compatible(counts->compatible() + 1);
        break;
      case Alignment::VERDICT_DISCREPANCY:
        counts->set_discrepancy(counts->discrepancy() + 1);
        break;
      case Alignment::VERDICT_SINGLE_SOURCE:
        counts->set_single_source(counts->single_source() + 1);
        break;
      default:
        break;
    }
    Alignment* added = report.add_alignments();
    *added = std::move(a);
    FillQuoteDiffs(index, added);
  }
  for (auto& n : notes) *report.add_notes() = std::move(n);
  *report.mutable_run() = std::move(run);
  return report;
}

std::string RenderText(const Report& report, const RenderOptions& options) {
  const Style style{options.color};
  const ReportIndex index(report);
  std::string out = absl::StrCat(style.Bold("crosscheck report"), ": ",
                                 Header(report), "\n", Tally(report), "\n");
  if (const std::string names = NamesLine(report); !names.empty()) {
    absl::StrAppend(&out, style.Dim(names), "\n");
  }
  Alignment::Verdict section = Alignment::VERDICT_UNSPECIFIED;
  for (const Alignment& a : report.alignments()) {
    if (a.verdict() == Alignment::VERDICT_SINGLE_SOURCE) continue;
    if (a.verdict() != section) {
      section = a.verdict();
      absl::StrAppend(&out, "\n");
    }
    std::string label = VerdictName(a.verdict());
    if (a.verdict() == Alignment::VERDICT_DISCREPANCY) {
      label = style.Red(label);
    } else if (a.verdict() == Alignment::VERDICT_COMPATIBLE) {
      label = style.Yellow(label);
    } else {
      label = style.Green(label);
    }
    absl::StrAppend(&out, label, "  ", style.Bold(a.subject()), "  ",
                    style.Dim(absl::StrCat("[", a.id(), ", ",
                                           KindName(a.kind()), ", confidence ",
                                           absl::StrFormat("%.2f", a.confidence()),
                                           "]")),
                    "\n  ", a.summary(), "\n");
    const auto members = Members(a, index);
    for (const Claim* c : members) {
      absl::StrAppend(
          &out, "  ", style.Cyan(index.Outlet(*c)), " ", style.Dim(Location(*c)),
          "\n    ",
          Excerpt(*c, index.FindArticle(c->article_id()),
                  style.on ? "\x1b[1;4m" : "⟦", style.on ? "\x1b[0m" : "⟧"),
          "\n");
      if (const QuoteDiff* diff = index.FindQuoteDiff(c->id())) {
        absl::StrAppend(&out, "    ", DiffLine(*diff, index, style), "\n");
      }
    }
  }
  if (options.single_source) {
    bool first = true;
    for (const Alignment& a : report.alignments()) {
      if (a.verdict() != Alignment::VERDICT_SINGLE_SOURCE) continue;
      if (first) {
        absl::StrAppend(&out, "\n", style.Bold("SINGLE SOURCE"),
                        style.Dim(" (claims only one outlet makes)"), "\n");
        first = false;
      }
      for (const Claim* c : Members(a, index)) {
        absl::StrAppend(&out, "  ", style.Dim(Location(*c)), "  ",
                        KindName(c->kind()), "  ", OneLine(c->text()), "  ",
                        style.Dim(absl::StrCat("(", ClaimValue(*c), ")")), "\n");
      }
    }
  }
  return out;
}

std::string RenderMarkdown(const Report& report) {
  const ReportIndex index(report);
  std::string out =
      absl::StrCat("# crosscheck report\n\n", Header(report), "  \n",
                   Tally(report), "\n");
  if (const std::string names = NamesLine(report); !names.empty()) {
    absl::StrAppend(&out, "\n", names, "\n");
  }
  Alignment::Verdict section = Alignment::VERDICT_UNSPECIFIED;
  for (const Alignment& a : report.alignments()) {
    if (a.verdict() != section) {
      section = a.verdict();
      absl::StrAppend(&out, "\n## ", VerdictName(section), "\n\n");
    }
    const auto members = Members(a, index);
    if (a.verdict() == Alignment::VERDICT_SINGLE_SOURCE) {
      for (const Claim* c : members) {
        absl::StrAppend(&out, "- `", Location(*c), "` ", KindName(c->kind()),
                        ": ", OneLine(c->text()), " (", ClaimValue(*c), ")\n");
      }
      continue;
    }
    absl::StrAppend(&out, "### ", a.subject(), "\n\n", a.summary(), "\n\n");
    for (const Claim* c : members) {
      absl::StrAppend(&out, "- **", index.Outlet(*c), "** (`", Location(*c),
                      "`): ",
                      Excerpt(*c, index.FindArticle(c->article_id()), "**",
                              "**"),
                      "\n");
      if (const QuoteDiff* diff = index.FindQuoteDiff(c->id())) {
        absl::StrAppend(&out, "  - ", DiffLine(*diff, index, Style{false}),
                        "\n");
      }
    }
    absl::StrAppend(&out, "\n");
  }
  return out;
}

std::string RenderDiff(const Report& report, const RenderOptions& options) {
  const Style style{options.color};
  const ReportIndex index(report);
  if (report.articles_size() != 2) return "";
  const std::string& left = report.articles(0).id();
  constexpr size_t kColumn = 58;
  // The table's width: marker, two columns and the rule between them.
  constexpr size_t kWidth = 2 + kColumn + 3 + kColumn;
  // Pads by code points so columns line up for UTF-8 text.
  auto pad = [&](const std::string& s) {
    const size_t points = CodePoints(s);
    std::string out = s;
    if (points < kColumn) out.append(kColumn - points, ' ');
    return out;
  };
  // The claim and its line:column, cut with "…" to fit the column.
  auto cell = [&](const Claim* c) {
    if (c == nullptr) return std::string();
    std::string text = OneLine(c->text());
    if (c->kind() == Claim::KIND_QUOTE) {
      text = absl::StrCat("“", c->quote().text(), "”");
      if (!c->quote().speaker().empty()) {
        absl::StrAppend(&text, " — ", c->quote().speaker());
      }
    }
    const std::string where = absl::StrCat(" (", c->line(), ":", c->column(), ")");
    const size_t room = kColumn - CodePoints(where);
    if (CodePoints(text) > room) {
      size_t points = 0, cut = 0;
      for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (points++ == room - 1) {
          cut = i;
          break;
        }
      }
      text = absl::StrCat(text.substr(0, cut), "…");
    }
    return absl::StrCat(text, where);
  };
  // A quote diff under its row, across the table's width, wrapped
  // between words.
  auto diff_lines = [&](const QuoteDiff& diff) {
    constexpr absl::string_view kIndent = "    ", kMore = "      ";
    const std::string label = DiffLabel(diff, index);
    std::string out = absl::StrCat(kIndent, style.Dim(label));
    size_t width = kIndent.size() + CodePoints(label);
    for (const ShownWord& w : ShowDiff(diff, style)) {
      if (width + 1 + w.width > kWidth && width > kMore.size()) {
        absl::StrAppend(&out, "\n", kMore, w.text);
        width = kMore.size() + w.width;
      } else {
        absl::StrAppend(&out, " ", w.text);
        width += 1 + w.width;
      }
    }
    return absl::StrCat(out, "\n");
  };
  struct Row {
    size_t order;
    std::string marker;
    const Claim* l;
    const Claim* r;
    const Alignment* group;
  };
  std::vector<Row> rows;
  for (const Alignment& a : report.alignments()) {
    const Claim* l = nullptr;
    const Claim* r = nullptr;
    for (const Claim* c : Members(a, index)) {
      (c->article_id() == left ? l : r) = c;
    }
    std::string marker;
    switch (a.verdict()) {
      case Alignment::VERDICT_AGREE:
        marker = "=";
        break;
      case Alignment::VERDICT_COMPATIBLE:
        marker = "~";
        break;
      case Alignment::VERDICT_DISCREPANCY:
        marker = "≠";
        break;
      default:
        marker = l != nullptr ? "<" : ">";
    }
    // Rows with a left claim come in the left article's order; right-only
    // claims follow in the right article's order.
    const size_t order = l != nullptr ? l->span().begin() * 2
                                      : r->span().begin() * 2 + 1;
    rows.push_back({order, marker, l, r, &a});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
    const bool xl = x.l != nullptr, yl = y.l != nullptr;
    if (xl != yl) return xl;  // paired and left-only rows first
    return x.order < y.order;
  });
  auto name = [](const Article& a) {
    return a.outlet().empty() ? a.id() : absl::StrCat(a.outlet(), " (", a.id(), ")");
  };
  std::string out = absl::StrCat(
      "  ", style.Bold(pad(name(report.articles(0)))), " │ ",
      style.Bold(name(report.articles(1))), "\n", "  ",
      std::string(kColumn, '-'), "-┼-", std::string(kColumn, '-'), "\n");
  int counts[5] = {0, 0, 0, 0, 0};
  for (const Row& row : rows) {
    std::string marker = row.marker;
    if (marker == "≠") {
      marker = style.Red(marker);
      ++counts[0];
    } else if (marker == "~") {
      marker = style.Yellow(marker);
      ++counts[1];
    } else if (marker == "=") {
      marker = style.Green(marker);
      ++counts[2];
    } else {
      marker = style.Dim(marker);
      ++counts[row.marker == "<" ? 3 : 4];
    }
    absl::StrAppend(&out, marker, " ", pad(cell(row.l)), " │ ", cell(row.r),
                    "\n");
    // What differs in a quote's words, unless the two versions agree.
    if (row.group->verdict() != Alignment::VERDICT_AGREE) {
      for (const Claim* c : {row.l, row.r}) {
        if (c == nullptr) continue;
        if (const QuoteDiff* diff = index.FindQuoteDiff(c->id())) {
          absl::StrAppend(&out, diff_lines(*diff));
        }
      }
    }
  }
  absl::StrAppend(&out, "\n", counts[0], " ≠ discrepancies, ", counts[1],
                  " ~ compatible, ", counts[2], " = agree, ", counts[3],
                  " < only left, ", counts[4], " > only right\n");
  return out;
}

std::string RenderClaimsText(const crosscheck::v1::ClaimSet& set,
                             const RenderOptions& options) {
  const Style style{options.color};
  std::string out;
  size_t next = 0;
  for (const Article& article : set.articles()) {
    absl::StrAppend(&out, style.Bold(article.id()), "  ",
                    article.outlet().empty() ? "(outlet unknown)" : article.outlet(),
                    "  ",
                    article.published().empty() ? "(date unknown)"
                                                : article.published(),
                    "\n");
    if (!article.title().empty()) {
      absl::StrAppend(&out, "  ", style.Dim(article.title()), "\n");
    }
    while (next < static_cast<size_t>(set.claims_size()) &&
           set.claims(next).article_id() == article.id()) {
      const Claim& c = set.claims(next++);
      absl::StrAppend(&out, "  ", style.Dim(absl::StrCat(c.line(), ":", c.column())),
                      "  ", KindName(c.kind()), "  ", OneLine(c.text()), "  ",
                      style.Dim(absl::StrCat("(", ClaimValue(c), ")")), "\n");
    }
  }
  return out;
}

namespace {

// The binary encoding of `message` with map fields (RunInfo.options)
// sorted by key, so the same message is always the same bytes.
absl::StatusOr<std::string> DeterministicBytes(
    const google::protobuf::Message& message) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    if (!message.SerializeToCodedStream(&coded)) {
      return absl::InternalError("cannot encode binary protobuf");
    }
  }
  return out;
}

}  // namespace

absl::StatusOr<std::string> Serialize(const google::protobuf::Message& message,
                                      Format format) {
  std::string out;
  switch (format) {
    case Format::kJson: {
      // Printed from the deterministic bytes, so map entries come in key
      // order and the same report is always the same JSON.
      CC_ASSIGN_OR_RETURN(const std::string bytes, DeterministicBytes(message));
      static google::protobuf::util::TypeResolver* const kResolver =
          google::protobuf::util::NewTypeResolverForDescriptorPool(
              "type.googleapis.com",
              google::protobuf::DescriptorPool::generated_pool());
      google::protobuf::util::JsonPrintOptions options;
      const auto status = google::protobuf::util::BinaryToJsonString(
          kResolver,
          absl::StrCat("type.googleapis.com/",
                       message.GetDescriptor()->full_name()),
          bytes, &out, options);
      if (!status.ok()) {
        return absl::InternalError(absl::StrCat(
            "cannot encode JSON: ", status.message().as_string()));
      }
      out.push_back('\n');
      return out;
    }
    case Format::kTextproto:
      if (!google::protobuf::TextFormat::PrintToString(message, &out)) {
        return absl::InternalError("cannot encode text format");
      }
      return out;
    case Format::kBinpb:
      return DeterministicBytes(message);
    default:
      return absl::InvalidArgumentError("not a protobuf format");
  }
}

}  // namespace crosscheck::report
