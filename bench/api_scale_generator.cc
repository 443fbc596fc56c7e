#include "api_scale_generator.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <vector>

#include "store/database.h"
#include "store/store.h"
#include "warta/date.h"

namespace warta::bench {

namespace {

struct ActorRow {
  std::string code, country, agent, name;
};

struct PlaceRow {
  std::string id, name, feature, country, adm1, adm1_id, fips, adm1_code;
  double lat = 0, lon = 0;
};

const char* kStates[] = {"IDN", "ISR", "USA", "CHN", "PSE", "RUS", "UKR", "MYS", "SGP", "AUS",
                         "JPN", "KOR", "IND", "SAU", "IRN", "TUR", "GBR", "FRA", "DEU", "THA",
                         "VNM", "PHL", "MMR", "EGY", "QAT", "PAK", "AFG", "IRQ", "SYR", "YEM",
                         "LBN", "NLD", "BRA", "ZAF", "NGA", "KEN", "TWN", "PRK", "KHM", "TLS"};
const char* kAgents[] = {"", "GOV", "GOV", "MIL", "COP", "LEG", "JUD", "OPP", "BUS", "CVL"};
// Frequent CAMEO codes first: a Zipf law over this order.
const char* kCodes[] = {"010", "020", "042", "043", "036", "040", "051", "112", "173", "190",
                        "111", "046", "057", "120", "130", "141", "061", "071", "080", "090",
                        "100", "138", "150", "163", "172", "180", "193", "195", "200", "0311"};

// A discrete Zipf law over 0 .. n-1 with exponent s.
class Zipf {
 public:
  Zipf(size_t n, double s) {
    std::vector<double> weights(n);
    for (size_t k = 0; k < n; ++k) weights[k] = 1.0 / std::pow(static_cast<double>(k + 1), s);
    distribution_ = std::discrete_distribution<size_t>(weights.begin(), weights.end());
  }
  size_t operator()(std::mt19937_64& random) { return distribution_(random); }

