// timeline: the periods of the page's timeline and the range it shows.
//
//   std::map<std::string, long long> counts = {{"1948-05", 1}, {"2019-01", 40}, ...};
//   TimelineRange range = ChooseRange(counts, filter, Period::kMonth, /*all=*/false);
//   // range.first == "2019-01": one event of 1948 does not stretch the chart
//   // over 70 empty years; the caller reports it as outside.
//
// The range, in order of precedence:
//   filters  a date filter (from, to) is the range: its periods, filled;
//   all      asked for: from the first period with events to the last;
//   bulk     otherwise: the shortest run of periods holding at least 98% of
//            the dated events, widened by a tenth of its length on each side
//            (at least one period) and never beyond the data. So fewer than
//            one event in fifty can fall outside, only when it lies apart
//            from the rest, and a thin last month (a month still running)
//            stays in.
// Periods are months ("2023-09") or weeks named by their Monday
// ("2023-09-04"); a month- or year-dated event counts in its first day's
// period. Stateless and thread-safe.
#pragma once

#include <map>
#include <string>

#include "store/store.h"
#include "warta/date.h"

namespace warta {

// The period holding a day.
std::string PeriodOf(const Date& day, Period kind);
// The period after `period` ("2023-09" → "2023-10"; a Monday → the next), or
// "" when `period` is not one.
std::string NextPeriod(const std::string& period, Period kind);

struct TimelineRange {
  std::string first, last;   // periods; both empty when there is nothing to show
  const char* rule = "all";  // "filters", "bulk" or "all"
};

// `counts`: dated events per period, periods in order (a std::map's).
TimelineRange ChooseRange(const std::map<std::string, long long>& counts, const QueryFilter& filter,
                          Period kind, bool all);

}  // namespace warta
