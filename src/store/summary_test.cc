// The summary tables (schema version 3) give the answers the rows give: after
// an ingest, after storing the same articles again, after copies of a story
// merge their events and a later telling places an event, and after an
// upgrade from version 2 counts them from the rows.
#include "store/summary.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <sstream>

#include "../../tests/test_support.h"
#include "store/store.h"
#include "warta/pipeline.h"

namespace warta {
namespace {

const char* kStory =
    "Presiden Indonesia mengunjungi Jepang pada hari Senin dan bertemu Perdana Menteri Jepang "
    "di Tokyo.\n\nKedua pemimpin menandatangani perjanjian kerja sama maritim pada hari Senin.\n\n"
    "Pada hari Selasa, China mengecam perjanjian tersebut dan menuduh Jepang memicu ketegangan.\n\n"
    "Kementerian Luar Negeri Indonesia membantah tuduhan itu pada hari Selasa.";
const char* kOther =
    "Polisi menangkap 20 mahasiswa di Jakarta pada hari Rabu setelah unjuk rasa di depan "
    "Gedung DPR.\n\nKomnas HAM mengecam penangkapan itu pada hari Rabu.";

Location Surabaya() {
  Location l;
  l.id = "IDN.JI.surabaya";
  l.name = "Surabaya";
  l.feature = "city";
  l.country = "IDN";
  l.adm1 = "Jawa Timur";
  l.adm1_id = "IDN.JI";
  l.lat = -7.2575;
  l.lon = 112.7521;
  l.basis = "written";
  return l;
}

CodedRecord Coded(const std::string& id, const std::string& text, const std::string& source,
                  const Date& published) {
  CodedRecord record;
  record.article.id = id;
  record.article.text = text;
  record.article.source = source;
  record.article.published = published;
  auto coder = ArticleCoder::Create(testing::SharedResources());
  auto coded = coder.value()->Code(record.article);
  EXPECT_TRUE(coded.ok());
  record.language = coded.value().language;
  record.events = coded.value().events;
  // (The tests give places themselves: the coder's own would blur which
  // telling placed an event.)
  for (Event& event : record.events) event.location.reset();
  return record;
}

std::string Show(const StoreStats& s) {
  std::ostringstream out;
  out << s.articles << " " << s.events << " " << s.stored_events << " " << s.mentions << " "
      << s.stories;
  for (const auto* rows :
       {&s.by_kind, &s.by_language, &s.by_root, &s.by_month, &s.by_source, &s.by_place}) {
    out << " |";
    for (const auto& [name, n] : *rows) out << " " << name << "=" << n;
  }
  return out.str();
}

std::string Show(const std::vector<TimelineRow>& rows) {
  std::ostringstream out;
  out.precision(6);
  for (const TimelineRow& r : rows) {
    out << r.period << "/" << r.reverse << "/" << r.quad_class << "=" << r.events << ","
        << r.goldstein_sum << " ";
  }
  return out.str();
}

std::string Show(const PlaceCounts& counts) {
  std::ostringstream out;
  out.precision(6);
  out << counts.placed << " " << counts.unplaced;
  for (const PlaceCount& p : counts.places) {
    out << " " << p.id << "," << p.name << "," << p.feature << "," << p.country << "," << p.adm1
        << "," << p.lat << "," << p.lon << "," << p.events << "," << p.mean_goldstein;
  }
  return out.str();
}

// The filters the summaries answer, and kinds beyond the default.
std::vector<QueryFilter> Filters() {
  std::vector<QueryFilter> filters(8);
  filters[1].codes = {"04"};
  filters[2].codes = {"11", "04"};
  filters[3].quad_class = 4;
  filters[4].from = "2024-03-05";
  filters[4].to = "2024-03";
  filters[5].kinds.modalities.clear();
  filters[5].kinds.negated = std::nullopt;
  filters[6].kinds.statements = false;
  filters[7].kinds.negated = true;
  filters[7].from = "2024";
  // What event_keys answers (schema version 5), alone and with other filters.
  for (const char* actor : {"IDN", "JPN", "CHN", "Jepang", "Indonesia", "nobody"}) {
    filters.emplace_back().actor = actor;
  }
  filters.emplace_back().actor = "IDN";
  filters.back().codes = {"04"};
  filters.back().from = "2024-03-04";
  filters.emplace_back().actor = "JPN";
  filters.back().kinds.modalities.clear();
  filters.back().kinds.negated = std::nullopt;
  filters.emplace_back().actor = "IDN";
  filters.back().codes = {"042"};
  filters.emplace_back().name = "Jepang";
  filters.emplace_back().country = "JPN";
  filters.emplace_back().country = "IDN";
  filters.back().actor = "JPN";
  for (const char* place : {"IDN", "IDN.JI", "IDN.JI.surabaya", "IDN.J", "Surabaya"}) {
    filters.emplace_back().place = place;
  }
  return filters;
}

// The rows of the events a query lists, in its order.
std::vector<long long> Rows(Store* store, const QueryFilter& filter) {
  std::vector<long long> rows;
  EXPECT_TRUE(store->Query(filter, [&](const StoredEvent& e) { rows.push_back(e.row); }).ok());
  return rows;
}

// Every answer from the summaries equals the answer counted from the rows.
void ExpectSummariesMatchRows(const std::string& path) {
  StoreOptions rows_only;
  rows_only.use_summaries = false;
  auto summed = Store::OpenReadOnly(path);
  auto counted = Store::OpenReadOnly(path, rows_only);
  ASSERT_TRUE(summed.ok() && counted.ok());
  for (const QueryFilter& f : Filters()) {
    SCOPED_TRACE(f.actor + f.name + f.country + f.place + (f.codes.empty() ? f.from : f.codes[0]));
    EXPECT_EQ(summed.value()->Count(f).value(), counted.value()->Count(f).value());
    for (bool newest_first : {true, false}) {
      QueryFilter page = f;
      page.newest_first = newest_first;
      page.limit = 2;
      page.offset = 1;
      EXPECT_EQ(Rows(summed.value().get(), page), Rows(counted.value().get(), page));
    }
    EXPECT_EQ(Show(summed.value()->Stats(f.kinds).value()),
              Show(counted.value()->Stats(f.kinds).value()));
    for (Period period : {Period::kMonth, Period::kWeek}) {
      EXPECT_EQ(Show(summed.value()->Timeline(f, period).value()),
                Show(counted.value()->Timeline(f, period).value()));
    }
    if (f.from.empty()) {
      EXPECT_EQ(Show(summed.value()->Places(f, 10).value()),
                Show(counted.value()->Places(f, 10).value()));
    }
  }
}

class SummaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "warta-summary-test.db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
    auto store = Store::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(store).value();
  }
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(SummaryTest, CountsEqualTheRowsAfterIngestReingestAndAStoryMerge) {
  CodedRecord first = Coded("a-1", kStory, "Kabar A", Date::Day(2024, 3, 4));
  ASSERT_FALSE(first.events.empty());
  ASSERT_TRUE(store_->WriteBatch({first, Coded("a-2", kOther, "", Date::Day(2024, 3, 6))}).ok());
  ExpectSummariesMatchRows(path_);
  long long events = store_->Stats().value().stored_events;
  ASSERT_GT(events, 0);

  // The same articles again: nothing is stored, nothing counted twice.
  ASSERT_EQ(store_->WriteBatch({first}).value().articles, 0);
  ExpectSummariesMatchRows(path_);

  // An edited copy joins the story: its events merge into the stored ones
  // (more mentions, no more events), and it places one that had no place.
  CodedRecord copy =
      Coded("a-3", std::string(kStory) + " Demikian.", "Kabar B", Date::Day(2024, 3, 4));
  ASSERT_FALSE(copy.events.empty());
  copy.events[0].location = Surabaya();
  ASSERT_EQ(store_->WriteBatch({copy}).value().articles, 1);
  auto stats = store_->Stats().value();
  EXPECT_EQ(stats.stored_events, events) << "the copy's events are the story's";
  EXPECT_EQ(stats.stories, 2);
  ExpectSummariesMatchRows(path_);
  QueryFilter placed;
  placed.place = "IDN.JI";
  EXPECT_EQ(store_->Count(placed).value(), 1);
  EXPECT_EQ(store_->Places({}, 10).value().placed, 1);
}

TEST_F(SummaryTest, AVersion2DatabaseGainsItsSummariesCountedFromTheRows) {
  ASSERT_TRUE(store_
                  ->WriteBatch({Coded("a-1", kStory, "Kabar A", Date::Day(2024, 3, 4)),
                                Coded("a-2", kOther, "", Date::Day(2024, 3, 6))})
                  .ok());
  const std::string expected = Show(store_->Stats().value());
  store_.reset();
  // What version 2 had: no summary tables (nor what version 4 added).
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP TABLE summary_events; DROP TABLE summary_places; "
                         "DROP TABLE summary_articles; DROP TABLE summary_totals; "
                         "DROP TABLE actor_places; "
                         "ALTER TABLE events DROP COLUMN place_country_name; "
                         "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  {  // read as it is: counted from the rows
    auto reader = Store::OpenReadOnly(path_);
    ASSERT_TRUE(reader.ok()) << reader.status().message();
    EXPECT_EQ(Show(reader.value()->Stats().value()), expected);
  }
  auto writer = Store::Open(path_);  // upgraded
  ASSERT_TRUE(writer.ok()) << writer.status().message();
  EXPECT_EQ(Show(writer.value()->Stats().value()), expected);
  ExpectSummariesMatchRows(path_);
  writer.value().reset();
  auto reader = Store::OpenReadOnly(path_);
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(Show(reader.value()->Stats().value()), expected);
}

