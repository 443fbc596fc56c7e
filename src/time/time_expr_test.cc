#include "time/time_expr.h"

#include <gtest/gtest.h>

#include "../../tests/test_support.h"

namespace warta {
namespace {

struct TimeCase {
  const char* language;
  const char* text;
  const char* published;  // "" for none
  const char* expected;   // first expression's date, "null" when unresolved
};

std::string FirstDate(const TimeCase& c) {
  auto segmenter = Segmenter::Load(testing::DataDir());
  auto finder = TimeFinder::Load(testing::DataDir(), c.language, *segmenter.value());
  EXPECT_TRUE(finder.ok()) << finder.status().message();
  std::optional<Date> published;
  if (*c.published) published = Date::Parse(c.published);
  auto found = finder.value()->Find(segmenter.value()->Tokenize(c.text), published);
  if (found.empty()) return "none";
  return found.front().date ? found.front().date->ToString() : "null";
}

TEST(TimeTest, ResolvesAgainstThePublicationDateTableDriven) {
  const TimeCase cases[] = {
      {"id", "KCNA melaporkan pada hari Kamis.", "2023-10-12", "2023-10-12"},
      {"id", "Ia datang hari Senin.", "2023-10-12", "2023-10-09"},
      {"id", "Bulan lalu, Kim pergi.", "2023-10-12", "2023-09"},
      {"id", "invasi pada Februari tahun lalu", "2023-10-12", "2022-02"},
      {"id", "pada 12 Oktober 1948", "2023-10-12", "1948-10-12"},
      {"id", "bertukar surat pada bulan Agustus", "2023-10-12", "2023-08"},
      {"id", "pada bulan Desember", "2023-10-12", "2022-12"},
      {"id", "kemarin", "2023-10-12", "2023-10-11"},
      {"id", "tahun lalu", "2023-10-12", "2022"},
      {"id", "dua hari lalu", "2023-10-12", "2023-10-10"},
      {"id", "pada tahun 1910-45", "2023-10-12", "1910"},
      {"id", "Selasa (29/10/2013)", "", "2013-10-29"},
      {"id", "pada 3 Maret", "2024-01-02", "2023-03-03"},
      {"id", "Agustus 2023", "", "2023-08"},
      {"en", "on Tuesday", "2021-06-22", "2021-06-22"},
      {"en", "last month", "2021-06-22", "2021-05"},
      {"en", "on May 23", "2021-06-22", "2021-05-23"},
      {"en", "on March 3, 2019", "", "2019-03-03"},
      {"en", "in February last year", "2023-10-12", "2022-02"},
      {"en", "three weeks ago", "2023-10-12", "2023-09"},
      {"en", "in 2020", "", "2020"},
      {"en", "yesterday", "2023-10-12", "2023-10-11"},
      // Without a publication date, relative expressions stay unresolved.
      {"id", "pada hari Kamis", "", "null"},
      {"en", "last month", "", "null"},
      // Not dates.
      {"en", "They may meet.", "2023-10-12", "none"},
      {"id", "2000 orang hadir", "2023-10-12", "none"},
  };
  for (const TimeCase& c : cases) EXPECT_EQ(FirstDate(c), c.expected) << c.text;
}

TEST(TimeTest, ShiftsAndAnaphors) {
  auto segmenter = Segmenter::Load(testing::DataDir());
  auto finder = TimeFinder::Load(testing::DataDir(), "id", *segmenter.value());
  auto found = finder.value()->Find(
      segmenter.value()->Tokenize("sebulan setelah Kim pergi ke Rusia"), Date::Day(2023, 10, 12));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, TimeKind::kShift);
  EXPECT_EQ(TimeFinder::ApplyShift(Date::Day(2023, 10, 12), found[0])->ToString(), "2023-09");
  found = finder.value()->Find(segmenter.value()->Tokenize("Pada kesempatan itu, Kim berjanji"),
                               Date::Day(2023, 10, 12));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, TimeKind::kAnaphor);
}

}  // namespace
}  // namespace warta
