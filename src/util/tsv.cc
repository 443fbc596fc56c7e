#include "util/tsv.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/text.h"

namespace warta {

void Diagnostics::Error(const std::string& path, int line, const std::string& message) {
  errors_.push_back(path + ":" + std::to_string(line) + ": " + message);
}

Status Diagnostics::ToStatus() const {
  if (errors_.empty()) return Status::Ok();
  std::string message = errors_.front();
  if (errors_.size() > 1) {
    message += " (and " + std::to_string(errors_.size() - 1) + " more)";
  }
  return Status::InvalidData(message);
}

Result<std::string> ReadFileToString(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": read error");
  return buffer.str();
}

Result<TsvFile> ReadTsv(const std::string& path) {
  auto content = ReadFileToString(path);
  if (!content.ok()) return content.status();
  const std::string& text = content.value();
  size_t invalid = FindInvalidUtf8(text);
  if (invalid != std::string::npos) {
    return Status::InvalidData(path + ": invalid UTF-8 at byte " + std::to_string(invalid));
  }
  TsvFile file{path, {}};
  std::istringstream lines(text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    file.records.push_back({number, Split(line, '\t')});
  }
  return file;
}

Result<std::vector<std::string>> ListTsvFiles(const std::string& dir) {
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    return Status::NotFound(dir + ": data folder not found");
  }
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.path().extension() == ".tsv") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace warta
