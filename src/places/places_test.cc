// The gazetteer's loading and checks, and placement of events, on a small
// gazetteer and lexicon written for the test.
#include "places/places.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <tuple>
#include <unordered_set>

namespace warta {
namespace {

namespace fs = std::filesystem;

const char kCountries[] =
    "# test countries\n"
    "IDN\tcountry\t-2.50\t118.00\tID\tIndonesia\n"
    "USA\tcountry\t39.80\t-98.60\tUS\tAmerika Serikat|United States|AS\n"
    "GEO\tcountry\t42.30\t43.40\tGG\tGeorgia\n"
    "CHN\tcountry\t35.00\t103.00\tCH\tTiongkok|China\n"
    "JPN\tcountry\t36.00\t138.00\tJA\tJepang|Japan\n"
    "RUS\tcountry\t61.00\t99.00\tRS\tRusia|Russia\n"
    "PSE\tcountry\t31.90\t35.20\tWE\tPalestina|Palestine\n"
    "UKR\tcountry\t49.00\t32.00\tUP\tUkraina|Ukraine\n"
    "PER\tcountry\t-9.19\t-75.02\tPE\tPeru\n";

const char kIndonesia[] =
    "# test places in Indonesia\n"
    "IDN.JK\tadm1\t-6.20\t106.85\tID04\tDKI Jakarta|Jakarta Raya\n"
    "IDN.JK.jakarta\tcity\t-6.18\t106.83\t-\tJakarta\n"
    "IDN.JK.gedung-dpr\tsite\t-6.21\t106.80\t-\tGedung DPR\n"
    "IDN.KI\tadm1\t0.50\t116.40\tID14\tKalimantan Timur|Kaltim\n"
    "IDN.KI.samarinda\tcity\t-0.50\t117.15\t-\tSamarinda\n"
    "IDN.JI\tadm1\t-7.70\t112.60\tID08\tJawa Timur|Jatim|East Java\n"
    "IDN.JI.batu\tcity\t-7.87\t112.52\t-\tBatu\tword\n"
    "IDN.JK.jakarta-selatan\tcity\t-6.26\t106.81\t-\tJakarta Selatan\n"
    "IDN.JK.jakarta-selatan.kalibata\tsite\t-6.26\t106.85\t-\tKalibata\n"
    "IDN.PA\tadm1\t-4.00\t138.00\tID09\tPapua\n"
    "IDN.PA.nduga\tadm2\t-4.40\t138.20\t-\tNduga|Kabupaten Nduga\n";

const char kWorld[] =
    "# test places elsewhere\n"
    "USA.GA\tadm1\t32.70\t-83.40\tUSGA\tGeorgia\n"
    "USA.GA.atlanta\tcity\t33.75\t-84.39\t-\tAtlanta\n"
    "CHN.BJ\tadm1\t40.20\t116.40\tCH22\tBeijing Municipality\n"
    "CHN.BJ.beijing\tcity\t39.90\t116.40\t-\tBeijing|Peking\n"
    "RUS.MOW\tadm1\t55.75\t37.62\tRS48\tMoscow City\n"
    "RUS.MOW.moskow\tcity\t55.75\t37.62\t-\tMoskow|Moscow\n"
    "USA.DC\tadm1\t38.90\t-77.03\tUSDC\tWashington, D.C.\n"
    "USA.DC.white-house\tsite\t38.90\t-77.04\t-\tWhite House|Gedung Putih\n"
    "PSE.GZ\tadm1\t31.42\t34.36\t-\tGaza Strip|Jalur Gaza|Gaza\n"
    "PSE.GZ.rafah\tcity\t31.28\t34.25\t-\tRafah\n"
    "UKR.30\tadm1\t50.45\t30.52\tUP12\tKyiv City\n"
    "UKR.30.kyiv\tcity\t50.45\t30.52\t-\tKyiv|Kiev\n"
    "UKR.63\tadm1\t49.60\t36.40\tUP07\tKharkiv Oblast\n"
    "UKR.63.kharkiv\tcity\t49.99\t36.23\t-\tKharkiv\n"
    "PER.LMA\tadm1\t-12.05\t-77.05\t-\tLima Metropolitan\n"
    "PER.LMA.lima\tcity\t-12.05\t-77.04\t-\tLima\tword\n";

const char kLexicon[] =
    "# test lexicon\n"
    "place_preposition\tdi|ke|in|at|to\n"
    "location_preposition\tdi|dari|in|at|from\n"
    "source\tdari|from|oleh|by\n"
    "site\tgedung|kantor|pengadilan negeri|PN\n"
    "place_noun\tkota|provinsi|the\n"
    "oblique\tkepada|to\n";

// A data folder with the test gazetteer (one file in a subfolder, to be read
// recursively) and a lexicon.
class PlacementTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / "warta-places-test";
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "places/world");
    std::ofstream(dir_ / "places/countries.tsv") << kCountries;
    std::ofstream(dir_ / "places/indonesia.tsv") << kIndonesia;
    std::ofstream(dir_ / "places/world/places.tsv") << kWorld;
    std::ofstream(dir_ / "lexicon.tsv") << kLexicon;
    auto gazetteer = Gazetteer::Load(dir_.string(), segmenter_);
    ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().message();
    gazetteer_ = std::move(gazetteer).value();
    auto lexicon = Lexicon::Load((dir_ / "lexicon.tsv").string(), segmenter_);
    ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
    lexicon_ = std::move(lexicon).value();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The problems `dict check` would report for a gazetteer with `extra` lines
  // added in a file of their own.
  std::vector<std::string> ProblemsWith(const std::string& extra) {
    std::ofstream(dir_ / "places/world/zz-broken.tsv") << "# broken\n" << extra;
    Diagnostics diagnostics;
    auto gazetteer = Gazetteer::Load(dir_.string(), segmenter_, &diagnostics);
    EXPECT_FALSE(gazetteer.ok());
    fs::remove(dir_ / "places/world/zz-broken.tsv");
    return diagnostics.errors();
  }

