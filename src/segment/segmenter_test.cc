#include "segment/segmenter.h"

#include <gtest/gtest.h>

#include "../../tests/test_support.h"

namespace warta {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  auto segmenter = Segmenter::Load(testing::DataDir());
  EXPECT_TRUE(segmenter.ok());
  std::vector<std::string> out;
  for (const Sentence& s : segmenter.value()->Split(text)) {
    out.push_back(text.substr(s.start, s.end - s.start));
  }
  return out;
}

struct SplitCase {
  std::string text;
  std::vector<std::string> expected;
};

TEST(SegmenterTest, SplitsSentencesTableDriven) {
  const SplitCase cases[] = {
      {"Dr. Budi datang. Dia pergi.", {"Dr. Budi datang.", "Dia pergi."}},
      {"Ketua M. Romahurmuziy hadir. Acara usai.", {"Ketua M. Romahurmuziy hadir.", "Acara usai."}},
      {"The U.S. Army left. It rained.", {"The U.S. Army left.", "It rained."}},
      {"Angka tumbuh 1.5 persen. Baik.", {"Angka tumbuh 1.5 persen.", "Baik."}},
      {"Dia berkata “cukup.” Lalu pergi.", {"Dia berkata “cukup.”", "Lalu pergi."}},
      {"Judul berita\nIsi berita pertama.", {"Judul berita", "Isi berita pertama."}},
      {"Gen. Smith spoke on Tuesday. Troops moved.",
       {"Gen. Smith spoke on Tuesday.", "Troops moved."}},
  };
  for (const SplitCase& c : cases) EXPECT_EQ(Sentences(c.text), c.expected) << c.text;
}

// Issue 11: a run-on "sentence" (no sentence ends at all) made the coder's
// work quadratic; it is cut into clauses of bounded length.
TEST(SegmenterTest, RunOnTextIsCutAtClauseMarks) {
  std::string text;
  for (int i = 0; i < 400; ++i) text += "polisi menangkap warga di kota itu, ";
  std::vector<std::string> pieces = Sentences(text);
  ASSERT_GT(pieces.size(), 5u);
  auto segmenter = Segmenter::Load(testing::DataDir());
  ASSERT_TRUE(segmenter.ok());
  size_t tokens = 0;
  for (const Sentence& s : segmenter.value()->Split(text)) {
    EXPECT_LE(s.tokens.size(), kMaxSentenceTokens);
    EXPECT_EQ(s.tokens.back().text, ",");  // cut after a clause mark, not mid-clause
    tokens += s.tokens.size();
  }
  EXPECT_EQ(tokens, segmenter.value()->Tokenize(text).size());  // nothing lost
}

TEST(SegmenterTest, RunOnTextWithoutClauseMarksIsCutAtTheLimit) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "kata ";
  auto segmenter = Segmenter::Load(testing::DataDir());
  ASSERT_TRUE(segmenter.ok());
  std::vector<Sentence> sentences = segmenter.value()->Split(text);
  ASSERT_EQ(sentences.size(), 1000 / kMaxSentenceTokens);
  EXPECT_EQ(sentences[1].start, sentences[0].end + 1);
}

// Regression (fuzz/corpus/segment/crash-closer-after-cap): the closing quotes
// and brackets after a sentence end were taken whatever the sentence's length.
TEST(SegmenterTest, ClosersAfterTheEndDoNotTakeASentencePastTheLimit) {
  auto segmenter = Segmenter::Load(testing::DataDir());
  ASSERT_TRUE(segmenter.ok());
  std::string at_limit;
  for (size_t i = 0; i + 1 < kMaxSentenceTokens; ++i) at_limit += "kata ";
  std::string many_closers = "Selesai." + std::string(500, ')');
  for (const std::string& text : {at_limit + "akhir.’ Lalu.", many_closers}) {
    size_t tokens = 0;
    for (const Sentence& s : segmenter.value()->Split(text)) {
      EXPECT_LE(s.tokens.size(), kMaxSentenceTokens);
      tokens += s.tokens.size();
    }
    EXPECT_EQ(tokens, segmenter.value()->Tokenize(text).size());  // nothing lost
  }
  // Below the limit the closer still belongs to its sentence.
  EXPECT_EQ(Sentences("Dia pergi.’ Lalu."), (std::vector<std::string>{"Dia pergi.’", "Lalu."}));
}

TEST(SegmenterTest, TokensKeepHyphenatedNamesAndSplitPossessives) {
  auto segmenter = Segmenter::Load(testing::DataDir());
  std::vector<std::string> words;
  for (const Token& t :
       segmenter.value()->Tokenize("Im Chon-il, Indonesia's 12/10/2023 baru-baru")) {
    words.push_back(t.text);
  }
  std::vector<std::string> expected = {"Im", "Chon-il", ",",          "Indonesia",
                                       "'",  "s",       "12/10/2023", "baru-baru"};
  EXPECT_EQ(words, expected);
}

}  // namespace
}  // namespace warta