TEST_F(SummaryTest, AVersion4DatabaseGainsItsEventKeys) {
  CodedRecord copy =
      Coded("a-3", std::string(kStory) + " Demikian.", "Kabar B", Date::Day(2024, 3, 4));
  copy.events[0].location = Surabaya();
  ASSERT_TRUE(store_
                  ->WriteBatch({Coded("a-1", kStory, "Kabar A", Date::Day(2024, 3, 4)),
                                Coded("a-2", kOther, "", Date::Day(2024, 3, 6)), copy})
                  .ok());
  QueryFilter placed;
  placed.place = "IDN";
  ASSERT_EQ(store_->Count(placed).value(), 1);
  store_.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP TABLE event_keys; "
                         "UPDATE meta SET value = '4' WHERE key = 'schema_version'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  {  // read as it is: without event_keys
    auto reader = Store::OpenReadOnly(path_);
    ASSERT_TRUE(reader.ok()) << reader.status().message();
    EXPECT_EQ(reader.value()->Count(placed).value(), 1);
  }
  auto writer = Store::Open(path_);  // upgraded: the keys made from the events
  ASSERT_TRUE(writer.ok()) << writer.status().message();
  EXPECT_EQ(writer.value()->Count(placed).value(), 1);
  writer.value().reset();
  ExpectSummariesMatchRows(path_);
}

TEST_F(SummaryTest, RebuildingCountsWhatBulkSqlWrote) {
  ASSERT_TRUE(store_->WriteBatch({Coded("a-1", kStory, "Kabar A", Date::Day(2024, 3, 4))}).ok());
  const std::string expected = Show(store_->Stats().value());
  ASSERT_TRUE(store_->RebuildSummaries().ok());
  EXPECT_EQ(Show(store_->Stats().value()), expected);
  ExpectSummariesMatchRows(path_);
}

}  // namespace
}  // namespace warta