  std::string IdOf(const std::optional<PlaceInText>& place) const {
    return place ? gazetteer_->at(place->place).id : "";
  }

  fs::path dir_;
  Segmenter segmenter_{std::unordered_set<std::string>{}};
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<Lexicon> lexicon_;
};

TEST_F(PlacementTest, LoadsEveryFileWithParentsCountriesAndDivisions) {
  int samarinda = gazetteer_->Find("IDN.KI.samarinda");
  ASSERT_GE(samarinda, 0);
  const Place& place = gazetteer_->at(samarinda);
  EXPECT_EQ(gazetteer_->at(place.parent).id, "IDN.KI");
  EXPECT_EQ(gazetteer_->at(place.country).id, "IDN");
  EXPECT_EQ(gazetteer_->at(place.adm1).id, "IDN.KI");
  EXPECT_TRUE(gazetteer_->Within(samarinda, gazetteer_->Find("IDN")));
  EXPECT_FALSE(gazetteer_->Within(samarinda, gazetteer_->Find("IDN.JK")));
  EXPECT_GE(gazetteer_->Find("RUS.MOW.moskow"), 0);  // from the subfolder
  EXPECT_EQ(gazetteer_->Find("XXX"), -1);

  Location location = gazetteer_->ToLocation(samarinda);
  EXPECT_EQ(location.id, "IDN.KI.samarinda");
  EXPECT_EQ(location.feature, "city");
  EXPECT_EQ(location.country, "IDN");
  EXPECT_EQ(location.country_name, "Indonesia");
  EXPECT_EQ(location.adm1, "Kalimantan Timur");
  EXPECT_EQ(location.adm1_id, "IDN.KI");
  EXPECT_EQ(location.fips_country, "ID");
  EXPECT_EQ(location.adm1_code, "ID14");
  EXPECT_DOUBLE_EQ(location.lat, -0.50);
  Location country = gazetteer_->ToLocation(gazetteer_->Find("USA"));
  EXPECT_EQ(country.adm1, "");
  EXPECT_EQ(country.adm1_code, "");
}

