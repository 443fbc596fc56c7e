#include "util/text_table.h"

#include <algorithm>

#include "util/text.h"

namespace warta {

namespace {

constexpr const char* kGap = "  ";           // between columns
constexpr const char* kEllipsis = "\u2026";  // "…", one code point

// The code points of `text` as pieces of UTF-8, control characters as
// spaces and invalid bytes as U+FFFD, so that every piece is one column wide.
std::vector<std::string> Pieces(const std::string& text) {
  std::vector<std::string> pieces;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    int32_t code_point = DecodeUtf8(text, &pos);
    if (code_point < 0) {
      pieces.push_back("\uFFFD");
    } else if (code_point < 0x20 || code_point == 0x7f) {
      pieces.push_back(" ");
    } else {
      pieces.push_back(text.substr(start, pos - start));
    }
  }
  return pieces;
}

}  // namespace

TextTable::TextTable(std::vector<Column> columns, size_t held_rows)
    : columns_(std::move(columns)), held_rows_(std::max<size_t>(held_rows, 1)) {
  for (Column& column : columns_) column.max_width = std::max<size_t>(column.max_width, 2);
}

size_t TextTable::Width(const std::string& text) { return Pieces(text).size(); }

std::string TextTable::Fit(const std::string& text, size_t width) {
  std::vector<std::string> pieces = Pieces(text);
  std::string out;
  bool cut = pieces.size() > width;
  size_t keep = cut ? (width > 0 ? width - 1 : 0) : pieces.size();
  for (size_t i = 0; i < keep; ++i) out += pieces[i];
  if (cut && width > 0) out += kEllipsis;
  return out;
}

std::string TextTable::FormatRow(const std::vector<std::string>& cells,
                                 const std::vector<size_t>& widths) {
  std::string line;
  for (size_t i = 0; i < widths.size(); ++i) {
    std::string cell = Fit(i < cells.size() ? cells[i] : "", widths[i]);
    if (i + 1 == widths.size()) {
      line += cell;
      break;
    }
    line += cell + std::string(widths[i] - Width(cell), ' ') + kGap;
  }
  // (An empty last cell would leave the gap behind.)
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line + "\n";
}

std::string TextTable::Add(std::vector<std::string> cells) {
  if (sized_) return FormatRow(cells, widths_);
  held_.push_back(std::move(cells));
  return held_.size() >= held_rows_ ? Flush() : "";
}

std::string TextTable::Finish() { return sized_ ? "" : Flush(); }

std::string TextTable::Flush() {
  std::vector<std::string> titles;
  for (const Column& column : columns_) {
    titles.push_back(column.title);
    widths_.push_back(std::min(Width(column.title), column.max_width));
  }
  for (const auto& row : held_) {
    for (size_t i = 0; i < columns_.size() && i < row.size(); ++i) {
      widths_[i] = std::max(widths_[i], std::min(Width(row[i]), columns_[i].max_width));
    }
  }
  // The last column is not padded, so later rows may use all of its width.
  if (!widths_.empty()) widths_.back() = columns_.back().max_width;
  sized_ = true;
  std::string out = FormatRow(titles, widths_);
  for (const auto& row : held_) out += FormatRow(row, widths_);
  held_.clear();
  return out;
}

}  // namespace warta
