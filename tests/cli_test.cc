// The command line as a user runs it: exit codes, messages naming the input,
// and output formats.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "table_check.h"
#include "test_support.h"
#include "util/text.h"

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

// The events `warta code` wrote, one JSON object a line.
std::vector<nlohmann::json> JsonLines(const std::string& output) {
  std::vector<nlohmann::json> events;
  for (const std::string& line : Split(output, '\n')) {
    if (!line.empty()) events.push_back(nlohmann::json::parse(line));
  }
  return events;
}

// Issue 14: an event is placed where its sentence says, with the offsets of
// the place in the original text; one the text does not place is null.
TEST(CliTest, CodeWritesTheLocationOfEachEvent) {
  std::string text =
      "Presiden Joko Widodo mengecam Israel di Samarinda, Kalimantan Timur.\n"
      "Presiden Joko Widodo mengecam Korea Utara.\n";
  CommandRun run = Warta("code --lang id --published 2020-01-02 " + Temp("placed.txt", text));
  ASSERT_EQ(run.exit_code, 0) << run.output;
  std::vector<nlohmann::json> events = JsonLines(run.output);
  ASSERT_EQ(events.size(), 2u) << run.output;
  const nlohmann::json& location = events[0]["location"];
  ASSERT_TRUE(location.is_object()) << run.output;
  EXPECT_EQ(location["id"], "IDN.KI.samarinda");
  EXPECT_EQ(location["country"], "IDN");
  EXPECT_EQ(location["adm1"], "Kalimantan Timur");
  EXPECT_EQ(location["basis"], "written");
  size_t start = location["start"], end = location["end"];
  EXPECT_EQ(text.substr(start, end - start), "Samarinda");
  EXPECT_TRUE(events[1]["location"].is_null()) << run.output;
}

// An actor is placed where its own words say (GDELT's Actor1Geo/Actor2Geo),
// also for the next verb that shares it as its subject; never its nationality.
TEST(CliTest, CodeWritesWhereTheTextPlacesEachActor) {
  std::string text =
      "Pengungsi di Rafah mengecam Israel dan menuntut bantuan PBB.\n"
      "Presiden Indonesia Joko Widodo mengecam Israel.\n";
  CommandRun run = Warta("code --lang id --published 2024-03-07 " + Temp("actors.txt", text));
  ASSERT_EQ(run.exit_code, 0) << run.output;
  std::vector<nlohmann::json> events = JsonLines(run.output);
  ASSERT_EQ(events.size(), 3u) << run.output;
  for (size_t i : {0u, 1u}) {
    const nlohmann::json& location = events[i]["source"]["location"];
    ASSERT_TRUE(location.is_object()) << run.output;
    EXPECT_EQ(location["id"], "PSE.GZ.rafah");
    EXPECT_EQ(location["basis"], "written");
    size_t start = location["start"], end = location["end"];
    EXPECT_EQ(text.substr(start, end - start), "Rafah");
    EXPECT_TRUE(events[i]["target"]["location"].is_null()) << run.output;
  }
  EXPECT_TRUE(events[2]["source"]["location"].is_null()) << "nationality is no place";
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
  EXPECT_NE(run.output.find("huge.jsonl:1: line is 200 MB, over the 16 MB limit"),
            std::string::npos)
      << run.output.substr(0, 300);
  EXPECT_NE(run.output.find("huge.jsonl:2"), std::string::npos);
  std::remove(path.c_str());
}

// Issue 11: `warta code page.html` read the page as plain text, so script
// strings and meta tags became events. It reads it as warta ingest does.
TEST(CliTest, CodeReadsAPageAsIngestDoes) {
  std::string page =
      Temp("cli-page.html",
           "<!DOCTYPE html><html><head><title>Judul halaman</title>"
           "<meta property=\"og:url\" content=\"https://berita.example/kunjungan\">"
           "<meta name=\"description\" content=\"Rusia menyerang Ukraina pada hari Senin.\">"
           "<meta property=\"article:published_time\" content=\"Senin, 08 Jan 2024 10:00 WIB\">"
           "<script>var teaser = \"Amerika Serikat menuduh Korea Utara menyediakan senjata ke "
           "Rusia.\";</script></head><body><nav>Beranda</nav><article><p>Presiden Indonesia "
           "mengunjungi Jepang pada hari Kamis dan memuji kerja sama kedua negara.</p></article>"
           "</body></html>");
  CommandRun run = Warta("code " + page);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("\"article_id\":\"https://berita.example/kunjungan\""),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("\"published\":\"2024-01-08\""), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("\"country\":\"JPN\""), std::string::npos) << run.output;
  for (const char* from_script_or_meta : {"PRK", "RUS", "UKR", "<script", "og:url"}) {
    EXPECT_EQ(run.output.find(from_script_or_meta), std::string::npos)
        << from_script_or_meta << " in " << run.output;
  }
  // The same page compressed, under a name that says nothing: the same events.
  std::string copy = ::testing::TempDir() + "cli-page-copy";
  ASSERT_EQ(std::system(("gzip -c " + page + " > " + copy).c_str()), 0);
  EXPECT_EQ(Warta("code " + copy).output, run.output);
}