TEST_F(PlacementTest, NamesFollowTheCaseRulesAndKeepEveryReading) {
  struct Case {
    const char* text;
    size_t length;
    std::vector<std::string> ids;
  } cases[] = {
      {"AS", 1, {"USA"}},
      {"as", 0, {}},       // an acronym only in capitals
      {"jakarta", 0, {}},  // a capitalised name only with a capital
      {"Jakarta Raya", 2, {"IDN.JK"}},
      {"Georgia", 1, {"GEO", "USA.GA"}},  // shared: every reading, in file order
  };
  for (const Case& c : cases) {
    std::vector<Token> tokens = segmenter_.Tokenize(c.text);
    std::vector<int> places;
    EXPECT_EQ(gazetteer_->Match(tokens, 0, &places), c.length) << c.text;
    std::vector<std::string> ids;
    for (int place : places) ids.push_back(gazetteer_->at(place).id);
    EXPECT_EQ(ids, c.ids) << c.text;
  }
}

TEST_F(PlacementTest, BadLinesAreNamedWithFileAndLine) {
  struct Case {
    const char* line;
    const char* message;
  } cases[] = {
      {"IDN.KI.tenggarong\ttown\t-0.40\t116.98\t-\tTenggarong\n", "unknown feature \"town\""},
      {"IDN.KI.tenggarong\tcity\t-0.4\t116.98\t-\tTenggarong\n", "latitude \"-0.4\""},
      {"IDN.KI.tenggarong\tcity\t-0.40\t196.98\t-\tTenggarong\n", "longitude \"196.98\""},
      {"IDN.KI.tenggarong\tcity\t-0.40\t116.98\tID14\tTenggarong\n", "only countries and"},
      {"IDN.KU\tadm1\t3.00\t116.00\tX\tKalimantan Utara\n", "GDELT's ADM1 code"},
      {"IDN.KI.tenggarong\tcity\t-0.40\t116.98\t-\tTenggarong\tloud\n", "unknown flag \"loud\""},
      {"IDN.KI.samarinda\tcity\t-0.50\t117.15\t-\tSamarinda\n", "duplicate id IDN.KI.samarinda"},
      {"IDN.KU.tarakan\tcity\t3.30\t117.60\t-\tTarakan\n", "parent IDN.KU of IDN.KU.tarakan"},
      {"Indonesia\tcountry\t-2.50\t118.00\tID\tIndonesia\n", "ISO 3166-1 alpha-3"},
      {"IDN.KI.Tenggarong\tcity\t-0.40\t116.98\t-\tTenggarong\n", "lower-case slug"},
      {"IDN.KI.tenggarong\tcity\t-0.40\t116.98\t-\n", "expected 6 or 7"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> problems = ProblemsWith(c.line);
    ASSERT_EQ(problems.size(), 1u) << c.line;
    EXPECT_NE(problems[0].find("zz-broken.tsv:2: "), std::string::npos) << problems[0];
    EXPECT_NE(problems[0].find(c.message), std::string::npos) << problems[0];
  }
}

TEST_F(PlacementTest, MissingFolderIsNotFound) {
  auto gazetteer = Gazetteer::Load((dir_ / "nowhere").string(), segmenter_);
  EXPECT_FALSE(gazetteer.ok());
}

// One sentence, one event: the verb, source and target are the first tokens
// with these texts (empty: not written).
struct PlaceCase {
  const char* sentence;
  const char* verb;
  const char* source;
  const char* target;
  const char* place;         // expected id, "" for none
  const char* written = "";  // the place as written, when checked
  bool statement = false;
  bool target_is_where = false;
};

TEST_F(PlacementTest, EventsArePlacedWhereTheirSentenceSays) {
  const PlaceCase cases[] = {
      {"Anis berbicara di Samarinda, Kalimantan Timur, Selasa.", "berbicara", "Anis", "",
       "IDN.KI.samarinda", "Samarinda"},
      // A site phrase before the place: the place is the site's town.
      {"Marwan berbicara di kantor Partai Golkar, Jakarta.", "berbicara", "Marwan", "",
       "IDN.JK.jakarta", "kantor Partai Golkar"},
      {"KPU digugat ke PN Jakarta.", "digugat", "", "KPU", "IDN.JK.jakarta", "PN Jakarta"},
      {"Marwan berbicara di Gedung DPR.", "berbicara", "Marwan", "", "IDN.JK.gedung-dpr",
       "Gedung DPR"},
      // A capital standing for its government is no place.
      {"Beijing mengecam Jepang.", "mengecam", "Beijing", "Jepang", ""},
      {"Beijing, Tiongkok mengecam Jepang.", "mengecam", "Beijing", "Jepang", ""},
      // ... unless a place word says so; but not the word for an addressee.
      {"Jepang mengecam Tiongkok di Beijing.", "mengecam", "Jepang", "Tiongkok", "CHN.BJ.beijing"},
      {"Japan talked to China.", "talked", "Japan", "China", ""},
      // A name that is also a word: right after the place word only.
      {"Polisi menangkap Ali di Batu.", "menangkap", "Polisi", "Ali", "IDN.JI.batu"},
      {"Polisi menangkap Ali di kota Batu.", "menangkap", "Polisi", "Ali", ""},
      // The nearest place to the verb.
      {"Ali bertemu Budi di Samarinda, kata Anis di Jakarta.", "bertemu", "Ali", "Budi",
       "IDN.KI.samarinda"},
      // A name with its parent after it needs no place word.
      {"Samarinda, Kalimantan Timur dilanda demonstrasi.", "demonstrasi", "", "",
       "IDN.KI.samarinda"},
      // Shared names: the parent written after it chooses.
      {"Tentara menyerang di Georgia.", "menyerang", "Tentara", "", "GEO"},
      {"Polisi menangkap Ali di Atlanta, Georgia.", "menangkap", "Polisi", "Ali", "USA.GA.atlanta"},
      // A statement is placed where it is made, not where what is said happened.
      {"Anis mengatakan, Ali ditangkap di Samarinda.", "mengatakan", "Anis", "", "", "", true},
      {"Ali ditangkap, kata Anis di Jakarta.", "kata", "Anis", "", "IDN.JK.jakarta", "", true},
      // The destination of a visit, though the name stands for the host.
      {"Modi mengunjungi Moskow.", "mengunjungi", "Modi", "Moskow", "RUS.MOW.moskow", "", false,
       true},
  };
  for (const PlaceCase& c : cases) {
    std::vector<Token> tokens = segmenter_.Tokenize(c.sentence);
    auto at = [&](const char* word) {
      for (size_t i = 0; i < tokens.size(); ++i) {
        if (*word != '\0' && tokens[i].text == word) return std::pair{i, i + 1};
      }
      return std::pair<size_t, size_t>{0, 0};
    };
    EventWords event;
    std::tie(event.verb_begin, event.verb_end) = at(c.verb);
    std::tie(event.source_begin, event.source_end) = at(c.source);
    std::tie(event.target_begin, event.target_end) = at(c.target);
    event.statement = c.statement;
    event.target_is_where = c.target_is_where;
    ArticlePlacer placer(*gazetteer_, *lexicon_);
    // A first sentence of its own, so no case reads as a dateline.
    std::vector<Token> opening = segmenter_.Tokenize("Berita hari ini.");
    placer.Read(opening, std::vector<bool>(opening.size(), false));
    placer.Read(tokens, std::vector<bool>(tokens.size(), false));
    std::optional<PlaceInText> place = placer.Place(event);
    EXPECT_EQ(IdOf(place), c.place) << c.sentence;
    if (place && *c.written != '\0') {
      std::string written(c.sentence + tokens[place->begin].start,
                          c.sentence + tokens[place->end - 1].end);
      EXPECT_EQ(written, c.written) << c.sentence;
    }
  }
}

TEST_F(PlacementTest, TheArticleChoosesAmongSharedNames) {
  ArticlePlacer placer(*gazetteer_, *lexicon_);
  std::vector<Token> first = segmenter_.Tokenize("Gubernur berbicara di Atlanta.");
  placer.Read(first, std::vector<bool>(first.size(), false));
  std::vector<Token> second = segmenter_.Tokenize("Tentara menyerang di Georgia.");
  placer.Read(second, std::vector<bool>(second.size(), false));
  EventWords event;
  event.verb_begin = 1;
  event.verb_end = 2;
  EXPECT_EQ(IdOf(placer.Place(event)), "USA.GA");
  // The event's actors choose too.
  ArticlePlacer other(*gazetteer_, *lexicon_);
  other.Read(first, std::vector<bool>(first.size(), false));
  event.countries = {"GEO"};
  other.Read(second, std::vector<bool>(second.size(), false));
  EXPECT_EQ(IdOf(other.Place(event)), "GEO");
}

TEST_F(PlacementTest, TheDatelineIsWhereTheStoryWasFiled) {
  struct Case {
    const char* first_sentence;
    const char* dateline;
  } cases[] = {{"JAKARTA, Kamis - Presiden berbicara.", "IDN.JK.jakarta"},
               {"Beijing (Reuters) - China protested.", "CHN.BJ.beijing"},
               {"Jakarta dilanda banjir.", ""},
               {"BATU, Kamis - Banjir melanda.", ""}};  // a word: no dateline
  for (const Case& c : cases) {
    ArticlePlacer placer(*gazetteer_, *lexicon_);
    std::vector<Token> tokens = segmenter_.Tokenize(c.first_sentence);
    placer.Read(tokens, std::vector<bool>(tokens.size(), false));
    int place = placer.dateline().place;
    EXPECT_EQ(place >= 0 ? gazetteer_->at(place).id : "", c.dateline) << c.first_sentence;
  }
}

// One sentence, one actor: its words, the event's verb (the first token with
// that text) and whether the actor is a crowd.
struct ActorCase {
  const char* sentence;
  const char* actor;  // the actor's words as written
  const char* verb;
  const char* place;  // expected id, "" for none
  bool crowd = false;
  const char* country = "";
  size_t person_words = 0;
};

TEST_F(PlacementTest, ActorsArePlacedWhereTheirOwnWordsSay) {
  const ActorCase cases[] = {
      // A place in the actor's words, or behind a locative word after them.
      {"Pengungsi di Rafah mengecam Israel.", "Pengungsi di Rafah", "mengecam", "PSE.GZ.rafah",
       true},
      {"Pengungsi di Rafah mengecam Israel.", "Pengungsi", "mengecam", "PSE.GZ.rafah", true},
      {"Warga Gaza mengecam Israel.", "Warga Gaza", "mengecam", "PSE.GZ", true},
      {"Polisi menangkap demonstran di Jakarta.", "demonstran", "menangkap", "IDN.JK.jakarta",
       true},
      {"Warga Kalibata memprotes.", "Warga Kalibata", "memprotes",
       "IDN.JK.jakarta-selatan.kalibata", true},
      {"Residents of Kharkiv protested.", "Residents of Kharkiv", "protested", "UKR.63.kharkiv",
       true},
      {"Protesters in Lima clashed with police.", "Protesters in Lima", "clashed", "PER.LMA.lima",
       true},
      {"Protesters in Russia clashed with police.", "Protesters in Russia", "clashed", "RUS", true},
      // A regional office places its holder in its region.
      {"Gubernur Jawa Timur Khofifah mengecam banjir.", "Gubernur Jawa Timur Khofifah", "mengecam",
       "IDN.JI"},
      {"Bupati Nduga meminta bantuan.", "Bupati Nduga", "meminta", "IDN.PA.nduga"},
      {"The mayor of Kyiv appealed for help.", "The mayor of Kyiv", "appealed", "UKR.30.kyiv"},
      {"Kapolres Jakarta Selatan menangkap Ali.", "Kapolres Jakarta Selatan", "menangkap",
       "IDN.JK.jakarta-selatan"},
      {"Duta Besar di Jakarta mengecam Rusia.", "Duta Besar", "mengecam", "IDN.JK.jakarta"},
      // Nationality is no place.
      {"Presiden Indonesia mengecam Israel.", "Presiden Indonesia", "mengecam", ""},
      {"Menteri Luar Negeri Rusia berbicara.", "Menteri Luar Negeri Rusia", "berbicara", ""},
      {"The Russian military attacked Ukraine.", "The Russian military", "attacked", ""},
      // Metonyms stay actors: a place that is the whole name, a seat of power.
      {"Beijing mengecam Jepang.", "Beijing", "mengecam", "", false, "CHN"},
      {"Gedung Putih mengecam Beijing.", "Gedung Putih", "mengecam", ""},
      {"Juru bicara Gedung Putih mengecam Beijing.", "Juru bicara Gedung Putih", "mengecam", ""},
      // A name that is also a word, and where an actor comes from.
      {"Warga Batu memprotes.", "Warga Batu", "memprotes", "", true},
      {"Pengungsi dari Rafah tiba.", "Pengungsi", "tiba", "", true},
      // A place in another clause, or after the verb for an actor that is no crowd.
      {"Pengungsi mengatakan tentara menyerang Rafah.", "Pengungsi", "mengatakan", "", true},
      {"Prabowo mengecam Israel di Jakarta.", "Israel", "mengecam", ""},
      {"Anis berbicara di Samarinda.", "Anis", "berbicara", ""},
      // A place name in a person's name.
      {"Ketua Partai Budi Samarinda mengecam Rusia.", "Ketua Partai Budi Samarinda", "mengecam", "",
       false, "", 2},
      {"Gubernur Jawa Timur Budi Samarinda mengecam Rusia.", "Gubernur Jawa Timur Budi Samarinda",
       "mengecam", "IDN.JI", false, "", 2},
  };
  for (const ActorCase& c : cases) {
    std::vector<Token> tokens = segmenter_.Tokenize(c.sentence);
    std::vector<Token> actor_tokens = segmenter_.Tokenize(c.actor);
    ActorWords actor;
    for (size_t i = 0; i + actor_tokens.size() <= tokens.size(); ++i) {
      if (tokens[i].text != actor_tokens[0].text) continue;
      actor.begin = i;
      actor.end = i + actor_tokens.size();
      break;
    }
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].text == c.verb) actor.verb_begin = i;
    }
    actor.crowd = c.crowd;
    actor.country = c.country;
    actor.person_words = c.person_words;
    ArticlePlacer placer(*gazetteer_, *lexicon_);
    std::vector<Token> opening = segmenter_.Tokenize("Berita hari ini.");
    placer.Read(opening, std::vector<bool>(opening.size(), false));
    placer.Read(tokens, std::vector<bool>(tokens.size(), false));
    EXPECT_EQ(IdOf(placer.PlaceActor(actor)), c.place) << c.sentence << " / " << c.actor;
  }
}

