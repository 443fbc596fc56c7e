// The shared vocabulary: roots parse, and each group holds what its name says.
#include "events/vocabulary.h"

#include <gtest/gtest.h>

namespace warta {
namespace {

TEST(VocabularyTest, RootOfParsesTheFirstTwoDigits) {
  struct Case {
    const char* code;
    int root;
  } cases[] = {{"010", 1}, {"05", 5}, {"173", 17}, {"1711", 17}, {"20", 20}, {"-", 0}, {"", 0}};
  for (const Case& c : cases) EXPECT_EQ(cameo::RootOf(c.code), c.root) << c.code;
}

TEST(VocabularyTest, RootGroupsTableDriven) {
  // Each root and the groups it is in.
  struct Case {
    int root;
    bool urges, intent, answers, reaction, cooperates, conflict, coercion, violence;
  } cases[] = {
      {1, false, false, false, false, false, false, false, false},
      {2, true, false, false, false, false, false, false, false},
      {3, false, true, false, false, true, false, false, false},
      {4, false, false, false, false, true, false, false, false},
      {5, false, false, true, true, true, false, false, false},
      {6, false, false, false, false, true, false, false, false},
      {7, false, false, false, false, false, false, false, false},
      {10, true, false, false, false, false, false, false, false},
      {11, false, false, true, true, false, false, false, false},
      {12, false, false, true, true, false, false, false, false},
      {13, false, true, false, true, false, false, false, false},
      {14, false, false, false, false, false, true, false, false},
      {17, false, false, false, false, false, true, true, false},
      {18, false, false, false, false, false, true, true, true},
      {20, false, false, false, false, false, true, true, true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(cameo::Urges(c.root), c.urges) << c.root;
    EXPECT_EQ(cameo::ExpressesIntent(c.root), c.intent) << c.root;
    EXPECT_EQ(cameo::AnswersActs(c.root), c.answers) << c.root;
    EXPECT_EQ(cameo::IsReaction(c.root), c.reaction) << c.root;
    EXPECT_EQ(cameo::Cooperates(c.root), c.cooperates) << c.root;
    EXPECT_EQ(cameo::IsMaterialConflict(c.root), c.conflict) << c.root;
    EXPECT_EQ(cameo::IsCoercionOrViolence(c.root), c.coercion) << c.root;
    EXPECT_EQ(cameo::IsViolence(c.root), c.violence) << c.root;
  }
}

TEST(VocabularyTest, AgentGroupsTableDriven) {
  struct Case {
    const char* agent;
    bool ordinary, riots, silent, irregular, armed;
  } cases[] = {
      {"CVL", true, true, true, false, false},   {"EDU", true, true, false, false, false},
      {"LAB", true, true, false, false, false},  {"REF", true, false, true, false, false},
      {"HLH", false, false, true, false, false}, {"BUS", false, false, true, false, false},
      {"REB", false, false, false, true, true},  {"CRM", false, false, false, true, true},
      {"COP", false, false, false, true, true},  {"MIL", false, false, false, false, true},
      {"GOV", false, false, false, false, true}, {"SPY", false, false, false, false, true},
      {"", false, false, false, false, true},    {"MED", false, false, true, false, false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(agents::IsOrdinaryPeople(c.agent), c.ordinary) << c.agent;
    EXPECT_EQ(agents::Riots(c.agent), c.riots) << c.agent;
    EXPECT_EQ(agents::SpeaksWithoutPoliticalRole(c.agent), c.silent) << c.agent;
    EXPECT_EQ(agents::ShootsIrregularly(c.agent), c.irregular) << c.agent;
    EXPECT_EQ(agents::IsArmedParty(c.agent), c.armed) << c.agent;
  }
}

}  // namespace
}  // namespace warta
