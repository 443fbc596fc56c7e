// The store on a real SQLite file: writing, idempotence, stories, every query
// filter and every export format.
#include "store/store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "../../tests/test_support.h"
#include "read/reader.h"
#include "store/export.h"
#include "store/store_test_support.h"
#include "util/text.h"
#include "util/tsv.h"

namespace warta {
namespace {

// The same story in Indonesian and English (the team's own text), and an
// edited republication of the Indonesian one.
const char* kIndonesian =
    "Presiden Indonesia mengunjungi Jepang pada hari Senin dan bertemu Perdana Menteri Jepang "
    "di Tokyo.\n\nKedua pemimpin menandatangani perjanjian kerja sama maritim pada hari Senin.\n\n"
    "Pada hari Selasa, China mengecam perjanjian tersebut dan menuduh Jepang memicu ketegangan.\n\n"
    "Kementerian Luar Negeri Indonesia membantah tuduhan itu pada hari Selasa.";
const char* kEdited =
    "Presiden Indonesia mengunjungi Jepang pada hari Senin dan bertemu Perdana Menteri Jepang "
    "di Tokyo.\n\nKedua pemimpin menandatangani perjanjian kerja sama maritim pada hari Senin.\n\n"
    "Pada hari Selasa, China mengecam perjanjian tersebut dan menuduh Jepang memicu ketegangan "
    "di kawasan.\n\nKementerian Luar Negeri Indonesia membantah tuduhan itu pada hari Selasa.";
const char* kEnglish =
    "Indonesia's president visited Japan on Monday and met the Japanese prime minister in "
    "Tokyo.\n\nThe two leaders signed a maritime cooperation agreement on Monday.\n\n"
    "On Tuesday, China condemned the agreement and accused Japan of stoking tension.";
const char* kOther =
    "Polisi menangkap 20 mahasiswa di Jakarta pada hari Rabu setelah unjuk rasa di depan "
    "Gedung DPR.\n\nKomnas HAM mengecam penangkapan itu pada hari Rabu.";

CodedRecord Record(const std::string& id, const std::string& text, const std::string& source) {
  CodedRecord record;
  record.article.id = id;
  record.article.text = text;
  record.article.source = source;
  record.article.url = "https://example.org/" + id;
  record.article.published = Date::Day(2024, 3, 6);  // a Wednesday
  auto coder = ArticleCoder::Create(testing::SharedResources());
  auto coded = coder.value()->Code(record.article);
  EXPECT_TRUE(coded.ok());
  record.language = coded.value().language;
  record.events = coded.value().events;
  return record;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "warta-store-test.db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
    auto store = Store::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(store).value();
    auto written = store_->WriteBatch(
        {Record("id-1", kIndonesian, "Kabar A"), Record("id-2", kEdited, "Kabar B"),
         Record("en-1", kEnglish, "Wire C"), Record("id-3", kOther, "Kabar A")});
    ASSERT_TRUE(written.ok()) << written.status().message();
  }

