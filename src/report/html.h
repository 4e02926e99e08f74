// The report as one self-contained HTML page, for a browser or a printer.
//
//   std::string page = RenderHtml(report, RenderOptions{});
//
// The page holds its own style sheet and a small script (filters by verdict
// and kind, j/k to move between groups) and refers to nothing outside
// itself: it opens offline and can be mailed as one file.

#ifndef SRC_REPORT_HTML_H_
#define SRC_REPORT_HTML_H_

#include <string>

#include "proto/crosscheck/v1/report.pb.h"
#include "src/report/report.h"

namespace crosscheck::report {

// An HTML5 page of `report`: a header with the run's counts, the articles
// and the names unified, then one element per alignment, in the report's
// order (discrepancies, compatible, agreements, then single-source claims
// unless `options.single_source` is false). Each group is a
// `<section class="group" data-verdict="..." data-kind="..." tabindex="0">`
// showing its verdict, summary and confidence and every outlet's version
// side by side: the sentence with the claim in `<mark>`, its location
// (article:line:column) and, for a quote that differs from its group's
// longest version, the word diff of `Alignment.quote_diffs` in
// `<del>`/`<ins>`. Every text from the report is escaped; the
// output is valid UTF-8 (invalid bytes become U+FFFD) and depends only on
// the report: the same report gives the same bytes. `options.color` is
// ignored.
std::string RenderHtml(const crosscheck::v1::Report& report,
                       const RenderOptions& options);

}  // namespace crosscheck::report

#endif  // SRC_REPORT_HTML_H_