 private:
  std::discrete_distribution<size_t> distribution_;
};

std::vector<ActorRow> MakeActors() {
  std::vector<ActorRow> actors = {
      {"IDNGOV", "IDN", "GOV", "Prabowo Subianto"},
      {"ISR", "ISR", "", "Israel"},
      {"IDNGOV", "IDN", "GOV", "Joko Widodo"},
      {"USA", "USA", "", "Amerika Serikat"},
      {"CHN", "CHN", "", "China"},
      {"IDNCOP", "IDN", "COP", "Polri"},
      {"PSE", "PSE", "", "Palestina"},
      {"RUSGOV", "RUS", "GOV", "Vladimir Putin"},
      {"IDNLEG", "IDN", "LEG", "DPR"},
      {"MYSGOV", "MYS", "GOV", "Anwar Ibrahim"},
      {"USAGOV", "USA", "GOV", "Joe Biden"},
      {"IDNMIL", "IDN", "MIL", "TNI"},
      {"UKR", "UKR", "", "Ukraina"},
      {"IDNOPP", "IDN", "OPP", "Anies Baswedan"},
      {"IDNJUD", "IDN", "JUD", "KPK"},
      {"ISRGOV", "ISR", "GOV", "Benjamin Netanyahu"},
      {"IDNGOV", "IDN", "GOV", "Gibran Rakabuming"},
      {"AUSGOV", "AUS", "GOV", "Anthony Albanese"},
  };
  std::mt19937_64 random(3);
  for (int n = 0; actors.size() < 20000; ++n) {
    std::string state = kStates[random() % std::size(kStates)];
    std::string agent = kAgents[random() % std::size(kAgents)];
    actors.push_back({state + agent, state, agent, "Tokoh " + std::to_string(n)});
  }
  return actors;
}

std::vector<PlaceRow> MakePlaces() {
  std::vector<PlaceRow> places = {
      {"IDN.JK.jakarta", "Jakarta", "city", "IDN", "DKI Jakarta", "IDN.JK", "ID", "ID04", -6.2,
       106.85},
      {"IDN.JI.surabaya", "Surabaya", "city", "IDN", "Jawa Timur", "IDN.JI", "ID", "ID08", -7.25,
       112.75},
      {"IDN.JB.bandung", "Bandung", "city", "IDN", "Jawa Barat", "IDN.JB", "ID", "ID30", -6.9,
       107.6},
      {"IDN.JK", "DKI Jakarta", "adm1", "IDN", "DKI Jakarta", "IDN.JK", "ID", "ID04", -6.2, 106.8},
      {"ISR", "Israel", "country", "ISR", "", "", "IS", "", 31.5, 34.8},
      {"PSE", "Palestina", "country", "PSE", "", "", "WE", "", 31.9, 35.2},
      {"IDN.PA.jayapura", "Jayapura", "city", "IDN", "Papua", "IDN.PA", "ID", "ID09", -2.5, 140.7},
      {"USA", "Amerika Serikat", "country", "USA", "", "", "US", "", 38.9, -77.0},
      {"IDN.JT.semarang", "Semarang", "city", "IDN", "Jawa Tengah", "IDN.JT", "ID", "ID07", -7.0,
       110.4},
      {"UKR", "Ukraina", "country", "UKR", "", "", "UP", "", 50.45, 30.5},
      {"IDN", "Indonesia", "country", "IDN", "", "", "ID", "", -2.5, 118.0},
      {"IDN.SN.makassar", "Makassar", "city", "IDN", "Sulawesi Selatan", "IDN.SN", "ID", "ID38",
       -5.15, 119.4},
  };
  std::mt19937_64 random(5);
  for (int n = 0; places.size() < 2000; ++n) {
    std::string adm1 =
        std::string(1, static_cast<char>('A' + n % 26)) + static_cast<char>('A' + (n / 26) % 26);
    std::string name = "Kota " + std::to_string(n);
    double lat = -10 + static_cast<double>(random() % 1600) / 100.0;
    double lon = 95 + static_cast<double>(random() % 4600) / 100.0;
    places.push_back({"IDN." + adm1 + ".kota-" + std::to_string(n), name, "city", "IDN",
                      "Provinsi " + adm1, "IDN." + adm1, "ID", "ID" + adm1, lat, lon});
  }
  return places;
}

std::string Stamp(long day) {
  Date date = CivilFromDays(day);
  char text[16];
  std::snprintf(text, sizeof text, "%04d%02d%02d120000", date.year, date.month, date.day);
  return text;
}

// One table's rows, written many to a statement ("INSERT ... VALUES (...),
// (...)"): one round trip to a PostgreSQL server per few hundred rows instead
// of one per row, and fewer statement steps on SQLite. Filled like a
// statement (Reset, Bind, Run); a row is written when enough are waiting, or
// by Flush().
class BulkInsert {
 public:
  BulkInsert(sql::Database* db, std::string head, int columns)
      : db_(db),
        head_(std::move(head)),
        columns_(columns),
        // (SQLite takes at most 32,766 parameters in one statement, PostgreSQL 65,535.)
        rows_per_statement_(std::max(1, 30000 / columns)) {}

  void Reset() { row_.assign(columns_, Value{}); }
  void Bind(int index, const std::string& value) { row_[index - 1] = {Kind::kText, value, 0, 0}; }
  void Bind(int index, long long value) { row_[index - 1] = {Kind::kInt, "", value, 0}; }
  void Bind(int index, double value) { row_[index - 1] = {Kind::kDouble, "", 0, value}; }
  void BindNull(int index) { row_[index - 1] = Value{}; }
  void BindBlob(int index, const std::string& bytes) {
    row_[index - 1] = {Kind::kBlob, bytes, 0, 0};
  }
  void BindOptional(int index, const std::string& value) {
    if (value.empty()) {
      BindNull(index);
    } else {
      Bind(index, value);
    }
  }
  Status Run() {
    waiting_.insert(waiting_.end(), row_.begin(), row_.end());
    return waiting_.size() >= static_cast<size_t>(rows_per_statement_ * columns_) ? Flush()
                                                                                  : Status::Ok();
  }
  Status Flush() {
    int rows = static_cast<int>(waiting_.size()) / columns_;
    if (rows == 0) return Status::Ok();
    auto statement = StatementFor(rows);
    if (!statement.ok()) return statement.status();
    sql::Statement& s = *statement.value();
    s.Reset();
    for (size_t k = 0; k < waiting_.size(); ++k) {
      const Value& v = waiting_[k];
      int at = static_cast<int>(k) + 1;
      switch (v.kind) {
        case Kind::kNull:
          s.BindNull(at);
          break;
        case Kind::kText:
          s.Bind(at, v.text);
          break;
        case Kind::kBlob:
          s.BindBlob(at, v.text);
          break;
        case Kind::kInt:
          s.Bind(at, v.integer);
          break;
        case Kind::kDouble:
          s.Bind(at, v.real);
          break;
      }
    }
    waiting_.clear();
    return s.Run();
  }

