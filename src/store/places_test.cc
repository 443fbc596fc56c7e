// Places in the store (issue 14): every Location field round-trips, the
// place and near filters, counts per place, the upgrade of a version 1
// database, and the filter's parsing of place= and near=. Events are made by
// hand with their locations, so these tests do not depend on the placement
// stage.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "store/filter.h"
#include "store/geo.h"
#include "store/store.h"
#include "store/store_test_support.h"
#include "util/text.h"
#include "util/tsv.h"

namespace warta {
namespace {

using testing::Bytes;
using testing::FreshPath;
using testing::RunSql;

// One text value of a query on its own connection.
std::string SqlValue(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  std::string value = "(error)";
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    value = text ? reinterpret_cast<const char*>(text) : "(null)";
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

Location Place(const std::string& id, const std::string& name, const std::string& feature,
               double lat, double lon, const std::string& adm1 = "",
               const std::string& adm1_id = "") {
  Location l;
  l.id = id;
  l.name = name;
  l.feature = feature;
  l.country = id.substr(0, 3);
  l.adm1 = adm1;
  l.adm1_id = adm1_id;
  l.fips_country = id.substr(0, 2);
  l.adm1_code = adm1_id.empty() ? "" : l.fips_country + "08";
  l.lat = lat;
  l.lon = lon;
  l.span = {10, 10 + name.size()};
  l.basis = "written";
  return l;
}

const Location kSurabaya =
    Place("IDN.JI.surabaya", "Surabaya", "city", -7.2575, 112.7521, "Jawa Timur", "IDN.JI");
const Location kMalang =
    Place("IDN.JI.malang", "Malang", "city", -7.9797, 112.6304, "Jawa Timur", "IDN.JI");
const Location kJawaTimur = Place("IDN.JI", "Jatim", "adm1", -7.54, 112.24, "Jawa Timur", "IDN.JI");
const Location kBandung =
    Place("IDN.JB.bandung", "Bandung", "city", -6.9175, 107.6191, "Jawa Barat", "IDN.JB");
const Location kIndonesia = Place("IDN", "Indonesia", "country", -2.5, 118.0);
const Location kRafah = Place("PSE.GZ.rafah", "Rafah", "city", 31.2969, 34.2455, "Gaza", "PSE.GZ");
const Location kSuva = Place("FJI.C.suva", "Suva", "city", -18.1416, 178.4419, "Central", "FJI.C");

Event MakeEvent(const std::string& id, const std::string& cameo, double goldstein,
                const std::optional<Location>& location) {
  Event e;
  e.event_id = id;
  e.source = Actor{"IDNGOV", "IDN", "GOV", "Pemerintah", std::nullopt, std::nullopt, std::nullopt};
  e.target = Actor{"IDNOPP", "IDN", "OPP", "Oposisi", std::nullopt, std::nullopt, std::nullopt};
  e.cameo = cameo;
  e.cameo_root = cameo.substr(0, 2);
  e.cameo_label = "label " + cameo;
  e.quad_class = goldstein < 0 ? 4 : 1;
  e.goldstein = goldstein;
  e.date = Date::Day(2024, 3, 6);
  e.language = "id";
  e.evidence.sentence = {0, 20};
  e.evidence.text = "Kalimat " + id;
  e.location = location;
  return e;
}

CodedRecord Record(const std::string& id, std::vector<Event> events) {
  CodedRecord record;
  record.article.id = id;
  // An id in every word triple: no two such articles are one story.
  record.article.text = "Artikel " + id + " tentang " + id + " di " + id + " pada " + id + ".";
  record.article.source = "Kabar";
  record.article.published = Date::Day(2024, 3, 6);
  record.language = "id";
  record.events = std::move(events);
  return record;
}

class PlacesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = FreshPath("warta-places-test.db");
    auto store = Store::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(store).value();
    // Each event in an article of its own: no two fold into one.
    std::vector<CodedRecord> batch;
    int n = 0;
    for (auto [location, cameo, goldstein] : {std::tuple{std::optional(kSurabaya), "190", -10.0},
                                              {std::optional(kSurabaya), "145", -7.5},
                                              {std::optional(kMalang), "042", 1.9},
                                              {std::optional(kJawaTimur), "051", 3.4},
                                              {std::optional(kBandung), "173", -5.0},
                                              {std::optional(kIndonesia), "036", 4.0},
                                              {std::optional(kRafah), "190", -10.0},
                                              {std::optional(kSuva), "042", 1.9},
                                              {std::optional<Location>(), "010", 0.0}}) {
      std::string id = "a" + std::to_string(++n);
      batch.push_back(Record(id, {MakeEvent("e" + std::to_string(n), cameo, goldstein, location)}));
    }
    ASSERT_TRUE(store_->WriteBatch(batch).ok());
  }

