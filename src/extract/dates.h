// Date extraction: absolute and relative dates, resolved against the
// article's publication date.

#ifndef SRC_EXTRACT_DATES_H_
#define SRC_EXTRACT_DATES_H_

#include <string>
#include <vector>

#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "src/extract/document.h"

namespace crosscheck::extract {

// Appends one KIND_DATE claim per date mentioned in the sentences of `doc`,
// in text order, with `span`, `text`, `date`, `predicate` and `keywords`
// filled; `date.event` names the happening a noun next to the date says it
// dates ("earthquake" for "Saturday’s quake", "the 1987 earthquake", "the
// earthquake of October 14, 1987"; FindDateEvent in context.h). Relative dates
// ("on Monday", "last month") are resolved against `doc.published`; without it
// they are kept with `relative` true and an empty `start`, and a note with code
// "unresolved-date" (severity WARNING) is appended to `notes`. Never fails;
// linear in the text.
//
// The span covers the date words only: "2016" of "in 2016", "Monday" of "on
// Monday" (without a possessive "’s", "'s" or "'S": "MONDAY" of
// "MONDAY'S"), "June 5 to 7" of "from June 5 to 7".
// Resolution rules:
//  - A month (and day) without a year ("June 3", "in May") takes the
//    publication year, the year before when the month is after the
//    publication month, or the year after when the month is before it and
//    the sentence speaks of the future; `relative` stays false, `anchor` is
//    set. Without a publication date such a date is noted like a relative
//    one.
//  - A weekday is the most recent such day on or before publication (the
//    publication day itself when it matches), or the next one on or after it
//    when the nearest tense cue of the sentence is future or present ("will",
//    "I'll", "is scheduled to", "the visit ends on Thursday"); a cue in the
//    date's own clause (up to a comma, semicolon, colon, dash or bracket)
//    comes before any other ("who flew in on Saturday, is expected …" is
//    the Saturday before). "last Monday" and
//    "next Monday" exclude the publication day; "this Monday" is the Monday
//    of the publication week.
//  - "last/this/next week" (Monday to Sunday) and "weekend" are day ranges,
//    "this working week", "next workweek" Monday to Friday;
//    "last/this/next month" and "year" have month and year granularity.
//    "last October" is the most recent October strictly before the
//    publication month.
//  - "earlier" and "later" before a period ("earlier this month", "later
//    in the year", "earlier previous week") name its first and second half
//    (as "early" and "late" below), as days; in the period holding
//    publication "earlier" also ends the day before publication and "later"
//    starts on publication day at the earliest ("earlier this year" read on
//    May 28 is January 1 to May 27; "later this week" read on a Friday is
//    Friday to Sunday). Published on the first day of the period (a Monday,
//    the 1st, January 1), "earlier this week (month, year)" names no day:
//    the claim is kept with `relative` true and an empty `start` and
//    `anchor`, and an "unresolved-date" note of severity INFO says why.
//  - Years and days may be written in words: "in nineteen ninety six"
//    (after a cue; "and" and "to" only before a range's second end, so
//    "two hundred and two thousand" is a number), "two thousand and eighteen",
//    "seventeen hundred thirty three", "May twenty one", "Jan first", "twenty
//    second of June", "fifteen August nineteen hundred ninety three". A
//    plain number word ("five") is a day only before punctuation, a year or
//    the end, and a
//    year in words followed by a plural or a time unit is a count ("two
//    thousand dollars", "two thousand people"). A month takes a year in
//    words or after "of" without a cue: "June of nineteen ninety nine",
//    "October two thousand and five", "April of 87" and "15 April of 87"
//    (two digits after "of": below 50 of the 2000s, else of the 1900s).
//  - Numeric dates read month first unless the first number is above 12
//    ("4/22", "21/04/2016"); a bare "4/22" needs a numeric cue ("on 4/22"),
//    or one before a list it ends ("on 11/20, 11/22 or 11/25"). "4-22" and
//    "4.22" in one token need a numeric cue or "in" right before and no
//    word after them ("on 4.22 million" is no date).
//  - Two dates joined by a range word are one claim from the start of the
//    first to the end of the second, at the finer granularity ("2014
//    through May 2018" is 2014-01 to 2018-05). So are numeric dates joined
//    by a hyphen without spaces ("5/1-5/7/2020", "10-1-2018-10-7-2018";
//    without any year only after a numeric cue), "Nov 18-Dec 19, 2015",
//    "Nov 18 2014-Dec 19 2015", "November between 19 and 20" and "from 4
//    to January 22" (days of the month after them). Two months without a
//    year ("from Nov to March", "May to March", which need no cue) take
//    the year the second would have alone, the first the same or the year
//    before.
//  - Parts of a period follow Recognizers-Text: "early", "beginning of",
//    "start of" name the first part of the date after them, "mid", "middle
//    of" the middle, "late", "end of" the last (docs/lexicons.md). A week:
//    Monday to Wednesday, Tuesday to Friday, Thursday to Sunday. A month:
//    the 1st to 15th, 10th to 20th, 16th to its end ("mid-November" is
//    November 10 to 20). A year written out splits in thirds ("beginning
//    of 2000" January to April, "mid 1989" May to August, "end of 2000"
//    September to December), a relative one in halves ("end of this year"
//    July to December; its middle is May to August too). Any other span:
//    its first or second half, or the middle half of its days. A period
//    word right after the phrase is the current one ("end of month", "the
//    end of the week"). "Q1 2016", "the third quarter of 2016" are months,
//    as are "the third month of 2021" and "the last four months of 2021";
//    "next year's first quarter" a quarter of "next year" ("the third
//    quarter this year" without a publication date: one unresolved claim);
//    the year after
//    "of" may be in words ("the first quarter of two
//    thousand and twenty", "the third week of two thousand and twenty
//    seven");
//    "the first ten days of last year" are days, "the first 2 weeks of
//    2021" ISO weeks;
//    "the first week of 2015" (and "the third week next year") is the ISO
//    week ("1st week of Oct. on Friday" that Friday); "the week of April
//    10th" the
//    Monday-to-Sunday week holding it, as are "the week beginning
//    (starting, commencing) February 4" and "w/c Feb 4"; "the 27th" a day of
//    the publication month (or the month before, by tense, like a year-less
//    month).
//  - "in two weeks" (future sentences only), "two weeks from now", "3
//    years from today", "a week hence" count forward from publication to a
//    day, whatever the unit ("in 2 months" read on July 5 is September 5);
//    "the past 3
//    weeks" ends the day before publication, "next 5 days" starts the day
//    after. The count may come before the span word ("the 5 past years",
//    "2 next days"); "the past week" and "past year" are one unit; "within
//    3 days" and "within the next 3 years" run from publication day, as
//    do "within 2 weeks from today" and "within 2 weeks after today".
//    Quarters count calendar quarters ("the past two quarters" read in
//    July 2019 is January to June 2019, "past quarter" the one before).
//    "previous" reads as "last", as a span word and as a shift ("previous
//    Wednesday"). Decades count whole calendar decades ("the past 2
//    decades" read in 2016 is 1990 to 2009). "few" counts three and
//    "couple" two ("the past few days", "a couple of weeks ago").
//  - "less than 3 days after tomorrow" runs from that day to the one before
//    the counted day; in "within the next 2 weeks before today" the count
//    belongs to the offset ("2 weeks before today").
//  - A weekday before a numeric date is that date: "Friday 7/6" (parts
//    touching), "Friday 7.6", "Friday 2018-7-6".
//  - A weekday with a counted day ("Monday two weeks from now", "Thursday,
//    two year from now", "Sunday 3 weeks after January 15th", "in 3 days
//    on Friday") is that weekday of the Sunday-to-Saturday week holding
//    the counted day.
//  - "in two years since 2011" ("in two weeks since the year 2011") is the
//    first day of the date after "since" moved by the count.
//  - "EOY" and "EOM" (capitalized) are "end of this year" (July to
//    December) and "end of this month" (the 16th to its end).
//  - "4 weeks in the future" is "the next 4 weeks", "3 days in the past"
//    "the past 3 days".
//  - "3 days starting from next Monday", "a week starting tomorrow" and,
//    after "for", "3 days from today" are the days from that day on, as
//    many as the count ("for 3 days from today" read on May 23 is May 23
//    to 25).
//    So is "from Dec 18 for 10 days" (the span starts at the date).
//  - "the closest Monday to Oct 5th", "the second nearest Mon to October
//    fifth": of the days of that weekday, the Nth nearest to the day after
//    "to" (that day itself when it is that weekday; of two as near, the
//    earlier).
//  - "next 5/12", "next 6th of April": a day without a year after "next"
//    is its first occurrence after publication, after "this" ("this 5/12")
//    the one of the publication year.
//  - "year to date" ("year-to-date", "month to date") runs from the start
//    of the year (month) holding publication to the day before it.
//  - "now" and "to date" end a range at publication day ("between Jan 22
//    and now", "from March to date"); "now" also starts one ("from now
//    until June"). Without a publication date, a range with a relative
//    end is one unresolved claim.
//  - "for the day", "over the weekend", "for the year" (after "for" or
//    "over", ending a clause) are the period holding publication; after
//    other words "the year" is no date ("player of the year", "throughout
//    the day", "the year before independence"). "the 26th day of the
//    month" is a day of the publication month.
//  - Centuries: "the 21st century" (2000 to 2099), "the fifteenth
//    century".
//  - A number right after a currency sign is money, never a day ("$12
//    December 27" is December 27).
//  - A bare number right after "pay" or "owe" ("paid 2000"), or after
//    a name or pronoun after it ("Pay ABC 2000", "owes them 1500"), is
//    the amount paid, never a year.
//  - Decades: "1990s", "the 1970's", "the 70s", "the 70's", "the '40s"
//    (a two-digit decade below 20 is of the 2000s: "the 10s"), "the seventies",
//    "the nineteen seventies", "the noughties", "the two thousands", "the
//    twenty-tens", "the two thousand and tens"; with the "s" apart "1990
//    s" and, after "the", "90 s" ("in 10 s flat" is seconds); without "the"
//    "in nineties".
//  - A year with an era after it may have one to four digits ("14 A.D.",
//    "800 CE"); a year followed by "BC" ("2014 B.C.") is no date.
//  - ISO weeks: "week 31" of the publication year, "Week 10 of 2019".
//  - A month name and a day in one word, then an optional year: "Oct2",
//    "Dec31 , 1994" ("may" and "march" only capitalized); "October, 1st"
//    (a comma and a suffixed day); "August 99" (two digits above 31 before
//    punctuation or the end: a year, below 50 of the 2000s).
//  - "Feb 29" without a year is of the latest leap year up to the year a
//    year-less month would take.
//  - A day, month name and year joined by slashes without spaces:
//    "31/Oct/1974"; a year first, then a month name and a day in either
//    order: "2020/Sep/23", "2020/23/Sep".
//  - A month and numbers in one hyphenated or slashed token: "Oct-2",
//    "Oct/2" (days), "Dec-2018" (a month), "05-Aug-2016", "Sep-23-2020",
//    "Jan-Feb 2017" (months of the year after them; "Nov-Feb 5th, 2017"
//    is November 1, 2016 to February 5, 2017); "may" and "march" are
//    not read in a token starting with a digit.
//  - "next week Friday", "Friday next week" are that day of the week;
//    "the week after next" two weeks on, "March after next" the March after
//    next March; "next quarter" three months;
//    "the next decade" a calendar decade ("this decade" holds
//    publication); "the rest of the week" runs from publication to the end
//    of the week (month, year).
//  - Seasons are three months (summer June to August, winter December to
//    February): "last summer" the latest ended before the publication
//    month, "next winter" the first starting after it, "this summer" or "in
//    the spring" the one holding publication (else by tense, past first).
//    A season needs a cue ("in", "during"), except "the summer" (not "the
//    fall") ending a clause ("they spent the winter.").
//  - "Friday the 15th" ("Friday 15th", "Sunday 31!" before punctuation,
//    "Mon 13th": a weekday abbreviation only before a day or after a week,
//    "next week Mon", "this week from Tue to Thur") is the 15th that falls
//    on a Friday within two years of publication, the latest on or before it
//    (the earliest on or after it in a future sentence); "the second Monday of
//    next month" the Nth such weekday of the month. "second Sunday", "the third
//    Tuesday" with no month after them (nor "after", "before"; not after
//    "every") are the Nth such weekday of the publication month, none when the
//    month has no such day.
//  - "the last day of May", "the 5th last day of May", "the second day of
//    last month", "the last day of 2011": the Nth day of that period,
//    counted from either end.
//  - "the following week" (day, month, quarter, year) is the period after
//    the one holding the last day of the date before it in the sentence
//    ("elected in 2010 and again the following year" is 2011), else after
//    the one holding publication. "same week" (day, month, quarter, year;
//    "the" outside the span) is the period holding that day, else the one
//    holding publication.
//  - "two days after today", "3 weeks before June 30, 2024" move the date
//    after the offset word (a day when that date is one: "two months after
//    next Friday"); "three days later" and "a week earlier" count
//    from the single day before them in the sentence and are no date
//    without one. "the next day", "the following day", "the day before"
//    count from that day too, else from publication ("tmrw" is
//    "tomorrow"); "the day after" and "the day before" end a clause.
//  - "N days/weeks/months/years ago" counts back from publication ("1 month
//    21 days ago" moves back by each count in turn, at the finest unit); hours,
//    minutes and seconds count back whole days ("48 hours ago" is two days
//    before publication, "three hours ago" the publication day). A count
//    above 10,000 ("20000 weeks ago"), or one reaching back before the year
//    1, is not a date: no claim and no note.
void FindDates(const Document& doc, std::vector<crosscheck::v1::Claim>* claims,
               std::vector<crosscheck::v1::Note>* notes);

namespace internal {

// FindDates trying every date pattern at every token. FindDates tries a
// date only a few tokens before a word that can anchor one (a number,
// month, weekday, time unit…), and there only the patterns that can start
// at that kind of token; both give the same claims and notes, which tests
// check.
void FindDatesAtEveryToken(const Document& doc,
                           std::vector<crosscheck::v1::Claim>* claims,
                           std::vector<crosscheck::v1::Note>* notes);

// The dates of `doc` a pattern would read at a token where FindDates does
// not try that pattern, because the kind of the token says it cannot start
// there, one line each ("sentence 2: Year at \"in\""). Empty when the
// patterns' gates are right for this text.
std::vector<std::string> DateGateViolations(const Document& doc);

}  // namespace internal

}  // namespace crosscheck::extract

#endif  // SRC_EXTRACT_DATES_H_
