// TextTable: rows of text in aligned columns, for people to read in a
// terminal (`warta query --format table`, `warta code --format table`).
//
//   TextTable table({{"DATE", 10}, {"SOURCE", 30}, {"EVIDENCE", 80}});
//   std::cout << table.Add({"2024-05-01", "IDNGOV Menteri Pertahanan", "..."});
//   std::cout << table.Finish();
//
// Each column is as wide as its widest value or title, up to its maximum; a
// longer value is cut to fit and ends in "…". Widths count code points, and a
// cut never falls inside a UTF-8 character. Columns are at least two spaces
// apart, and line breaks, tabs and other control characters in values become
// spaces, so columns never run together. The last column is not padded.
//
// The first `held_rows` rows are held back until enough are seen to size the
// columns; later rows are cut to those widths and returned at once, so memory
// stays flat however many rows come. Not thread-safe.
#pragma once

#include <string>
#include <vector>

namespace warta {

class TextTable {
 public:
  struct Column {
    std::string title;
    size_t max_width = 0;  // in code points; at least 2
  };

  explicit TextTable(std::vector<Column> columns, size_t held_rows = 1000);

  // One row, a value per column (missing values are empty). Returns the text
  // ready to write: "" while rows are held back, else the held rows (and the
  // title line) and this one.
  std::string Add(std::vector<std::string> cells);
  // Whatever is still held (the title line at least), sized to it.
  std::string Finish();

  // One line of `cells` fitted to `widths`, with its newline.
  static std::string FormatRow(const std::vector<std::string>& cells,
                               const std::vector<size_t>& widths);
  // `text` as one line of at most `width` code points, cut with "…".
  static std::string Fit(const std::string& text, size_t width);
  // The width of `text` in code points, as Fit counts it.
  static size_t Width(const std::string& text);

 private:
  std::string Flush();  // sizes the columns and writes the title and held rows

  std::vector<Column> columns_;
  size_t held_rows_;
  std::vector<std::vector<std::string>> held_;
  std::vector<size_t> widths_;
  bool sized_ = false;
};

}  // namespace warta
