// Helpers shared by the command-line front ends (apps/*.cc).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

namespace warta::cli {

inline constexpr int kExitPartial = 1;
inline constexpr int kExitUsage = 2;

// One clear message on standard error; returns the exit code to use.
inline int Fail(const std::string& message, int code = kExitUsage) {
  std::cerr << "warta: " << message << "\n";
  return code;
}

// Finds the data folder: --data, $WARTA_DATA, then beside the executable.
inline std::string FindDataDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("WARTA_DATA")) return env;
  std::error_code error;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", error).parent_path();
  for (auto candidate : {exe / "../share/warta/data", exe / "../data", exe / "data"}) {
    if (std::filesystem::exists(candidate / "codebook/cameo.tsv", error)) {
      return candidate.lexically_normal().string();
    }
  }
  return "data";
}

// `warta ingest|query|export|stats ...`: the database commands (store_commands.cc).
int RunStoreCommand(const std::string& command, int argc, char** argv);

}  // namespace warta::cli
