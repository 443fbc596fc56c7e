// Fuzz target: Cleaner::Clean with the furniture rules of data/clean.
//
// Checks, for any bytes: the offset map has one entry per cleaned byte plus
// one, never decreases and never points past the input (every entry but the
// last at an input byte); removals lie within the input, in order, without
// overlapping, and no kept byte maps into one. For valid UTF-8 input (all the
// pipeline ever cleans) the cleaned text is valid UTF-8 too.
#include <cstdint>
#include <memory>
#include <string_view>

#include "clean/cleaner.h"
#include "fuzz_check.h"

namespace {

const warta::Cleaner& TheCleaner() {
  static std::unique_ptr<warta::Cleaner> cleaner = [] {
    auto loaded = warta::Cleaner::Load(warta::fuzz::DataDir());
    FUZZ_CHECK(loaded.ok());
    return std::move(loaded).value();
  }();
  return *cleaner;
}

void CheckMap(const warta::CleanedText& cleaned, size_t input_size) {
  const auto& map = cleaned.to_original;
  FUZZ_CHECK(map.size() == cleaned.text.size() + 1);
  for (size_t i = 0; i < map.size(); ++i) {
    FUZZ_CHECK(map[i] <= input_size);
    FUZZ_CHECK(i + 1 == map.size() || map[i] < input_size);
    FUZZ_CHECK(i == 0 || map[i - 1] <= map[i]);
  }
  FUZZ_CHECK(cleaned.ToOriginal(cleaned.text.size() + 5) == map.back());
}

void CheckRemovals(const warta::CleanedText& cleaned, size_t input_size) {
  size_t previous_end = 0;
  for (const warta::Removal& removal : cleaned.removals) {
    FUZZ_CHECK(removal.start < removal.end && removal.end <= input_size);
    FUZZ_CHECK(removal.start >= previous_end);
    FUZZ_CHECK(!removal.reason.empty());
    previous_end = removal.end;
  }
  // Both lists are in order: one pass tells whether a kept byte was removed.
  size_t next = 0;
  const auto& map = cleaned.to_original;
  for (size_t i = 0; i + 1 < map.size(); ++i) {
    while (next < cleaned.removals.size() && cleaned.removals[next].end <= map[i]) ++next;
    FUZZ_CHECK(next == cleaned.removals.size() || map[i] < cleaned.removals[next].start);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = warta::fuzz::AsText(data, size);
  warta::CleanedText cleaned = TheCleaner().Clean(input);
  CheckMap(cleaned, size);
  CheckRemovals(cleaned, size);
  if (warta::FindInvalidUtf8(input) == std::string::npos) {
    FUZZ_CHECK(warta::FindInvalidUtf8(cleaned.text) == std::string::npos);
  }
  return 0;
}
