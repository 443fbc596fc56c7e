// The JSON API on a real database of hand-made events: every endpoint, its
// answers counted exactly, and its refusals of bad parameters.
#include "serve/api.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "store/store.h"

namespace warta {
namespace {

using nlohmann::json;

// The team's own text: three sentences, each one event.
const char* kText =
    "Kim Jong Un visited Russia on Wednesday. Putin praised North Korea at the summit. "
    "Russia attacked Ukraine again in October, officials said.";
// An edited copy of the same report: the same story, told by a second outlet.
const char* kEditedText =
    "Kim Jong Un visited Russia on Wednesday. Putin praised North Korea at the summit. "
    "Russia attacked Ukraine again in October, Ukrainian officials said on Friday.";
const char* kOtherText = "The United States accused North Korea of supplying arms to Russia.";
// Events that did not happen, or are only said or planned to: stored, but not
// counted unless asked for.
const char* kKindsText =
    "China did not attack Taiwan. Israel reportedly attacked Iran. The United States will "
    "visit North Korea in December.";

Actor State(const std::string& country, const std::string& name, const std::string& agent = "") {
  return Actor{country + agent, country, agent, name, std::nullopt, std::nullopt, std::nullopt};
}

Span Find(const std::string& text, const std::string& part) {
  size_t at = text.find(part);
  EXPECT_NE(at, std::string::npos) << part;
  return {at, at + part.size()};
}

Event MakeEvent(const std::string& text, const std::string& sentence, const Actor& source,
                const std::string& verb, const Actor& target, const std::string& cameo, int quad,
                double goldstein, Date date) {
  Event e;
  e.source = source;
  e.target = target;
  e.cameo = cameo;
  e.cameo_root = cameo.substr(0, 2);
  e.cameo_label = "label " + cameo;
  e.quad_class = quad;
  e.goldstein = goldstein;
  e.date = date;
  e.language = "en";
  e.evidence.sentence = Find(text, sentence);
  e.evidence.text = sentence;
  e.evidence.source = Find(text, source.name);
  e.evidence.verb = Find(text, verb);
  e.evidence.target = Find(text, target.name);
  e.event_id = cameo + source.code + target.code + date.ToString();
  return e;
}

Location Place(const std::string& id, const std::string& name, double lat, double lon,
               const std::string& adm1) {
  Location l;
  l.id = id;
  l.name = name;
  l.feature = adm1.empty() ? "country" : "city";
  l.country = id.substr(0, 3);
  l.adm1 = adm1;
  l.adm1_id = adm1.empty() ? "" : id.substr(0, id.rfind('.'));
  l.lat = lat;
  l.lon = lon;
  l.basis = "written";
  return l;
}

CodedRecord Record(const std::string& id, const std::string& text, const std::string& outlet,
                   bool with_attack) {
  CodedRecord record;
  record.article.id = id;
  record.article.text = text;
  record.article.source = outlet;
  record.article.title = "Title of " + id;
  record.article.url = "https://example.org/" + id;
  record.article.published = Date::Day(2023, 10, 13);
  record.language = "en";
  record.events.push_back(MakeEvent(text, "Kim Jong Un visited Russia on Wednesday.",
                                    State("PRK", "Kim Jong Un", "GOV"), "visited",
                                    State("RUS", "Russia"), "042", 1, 1.9, Date::Day(2023, 9, 13)));
  record.events.push_back(
      MakeEvent(text, "Putin praised North Korea at the summit.", State("RUS", "Putin", "GOV"),
                "praised", State("PRK", "North Korea"), "051", 1, 3.4, Date::Day(2023, 9, 13)));
  if (with_attack) {
    std::string sentence = text.substr(text.find("Russia attacked"));
    record.events.push_back(MakeEvent(text, sentence, State("RUS", "Russia"), "attacked",
                                      State("UKR", "Ukraine"), "190", 4, -10,
                                      Date::Month(2023, 10)));
  }
  // Placed (issue 14): the summit in Moscow, the attack in Kharkiv.
  record.events[0].location = Place("RUS.MOW.moscow", "Moscow", 55.7558, 37.6173, "Moskva");
  record.events[1].location = Place("RUS.MOW.moscow", "Moskow", 55.7558, 37.6173, "Moskva");
  if (with_attack) {
    record.events[2].location = Place("UKR.KK.kharkiv", "Kharkiv", 49.9935, 36.2304, "Kharkivska");
  }
  for (Event& e : record.events) e.article_id = id;
  for (Event& e : record.events) e.event_id += id;
  return record;
}

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = ::testing::TempDir() + "warta-api-test.db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
    auto store = Store::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    CodedRecord other;
    other.article.id = "other";
    other.article.text = kOtherText;
    other.article.source = "Wire B";
    other.article.published = Date::Day(2023, 11, 2);
    other.language = "en";
    other.events.push_back(MakeEvent(kOtherText, kOtherText, State("USA", "The United States"),
                                     "accused", State("PRK", "North Korea"), "112", 3, -2,
                                     Date::Day(2023, 11, 2)));
    other.events.back().article_id = "other";
    Event negated =
        MakeEvent(kKindsText, "China did not attack Taiwan.", State("CHN", "China"), "attack",
                  State("TWN", "Taiwan"), "190", 4, -10, Date::Day(2023, 11, 2));
    negated.negated = true;
    Event alleged =
        MakeEvent(kKindsText, "Israel reportedly attacked Iran.", State("ISR", "Israel"),
                  "attacked", State("IRN", "Iran"), "190", 4, -10, Date::Day(2023, 11, 2));
    alleged.modality = Modality::kAlleged;
    alleged.location = Place("IRN", "Iran", 32.0, 53.0, "");
    Event intended = MakeEvent(kKindsText, "The United States will visit North Korea in December.",
                               State("USA", "The United States"), "visit",
                               State("PRK", "North Korea"), "042", 1, 1.9, Date::Month(2023, 12));
    intended.modality = Modality::kIntended;
    CodedRecord kinds;
    kinds.article.id = "kinds";
    kinds.article.text = kKindsText;
    kinds.article.source = "Wire C";
    kinds.article.published = Date::Day(2023, 11, 2);
    kinds.language = "en";
    kinds.events = {negated, alleged, intended};
    for (Event& e : kinds.events) e.article_id = "kinds";
    auto written =
        store.value()->WriteBatch({Record("first", kText, "Wire A", true),
                                   Record("edited", kEditedText, "Wire B", true), other, kinds});
    ASSERT_TRUE(written.ok()) << written.status().message();
    auto pool = StorePool::Open(path_, 2);
    ASSERT_TRUE(pool.ok()) << pool.status().message();
    pool_ = std::move(pool).value().release();
  }
  static void TearDownTestSuite() { delete pool_; }

