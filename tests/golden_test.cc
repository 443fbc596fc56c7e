// End to end on the golden articles (tests/golden/): each article's events
// against the hand-coded expected events, matched on source country, target
// country and CAMEO root (meetings, talks and signed agreements either way).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "clean/cleaner.h"
#include "read/reader.h"
#include "test_support.h"
#include "util/tsv.h"

namespace warta {
namespace {

// Measured floors: a change that drops below them has made coding worse.
constexpr double kMinRecall = 0.70;
constexpr double kMinPrecision = 0.60;
constexpr double kMinDateAccuracy = 0.80;

struct Expected {
  std::string source, target, root, cameo, date;
  bool matched = false;
};

bool Symmetric(const std::string& root, const std::string& cameo) {
  return root == "04" || cameo == "057";
}

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
  int true_positives = 0, found_total = 0, expected_total = 0, dated_right = 0;
  std::vector<std::string> names = GoldenNames();
  ASSERT_GE(names.size(), 6u);
  for (const std::string& name : names) {
    auto line = ReadFileToString(dir + name + ".jsonl");
    ASSERT_TRUE(line.ok());
    auto article = ParseArticleJson(line.value().substr(0, line.value().find('\n')), name);
    ASSERT_TRUE(article.ok()) << name << ": " << article.status().message();
    std::vector<Expected> expected;
    std::ifstream gold(dir + name + ".expected.jsonl");
    for (std::string row; std::getline(gold, row);) {
      if (row.empty()) continue;
      auto json = nlohmann::json::parse(row);
      expected.push_back({json["source"], json["target"].is_null() ? "" : json["target"],
                          json["root"], json["cameo"], json["date"]});
    }
    std::vector<Event> events =
        testing::CodeText(article.value().text, article.value().published->ToString());
    // Nothing may come from page furniture.
    CleanedText cleaned = cleaner.value()->Clean(article.value().text);
    for (const Event& e : events) {
      for (const Removal& r : cleaned.removals) {
        bool furniture = r.reason.rfind("page furniture", 0) == 0;
        EXPECT_FALSE(furniture && e.evidence.verb.start >= r.start && e.evidence.verb.start < r.end)
            << name << ": event from furniture: " << e.evidence.text;
      }
    }
    int article_hits = 0, found = 0;
    std::string report;
    for (const Event& e : events) {
      std::string target = e.target ? e.target->country : "";
      Expected* hit = nullptr;
      bool mirror = false;  // the other direction of a reciprocal event already matched
      for (Expected& x : expected) {
        if (x.root != e.cameo_root) continue;
        bool forward = x.source == e.source.country && x.target == target;
        bool backward =
            Symmetric(x.root, e.cameo) && x.source == target && x.target == e.source.country;
        if (x.matched) {
          mirror = mirror || (backward && !forward);
          continue;
        }
        if (forward || backward) {
          hit = &x;
          break;
        }
      }
      if (!hit && mirror) continue;
      ++found;
      report += std::string(hit ? "  ok   " : "  extra ") + e.source.code + " " + e.cameo + " " +
                (e.target ? e.target->code : "-") + " " + (e.date ? e.date->ToString() : "?") +
                "  | " + e.evidence.text.substr(0, 70) + "\n";
      if (!hit) continue;
      hit->matched = true;
      ++article_hits;
      if (e.date && e.date->ToString() == hit->date)
        ++dated_right;
      else
        report += "        (expected date " + hit->date + ")\n";
    }
    for (const Expected& x : expected) {
      if (!x.matched)
        report += "  miss  " + x.source + " " + x.root + " " + x.target + " " + x.date + "\n";
    }
    std::printf("%-14s expected %2zu found %2d matched %2d\n%s", name.c_str(), expected.size(),
                found, article_hits, report.c_str());
    true_positives += article_hits;
    found_total += found;
    expected_total += static_cast<int>(expected.size());
  }
  double recall = static_cast<double>(true_positives) / expected_total;
  double precision = found_total ? static_cast<double>(true_positives) / found_total : 0;
  double dates = true_positives ? static_cast<double>(dated_right) / true_positives : 0;
  std::printf("golden: recall %.2f precision %.2f date accuracy %.2f (%d/%d/%d)\n", recall,
              precision, dates, true_positives, found_total, expected_total);
  EXPECT_GE(recall, kMinRecall);
  EXPECT_GE(precision, kMinPrecision);
  EXPECT_GE(dates, kMinDateAccuracy);
}

}  // namespace
}  // namespace warta
