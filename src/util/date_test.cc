#include "warta/date.h"

#include <gtest/gtest.h>

namespace warta {

TEST(DateTest, ParsesAndPrintsEachPrecision) {
  EXPECT_EQ(Date::Parse("2023-10-12")->ToString(), "2023-10-12");
  EXPECT_EQ(Date::Parse("2023-10")->precision, DatePrecision::kMonth);
  EXPECT_EQ(Date::Parse("1948")->ToString(), "1948");
  EXPECT_FALSE(Date::Parse("2023-02-30"));
  EXPECT_FALSE(Date::Parse("2023-13"));
  EXPECT_FALSE(Date::Parse("12/10/2023"));
}

TEST(DateTest, WeekdaysAndArithmetic) {
  EXPECT_EQ(Weekday(Date::Day(2023, 10, 12)), 4);  // a Thursday
  EXPECT_EQ(Weekday(Date::Day(1970, 1, 1)), 4);
  EXPECT_EQ(AddDays(Date::Day(2024, 3, 1), -1).ToString(), "2024-02-29");
  EXPECT_EQ(AddMonths(Date::Day(2023, 3, 31), -1).ToString(), "2023-02-28");
  EXPECT_EQ(AddMonths(Date::Month(2023, 1), -1).ToString(), "2022-12");
}

}  // namespace warta