  json Get(const std::string& path, std::map<std::string, std::string> params = {},
           int status = 200) {
    Api api(pool_);
    ApiResponse response = api.Handle(path, std::move(params));
    EXPECT_EQ(response.status, status) << path << " " << response.body;
    json body = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(body.is_discarded()) << "not JSON: " << response.body;
    return body;
  }
  // A refusal: 400 with a message that names the problem.
  void ExpectBadRequest(const std::string& path, std::map<std::string, std::string> params,
                        const std::string& message_part) {
    json body = Get(path, std::move(params), 400);
    ASSERT_TRUE(body.contains("error"));
    EXPECT_NE(body["error"].get<std::string>().find(message_part), std::string::npos)
        << body["error"];
  }

  static std::string path_;
  static StorePool* pool_;
};
std::string ApiTest::path_;
StorePool* ApiTest::pool_ = nullptr;

TEST_F(ApiTest, EventsAreFilteredPagedAndNewestFirst) {
  json all = Get("/api/events");
  EXPECT_EQ(all["total"], 4);  // the two copies' events merge: 3 + 1
  ASSERT_EQ(all["events"].size(), 4u);
  EXPECT_EQ(all["events"][0]["cameo"], "112");  // 2023-11-02, the newest
  EXPECT_EQ(all["events"][3]["date"], "2023-09-13");

  json dyad = Get("/api/events", {{"dyad", "PRK:RUS"}});
  EXPECT_EQ(dyad["total"], 2);
  json directed = Get("/api/events", {{"dyad", "PRK:RUS"}, {"directed", "true"}});
  EXPECT_EQ(directed["total"], 1);
  EXPECT_EQ(Get("/api/events", {{"root", "19"}})["total"], 1);
  EXPECT_EQ(Get("/api/events", {{"quad", "1"}})["total"], 2);
  EXPECT_EQ(Get("/api/events", {{"from", "2023-10"}, {"to", "2023-12-31"}})["total"], 2);
  EXPECT_EQ(Get("/api/events", {{"actor", "Putin"}})["total"], 1);
  EXPECT_EQ(Get("/api/events", {{"source", "Wire B"}})["total"], 4);
  EXPECT_EQ(Get("/api/events", {{"source", "Wire A"}})["total"], 3);

  json page = Get("/api/events", {{"limit", "2"}, {"offset", "2"}, {"order", "oldest"}});
  EXPECT_EQ(page["total"], 4);
  ASSERT_EQ(page["events"].size(), 2u);
  EXPECT_EQ(page["events"][0]["cameo"], "190");
  EXPECT_EQ(page["events"][1]["cameo"], "112");
}

