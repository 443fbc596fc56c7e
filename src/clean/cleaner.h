// clean: strips page furniture and translation debris, normalises Unicode,
// and keeps a map from every cleaned byte back to the original text.
//
//   auto cleaner = Cleaner::Load("data");          // once; immutable after
//   CleanedText cleaned = cleaner.value()->Clean(article.text);
//   size_t original = cleaned.ToOriginal(cleaned_offset);
//
// Furniture rules are RE2 expressions over whole lines, from
// data/clean/furniture.tsv: `line` drops one line ("Baca juga: ..."), `tail`
// drops the line and all after it ("Previous article ..." and the author bio
// that follows). Debris repairs are built in: untranslated bracketed English
// ("[and]"), bracket edits glued to a word ("frustrasi[e]"), quote marks
// standing alone between spaces. Unicode is brought to NFC; odd spaces become
// plain spaces and zero-width characters go.
//
// Thread-safety: a loaded Cleaner is immutable; Clean() may be called from
// many threads at once.
#pragma once

#include <re2/set.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/tsv.h"
#include "warta/status.h"

namespace warta {

struct Removal {
  size_t start = 0;  // original byte offsets
  size_t end = 0;
  std::string reason;
};

struct CleanedText {
  std::string text;
  // to_original[i] is the original offset of cleaned byte i; one extra entry
  // maps text.size() to the end of the last kept span. 32 bits: the map is
  // the largest thing an article costs, and texts stay far under 4 GiB (the
  // readers refuse articles over 16 MB).
  std::vector<uint32_t> to_original;
  std::vector<Removal> removals;  // in original order

  size_t ToOriginal(size_t cleaned_offset) const {
    return to_original[cleaned_offset < to_original.size() ? cleaned_offset
                                                           : to_original.size() - 1];
  }
};

// What an article that is all page furniture is told (an error, never an
// article silently stored without text).
inline constexpr const char* kNothingLeftAfterCleaning =
    "no text left after cleaning: every line matched a page-furniture rule "
    "(`warta clean --explain` lists them)";

class Cleaner {
 public:
  // Loads data/clean/furniture.tsv from `data_dir`; errors name file and line.
  static Result<std::unique_ptr<Cleaner>> Load(const std::string& data_dir,
                                               Diagnostics* diagnostics = nullptr);
  ~Cleaner();

  CleanedText Clean(std::string_view original) const;

 private:
  struct Rule {
    bool tail = false;
    std::string pattern;
  };
  Cleaner() = default;
  const Rule* MatchFurniture(std::string_view line) const;

  std::vector<Rule> rules_;
  std::unique_ptr<re2::RE2::Set> set_;
};

}  // namespace warta
