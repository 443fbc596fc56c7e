// End to end on the golden articles (tests/golden/): each article's events
// against the hand-coded expected events, scored by the eval module (matched
// on source country, target country and CAMEO root; meetings and signed
// agreements either way), and nothing coded from page furniture.
#include <gtest/gtest.h>

#include <filesystem>

#include "clean/cleaner.h"
#include "eval/eval.h"
#include "read/reader.h"
#include "test_support.h"
#include "util/tsv.h"

namespace warta {
namespace {

// Measured floors: a change that drops below them has made coding worse.
constexpr double kMinRecall = 0.75;
constexpr double kMinPrecision = 0.65;
constexpr double kMinDateAccuracy = 0.80;

std::vector<std::string> GoldenNames() {
  std::vector<std::string> names;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(WARTA_SOURCE_DIR) + "/tests/golden")) {
    std::string file = entry.path().filename().string();
    if (file.size() > 6 && file.find(".expected.") == std::string::npos &&
        file.substr(file.size() - 6) == ".jsonl") {
      names.push_back(file.substr(0, file.size() - 6));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(GoldenTest, ArticlesCodeCloseToTheirExpectedEvents) {
  std::string dir = std::string(WARTA_SOURCE_DIR) + "/tests/golden/";
  auto cleaner = Cleaner::Load(testing::DataDir());
  std::vector<std::string> names = GoldenNames();
  ASSERT_GE(names.size(), 6u);
  std::vector<GoldEvent> gold;
  for (const std::string& name : names) {
    auto expected = ReadGold(dir + name + ".expected.jsonl");
    ASSERT_TRUE(expected.ok()) << expected.status().message();
    for (GoldEvent& event : expected.value()) {
      event.article = name;  // the expected files name no article: one file per article
      gold.push_back(event);
    }
  }
  Evaluation evaluation(gold);
  for (const std::string& name : names) {
    auto line = ReadFileToString(dir + name + ".jsonl");
    ASSERT_TRUE(line.ok());
    auto article = ParseArticleJson(line.value().substr(0, line.value().find('\n')), name);
    ASSERT_TRUE(article.ok()) << name << ": " << article.status().message();
    std::vector<Event> events =
        testing::CodeText(article.value().text, article.value().published->ToString());
    CleanedText cleaned = cleaner.value()->Clean(article.value().text);
    for (const Event& e : events) {
      for (const Removal& r : cleaned.removals) {
        bool furniture = r.reason.rfind("page furniture", 0) == 0;
        EXPECT_FALSE(furniture && e.evidence.verb.start >= r.start && e.evidence.verb.start < r.end)
            << name << ": event from furniture: " << e.evidence.text;
      }
    }
    evaluation.Add(name, name.substr(0, 2), events);
  }
  EvalReport report = evaluation.Finish();
  std::printf("%s", FormatReport(report, /*explain=*/true).c_str());
  double dates =
      report.matched_with_gold_date
          ? static_cast<double>(report.matched_with_right_date) / report.matched_with_gold_date
          : 0;
  EXPECT_GE(report.strict.Recall(), kMinRecall);
  EXPECT_GE(report.strict.Precision(), kMinPrecision);
  EXPECT_GE(dates, kMinDateAccuracy);
}

}  // namespace
}  // namespace warta
