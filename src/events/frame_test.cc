// Pass 1, the frame: the verbs of a sentence, the event nouns that are
// another verb's object, asides, clause breaks and pledges' complements.
#include "events/frame.h"

#include <gtest/gtest.h>

#include "events/pass_test_support.h"

namespace warta {
namespace {

// The words of the tokens `marks` marks, runs joined by "|" ("-" for none).
std::string Marked(const testing::PreparedSentence& sentence, const std::vector<bool>& marks) {
  std::string text;
  for (size_t k = 0; k < marks.size();) {
    if (!marks[k]) {
      ++k;
      continue;
    }
    size_t end = k;
    while (end < marks.size() && marks[end]) ++end;
    testing::Append(&text, "|", sentence.Words(k, end));
    k = end;
  }
  return text.empty() ? "-" : text;
}

// "verbs V1|V2>V3 acts A asides R breaks B": V2>V3 when V2 pledges V3.
std::string FrameSummary(const char* text, const char* language) {
  testing::PreparedSentence sentence(text, language);
  const SentenceFrame& frame = sentence.frame();
  std::string verbs;
  for (size_t j = 0; j < frame.verbs.size(); ++j) {
    if (j > 0) verbs += frame.Governed(j) ? ">" : "|";
    verbs += sentence.Words(frame.verbs[j].begin, frame.verbs[j].end);
  }
  return "verbs " + (verbs.empty() ? "-" : verbs) + " acts " + Marked(sentence, frame.acts) +
         " asides " + Marked(sentence, frame.relative) + " breaks " +
         Marked(sentence, frame.breaks);
}

TEST(FrameTest, TableDriven) {
  struct Case {
    const char* text;
    const char* language;
    const char* expected;
  } cases[] = {
      {"Korea Selatan memprotes Korea Utara atas balon sampah.", "id",
       "verbs memprotes acts - asides - breaks -"},
      // An event noun after a preposition, with no doer after it, names a
      // known event.
      {"Warga Kurima mengungsi karena khawatir terjebak dalam pertempuran.", "id",
       "verbs - acts khawatir|pertempuran asides - breaks karena"},
      // An active form the dictionary does not know is a verb by its prefix,
      // and a speech word after a comma attributes: neither is an object.
      {"Militer Israel mengatakan pihaknya telah membom sasaran di Gaza.", "id",
       "verbs mengatakan|membom acts - asides - breaks -"},
      {"Pemerintah lambat, menurut kami, ucap Ketua DPR.", "id",
       "verbs menurut|ucap acts - asides - breaks -"},
      // A pledge governs the verb it pledges.
      {"Presiden Joko Widodo berjanji Indonesia akan segera mengirimkan bantuan tahap kedua.", "id",
       "verbs berjanji>mengirimkan bantuan acts - asides - breaks -"},
      // An aside, from comma to comma, and the verb inside it is no verb.
      {"Uni Soviet, yang didominasi oleh Rusia, mengakui Korea Utara sebagai negara.", "id",
       "verbs mengakui Korea Utara sebagai negara acts - asides , yang didominasi oleh Rusia , "
       "breaks -"},
      // A noun after a determiner, after a verb, is its object; "that" breaks.
      {"Indonesia said that ASEAN condemned the air strike.", "en",
       "verbs said|condemned acts air strike asides - breaks that"},
      // Words that are no event ("menangkap ikan").
      {"Nelayan Vietnam menangkap ikan di perairan Natuna.", "id",
       "verbs - acts - asides - breaks -"},
      // A shift is a clause break.
      {"Kim Jong Un memuji Rusia sebulan setelah Putin mengunjungi Pyongyang.", "id",
       "verbs memuji|mengunjungi acts - asides - breaks sebulan setelah"},
  };
  for (const Case& c : cases) EXPECT_EQ(FrameSummary(c.text, c.language), c.expected) << c.text;
}

}  // namespace
}  // namespace warta
