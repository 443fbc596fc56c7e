// Pass 7, dating: each event's date, and the date remembered for "pada
// kesempatan itu". Published on Wednesday 6 March 2024.
#include "events/dating.h"

#include <gtest/gtest.h>

#include "events/pass_test_support.h"

namespace warta {
namespace {

// "CODE DATE[ written]" of each event; the state carries over.
std::string Dates(const char* text, CoderState* state) {
  testing::PreparedSentence sentence(text, "id");
  std::string dates;
  for (const CodedEvent& e : sentence.Code(state)) {
    testing::Append(&dates, "; ",
                    CodeOf(e) + " " + (e.date ? e.date->ToString() : "none") +
                        (e.date_written ? " written" : ""));
  }
  return dates.empty() ? "-" : dates;
}

TEST(DatingTest, DatesTableDriven) {
  struct Case {
    const char* text;
    const char* expected;
  } cases[] = {
      // No time expression: the publication day.
      {"Rusia menyerang Ukraina.", "190 2024-03-06"},
      // The nearest one: a weekday is the latest such day before publication.
      {"Rusia menyerang Ukraina pada hari Kamis.", "190 2024-02-29 written"},
      {"Pada Februari tahun lalu, Rusia menyerang Ukraina.", "190 2023-02 written"},
      // A date after publication dates only an intended event.
      {"Rusia menyerang Ukraina pada tahun 2030.", "190 2024-03-06"},
      {"Presiden Indonesia akan mengunjungi Jepang pada tahun 2030.", "042 2030 written"},
      // A shift moves back the clause it introduces.
      {"Presiden Rusia memuji Korea Utara sebulan setelah Kim Jong Un mengunjungi Rusia.",
       "051 2024-03-06; 042 2024-02 written"},
  };
  for (const auto& c : cases) {
    CoderState state;
    EXPECT_EQ(Dates(c.text, &state), c.expected) << c.text;
  }
}

TEST(DatingTest, OnThatOccasionIsTheDateLastWritten) {
  CoderState state;
  EXPECT_EQ(Dates("Jokowi bertemu Anwar Ibrahim pada hari Senin.", &state),
            "040 2024-03-04 written; 040 2024-03-04 written");
  ASSERT_TRUE(state.last_written_date.has_value());
  EXPECT_EQ(state.last_written_date->ToString(), "2024-03-04");
  EXPECT_EQ(Dates("Pada kesempatan itu, Jokowi memuji Malaysia.", &state),
            "051 2024-03-04 written");
  // A sentence with no events still leaves its date.
  Dates("Cuaca cerah pada 1 Maret 2024.", &state);
  EXPECT_EQ(state.last_written_date->ToString(), "2024-03-01");
}

}  // namespace
}  // namespace warta
