// Text tables: columns sized to their content, cut with "…" on a character
// boundary, never run together.
#include "util/text_table.h"

#include <gtest/gtest.h>

#include "util/text.h"

namespace warta {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines = Split(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

TEST(TextTableTest, FitCutsOnCharactersWithAnEllipsis) {
  EXPECT_EQ(TextTable::Fit("PRKGOV", 10), "PRKGOV");
  EXPECT_EQ(TextTable::Fit("PRKGOV Kim Jong Un", 8), "PRKGOV …");
  EXPECT_EQ(TextTable::Width(TextTable::Fit("PRKGOV Kim Jong Un", 8)), 8u);
  // Multibyte characters are never split: "é", "’", "…" are one column each.
  EXPECT_EQ(TextTable::Fit("Sébastien Lecornu", 5), "Séba…");
  EXPECT_EQ(TextTable::Fit("“Kami menolak”", 6), "“Kami…");
  EXPECT_EQ(TextTable::Width("Menteri Luar Negeri Prancis’"), 28u);
  // Line breaks and tabs would break the line; invalid bytes become U+FFFD.
  EXPECT_EQ(TextTable::Fit("a\nb\tc", 10), "a b c");
  EXPECT_EQ(TextTable::Fit("a\xff", 10), "a\uFFFD");
}

TEST(TextTableTest, ColumnsAreSizedToTheirContentAndNeverRunTogether) {
  TextTable table({{"DATE", 10}, {"SOURCE", 12}, {"ART/SRC", 9}, {"EVIDENCE", 20}});
  std::string out = table.Add({"2024-05-01", "IDN", "1/1", "Short."});
  out += table.Add({"2024-05", "PRKGOV Kim Jong Un and more", "12/3",
                    "A sentence much longer than twenty characters."});
  out += table.Finish();
  std::vector<std::string> lines = Lines(out);
  ASSERT_EQ(lines.size(), 3u) << out;
  // The title fits whole ("ART/SRC", not "ART/S…"), two spaces after each column.
  EXPECT_EQ(lines[0], "DATE        SOURCE        ART/SRC  EVIDENCE");
  EXPECT_EQ(lines[1], "2024-05-01  IDN           1/1      Short.");
  EXPECT_EQ(lines[2], "2024-05     PRKGOV Kim …  12/3     A sentence much lon…");
}

TEST(TextTableTest, NarrowContentMakesNarrowColumns) {
  TextTable table({{"DATE", 10}, {"SOURCE", 30}, {"EVENT", 40}});
  std::string out = table.Add({"2024", "USA", "042 Make a visit"});
  out += table.Finish();
  EXPECT_EQ(Lines(out)[1], "2024  USA     042 Make a visit");
}

TEST(TextTableTest, AfterTheHeldRowsLaterRowsAreCutToTheirWidths) {
  TextTable table({{"A", 10}, {"B", 10}}, /*held_rows=*/2);
  EXPECT_EQ(table.Add({"x", "one"}), "");
  std::string first = table.Add({"yy", "two"});
  EXPECT_EQ(first, "A   B\nx   one\nyy  two\n");
  EXPECT_EQ(table.Add({"zzzz", "three"}), "z…  three\n");
  EXPECT_EQ(table.Finish(), "");
}

TEST(TextTableTest, AnEmptyTableIsItsTitleLine) {
  TextTable table({{"DATE", 10}, {"EVIDENCE", 40}});
  EXPECT_EQ(table.Finish(), "DATE  EVIDENCE\n");
}

}  // namespace
}  // namespace warta