TEST_F(ApiTest, EventsCarryCountsAndHighlightedEvidence) {
  json events = Get("/api/events", {{"root", "04"}})["events"];
  ASSERT_EQ(events.size(), 1u);
  const json& visit = events[0];
  EXPECT_EQ(visit["num_mentions"], 2);
  EXPECT_EQ(visit["num_sources"], 2);
  EXPECT_EQ(visit["url"], "https://example.org/first");
  json parts = visit["evidence_parts"];
  std::string whole, source, verb, target;
  for (const json& part : parts) {
    whole += part["text"].get<std::string>();
    if (part["role"] == "source") source = part["text"];
    if (part["role"] == "verb") verb = part["text"];
    if (part["role"] == "target") target = part["text"];
  }
  EXPECT_EQ(whole, "Kim Jong Un visited Russia on Wednesday.");
  EXPECT_EQ(source, "Kim Jong Un");
  EXPECT_EQ(verb, "visited");
  EXPECT_EQ(target, "Russia");
}

TEST_F(ApiTest, OneEventHasEveryTellingAndItsStory) {
  long long row = Get("/api/events", {{"root", "19"}})["events"][0]["row"];
  json detail = Get("/api/event/" + std::to_string(row));
  EXPECT_EQ(detail["event"]["cameo"], "190");
  ASSERT_EQ(detail["mentions"].size(), 2u);
  EXPECT_EQ(detail["mentions"][0]["source"], "Wire A");
  EXPECT_EQ(detail["mentions"][1]["source"], "Wire B");
  EXPECT_EQ(detail["mentions"][1]["url"], "https://example.org/edited");
  EXPECT_FALSE(detail["mentions"][1]["evidence_parts"].empty());
  ASSERT_EQ(detail["story"].size(), 2u);  // the edited copy joined the first report's story
  EXPECT_EQ(detail["story"][0]["title"], "Title of first");

  Get("/api/event/999999", {}, 404);
  ExpectBadRequest("/api/event/abc", {}, "positive number");
  ExpectBadRequest("/api/event/1", {{"x", "1"}}, "no parameters");
}

TEST_F(ApiTest, TimelineCountsByPeriodDirectionAndQuad) {
  json month = Get("/api/timeline", {{"dyad", "RUS:PRK"}});
  EXPECT_EQ(month["period"], "month");
  EXPECT_EQ(month["dyad"][0], "RUS");
  ASSERT_EQ(month["buckets"].size(), 1u);
  const json& september = month["buckets"][0];
  EXPECT_EQ(september["period"], "2023-09");
  EXPECT_EQ(september["forward"]["events"], 1);  // Putin praised North Korea
  EXPECT_EQ(september["forward"]["quad"][0], 1);
  EXPECT_DOUBLE_EQ(september["forward"]["goldstein"].get<double>(), 3.4);
  EXPECT_EQ(september["reverse"]["events"], 1);  // Kim visited Russia
  EXPECT_DOUBLE_EQ(september["reverse"]["goldstein"].get<double>(), 1.9);

  // Every month from the first to the last, the empty ones too.
  json gaps = Get("/api/timeline", {{"actor", "PRK"}});
  EXPECT_TRUE(gaps["dyad"].is_null());
  ASSERT_EQ(gaps["buckets"].size(), 3u);
  EXPECT_EQ(gaps["buckets"][1]["period"], "2023-10");
  EXPECT_EQ(gaps["buckets"][1]["forward"]["events"], 0);
  EXPECT_TRUE(gaps["buckets"][1]["forward"]["goldstein"].is_null());
  EXPECT_EQ(gaps["buckets"][2]["forward"]["quad"][2], 1);  // the accusation, verbal conflict

  json week = Get("/api/timeline", {{"period", "week"}});
  ASSERT_FALSE(week["buckets"].empty());
  EXPECT_EQ(week["buckets"][0]["period"], "2023-09-11");  // the Monday of 2023-09-13
  long long total = 0;
  for (const json& bucket : week["buckets"]) total += bucket["forward"]["events"].get<long long>();
  EXPECT_EQ(total, 4);
  ExpectBadRequest("/api/timeline", {{"period", "day"}}, "period must be week or month");
  ExpectBadRequest("/api/timeline", {{"limit", "5"}}, "no limit");
}

