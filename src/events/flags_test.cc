// Pass 6, flags: negation and modality.
#include "events/flags.h"

#include <gtest/gtest.h>

#include "events/pass_test_support.h"

namespace warta {
namespace {

// "CODE modality[ negated]" of each event the coder gives the sentence.
std::string Flags(const char* text, const char* language) {
  testing::PreparedSentence sentence(text, language);
  CoderState state;
  std::string flags;
  for (const CodedEvent& e : sentence.Code(&state)) {
    testing::Append(&flags, "; ",
                    CodeOf(e) + " " + ModalityName(e.modality) + (e.negated ? " negated" : ""));
  }
  return flags.empty() ? "-" : flags;
}

TEST(FlagsTest, NegationAndModalityTableDriven) {
  struct Case {
    const char* text;
    const char* language;
    const char* expected;
  } cases[] = {
      {"Rusia menyerang Ukraina.", "id", "190 asserted"},
      {"Rusia tidak menyerang Ukraina.", "id", "190 asserted negated"},
      {"Russia did not attack Ukraine.", "en", "190 asserted negated"},
      {"Presiden Indonesia akan mengunjungi Jepang.", "id", "042 intended"},
      {"Japan's prime minister will visit Indonesia next week.", "en", "042 intended"},
      // Inside an accusation, or after "diduga", an act is alleged.
      {"Amerika Serikat menuduh Korea Utara menyediakan senjata ke Rusia.", "id",
       "112 asserted; 072 alleged"},
      {"Polisi diduga menembak seorang mahasiswa.", "id", "180 alleged"},
      // A threat or pledge is itself asserted.
      {"Korea Utara mengancam akan menyerang Korea Selatan.", "id", "138 asserted"},
  };
  for (const auto& c : cases) EXPECT_EQ(Flags(c.text, c.language), c.expected) << c.text;
}

}  // namespace
}  // namespace warta
