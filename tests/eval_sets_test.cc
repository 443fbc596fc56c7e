// The team's evaluation sets (eval/): coding quality must not fall below the
// figures recorded in eval/RESULTS.md. The held-out sets are scored too, but
// only to report: nothing is tuned on them, so they carry no floor here
// beyond "the pipeline codes them".
#include <gtest/gtest.h>

#include "eval/eval.h"
#include "places/places.h"
#include "read/corpus.h"
#include "test_support.h"

namespace warta {
namespace {

// Codes the articles of `articles_path` with `options` and scores them
// against `gold_path`; each article must come out in `language`.
EvalReport ScoreFiles(const std::string& gold_path, const std::string& articles_path,
                      const CodeOptions& options, const std::string& language,
                      PlaceNames place_names = nullptr) {
  auto gold = ReadGold(gold_path);
  EXPECT_TRUE(gold.ok()) << gold.status().message();
  Evaluation evaluation(gold.ok() ? gold.value() : std::vector<GoldEvent>(),
                        std::move(place_names));
  auto reader = CorpusReader::Open({articles_path});
  EXPECT_TRUE(reader.ok()) << (reader.ok() ? "" : reader.status().message());
  if (!reader.ok()) return evaluation.Finish();
  auto coder = ArticleCoder::Create(testing::SharedResources());
  ReadItem item;
  while (reader.value()->Next(&item)) {
    EXPECT_TRUE(item.article.ok()) << item.article.status().message();
    if (!item.article.ok()) continue;
    auto coded = coder.value()->Code(item.article.value(), options);
    EXPECT_TRUE(coded.ok()) << item.article.value().id;
    if (!coded.ok()) continue;
    EXPECT_EQ(coded.value().language, language) << item.article.value().id;
    evaluation.Add(item.article.value().id, coded.value().language, coded.value().events);
  }
  return evaluation.Finish();
}

// A team set (eval/SET/LANGUAGE.*), its language detected.
EvalReport Score(const std::string& set, const std::string& language) {
  std::string dir = std::string(WARTA_SOURCE_DIR) + "/eval/" + set + "/";
  return ScoreFiles(dir + language + ".gold.jsonl", dir + language + ".articles.jsonl",
                    CodeOptions(), language);
}

struct Floor {
  const char* set;
  const char* language;
  double min_f1;
  int articles;
};

TEST(EvalSetsTest, StrictF1StaysAboveTheRecordedFloor) {
  // Floors a little under the figures in eval/RESULTS.md (measured 2026-12-07,
  // after the gold was recoded to CODING.md's statement rule and statements
  // became events).
  const Floor floors[] = {{"dev", "id", 0.72, 88},
                          {"dev", "en", 0.76, 20},
                          {"heldout", "id", 0.0, 6},
                          {"heldout", "en", 0.0, 6}};
  for (const Floor& floor : floors) {
    EvalReport report = Score(floor.set, floor.language);
    std::printf("%s/%s: strict P %.3f R %.3f F1 %.3f, root-level F1 %.3f, dates %d/%d\n", floor.set,
                floor.language, report.strict.Precision(), report.strict.Recall(),
                report.strict.F1(), report.root_level.F1(), report.matched_with_right_date,
                report.matched_with_gold_date);
    EXPECT_GE(report.strict.F1(), floor.min_f1) << floor.set << "/" << floor.language;
    EXPECT_EQ(report.articles, floor.articles);
  }
}

// Every name of a gazetteer place, as `warta eval` compares divisions.
PlaceNames GazetteerNames() {
  auto segmenter = Segmenter::Load(testing::DataDir());
  EXPECT_TRUE(segmenter.ok());
  auto gazetteer = Gazetteer::Load(testing::DataDir(), *segmenter.value());
  EXPECT_TRUE(gazetteer.ok()) << gazetteer.status().message();
  std::shared_ptr<const Gazetteer> shared = std::move(gazetteer).value();
  return [shared](const std::string& id) {
    int index = shared->Find(id);
    return index < 0 ? std::vector<std::string>{} : shared->at(index).names;
  };
}

// The development figure that counts: real Indonesian news sentences hand-
// coded by CODING.md (../shared/dev, read there, never copied). Each sentence
// is coded alone, as Indonesian.
EvalReport ScoreSharedSentences(const std::string& set) {
  std::string dir = testing::SharedDir() + "/dev/";
  CodeOptions options;
  options.language = "id";
  return ScoreFiles(dir + set + ".gold.jsonl", dir + set + ".jsonl", options, "id",
                    GazetteerNames());
}

TEST(EvalSetsTest, RealSentencesStayAboveTheRecordedFloor) {
  // Floors a little under the figures in eval/RESULTS.md (2026-12-08).
  const struct {
    const char* set;
    double min_f1;
    int articles;
  } floors[] = {{"id-sentences", 0.39, 160}, {"id-sentences-2", 0.46, 280}};
  for (const auto& floor : floors) {
    EvalReport report = ScoreSharedSentences(floor.set);
    std::printf("%s: strict P %.3f R %.3f F1 %.3f, root-level F1 %.3f\n", floor.set,
                report.strict.Precision(), report.strict.Recall(), report.strict.F1(),
                report.root_level.F1());
    EXPECT_GE(report.strict.F1(), floor.min_f1) << floor.set;
    EXPECT_EQ(report.articles, floor.articles) << floor.set;
  }
}

// Issue 14: where matched events happened. Floors a little under the figures
// measured when placement came (2026-12-07: id-sentences country 0.889,
// division 0.889 of 9, none placed of 45 where the gold has none;
// id-sentences-2 0.933, 0.867 of 15, 2 placed of 65).
TEST(EvalSetsTest, RealSentencesArePlacedAboveTheRecordedFloor) {
  const struct {
    const char* set;
    double min_country, min_adm1, max_placed_without_gold;
  } floors[] = {{"id-sentences", 0.85, 0.85, 0.05}, {"id-sentences-2", 0.85, 0.8, 0.08}};
  for (const auto& floor : floors) {
    PlacementScores places = ScoreSharedSentences(floor.set).places;
    std::printf("%s: place country %.3f, division %.3f of %d; placed without gold %d of %d\n",
                floor.set, places.CountryRate(), places.Adm1Rate(), places.gold_placed,
                places.placed_without_gold, places.gold_unplaced);
    EXPECT_GE(places.CountryRate(), floor.min_country) << floor.set;
    EXPECT_GE(places.Adm1Rate(), floor.min_adm1) << floor.set;
    EXPECT_LE(places.PlacedWithoutGoldRate(), floor.max_placed_without_gold) << floor.set;
  }
}

}  // namespace
}  // namespace warta
