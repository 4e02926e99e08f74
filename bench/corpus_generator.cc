#include "bench/corpus_generator.h"

#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "bench/random.h"

namespace crosscheck::bench {
namespace {


constexpr std::array<const char*, 12> kFirstNames = {
    "Ada", "Henrik", "Ilse", "Tomas", "Sofie", "Mirela",
    "Per", "Anders", "Lena", "Maren", "Jonas", "Petra"};
constexpr std::array<const char*, 12> kLastNames = {
    "Okafor", "Solberg", "Marten", "Berg", "Dahl", "Vos",
    "Aalund", "Kvist", "Varga", "Holt", "Lindqvist", "Novak"};
constexpr std::array<const char*, 8> kTitles = {
    "President", "Prime Minister", "Finance Minister", "Mr.",
    "Ms.", "Dr.", "Foreign Minister", "Governor"};
constexpr std::array<const char*, 8> kPlaces = {
    "Lundby", "Carvenna", "Helvik", "Riga", "Oslo", "Tallinn", "Geneva",
    "Brussels"};
constexpr std::array<const char*, 6> kCountries = {
    "Valdoria", "Estmark", "Norway", "Latvia", "Finland", "Poland"};
constexpr std::array<const char*, 5> kOutlets = {
    "The Daily Ledger", "Harbor Times", "Northern Courier", "Meridian Wire",
    "Capital Review"};
constexpr std::array<const char*, 10> kNouns = {
    "agreements", "delegates", "projects",  "ministers", "companies",
    "vessels",    "turbines",  "contracts", "officials", "students"};
constexpr std::array<const char*, 6> kEvents = {
    "summit", "visit", "round of talks", "forum", "meeting", "conference"};
constexpr std::array<const char*, 12> kNumberWords = {
    "two",    "three", "four",       "five",  "six",    "seven",
    "twelve", "a dozen", "twenty-nine", "forty", "several", "dozens of"};
constexpr std::array<const char*, 8> kOrdinals = {
    "first", "sixth", "thirty-first", "30th", "54th", "2nd", "tenth", "70th"};
constexpr std::array<const char*, 7> kQualifiers = {
    "", "more than ", "nearly ", "about ", "at least ", "up to ", "fewer than "};
constexpr std::array<const char*, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "Sept.",     "October", "November", "December"};
constexpr std::array<const char*, 7> kWeekdays = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday"};
constexpr std::array<const char*, 9> kRelative = {
    "last month", "last year", "yesterday", "last week", "earlier this month",
    "two years ago", "next week", "last October", "this week"};
constexpr std::array<const char*, 6> kQuotes = {
    "We came to build something that will outlast every one of us",
    "Trade is the bridge, but trust is the road across it",
    "Ports and railways are built in years, but confidence is built in "
    "decades",
    "Our economy is ready to absorb this investment without overheating",
    "Nobody should pretend that the hard part is behind us",
    "This is a new chapter of cooperation between our two peoples"};
// Sentences without figures or dates, as most of a news article is.
constexpr std::array<const char*, 14> kProse = {
    "The talks focused on energy security and the future of the regional "
    "rail network.",
    "Officials on both sides described the atmosphere as warm but "
    "businesslike.",
    "Critics at home warned that the government was moving too quickly and "
    "without a clear mandate from parliament.",
    "The declaration stops short of any new military commitment, according "
    "to diplomats familiar with the negotiations.",
    "Outside the palace gates, a small crowd waved flags as the motorcade "
    "passed.",
    "Analysts said the agreement would test the patience of investors who "
    "have heard similar promises before.",
    "The opposition has accused the government of negotiating the package "
    "behind closed doors.",
    "Business leaders welcomed the announcement but asked for details on "
    "how the money would be spent.",
    "The visit comes at a delicate moment for both leaders, who face "
    "difficult elections at home.",
    "Security was tight throughout the day, and several streets in the old "
    "town were closed to traffic.",
    "Neither government has published the full text of the agreements.",
    "The two sides also discussed cooperation on research, customs and "
    "professional licensing.",
    "Environmental groups staged a quiet protest against new gas contracts "
    "near the harbour.",
    "It was not immediately clear when the first projects would begin."};

constexpr std::array<const char*, 5> kFurniture = {
    "4 min read", "Share this article", "WATCH: Highlights from the visit",
    "Sign up for our Morning Brief newsletter", "World > Europe"};

std::string Person(Random& r) {
  return absl::StrCat(r.Pick(kFirstNames), " ", r.Pick(kLastNames));
}

// An amount of money in one of the ways news writes it.
std::string Money(Random& r) {
  const int a = 1 + r.Below(99);
  const int b = r.Below(10);
  switch (r.Below(6)) {
    case 0:
      return absl::StrFormat("$%d.%d billion", a, b);
    case 1:
      return absl::StrFormat("€%d million", a);
    case 2:
      return absl::StrFormat("£%d.%dm", a, b);
    case 3:
      return absl::StrFormat("USD %d million", a);
    case 4:
      return absl::StrFormat("%d billion dollars", a);
    default:
      return absl::StrFormat("$%d,%03d", a, r.Below(1000));
  }
}

std::string ClaimSentence(Random& r, int year);

// A sentence of the corpus: about three in five are prose without figures
// or dates, as in news copy; the rest carry claims.
std::string Sentence(Random& r, int year) {
  if (r.Below(5) < 3) {
    std::string prose = r.Pick(kProse);
    if (r.Below(3) == 0) {
      prose = absl::StrCat(r.Pick(kTitles), " ", Person(r),
                           " said the meeting in ", r.Pick(kPlaces),
                           " had been constructive. ", prose);
    }
    return prose;
  }
  return ClaimSentence(r, year);
}

std::string ClaimSentence(Random& r, int year) {
  const std::string who = Person(r);
  switch (r.Below(12)) {
    case 0:
      return absl::StrCat(r.Pick(kTitles), " ", who, " arrived in ",
                          r.Pick(kPlaces), " on ", r.Pick(kWeekdays),
                          " for a ", r.Pick(kNumberWords), "-day visit.");
    case 1:
      return absl::StrCat("The two governments signed ", r.Pick(kQualifiers),
                          2 + r.Below(40), " ", r.Pick(kNouns), " ",
                          r.Pick(kRelative), ", officials said.");
    case 2:
      return absl::StrCat("Annual trade between ", r.Pick(kCountries), " and ",
                          r.Pick(kCountries), " stands at ", Money(r),
                          ", up ", 1 + r.Below(30), ".", r.Below(10),
                          "% from a year earlier.");
    case 3:
      return absl::StrCat("It was the ", r.Pick(kOrdinals), " ",
                          r.Pick(kEvents), " between the two countries since ",
                          1990 + r.Below(34), ".");
    case 4:
      return absl::StrCat("“", r.Pick(kQuotes), ",” ", who, " said.");
    case 5:
      return absl::StrCat("“", r.Pick(kQuotes), ",” said ", r.Pick(kTitles),
                          " ", who, ", who took office in ",
                          2000 + r.Below(24), ".");
    case 6:
      return absl::StrCat(who, " told reporters on ", r.Pick(kMonths), " ",
                          1 + r.Below(28), ", ", year,
                          ", that the package was worth ", Money(r), ".");
    case 7:
      return absl::StrCat("Between ", 5 + r.Below(10), " and ",
                          20 + r.Below(30), " ", r.Pick(kNouns),
                          " attended, according to ", who, ".");
    case 8:
      return absl::StrCat("Unemployment fell by ", 1 + r.Below(4),
                          " percentage points to ", 3 + r.Below(9), " per cent ",
                          r.Pick(kRelative), ".");
    case 9:
      return absl::StrCat("The leaders have met ", r.Pick(kNumberWords),
                          " times since the ", 1970 + 10 * r.Below(5),
                          "s, and ", r.Pick(kFirstNames),
                          " called the talks “a bridge of trust.”");
    case 10:
      return absl::StrCat("More than ", 1 + r.Below(9), ",", r.Below(10),
                          "00 people gathered in ", r.Pick(kPlaces),
                          " from June ", 1 + r.Below(5), " to ",
                          6 + r.Below(20), ", police said.");
    default:
      return absl::StrCat("The U.S. and the U.N. welcomed the ",
                          r.Pick(kNumberWords), "-point plan, which ",
                          r.Pick(kTitles), " ", who, " presented in ",
                          r.Pick(kMonths), " ", year - r.Below(3), ".");
  }
}

}  // namespace

