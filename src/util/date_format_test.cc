#include "util/date_format.h"

#include <gtest/gtest.h>

namespace warta {
namespace {

struct Case {
  const char* text;
  const char* expected;  // "" when the text holds no whole date
};

TEST(DateFormatTest, ReadsWhatFeedsAndScrapersWrite) {
  const Case cases[] = {
      // ISO 8601 and its variants: the calendar date as written, never shifted.
      {"2024-01-08", "2024-01-08"},
      {"2024-01-08T10:00:00+07:00", "2024-01-08"},
      {"2024-01-08 10:00:00", "2024-01-08"},
      {"2024-01-08T23:30:00Z", "2024-01-08"},
      {"2024-01-08T00:30:00.123456-05:00", "2024-01-08"},
      {"2024-01-08T10:00:00+0700", "2024-01-08"},
      {"2024/01/08 10:00:00", "2024-01-08"},
      {"2024.01.08", "2024-01-08"},
      {"Selasa, 2023-10-18", "2023-10-18"},
      // Day first, as Indonesian sites write it.
      {"08/01/2024", "2024-01-08"},
      {"8/1/2024", "2024-01-08"},
      {"08-01-2024", "2024-01-08"},
      {"08.01.2024", "2024-01-08"},
      {"08/01/24", "2024-01-08"},
      {"08/01/2024, 10:00 WIB", "2024-01-08"},
      {"Selasa (29/10/2013)", "2013-10-29"},
      {"01/13/2024", "2024-01-13"},  // only month first can be meant
      // Month names, Indonesian and English, full and abbreviated.
      {"Senin, 08 Jan 2024 10:00 WIB", "2024-01-08"},
      {"Senin, 8 Januari 2024 | 10:00 WIB", "2024-01-08"},
      {"8 Januari 2024", "2024-01-08"},
      {"Jumat, 17 Agt 2023 19:00 WITA", "2023-08-17"},
      {"17 Agu 2023", "2023-08-17"},
      {"Kamis, 12 Okt 2023 08:15 WIT", "2023-10-12"},
      {"1 Mei 2024", "2024-05-01"},
      {"25 Des 2023", "2023-12-25"},
      {"3 Nopember 2022", "2022-11-03"},
      {"Mon, 08 Jan 2024 03:00:00 GMT", "2024-01-08"},
      {"Sun, 07 Jan 2024 23:00:00 +0000", "2024-01-07"},
      {"January 8, 2024", "2024-01-08"},
      {"Monday, January 8, 2024 10:00 AM UTC", "2024-01-08"},
      {"Jan. 8th, 2024", "2024-01-08"},
      {"8th of January 2024", "2024-01-08"},
      {"Sept 30 2023", "2023-09-30"},
      {"08-Jan-2024", "2024-01-08"},
      {"2024 Jan 08", "2024-01-08"},
      {"JANUARY 8, 2024", "2024-01-08"},
      // Epoch numbers (UTC days) and compact ISO.
      {"1704682800", "2024-01-08"},
      {"1704682800000", "2024-01-08"},
      {"1704682800.5", "2024-01-08"},
      {"20240108", "2024-01-08"},
      // Not a whole date.
      {"kemarin sore", ""},
      {"2 hours ago", ""},
      {"Januari 2024", ""},
      {"2024", ""},
      {"2024-02-30", ""},
      {"2023-13-45", ""},
      {"31/02/2024", ""},
      {"10.0.0.1", ""},
      {"1.2.2024.5", ""},
      {"12345", ""},
      {"", ""},
      {"May the force", ""},
  };
  for (const Case& c : cases) {
    auto date = ParsePublishedDate(c.text);
    EXPECT_EQ(date ? date->ToString() : "", c.expected) << c.text;
    if (date) {
      EXPECT_EQ(date->precision, DatePrecision::kDay) << c.text;
    }
  }
}

}  // namespace
}  // namespace warta
