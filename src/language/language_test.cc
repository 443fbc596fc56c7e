#include "language/language.h"

#include <gtest/gtest.h>

namespace warta {
namespace {

TEST(LanguageTest, IndonesianAndEnglishNewsAreTold) {
  EXPECT_EQ(DetectLanguage("Presiden Joko Widodo mengatakan pemerintah akan terus mendukung "
                           "upaya perdamaian di kawasan dan menolak segala bentuk kekerasan.")
                .code,
            "id");
  EXPECT_EQ(DetectLanguage("The foreign minister said the government would continue to "
                           "support peace efforts in the region and rejected all violence.")
                .code,
            "en");
  EXPECT_TRUE(IsSupportedLanguage("id"));
  EXPECT_FALSE(IsSupportedLanguage("fr"));
}

TEST(LanguageTest, OtherLanguagesAreNamed) {
  LanguageGuess guess = DetectLanguage(
      "Le ministre des Affaires étrangères a déclaré que le gouvernement continuerait à "
      "soutenir les efforts de paix dans la région.");
  EXPECT_EQ(guess.code, "fr");
}

}  // namespace
}  // namespace warta