TEST_F(ApiTest, NetworkKeepsTopActorsAndTheirEdges) {
  json network = Get("/api/network");
  ASSERT_EQ(network["nodes"].size(), 6u);  // PRKGOV RUS RUSGOV PRK UKR USA
  json edges = network["edges"];
  ASSERT_EQ(edges.size(), 4u);
  json small = Get("/api/network", {{"nodes", "2"}});
  EXPECT_EQ(small["nodes"].size(), 2u);
  for (const json& edge : small["edges"]) {
    bool kept = false;
    for (const json& node : small["nodes"]) kept = kept || node["code"] == edge["source"];
    EXPECT_TRUE(kept);
  }
  ExpectBadRequest("/api/network", {{"nodes", "1000"}}, "nodes must be a number from 2 to 100");
}

TEST_F(ApiTest, ActorsCompleteByCodeOrName) {
  json by_code = Get("/api/actors", {{"q", "prk"}});
  ASSERT_FALSE(by_code["actors"].empty());
  EXPECT_EQ(by_code["actors"][0]["code"].get<std::string>().substr(0, 3), "PRK");
  json by_name = Get("/api/actors", {{"q", "putin"}});
  ASSERT_EQ(by_name["actors"].size(), 1u);
  EXPECT_EQ(by_name["actors"][0]["code"], "RUSGOV");
  EXPECT_TRUE(Get("/api/actors", {{"q", "%"}})["actors"].empty());  // no wildcard
  ExpectBadRequest("/api/actors", {}, "q must be");
  ExpectBadRequest("/api/actors", {{"q", "ru"}, {"limit", "0"}}, "limit");
}

TEST_F(ApiTest, StatsCountTheDatabase) {
  json stats = Get("/api/stats");
  EXPECT_EQ(stats["articles"], 4);
  EXPECT_EQ(stats["events"], 4);
  EXPECT_EQ(stats["stories"], 3);
  EXPECT_EQ(stats["by_language"]["en"], 4);
  EXPECT_EQ(stats["by_place"]["RUS.MOW.moscow Moscow"], 2);
  EXPECT_EQ(stats["by_place"]["(no place)"], 1);
  ExpectBadRequest("/api/stats", {{"q", "1"}}, "no parameters");
}

TEST_F(ApiTest, PlacesAreCountedUnderTheFiltersMostEventsFirst) {
  json places = Get("/api/places");
  EXPECT_EQ(places["placed"], 3);
  EXPECT_EQ(places["unplaced"], 1) << "the accusation has no place";
  ASSERT_EQ(places["places"].size(), 2u);
  const json& moscow = places["places"][0];
  EXPECT_EQ(moscow["id"], "RUS.MOW.moscow");
  EXPECT_EQ(moscow["name"], "Moscow") << "of the names as written, the first";
  EXPECT_EQ(moscow["feature"], "city");
  EXPECT_EQ(moscow["country"], "RUS");
  EXPECT_EQ(moscow["adm1"], "Moskva");
  EXPECT_DOUBLE_EQ(moscow["lat"].get<double>(), 55.7558);
  EXPECT_DOUBLE_EQ(moscow["lon"].get<double>(), 37.6173);
  EXPECT_EQ(moscow["events"], 2);
  EXPECT_DOUBLE_EQ(moscow["goldstein"].get<double>(), 2.65);
  EXPECT_EQ(places["places"][1]["id"], "UKR.KK.kharkiv");
  EXPECT_DOUBLE_EQ(places["places"][1]["goldstein"].get<double>(), -10);

  EXPECT_EQ(Get("/api/places", {{"limit", "1"}})["places"].size(), 1u);
  EXPECT_EQ(Get("/api/places", {{"root", "19"}})["places"][0]["id"], "UKR.KK.kharkiv");
  json any = Get("/api/places", {{"modality", "any"}, {"negated", "any"}});
  EXPECT_EQ(any["placed"], 4) << "the alleged attack, placed in Iran";
  EXPECT_EQ(Get("/api/places", {{"place", "UKR"}})["placed"], 1);
  ExpectBadRequest("/api/places", {{"limit", "0"}}, "limit must be a number from 1 to 2000");
  ExpectBadRequest("/api/places", {{"offset", "5"}}, "no offset");
  ExpectBadRequest("/api/places", {{"near", "1,2"}}, "near must be LAT,LON,KM");
}

