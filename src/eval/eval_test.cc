#include "eval/eval.h"

#include <gtest/gtest.h>

#include <fstream>

namespace warta {
namespace {

Event Coded(const std::string& source, const std::string& cameo, const std::string& target) {
  Event e;
  e.source.country = e.source.code = source;
  if (!target.empty()) {
    e.target = Actor();
    e.target->country = e.target->code = target;
  }
  e.cameo = cameo;
  e.cameo_root = cameo.substr(0, 2);
  e.date = Date::Day(2024, 1, 2);
  return e;
}

std::vector<GoldEvent> Gold() {
  std::string path = ::testing::TempDir() + "gold.jsonl";
  std::ofstream(path)
      << "{\"article\":\"a\",\"source\":\"IDN\",\"target\":\"AUS\",\"cameo\":\"057\","
         "\"date\":\"2024-01-02\"}\n"
         "{\"article\":\"a\",\"source\":\"CHN\",\"target\":\"AUS\",\"cameo\":\"111\","
         "\"date\":\"2024-01-01\"}\n"
         "{\"doc\":\"b\",\"source\":{\"country\":\"RUS\",\"agent\":\"GOV\"},"
         "\"target\":{\"country\":\"\",\"agent\":\"\"},\"cameo\":\"016\"}\n"
         "{\"doc\":\"c\",\"none\":true}\n";
  auto gold = ReadGold(path);
  EXPECT_TRUE(gold.ok()) << gold.status().message();
  return gold.value();
}

TEST(EvalTest, MatchesOnCountriesAndRootWithReciprocalEventsEitherWay) {
  Evaluation evaluation(Gold());
  // Both directions of the signing: one hit, the mirror is not spurious.
  evaluation.Add("a", "id",
                 {Coded("AUS", "057", "IDN"), Coded("IDN", "057", "AUS"),
                  Coded("CHN", "112", "AUS"), Coded("USA", "190", "AUS")});
  evaluation.Add("b", "en", {Coded("RUS", "016", "")});
  evaluation.Add("c", "en", {Coded("RUS", "010", "")});
  EvalReport report = evaluation.Finish();
  EXPECT_EQ(report.strict.true_positives, 3);   // 057, 11 (root level of 112/111), 016
  EXPECT_EQ(report.strict.false_positives, 2);  // USA 190, RUS 010 in c
  EXPECT_EQ(report.strict.false_negatives, 0);
  EXPECT_EQ(report.matched_with_right_date, 1);  // only the signing's date is right
  EXPECT_EQ(report.by_language["en"].false_positives, 1);
  EXPECT_NEAR(report.strict.Precision(), 0.6, 1e-9);
  EXPECT_NEAR(report.strict.Recall(), 1.0, 1e-9);
}

// Issue 14: placement on matched events, at country and division level; a
// gold division matches any name of the location's division.
TEST(EvalTest, PlacementIsScoredOnMatchedEvents) {
  std::string path = ::testing::TempDir() + "gold-places.jsonl";
  std::ofstream(path)
      << "{\"doc\":\"p\",\"source\":{\"country\":\"IDN\"},\"cameo\":\"010\",\"place\":"
         "{\"name\":\"Samarinda\",\"country\":\"IDN\",\"adm1\":\"East Kalimantan\","
         "\"feature\":\"city\",\"basis\":\"written\"}}\n"
         "{\"doc\":\"p\",\"source\":{\"country\":\"CHN\"},\"cameo\":\"111\",\"place\":"
         "{\"name\":\"Tiongkok\",\"country\":\"CHN\",\"adm1\":\"\",\"feature\":\"country\"}}\n"
         "{\"doc\":\"p\",\"source\":{\"country\":\"RUS\"},\"cameo\":\"016\",\"place\":null}\n"
         "{\"doc\":\"p\",\"source\":{\"country\":\"USA\"},\"cameo\":\"190\",\"place\":"
         "{\"name\":\"Cairo\",\"country\":\"EGY\",\"adm1\":\"Cairo\",\"feature\":\"city\"}}\n";
  auto gold = ReadGold(path);
  ASSERT_TRUE(gold.ok()) << gold.status().message();
  auto names = [](const std::string& id) {
    if (id == "IDN.KI") return std::vector<std::string>{"Kalimantan Timur", "East Kalimantan"};
    if (id == "EGY.C") return std::vector<std::string>{"Cairo Governorate", "Provinsi Kairo"};
    return std::vector<std::string>{};
  };
  Evaluation evaluation(gold.value(), names);
  auto at = [](Event e, const std::string& country, const std::string& adm1_id) {
    e.location = Location();
    e.location->country = country;
    e.location->adm1_id = adm1_id;
    e.location->adm1 = adm1_id.empty() ? "" : "display name";
    return e;
  };
  evaluation.Add("p", "id",
                 {at(Coded("IDN", "010", ""), "IDN", "IDN.KI"),   // right, by another name
                  at(Coded("CHN", "111", ""), "CHN", "CHN.BJ"),   // a division for a country
                  at(Coded("RUS", "016", ""), "RUS", ""),         // placed where gold has none
                  at(Coded("USA", "190", ""), "EGY", "EGY.C")});  // "Cairo Governorate"
  EvalReport report = evaluation.Finish();
  EXPECT_EQ(report.places.gold_placed, 3);
  EXPECT_EQ(report.places.country_right, 3);
  EXPECT_EQ(report.places.adm1_right, 2);
  EXPECT_EQ(report.places.gold_unplaced, 1);
  EXPECT_EQ(report.places.placed_without_gold, 1);
  EXPECT_NE(FormatReport(report, false).find("place on matched: country 1.000, division 0.667"),
            std::string::npos)
      << FormatReport(report, false);
  std::string json = FormatReportJson(report);
  EXPECT_NE(json.find("\"places\":{\"gold_placed\":3,\"country_right\":3"), std::string::npos)
      << json;
  EXPECT_NE(json.find("\"placed_without_gold\":1"), std::string::npos) << json;
}

// Issue 11: a gold set without dates printed "0.000 (0 of 27)".
TEST(EvalTest, DatesAreScoredOnlyWhereTheGoldHasThem) {
  Evaluation evaluation(Gold());
  evaluation.Add("b", "en", {Coded("RUS", "016", "")});  // b's gold has no date
  EvalReport report = evaluation.Finish();
  EXPECT_EQ(report.strict.true_positives, 1);
  EXPECT_EQ(report.matched_with_gold_date, 0);
  EXPECT_NE(FormatReport(report, false).find("date right on matched: no dates in gold"),
            std::string::npos);
}

TEST(EvalTest, ArticlesNeverCodedCountAsMissesAndBadGoldIsNamed) {
  Evaluation evaluation(Gold());
  EvalReport report = evaluation.Finish();
  EXPECT_EQ(report.strict.false_negatives, 3);
  std::string path = ::testing::TempDir() + "bad-gold.jsonl";
  std::ofstream(path) << "{\"article\":\"a\",\"cameo\":\"042\"}\n";
  auto bad = ReadGold(path);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("bad-gold.jsonl:1: an event needs"), std::string::npos);
}

}  // namespace
}  // namespace warta