std::vector<crosscheck::v1::Article> GenerateCorpus(
    const CorpusOptions& options) {
  Random r(options.seed);
  std::vector<crosscheck::v1::Article> articles;
  size_t bytes = 0;
  while (bytes < options.target_bytes) {
    crosscheck::v1::Article a;
    const int n = static_cast<int>(articles.size()) + 1;
    const int year = 2024;
    a.set_id(absl::StrCat("gen-", n));
    a.set_outlet(r.Pick(kOutlets));
    a.set_published(absl::StrFormat("%04d-%02d-%02d", year, 1 + r.Below(12),
                                    1 + r.Below(28)));
    a.set_title(absl::StrCat(r.Pick(kLastNames), " and ", r.Pick(kLastNames),
                             " Meet in ", r.Pick(kPlaces)));
    std::vector<std::string> paragraphs;
    paragraphs.push_back(absl::StrCat(
        absl::AsciiStrToUpper(r.Pick(kPlaces)), " — ", Sentence(r, year), " ",
        Sentence(r, year)));
    for (int p = 1; p < options.paragraphs; ++p) {
      if (r.Below(6) == 0) paragraphs.push_back(r.Pick(kFurniture));
      std::string paragraph = Sentence(r, year);
      for (int s = r.Below(3); s > 0; --s) {
        absl::StrAppend(&paragraph, " ", Sentence(r, year));
      }
      paragraphs.push_back(std::move(paragraph));
    }
    a.set_text(absl::StrJoin(paragraphs, "\n\n"));
    bytes += a.text().size();
    articles.push_back(std::move(a));
  }
  return articles;
}

std::string ToPlainText(const crosscheck::v1::Article& article) {
  return absl::StrCat(article.title(), "\nBy Staff | ", article.outlet(),
                      "\ndate ", article.published(), "\n\n", article.text(),
                      "\n");
}

}  // namespace crosscheck::bench