  // The place ids of the events a filter matches, sorted ("-" for no place).
  std::vector<std::string> Ids(const std::map<std::string, std::string>& params) {
    auto filter = ParseQueryFilter(params, {});
    EXPECT_TRUE(filter.ok()) << filter.status().message();
    std::vector<std::string> ids;
    Status status = store_->Query(filter.value(), [&](const StoredEvent& e) {
      ids.push_back(e.event.location ? e.event.location->id : "-");
    });
    EXPECT_TRUE(status.ok()) << status.message();
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(store_->Count(filter.value()).value(), static_cast<long long>(ids.size()));
    return ids;
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(PlacesTest, EveryFieldOfALocationRoundTrips) {
  std::vector<StoredEvent> found;
  ASSERT_TRUE(store_->Query({}, [&](const StoredEvent& e) { found.push_back(e); }).ok());
  ASSERT_EQ(found.size(), 9u);
  const Location* want = &kSurabaya;
  const Event& got = found[0].event;
  ASSERT_TRUE(got.location);
  const Location& l = *got.location;
  EXPECT_EQ(l.id, want->id);
  EXPECT_EQ(l.name, want->name);
  EXPECT_EQ(l.feature, want->feature);
  EXPECT_EQ(l.country, want->country);
  EXPECT_EQ(l.adm1, want->adm1);
  EXPECT_EQ(l.adm1_id, want->adm1_id);
  EXPECT_EQ(l.fips_country, want->fips_country);
  EXPECT_EQ(l.adm1_code, want->adm1_code);
  EXPECT_DOUBLE_EQ(l.lat, want->lat);
  EXPECT_DOUBLE_EQ(l.lon, want->lon);
  EXPECT_EQ(l.span.start, want->span.start);
  EXPECT_EQ(l.span.end, want->span.end);
  EXPECT_EQ(l.basis, want->basis);
  // A country has no division: its empty fields come back empty.
  EXPECT_EQ(found[5].event.location->adm1, "");
  EXPECT_EQ(found[5].event.location->adm1_code, "");
  EXPECT_FALSE(found[8].event.location) << "no place stays no place";
  // The detail path reads it too.
  auto detail = store_->Detail(found[6].row);
  ASSERT_TRUE(detail.ok());
  ASSERT_TRUE(detail.value().event.event.location);
  EXPECT_EQ(detail.value().event.event.location->id, "PSE.GZ.rafah");
}

// Where the text places each actor, and the country's name, come back as
// written: the stored row gives the JSON and GDELT that `warta code` wrote.
TEST(ActorPlacesTest, ActorPlacesAndTheCountryNameRoundTrip) {
  std::string path = FreshPath("warta-actor-places.db");
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  Event e = MakeEvent("e1", "190", -10, kRafah);
  e.location->country_name = "Palestine";
  e.source.location = kSurabaya;
  e.source.location->country_name = "Indonesia";
  e.target->location = kJawaTimur;
  e.article_id = "a1";
  e.published = Date::Day(2024, 3, 6);
  std::string json = ToJson(e);
  ASSERT_TRUE(store.value()->WriteBatch({Record("a1", {e})}).ok());
  std::vector<StoredEvent> found;
  ASSERT_TRUE(store.value()->Query({}, [&](const StoredEvent& s) { found.push_back(s); }).ok());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(ToJson(found[0].event), json);
  ASSERT_TRUE(found[0].event.source.location);
  EXPECT_EQ(found[0].event.source.location->id, "IDN.JI.surabaya");
  EXPECT_EQ(found[0].event.source.location->country_name, "Indonesia");
  EXPECT_EQ(found[0].event.target->location->id, "IDN.JI");
  EXPECT_EQ(found[0].event.location->country_name, "Palestine");
  // A later telling that places an actor stored without a place gives it one.
  Event unplaced = MakeEvent("e2", "173", -5, std::nullopt);
  Event placed = unplaced;
  placed.target->location = kMalang;
  CodedRecord first = Record("b1", {unplaced});
  CodedRecord second = Record("b2", {placed});
  second.article.text = first.article.text + " Lagi.";
  ASSERT_TRUE(store.value()->WriteBatch({first}).ok());
  ASSERT_TRUE(store.value()->WriteBatch({second}).ok());
  QueryFilter arrests;
  arrests.codes = {"173"};
  found.clear();
  ASSERT_TRUE(
      store.value()->Query(arrests, [&](const StoredEvent& s) { found.push_back(s); }).ok());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].num_mentions, 2);
  EXPECT_FALSE(found[0].event.source.location);
  ASSERT_TRUE(found[0].event.target->location);
  EXPECT_EQ(found[0].event.target->location->id, "IDN.JI.malang");
}

TEST_F(PlacesTest, APlaceIdTakesEveryPlaceInsideIt) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Ids({{"place", "IDN.JI"}}),
            (V{"IDN.JI", "IDN.JI.malang", "IDN.JI.surabaya", "IDN.JI.surabaya"}));
  EXPECT_EQ(Ids({{"place", "IDN.JI.surabaya"}}), (V{"IDN.JI.surabaya", "IDN.JI.surabaya"}));
  EXPECT_EQ(Ids({{"place", "IDN"}}).size(), 6u) << "a country: everything in Indonesia";
  EXPECT_EQ(Ids({{"place", "PSE"}}), V{"PSE.GZ.rafah"});
  // "IDN.J" is no province: ids are matched by whole parts, not by prefix text.
  EXPECT_EQ(Ids({{"place", "IDN.J"}}), V{});
  EXPECT_EQ(Ids({{"place", "IDN.JI.sura"}}), V{});
}