  std::vector<StoredEvent> Find(const QueryFilter& filter) {
    std::vector<StoredEvent> found;
    Status status = store_->Query(filter, [&](const StoredEvent& e) { found.push_back(e); });
    EXPECT_TRUE(status.ok()) << status.message();
    return found;
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreTest, EditedAndTranslatedCopiesAreOneStoryAndItsEventsAreCounted) {
  auto stats = store_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats.value().articles, 4);
  EXPECT_EQ(stats.value().stories, 2);
  QueryFilter visit;
  visit.codes = {"042"};
  auto visits = Find(visit);
  ASSERT_EQ(visits.size(), 1u) << "one visit, told three times";
  EXPECT_EQ(visits[0].num_articles, 3);
  EXPECT_EQ(visits[0].num_sources, 3);
  EXPECT_GE(visits[0].num_mentions, 3);
  EXPECT_EQ(visits[0].event.source.country, "IDN");
  EXPECT_EQ(visits[0].event.target->country, "JPN");
}

// Issue 11: an English telling whose "met" is a visit and a hosting (042,
// 043) where the Indonesian "bertemu" is a meeting (040), and whose date
// falls back to the publication day where the Indonesian writes the weekday,
// was a story of its own.
TEST_F(StoreTest, ATranslationCodedWithOtherCodesAndDatesJoinsItsStory) {
  const char* indonesian =
      "Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Istana Bogor pada "
      "hari Senin.\n\nKedua pemimpin menandatangani perjanjian perbatasan laut.\n\n"
      "Jokowi memuji Malaysia atas kerja samanya dalam memberantas penyelundupan.";
  const char* english =
      "Indonesian President Joko Widodo met Malaysian Prime Minister Anwar Ibrahim at the Bogor "
      "Palace.\n\nThe two leaders signed a maritime border agreement.\n\n"
      "Widodo praised Malaysia for its cooperation in fighting smuggling.";
  auto written = store_->WriteBatch(
      {Record("id-4", indonesian, "Kabar A"), Record("en-4", english, "Wire C")});
  ASSERT_TRUE(written.ok()) << written.status().message();
  QueryFilter dyad;
  dyad.dyad_a = "IDN";
  dyad.dyad_b = "MYS";
  std::set<long long> stories;
  for (const StoredEvent& e : Find(dyad)) stories.insert(e.story_id);
  EXPECT_EQ(stories.size(), 1u);
  QueryFilter praise = dyad;
  praise.codes = {"051"};
  auto praised = Find(praise);
  ASSERT_EQ(praised.size(), 1u) << "one praise, told in two languages";
  EXPECT_EQ(praised[0].num_articles, 2);
}

TEST_F(StoreTest, StoringAgainChangesNothing) {
  auto before = store_->Stats().value();
  auto written = store_->WriteBatch(
      {Record("id-1", kIndonesian, "Kabar A"), Record("copy-of-id-1", kIndonesian, "Kabar Z")});
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(written.value().articles, 0);
  auto after = store_->Stats().value();
  EXPECT_EQ(after.articles, before.articles);
  EXPECT_EQ(after.events, before.events);
  EXPECT_EQ(after.mentions, before.mentions);
  EXPECT_TRUE(store_->HasArticle("anything", TextHash(kIndonesian)).value());
  // An id alone is no article's identity (issue 11), unless it is a URL.
  EXPECT_FALSE(store_->HasArticle("id-1", "another text").value());
}

// Issue 11: a second text with a taken id ("0001.txt" in another folder) was
// "already stored"; it is stored under an id of its own, with its events.
TEST_F(StoreTest, AnotherTextWithATakenIdIsKeptUnderItsOwnId) {
  const char* text = "Polisi menangkap 12 mahasiswa di Makassar pada hari Rabu.";
  CodedRecord record = Record("id-3", text, "Kabar D");
  ASSERT_FALSE(record.events.empty());
  auto written = store_->WriteBatch({record, Record("id-3", kOther, "Kabar A")});
  ASSERT_TRUE(written.ok()) << written.status().message();
  EXPECT_EQ(written.value().articles, 1);
  const std::string own_id = "id-3#" + TextHash(text).substr(0, 16);
  QueryFilter arrests;
  arrests.codes = {"173"};
  bool found = false;
  for (const StoredEvent& e : Find(arrests)) found = found || e.event.article_id == own_id;
  EXPECT_TRUE(found) << own_id;
  EXPECT_TRUE(store_->HasArticle("id-3", TextHash(text)).value());  // and again: nothing twice
  EXPECT_EQ(store_->WriteBatch({record}).value().articles, 0);

  // A page (an id that is a URL) fetched again with its text changed is that page.
  const char* page = "Presiden Prancis mengunjungi Indonesia pada hari Kamis.";
  ASSERT_TRUE(store_->WriteBatch({Record("https://berita.example/1", page, "Wire C")}).ok());
  EXPECT_TRUE(store_->HasArticle("https://berita.example/1", "changed text").value());
  EXPECT_FALSE(store_->HasArticle("https://berita.example/2", "changed text").value());
}

TEST_F(StoreTest, EveryFilter) {
  QueryFilter all;
  size_t total = Find(all).size();
  ASSERT_GT(total, 4u);
  auto count = [&](auto set) {
    QueryFilter f;
    set(&f);
    return Find(f).size();
  };
  EXPECT_GT(count([](QueryFilter* f) { f->actor = "CHN"; }), 0u);
  EXPECT_LT(count([](QueryFilter* f) { f->actor = "CHN"; }), total);
  EXPECT_GT(count([](QueryFilter* f) { f->actor = "IDNCOP"; }), 0u);
  EXPECT_GT(count([](QueryFilter* f) { f->name = "Presiden"; }), 0u);
  EXPECT_GT(count([](QueryFilter* f) { f->country = "JPN"; }), 0u);
  EXPECT_GT(count([](QueryFilter* f) { f->agent = "COP"; }), 0u);
  size_t either = count([](QueryFilter* f) {
    f->dyad_a = "JPN";
    f->dyad_b = "CHN";
  });
  size_t directed = count([](QueryFilter* f) {
    f->dyad_a = "JPN";
    f->dyad_b = "CHN";
    f->directed = true;
  });
  EXPECT_GT(either, directed);  // China acted on Japan, not the other way
  EXPECT_EQ(directed, 0u);
  EXPECT_GT(count([](QueryFilter* f) { f->codes = {"11"}; }), 0u);
  EXPECT_EQ(count([](QueryFilter* f) {
              f->codes = {"11", "042"};
            }),
            count([](QueryFilter* f) { f->codes = {"11"}; }) +
                count([](QueryFilter* f) { f->codes = {"042"}; }));
  EXPECT_GT(count([](QueryFilter* f) { f->quad_class = 3; }), 0u);
  EXPECT_EQ(count([](QueryFilter* f) { f->from = "2024-03-05"; }), count([](QueryFilter* f) {
              f->from = "2024-03-05";
              f->to = "2024-03-06";
            }));
  EXPECT_LT(count([](QueryFilter* f) { f->from = "2024-03-05"; }), total);
  EXPECT_GT(count([](QueryFilter* f) { f->language = "en"; }), 0u);
  EXPECT_GT(count([](QueryFilter* f) { f->source = "Wire C"; }), 0u);
  EXPECT_EQ(count([](QueryFilter* f) { f->source = "nobody"; }), 0u);
  long long story = Find(all).front().story_id;
  EXPECT_LT(count([&](QueryFilter* f) { f->story = story; }), total);
  EXPECT_EQ(count([](QueryFilter* f) { f->limit = 2; }), 2u);
  // Values are bound, never pasted: an injection attempt matches nothing.
  EXPECT_EQ(count([](QueryFilter* f) { f->actor = "x' OR '1'='1"; }), 0u);
}

// "China did not attack Taiwan" is stored, but is no attack: queries, counts,
// the timeline, the network and the stats take only asserted, non-negated
// events unless the filter asks for the others.
TEST_F(StoreTest, OnlyAssertedEventsThatHappenedCountByDefault) {
  const char* kinds =
      "China did not attack Taiwan on Tuesday.\n\nIsrael reportedly attacked Iran on Tuesday.\n\n"
      "Russia will attack Ukraine next year.";
  auto before = store_->Stats().value();
  ASSERT_TRUE(store_->WriteBatch({Record("kinds", kinds, "Wire K")}).ok());
  auto count = [&](const std::string& a, const std::string& b, EventKinds which) {
    QueryFilter f;
    f.dyad_a = a;
    f.dyad_b = b;
    f.kinds = which;
    EXPECT_EQ(static_cast<size_t>(store_->Count(f).value()), Find(f).size());
    return Find(f).size();
  };
  EventKinds any{{}, std::nullopt};
  EXPECT_EQ(count("CHN", "TWN", {}), 0u);
  EXPECT_EQ(count("CHN", "TWN", any), 1u);
  EXPECT_EQ(count("CHN", "TWN", {{}, true}), 1u);
  EXPECT_EQ(count("CHN", "TWN", {{Modality::kAsserted}, true}), 1u);
  EXPECT_EQ(count("ISR", "IRN", {}), 0u);
  EXPECT_EQ(count("ISR", "IRN", {{Modality::kAlleged}, false}), 1u);
  EXPECT_EQ(count("RUS", "UKR", {}), 0u);
  EXPECT_EQ(count("RUS", "UKR", {{Modality::kIntended}, false}), 1u);
  EXPECT_EQ(count("RUS", "UKR", {{Modality::kAlleged, Modality::kIntended}, false}), 1u);

  QueryFilter china;
  china.actor = "CHN";
  china.codes = {"19"};
  EXPECT_TRUE(store_->Timeline(china, Period::kMonth).value().empty());
  Network network = store_->ActorNetwork(QueryFilter{}, 30).value();
  for (const NetworkEdge& edge : network.edges) {
    EXPECT_NE(edge.source + ">" + edge.target, "CHN>TWN") << "a negated attack is no tie";
    EXPECT_NE(edge.source + ">" + edge.target, "ISR>IRN") << "an alleged attack is no tie";
  }
  china.kinds = any;
  EXPECT_EQ(store_->Timeline(china, Period::kMonth).value().size(), 1u);

  auto after = store_->Stats().value();
  EXPECT_EQ(after.events, before.events);  // none of the three happened as told
  EXPECT_EQ(after.stored_events, before.stored_events + 3);
  std::map<std::string, long long> by_kind(after.by_kind.begin(), after.by_kind.end());
  EXPECT_EQ(by_kind["negated"], 1);
  EXPECT_GE(by_kind["alleged"], 1);
  EXPECT_GE(by_kind["intended"], 1);
  EXPECT_EQ(by_kind["asserted"], after.events);
  EXPECT_EQ(store_->Stats(any).value().events, after.stored_events);
}

// A hand-made event of `cameo` from `source` on `target` (actor codes), so
// that its root is known whatever the coder makes of a text.
Event MadeEvent(const std::string& article, const std::string& cameo, const std::string& source,
                const std::string& target) {
  Event e;
  e.article_id = article;
  e.event_id = article + "-" + cameo + source + target;
  e.language = "en";
  e.date = Date::Day(2024, 3, 6);
  e.source = Actor{source, source.substr(0, 3), source.substr(3), "name of " + source, {}, {}, {}};
  e.target = Actor{target, target.substr(0, 3), target.substr(3), "name of " + target, {}, {}, {}};
  e.cameo = cameo;
  e.cameo_root = cameo.substr(0, 2);
  e.cameo_label = "label " + cameo;
  e.quad_class = 1;
  return e;
}

// Statements (root 01: "Putin said", "the US urged") are events and count by
// default; statements = false leaves them out of the list, the count, the
// timeline, the network and the stats, and nothing else.
TEST_F(StoreTest, StatementsCountUnlessLeftOut) {
  CodedRecord record;
  record.article.id = "statements";
  record.article.text = "Three hand-made events, two of them statements.";
  record.article.source = "Wire S";
  record.article.published = Date::Day(2024, 3, 6);
  record.language = "en";
  record.events = {MadeEvent("statements", "010", "RUSGOV", "PRKGOV"),
                   MadeEvent("statements", "013", "USAGOV", "PRKGOV"),
                   MadeEvent("statements", "042", "PRKGOV", "RUSGOV")};
  ASSERT_TRUE(store_->WriteBatch({record}).ok());
  EventKinds without;
  without.statements = false;
  QueryFilter wire;
  wire.source = "Wire S";
  QueryFilter wire_without = wire;
  wire_without.kinds = without;
  EXPECT_EQ(Find(wire).size(), 3u);
  EXPECT_EQ(store_->Count(wire).value(), 3);
  std::vector<StoredEvent> acts = Find(wire_without);
  ASSERT_EQ(acts.size(), 1u);
  EXPECT_EQ(acts[0].event.cameo, "042");
  EXPECT_EQ(store_->Count(wire_without).value(), 1);

  // Across the database: exactly the root-01 events go, whatever else was coded.
  QueryFilter all_without;
  all_without.kinds = without;
  size_t statements = 0;
  for (const StoredEvent& e : Find(QueryFilter{})) statements += e.event.cameo_root == "01";
  EXPECT_GE(statements, 2u);
  EXPECT_EQ(Find(all_without).size(), Find(QueryFilter{}).size() - statements);
  for (const StoredEvent& e : Find(all_without)) EXPECT_NE(e.event.cameo_root, "01");

  long long timeline = 0;
  auto rows = store_->Timeline(wire_without, Period::kMonth);  // kept: rows live in it
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  for (const TimelineRow& row : rows.value()) timeline += row.events;
  EXPECT_EQ(timeline, 1);
  auto has_node = [](const Network& network, const std::string& code) {
    return std::any_of(network.nodes.begin(), network.nodes.end(),
                       [&](const NetworkNode& node) { return node.code == code; });
  };
  EXPECT_TRUE(has_node(store_->ActorNetwork(wire, 30).value(), "USAGOV"));
  EXPECT_FALSE(has_node(store_->ActorNetwork(wire_without, 30).value(), "USAGOV"));

  StoreStats with_stats = store_->Stats().value(), without_stats = store_->Stats(without).value();
  std::map<std::string, long long> roots(with_stats.by_root.begin(), with_stats.by_root.end());
  EXPECT_EQ(roots["01"], static_cast<long long>(statements));
  EXPECT_EQ(without_stats.events, with_stats.events - roots["01"]);
  for (const auto& [root, count] : without_stats.by_root) EXPECT_NE(root, "01");
  EXPECT_EQ(without_stats.stored_events, with_stats.stored_events);
}

// The plans SQLite makes for the timeline's and the network's aggregates
// (query.cc's shape), with and without statements: both read the partial
// indexes over asserted, non-negated events, which hold the root, so leaving
// statements out (a bound value, as every filter) reads no table row.
TEST_F(StoreTest, ThePartialIndexesServeTheDefaultAndLeavingOutStatements) {
  auto db = sql::Database::Open(path_, {/*read_only=*/true});
  ASSERT_TRUE(db.ok()) << db.status().message();
  auto plan = [&](const std::string& query) {
    auto stmt = sql::Statement::Prepare(db.value().get(), "EXPLAIN QUERY PLAN " + query);
    EXPECT_TRUE(stmt.ok()) << stmt.status().message();
    if (!stmt.ok()) return std::string();
    stmt.value()->Bind(1, std::string("01"));
    std::string out;
    Status status;
    while (stmt.value()->Step(&status)) out += stmt.value()->Text(3) + "\n";
    return out;
  };
  const std::string kinds = " WHERE 1=1 AND (modality = 'asserted') AND (negated = 0)";
  const std::string no_statements = " AND (cameo_root <> ?1)";
  auto timeline = [](const std::string& where) {
    return "SELECT date, 0, quad_class, COUNT(*), SUM(goldstein) FROM events" + where +
           " AND date IS NOT NULL GROUP BY 1, 2, 3";
  };
  auto network = [](const std::string& where) {
    return "SELECT source_code, target_code, COUNT(*), AVG(goldstein) FROM events" + where +
           " AND target_code IS NOT NULL AND target_code != '' AND source_code != target_code "
           "GROUP BY 1, 2";
  };
  for (const std::string& where : {kinds, kinds + no_statements}) {
    EXPECT_NE(plan(timeline(where)).find("events_date_quad_root_happened"), std::string::npos)
        << plan(timeline(where));
    EXPECT_NE(plan(network(where)).find("events_source_target_root_happened"), std::string::npos)
        << plan(network(where));
  }
  // SQLite's plan does not say whether a partial index covers the query: its columns do.
  for (const char* index :
       {"events_date_quad_root_happened", "events_source_target_root_happened"}) {
    auto columns =
        sql::Statement::Prepare(db.value().get(), std::string("PRAGMA index_info(") + index + ")");
    ASSERT_TRUE(columns.ok());
    std::set<std::string> names;
    Status status;
    while (columns.value()->Step(&status)) names.insert(columns.value()->Text(2));
    EXPECT_TRUE(names.count("goldstein") && names.count("cameo_root")) << index;
  }
}

TEST_F(StoreTest, ExportFormats) {
  QueryFilter all;
  auto events = Find(all);
  ASSERT_FALSE(events.empty());
  for (const StoredEvent& e : events) {
    // GDELT: 61 tab-separated columns, read back by a plain reader.
    std::string row = ExportRow(e, ExportFormat::kGdelt);
    ASSERT_EQ(row.back(), '\n');
    std::vector<std::string> columns = Split(row.substr(0, row.size() - 1), '\t');
    ASSERT_EQ(columns.size(), static_cast<size_t>(kGdeltColumns)) << row;
    EXPECT_EQ(columns[0], std::to_string(e.row));
    EXPECT_EQ(columns[5], e.event.source.code);
    EXPECT_EQ(columns[26], e.event.cameo);
    EXPECT_EQ(columns[28], e.event.cameo_root);
    EXPECT_EQ(columns[29], std::to_string(e.event.quad_class));
    EXPECT_EQ(columns[31], std::to_string(e.num_mentions));
    EXPECT_EQ(columns[60], e.source_url);
    if (e.event.date && e.event.date->precision == DatePrecision::kDay) {
      EXPECT_EQ(columns[1], e.event.date->ToString().substr(0, 4) +
                                e.event.date->ToString().substr(5, 2) +
                                e.event.date->ToString().substr(8, 2));
    }
    // JSON lines: the contract plus the store's fields.
    std::string json = ExportRow(e, ExportFormat::kJsonLines);
    EXPECT_NE(json.find("\"num_articles\":" + std::to_string(e.num_articles)), std::string::npos);
    EXPECT_NE(json.find("\"event_id\":\"" + e.event.event_id + "\""), std::string::npos);
  }
  std::string header = ExportHeader(ExportFormat::kCsv);
  EXPECT_EQ(Split(header, ',').size(), 51u);
  // ActionGeo (GDELT columns 51-58) and the CSV's location columns, from the
  // event's location; empty without one.
  StoredEvent placed = events[0];
  placed.event.location = Location();
  Location& l = *placed.event.location;
  l.id = "IDN.KI.samarinda";
  l.name = "Samarinda";
  l.feature = "city";
  l.country = "IDN";
  l.country_name = "Indonesia";
  l.adm1 = "Kalimantan Timur";
  l.adm1_id = "IDN.KI";
  l.fips_country = "ID";
  l.adm1_code = "ID14";
  l.lat = -0.5;
  l.lon = 117.15;
  l.basis = "written";
  std::string row = ExportRow(placed, ExportFormat::kGdelt);
  std::vector<std::string> columns = Split(row.substr(0, row.size() - 1), '\t');
  ASSERT_EQ(columns.size(), static_cast<size_t>(kGdeltColumns)) << row;
  const std::vector<std::string> action_geo = {"4",        "Samarinda, Kalimantan Timur, Indonesia",
                                               "ID",       "ID14",
                                               "",         "-0.5000",
                                               "117.1500", "IDN.KI.samarinda"};
  EXPECT_EQ(std::vector<std::string>(columns.begin() + 51, columns.begin() + 59), action_geo);
  EXPECT_EQ(columns[35], "");  // Actor1Geo_Type: the text does not place the source
  EXPECT_EQ(columns[43], "");  // nor the target
  // Actor1Geo/Actor2Geo (35-42, 43-50): where the text places each actor, in
  // ActionGeo's formats.
  StoredEvent actors_placed = placed;
  actors_placed.event.source.location = l;
  if (!actors_placed.event.target) actors_placed.event.target = actors_placed.event.source;
  actors_placed.event.target->location = l;
  actors_placed.event.target->location->feature = "adm1";
  actors_placed.event.target->location->name = "Kaltim";
  columns = Split(ExportRow(actors_placed, ExportFormat::kGdelt), '\t');
  EXPECT_EQ(std::vector<std::string>(columns.begin() + 35, columns.begin() + 43), action_geo);
  const std::vector<std::string> actor2_geo = {
      "5", "Kaltim, Indonesia", "ID", "ID14", "", "-0.5000", "117.1500", "IDN.KI.samarinda"};
  EXPECT_EQ(std::vector<std::string>(columns.begin() + 43, columns.begin() + 51), actor2_geo);
  std::string actors_csv = ExportRow(actors_placed, ExportFormat::kCsv);
  EXPECT_NE(actors_csv.find(",written,IDN.KI.samarinda,Samarinda,city,IDN,Kalimantan Timur,"
                            "-0.5000,117.1500,written,IDN.KI.samarinda,Kaltim,adm1,"),
            std::string::npos)
      << actors_csv;
  placed.event.location->feature = "country";
  placed.event.location->name = "Indonesia";
  placed.event.location->adm1 = placed.event.location->adm1_code = "";
  columns = Split(ExportRow(placed, ExportFormat::kGdelt), '\t');
  EXPECT_EQ(columns[51], "1");
  EXPECT_EQ(columns[52], "Indonesia");
  EXPECT_EQ(columns[54], "ID");
  std::string csv = ExportRow(placed, ExportFormat::kCsv);
  EXPECT_NE(csv.find(",IDN.KI.samarinda,Indonesia,country,IDN,,-0.5000,117.1500,written,"),
            std::string::npos)
      << csv;
  EXPECT_EQ(Split(ExportRow(events[0], ExportFormat::kCsv), ',').size() >= 35u, true);
  EXPECT_NE(ExportRow(events[0], ExportFormat::kCsv).find(events[0].event.event_id),
            std::string::npos);
  EXPECT_FALSE(ParseExportFormat("xml").has_value());
}

}  // namespace
}  // namespace warta