Event MakeEvent(size_t sentence_start, const std::string& source, const std::string& target) {
  Event event;
  event.evidence.sentence = {sentence_start, sentence_start + 10};
  event.source.code = source;
  event.source.country = source.substr(0, 3);
  if (!target.empty()) {
    event.target = Actor();
    event.target->code = target;
    event.target->country = target.substr(0, 3);
  }
  return event;
}

TEST_F(PlacementTest, ArticlePlacesCarryAndFollowTheDateline) {
  Location samarinda = gazetteer_->ToLocation(gazetteer_->Find("IDN.KI.samarinda"));
  samarinda.basis = "written";
  Location jakarta = gazetteer_->ToLocation(gazetteer_->Find("IDN.JK.jakarta"));
  std::vector<Event> events = {MakeEvent(0, "IDNGOV", "IDNOPP"), MakeEvent(20, "IDNGOV", "IDNOPP"),
                               MakeEvent(40, "IDNGOV", "CHNGOV"), MakeEvent(60, "IDNGOV", ""),
                               MakeEvent(80, "CHNGOV", "JPNGOV")};
  events[0].location = samarinda;
  PlaceByArticle(jakarta, &events);
  ASSERT_TRUE(events[1].location);
  EXPECT_EQ(events[1].location->id, "IDN.KI.samarinda");  // the same actors: carried
  EXPECT_EQ(events[1].location->basis, "carried");
  EXPECT_FALSE(events[2].location);  // a foreign actor: not the dateline's
  ASSERT_TRUE(events[3].location);
  EXPECT_EQ(events[3].location->id, "IDN.JK.jakarta");
  EXPECT_EQ(events[3].location->basis, "dateline");
  EXPECT_FALSE(events[4].location);
  // Without a dateline nothing else is placed.
  std::vector<Event> alone = {MakeEvent(0, "IDNGOV", "")};
  PlaceByArticle(std::nullopt, &alone);
  EXPECT_FALSE(alone[0].location);
}

}  // namespace
}  // namespace warta
