// End to end on the seed article: the events a careful coder finds in it
// (../shared/BRIEF.md, issue "warta 0.1"), with their actors and dates, and
// nothing from the page furniture.
#include <gtest/gtest.h>

#include <functional>

#include "test_support.h"
#include "util/tsv.h"

namespace warta {
namespace {

class SeedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto text = ReadFileToString(testing::SharedDir() + "/seed/000_5f690164bdc1d8e4.txt");
    ASSERT_TRUE(text.ok()) << text.status().message();
    original_ = new std::string(text.value());
    events_ = new std::vector<Event>(testing::CodeText(*original_, "2023-10-12"));
  }
  static void TearDownTestSuite() {
    delete events_;
    delete original_;
  }

  static std::string Describe() {
    std::string all;
    for (const Event& e : *events_) {
      all += e.source.code + " " + e.cameo + " " + (e.target ? e.target->code : "-") + " " +
             (e.date ? e.date->ToString() : "?") + " " + ModalityName(e.modality) + "\n";
    }
    return all;
  }

  // Events from `source` country to `target` country ("" for none) with a
  // CAMEO code starting `code`, dated starting with `date`.
  static int Count(const std::string& source, const std::string& target, const std::string& code,
                   const std::string& date,
                   const std::function<bool(const Event&)>& extra = nullptr) {
    int count = 0;
    for (const Event& e : *events_) {
      bool target_ok = target.empty() ? true : (e.target && e.target->country == target);
      bool date_ok = e.date && e.date->ToString().rfind(date, 0) == 0;
      if (e.source.country == source && target_ok && e.cameo.rfind(code, 0) == 0 && date_ok &&
          (!extra || extra(e))) {
        ++count;
      }
    }
    return count;
  }

  static std::string* original_;
  static std::vector<Event>* events_;
};

std::string* SeedTest::original_ = nullptr;
std::vector<Event>* SeedTest::events_ = nullptr;

TEST_F(SeedTest, OctoberLetterExchangeBothWays) {
  EXPECT_GE(Count("PRK", "RUS", "04", "2023-10"), 1) << Describe();
  EXPECT_GE(Count("RUS", "PRK", "04", "2023-10"), 1) << Describe();
}

TEST_F(SeedTest, KimsVisitAndTheSummitInSeptember) {
  EXPECT_GE(Count("PRK", "RUS", "042", "2023-09"), 1) << Describe();
  auto summit = [](const Event& e) { return e.cameo != "042"; };
  EXPECT_GE(Count("PRK", "RUS", "04", "2023-09", summit), 1) << Describe();
}

TEST_F(SeedTest, PraiseOrSupportBetweenTheTwo) {
  EXPECT_GE(Count("PRK", "RUS", "05", "2023"), 1) << Describe();
  EXPECT_GE(Count("RUS", "PRK", "05", "2023"), 1) << Describe();
}

TEST_F(SeedTest, KimsPledge) {
  auto by_kim = [](const Event& e) { return e.source.name == "Kim Jong Un"; };
  EXPECT_GE(Count("PRK", "", "03", "2023", by_kim), 1) << Describe();
}

TEST_F(SeedTest, InvasionOfUkraineInFebruaryLastYear) {
  EXPECT_GE(Count("RUS", "UKR", "19", "2022-02"), 1) << Describe();
}

TEST_F(SeedTest, AllegedWeaponsSupply) {
  auto alleged = [](const Event& e) { return e.modality == Modality::kAlleged; };
  EXPECT_GE(Count("PRK", "RUS", "07", "2023", alleged), 1) << Describe();
}

TEST_F(SeedTest, SovietRecognitionIn1948) {
  EXPECT_GE(Count("SUN", "PRK", "054", "1948-10-12"), 1) << Describe();
}

TEST_F(SeedTest, UnitedStatesAccusesNorthKorea) {
  EXPECT_GE(Count("USA", "PRK", "11", "2023"), 1) << Describe();
}

TEST_F(SeedTest, PyongyangAndMoscowDeny) {
  EXPECT_GE(Count("PRK", "", "016", "2023"), 1) << Describe();
  EXPECT_GE(Count("RUS", "", "016", "2023"), 1) << Describe();
}

TEST_F(SeedTest, ImChonIlSupportsRussiaOnThursday) {
  auto im = [](const Event& e) { return e.source.name == "Im Chon-il" && e.source.agent == "GOV"; };
  EXPECT_GE(Count("PRK", "RUS", "05", "2023-10-12", im), 1) << Describe();
}

TEST_F(SeedTest, AugustLetterExchange) {
  EXPECT_GE(Count("PRK", "RUS", "04", "2023-08"), 1) << Describe();
  EXPECT_GE(Count("RUS", "PRK", "04", "2023-08"), 1) << Describe();
}

TEST_F(SeedTest, NothingFromThePageFurnitureAndEvidencePointsIntoTheOriginal) {
  size_t furniture = original_->find("\nSumber");
  ASSERT_NE(furniture, std::string::npos);
  ASSERT_FALSE(events_->empty());
  for (const Event& e : *events_) {
    EXPECT_LT(e.evidence.sentence.end, furniture) << e.evidence.text;
    EXPECT_EQ(original_->substr(e.evidence.sentence.start,
                                e.evidence.sentence.end - e.evidence.sentence.start),
              e.evidence.text);
    EXPECT_LE(e.evidence.sentence.start, e.evidence.verb.start);
    EXPECT_LE(e.evidence.verb.end, e.evidence.sentence.end);
    EXPECT_EQ(e.event_id.size(), 16u);
  }
}

TEST_F(SeedTest, EventIdsAreStableAcrossRuns) {
  std::vector<Event> again = testing::CodeText(*original_, "2023-10-12");
  ASSERT_EQ(again.size(), events_->size());
  for (size_t i = 0; i < again.size(); ++i) EXPECT_EQ(again[i].event_id, (*events_)[i].event_id);
}

}  // namespace
}  // namespace warta