TEST_F(PlacesTest, APlaceNameMatchesTheNameAsWrittenOrItsProvinceWithoutCase) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Ids({{"place", "surabaya"}}), (V{"IDN.JI.surabaya", "IDN.JI.surabaya"}));
  EXPECT_EQ(Ids({{"place", "RAFAH"}}), V{"PSE.GZ.rafah"});
  EXPECT_EQ(Ids({{"place", "jawa timur"}}),
            (V{"IDN.JI", "IDN.JI.malang", "IDN.JI.surabaya", "IDN.JI.surabaya"}));
  EXPECT_EQ(Ids({{"place", "Jatim"}}), V{"IDN.JI"}) << "the name as written";
  EXPECT_EQ(Ids({{"place", "Sura"}}), V{}) << "a whole name, not a part";
  // With the other filters.
  EXPECT_EQ(Ids({{"place", "IDN.JI"}, {"root", "19"}}), V{"IDN.JI.surabaya"});
}

TEST_F(PlacesTest, NearTakesEventsWithinTheDistance) {
  using V = std::vector<std::string>;
  // Surabaya to Malang is about 81 km, to the province's centre 64 km.
  EXPECT_NEAR(GreatCircleKm(kSurabaya.lat, kSurabaya.lon, kMalang.lat, kMalang.lon), 81, 2);
  EXPECT_EQ(Ids({{"near", "-7.25,112.75,20"}}), (V{"IDN.JI.surabaya", "IDN.JI.surabaya"}));
  EXPECT_EQ(Ids({{"near", "-7.25,112.75,90"}}),
            (V{"IDN.JI", "IDN.JI.malang", "IDN.JI.surabaya", "IDN.JI.surabaya"}));
  EXPECT_EQ(Ids({{"near", "-7.25,112.75,70"}}),
            (V{"IDN.JI", "IDN.JI.surabaya", "IDN.JI.surabaya"}));
  EXPECT_EQ(Ids({{"near", "31.3,34.25,5"}}), V{"PSE.GZ.rafah"});
  // Across the 180th meridian: Suva from a point just east of it.
  EXPECT_EQ(Ids({{"near", "-18.1,-179.9,300"}}), V{"FJI.C.suva"});
  EXPECT_EQ(Ids({{"near", "-18.1,-179.9,170"}}), V{}) << "Suva is 175 km away";
  EXPECT_EQ(Ids({{"near", "-18.1,-179.9,180"}}), V{"FJI.C.suva"});
  // Inside the box but outside the circle: its corner.
  EXPECT_EQ(Ids({{"near", "-6.6,113.4,100"}}), V{}) << "Surabaya is 102 km away";
  // Near the pole every longitude is inside the box.
  EXPECT_EQ(Ids({{"near", "89.9,0,20040"}}).size(), 8u) << "everything placed";
}

