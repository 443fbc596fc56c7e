// Helpers shared by the command-line front ends (apps/*.cc).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

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
// repository: ../NAME), then the source tree the binary was built from (a
// build outside the source tree). `marker` is a file the folder must hold.
// When none holds it, says which folders were tried and how to name one, and
// ends the command: nothing can run without its data.
inline std::string FindFolder(const std::string& flag, const char* env_name,
                              const std::string& name, const std::string& marker) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv(env_name); env && *env) return env;
  std::error_code error;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", error).parent_path();
  std::vector<std::filesystem::path> candidates = {exe / "../share/warta" / name, exe / ".." / name,
                                                   exe / name};
#ifdef WARTA_SOURCE_DIR
  candidates.push_back(std::filesystem::path(WARTA_SOURCE_DIR) / name);
#endif
  std::string tried;
  for (const auto& candidate : candidates) {
    auto folder = candidate.lexically_normal();
    if (std::filesystem::exists(folder / marker, error)) return folder.string();
    tried += "\n  " + folder.string();
  }
  std::cerr << "warta: cannot find the " << name << " folder (none of these holds " << marker
            << "):" << tried << "\nname it with --" << name << " DIR or the environment variable "
            << env_name << "\n";
  std::exit(kExitUsage);
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

// `warta watch ...`: keep a database current from folders and feeds (watch_command.cc).
int RunWatchCommand(int argc, char** argv);

}  // namespace warta::cli
