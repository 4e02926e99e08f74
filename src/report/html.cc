#include "src/report/html.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "src/base/utf8.h"
#include "src/report/render_util.h"

namespace crosscheck::report {
namespace {

using crosscheck::v1::Alignment;
using crosscheck::v1::Article;
using crosscheck::v1::Claim;
using crosscheck::v1::Note;
using crosscheck::v1::QuoteDiff;
using crosscheck::v1::Report;

// Bytes of a sentence shown around a mention; longer sentences are cut
// with "…" on either side.
constexpr size_t kSentenceBytes = 600;

// `text` escaped for HTML text and attribute values: & < > " ' as
// references, invalid UTF-8 and control characters (C0 other than tab and
// line breaks, DEL, C1) as U+FFFD. Linear in the text.
std::string Escape(absl::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t pos = 0;
  while (pos < text.size()) {
    int length = 1;
    const char32_t c = base::DecodeUtf8(text, pos, &length);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\t':
      case '\n':
      case '\r':
        out.push_back(static_cast<char>(c));
        break;
      default:
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) ||
            c == base::kReplacementChar) {
          base::AppendUtf8(base::kReplacementChar, &out);
        } else {
          out.append(text.data() + pos, length);
        }
    }
    pos += length;
  }
  return out;
}

// The claim's sentence, escaped, with the mention in <mark>; cut to about
// kSentenceBytes around the mention. The claim's own text when the spans
// do not fit the article.
std::string MarkedSentence(const Claim& claim, const Article* article) {
  const std::optional<SentenceParts> parts =
      article == nullptr
          ? std::nullopt
          : SplitSentence(article->text(), claim, kSentenceBytes);
  if (!parts) {
    return absl::StrCat("<mark>", Escape(OneLine(claim.text())), "</mark>");
  }
  return absl::StrCat(
      parts->cut_before ? "…" : "", Escape(OneLine(parts->before)), "<mark>",
      Escape(OneLine(parts->mention)), "</mark>", Escape(OneLine(parts->after)),
      parts->cut_after ? "…" : "");
}

// The value of a verdict in data-verdict and the filters.
std::string VerdictKey(Alignment::Verdict v) {
  switch (v) {
    case Alignment::VERDICT_AGREE:
      return "agree";
    case Alignment::VERDICT_COMPATIBLE:
      return "compatible";
    case Alignment::VERDICT_DISCREPANCY:
      return "discrepancy";
    case Alignment::VERDICT_SINGLE_SOURCE:
      return "single-source";
    default:
      return "unspecified";
  }
}

// The badge of a group.
std::string VerdictLabel(Alignment::Verdict v) {
  switch (v) {
    case Alignment::VERDICT_AGREE:
      return "Agree";
    case Alignment::VERDICT_COMPATIBLE:
      return "Compatible";
    case Alignment::VERDICT_DISCREPANCY:
      return "Discrepancy";
    case Alignment::VERDICT_SINGLE_SOURCE:
      return "Single source";
    default:
      return "No verdict";
  }
}

// The heading of a verdict's section.
std::string SectionTitle(Alignment::Verdict v) {
  switch (v) {
    case Alignment::VERDICT_AGREE:
      return "Agreements";
    case Alignment::VERDICT_COMPATIBLE:
      return "Compatible";
    case Alignment::VERDICT_DISCREPANCY:
      return "Discrepancies";
    case Alignment::VERDICT_SINGLE_SOURCE:
      return "Single source";
    default:
      return "Without verdict";
  }
}

// A quote diff (Alignment.quote_diffs) with <del>/<ins>. Quotes too long
// to diff word by word get a short note instead.
std::string QuoteDiffHtml(const QuoteDiff& diff) {
  if (diff.too_long()) {
    return "<span class=\"dim\">(too long to compare word by word)</span>";
  }
  std::string out;
  for (const QuoteDiff::WordEdit& e : diff.edits()) {
    if (!out.empty()) out.push_back(' ');
    switch (e.op()) {
      case QuoteDiff::WordEdit::OP_DELETED:
        absl::StrAppend(&out, "<del>", Escape(e.word()), "</del>");
        break;
      case QuoteDiff::WordEdit::OP_ADDED:
        absl::StrAppend(&out, "<ins>", Escape(e.word()), "</ins>");
        break;
      default:
        out += Escape(e.word());
    }
  }
  return out;
}

