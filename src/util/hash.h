// Fnv1a: a fast 64-bit hash of bytes, for stable identifiers (event ids, text
// hashes, MinHash shingles). `seed` varies the hash; 0 is plain FNV-1a.
// Not cryptographic. Stateless and thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

namespace warta {

inline uint64_t Fnv1a(std::string_view text, uint64_t seed = 0) {
  uint64_t hash = 1469598103934665603ull ^ seed;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace warta