// Issue 11: a date in another common format dropped the article; one that
// cannot be read is reported once, and the article is still coded.
TEST(CliTest, PublicationDatesInCommonFormatsAndUnreadableOnesKeepTheArticle) {
  std::string path = Temp("cli-dates.jsonl",
                          "{\"id\":123,\"published\":\"kemarin sore\",\"text\":\"Amerika "
                          "Serikat menuduh Korea Utara menyediakan senjata ke Rusia.\"}\n"
                          "{\"id\":\"b\",\"published\":\"Senin, 08 Jan 2024 10:00 WIB\","
                          "\"text\":\"Amerika Serikat menuduh Korea Utara menyediakan senjata "
                          "ke Rusia.\"}\n"
                          "{\"id\":\"c\",\"published\":1704682800,\"text\":\"Amerika "
                          "Serikat menuduh Korea Utara menyediakan senjata ke Rusia.\"}\n");
  CommandRun run = Warta("code " + path);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  const std::string warning = "warta: " + path +
                              ":1: publication date \"kemarin sore\" not understood; coded "
                              "without one\n";
  ASSERT_NE(run.output.find(warning), std::string::npos) << run.output;
  EXPECT_EQ(run.output.find(warning, run.output.find(warning) + 1), std::string::npos);
  std::map<std::string, std::string> published;  // by article
  for (const std::string& line : Split(run.output, '\n')) {
    if (!line.starts_with("{")) continue;
    auto event = nlohmann::json::parse(line);
    published[event["article_id"]] = event["published"].is_null() ? "null" : event["published"];
  }
  std::map<std::string, std::string> expected = {
      {"123", "null"}, {"b", "2024-01-08"}, {"c", "2024-01-08"}};
  EXPECT_EQ(published, expected) << run.output;
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

// Issue 11: a navigation line above the body removed the whole article, which
// was then coded as an English article without events, with exit code 0.
TEST(CliTest, NavigationLineAboveTheBodyKeepsTheArticle) {
  std::string path = Temp("nav.txt",
                          "Previous article: Harga cabai naik\n"
                          "Jakarta - Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar "
                          "Ibrahim di Istana Bogor.\n");
  CommandRun run = Warta("code --published 2024-01-08 " + path);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("\"language\":\"id\""), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("\"cameo_root\":\"04\""), std::string::npos) << run.output;
}

TEST(CliTest, AnArticleThatIsAllFurnitureIsAnErrorNamingIt) {
  std::string path = Temp("furniture.txt", "Baca juga: Harga cabai naik\nAdvertisement\n");
  CommandRun code = Warta("code " + path);
  EXPECT_EQ(code.exit_code, 1);
  EXPECT_NE(code.output.find("furniture.txt: no text left after cleaning"), std::string::npos)
      << code.output;
  CommandRun clean = Warta("clean " + path);
  EXPECT_EQ(clean.exit_code, 1);
  EXPECT_NE(clean.output.find("no text left after cleaning"), std::string::npos) << clean.output;
}

}  // namespace
}  // namespace warta

// A binary with no data beside it (a build outside the source tree, or a copy)
// still finds its source's data/, from any working folder.
TEST(CliTest, ABinaryAwayFromTheSourceTreeFindsItsData) {
  std::string folder = ::testing::TempDir() + "/warta-away";
  std::filesystem::create_directories(folder);
  std::filesystem::copy_file(WARTA_BINARY, folder + "/warta",
                             std::filesystem::copy_options::overwrite_existing);
  std::string command = "cd / && env -u WARTA_DATA " + folder +
                        "/warta code --lang en - 2>&1 <<'EOF'\nIndonesia condemned Israel.\nEOF";
  FILE* pipe = popen(command.c_str(), "r");
  std::string output;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  EXPECT_EQ(WEXITSTATUS(pclose(pipe)), 0) << output;
  EXPECT_NE(output.find("\"cameo\""), std::string::npos) << output;
}
