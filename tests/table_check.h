// A check shared by the command-line tests: text tables keep their columns
// apart.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace warta::testing {

// A text table's columns stay apart: in every line, the two characters (code
// points) before each column the title line starts are spaces, and a value
// cut with "…" is followed by them.
inline void ExpectColumnsApart(const std::string& table) {
  auto code_points = [](const std::string& line) {
    std::vector<std::string> out;
    for (size_t i = 0; i < line.size();) {
      size_t n = 1;
      unsigned char c = static_cast<unsigned char>(line[i]);
      if (c >= 0xf0)
        n = 4;
      else if (c >= 0xe0)
        n = 3;
      else if (c >= 0xc0)
        n = 2;
      out.push_back(line.substr(i, n));
      i += n;
    }
    return out;
  };
  std::vector<std::vector<std::string>> lines;
  for (size_t start = 0; start < table.size();) {
    size_t end = table.find('\n', start);
    if (end == std::string::npos) end = table.size();
    lines.push_back(code_points(table.substr(start, end - start)));
    start = end + 1;
  }
  ASSERT_FALSE(lines.empty());
  std::vector<size_t> starts;
  const auto& title = lines.front();
  for (size_t i = 2; i < title.size(); ++i) {
    if (title[i] != " " && title[i - 1] == " " && title[i - 2] == " ") starts.push_back(i);
  }
  EXPECT_FALSE(starts.empty()) << "no columns in the title line";
  for (const auto& line : lines) {
    std::string text;
    for (const auto& c : line) text += c;
    for (size_t start : starts) {
      if (line.size() <= start) continue;
      EXPECT_TRUE(line[start - 1] == " " && line[start - 2] == " ")
          << "column at " << start << " runs into the one before it: " << text;
    }
    for (size_t i = 0; i + 1 < line.size(); ++i) {
      if (line[i] == "\u2026") {
        EXPECT_EQ(line[i + 1], " ") << "a cut value runs on: " << text;
      }
    }
  }
}

}  // namespace warta::testing
