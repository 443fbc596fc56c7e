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

// Finds one of warta's folders: the flag, then the environment variable,
// then beside the executable (installed: ../share/warta/NAME; built in the
// repository: ../NAME). `marker` is a file the folder must hold.
inline std::string FindFolder(const std::string& flag, const char* env_name,
                              const std::string& name, const std::string& marker) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv(env_name)) return env;
  std::error_code error;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", error).parent_path();
  for (auto candidate : {exe / "../share/warta" / name, exe / ".." / name, exe / name}) {
    if (std::filesystem::exists(candidate / marker, error)) {
      return candidate.lexically_normal().string();
    }
  }
  return name;
}

// The dictionaries: --data, $WARTA_DATA, then beside the executable.
inline std::string FindDataDir(const std::string& flag) {
  return FindFolder(flag, "WARTA_DATA", "data", "codebook/cameo.tsv");
}

// The web page's files: --web, $WARTA_WEB, then beside the executable.
inline std::string FindWebDir(const std::string& flag) {
  return FindFolder(flag, "WARTA_WEB", "web", "index.html");
}

// `warta ingest|query|export|stats|serve ...`: the database commands (store_commands.cc).
int RunStoreCommand(const std::string& command, int argc, char** argv);

}  // namespace warta::cli
