#include "warta/date.h"

#include <cstdio>

namespace warta {

const char* PrecisionName(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
  }
  return "day";
}

std::string Date::ToString() const {
  char buffer[16];
  switch (precision) {
    case DatePrecision::kYear:
      std::snprintf(buffer, sizeof buffer, "%04d", year);
      break;
    case DatePrecision::kMonth:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
      break;
    case DatePrecision::kDay:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
      break;
  }
  return buffer;
}

static bool ParseDigits(std::string_view text, int* out) {
  if (text.empty()) return false;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return true;
}

std::optional<Date> Date::Parse(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() == 4 && ParseDigits(text, &y)) return Year(y);
  if (text.size() == 7 && text[4] == '-' && ParseDigits(text.substr(0, 4), &y) &&
      ParseDigits(text.substr(5, 2), &m) && m >= 1 && m <= 12) {
    return Month(y, m);
  }
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' && ParseDigits(text.substr(0, 4), &y) &&
      ParseDigits(text.substr(5, 2), &m) && ParseDigits(text.substr(8, 2), &d) && m >= 1 &&
      m <= 12 && d >= 1 && d <= DaysInMonth(y, m)) {
    return Day(y, m, d);
  }
  return std::nullopt;
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) return 29;
  return kDays[(month - 1) % 12];
}

// Howard Hinnant's days_from_civil algorithm.
long DaysFromCivil(int year, int month, int day) {
  year -= month <= 2;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long yoe = year - era * 400;
  const long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date CivilFromDays(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2));
  return Date::Day(year, month, day);
}

int Weekday(const Date& date) {
  long days = DaysFromCivil(date.year, date.month, date.day);
  // 1970-01-01 was a Thursday (4).
  long weekday = (days % 7 + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(weekday) + 1;
}

Date AddDays(const Date& date, long days) {
  return CivilFromDays(DaysFromCivil(date.year, date.month, date.day) + days);
}

Date AddMonths(const Date& date, int months) {
  int index = date.year * 12 + (date.month - 1) + months;
  Date result = date;
  result.year = index / 12;
  result.month = index % 12 + 1;
  if (date.precision == DatePrecision::kDay) {
    int limit = DaysInMonth(result.year, result.month);
    if (result.day > limit) result.day = limit;
  }
  return result;
}

}  // namespace warta
