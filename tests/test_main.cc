// The tests' main: each test process gets a temporary folder of its own, so
// tests that ctest runs in parallel never share (or delete) each other's files.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

int main(int argc, char** argv) {
  char pattern[] = "/tmp/warta-test-XXXXXX";
  const char* dir = mkdtemp(pattern);
  if (dir != nullptr) setenv("TEST_TMPDIR", dir, 1);
  ::testing::InitGoogleTest(&argc, argv);
  int result = RUN_ALL_TESTS();
  if (dir != nullptr) {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
  return result;
}
