// Small UTF-8 helpers shared by the stages. Stateless and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace warta {

// Decodes the code point at `text[*pos]` and advances *pos past it; returns -1
// (and advances one byte) on an invalid sequence.
int32_t DecodeUtf8(std::string_view text, size_t* pos);
void AppendUtf8(int32_t code_point, std::string* out);
// Byte offset of the first invalid UTF-8 sequence, or npos when valid.
size_t FindInvalidUtf8(std::string_view text);

// Unicode-aware lowercase (utf8proc), for matching.
std::string ToLower(std::string_view text);
bool IsAlphaCodePoint(int32_t code_point);
bool IsUpperCodePoint(int32_t code_point);
bool IsDigitCodePoint(int32_t code_point);
// True when the first letter is uppercase.
bool StartsUpper(std::string_view text);
// True when every letter is uppercase and there is at least one.
bool AllUpper(std::string_view text);

// "ujarnya", "partainya": an Indonesian word carrying the clitic "-nya", which
// refers back to someone already named (longer than "-nya" on a short stem).
bool HasNyaClitic(std::string_view word);

std::string_view Trim(std::string_view text);
std::vector<std::string> Split(std::string_view text, char separator);

}  // namespace warta