// The verdicts in the order of the report's sections.
constexpr Alignment::Verdict kSections[] = {
    Alignment::VERDICT_DISCREPANCY, Alignment::VERDICT_COMPATIBLE,
    Alignment::VERDICT_AGREE, Alignment::VERDICT_SINGLE_SOURCE,
    Alignment::VERDICT_UNSPECIFIED};

// Alignments whose verdict is none of the four known ones are shown in the
// last section.
Alignment::Verdict SectionOf(const Alignment& a) {
  switch (a.verdict()) {
    case Alignment::VERDICT_AGREE:
    case Alignment::VERDICT_COMPATIBLE:
    case Alignment::VERDICT_DISCREPANCY:
    case Alignment::VERDICT_SINGLE_SOURCE:
      return a.verdict();
    default:
      return Alignment::VERDICT_UNSPECIFIED;
  }
}

constexpr char kStyle[] = R"(:root{--disc:#b3261e;--comp:#8a5a00;--agree:#1e6b34;--single:#5f6368;--line:#d0d0d0;--focus:#1a56db}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:90rem;padding:1rem 1.5rem 3rem}
h1{font-size:1.6rem;margin:.25rem 0}
h2{font-size:1.3rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:0 0 .25rem}
table{border-collapse:collapse;margin:.5rem 0}
th,td{text-align:left;padding:.15rem .75rem .15rem 0;vertical-align:top}
th{font-weight:600;border-bottom:1px solid var(--line)}
.articles td:nth-child(3){white-space:nowrap}
code,.where{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em}
.dim,.where,.meta{color:#555}
.tally{list-style:none;padding:0;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
.filters{position:sticky;top:0;z-index:1;background:#f4f4f4;border:1px solid var(--line);border-radius:4px;padding:.5rem .75rem;margin:1rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .9rem;align-items:center}
.filters legend{float:left;font-weight:600;margin-right:.5rem;padding:0}
.filters label{white-space:nowrap;cursor:pointer}
.filters input{margin:0 .3rem 0 0}
button{font:inherit;padding:.1rem .7rem;border:1px solid #767676;border-radius:4px;background:#fff;color:inherit;cursor:pointer}
button:hover{background:#e8e8e8}
:focus-visible,.group:focus{outline:3px solid var(--focus);outline-offset:2px}
.group{border:1px solid var(--line);border-left:6px solid var(--single);border-radius:4px;padding:.6rem .9rem;margin:.75rem 0}
.group[data-verdict=discrepancy]{border-left-color:var(--disc)}
.group[data-verdict=compatible]{border-left-color:var(--comp)}
.group[data-verdict=agree]{border-left-color:var(--agree)}
.badge{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:0 .4rem;margin-right:.4rem;border-radius:3px;color:#fff;background:var(--single);vertical-align:.1em}
[data-verdict=discrepancy]>h3>.badge,.n-discrepancy{background:var(--disc)}
[data-verdict=compatible]>h3>.badge,.n-compatible{background:var(--comp)}
[data-verdict=agree]>h3>.badge,.n-agree{background:var(--agree)}
.meta{margin:0;font-size:.9rem}
.summary{margin:.2rem 0 .5rem}
.versions{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.6rem}
.version{border:1px solid var(--line);border-radius:4px;padding:.4rem .6rem;margin:0}
.version h4{font-size:.95rem;margin:0}
.version p{margin:.2rem 0}
mark{background:#ffec8a;color:inherit;font-weight:600;padding:0 .1em}
del{background:#fde0de;color:#8a1c14}
ins{background:#d7f3dd;color:#14532d}
.diff{font-size:.9rem}
@media screen{.off{display:none}}
@media print{body{max-width:none;padding:0 2px;font-size:10.5pt}.filters,.hint{display:none}.off{display:block}h2,h3{break-after:avoid}.group{break-inside:avoid;border-left-width:3px}.badge{color:#000!important;background:none!important;border:1px solid #000}mark{background:none;font-weight:700;text-decoration:underline}del{background:none;text-decoration:line-through}ins{background:none;text-decoration:underline}}
)";

constexpr char kScript[] = R"((function(){
var boxes=[].slice.call(document.querySelectorAll('input[data-filter]'));
var groups=[].slice.call(document.querySelectorAll('.group'));
var sections=[].slice.call(document.querySelectorAll('.verdict'));
var shown=document.getElementById('shown');
function checked(f){var s={};boxes.forEach(function(b){if(b.getAttribute('data-filter')===f&&b.checked)s[b.value]=true;});return s;}
function apply(){
var v=checked('verdict'),k=checked('kind'),n=0;
groups.forEach(function(g){var on=v[g.getAttribute('data-verdict')]&&k[g.getAttribute('data-kind')];g.classList.toggle('off',!on);if(on)n++;});
sections.forEach(function(s){s.classList.toggle('off',!s.querySelector('.group:not(.off)'));});
shown.textContent=n+' of '+groups.length+' groups shown';
}
boxes.forEach(function(b){b.addEventListener('change',apply);});
document.getElementById('show-all').addEventListener('click',function(){boxes.forEach(function(b){b.checked=true;});apply();});
document.addEventListener('keydown',function(e){
if(e.altKey||e.ctrlKey||e.metaKey||(e.key!=='j'&&e.key!=='k'))return;
var t=e.target;if(t&&(t.isContentEditable||t.tagName==='TEXTAREA'||(t.tagName==='INPUT'&&t.type!=='checkbox')))return;
var shownGroups=groups.filter(function(g){return !g.classList.contains('off');});
if(!shownGroups.length)return;
var a=document.activeElement,i=shownGroups.indexOf(a&&a.closest?a.closest('.group'):null);
i=i<0?0:(e.key==='j'?Math.min(i+1,shownGroups.length-1):Math.max(i-1,0));
shownGroups[i].focus();e.preventDefault();
});
apply();
})();
)";

// The page's head: counts, articles, names unified.
void AppendHeader(const Report& report, const ReportIndex& index, std::string* out) {
  const auto& c = report.counts();
  absl::StrAppend(
      out, "<header>\n<h1>crosscheck report</h1>\n<p class=\"run\">",
      Plural(c.articles(), "article", "articles"), ", ",
      Plural(c.figures() + c.dates() + c.quotes(), "claim", "claims"), " (",
      Plural(c.figures(), "figure", "figures"), ", ",
      Plural(c.dates(), "date", "dates"), ", ",
      Plural(c.quotes(), "quote", "quotes"), ")</p>\n<ul class=\"tally\">\n",
      "<li><span class=\"badge n-discrepancy\">",
      Plural(c.discrepancy(), "discrepancy", "discrepancies"),
      "</span></li>\n<li><span class=\"badge n-compatible\">", c.compatible(),
      " compatible</span></li>\n<li><span class=\"badge n-agree\">", c.agree(),
      " agree</span></li>\n<li><span class=\"badge\">", c.single_source(),
      " single-source</span></li>\n</ul>\n");
  if (report.articles_size() > 0) {
    absl::StrAppend(out,
                    "<table class=\"articles\">\n<thead><tr><th>Article</th>"
                    "<th>Outlet</th><th>Published</th><th>Title</th>"
                    "<th>Claims</th></tr></thead>\n<tbody>\n");
    for (const Article& a : report.articles()) {
      absl::StrAppend(out, "<tr><td><code>", Escape(a.id()), "</code></td><td>",
                      Escape(a.outlet()), "</td><td>", Escape(a.published()),
                      "</td><td>", Escape(a.title()), "</td><td>",
                      index.ClaimsOf(a.id()), "</td></tr>\n");
    }
    absl::StrAppend(out, "</tbody>\n</table>\n");
  }
  if (report.name_groups_size() > 0) {
    absl::StrAppend(out,
                    "<section class=\"names\" aria-labelledby=\"names-h\">\n"
                    "<h2 id=\"names-h\">Names unified</h2>\n<ul>\n");
    for (const auto& g : report.name_groups()) {
      std::string others;
      for (const auto& v : g.variants()) {
        if (v.written() == g.name()) continue;
        std::string where;
        for (const std::string& id : v.article_ids()) {
          absl::StrAppend(&where, where.empty() ? "" : ", ",
                          Escape(index.Outlet(id)));
        }
        absl::StrAppend(&others, others.empty() ? "" : "; ", "<em>",
                        Escape(v.written()), "</em> in ", where);
      }
      absl::StrAppend(out, "<li><strong>", Escape(g.name()), "</strong>",
                      others.empty() ? "" : " (also ", others,
                      others.empty() ? "" : ")", "</li>\n");
    }
    absl::StrAppend(out, "</ul>\n</section>\n");
  }
  absl::StrAppend(out, "</header>\n");
}

// The filter bar: one checkbox per verdict and per kind, with counts.
void AppendFilters(const Report& report, bool single_source,
                   std::string* out) {
  absl::flat_hash_map<std::string, int> verdicts, kinds;
  for (const Alignment& a : report.alignments()) {
    if (!single_source && a.verdict() == Alignment::VERDICT_SINGLE_SOURCE) {
      continue;
    }
    ++verdicts[VerdictKey(SectionOf(a))];
    ++kinds[KindName(a.kind())];
  }
  absl::StrAppend(out,
                  "<nav class=\"filters\" aria-label=\"Filters\">\n"
                  "<fieldset><legend>Verdict</legend>\n");
  for (Alignment::Verdict v : kSections) {
    const std::string key = VerdictKey(v);
    if (v == Alignment::VERDICT_UNSPECIFIED && verdicts[key] == 0) continue;
    if (v == Alignment::VERDICT_SINGLE_SOURCE && !single_source) continue;
    absl::StrAppend(out, "<label><input type=\"checkbox\" data-filter=\"verdict\" value=\"",
                    key, "\" checked>", SectionTitle(v), " (", verdicts[key],
                    ")</label>\n");
  }
  absl::StrAppend(out, "</fieldset>\n<fieldset><legend>Kind</legend>\n");
  for (Claim::Kind k : {Claim::KIND_FIGURE, Claim::KIND_DATE,
                        Claim::KIND_QUOTE, Claim::KIND_UNSPECIFIED}) {
    const std::string key = KindName(k);
    if (k == Claim::KIND_UNSPECIFIED && kinds[key] == 0) continue;
    absl::StrAppend(out, "<label><input type=\"checkbox\" data-filter=\"kind\" value=\"",
                    key, "\" checked>", key, "s (", kinds[key], ")</label>\n");
  }
  absl::StrAppend(out,
                  "</fieldset>\n<button type=\"button\" id=\"show-all\">Show "
                  "all</button>\n<span class=\"hint dim\"><kbd>j</kbd> / "
                  "<kbd>k</kbd>: next / previous group</span>\n<span "
                  "id=\"shown\" class=\"dim\" aria-live=\"polite\"></span>\n"
                  "</nav>\n");
}

// One alignment: verdict, subject, summary, confidence and each outlet's
// version side by side.
void AppendGroup(const Alignment& a, const ReportIndex& index, std::string* out) {
  const std::string verdict = VerdictKey(SectionOf(a));
  absl::StrAppend(out, "<section class=\"group\" data-verdict=\"", verdict,
                  "\" data-kind=\"", KindName(a.kind()), "\" id=\"group-",
                  Escape(a.id()), "\" tabindex=\"0\">\n<h3><span class=\"badge\">",
                  VerdictLabel(SectionOf(a)), "</span>", Escape(a.subject()),
                  "</h3>\n<p class=\"meta\">", Escape(a.id()), " · ",
                  KindName(a.kind()), " · confidence ",
                  absl::StrFormat("%.2f", a.confidence()), "</p>\n");
  if (!a.summary().empty()) {
    absl::StrAppend(out, "<p class=\"summary\">", Escape(a.summary()),
                    "</p>\n");
  }
  absl::StrAppend(out, "<div class=\"versions\">\n");
  for (const std::string& id : a.claim_ids()) {
    const Claim* c = index.FindClaim(id);
    if (c == nullptr) continue;
    absl::StrAppend(out, "<article class=\"version\">\n<h4>",
                    Escape(index.Outlet(c->article_id())),
                    "</h4>\n<p class=\"where\">", Escape(c->article_id()), ":",
                    c->line(), ":", c->column(), "</p>\n<p class=\"sentence\">",
                    MarkedSentence(*c, index.FindArticle(c->article_id())),
                    "</p>\n");
    if (c->kind() == Claim::KIND_QUOTE && !c->quote().speaker().empty()) {
      absl::StrAppend(out, "<p class=\"speaker dim\">— ",
                      Escape(c->quote().speaker()), "</p>\n");
    }
    if (const QuoteDiff* diff = index.FindQuoteDiff(c->id())) {
      absl::StrAppend(out, "<p class=\"diff\"><span class=\"dim\">Words vs. ",
                      Escape(index.BaseVersion(*diff)), ":</span> ",
                      QuoteDiffHtml(*diff), "</p>\n");
    }
    absl::StrAppend(out, "</article>\n");
  }
  absl::StrAppend(out, "</div>\n</section>\n");
}

}  // namespace

std::string RenderHtml(const Report& report, const RenderOptions& options) {
  const ReportIndex index(report);
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n<title>crosscheck report: ",
      Plural(report.counts().articles(), "article", "articles"), ", ",
      Plural(report.counts().discrepancy(), "discrepancy", "discrepancies"),
      "</title>\n<style>\n", kStyle, "</style>\n</head>\n<body>\n");
  AppendHeader(report, index, &out);
  AppendFilters(report, options.single_source, &out);
  absl::StrAppend(&out, "<main>\n");
  for (Alignment::Verdict v : kSections) {
    if (v == Alignment::VERDICT_SINGLE_SOURCE && !options.single_source) {
      continue;
    }
    bool open = false;
    for (const Alignment& a : report.alignments()) {
      if (SectionOf(a) != v) continue;
      if (!open) {
        absl::StrAppend(&out, "<section class=\"verdict\" data-section=\"",
                        VerdictKey(v), "\" aria-labelledby=\"section-",
                        VerdictKey(v), "\">\n<h2 id=\"section-", VerdictKey(v),
                        "\">", SectionTitle(v), "</h2>\n");
        open = true;
      }
      AppendGroup(a, index, &out);
    }
    if (open) absl::StrAppend(&out, "</section>\n");
  }
  std::string notes;
  for (const Note& n : report.notes()) {
    if (n.severity() != Note::SEVERITY_WARNING &&
        n.severity() != Note::SEVERITY_ERROR) {
      continue;
    }
    absl::StrAppend(
        &notes, "<li>",
        n.severity() == Note::SEVERITY_ERROR ? "error" : "warning", ": ",
        n.article_id().empty() ? "" : absl::StrCat("<code>", Escape(n.article_id()), "</code>: "),
        Escape(n.message()), "</li>\n");
  }
  if (!notes.empty()) {
    absl::StrAppend(&out,
                    "<section class=\"notes\" aria-labelledby=\"notes-h\">\n"
                    "<h2 id=\"notes-h\">Notes</h2>\n<ul>\n",
                    notes, "</ul>\n</section>\n");
  }
  absl::StrAppend(&out, "</main>\n<footer class=\"dim\"><p>crosscheck ",
                  Escape(report.run().tool_version()), " ",
                  Escape(report.run().command()), "</p></footer>\n<script>\n",
                  kScript, "</script>\n</body>\n</html>\n");
  return out;
}

}  // namespace crosscheck::report
