// Reading warta's plain-text data files (format: data/README.md).
//
// A TsvFile is every record of one file, with its line number, so loaders can
// name "file:line" in each error. Diagnostics collect every error of a load so
// `warta dict check` can report them all at once.
#pragma once

#include <string>
#include <vector>

#include "warta/status.h"

namespace warta {

struct TsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};

struct TsvFile {
  std::string path;
  std::vector<TsvRecord> records;
};

// Errors found while loading data, each "path:line: message".
class Diagnostics {
 public:
  void Error(const std::string& path, int line, const std::string& message);
  bool ok() const { return errors_.empty(); }
  void Merge(const Diagnostics& other) {
    errors_.insert(errors_.end(), other.errors_.begin(), other.errors_.end());
  }
  const std::vector<std::string>& errors() const { return errors_; }
  // The first error (and a count of the rest) as a Status.
  Status ToStatus() const;

 private:
  std::vector<std::string> errors_;
};

// Reads a file: skips comments and blank lines, splits on TAB, checks UTF-8.
Result<TsvFile> ReadTsv(const std::string& path);
// Every *.tsv in `dir`, sorted by name; NotFound when the folder is missing.
Result<std::vector<std::string>> ListTsvFiles(const std::string& dir);
// Reads a whole file into memory.
Result<std::string> ReadFileToString(const std::string& path);

}  // namespace warta
