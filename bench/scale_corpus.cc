#include "bench/scale_corpus.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "bench/random.h"

namespace crosscheck::bench {
namespace {


constexpr std::array<const char*, 24> kGivenNames = {
    "Ada",   "Henrik", "Ilse",   "Tomas", "Sofie",  "Mirela", "Per",  "Anders",
    "Lena",  "Maren",  "Jonas",  "Petra", "Amara",  "Kofi",   "Ines", "Mateo",
    "Yusuf", "Elena",  "Rafael", "Nadia", "Viktor", "Hana",   "Omar", "Clara"};
constexpr std::array<const char*, 64> kSurnames = {
    "Okafor",   "Solberg",   "Marten",   "Berg",     "Dahl",      "Vos",
    "Aalund",   "Kvist",     "Varga",    "Holt",     "Lindqvist", "Novak",
    "Ferreira", "Kowalczyk", "Mensah",   "Tanaka",   "Haddad",    "Castellano",
    "Oyelaran", "Brennan",   "Petrov",   "Nakamura", "Ibarra",    "Sandoval",
    "Eriksen",  "Moreau",    "Dimitrov", "Kaplan",   "Osei",      "Rinaldi",
    "Almeida",  "Virtanen",  "Horvath",  "Jansen",   "Lucero",    "Achterberg",
    "Quispe",   "Halloran",  "Szabo",    "Mwangi",   "Oduya",     "Pellegrini",
    "Karlsen",  "Delacroix", "Abara",    "Tremblay", "Vukovic",   "Ndiaye",
    "Galloway", "Ferrante",  "Lundgren", "Okonkwo",  "Rasmussen", "Bianchi",
    "Sorensen", "Aguilar",   "Fontaine", "Hakimi",   "Lindholm",  "Marchetti",
    "Olawale",  "Strand",    "Tavares",  "Wendt"};
constexpr std::array<const char*, 20> kCountries = {
    "Valdoria", "Estmark",  "Brenland", "Corvania", "Dalmora",
    "Eskaria",  "Fennmark", "Galdoria", "Halvenia", "Iskeria",
    "Jorvik",   "Kastria",  "Lorimar",  "Morvania", "Nordhavn",
    "Ostara",   "Pellaria", "Quenland", "Rusvik",   "Sardovia"};
constexpr std::array<const char*, 20> kCities = {
    "Lundby",   "Carvenna",   "Helvik",  "Marrowby", "Ostwick",
    "Pelham",   "Quenby",     "Rastani", "Selbury",  "Tarnholm",
    "Ulvik",    "Varnesse",   "Wexmoor", "Yarrowby", "Zelbrook",
    "Ambleton", "Brackwater", "Corrin",  "Dunmore",  "Eastwold"};
constexpr std::array<const char*, 4> kOrganisations = {
    "Northern Council", "Coastal States Forum", "Alliance of Free Ports",
    "Union of River States"};
constexpr std::array<const char*, 4> kParties = {
    "Civic Alliance", "People's Renewal", "Green Union", "Liberal Front"};

constexpr std::array<const char*, 24> kOutletStems = {
    "Daily",   "Harbor",   "Northern", "Meridian", "Capital",  "Evening",
    "Coastal", "Valley",   "Metro",    "Frontier", "Island",   "Western",
    "Eastern", "Southern", "Central",  "Lakeside", "Highland", "Riverside",
    "Union",   "Civic",    "Morning",  "Weekly",   "National", "Provincial"};
constexpr std::array<const char*, 20> kOutletKinds = {
    "Ledger",   "Times",     "Courier",  "Wire",     "Review",
    "Post",     "Herald",    "Gazette",  "Tribune",  "Observer",
    "Journal",  "Chronicle", "Monitor",  "Dispatch", "Record",
    "Standard", "Express",   "Sentinel", "Examiner", "Bulletin"};
constexpr std::array<const char*, 12> kOutletTowns = {
    "Ashford", "Bramley", "Colby",  "Denholm", "Elgin",  "Falkirk",
    "Garston", "Hexham",  "Ilford", "Jarrow",  "Kendal", "Ludlow"};

constexpr std::array<const char*, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// Quotations; an event quotes two of them, no two events the same one.
constexpr std::array<const char*, 40> kQuotes = {
    "We came to build something that will outlast every one of us",
    "Trade is the bridge, but trust is the road across it",
    "Ports and railways are built in years, but confidence is built in decades",
    "Our economy is ready to absorb this investment without overheating",
    "Nobody should pretend that the hard part is behind us",
    "This is a new chapter of cooperation between our two peoples",
    "We have disagreed before, and we will disagree again, but we have never "
    "stopped talking",
    "The declaration should be judged by what it delivers, not by what it "
    "announces",
    "Every family that lost a home will be given a roof before the winter",
    "The rescue teams are working through the night in every village",
    "We will not rest until the last person is accounted for",
    "The voters have asked for change and they will get it",
    "I accept the result and I congratulate my opponent on her victory",
    "The count was clean, transparent and open to every observer",
    "Our members did not choose this strike, it was forced upon them",
    "The trains will run again when the government makes a serious offer",
    "No worker should have to choose between rent and food",
    "The council has shown that small states can speak with one voice",
    "Climate money is not charity, it is an investment in our own future",
    "We leave this city with more agreements than we arrived with",
    "The water rose faster than anyone in the valley had ever seen",
    "Schools and hospitals will be the first buildings we repair",
    "Our engineers inspected every bridge before the roads were reopened",
    "This government was elected to fix the housing market and it will",
    "The opposition will hold the new majority to every one of its promises",
    "A turnout like this is a gift to our democracy",
    "The airlines have lost millions and the passengers have lost patience",
    "We are ready to sit down at the table tomorrow morning",
    "The pay offer on the table is an insult to every nurse in the country",
    "Free ports mean cheaper goods for every household in the region",
    "The ground shook for almost a minute and then everything went dark",
    "Neighbours dug with their bare hands until the soldiers arrived",
    "Our friendship has survived wars, floods and two centuries of borders",
    "The agreement on wind power alone will create thousands of jobs",
    "The summit gave us a timetable, now it has to give us results",
    "Nobody in this room believes the work ends with a signature",
    "We counted every ballot twice in the districts where the margin was thin",
    "The mandate is clear and we intend to use it from the first day",
    "Management has refused to meet us for eleven weeks",
    "Our priority is to restore power and clean water to every district"};

// Sentences without claims, as most of a news article is.
constexpr std::array<const char*, 14> kProse = {
    "Officials on both sides described the atmosphere as warm but "
    "businesslike.",
    "Critics at home warned that the government was moving too quickly and "
    "without a clear mandate from parliament.",
    "Analysts said the outcome would test the patience of investors who "
    "have heard similar promises before.",
    "The opposition has accused the government of negotiating behind closed "
    "doors.",
    "Business leaders welcomed the announcement but asked for details on how "
    "the money would be spent.",
    "Security was tight throughout the day, and several streets in the old "
    "town were closed to traffic.",
    "Local radio stations broadcast the proceedings live for most of the "
    "afternoon.",
    "It was not immediately clear when the first projects would begin.",
    "Diplomats said privately that the hardest questions had been left for "
    "later.",
    "The mood in the capital was calm, and shops stayed open late.",
    "Independent observers said they had been given full access.",
    "Residents interviewed in the main square were divided.",
    "A final statement is expected later in the week.",
    "Neither side has published the full text of its proposals."};

// How a fact of an event is stated.
enum class Kind {
  kCount,      // a whole number of things: "{V}" is "1,240"
  kTenths,     // a decimal with one digit: "{V}" is "48.5"
  kOrdinal,    // "{V}" is "31st"
  kEventDate,  // "{V}" is "June 4, 2024"
  kYear,       // "{V}" is "2019"
  kQuote,      // "{Q}" the words, "{QS}" the speaker's surname, "{QF}" title
               // and full name; `lo` is which of the event's quotes, `hi`
               // which of its people says it
};

// One fact of an event type: its value range and its wordings. Wordings may
// use {P0}..{P2} (title and full name of the event's people), {S0}..{S2}
// (their surnames), {C0}, {C1} (countries), {CITY}, {ORG}.
struct FactTemplate {
  Kind kind;
  int lo, hi;
  std::array<const char*, 3> wordings;
};

// One type of event: titles of its three people, a headline, its facts and
// sentences of its own without claims.
struct EventType {
  std::array<const char*, 3> titles;
  const char* headline;
  std::array<FactTemplate, 8> facts;
  std::array<const char*, 3> prose;
};

const std::array<EventType, 5>& EventTypes() {
  static const auto* const kTypes = new std::array<EventType, 5>{{
      // A state visit.
      {{"President", "Prime Minister", "Foreign Minister"},
       "{S0} and {S1} Pledge Deeper Ties in {CITY}",
       {{{Kind::kEventDate,
          0,
          0,
          {"{P0} of {C0} arrived in {CITY} on {V} for a state visit.",
           "{S0} began a state visit to {C1} on {V}, landing in {CITY} at "
           "noon.",
           "The state visit of {P0} to {CITY} began on {V}."}},
         {Kind::kCount,
          6,
          18,
          {"The two governments signed {V} agreements on rail freight, "
           "offshore wind and customs.",
           "{S0} and {S1} signed {V} agreements covering energy, transport "
           "and research.",
           "In all, {V} agreements were signed during the visit."}},
         {Kind::kTenths,
          120,
          800,
          {"Annual trade between {C0} and {C1} stands at ${V} billion.",
           "Trade between {C0} and {C1} reached ${V} billion last year, "
           "officials said.",
           "Annual trade between the two countries stands at ${V} billion."}},
         {Kind::kOrdinal,
          12,
          40,
          {"It was the {V} summit between the leaders of {C0} and {C1}.",
           "The talks in {CITY} were the {V} summit between the two "
           "countries' leaders, according to the foreign ministry.",
           "It was the {V} summit between the two leaders' countries."}},
         {Kind::kCount,
          40,
          180,
          {"A delegation of {V} business leaders travelled with {S0}.",
           "{S0} was accompanied by {V} business leaders.",
           "Some {V} business leaders joined the delegation."}},
         {Kind::kYear,
          2012,
          2022,
          {"{S1}, who took office in {V}, called the visit historic.",
           "{P1} took office in {V} and has met {S0} often since.",
           "{S1} took office in {V}."}},
         {Kind::kQuote,
          0,
          0,
          {"“{Q},” {QS} said.", "{QS} told reporters: “{Q}.”",
           "“{Q},” said {QF}."}},
         {Kind::kQuote,
          1,
          1,
          {"“{Q},” {QS} said at a joint press conference.", "{QF} said: “{Q}.”",
           "“{Q},” said {QF}."}}}},
       {"The talks focused on energy security and the future of the regional "
        "rail network.",
        "Outside the palace gates, a small crowd waved flags as the motorcade "
        "passed.",
        "The declaration stops short of any new military commitment."}},
      // A summit of an organisation.
      {{"Chancellor", "Secretary-General", "Spokeswoman"},
       "{ORG} Leaders Meet in {CITY}",
       {{{Kind::kEventDate,
          0,
          0,
          {"The {ORG} summit opened in {CITY} on {V}.",
           "Leaders arrived in {CITY} on {V} for the {ORG} summit.",
           "The summit of the {ORG} opened on {V}."}},
         {Kind::kCount,
          8,
          30,
          {"Leaders of {V} countries gathered in {CITY} for the meeting.",
           "Heads of government from {V} countries attended.",
           "The leaders of {V} countries took part in the talks."}},
         {Kind::kCount,
          300,
          2400,
          {"More than {V} delegates attended the summit, the organisers said.",
           "The organisers said {V} delegates had registered for the summit.",
           "Some {V} delegates attended the summit."}},
         {Kind::kTenths,
          20,
          400,
          {"Member states pledged ${V} billion for a new climate fund.",
           "The member states pledged ${V} billion for the climate fund.",
           "A climate fund of ${V} billion was pledged by member states."}},
         {Kind::kOrdinal,
          5,
          60,
          {"It was the {V} summit of the {ORG}.",
           "The meeting was the {V} summit of the {ORG} since its founding.",
           "This is the {V} summit the {ORG} has held."}},
         {Kind::kYear,
          1950,
          2005,
          {"The {ORG} was founded in {V}.",
           "The {ORG}, founded in {V}, has grown steadily.",
           "The {ORG} was founded in {V} by six states."}},
         {Kind::kQuote,
          0,
          0,
          {"“{Q},” {QS} said.", "{QS} told reporters: “{Q}.”",
           "“{Q},” said {QF}."}},
         {Kind::kQuote,
          1,
          1,
          {"“{Q},” {QS} said in a closing speech.", "{QF} said: “{Q}.”",
           "“{Q},” said {QF}."}}}},
       {"The agenda was dominated by shipping, energy prices and migration.",
        "Protesters gathered near the conference centre but were kept at a "
        "distance.",
        "Several leaders left before the final session."}},
      // An earthquake.
      {{"Interior Minister", "Governor", "Mayor"},
       "Earthquake Strikes Near {CITY}",
       {{{Kind::kEventDate,
          0,
          0,
          {"A powerful earthquake struck near {CITY} on {V}.",
           "The earthquake struck the region around {CITY} on {V}.",
           "The quake hit {CITY} on {V}, shortly after dawn."}},
         {Kind::kCount,
          40,
          900,
          {"The earthquake killed at least {V} people, officials said.",
           "At least {V} people were killed, according to the interior "
           "ministry.",
           "The death toll rose to {V} people on the second day."}},
         {Kind::kCount,
          200,
          5000,
          {"More than {V} buildings collapsed in {CITY} and nearby villages.",
           "Some {V} buildings collapsed, the governor's office said.",
           "In {CITY} alone, {V} buildings collapsed."}},
         {Kind::kCount,
          300,
          4000,
          {"The government deployed {V} rescue workers to the region.",
           "{V} rescue workers were sent to {CITY}.",
           "About {V} rescue workers joined the search."}},
         {Kind::kCount,
          20,
          400,
          {"Rescuers pulled {V} survivors from the rubble.",
           "{V} survivors were pulled from collapsed buildings.",
           "By nightfall rescuers had pulled {V} survivors from the rubble."}},
         {Kind::kYear,
          1950,
          2015,
          {"The last major earthquake struck the region in {V}.",
           "The region was last hit by a major earthquake in {V}.",
           "A major earthquake last struck the region in {V}."}},
         {Kind::kQuote,
          0,
          0,
          {"“{Q},” {QS} said.", "{QS} told reporters: “{Q}.”",
           "“{Q},” said {QF}."}},
         {Kind::kQuote,
          1,
          2,
          {"“{Q},” {QS} said on local radio.", "{QF} said: “{Q}.”",
           "“{Q},” said {QF}."}}}},
       {"Aftershocks continued through the night, and many residents slept "
        "outdoors.",
        "Roads into the mountain villages were blocked by landslides.",
        "Aid agencies appealed for tents, blankets and drinking water."}},
      // An election.
      {{"Ms.", "Prime Minister", "Commissioner"},
       "{ORG} Wins Election in {C0}",
       {{{Kind::kEventDate,
          0,
          0,
          {"Voters in {C0} went to the polls on {V}.",
           "The general election was held on {V}.",
           "{C0} voted in a general election on {V}."}},
         {Kind::kCount,
          60,
          140,
          {"The {ORG} won {V} seats in the new parliament.",
           "{S0}'s {ORG} won {V} seats, according to the official count.",
           "The {ORG} won {V} seats."}},
         {Kind::kTenths,
          450,
          820,
          {"Turnout was {V}%, the electoral commission said.",
           "Turnout reached {V}%, according to {S2}.", "Turnout was {V}%."}},
         {Kind::kCount,
          300,
          2900,
          {"The commission opened {V} polling stations across the country.",
           "Voters cast ballots at {V} polling stations.",
           "Some {V} polling stations were opened."}},
         {Kind::kCount,
          200,
          900,
          {"About {V} international observers monitored the vote.",
           "The vote was monitored by {V} international observers.",
           "{V} international observers monitored the election."}},
         {Kind::kYear,
          2010,
          2021,
          {"{S1}, who took office in {V}, conceded defeat.",
           "{P1} took office in {V} and conceded on election night.",
           "{S1} took office in {V}."}},
         {Kind::kQuote,
          0,
          0,
          {"“{Q},” {QS} told supporters.", "{QS} said: “{Q}.”",
           "“{Q},” said {QF}."}},
         {Kind::kQuote,
          1,
          1,
          {"“{Q},” {QS} said.", "{QF} said: “{Q}.”", "“{Q},” said {QF}."}}}},
       {"Supporters celebrated in the streets of the capital until late.",
        "The campaign was dominated by housing and the cost of living.",
        "Coalition talks are expected to begin next week."}},
      // A strike.
      {{"union leader", "Transport Minister", "chief executive"},
       "Strike Halts Trains Across {C0}",
       {{{Kind::kEventDate,
          0,
          0,
          {"The national transport strike began on {V}.",
           "Rail and airport workers in {C0} began a strike on {V}.",
           "The strike began on {V} with picket lines at every station."}},
         {Kind::kCount,
          8000,
          90000,
          {"About {V} workers walked off the job, the union said.",
           "Some {V} workers walked off the job.",
           "The union said {V} workers had walked off the job."}},
         {Kind::kCount,
          200,
          1600,
          {"Airlines cancelled {V} flights on the first day.",
           "{V} flights were cancelled at airports across {C0}.",
           "The strike forced airlines to cancel {V} flights."}},
         {Kind::kTenths,
          40,
          150,
          {"The union is demanding a pay rise of {V}%.",
           "Workers want a pay rise of {V}%, according to {S0}.",
           "The union wants a pay rise of {V}%."}},
         {Kind::kCount,
          12,
          120,
          {"Police arrested {V} protesters outside the ministry.",
           "{V} protesters were arrested in {CITY}.",
           "Police said they had arrested {V} protesters."}},
         {Kind::kYear,
          1985,
          2018,
          {"The last national strike took place in {V}.",
           "It is the first national strike since {V}.",
           "The last national strike took place in {V}, when the trains "
           "stopped for a week."}},
         {Kind::kQuote,
          0,
          0,
          {"“{Q},” {QS} said.", "{QS} told reporters: “{Q}.”",
           "“{Q},” said {QF}."}},
         {Kind::kQuote,
          1,
          1,
          {"“{Q},” {QS} said.", "{QF} said: “{Q}.”", "“{Q},” said {QF}."}}}},
       {"Commuters queued for hours for the few buses still running.",
        "Talks between the union and the ministry broke down on Friday.",
        "Freight traffic was also disrupted at the main ports."}},
  }};
  return *kTypes;
}

// A person of an event.
struct Person {
  std::string title, given, surname;
  std::string Full() const {
    return absl::StrCat(title, " ", given, " ", surname);
  }
};

// One event: its type, people, places, date and the true value of each fact.
struct Event {
  int type = 0;
  std::array<Person, 3> people;
  std::string c0, c1, city, org;
  int month = 1, day = 1;  // in 2024
  std::array<int, 8> values{};
  std::array<int, 2> quotes{};  // indices into kQuotes
};

std::string WithCommas(int v) {
  std::string digits = absl::StrCat(v);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string Ordinal(int v) {
  const char* suffix = "th";
  if (v % 100 < 11 || v % 100 > 13) {
    if (v % 10 == 1) suffix = "st";
    if (v % 10 == 2) suffix = "nd";
    if (v % 10 == 3) suffix = "rd";
  }
  return absl::StrCat(v, suffix);
}

// Another value of a fact than `v`: the kind of slip outlets make.
int Disagree(Kind kind, int v, Random& r) {
  switch (kind) {
    case Kind::kCount: {
      const int step = 1 + r.Below(std::max(1, v / 5));
      return v > step && r.OneIn(2) ? v - step : v + step;
    }
    case Kind::kTenths:
      return v > 20 && r.OneIn(2) ? v - 5 - r.Below(15) : v + 5 + r.Below(15);
    default:  // ordinals, days and years
      return r.OneIn(2) ? v - 1 : v + 1;
  }
}

std::string OutletName(size_t n) {
  const size_t stems = kOutletStems.size(), kinds = kOutletKinds.size();
  // Stem and kind walk through all stems * kinds pairs (24 + 7 is prime to
  // the 20 kinds).
  const std::string name =
      absl::StrCat(kOutletStems[n % stems], " ",
                   kOutletKinds[(n + 7 * (n / stems)) % kinds]);
  const size_t town = n / (stems * kinds);
  if (town == 0) return absl::StrCat("The ", name);
  return absl::StrCat(
      name, " of ", kOutletTowns[(town - 1) % kOutletTowns.size()],
      town > kOutletTowns.size()
          ? absl::StrCat(" ", (town - 1) / kOutletTowns.size() + 1)
          : "");
}

}  // namespace

struct ScaleCorpus::Events {
  std::vector<Event> events;
};

ScaleCorpus::ScaleCorpus(const ScaleCorpusOptions& options)
    : options_(options) {
  options_.events = std::max(1, options_.events);
  auto events = std::make_unique<Events>();
  Random r(options_.seed);
  const auto& types = EventTypes();
  for (int e = 0; e < options_.events; ++e) {
    Event event;
    event.type = e % static_cast<int>(types.size());
    const EventType& type = types[event.type];
    for (int p = 0; p < 3; ++p) {
      // Surnames are not shared between the events of the first 21.
      event.people[p] = {type.titles[p], r.Pick(kGivenNames),
                         kSurnames[(3 * e + p) % kSurnames.size()]};
    }
    event.c0 = kCountries[e % kCountries.size()];
    event.c1 = kCountries[(e + 7) % kCountries.size()];
    event.city = kCities[e % kCities.size()];
    event.org = event.type == 3
                    ? kParties[(e / 5) % kParties.size()]
                    : kOrganisations[(e / 5) % kOrganisations.size()];
    event.month = 1 + r.Below(12);
    event.day = 2 + r.Below(24);
    for (size_t f = 0; f < type.facts.size(); ++f) {
      const FactTemplate& fact = type.facts[f];
      event.values[f] = fact.lo + r.Below(fact.hi - fact.lo + 1);
    }
    event.quotes = {static_cast<int>((2 * e) % kQuotes.size()),
                    static_cast<int>((2 * e + 1) % kQuotes.size())};
    events->events.push_back(std::move(event));
  }
  events_ = std::move(events);
}

ScaleCorpus::~ScaleCorpus() = default;

crosscheck::v1::Article ScaleCorpus::Article(size_t index) const {
  const size_t n_events = events_->events.size();
  const Event& event = events_->events[index % n_events];
  const EventType& type = EventTypes()[event.type];
  Random r(options_.seed * 0x100000001B3ULL + index + 1);
  r.Next();

  std::vector<std::pair<std::string, std::string>> names = {
      {"{C0}", event.c0},
      {"{C1}", event.c1},
      {"{CITY}", event.city},
      {"{ORG}", event.org}};
  for (int p = 0; p < 3; ++p) {
    names.push_back({absl::StrCat("{P", p, "}"), event.people[p].Full()});
    names.push_back({absl::StrCat("{S", p, "}"), event.people[p].surname});
  }
  auto fill = [&](const std::string& text) {
    return absl::StrReplaceAll(text, names);
  };

  // The facts this article states, lead (the event's date) first.
  std::vector<std::string> stated;
  for (size_t f = 0; f < type.facts.size(); ++f) {
    const FactTemplate& fact = type.facts[f];
    if (f > 0 && r.OneIn(5)) continue;
    const bool differs = r.OneIn(10);
    std::string sentence = type.facts[f].wordings[r.Below(3)];
    std::string value;
    int v = event.values[f];
    if (differs && fact.kind != Kind::kQuote) v = Disagree(fact.kind, v, r);
    switch (fact.kind) {
      case Kind::kCount:
        value = WithCommas(v);
        break;
      case Kind::kTenths:
        value = absl::StrCat(v / 10, ".", v % 10);
        break;
      case Kind::kOrdinal:
        value = Ordinal(v);
        break;
      case Kind::kEventDate:
        value = absl::StrCat(
            kMonths[event.month - 1], " ",
            differs ? Disagree(fact.kind, event.day, r) : event.day, ", 2024");
        break;
      case Kind::kYear:
        value = absl::StrCat(v);
        break;
      case Kind::kQuote: {
        int speaker = fact.hi;
        if (differs) speaker = (speaker + 1 + r.Below(2)) % 3;
        const Person& who = event.people[speaker];
        sentence = absl::StrReplaceAll(sentence,
                                       {{"{Q}", kQuotes[event.quotes[fact.lo]]},
                                        {"{QS}", who.surname},
                                        {"{QF}", who.Full()}});
        break;
      }
    }
    stated.push_back(fill(absl::StrReplaceAll(sentence, {{"{V}", value}})));
  }
  // Keep the lead; shuffle the rest (Fisher-Yates).
  for (size_t i = stated.size(); i > 2; --i) {
    std::swap(stated[i - 1], stated[1 + r.Below(static_cast<int>(i - 1))]);
  }

  auto prose = [&]() -> std::string {
    return r.OneIn(3) ? type.prose[r.Below(3)] : r.Pick(kProse);
  };
  std::vector<std::string> paragraphs;
  paragraphs.push_back(absl::StrCat(absl::AsciiStrToUpper(event.city), ", ",
                                    event.c0, " — ", stated[0], " ", prose()));
  for (size_t i = 1; i < stated.size(); ++i) {
    std::string paragraph = stated[i];
    for (int s = 1 + r.Below(3); s > 0; --s) {
      absl::StrAppend(&paragraph, " ", prose());
    }
    paragraphs.push_back(std::move(paragraph));
  }

  crosscheck::v1::Article article;
  article.set_id(absl::StrFormat("scale-%06d", index));
  article.set_outlet(OutletName(index / n_events));
  article.set_published(
      absl::StrFormat("2024-%02d-%02d", event.month, event.day + r.Below(3)));
  article.set_title(fill(type.headline));
  article.set_text(absl::StrJoin(paragraphs, "\n\n"));
  return article;
}

}  // namespace crosscheck::bench
