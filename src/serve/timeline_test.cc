// The timeline's periods and the range it shows, on counts made up here.
#include "serve/timeline.h"

#include <gtest/gtest.h>

namespace warta {
namespace {

std::string Shown(const std::map<std::string, long long>& counts, const QueryFilter& filter = {},
                  Period kind = Period::kMonth, bool all = false) {
  TimelineRange range = ChooseRange(counts, filter, kind, all);
  return range.first + ".." + range.last + " " + range.rule;
}

// Two years of months with `per_month` events each.
std::map<std::string, long long> TwoYears(long long per_month) {
  std::map<std::string, long long> counts;
  for (int month = 1; month <= 24; ++month) {
    counts[PeriodOf(Date::Month(2022 + (month - 1) / 12, (month - 1) % 12 + 1), Period::kMonth)] =
        per_month;
  }
  return counts;
}

TEST(TimelineTest, PeriodsAreMonthsOrWeeksNamedByTheirMonday) {
  EXPECT_EQ(PeriodOf(Date::Day(2023, 9, 13), Period::kMonth), "2023-09");
  EXPECT_EQ(PeriodOf(Date::Day(2023, 9, 13), Period::kWeek), "2023-09-11");
  EXPECT_EQ(PeriodOf(Date::Year(2023), Period::kWeek), "2022-12-26");  // its first day's week
  EXPECT_EQ(NextPeriod("2023-12", Period::kMonth), "2024-01");
  EXPECT_EQ(NextPeriod("2023-12-25", Period::kWeek), "2024-01-01");
  EXPECT_EQ(NextPeriod("nonsense", Period::kMonth), "");
}

TEST(TimelineTest, AnOutlierFarFromTheBulkIsLeftOut) {
  auto counts = TwoYears(10);
  counts["1948-05"] = 1;
  EXPECT_EQ(Shown(counts), "2022-01..2023-12 bulk");
  EXPECT_EQ(Shown(counts, {}, Period::kMonth, /*all=*/true), "1948-05..2023-12 all");
  // So is one among a few dozen events (fewer than one in fifty).
  std::map<std::string, long long> few = {{"1948-05", 1}, {"2023-01", 30}, {"2023-03", 29}};
  EXPECT_EQ(Shown(few), "2023-01..2023-03 bulk");
}

TEST(TimelineTest, EvenlySpreadOrSmallDataIsShownWhole) {
  auto counts = TwoYears(10);
  counts["2024-01"] = 1;  // a month just begun: thin, but next to the rest
  counts["2021-12"] = 1;
  EXPECT_EQ(Shown(counts), "2021-12..2024-01 bulk");
  std::map<std::string, long long> small = {{"2001-01", 1}, {"2023-09", 2}, {"2023-11", 1}};
  EXPECT_EQ(Shown(small), "2001-01..2023-11 bulk");  // four events: each is a quarter of them
  EXPECT_EQ(Shown({}), ".. all");
}

TEST(TimelineTest, DateFiltersAreTheRangeOnTheirSide) {
  auto counts = TwoYears(10);
  counts["1948-05"] = 1;
  QueryFilter from;
  from.from = "2021-06-15";
  EXPECT_EQ(Shown(counts, from), "2021-06..2023-12 filters");
  QueryFilter to;
  to.to = "2024";
  EXPECT_EQ(Shown(counts, to), "2022-01..2024-12 filters");  // the start is still the bulk's
  QueryFilter both;
  both.from = "2023-01";
  both.to = "2023-02-10";
  EXPECT_EQ(Shown(counts, both, Period::kWeek), "2022-12-26..2023-02-06 filters");
}

}  // namespace
}  // namespace warta
