#include "clean/cleaner.h"

#include <gtest/gtest.h>

#include "../../tests/test_support.h"
#include "util/tsv.h"

namespace warta {
namespace {

std::unique_ptr<Cleaner> LoadCleaner() {
  auto cleaner = Cleaner::Load(testing::DataDir());
  EXPECT_TRUE(cleaner.ok()) << cleaner.status().message();
  return std::move(cleaner).value();
}

TEST(CleanerTest, SeedLosesItsFurnitureAndDebris) {
  auto seed = ReadFileToString(testing::SharedDir() + "/seed/000_5f690164bdc1d8e4.txt");
  ASSERT_TRUE(seed.ok());
  CleanedText cleaned = LoadCleaner()->Clean(seed.value());
  for (const char* gone : {"Previous article", "Next article", "Freelance journalist", "Sumber",
                           "[and]", "[e]", "‘ memperdalam"}) {
    EXPECT_EQ(cleaned.text.find(gone), std::string::npos) << gone;
  }
  EXPECT_NE(cleaned.text.find("membuat frustrasi kebijakan"), std::string::npos);
  EXPECT_NE(cleaned.text.find("dengan Rusia."), std::string::npos);
  EXPECT_GE(cleaned.removals.size(), 4u);
}

// Issue 11: a navigation line above the body took the whole article with it.
TEST(CleanerTest, FooterRuleAboveTheBodyDropsOnlyItsLine) {
  std::string original =
      "Previous article: Harga cabai naik\n"
      "Jakarta - Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Istana "
      "Bogor.\n";
  CleanedText cleaned = LoadCleaner()->Clean(original);
  EXPECT_EQ(cleaned.text.find("Harga cabai"), std::string::npos);
  EXPECT_NE(cleaned.text.find("Presiden Joko Widodo bertemu"), std::string::npos);
  ASSERT_EQ(cleaned.removals.size(), 1u);
  EXPECT_EQ(cleaned.removals[0].end, original.find("Jakarta"));
}

TEST(CleanerTest, FooterRuleAfterTheBodyStillEndsIt) {
  std::string original =
      "Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Istana Bogor.\n"
      "Next article: Harga cabai naik\nPenulis lepas.\n";
  CleanedText cleaned = LoadCleaner()->Clean(original);
  EXPECT_EQ(cleaned.text.find("Harga cabai"), std::string::npos);
  EXPECT_EQ(cleaned.text.find("Penulis lepas"), std::string::npos);
}

TEST(CleanerTest, OffsetsMapBackToTheOriginal) {
  std::string original = "Baca juga: Berita lain\nPresiden [and] memuji\u00A0menteri[e].\n";
  CleanedText cleaned = LoadCleaner()->Clean(original);
  EXPECT_EQ(cleaned.text, "Presiden memuji menteri.\n");
  ASSERT_EQ(cleaned.to_original.size(), cleaned.text.size() + 1);
  size_t memuji = cleaned.text.find("memuji");
  EXPECT_EQ(original.substr(cleaned.ToOriginal(memuji), 6), "memuji");
  size_t menteri = cleaned.text.find("menteri");
  EXPECT_EQ(original.substr(cleaned.ToOriginal(menteri), 7), "menteri");
}

TEST(CleanerTest, ComposesToNfc) {
  CleanedText cleaned = LoadCleaner()->Clean("Ante\u0301n.");  // e + combining acute
  EXPECT_EQ(cleaned.text, "Ant\u00E9n.");
}

TEST(CleanerTest, FurnitureLinesAnywhereInEitherLanguage) {
  CleanedText cleaned = LoadCleaner()->Clean(
      "Polisi menangkap dua orang.\nADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\n"
      "Read more: Police arrest suspects\nEditor: Budi\nThe story goes on.\n"
      "Artikel ini telah tayang di Kompas.com\nLink lain");
  EXPECT_EQ(cleaned.text, "Polisi menangkap dua orang.\nThe story goes on.\n");
}

}  // namespace
}  // namespace warta
