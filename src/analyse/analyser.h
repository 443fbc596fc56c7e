// analyse: roots and lemmas of words, with Hunspell.
//
//   auto analyser = Analyser::Load("data");   // one per thread
//   const WordAnalysis& a = analyser.value()->Analyse("id", "menuduh");
//   // a.lemma == "tuduh", a.voice == Voice::kActive
//
// Indonesian uses Debian's hunspell-id (id_ID), whose affix rules give the
// root (menuduh → tuduh, mengatakan → kata) and the morphology flags from
// which the voice comes: meN-/ber- active, di-/ter- passive, pe-an/ke-an/-an
// nominal. English uses hunspell-en-us for regular inflection (accused →
// accuse) and data/lexicon/en_irregular.tsv for irregular verbs (met → meet).
// Unknown words are their own lemma.
//
// Results are cached (tokens repeat); the cache is bounded so memory stays
// flat. Hunspell is not thread-safe, so neither is an Analyser: give each
// thread its own.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "util/tsv.h"
#include "util/word_hash.h"
#include "warta/status.h"

class Hunspell;

namespace warta {

enum class Voice { kNone, kActive, kPassive };

struct WordAnalysis {
  std::string lemma;
  Voice voice = Voice::kNone;
  bool nominal = false;  // a noun formed from a verb (tuduhan, pertemuan)
};

class Analyser {
 public:
  // Dictionaries are looked up in `hunspell_dir` (Debian: /usr/share/hunspell).
  static Result<std::unique_ptr<Analyser>> Load(
      const std::string& data_dir, const std::string& hunspell_dir = "/usr/share/hunspell",
      Diagnostics* diagnostics = nullptr);
  // Checks, without loading them, that the Hunspell dictionaries are there
  // and that the irregular-verb table is valid (Load does both and more).
  static Status Check(const std::string& data_dir,
                      const std::string& hunspell_dir = "/usr/share/hunspell",
                      Diagnostics* diagnostics = nullptr);
  ~Analyser();

  // `lower` is the lowercase word. The reference is valid until the next call.
  const WordAnalysis& Analyse(const std::string& language, const std::string& lower);
  // Whether the language's Hunspell dictionary accepts the word.
  bool Knows(const std::string& language, const std::string& lower) const;

 private:
  Analyser() = default;
  WordAnalysis AnalyseIndonesian(const std::string& lower);
  WordAnalysis AnalyseEnglish(const std::string& lower);
  WordAnalysis PassiveFallback(const std::string& lower);

  std::unique_ptr<Hunspell> indonesian_;
  std::unique_ptr<Hunspell> english_;
  WordMap<std::string> irregular_;  // form → lemma
  WordMap<WordAnalysis> cache_id_;
  WordMap<WordAnalysis> cache_en_;
};

}  // namespace warta
