// The command line as a user runs it: exit codes, messages naming the input,
// and output formats.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "table_check.h"
#include "test_support.h"

namespace warta {
namespace {

using testing::CommandRun;

CommandRun Warta(const std::string& arguments) { return testing::RunWarta(arguments); }

std::string Temp(const std::string& name, const std::string& content) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::string Seed() { return testing::SharedDir() + "/seed/000_5f690164bdc1d8e4.txt"; }

TEST(CliTest, CodesTheSeedAsJsonLinesWithTheContractFields) {
  CommandRun run = Warta("code --published 2023-10-12 " + Seed());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  std::string first = run.output.substr(0, run.output.find('\n'));
  for (const char* field :
       {"\"article_id\":\"000_5f690164bdc1d8e4.txt\"", "\"event_id\":", "\"language\":\"id\"",
        "\"published\":\"2023-10-12\"", "\"date\":", "\"date_precision\":", "\"date_text\":",
        "\"source\":{\"code\":", "\"target\":", "\"cameo\":", "\"cameo_root\":", "\"cameo_label\":",
        "\"quad_class\":", "\"goldstein\":", "\"plover\":", "\"modality\":", "\"negated\":",
        "\"evidence\":{\"start\":", "\"confidence\":"}) {
    EXPECT_NE(first.find(field), std::string::npos) << field << " in " << first;
  }
}

TEST(CliTest, TableAndStandardInput) {
  CommandRun table = Warta("code --format table --published 2023-10-12 - < " + Seed());
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_EQ(table.output.rfind("DATE", 0), 0u);
  EXPECT_NE(table.output.find("PRKGOV"), std::string::npos);
  // Long labels and names are cut with "…", never run into the next column.
  EXPECT_NE(table.output.find("…"), std::string::npos) << table.output;
  testing::ExpectColumnsApart(table.output);
}

TEST(CliTest, BadJsonLinesAreNamedAndTheRestIsCoded) {
  std::string path = Temp("cli.jsonl",
                          "[1]\n{\"title\":\"x\"}\n"
                          "{\"id\":\"ok\",\"published\":\"2023-10-12\",\"text\":\"Amerika "
                          "Serikat menuduh Korea Utara menyediakan senjata ke Rusia.\"}\n");
  CommandRun run = Warta("code " + path);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("cli.jsonl:1: JSON line is not an object"), std::string::npos);
  EXPECT_NE(run.output.find("cli.jsonl:2: missing field \"text\""), std::string::npos);
  EXPECT_NE(run.output.find("\"article_id\":\"ok\""), std::string::npos) << run.output;
}

TEST(CliTest, BadFilesGetClearMessagesAndAFailingExitCode) {
  CommandRun binary = Warta("code " + Temp("bin.txt", std::string("\x7f"
                                                                  "ELF\0\0\x01",
                                                                  7)));
  EXPECT_EQ(binary.exit_code, 1);
  EXPECT_NE(binary.output.find("bin.txt: binary data"), std::string::npos) << binary.output;
  CommandRun broken = Warta("code " + Temp("broken.txt", "Presiden \xff\xfe memuji."));
  EXPECT_NE(broken.output.find("broken.txt: invalid UTF-8 at byte 9"), std::string::npos);
  CommandRun empty = Warta("code " + Temp("empty.txt", ""));
  EXPECT_NE(empty.output.find("empty.txt: empty article"), std::string::npos);
  CommandRun missing = Warta("code /nonexistent.txt");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.output.find("/nonexistent.txt: cannot open file"), std::string::npos);
  // One bad file does not stop the others.
  CommandRun mixed = Warta("code --published 2023-10-12 /nonexistent.txt " + Seed());
  EXPECT_EQ(mixed.exit_code, 1);
  EXPECT_NE(mixed.output.find("PRKGOV"), std::string::npos);
}

TEST(CliTest, HugeSingleLineIsRefusedNotCrashed) {
  std::string path = ::testing::TempDir() + "huge.jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    std::string chunk(1 << 20, 'a');
    out << "{\"text\":\"";
    for (int i = 0; i < 200; ++i) out << chunk;
    out << "\"}\n{\"text\":\"Amerika Serikat menuduh Korea "
           "Utara.\",\"published\":\"2023-10-12\"}\n";
  }
  CommandRun run = Warta("code " + path);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("huge.jsonl:1: line is 200 MB, larger than the 16 MB limit"),
            std::string::npos)
      << run.output.substr(0, 300);
  EXPECT_NE(run.output.find("huge.jsonl:2"), std::string::npos);
  std::remove(path.c_str());
}

TEST(CliTest, UsageErrors) {
  EXPECT_EQ(Warta("code --published 12/10/2023 x.txt").exit_code, 2);
  EXPECT_EQ(Warta("frobnicate").exit_code, 2);
  EXPECT_EQ(Warta("code --format xml x.txt").exit_code, 2);
  EXPECT_EQ(Warta("help").exit_code, 0);
}

TEST(CliTest, CleanExplainListsRemovals) {
  CommandRun run = Warta("clean --explain " + Seed());
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.output.find("Previous article"), run.output.find("Previous article"));
  EXPECT_NE(run.output.find("--- removed or repaired"), std::string::npos);
  EXPECT_NE(run.output.find("untranslated bracketed text: \" [and]\""), std::string::npos);
  EXPECT_NE(run.output.find("page furniture from here to the end"), std::string::npos);
  std::string cleaned = run.output.substr(0, run.output.find("--- removed"));
  EXPECT_EQ(cleaned.find("Freelance journalist"), std::string::npos);
}

}  // namespace
}  // namespace warta