TEST(GeoTest, TheBoxHoldsTheCircle) {
  for (double lat : {-60.0, -7.0, 0.0, 31.0, 70.0}) {
    for (double km : {1.0, 50.0, 800.0}) {
      GeoBox box = BoxAround(lat, 100, km);
      ASSERT_FALSE(box.all_longitudes);
      // The circle's edge due east, north and south lies on or inside the box.
      for (double bearing = 0; bearing < 360; bearing += 5) {
        double step = 0.0005;
        double rad = bearing * 3.14159265358979 / 180;
        double plat = lat, plon = 100;
        while (GreatCircleKm(lat, 100, plat, plon) < km) {
          plat += step * std::cos(rad);
          plon += step * std::sin(rad);
        }
        EXPECT_GE(plat, box.min_lat - 0.001) << lat << " " << km << " " << bearing;
        EXPECT_LE(plat, box.max_lat + 0.001);
        EXPECT_GE(plon, box.min_lon - 0.001) << lat << " " << km << " " << bearing;
        EXPECT_LE(plon, box.max_lon + 0.001);
      }
    }
  }
}

TEST_F(PlacesTest, PlacesAreCountedUnderTheFilters) {
  auto counts = store_->Places({}, 100);
  ASSERT_TRUE(counts.ok()) << counts.status().message();
  EXPECT_EQ(counts.value().placed, 8);
  EXPECT_EQ(counts.value().unplaced, 1);
  ASSERT_EQ(counts.value().places.size(), 7u);
  const PlaceCount& top = counts.value().places[0];
  EXPECT_EQ(top.id, "IDN.JI.surabaya");
  EXPECT_EQ(top.name, "Surabaya");
  EXPECT_EQ(top.feature, "city");
  EXPECT_EQ(top.country, "IDN");
  EXPECT_EQ(top.adm1, "Jawa Timur");
  EXPECT_DOUBLE_EQ(top.lat, kSurabaya.lat);
  EXPECT_DOUBLE_EQ(top.lon, kSurabaya.lon);
  EXPECT_EQ(top.events, 2);
  EXPECT_DOUBLE_EQ(top.mean_goldstein, -8.75);
  // Ties in id order after the busiest.
  EXPECT_EQ(counts.value().places[1].id, "FJI.C.suva");
  QueryFilter jatim;
  jatim.place = "IDN.JI";
  auto inside = store_->Places(jatim, 2);
  ASSERT_TRUE(inside.ok());
  EXPECT_EQ(inside.value().placed, 4);
  EXPECT_EQ(inside.value().unplaced, 0);
  ASSERT_EQ(inside.value().places.size(), 2u) << "the limit";
  EXPECT_EQ(inside.value().places[1].id, "IDN.JI");
}

TEST_F(PlacesTest, StatsCountTheBusiestPlacesAndTheEventsWithout) {
  auto stats = store_->Stats();
  ASSERT_TRUE(stats.ok());
  const auto& by_place = stats.value().by_place;
  ASSERT_EQ(by_place.size(), 8u);
  EXPECT_EQ(by_place.front(), (std::pair<std::string, long long>{"IDN.JI.surabaya Surabaya", 2}));
  EXPECT_EQ(by_place.back(), (std::pair<std::string, long long>{"(no place)", 1}));
}

// The place and distance filters read indexes, not every event.
TEST_F(PlacesTest, IndexesServeThePlaceAndNearFilters) {
  auto db = sql::Database::Open(path_, {/*read_only=*/true});
  ASSERT_TRUE(db.ok());
  auto plan = [&](const std::string& where, const std::vector<std::string>& values) {
    auto stmt = sql::Statement::Prepare(db.value().get(),
                                        "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM events" + where);
    EXPECT_TRUE(stmt.ok()) << stmt.status().message();
    if (!stmt.ok()) return std::string();
    for (size_t i = 0; i < values.size(); ++i)
      stmt.value()->Bind(static_cast<int>(i + 1), values[i]);
    std::string out;
    Status status;
    while (stmt.value()->Step(&status)) out += stmt.value()->Text(3) + "\n";
    return out;
  };
  // query.cc's clauses, as Build writes them.
  std::string id = plan(" WHERE (place_id = ?1 OR (place_id >= ?2 AND place_id < ?3))",
                        {"IDN.JI", "IDN.JI.", "IDN.JI/"});
  EXPECT_NE(id.find("events_place"), std::string::npos) << id;
  EXPECT_EQ(id.find("SCAN events"), std::string::npos) << id;
  std::string name =
      plan(" WHERE (place_name = ?1 COLLATE NOCASE OR place_adm1 = ?2 COLLATE NOCASE)",
           {"surabaya", "surabaya"});
  EXPECT_NE(name.find("events_place_name"), std::string::npos) << name;
  EXPECT_NE(name.find("events_place_adm1"), std::string::npos) << name;
  std::string near = plan(
      " WHERE (place_lat BETWEEN ?1 AND ?2) AND (place_lon BETWEEN ?3 AND ?4) AND "
      "(warta_km(place_lat, place_lon, ?5, ?6) <= CAST(?7 AS REAL))",
      {"-7.5", "-7.0", "112.5", "113", "-7.25", "112.75", "20"});
  EXPECT_NE(near.find("events_place_lat_lon"), std::string::npos) << near;
}

