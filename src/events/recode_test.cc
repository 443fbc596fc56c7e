// Codes that are not the pattern's own: a pledge's or threat's specific code,
// and codes by who does what to whom.
#include "events/recode.h"

#include <gtest/gtest.h>

namespace warta {
namespace {

VerbPattern Pattern(const char* code) {
  VerbPattern pattern;
  pattern.code = code;
  return pattern;
}

TEST(RecodeTest, IntentCodeTableDriven) {
  struct Case {
    const char* intent;
    const char* governed;
    const char* expected;
  } cases[] = {
      {"030", "040", "036"}, {"030", "057", "032"}, {"030", "061", "031"}, {"030", "070", "033"},
      {"030", "081", "035"}, {"030", "190", "030"}, {"130", "160", "131"}, {"130", "173", "137"},
      {"130", "183", "138"}, {"130", "190", "138"}, {"130", "200", "138"}, {"130", "042", "130"},
      {"032", "040", "032"},  // already specific
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IntentCode(Pattern(c.intent), Pattern(c.governed)), c.expected)
        << c.intent << " " << c.governed;
  }
}

TEST(RecodeTest, RecodeByDoerTableDriven) {
  struct Case {
    const char* code;
    const char* by;  // the source's agent
    const char* on;  // the target's agent; nullptr: no target
    const char* expected;
  } cases[] = {
      // Force or damage by ordinary people (but refugees) is a violent protest.
      {"173", "EDU", "COP", "145"},
      {"190", "CVL", nullptr, "145"},
      {"200", "LAB", "GOV", "145"},
      {"190", "REF", nullptr, "190"},
      {"141", "EDU", "GOV", "141"},
      // Irregular shooters on people who are no armed party: 180.
      {"190", "REB", "LAB", "180"},
      {"193", "COP", "EDU", "180"},
      {"190", "CRM", "CVL", "180"},
      {"190", "REB", "MIL", "190"},
      {"190", "REB", "", "190"},
      {"190", "MIL", "CVL", "190"},
      {"195", "REB", "CVL", "195"},  // air strikes keep their code
      {"190", "REB", nullptr, "190"},
  };
  for (const Case& c : cases) {
    VerbPattern pattern = Pattern(c.code);
    CodedEvent event;
    event.pattern = &pattern;
    event.source.agent = c.by;
    if (c.on != nullptr) {
      event.target = Actor();
      event.target->agent = c.on;
    }
    RecodeByDoer(&event);
    EXPECT_EQ(CodeOf(event), c.expected) << c.code << " " << c.by;
  }
}

}  // namespace
}  // namespace warta