namespace warta {
namespace {

using testing::Bytes;
using testing::FreshPath;
using testing::RunSql;

bool Exists(const std::string& path) { return std::filesystem::exists(path); }

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// Issue 11: ingesting into another program's database added warta's tables to it.
TEST(StoreOpenTest, AnotherProgramsDatabaseIsRefusedAndLeftAsItWas) {
  std::string path = FreshPath("warta-foreign.db");
  RunSql(path, "CREATE TABLE foo(x); CREATE TABLE bar(y); INSERT INTO foo VALUES(1);");
  std::string before = Bytes(path);
  auto store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(store.status().message(), path +
                                          " is an SQLite database but not warta's (it has tables "
                                          "bar, foo); refusing to add tables to it");
  EXPECT_EQ(Bytes(path), before);
  EXPECT_FALSE(Exists(path + "-wal")) << "its journal mode was changed";
  auto reader = Store::OpenReadOnly(path);
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(reader.status().message().find("but not warta's"), std::string::npos);
  // A table named meta is not enough: it must hold warta's schema version.
  RunSql(path, "CREATE TABLE meta(name, value);");
  EXPECT_FALSE(Store::Open(path).ok());
  EXPECT_FALSE(Store::OpenReadOnly(path).ok());
}

TEST(StoreOpenTest, ATextFileIsRefusedAndLeftAsItWas) {
  std::string path = FreshPath("warta-notes.txt");
  WriteFile(path, "Notes, not a database.\n");
  for (bool read_only : {false, true}) {
    auto store = read_only ? Store::OpenReadOnly(path) : Store::Open(path);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().message().rfind(path + " is not an SQLite database", 0), 0u)
        << store.status().message();
    EXPECT_NE(store.status().message().find("not a warta event database"), std::string::npos);
  }
  EXPECT_EQ(Bytes(path), "Notes, not a database.\n");
  for (const char* suffix : {"-wal", "-shm", "-journal"}) EXPECT_FALSE(Exists(path + suffix));
}

TEST(StoreOpenTest, ADatabaseOfANewerSchemaIsRefused) {
  std::string path = FreshPath("warta-newer.db");
  ASSERT_TRUE(Store::Open(path).ok());
  RunSql(path, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  std::string before = Bytes(path);
  auto store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find(path +
                                          " was written by a newer warta (schema version "
                                          "99; this one knows version " +
                                          std::to_string(kSchemaVersion) + ")"),
            std::string::npos)
      << store.status().message();
  EXPECT_FALSE(Store::OpenReadOnly(path).ok());
  EXPECT_EQ(Bytes(path), before);
  RunSql(path, "UPDATE meta SET value = 'banana' WHERE key = 'schema_version'");
  auto unknown = Store::OpenReadOnly(path);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("unknown warta schema version \"banana\""),
            std::string::npos);
}

