#include "analyse/analyser.h"

#include <gtest/gtest.h>

#include "../../tests/test_support.h"

namespace warta {
namespace {

struct RootCase {
  const char* language;
  const char* word;
  const char* lemma;
};

TEST(AnalyserTest, RootsAndLemmasTableDriven) {
  auto analyser = Analyser::Load(testing::DataDir());
  ASSERT_TRUE(analyser.ok()) << analyser.status().message();
  const RootCase cases[] = {
      {"id", "menuduh", "tuduh"},    {"id", "mengatakan", "kata"}, {"id", "memuji", "puji"},
      {"id", "membantah", "bantah"}, {"id", "bertukar", "tukar"},  {"id", "berjanji", "janji"},
      {"id", "dipuji", "puji"},      {"id", "tuduhan", "tuduh"},   {"en", "accused", "accuse"},
      {"en", "met", "meet"},         {"en", "said", "say"},        {"en", "fought", "fight"},
      {"en", "sought", "seek"},      {"en", "took", "take"},       {"en", "pledges", "pledge"},
      {"en", "denied", "deny"}};
  for (const RootCase& c : cases) {
    EXPECT_EQ(analyser.value()->Analyse(c.language, c.word).lemma, c.lemma) << c.word;
  }
}

TEST(AnalyserTest, IndonesianVoiceFromThePrefix) {
  auto analyser = Analyser::Load(testing::DataDir());
  Analyser& a = *analyser.value();
  EXPECT_EQ(a.Analyse("id", "menuduh").voice, Voice::kActive);
  EXPECT_EQ(a.Analyse("id", "dituduh").voice, Voice::kPassive);
  EXPECT_EQ(a.Analyse("id", "berjanji").voice, Voice::kActive);
  EXPECT_TRUE(a.Analyse("id", "tuduhan").nominal);
  EXPECT_FALSE(a.Analyse("id", "menuduh").nominal);
}

}  // namespace
}  // namespace warta
