// Publication dates as news sites, feeds and scrapers write them, read into a
// day-precision Date: the one place every reader (JSON lines, HTML meta tags,
// WARC pages) turns a written date into a Date.
//
//   ParsePublishedDate("Senin, 08 Jan 2024 10:00 WIB")   // 2024-01-08
//   ParsePublishedDate("kemarin sore")                   // nullopt
//
// Read, the first (leftmost) date in the text:
//   year first    2024-01-08, 2024-01-08T10:00:00+07:00 (and with a space for
//                 the T, Z, fractional seconds, +0700), 2024/01/08, 2024.01.08
//   day first     08/01/2024, 8-1-2024, 08.01.2024, 08/01/24: day/month/year
//                 as Indonesian sites write it; month/day/year only when the
//                 second number cannot be a month (01/13/2024). A two-digit
//                 year is 2000-2069 or 1970-1999.
//   month names   8 Januari 2024, 08 Jan 2024, January 8, 2024, Jan. 8th 2024,
//                 8th of January 2024, 2024 Jan 08; Indonesian and English
//                 names, full and abbreviated (Agt/Agu/Ags, Okt, Nop, Peb,
//                 Sept, ...), in any case
//   epoch         the whole text a number of 9 to 11 digits (seconds since
//                 1970-01-01 UTC) or 12 to 14 (milliseconds), maybe with a
//                 fraction; it is read as a UTC day, since it carries no zone
//   compact       the whole text eight digits, 20240108
// Weekday names ("Senin,", "Mon,"), times and zones (WIB, WITA, WIT, GMT, UTC,
// Z, +07:00) around the date are allowed and not checked: the date is the
// calendar date as written, never moved across midnight by its zone (a page
// stamped "23:30 WIB" was published that day where it was written).
// Anything else, or a date that does not exist (2024-02-30) or has no day
// ("Januari 2024"), is nullopt. Stateless and thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "warta/date.h"

namespace warta {

std::optional<Date> ParsePublishedDate(std::string_view text);

}  // namespace warta
