// Calendar dates with a precision (day, month or year), as events carry them.
//
// Dates are proleptic Gregorian; arithmetic uses days since 1970-01-01 so
// "three days before" and weekdays are exact. Plain values, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace warta {

enum class DatePrecision { kDay, kMonth, kYear };

struct Date {
  int year = 0;
  int month = 0;  // 1..12, 0 when precision is kYear
  int day = 0;    // 1..31, 0 unless precision is kDay
  DatePrecision precision = DatePrecision::kDay;

  // "2023-10-12", "2023-10" or "2023" by precision.
  std::string ToString() const;
  // Parses the same three forms; nullopt for anything else or an impossible day.
  static std::optional<Date> Parse(std::string_view text);

  static Date Day(int y, int m, int d) { return {y, m, d, DatePrecision::kDay}; }
  static Date Month(int y, int m) { return {y, m, 0, DatePrecision::kMonth}; }
  static Date Year(int y) { return {y, 0, 0, DatePrecision::kYear}; }

  bool operator==(const Date& other) const = default;
};

const char* PrecisionName(DatePrecision precision);
int DaysInMonth(int year, int month);
long DaysFromCivil(int year, int month, int day);
Date CivilFromDays(long days);
// ISO weekday of a day-precision date: 1 Monday .. 7 Sunday.
int Weekday(const Date& date);
Date AddDays(const Date& date, long days);
// Moves a date by whole months, clamping the day (Mar 31 - 1 month = Feb 28).
Date AddMonths(const Date& date, int months);

}  // namespace warta