TEST_F(ApiTest, PlaceAndNearFilterEveryEndpoint) {
  EXPECT_EQ(Get("/api/events", {{"place", "RUS"}})["total"], 2);
  EXPECT_EQ(Get("/api/events", {{"place", "RUS.MOW"}})["total"], 2);
  EXPECT_EQ(Get("/api/events", {{"place", "moskow"}})["total"], 1) << "the name as written";
  EXPECT_EQ(Get("/api/events", {{"place", "moskva"}})["total"], 2) << "the province's name";
  EXPECT_EQ(Get("/api/events", {{"place", "Kyiv"}})["total"], 0);
  EXPECT_EQ(Get("/api/events", {{"near", "50,36.5,100"}})["total"], 1);
  EXPECT_EQ(Get("/api/events", {{"near", "50,36.5,1000"}})["total"], 3);
  json timeline = Get("/api/timeline", {{"place", "UKR"}, {"range", "all"}});
  long long dated = 0;
  for (const json& bucket : timeline["buckets"])
    dated += bucket["forward"]["events"].get<long long>();
  EXPECT_EQ(dated, 1);
  EXPECT_EQ(Get("/api/network", {{"place", "RUS"}})["edges"].size(), 2u);
  ExpectBadRequest("/api/events", {{"near", "50,36.5,0"}}, "near: the distance");
  ExpectBadRequest("/api/events", {{"near", "95,36.5,10"}}, "near: the latitude");
}

TEST_F(ApiTest, BadParametersGetClearRefusals) {
  ExpectBadRequest("/api/events", {{"from", "2023-13-45"}}, "from must be a date");
  ExpectBadRequest("/api/events", {{"from", "2024"}, {"to", "2023"}}, "from is after to");
  ExpectBadRequest("/api/events", {{"quad", "9"}}, "quad must be 1, 2, 3 or 4");
  ExpectBadRequest("/api/events", {{"root", "4x"}}, "root takes CAMEO roots");
  ExpectBadRequest("/api/events", {{"limit", "100000"}}, "limit must be a number from 1 to 500");
  ExpectBadRequest("/api/events", {{"limit", "-1"}}, "limit");
  ExpectBadRequest("/api/events", {{"offset", "x"}}, "offset");
  ExpectBadRequest("/api/events", {{"dyad", "PRK"}}, "dyad must be A:B");
  ExpectBadRequest("/api/events", {{"directed", "maybe"}}, "directed");
  ExpectBadRequest("/api/events", {{"order", "random"}}, "order");
  ExpectBadRequest("/api/events", {{"colour", "red"}}, "unknown parameter colour");
  ExpectBadRequest("/api/events", {{"actor", std::string(500, 'a')}}, "too long");
  ExpectBadRequest("/api/events", {{"actor", "\xff\xfe"}}, "UTF-8");
  Get("/api/nothing", {}, 404);
}

// "China did not attack Taiwan" is no material conflict between them: what
// the text denies, alleges or plans counts only behind explicit filters.
TEST_F(ApiTest, NegatedAllegedAndIntendedEventsCountOnlyWhenAskedFor) {
  EXPECT_EQ(Get("/api/events")["total"], 4);
  EXPECT_EQ(Get("/api/events", {{"dyad", "CHN:TWN"}})["total"], 0);
  json everything = Get("/api/events", {{"modality", "any"}, {"negated", "any"}});
  EXPECT_EQ(everything["total"], 7);
  json negated = Get("/api/events", {{"negated", "yes"}});
  ASSERT_EQ(negated["total"], 1);
  EXPECT_EQ(negated["events"][0]["source"]["code"], "CHN");
  EXPECT_EQ(negated["events"][0]["negated"], true);
  json alleged = Get("/api/events", {{"modality", "alleged"}});
  ASSERT_EQ(alleged["total"], 1);
  EXPECT_EQ(alleged["events"][0]["modality"], "alleged");
  EXPECT_EQ(Get("/api/events", {{"modality", "alleged,intended"}})["total"], 2);
  EXPECT_EQ(Get("/api/events", {{"modality", "asserted,intended"}})["total"], 5);

  json timeline = Get("/api/timeline", {{"dyad", "CHN:TWN"}});
  EXPECT_TRUE(timeline["buckets"].empty());
  json denied = Get("/api/timeline", {{"dyad", "CHN:TWN"}, {"negated", "yes"}});
  ASSERT_EQ(denied["buckets"].size(), 1u);
  EXPECT_EQ(denied["buckets"][0]["forward"]["quad"][3], 1);

  auto has_node = [](const json& network, const std::string& code) {
    for (const json& node : network["nodes"]) {
      if (node["code"] == code) return true;
    }
    return false;
  };
  EXPECT_FALSE(has_node(Get("/api/network"), "CHN"));
  EXPECT_FALSE(has_node(Get("/api/network"), "ISR"));
  EXPECT_TRUE(has_node(Get("/api/network", {{"negated", "any"}}), "CHN"));
  EXPECT_TRUE(has_node(Get("/api/network", {{"modality", "any"}}), "ISR"));

  json stats = Get("/api/stats");
  EXPECT_EQ(stats["events"], 4);
  EXPECT_EQ(stats["stored_events"], 7);
  EXPECT_EQ(stats["by_kind"]["asserted"], 4);
  EXPECT_EQ(stats["by_kind"]["alleged"], 1);
  EXPECT_EQ(stats["by_kind"]["intended"], 1);
  EXPECT_EQ(stats["by_kind"]["negated"], 1);
  EXPECT_EQ(stats["by_root"]["19"], 1);  // Russia's attack only
  EXPECT_EQ(Get("/api/stats", {{"modality", "any"}, {"negated", "any"}})["events"], 7);

  ExpectBadRequest("/api/events", {{"modality", "maybe"}}, "modality must be");
  ExpectBadRequest("/api/events", {{"modality", "any,alleged"}}, "modality must be");
  ExpectBadRequest("/api/timeline", {{"negated", "perhaps"}}, "negated must be no, yes or any");
  ExpectBadRequest("/api/stats", {{"negated", "true"}}, "negated must be");
}