 private:
  enum class Kind { kNull, kText, kBlob, kInt, kDouble };
  struct Value {
    Kind kind = Kind::kNull;
    std::string text;
    long long integer = 0;
    double real = 0;
  };

  Result<sql::Statement*> StatementFor(int rows) {
    auto& statement = prepared_[rows];
    if (!statement) {
      std::string sql = head_ + " VALUES";
      int at = 0;
      for (int r = 0; r < rows; ++r) {
        sql += r ? ",(" : "(";
        for (int c = 0; c < columns_; ++c) {
          sql += c ? ",?" : "?";
          sql += std::to_string(++at);
        }
        sql += ")";
      }
      auto prepared = sql::Statement::Prepare(db_, sql);
      if (!prepared.ok()) return prepared.status();
      statement = std::move(prepared).value();
    }
    return statement.get();
  }

  sql::Database* db_;
  std::string head_;
  int columns_, rows_per_statement_;
  std::vector<Value> row_, waiting_;
  std::map<int, std::unique_ptr<sql::Statement>> prepared_;
};

// The bulk writers of the four tables the stories fill.
struct Writer {
  explicit Writer(sql::Database* db)
      : event_(std::make_unique<BulkInsert>(
            db,
            "INSERT INTO events(event_id, story_id, date, date_precision, date_text, "
            "source_code, source_country, source_agent, source_name, target_code, "
            "target_country, target_agent, target_name, cameo, cameo_root, cameo_label, "
            "quad_class, goldstein, modality, negated, confidence, language, first_article, "
            "published, num_mentions, num_articles, num_sources, date_added, place_id, "
            "place_name, place_feature, place_country, place_adm1, place_adm1_id, place_fips, "
            "place_adm1_code, place_lat, place_lon, place_start, place_end, place_basis, row)",
            42)),
        mention_(std::make_unique<BulkInsert>(db, "INSERT INTO mentions", 14)),
        article_(std::make_unique<BulkInsert>(
            db,
            "INSERT INTO articles(row, id, url, source, published, language, title, text_hash, "
            "story_id, num_events, minhash, num_keys, ingested_at)",
            13)),
        story_(std::make_unique<BulkInsert>(
            db, "INSERT INTO stories(id, first_published, num_articles)", 3)) {}

  Status Flush() {
    for (BulkInsert* table : {event_.get(), mention_.get(), article_.get(), story_.get()}) {
      Status status = table->Flush();
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }

  std::unique_ptr<BulkInsert> event_, mention_, article_, story_;
};

struct Telling {
  long long article_row;
  std::string article_id, outlet, language, published;
};

// One story: its articles, their events and the mentions of those events.
class StoryMaker {
 public:
  StoryMaker(unsigned seed, Writer* writer)
      : random_(seed),
        writer_(writer),
        actors_(MakeActors()),
        places_(MakePlaces()),
        actor_zipf_(actors_.size(), 1.0),
        code_zipf_(std::size(kCodes), 0.9),
        outlet_zipf_(300, 1.1),
        place_zipf_(places_.size(), 1.0) {}

  Status Make(GeneratedDatabase* made);
  const std::map<std::pair<std::string, std::string>, long long>& actor_counts() const {
    return actor_counts_;
  }
  const std::vector<ActorRow>& actors() const { return actors_; }

 private:
  Status WriteArticle(const Telling& telling, long long story, long long events);
  Status WriteEvent(const std::vector<Telling>& tellings, long long story, long day,
                    GeneratedDatabase* made);
  Status WriteMention(long long row, const std::string& event_id, const Telling& telling,
                      const std::string& sentence);
  double Uniform() { return static_cast<double>(random_() >> 11) / 9007199254740992.0; }