// A later telling of an event stored without a place gives it the place.
TEST(PlacesFoldTest, ATellingThatPlacesAnEventStoredWithoutOneGivesItItsPlace) {
  std::string path = FreshPath("warta-places-fold.db");
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok());
  const std::string text =
      "Polisi menangkap dua puluh mahasiswa setelah unjuk rasa di depan gedung dewan pada hari "
      "Rabu malam, kata juru bicara kepolisian kepada wartawan di kantornya.";
  CodedRecord first = Record("a1", {MakeEvent("e1", "173", -5, std::nullopt)});
  first.article.text = text;
  CodedRecord second = Record("a2", {MakeEvent("e2", "173", -5, kSurabaya)});
  second.article.text = text + " Mereka dibebaskan.";
  ASSERT_TRUE(store.value()->WriteBatch({first}).ok());
  ASSERT_TRUE(store.value()->WriteBatch({second}).ok());
  std::vector<StoredEvent> found;
  ASSERT_TRUE(store.value()->Query({}, [&](const StoredEvent& e) { found.push_back(e); }).ok());
  ASSERT_EQ(found.size(), 1u) << "one event, told twice";
  EXPECT_EQ(found[0].num_mentions, 2);
  ASSERT_TRUE(found[0].event.location);
  EXPECT_EQ(found[0].event.location->id, "IDN.JI.surabaya");
}

// The schema warta 1 wrote (schema version 1): the events table without places.
const char* kVersion1Schema = R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE stories(
  id INTEGER PRIMARY KEY, first_published TEXT, num_articles INTEGER NOT NULL DEFAULT 0);
CREATE TABLE articles(
  row INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, url TEXT, source TEXT, published TEXT,
  language TEXT, title TEXT, text_hash TEXT UNIQUE NOT NULL, story_id INTEGER NOT NULL,
  num_events INTEGER NOT NULL, minhash BLOB, num_keys INTEGER NOT NULL DEFAULT 0,
  ingested_at TEXT NOT NULL);
CREATE TABLE article_bands(band INTEGER, hash INTEGER, article INTEGER);
CREATE TABLE article_keys(key TEXT, article INTEGER);
CREATE TABLE events(
  row INTEGER PRIMARY KEY, event_id TEXT UNIQUE NOT NULL, story_id INTEGER NOT NULL,
  date TEXT, date_precision TEXT, date_text TEXT,
  source_code TEXT, source_country TEXT, source_agent TEXT, source_name TEXT,
  source_start TEXT, source_end TEXT,
  target_code TEXT, target_country TEXT, target_agent TEXT, target_name TEXT,
  target_start TEXT, target_end TEXT,
  cameo TEXT, cameo_root TEXT, cameo_label TEXT, quad_class INTEGER, goldstein REAL,
  plover TEXT, modality TEXT, negated INTEGER, confidence REAL, language TEXT,
  first_article TEXT, published TEXT,
  num_mentions INTEGER NOT NULL DEFAULT 0, num_articles INTEGER NOT NULL DEFAULT 0,
  num_sources INTEGER NOT NULL DEFAULT 0, date_added TEXT NOT NULL);
CREATE INDEX events_date_quad_root_happened
  ON events(date, quad_class, goldstein, cameo_root) WHERE modality = 'asserted' AND negated = 0;
CREATE TABLE mentions(
  event INTEGER NOT NULL, article TEXT NOT NULL, outlet TEXT NOT NULL, event_id TEXT NOT NULL,
  evidence_start INTEGER, evidence_end INTEGER, evidence_text TEXT,
  source_start INTEGER, source_end INTEGER, verb_start INTEGER, verb_end INTEGER,
  target_start INTEGER, target_end INTEGER, confidence REAL);
CREATE TABLE actors(
  code TEXT NOT NULL, name TEXT NOT NULL, country TEXT, agent TEXT,
  num_events INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(code, name));
