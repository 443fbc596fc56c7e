// `warta query`, `export` and `stats` with places (issue 14): --place and
// --near on the command line, their refusals, and the busiest places in the
// statistics. The database is written through the library with hand-placed
// events, so these do not depend on the placement stage.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "store/store.h"
#include "test_support.h"
#include "util/text.h"

namespace warta {
namespace {

using testing::CommandRun;

Event PlacedEvent(const std::string& id, const std::string& cameo, const std::string& place_id,
                  const std::string& name, double lat, double lon) {
  Event e;
  e.event_id = id;
  e.source = Actor{"IDNGOV", "IDN", "GOV", "Pemerintah", std::nullopt, std::nullopt, std::nullopt};
  e.cameo = cameo;
  e.cameo_root = cameo.substr(0, 2);
  e.cameo_label = "label";
  e.quad_class = 1;
  e.date = Date::Day(2024, 3, 6);
  e.language = "id";
  e.evidence.text = "Kalimat " + id;
  if (!place_id.empty()) {
    Location l;
    l.id = place_id;
    l.name = name;
    l.feature = "city";
    l.country = place_id.substr(0, 3);
    l.lat = lat;
    l.lon = lon;
    l.basis = "written";
    e.location = l;
  }
  return e;
}

std::string PlacedDatabase() {
  std::string path = ::testing::TempDir() + "warta-places-cli.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  auto store = Store::Open(path);
  EXPECT_TRUE(store.ok()) << store.status().message();
  std::vector<CodedRecord> batch;
  int n = 0;
  for (const Event& e : {PlacedEvent("e1", "042", "IDN.JI.surabaya", "Surabaya", -7.2575, 112.7521),
                         PlacedEvent("e2", "051", "IDN.JI.malang", "Malang", -7.9797, 112.6304),
                         PlacedEvent("e3", "036", "PSE.GZ.rafah", "Rafah", 31.2969, 34.2455),
                         PlacedEvent("e4", "010", "", "", 0, 0)}) {
    CodedRecord record;
    std::string id = "a" + std::to_string(++n);
    record.article.id = id;
    record.article.text = "Artikel " + id + " tentang " + id + " di " + id + ".";
    record.language = "id";
    record.events = {e};
    batch.push_back(record);
  }
  EXPECT_TRUE(store.value()->WriteBatch(batch).ok());
  return path;
}

std::string Join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string joined;
  for (size_t i = 0; i < parts.size(); ++i) joined += (i ? separator : "") + parts[i];
  return joined;
}

size_t Lines(const std::string& text) { return Split(text, '\n').size() - 1; }

TEST(PlacesCliTest, QueryAndExportFilterByPlaceAndDistance) {
  const std::string db = PlacedDatabase();
  for (auto [flags, events] : {std::pair{"--place IDN.JI", 2u},
                               {"--place IDN", 2u},
                               {"--place surabaya", 1u},
                               {"--place 'jawa barat'", 0u},
                               {"--near -7.25,112.75,20", 1u},
                               {"--near -7.25,112.75,100", 2u},
                               {"--near 31.3,34.25,10 --code 036", 1u}}) {
    for (const char* command : {"query", "export"}) {
      CommandRun run =
          testing::RunWarta(std::string(command) + " --db " + db + " --format jsonl " + flags);
      EXPECT_EQ(run.exit_code, 0) << flags << ": " << run.output;
      EXPECT_EQ(Lines(run.output), events) << command << " " << flags << ": " << run.output;
    }
  }
}

TEST(PlacesCliTest, BadNearValuesAreRefusedNamingTheFlag) {
  const std::string db = PlacedDatabase();
  for (auto [value, message] : {std::pair{"-7.25,112.75", "warta: --near must be LAT,LON,KM"},
                                {"abc", "warta: --near must be LAT,LON,KM"},
                                {"-97,112,5", "warta: --near: the latitude must be from -90 to 90"},
                                {"-7,112,0", "warta: --near: the distance must be more than 0"}}) {
    CommandRun run = testing::RunWarta("query --db " + db + " --near " + value);
    EXPECT_EQ(run.exit_code, 2) << run.output;
    EXPECT_NE(run.output.find(message), std::string::npos) << value << ": " << run.output;
  }
  CommandRun missing = testing::RunWarta("query --db " + db + " --place");
  EXPECT_NE(missing.output.find("--place needs a value"), std::string::npos) << missing.output;
}

TEST(PlacesCliTest, StatsNameTheBusiestPlaces) {
  CommandRun run = testing::RunWarta("stats --db " + PlacedDatabase());
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("by place (the busiest):\n  IDN.JI.malang Malang\t1\n"
                            "  IDN.JI.surabaya Surabaya\t1\n  PSE.GZ.rafah Rafah\t1\n"
                            "  (no place)\t1\n"),
            std::string::npos)
      << run.output;
}

// GDELT's geography from the store (Actor1Geo, Actor2Geo, ActionGeo:
// columns 35-58) is what `warta code --format gdelt` writes for the same
// article: the same places, codes and full names with the country's name.
TEST(PlacesCliTest, TheStoreExportsTheGeographyThatWartaCodeWrites) {
  const std::string dir = ::testing::TempDir() + "warta-geo-roundtrip/";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string input = dir + "article.jsonl";
  {
    std::FILE* file = std::fopen(input.c_str(), "w");
    ASSERT_NE(file, nullptr);
    std::fputs(
        "{\"id\": \"geo-1\", \"published\": \"2024-03-07\", \"text\": \"Pengungsi di Rafah "
        "mengecam Israel. Gubernur Jawa Timur Khofifah mengecam Israel di Surabaya, Jawa Timur. "
        "Protes berlangsung di Rafah.\"}\n",
        file);
    std::fclose(file);
  }
  auto geography = [](const std::string& rows) {
    std::vector<std::string> lines;
    for (const std::string& row : Split(rows, '\n')) {
      std::vector<std::string> columns = Split(row, '\t');
      if (columns.size() < 59) continue;
      lines.push_back(
          Join(std::vector<std::string>(columns.begin() + 35, columns.begin() + 59), "\t"));
    }
    std::sort(lines.begin(), lines.end());
    return lines;
  };
  CommandRun coded = testing::RunWarta(std::string("code --format gdelt ") + input);
  ASSERT_EQ(coded.exit_code, 0) << coded.output;
  const std::string db = dir + "events.db";
  CommandRun ingested = testing::RunWarta(std::string("ingest --db ") + db + " " + input);
  ASSERT_EQ(ingested.exit_code, 0) << ingested.output;
  std::vector<std::string> from_code = geography(coded.output);
  ASSERT_FALSE(from_code.empty()) << coded.output;
  for (const char* command : {"export", "query"}) {
    CommandRun stored = testing::RunWarta(std::string(command) + " --db " + db +
                                          " --format gdelt --modality any --negated any");
    ASSERT_EQ(stored.exit_code, 0) << stored.output;
    EXPECT_EQ(geography(stored.output), from_code) << command;
  }
  std::string all = Join(from_code, "\n");
  EXPECT_NE(all.find("Rafah, Gaza Strip, Palestine\tWE\t"), std::string::npos) << all;
  EXPECT_NE(all.find("5\tJawa Timur, Indonesia\tID\tID08\t"), std::string::npos) << all;
  EXPECT_EQ(all.find("PSE\t"), std::string::npos) << "a country's name, not its code: " << all;
}

}  // namespace
}  // namespace warta