  std::mt19937_64 random_;
  Writer* writer_;
  std::vector<ActorRow> actors_;
  std::vector<PlaceRow> places_;
  Zipf actor_zipf_, code_zipf_, outlet_zipf_, place_zipf_;
  std::map<std::pair<std::string, std::string>, long long> actor_counts_;
};

Status StoryMaker::Make(GeneratedDatabase* made) {
  long long story = ++made->stories;
  const long first_day = DaysFromCivil(2015, 1, 1), days = 11 * 365;
  long day = first_day + static_cast<long>(days * std::sqrt(Uniform()));  // more recent, more
  int articles = Uniform() < 0.7 ? 1 : 2 + static_cast<int>(random_() % 3);
  std::vector<Telling> tellings;
  for (int a = 0; a < articles; ++a) {
    long long row = ++made->articles;
    std::string outlet = "Outlet " + std::to_string(outlet_zipf_(random_));
    tellings.push_back({row, "https://example.org/a/" + std::to_string(row), outlet,
                        Uniform() < 0.6 ? "id" : "en", CivilFromDays(day + a).ToString()});
  }
  int events = 3 + static_cast<int>(random_() % 5);
  for (int e = 0; e < events; ++e) {
    Status status = WriteEvent(tellings, story, day, made);
    if (!status.ok()) return status;
  }
  writer_->story_->Reset();
  writer_->story_->Bind(1, story);
  writer_->story_->Bind(2, tellings[0].published);
  writer_->story_->Bind(3, static_cast<long long>(articles));
  Status status = writer_->story_->Run();
  for (const Telling& telling : tellings) {
    if (status.ok()) status = WriteArticle(telling, story, events);
  }
  return status;
}

Status StoryMaker::WriteArticle(const Telling& t, long long story, long long events) {
  BulkInsert& s = *writer_->article_;
  s.Reset();
  s.Bind(1, t.article_row);
  s.Bind(2, t.article_id);
  s.Bind(3, t.article_id);
  s.Bind(4, t.outlet);
  s.Bind(5, t.published);
  s.Bind(6, t.language);
  s.Bind(7, "Berita " + std::to_string(t.article_row));
  char hash[33];
  std::snprintf(hash, sizeof hash, "%016llx%016llx", static_cast<unsigned long long>(random_()),
                static_cast<unsigned long long>(t.article_row));
  s.Bind(8, std::string(hash));
  s.Bind(9, story);
  s.Bind(10, events);
  std::string minhash(256, '\0');
  for (char& c : minhash) c = static_cast<char>(random_());
  s.BindBlob(11, minhash);
  s.Bind(12, events);
  s.Bind(13, Stamp(DaysFromCivil(2025, 12, 31)));
  return s.Run();
}

Status StoryMaker::WriteEvent(const std::vector<Telling>& tellings, long long story, long day,
                              GeneratedDatabase* made) {
  const ActorRow& source = actors_[actor_zipf_(random_)];
  const ActorRow* target = Uniform() < 0.85 ? &actors_[actor_zipf_(random_)] : nullptr;
  if (target && target->code == source.code) target = nullptr;
  std::string cameo = kCodes[code_zipf_(random_)];
  int root = std::stoi(cameo.substr(0, 2));
  int quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 14 ? 3 : 4;
  // Which articles tell it: the first always, each later one half the time.
  std::vector<const Telling*> told = {&tellings[0]};
  for (size_t a = 1; a < tellings.size(); ++a) {
    if (Uniform() < 0.5) told.push_back(&tellings[a]);
  }
  std::map<std::string, int> outlets;
  for (const Telling* t : told) ++outlets[t->outlet];
  double kind = Uniform();
  // (Appended: g++ 12 warns falsely, -Wrestrict, on "g" + std::to_string(...).)
  std::string event_id = "g";
  event_id += std::to_string(made->events + 1);
  BulkInsert& s = *writer_->event_;
  s.Reset();
  s.Bind(1, event_id);
  s.Bind(2, story);
  double dated = Uniform();
  Date date = CivilFromDays(day - static_cast<long>(random_() % 3));
  if (dated < 0.02) {
    for (int k : {3, 4, 5}) s.BindNull(k);
  } else {
    bool month = dated < 0.05;
    s.Bind(3, month ? date.ToString().substr(0, 7) : date.ToString());
    s.Bind(4, std::string(month ? "month" : "day"));
    s.Bind(5, std::string(month ? "bulan lalu" : "Senin"));
  }
  int at = 6;
  for (const ActorRow* actor : {&source, target}) {
    if (!actor) {
      for (int k = 0; k < 4; ++k) s.BindNull(at++);
      continue;
    }
    s.Bind(at++, actor->code);
    s.Bind(at++, actor->country);
    s.BindOptional(at++, actor->agent);
    s.Bind(at++, actor->name);
    actor_counts_[{actor->code, actor->name}] += static_cast<long long>(told.size());
  }
  s.Bind(14, cameo);
  s.Bind(15, cameo.substr(0, 2));
  s.Bind(16, "label " + cameo);
  s.Bind(17, static_cast<long long>(quad));
  s.Bind(18, static_cast<double>(random_() % 200) / 10.0 - 10.0);
  s.Bind(19, std::string(kind < 0.85 ? "asserted" : kind < 0.93 ? "alleged" : "intended"));
  s.Bind(20, static_cast<long long>(Uniform() < 0.03));
  s.Bind(21, 0.5 + Uniform() / 2);
  s.Bind(22, tellings[0].language);
  s.Bind(23, tellings[0].article_id);
  s.Bind(24, tellings[0].published);
  s.Bind(25, static_cast<long long>(told.size()));
  s.Bind(26, static_cast<long long>(told.size()));
  s.Bind(27, static_cast<long long>(outlets.size()));
  s.Bind(28, Stamp(day + 1));
  s.Bind(42, made->events + 1);  // its row: the mentions name it
  if (Uniform() < 0.66) {
    const PlaceRow& p = places_[place_zipf_(random_)];
    at = 29;
    for (const std::string* text :
         {&p.id, &p.name, &p.feature, &p.country, &p.adm1, &p.adm1_id, &p.fips, &p.adm1_code}) {
      s.BindOptional(at++, *text);
    }
    s.Bind(37, p.lat);
    s.Bind(38, p.lon);
    s.Bind(39, 0LL);
    s.Bind(40, static_cast<long long>(p.name.size()));
    s.Bind(41, std::string("written"));
  } else {
    for (int k = 29; k <= 41; ++k) s.BindNull(k);
  }
  Status status = s.Run();
  if (!status.ok()) return status;
  long long row = ++made->events;
  std::string sentence = source.name + " bertindak (" + cameo + ") terhadap " +
                         (target ? target->name : "pihak lain") + " dalam cerita " +
                         std::to_string(story) + ".";
  for (const Telling* t : told) {
    status = WriteMention(row, event_id, *t, sentence);
    if (!status.ok()) return status;
    ++made->mentions;
  }
  return Status::Ok();
}

Status StoryMaker::WriteMention(long long row, const std::string& event_id, const Telling& t,
                                const std::string& sentence) {
  BulkInsert& m = *writer_->mention_;
  m.Reset();
  m.Bind(1, row);
  m.Bind(2, t.article_id);
  m.Bind(3, t.outlet);
  m.Bind(4, event_id);
  m.Bind(5, 0LL);
  m.Bind(6, static_cast<long long>(sentence.size()));
  m.Bind(7, sentence);
  long long spans[] = {0, 5, 6, 15, 20, 30};
  for (int k = 0; k < 6; ++k) m.Bind(8 + k, spans[k]);
  m.Bind(14, 0.8);
  return m.Run();
}

// The CREATE statements of every index warta made that may be dropped: not
// SQLite's own, not those PostgreSQL keeps for a key or a UNIQUE column.
Result<std::vector<std::pair<std::string, std::string>>> Indexes(sql::Database* db) {
  auto stmt = sql::Statement::Prepare(
      db, db->dialect().postgres()
              ? "SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = "
                "current_schema() AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                "WHERE c.conname = i.indexname) ORDER BY 1"
              : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "ORDER BY 1");
  if (!stmt.ok()) return stmt.status();
  std::vector<std::pair<std::string, std::string>> indexes;
  Status status;
  while (stmt.value()->Step(&status)) {
    indexes.push_back({stmt.value()->Text(0), stmt.value()->Text(1)});
  }
  if (!status.ok()) return status;
  return indexes;
}

Status WriteActors(sql::Database* db, const StoryMaker& maker) {
  std::map<std::pair<std::string, std::string>, std::string> agents;
  auto stmt = sql::Statement::Prepare(db, "INSERT INTO actors VALUES(?1,?2,?3,?4,?5)");
  if (!stmt.ok()) return stmt.status();
  for (const ActorRow& actor : maker.actors()) {
    auto count = maker.actor_counts().find({actor.code, actor.name});
    if (count == maker.actor_counts().end()) continue;
    sql::Statement& s = *stmt.value();
    s.Reset();
    s.Bind(1, actor.code);
    s.Bind(2, actor.name);
    s.Bind(3, actor.country);
    s.BindOptional(4, actor.agent);
    s.Bind(5, count->second);
    Status status = s.Run();
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

Status Fill(sql::Database* db, long long events, unsigned seed, GeneratedDatabase* made) {
  Writer writer(db);
  StoryMaker maker(seed, &writer);
  Status status = db->Execute("BEGIN");
  while (status.ok() && made->events < events) {
    status = maker.Make(made);
    if (status.ok() && made->stories % 50000 == 0) {
      std::fprintf(stderr, "\rgenerating: %lld events", made->events);
      status = writer.Flush();
      if (status.ok()) status = db->Execute("COMMIT; BEGIN");
    }
  }
  if (status.ok()) status = writer.Flush();
  if (status.ok()) status = WriteActors(db, maker);
  if (status.ok()) status = db->Execute("COMMIT");
  std::fprintf(stderr, "\n");
  return status;
}

// An empty database at `target`: an SQLite file removed, a PostgreSQL
// database's tables dropped when they are warta's (it has warta's meta
// table); a database holding other tables is refused.
Status Empty(const std::string& target) {
  if (!sql::IsPostgres(target)) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(target + suffix);
    return Status::Ok();
  }
  auto db = sql::Database::Open(target);
  if (!db.ok()) return db.status();
  auto tables = sql::Statement::Prepare(db.value().get(), db.value()->dialect().ListTables());
  if (!tables.ok()) return tables.status();
  std::vector<std::string> names;
  Status status;
  while (tables.value()->Step(&status)) names.push_back(tables.value()->Text(0));
  if (!status.ok()) return status;
  tables.value().reset();
  if (!names.empty() && std::find(names.begin(), names.end(), "meta") == names.end()) {
    return Status::InvalidInput(db.value()->path() +
                                " holds tables that are not warta's; not replacing them");
  }
  for (const std::string& name : names) {
    if (status.ok()) status = db.value()->Execute("DROP TABLE " + name);
  }
  return status;
}

// Settings for a load that is written once and read many times: no
// durability while loading (the database is made again if the machine
// stops), much memory for sorting the indexes.
const char* LoadSettings(const sql::Dialect& dialect) {
  return dialect.postgres() ? "SET synchronous_commit = off; SET maintenance_work_mem = '512MB'"
                            : "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
                              "PRAGMA cache_size=-1000000; PRAGMA threads=2";
}

// PostgreSQL: the identity columns go on after the rows given their keys
// here, and the planner learns the tables' statistics (and VACUUM the
// visibility map, without which no index-only scan is taken).
Status Finish(sql::Database* db) {
  if (!db->dialect().postgres()) return Status::Ok();
  Status status = db->Execute(
      "SELECT setval(pg_get_serial_sequence('events', 'row'), (SELECT MAX(row) FROM events)); "
      "SELECT setval(pg_get_serial_sequence('articles', 'row'), (SELECT MAX(row) FROM articles)); "
      "SELECT setval(pg_get_serial_sequence('stories', 'id'), (SELECT MAX(id) FROM stories))");
  // (VACUUM runs alone: not in the transaction of a many-statement string.)
  return status.ok() ? db->Execute("VACUUM ANALYZE") : status;
}

}  // namespace

Result<GeneratedDatabase> GenerateEventDatabase(const std::string& target, long long events,
                                                unsigned seed) {
  auto start = std::chrono::steady_clock::now();
  Status status = Empty(target);
  if (!status.ok()) return status;
  {  // the schema, as warta makes it
    auto store = Store::Open(target);
    if (!store.ok()) return store.status();
  }
  auto db = sql::Database::Open(target);
  if (!db.ok()) return db.status();
  status = db.value()->Execute(LoadSettings(db.value()->dialect()));
  auto indexes = Indexes(db.value().get());
  if (!indexes.ok()) return indexes.status();
  for (const auto& [name, sql] : indexes.value()) {
    if (status.ok()) status = db.value()->Execute("DROP INDEX " + name);
  }
  GeneratedDatabase made;
  if (status.ok()) status = Fill(db.value().get(), events, seed, &made);
  made.load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "indexing (%zu indexes)\n", indexes.value().size());
  for (const auto& [name, sql] : indexes.value()) {
    if (status.ok()) status = db.value()->Execute(sql);
  }
  if (!status.ok()) return status;
  db.value().reset();
  {  // back to what warta opens (SQLite: WAL), with the summaries counted from the rows
    auto store = Store::Open(target);
    if (!store.ok()) return store.status();
    status = store.value()->RebuildSummaries();
    if (!status.ok()) return status;
  }
  db = sql::Database::Open(target);
  if (!db.ok()) return db.status();
  status = Finish(db.value().get());
  if (!status.ok()) return status;
  made.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return made;
}

}  // namespace warta::bench