INSERT INTO meta VALUES('schema_version', '1');
INSERT INTO stories VALUES(1, '2023-10-13', 1);
INSERT INTO articles VALUES(1, 'old-1', 'https://example.org/old-1', 'Kabar', '2023-10-13', 'id',
  'Judul', '00112233445566778899aabbccddeeff', 1, 1, NULL, 0, '20231013000000');
INSERT INTO events VALUES(1, 'old-event', 1, '2023-10-12', 'day', NULL, 'IDNGOV', 'IDN', 'GOV',
  'Pemerintah', NULL, NULL, 'IDNOPP', 'IDN', 'OPP', 'Oposisi', NULL, NULL, '042', '04',
  'Make a visit', 1, 1.9, 'CONSULT', 'asserted', 0, 0.8, 'id', 'old-1', '2023-10-13', 1, 1, 1,
  '20231013000000');
INSERT INTO mentions VALUES(1, 'old-1', 'Kabar', 'old-event', 0, 30, 'Pemerintah mengunjungi oposisi.',
  0, 10, 11, 22, 23, 30, 0.8);
INSERT INTO actors VALUES('IDNGOV', 'Pemerintah', 'IDN', 'GOV', 1);
)SQL";

TEST(SchemaUpgradeTest, AVersion1DatabaseIsReadAsItIsAndUpgradedWhenOpenedToWrite) {
  std::string path = FreshPath("warta-version-1.db");
  RunSql(path, kVersion1Schema);
  const std::string before = Bytes(path);
  {
    auto reader = Store::OpenReadOnly(path);
    ASSERT_TRUE(reader.ok()) << reader.status().message();
    std::vector<StoredEvent> found;
    ASSERT_TRUE(reader.value()->Query({}, [&](const StoredEvent& e) { found.push_back(e); }).ok());
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].event.event_id, "old-event");
    EXPECT_FALSE(found[0].event.location);
    QueryFilter placed;
    placed.place = "IDN";
    EXPECT_EQ(reader.value()->Count(placed).value(), 0) << "nothing stored had a place";
    auto places = reader.value()->Places({}, 10);
    ASSERT_TRUE(places.ok()) << places.status().message();
    EXPECT_EQ(places.value().unplaced, 1);
    EXPECT_TRUE(places.value().places.empty());
    ASSERT_TRUE(reader.value()->Stats().ok());
  }
  EXPECT_EQ(Bytes(path), before) << "reading does not upgrade";

  auto writer = Store::Open(path);
  ASSERT_TRUE(writer.ok()) << writer.status().message();
  EXPECT_EQ(SqlValue(path, "SELECT value FROM meta WHERE key = 'schema_version'"),
            std::to_string(kSchemaVersion));
  EXPECT_EQ(SqlValue(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'events_place'"), "1");
  EXPECT_EQ(SqlValue(path, "SELECT source_name || '|' || IFNULL(place_id, 'null') FROM events"),
            "Pemerintah|null")
      << "nothing stored is lost";
  ASSERT_TRUE(
      writer.value()->WriteBatch({Record("new-1", {MakeEvent("e1", "190", -10, kRafah)})}).ok());
  std::vector<std::string> ids;
  ASSERT_TRUE(writer.value()
                  ->Query({},
                          [&](const StoredEvent& e) {
                            ids.push_back(e.event.event_id + ":" +
                                          (e.event.location ? e.event.location->id : "-"));
                          })
                  .ok());
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"e1:PSE.GZ.rafah", "old-event:-"}));
  writer.value().reset();
  // Opened again, nothing more to do.
  ASSERT_TRUE(Store::Open(path).ok());
  ASSERT_TRUE(Store::OpenReadOnly(path).ok());
}

// An upgrade that fails half way leaves the file as it was: one transaction.
TEST(SchemaUpgradeTest, AnUpgradeThatFailsLeavesTheVersion1FileAsItWas) {
  std::string path = FreshPath("warta-version-1-broken.db");
  RunSql(path, kVersion1Schema);
  // A column of that name already there: the third ALTER TABLE fails.
  RunSql(path, "ALTER TABLE events ADD COLUMN place_feature TEXT");
  auto writer = Store::Open(path);
  ASSERT_FALSE(writer.ok());
  EXPECT_NE(writer.status().message().find("upgrading to schema version 2"), std::string::npos)
      << writer.status().message();
  EXPECT_EQ(SqlValue(path, "SELECT value FROM meta WHERE key = 'schema_version'"), "1");
  EXPECT_EQ(SqlValue(path,
                     "SELECT COUNT(*) FROM pragma_table_info('events') "
                     "WHERE name IN ('place_id', 'place_name')"),
            "0");
}