TEST(StoreOpenTest, AnEmptyFileBecomesAWartaDatabaseThatRecordsItsSchemaVersion) {
  std::string path = FreshPath("warta-empty.db");
  WriteFile(path, "");
  auto reader = Store::OpenReadOnly(path);
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(reader.status().message().find(path + " is empty"), std::string::npos);
  ASSERT_TRUE(Store::Open(path).ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* version = nullptr;
  sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &version,
                     nullptr);
  ASSERT_EQ(sqlite3_step(version), SQLITE_ROW);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(sqlite3_column_text(version, 0))),
            std::to_string(kSchemaVersion));
  sqlite3_finalize(version);
  sqlite3_close(db);
  EXPECT_TRUE(Store::Open(path).ok());
  EXPECT_TRUE(Store::OpenReadOnly(path).ok());
}

// Writers opening a fresh file together each see it empty or whole, never
// half made (which would look like another program's database).
TEST(StoreConcurrentTest, WritersOpeningAFreshFileTogetherAllSucceed) {
  for (int round = 0; round < 5; ++round) {
    std::string path = FreshPath("warta-fresh-together.db");
    std::vector<std::thread> threads;
    std::vector<std::string> errors(6);
    for (size_t i = 0; i < errors.size(); ++i) {
      threads.emplace_back([&, i] {
        auto store = Store::Open(path);
        if (!store.ok()) errors[i] = store.status().message();
      });
    }
    for (std::thread& thread : threads) thread.join();
    for (const std::string& error : errors) EXPECT_EQ(error, "");
  }
}

