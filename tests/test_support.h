// Shared helpers for warta's tests: the repository's data folder, loaded once
// per test binary, and a way to code text in one call.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "warta/pipeline.h"

namespace warta::testing {

inline std::string DataDir() { return std::string(WARTA_SOURCE_DIR) + "/data"; }
inline std::string SharedDir() { return WARTA_SHARED_DIR; }

inline std::shared_ptr<const Resources> SharedResources() {
  static std::shared_ptr<const Resources> resources = [] {
    LoadOptions options;
    options.data_dir = DataDir();
    auto loaded = Resources::Load(options);
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? loaded.value() : nullptr;
  }();
  return resources;
}

// Runs the built `warta` binary with `arguments` through the shell; stdout
// and stderr together.
struct CommandRun {
  int exit_code;
  std::string output;
};

inline CommandRun RunWarta(const std::string& arguments) {
  std::string command = std::string(WARTA_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  std::string output;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), n);
  int status = pclose(pipe);
  return {WEXITSTATUS(status), output};
}

inline std::vector<Event> CodeText(const std::string& text, const std::string& published = "",
                                   const std::string& language = "") {
  auto coder = ArticleCoder::Create(SharedResources());
  EXPECT_TRUE(coder.ok());
  Article article;
  article.id = "test";
  article.text = text;
  if (!published.empty()) article.published = Date::Parse(published);
  auto coded = coder.value()->Code(article, CodeOptions{language});
  EXPECT_TRUE(coded.ok()) << coded.status().message();
  return coded.ok() ? coded.value().events : std::vector<Event>();
}

}  // namespace warta::testing