// Values no filter can mean are refused by name, never read as "no filter".
TEST_F(ApiTest, ValuesThatCannotBeFiltersAreRefused) {
  ExpectBadRequest("/api/events", {{"dyad", "A:B:C"}}, "dyad must be A:B");
  ExpectBadRequest("/api/events", {{"dyad", "PRK:"}}, "dyad must be A:B");
  ExpectBadRequest("/api/events", {{"dyad", "PRK:R U"}}, "dyad must be A:B");
  ExpectBadRequest("/api/events", {{"root", "99"}}, "root takes CAMEO roots");
  ExpectBadRequest("/api/events", {{"root", "00"}}, "root takes CAMEO roots");
  ExpectBadRequest("/api/events", {{"root", "04,21"}}, "root takes CAMEO roots");
  ExpectBadRequest("/api/events", {{"code", "04x"}}, "code takes CAMEO codes");
  ExpectBadRequest("/api/events", {{"code", "4"}}, "code takes CAMEO codes");
  ExpectBadRequest("/api/events", {{"code", "991"}}, "code takes CAMEO codes");
  ExpectBadRequest("/api/events", {{"code", "042,"}}, "code takes CAMEO codes");
  ExpectBadRequest("/api/events", {{"lang", "fr"}}, "lang must be id or en");
  ExpectBadRequest("/api/events", {{"actor", std::string("\0", 1)}}, "actor must not hold control");
  ExpectBadRequest("/api/events", {{"actor", std::string("Put\0in", 6)}}, "actor must not");
  ExpectBadRequest("/api/events", {{"source", "Wire\tA"}}, "source must not hold control");
  ExpectBadRequest("/api/timeline", {{"name", "a\x7f"}}, "name must not hold control");
  ExpectBadRequest("/api/events", {{"quad", "5"}}, "quad must be 1, 2, 3 or 4");
  ExpectBadRequest("/api/events", {{"quad", "0"}}, "quad must be 1, 2, 3 or 4");
  for (const char* date : {"2023-1-5", "05/01/2023", "2023-02-30", "tomorrow", "20230105"}) {
    ExpectBadRequest("/api/events", {{"from", date}}, "from must be a date");
    ExpectBadRequest("/api/network", {{"to", date}}, "to must be a date");
  }
  ExpectBadRequest("/api/events", {{"limit", "-1"}}, "limit must be a number from 1 to 500");
  ExpectBadRequest("/api/events", {{"limit", "0"}}, "limit must be a number from 1 to 500");
  // What is valid still works: roots 01 and 20, codes under a root, a dyad in lower case.
  EXPECT_EQ(Get("/api/events", {{"root", "01,20"}})["total"], 0);
  EXPECT_EQ(Get("/api/events", {{"code", "0421"}})["total"], 0);
  EXPECT_EQ(Get("/api/events", {{"dyad", "prk:rus"}})["total"], 2);
  EXPECT_EQ(Get("/api/events", {{"lang", "en"}})["total"], 4);
}

