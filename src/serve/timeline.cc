#include "serve/timeline.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace warta {

namespace {

constexpr double kBulkShare = 0.98;  // the share of events the bulk holds at least

// The first or last day a date stands for ("2023" → 2023-01-01 or 2023-12-31).
Date Bound(const Date& date, bool last) {
  if (date.precision == DatePrecision::kDay) return date;
  int month = date.precision == DatePrecision::kYear ? (last ? 12 : 1) : date.month;
  return Date::Day(date.year, month, last ? DaysInMonth(date.year, month) : 1);
}

// A period's place on the line of periods (months or weeks since the epoch),
// so that distances between periods can be measured.
long PeriodIndex(const std::string& period, Period kind) {
  auto date = Date::Parse(kind == Period::kMonth ? period + "-01" : period);
  if (!date) return 0;
  if (kind == Period::kMonth) return date->year * 12L + date->month - 1;
  long days = DaysFromCivil(date->year, date->month, date->day);
  return days >= 0 ? days / 7 : (days - 6) / 7;
}

struct PeriodSpan {
  std::string first, last;
};

// The shortest run of periods holding at least kBulkShare of the events.
PeriodSpan ShortestBulk(const std::vector<std::pair<long, long long>>& line,
                        const std::vector<std::string>& names, long long total) {
  const long long need = static_cast<long long>(std::ceil(kBulkShare * total));
  size_t best_begin = 0, best_end = line.size() - 1;
  long long held = 0;
  for (size_t begin = 0, end = 0; end < line.size(); ++end) {
    held += line[end].second;
    while (held - line[begin].second >= need) held -= line[begin++].second;
    if (held >= need &&
        line[end].first - line[begin].first < line[best_end].first - line[best_begin].first) {
      best_begin = begin;
      best_end = end;
    }
  }
  return {names[best_begin], names[best_end]};
}

// The bulk widened by a tenth of its length (at least a period) on each side,
// snapped to the periods that hold events.
PeriodSpan Bulk(const std::map<std::string, long long>& counts, Period kind) {
  std::vector<std::pair<long, long long>> line;  // period index, events
  std::vector<std::string> names;
  long long total = 0;
  for (const auto& [period, events] : counts) {
    line.push_back({PeriodIndex(period, kind), events});
    names.push_back(period);
    total += events;
  }
  PeriodSpan bulk = ShortestBulk(line, names, total);
  long low = PeriodIndex(bulk.first, kind), high = PeriodIndex(bulk.last, kind);
  long margin = std::max(1L, (high - low) / 10);
  PeriodSpan shown{bulk.first, bulk.last};
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i].first >= low - margin && names[i] < shown.first) shown.first = names[i];
    if (line[i].first <= high + margin && names[i] > shown.last) shown.last = names[i];
  }
  return shown;
}

}  // namespace

std::string PeriodOf(const Date& day, Period kind) {
  Date first = Bound(day, false);
  if (kind == Period::kMonth) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", first.year, first.month);
    return buffer;
  }
  return AddDays(first, -(Weekday(first) - 1)).ToString();
}

std::string NextPeriod(const std::string& period, Period kind) {
  auto date = Date::Parse(kind == Period::kMonth ? period + "-01" : period);
  if (!date) return "";
  if (kind == Period::kMonth) return PeriodOf(AddMonths(*date, 1), kind);
  return AddDays(*date, 7).ToString();
}

TimelineRange ChooseRange(const std::map<std::string, long long>& counts, const QueryFilter& filter,
                          Period kind, bool all) {
  TimelineRange range;
  if (counts.empty()) return range;
  PeriodSpan data{counts.begin()->first, counts.rbegin()->first};
  if (!all) {
    data = Bulk(counts, kind);
    range.rule = "bulk";
  }
  range.first = data.first;
  range.last = data.last;
  // A date filter is the range the user asked to see, on its side.
  if (auto from = Date::Parse(filter.from)) range.first = PeriodOf(*from, kind);
  if (auto to = Date::Parse(filter.to)) range.last = PeriodOf(Bound(*to, true), kind);
  if (!filter.from.empty() || !filter.to.empty()) range.rule = "filters";
  return range;
}

}  // namespace warta
