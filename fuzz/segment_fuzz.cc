// Fuzz target: Segmenter::Tokenize and Split (through SentenceReader) with the
// abbreviations of data/segment.
//
// Checks, for any bytes: tokens are non-empty spans inside the text, in
// order without overlapping, each holding exactly its bytes; the sentences
// hold exactly those tokens in that order, each non-empty, spanning its first
// to last token, none over kMaxSentenceTokens tokens (the bound that keeps
// coding linear).
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "segment/segmenter.h"

namespace {

const warta::Segmenter& TheSegmenter() {
  static std::unique_ptr<warta::Segmenter> segmenter = [] {
    auto loaded = warta::Segmenter::Load(warta::fuzz::DataDir());
    FUZZ_CHECK(loaded.ok());
    return std::move(loaded).value();
  }();
  return *segmenter;
}

void CheckTokens(std::string_view text, const std::vector<warta::Token>& tokens) {
  size_t previous_end = 0;
  for (const warta::Token& token : tokens) {
    FUZZ_CHECK(token.start >= previous_end);
    FUZZ_CHECK(token.start < token.end && token.end <= text.size());
    FUZZ_CHECK(token.text == text.substr(token.start, token.end - token.start));
    previous_end = token.end;
  }
}

void CheckSentences(const std::vector<warta::Token>& tokens,
                    const std::vector<warta::Sentence>& sentences) {
  size_t next = 0;  // the token the next sentence must start with
  for (const warta::Sentence& sentence : sentences) {
    FUZZ_CHECK(!sentence.tokens.empty());
    FUZZ_CHECK(sentence.tokens.size() <= warta::kMaxSentenceTokens);
    FUZZ_CHECK(sentence.start == sentence.tokens.front().start);
    FUZZ_CHECK(sentence.end == sentence.tokens.back().end);
    for (const warta::Token& token : sentence.tokens) {
      FUZZ_CHECK(next < tokens.size());
      FUZZ_CHECK(token.start == tokens[next].start && token.end == tokens[next].end);
      FUZZ_CHECK(token.newline_before == tokens[next].newline_before);
      ++next;
    }
  }
  FUZZ_CHECK(next == tokens.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = warta::fuzz::AsText(data, size);
  std::vector<warta::Token> tokens = TheSegmenter().Tokenize(text);
  CheckTokens(text, tokens);
  CheckSentences(tokens, TheSegmenter().Split(text));
  return 0;
}