TEST_F(ApiTest, InjectionAttemptsAreDataNotSql) {
  for (const char* attack : {"'; DROP TABLE events; --", "x' OR '1'='1", "\" OR 1=1 --"}) {
    json found = Get("/api/events", {{"actor", attack}});
    EXPECT_EQ(found["total"], 0) << attack;
    EXPECT_EQ(Get("/api/events", {{"source", attack}})["total"], 0);
    EXPECT_TRUE(Get("/api/actors", {{"q", attack}})["actors"].empty());
  }
  ExpectBadRequest("/api/event/1;DROP TABLE events", {}, "positive number");
  EXPECT_EQ(Get("/api/stats")["events"], 4);  // nothing was dropped
}

// "Putin said the summit went well" is an event (CAMEO 010, a statement) and
// counts; statements=no leaves root 01 out of every endpoint that takes the
// filters, and a value other than yes or no is refused by name.
TEST(ApiStatementsTest, StatementsCountUnlessStatementsNoLeavesThemOut) {
  const std::string text =
      "Kim Jong Un visited Russia on Wednesday. Putin praised North Korea at the summit. "
      "Putin said the summit went well for North Korea. "
      "The United States urged North Korea to talk.";
  std::string path = ::testing::TempDir() + "warta-api-statements.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().message();
    CodedRecord record = Record("said", text, "Wire S", false);
    record.events.pop_back();  // keep the visit (042), add two statements (01)
    Date day = Date::Day(2023, 9, 13);
    record.events.push_back(MakeEvent(text, "Putin said the summit went well for North Korea.",
                                      State("RUS", "Putin", "GOV"), "said",
                                      State("PRK", "North Korea"), "010", 1, 0, day));
    record.events.push_back(MakeEvent(text, "The United States urged North Korea to talk.",
                                      State("USA", "The United States"), "urged",
                                      State("PRK", "North Korea"), "013", 1, 0.4, day));
    for (Event& e : record.events) e.article_id = "said";
    ASSERT_TRUE(store.value()->WriteBatch({record}).ok());
  }
  auto pool = StorePool::Open(path, 1);
  ASSERT_TRUE(pool.ok()) << pool.status().message();
  Api api(pool.value().get());
  auto get = [&](const std::string& endpoint, std::map<std::string, std::string> params) {
    ApiResponse response = api.Handle(endpoint, std::move(params));
    EXPECT_EQ(response.status, 200) << endpoint << " " << response.body;
    return json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  };
  const std::map<std::string, std::string> without = {{"statements", "no"}};

  EXPECT_EQ(get("/api/events", {})["total"], 3);
  EXPECT_EQ(get("/api/events", {{"statements", "yes"}})["total"], 3);
  json events = get("/api/events", without);
  ASSERT_EQ(events["total"], 1);
  ASSERT_EQ(events["events"].size(), 1u);
  EXPECT_EQ(events["events"][0]["cameo"], "042");

  auto timeline_events = [](const json& timeline) {
    long long n = 0;
    for (const json& bucket : timeline["buckets"])
      n += bucket["forward"]["events"].get<long long>();
    return n;
  };
  EXPECT_EQ(timeline_events(get("/api/timeline", {})), 3);
  EXPECT_EQ(timeline_events(get("/api/timeline", without)), 1);

  auto has_node = [](const json& network, const std::string& code) {
    for (const json& node : network["nodes"]) {
      if (node["code"] == code) return true;
    }
    return false;
  };
  EXPECT_TRUE(has_node(get("/api/network", {}), "USA"));  // it only made a statement
  EXPECT_FALSE(has_node(get("/api/network", without), "USA"));
  EXPECT_TRUE(has_node(get("/api/network", without), "PRKGOV"));

  json stats = get("/api/stats", {});
  EXPECT_EQ(stats["events"], 3);
  EXPECT_EQ(stats["by_root"]["01"], 2);
  json stats_without = get("/api/stats", without);
  EXPECT_EQ(stats_without["events"], 1);
  EXPECT_EQ(stats_without["stored_events"], 3);  // every event stored, as before
  EXPECT_FALSE(stats_without["by_root"].contains("01"));

  for (const char* endpoint : {"/api/events", "/api/timeline", "/api/network", "/api/stats"}) {
    for (const char* bad : {"maybe", "false", "No", "any"}) {
      ApiResponse response = api.Handle(endpoint, {{"statements", bad}});
      EXPECT_EQ(response.status, 400) << endpoint << " statements=" << bad;
      EXPECT_NE(response.body.find("statements must be yes or no"), std::string::npos)
          << response.body;
    }
  }
}