// Issue 11: errors from the store said "database: ..." without naming it.
TEST(StoreOpenTest, AReadOnlyStoreAnswersQueriesAndItsErrorsNameTheFile) {
  std::string path = FreshPath("warta-read-only.db");
  ASSERT_TRUE(Store::Open(path).value()->WriteBatch({Record("id-1", kIndonesian, "A")}).ok());
  std::string before = Bytes(path);
  auto reader = Store::OpenReadOnly(path);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  Store& store = *reader.value();
  EXPECT_GT(store.Count(QueryFilter{}).value(), 0);
  EXPECT_EQ(store.Stats().value().articles, 1);
  EXPECT_TRUE(store.Timeline(QueryFilter{}, Period::kMonth).ok());
  EXPECT_TRUE(store.ActorNetwork(QueryFilter{}, 10).ok());
  EXPECT_TRUE(store.Actors("IDN", 5).ok());
  EXPECT_TRUE(store.Detail(1).ok());
  auto written = store.WriteBatch({Record("id-3", kOther, "A")});
  ASSERT_FALSE(written.ok());
  EXPECT_NE(written.status().message().find(path + ": attempt to write a readonly database"),
            std::string::npos)
      << written.status().message();
  EXPECT_EQ(Bytes(path), before);
}

// Issue 11: a second ingest died at once with "database is locked".
TEST(StoreBusyTest, AWriterWaitsForAnotherAndSaysSoWhenItCannot) {
  std::string path = FreshPath("warta-busy.db");
  ASSERT_TRUE(Store::Open(path).ok());
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  StoreOptions impatient;
  impatient.busy_timeout = std::chrono::milliseconds(100);
  auto store = Store::Open(path, impatient);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kIoError);
  EXPECT_EQ(store.status().message(), path +
                                          " is locked: another process is writing to it (waited "
                                          "100 ms); try again when it has finished");
  // A patient writer waits for the other to finish.
  std::thread finish([other] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
  });
  auto patient = Store::Open(path);
  finish.join();
  sqlite3_close(other);
  ASSERT_TRUE(patient.ok()) << patient.status().message();
  EXPECT_TRUE(patient.value()->WriteBatch({Record("id-3", kOther, "A")}).ok());
}