// A version 3 file (places of events only, no country names): made by this
// warta, what version 4 added dropped.
void MakeVersion3(const std::string& path) {
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(
        store.value()->WriteBatch({Record("old-1", {MakeEvent("e1", "190", -10, kRafah)})}).ok());
  }
  RunSql(path, "DROP TABLE actor_places");
  RunSql(path, "ALTER TABLE events DROP COLUMN place_country_name");
  RunSql(path, "UPDATE meta SET value = '3' WHERE key = 'schema_version'");
}

TEST(SchemaUpgradeTest, AVersion3DatabaseGainsActorPlacesEmpty) {
  std::string path = FreshPath("warta-version-3.db");
  MakeVersion3(path);
  const std::string before = Bytes(path);
  {
    auto reader = Store::OpenReadOnly(path);
    ASSERT_TRUE(reader.ok()) << reader.status().message();
    std::vector<StoredEvent> found;
    ASSERT_TRUE(reader.value()->Query({}, [&](const StoredEvent& e) { found.push_back(e); }).ok());
    ASSERT_EQ(found.size(), 1u);
    ASSERT_TRUE(found[0].event.location);
    EXPECT_EQ(found[0].event.location->id, "PSE.GZ.rafah");
    EXPECT_EQ(found[0].event.location->country_name, "");
    EXPECT_FALSE(found[0].event.source.location);
  }
  EXPECT_EQ(Bytes(path), before) << "reading does not upgrade";
  auto writer = Store::Open(path);
  ASSERT_TRUE(writer.ok()) << writer.status().message();
  EXPECT_EQ(SqlValue(path, "SELECT value FROM meta WHERE key = 'schema_version'"),
            std::to_string(kSchemaVersion));
  EXPECT_EQ(SqlValue(path,
                     "SELECT place_id || '|' || IFNULL(place_country_name, 'null') || '|' || "
                     "(SELECT COUNT(*) FROM actor_places) FROM events"),
            "PSE.GZ.rafah|null|0")
      << "the new columns are added empty, nothing stored is lost";
  Event e = MakeEvent("e2", "042", 1.9, kSurabaya);
  e.source.location = kMalang;
  ASSERT_TRUE(writer.value()->WriteBatch({Record("new-1", {e})}).ok());
  EXPECT_EQ(SqlValue(path, "SELECT place_id FROM actor_places WHERE side = 1"), "IDN.JI.malang");
}

// A failing ALTER names the version whose columns it was adding.
TEST(SchemaUpgradeTest, AFailingUpgradeFromVersion3NamesVersion4) {
  std::string path = FreshPath("warta-version-3-broken.db");
  MakeVersion3(path);
  RunSql(path, "ALTER TABLE events ADD COLUMN place_country_name TEXT");
  auto writer = Store::Open(path);
  ASSERT_FALSE(writer.ok());
  EXPECT_NE(writer.status().message().find("upgrading to schema version 4"), std::string::npos)
      << writer.status().message();
  EXPECT_EQ(SqlValue(path, "SELECT value FROM meta WHERE key = 'schema_version'"), "3");
}