TEST(ApiTimeLimitTest, SlowQueriesStopWithA503) {
  std::string path = ::testing::TempDir() + "warta-api-slow.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok());
    CodedRecord record = Record("many", kText, "Wire A", false);
    Event model = record.events[0];
    record.events.clear();
    for (int i = 0; i < 3000; ++i) {  // enough rows that counting them outlasts the deadline
      Event e = model;
      e.date = CivilFromDays(DaysFromCivil(2000, 1, 1) + i);
      e.event_id = "slow" + std::to_string(i);
      record.events.push_back(e);
    }
    ASSERT_TRUE(store.value()->WriteBatch({record}).ok());
  }
  auto pool = StorePool::Open(path, 1);
  ASSERT_TRUE(pool.ok());
  Api impatient(pool.value().get(), std::chrono::milliseconds(-1));
  ApiResponse response = impatient.Handle("/api/events", {});
  EXPECT_EQ(response.status, 503) << response.body;
  EXPECT_NE(response.body.find("narrow the filters"), std::string::npos);
  Api patient(pool.value().get());
  EXPECT_EQ(patient.Handle("/api/events", {}).status, 200);  // the connection still works
}

// One event of 1948 among five years of events: the timeline shows the
// five years and says what it leaves out; a date filter or range=all shows
// more.
TEST(ApiTimelineRangeTest, TheTimelineShowsTheBulkOfTheDatesAndCountsTheRest) {
  std::string path = ::testing::TempDir() + "warta-api-range.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok());
    CodedRecord record = Record("years", kText, "Wire A", false);
    Event model = record.events[0];
    record.events.clear();
    auto add = [&](Date date, const std::string& id) {
      Event e = model;
      e.date = date;
      e.event_id = id;
      record.events.push_back(e);
    };
    add(Date::Day(1948, 5, 14), "old");
    for (int month = 0; month < 60; ++month) {
      add(Date::Day(2019 + month / 12, month % 12 + 1, 10), std::to_string(month) + "a");
      add(Date::Day(2019 + month / 12, month % 12 + 1, 20), std::to_string(month) + "b");
    }
    ASSERT_TRUE(store.value()->WriteBatch({record}).ok());
  }
  auto pool = StorePool::Open(path, 1);
  ASSERT_TRUE(pool.ok());
  Api api(pool.value().get());
  auto get = [&](std::map<std::string, std::string> params) {
    ApiResponse response = api.Handle("/api/timeline", std::move(params));
    EXPECT_EQ(response.status, 200) << response.body;
    return json::parse(response.body);
  };
  json bulk = get({});
  EXPECT_EQ(bulk["range"]["rule"], "bulk");
  EXPECT_EQ(bulk["range"]["first"], "2019-01");
  EXPECT_EQ(bulk["range"]["last"], "2023-12");
  EXPECT_EQ(bulk["outside"]["before"], 1);
  EXPECT_EQ(bulk["outside"]["after"], 0);
  ASSERT_EQ(bulk["buckets"].size(), 60u);
  EXPECT_EQ(bulk["buckets"][0]["period"], "2019-01");

  json all = get({{"range", "all"}});
  EXPECT_EQ(all["range"]["first"], "1948-05");
  EXPECT_EQ(all["outside"]["before"], 0);
  EXPECT_EQ(all["buckets"].size(), 12u * (2023 - 1948) + 8);

  json asked = get({{"from", "1940"}, {"to", "2020-06-15"}});
  EXPECT_EQ(asked["range"]["rule"], "filters");
  EXPECT_EQ(asked["range"]["first"], "1940-01");
  EXPECT_EQ(asked["range"]["last"], "2020-06");
  EXPECT_EQ(asked["outside"]["before"], 0);
  EXPECT_EQ(asked["buckets"][0]["period"], "1940-01");

  json weeks = get({{"period", "week"}});
  EXPECT_EQ(weeks["outside"]["before"], 1);
  EXPECT_EQ(weeks["range"]["first"], "2019-01-07");  // the Monday of 2019-01-10
  ApiResponse bad = api.Handle("/api/timeline", {{"range", "some"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("range must be bulk or all"), std::string::npos);
}

TEST(StorePoolTest, RefusesWhatIsNotAnEventDatabase) {
  std::string path = ::testing::TempDir() + "not-a-db.txt";
  FILE* file = std::fopen(path.c_str(), "w");
  std::fputs("just text\n", file);
  std::fclose(file);
  auto pool = StorePool::Open(path, 1);
  EXPECT_FALSE(pool.ok());
}

}  // namespace
}  // namespace warta