// The cause of the instant "database is locked": a lookup that stopped at its
// first row kept an old snapshot open, and SQLite cannot wait for a snapshot.
TEST(StoreBusyTest, ALookupThatFoundAnArticleDoesNotLockTheNextWrite) {
  std::string path = FreshPath("warta-snapshot.db");
  auto first = Store::Open(path);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(first.value()->WriteBatch({Record("id-1", kIndonesian, "A")}).ok());
  auto second = Store::Open(path);
  ASSERT_TRUE(second.ok());
  ASSERT_TRUE(second.value()->HasArticle("id-1", TextHash(kIndonesian)).value());
  ASSERT_TRUE(first.value()->WriteBatch({Record("id-3", kOther, "A")}).ok());
  auto written = second.value()->WriteBatch({Record("en-1", kEnglish, "C")});
  EXPECT_TRUE(written.ok()) << written.status().message();
  EXPECT_TRUE(second.value()->HasArticle("id-3", TextHash(kOther)).value())
      << "it sees the other's writes";
}

// Issue 11: articles without an outlet each counted as a source of their own.
TEST(StoreSourcesTest, AnArticleWithoutOutletIsKnownByItsUrlsHostOrAsOneUnknownSource) {
  struct Case {
    const char *source, *url, *outlet;
  } cases[] = {
      {"Kompas", "https://example.org/a", "Kompas"},
      {"", "https://www.Kompas.com:443/read/1?x=2", "kompas.com"},
      {"", "http://user@detik.com#top", "detik.com"},
      {"", "https://[::1]:8080/x", "[::1]"},
      {"", "no url at all", ""},
      {"", "", ""},
  };
  for (const Case& c : cases) {
    Article article;
    article.source = c.source;
    article.url = c.url;
    EXPECT_EQ(OutletOf(article), c.outlet) << c.url;
  }
  std::string path = FreshPath("warta-sources.db");
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok());
  CodedRecord unknown = Record("id-1", kIndonesian, ""), also_unknown = Record("id-2", kEdited, "");
  unknown.article.url = also_unknown.article.url = "";
  CodedRecord by_host = Record("en-1", kEnglish, "");
  by_host.article.url = "https://www.wire.example/en-1";
  ASSERT_TRUE(store.value()->WriteBatch({unknown, also_unknown, by_host}).ok());
  QueryFilter visit;
  visit.codes = {"042"};
  std::vector<StoredEvent> found;
  ASSERT_TRUE(store.value()->Query(visit, [&](const StoredEvent& e) { found.push_back(e); }).ok());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].num_articles, 3);
  EXPECT_EQ(found[0].num_sources, 2) << "one unknown outlet and wire.example";
  QueryFilter by_outlet;
  by_outlet.source = "wire.example";
  EXPECT_GT(store.value()->Count(by_outlet).value(), 0) << "--source finds it by its host";
}

}  // namespace
}  // namespace warta
