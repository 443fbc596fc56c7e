// Pass 4, speech: attributions, speakers, what is said, and which statements
// are events.
#include "events/speech.h"

#include <gtest/gtest.h>

#include "events/pass_test_support.h"

namespace warta {
namespace {

TEST(SpeechTest, AttributionsSpeakersAndWhatIsSaidTableDriven) {
  struct Case {
    const char* text;
    const char* language;
    const char* expected;  // testing::WalkSummary
  } cases[] = {
      // The speaker after the verb, or after a comma at the end: attribution.
      {"“Kami tidak akan mundur,” kata Puan Maharani.", "id", "kata: attribution"},
      {"Jordanian military aircraft airdropped food over Gaza, the Jordanian army said.", "en",
       "airdropped: Jordanian military > -; said: attribution"},
      // A passive statement's speaker is its agent.
      {"Tuduhan itu dibantah oleh Polda Metro Jaya.", "id", "dibantah: Polda > -"},
      // In what a speaker says, a verb with no actor of its own is not the
      // speaker's act; a bare verb right after "menyatakan" is.
      {"Juru bicara militer China mengatakan kapal itu berpatroli secara normal.", "id",
       "mengatakan: Juru bicara militer China > -; berpatroli: no event"},
      {"Partai Demokrat menyatakan keluar dari koalisi bersama NasDem.", "id",
       "menyatakan: Partai Demokrat > -; keluar dari koalisi: Partai Demokrat > NasDem"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(testing::WalkSummary(c.text, c.language), c.expected) << c.text;
  }
}

VerbPattern Pattern(const char* code, bool say) {
  VerbPattern pattern;
  pattern.code = code;
  pattern.say = say;
  return pattern;
}

// A coded event of `pattern` by `agent` of Indonesia.
CodedEvent Said(const VerbPattern* pattern, const std::string& agent) {
  CodedEvent event;
  event.pattern = pattern;
  event.source.country = "IDN";
  event.source.agent = agent;
  event.source.code = "IDN" + agent;
  event.source.name = "Indonesia " + agent;
  return event;
}

TEST(SpeechTest, DropStatementsTableDriven) {
  VerbPattern comment = Pattern("010", true);
  VerbPattern deny = Pattern("016", true);
  VerbPattern accuse = Pattern("112", false);
  struct Case {
    std::vector<CodedEvent> events;
    size_t kept;  // how many remain
  } cases[] = {
      // A plain statement is never an event.
      {{Said(&comment, "GOV")}, 0},
      // A specific one is, by a political actor ...
      {{Said(&deny, "GOV")}, 1},
      {{Said(&deny, "LEG")}, 1},
      // ... not by residents, students, refugees, medics or companies ...
      {{Said(&deny, "CVL")}, 0},
      {{Said(&deny, "EDU")}, 0},
      {{Said(&deny, "REF")}, 0},
      {{Said(&deny, "HLH")}, 0},
      {{Said(&deny, "BUS")}, 0},
      // ... (workers' unions speak politically) ...
      {{Said(&deny, "LAB")}, 1},
      // ... and not when its speaker does something more specific.
      {{Said(&deny, "GOV"), Said(&accuse, "GOV")}, 1},
      {{Said(&deny, "GOV"), Said(&accuse, "MIL")}, 2},
  };
  for (Case& c : cases) {
    DropStatements(&c.events);
    EXPECT_EQ(c.events.size(), c.kept) << c.events.size();
  }
}

}  // namespace
}  // namespace warta
