// Hash maps keyed by words, for the look-ups every token makes.
//
// std::hash<std::string> counts as a slow hash in libstdc++, so an
// unordered_map keyed by it finds a key in a table of up to 20 entries by
// comparing it with every entry in turn; with many small tables (one per
// lexicon kind, one per cue) that linear scan was the largest single cost of
// coding. WordHash is the same hash under another name, which the library
// treats as fast: every look-up hashes once and reads one bucket. It is
// transparent, so a std::string_view or a HashedWord finds a std::string key
// without a copy.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace warta {

// A word with its hash already computed: tokens hash their lowercase form
// once, when they are made, and every table they are looked up in reuses it.
struct HashedWord {
  std::string_view word;
  size_t hash;
  friend bool operator==(const HashedWord& a, const std::string& b) { return a.word == b; }
};

struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
  size_t operator()(const HashedWord& word) const { return word.hash; }
};

template <typename V>
using WordMap = std::unordered_map<std::string, V, WordHash, std::equal_to<>>;
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

}  // namespace warta
