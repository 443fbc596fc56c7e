// PhraseTable: many multi-word phrases matched at once against tokens.
//
// Build → compile → match, as RE2::Set does: Add() phrases (lowercase words),
// Compile() once, then Visit() from any token. Phrases are indexed by their
// first word, so a token that starts no phrase costs one hash look-up: the
// cheap prefilter that keeps matching fast. Immutable after Compile();
// Visit() is thread-safe.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "segment/segmenter.h"
#include "util/text.h"
#include "util/word_hash.h"

namespace warta {

// The case rules of data/README.md ("Names and phrases"): a name wholly in
// capitals of up to five letters ("AS", "PBB") matches only in capitals, so
// "as" is never the United States; a name that starts with a capital must
// start with one in the text, so "turkey" is not Turkey.
struct NameCase {
  bool exact = false;    // an acronym: only in capitals
  bool capital = false;  // must start with a capital
};

inline NameCase NameCaseOf(std::string_view name) {
  size_t letters = 0;
  for (char c : name) letters += std::isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
  NameCase rule;
  rule.exact = AllUpper(name) && letters <= 5;
  rule.capital = !rule.exact && StartsUpper(name);
  return rule;
}

// Whether the `length` tokens from tokens[i] are written as `rule` asks.
inline bool NameCaseHolds(NameCase rule, const std::vector<Token>& tokens, size_t i,
                          size_t length) {
  if (rule.exact) {
    for (size_t k = 0; k < length; ++k) {
      if (tokens[i + k].kind == TokenKind::kWord && !AllUpper(tokens[i + k].text)) return false;
    }
  }
  return !rule.capital || tokens[i].capitalized;
}

template <typename V>
class PhraseTable {
 public:
  struct Entry {
    std::vector<std::string> words;
    V value;
  };

  void Add(std::vector<std::string> words, V value) {
    if (words.empty()) return;
    std::string first = words.front();
    by_first_[first].push_back({std::move(words), std::move(value)});
  }

  // Longest phrases first, so the first accepted match is the longest.
  void Compile() {
    for (auto& [first, entries] : by_first_) {
      std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.words.size() > b.words.size();
      });
    }
  }

  // Calls accept(entry) for each phrase that matches tokens from `i`, longest
  // first, until accept returns true; returns the length of that accepted
  // phrase in tokens, or 0.
  template <typename Accept>
  size_t Visit(const std::vector<Token>& tokens, size_t i, Accept accept) const {
    if (i >= tokens.size()) return 0;  // past the end: nothing starts there
    auto it = by_first_.find(HashedLower(tokens[i]));
    if (it == by_first_.end()) return 0;
    for (const Entry& entry : it->second) {
      if (!Matches(entry.words, tokens, i)) continue;
      if (accept(entry)) return entry.words.size();
    }
    return 0;
  }

  // Length of the longest phrase from `i`, or 0.
  size_t LongestMatch(const std::vector<Token>& tokens, size_t i) const {
    return Visit(tokens, i, [](const Entry&) { return true; });
  }

  bool empty() const { return by_first_.empty(); }
  // Whether any phrase starts with this (lowercase) word: the prefilter.
  bool StartsWith(const std::string& word) const { return by_first_.count(word) > 0; }

 private:
  static bool Matches(const std::vector<std::string>& words, const std::vector<Token>& tokens,
                      size_t i) {
    if (i + words.size() > tokens.size()) return false;
    for (size_t k = 1; k < words.size(); ++k) {
      if (tokens[i + k].lower != words[k]) return false;
    }
    return true;
  }

  WordMap<std::vector<Entry>> by_first_;
};

}  // namespace warta