// Versions 5 and 6 added event_keys and ingest's claims: a reader reads a
// version 4 file as it is (queries do without the keys, none touches the
// claims), a writer adds both.
TEST(SchemaUpgradeTest, AVersion4DatabaseIsReadAsItIsAndGainsIngestClaims) {
  std::string path = FreshPath("warta-version-4.db");
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok());
    Event e = MakeEvent("e1", "190", -10, kRafah);
    e.source.location = kMalang;
    ASSERT_TRUE(store.value()->WriteBatch({Record("old-1", {e})}).ok());
  }
  RunSql(path, "DROP TABLE ingest_claims");
  RunSql(path, "DROP TABLE event_keys");
  RunSql(path, "UPDATE meta SET value = '4' WHERE key = 'schema_version'");
  RunSql(path, "PRAGMA wal_checkpoint(TRUNCATE)");
  const std::string before = Bytes(path);
  {
    auto reader = Store::OpenReadOnly(path);
    ASSERT_TRUE(reader.ok()) << reader.status().message();
    std::vector<StoredEvent> found;
    ASSERT_TRUE(reader.value()->Query({}, [&](const StoredEvent& e) { found.push_back(e); }).ok());
    ASSERT_EQ(found.size(), 1u);
    ASSERT_TRUE(found[0].event.source.location) << "actor_places is read, not hidden";
    EXPECT_EQ(found[0].event.source.location->id, "IDN.JI.malang");
  }
  EXPECT_EQ(Bytes(path), before) << "reading does not upgrade";
  auto writer = Store::Open(path);
  ASSERT_TRUE(writer.ok()) << writer.status().message();
  EXPECT_EQ(SqlValue(path, "SELECT value FROM meta WHERE key = 'schema_version'"),
            std::to_string(kSchemaVersion));
  EXPECT_EQ(SqlValue(path, "SELECT COUNT(*) FROM ingest_claims"), "0");
  EXPECT_NE(SqlValue(path, "SELECT COUNT(*) FROM event_keys"), "0") << "keys filled on upgrade";
  writer.value()->SetClaimant("me");
  auto mine = writer.value()->Claim({"a", "b"}, std::chrono::seconds(600));
  ASSERT_TRUE(mine.ok()) << mine.status().message();
  EXPECT_EQ(mine.value(), (std::vector<bool>{true, true}));
  EXPECT_EQ(SqlValue(path, "SELECT COUNT(*) FROM ingest_claims WHERE worker = 'me'"), "2");
}

TEST(SchemaUpgradeTest, ADatabaseOfANewerVersionIsRefusedNamingTheFileAndBothVersions) {
  std::string path = FreshPath("warta-version-99.db");
  RunSql(path, kVersion1Schema);
  RunSql(path, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  const std::string before = Bytes(path);
  for (bool writing : {true, false}) {
    auto store = writing ? Store::Open(path) : Store::OpenReadOnly(path);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(
        store.status().message().find(
            path + " was written by a newer warta (schema version 99; this one knows version " +
            std::to_string(kSchemaVersion) + ")"),
        std::string::npos)
        << store.status().message();
  }
  EXPECT_EQ(Bytes(path), before);
}

TEST(PlaceFilterTest, PlaceIdsAndNames) {
  for (const char* id : {"IDN", "IDN.JI", "IDN.JI.surabaya", "IDN.JK.jakarta-selatan", "USA.CA"}) {
    EXPECT_TRUE(IsPlaceId(id)) << id;
  }
  for (const char* name :
       {"Surabaya", "surabaya", "Jawa Timur", "ID", "IDN.", "IDN..JI", "IDNJI", "Idn", "IDN JI"}) {
    EXPECT_FALSE(IsPlaceId(name)) << name;
  }
  auto filter = ParseQueryFilter({{"place", " Jawa Timur "}}, {});
  ASSERT_TRUE(filter.ok());
  EXPECT_EQ(filter.value().place, "Jawa Timur");
}

TEST(PlaceFilterTest, NearIsAPointAndADistanceAndBadValuesNameTheFlag) {
  auto good = ParseQueryFilter({{"near", "-7.25, 112.75,50"}}, {"--"});
  ASSERT_TRUE(good.ok()) << good.status().message();
  ASSERT_TRUE(good.value().near);
  EXPECT_DOUBLE_EQ(good.value().near->lat, -7.25);
  EXPECT_DOUBLE_EQ(good.value().near->lon, 112.75);
  EXPECT_DOUBLE_EQ(good.value().near->km, 50);
  for (auto [value, message] :
       {std::pair{"-7.25,112.75", "--near must be LAT,LON,KM"},
        {"a,b,c", "--near must be LAT,LON,KM"},
        {"1e1,2,3", "--near must be LAT,LON,KM"},
        {"nan,2,3", "--near must be LAT,LON,KM"},
        {"-7.25,112.75,50,1", "--near must be LAT,LON,KM"},
        {"91,0,10", "--near: the latitude must be from -90 to 90"},
        {"0,-181,10", "--near: the longitude must be from -180 to 180"},
        {"0,0,0", "--near: the distance must be more than 0"},
        {"0,0,-5", "--near: the distance must be more than 0"},
        {"0,0,30000", "--near: the distance must be more than 0 and at most 20040 km"}}) {
    auto bad = ParseQueryFilter({{"near", value}}, {"--"});
    ASSERT_FALSE(bad.ok()) << value;
    EXPECT_NE(bad.status().message().find(message), std::string::npos)
        << value << ": " << bad.status().message();
  }
}

}  // namespace
}  // namespace warta
