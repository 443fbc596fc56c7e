#include "store/store.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <set>
#include <thread>

#include "store/location_columns.h"
#include "store/summary.h"
#include "util/hash.h"
#include "util/text.h"

namespace warta {

namespace {

constexpr int kHashes = 64;
constexpr int kBands = 16;
constexpr int kRows = kHashes / kBands;
constexpr double kSameStory = 0.5;

// In SQLite's words; Dialect::Ddl gives PostgreSQL's.
const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS stories(
  id INTEGER PRIMARY KEY, first_published TEXT, num_articles INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS articles(
  row INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, url TEXT, source TEXT, published TEXT,
  language TEXT, title TEXT, text_hash TEXT UNIQUE NOT NULL, story_id INTEGER NOT NULL,
  num_events INTEGER NOT NULL, minhash BLOB, num_keys INTEGER NOT NULL DEFAULT 0,
  ingested_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
CREATE TABLE IF NOT EXISTS article_bands(band INTEGER, hash INTEGER, article INTEGER);
CREATE INDEX IF NOT EXISTS article_bands_lookup ON article_bands(band, hash);
CREATE TABLE IF NOT EXISTS article_keys(key TEXT, article INTEGER);
CREATE INDEX IF NOT EXISTS article_keys_lookup ON article_keys(key);
CREATE TABLE IF NOT EXISTS events(
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
  num_sources INTEGER NOT NULL DEFAULT 0, date_added TEXT NOT NULL,
  place_id TEXT, place_name TEXT, place_feature TEXT, place_country TEXT, place_adm1 TEXT,
  place_adm1_id TEXT, place_fips TEXT, place_adm1_code TEXT, place_lat REAL, place_lon REAL,
  place_start INTEGER, place_end INTEGER, place_basis TEXT, place_country_name TEXT);
CREATE INDEX IF NOT EXISTS events_date_quad ON events(date, quad_class, goldstein);
CREATE INDEX IF NOT EXISTS events_dyad ON events(source_country, target_country);
-- Each pairing of a code or a country on one side with either on the other
-- has an index, so dyad and actor filters never scan (query.cc); the first
-- covers the network's aggregate.
CREATE INDEX IF NOT EXISTS events_source_target ON events(source_code, target_code, goldstein);
CREATE INDEX IF NOT EXISTS events_target_source_country ON events(target_code, source_country);
CREATE INDEX IF NOT EXISTS events_target_country_source ON events(target_country, source_code);
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);
-- A page of events newest (or oldest) first walks one of these in order and
-- stops after the page, when the filter keeps many events (schema version 3).
CREATE INDEX IF NOT EXISTS events_date_row ON events(date);
CREATE INDEX IF NOT EXISTS events_date_row_happened ON events(date)
  WHERE modality = 'asserted' AND negated = 0;
-- A part of a name is looked up in the actors table, then these (query.cc).
CREATE INDEX IF NOT EXISTS events_source_name ON events(source_name);
CREATE INDEX IF NOT EXISTS events_target_name ON events(target_name);
CREATE INDEX IF NOT EXISTS events_root ON events(cameo_root);
CREATE INDEX IF NOT EXISTS events_story ON events(story_id, source_code, cameo);
-- Queries count only asserted, non-negated events by default (query.cc,
-- EventKinds): the timeline's and the network's aggregates over them are
-- answered from these, not by reading every row (4-5 times slower on a
-- million events). They hold the root too, so that leaving out statements
-- (cameo_root <> '01', bound) is answered from them as well: without it
-- that count read every row it kept (3 to 10 times slower on a million
-- events). A database made before the root was added gains these and loses
-- the indexes they replace when warta next opens it to write.
DROP INDEX IF EXISTS events_date_quad_happened;
DROP INDEX IF EXISTS events_source_target_happened;
CREATE INDEX IF NOT EXISTS events_date_quad_root_happened
  ON events(date, quad_class, goldstein, cameo_root) WHERE modality = 'asserted' AND negated = 0;
CREATE INDEX IF NOT EXISTS events_source_target_root_happened
  ON events(source_code, target_code, goldstein, cameo_root)
  WHERE modality = 'asserted' AND negated = 0;
-- Places (schema version 2; query.cc): an id and everything inside it is a
-- range of place_id; a name is matched without case on the name as written
-- or the division's name; --near is a range of latitude, then the distance.
-- The first also answers /api/places' count and mean Goldstein per place.
CREATE INDEX IF NOT EXISTS events_place ON events(place_id, goldstein);
CREATE INDEX IF NOT EXISTS events_place_country ON events(place_country);
CREATE INDEX IF NOT EXISTS events_place_name ON events(place_name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS events_place_adm1 ON events(place_adm1 COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS events_place_lat_lon ON events(place_lat, place_lon);
CREATE TABLE IF NOT EXISTS mentions(
  event INTEGER NOT NULL, article TEXT NOT NULL, outlet TEXT NOT NULL, event_id TEXT NOT NULL,
  evidence_start INTEGER, evidence_end INTEGER, evidence_text TEXT,
  source_start INTEGER, source_end INTEGER, verb_start INTEGER, verb_end INTEGER,
  target_start INTEGER, target_end INTEGER, confidence REAL);
CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event, article);
CREATE INDEX IF NOT EXISTS mentions_by_outlet ON mentions(outlet, event);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);
CREATE TABLE IF NOT EXISTS actors(
  code TEXT NOT NULL, name TEXT NOT NULL, country TEXT, agent TEXT,
  num_events INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(code, name));
-- Ingest's claims (schema version 6; store.h): the text hash of an article
-- being coded, by whom, since when (seconds since 1970, the database's clock).
CREATE TABLE IF NOT EXISTS ingest_claims(
  article_key TEXT PRIMARY KEY, worker TEXT NOT NULL, claimed_at INTEGER NOT NULL);
)SQL";

uint64_t Mix(uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// MinHash signature over lowercase word 3-shingles.
std::vector<uint32_t> Signature(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || byte >= 0x80) {
      word.push_back(static_cast<char>(std::tolower(byte)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  std::vector<uint32_t> signature(kHashes, UINT32_MAX);
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    uint64_t base = Fnv1a(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2], 0);
    for (int h = 0; h < kHashes; ++h) {
      uint32_t value = static_cast<uint32_t>(Mix(base ^ (0x9e3779b97f4a7c15ull * (h + 1))));
      signature[h] = std::min(signature[h], value);
    }
  }
  return signature;
}

long long BandHash(const std::vector<uint32_t>& signature, int band) {
  uint64_t hash = static_cast<uint64_t>(band) * 0x9e3779b97f4a7c15ull;
  for (int r = 0; r < kRows; ++r) hash = Mix(hash ^ signature[band * kRows + r]);
  return static_cast<long long>(hash >> 1);
}

// The articles sharing any band of a signature: ?1 is band 0's hash, ?2 band 1's...
std::string BandsQuery() {
  std::string sql;
  for (int b = 0; b < kBands; ++b) {
    sql += b ? " UNION ALL " : "";
    sql += "SELECT article FROM article_bands WHERE band = " + std::to_string(b) + " AND hash = ?" +
           std::to_string(b + 1);
  }
  return sql;
}

// "PRK|RUS|04": what an event is, whatever the language told it. The pair is
// unordered, since one language's "met" is another's visit and hosting (042
// one way, 043 the other), and undated, since one telling writes the day
// ("on Monday") where another leaves it to the publication date; stories are
// only joined on keys from articles published within a week. Between two
// actors of one state the agents count too ("IDNCOP|IDNCRM"), or every
// domestic story of a week would share its keys.
std::set<std::string> EventKeys(const std::vector<Event>& events) {
  std::set<std::string> keys;
  for (const Event& e : events) {
    if (!e.target || e.source.country.empty() || e.target->country.empty()) continue;
    bool domestic = e.source.country == e.target->country;
    std::string a = domestic ? e.source.code : e.source.country;
    std::string b = domestic ? e.target->code : e.target->country;
    if (b < a) std::swap(a, b);
    keys.insert(a + "|" + b + "|" + e.cameo_root);
  }
  return keys;
}

std::string Stamp(std::time_t time) {
  std::tm utc{};
  gmtime_r(&time, &utc);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y%m%d%H%M%S", &utc);
  return buffer;
}

// What a file holds, looked at before anything is written to it.
struct Contents {
  std::vector<std::string> tables;     // besides SQLite's own
  std::optional<std::string> version;  // warta's schema_version, when the meta table has one
};

Result<Contents> ReadContents(sql::Database* db) {
  Contents contents;
  auto tables = sql::Statement::Prepare(db, db->dialect().ListTables());
  if (!tables.ok()) return tables.status();
  Status status;
  while (tables.value()->Step(&status)) contents.tables.push_back(tables.value()->Text(0));
  if (!status.ok()) return status;
  if (std::find(contents.tables.begin(), contents.tables.end(), "meta") == contents.tables.end()) {
    return contents;
  }
  // Another program's meta table may lack these columns: then it is not warta's.
  auto version = sql::Statement::Prepare(db, "SELECT value FROM meta WHERE key = 'schema_version'");
  if (!version.ok()) return contents;
  if (version.value()->Step(&status)) contents.version = version.value()->Text(0);
  if (!status.ok()) return status;
  return contents;
}

// "foo, bar" (at most five names, then how many more).
std::string NameList(const std::vector<std::string>& names) {
  std::string list;
  for (size_t i = 0; i < names.size() && i < 5; ++i) list += (i ? ", " : "") + names[i];
  if (names.size() > 5) list += " and " + std::to_string(names.size() - 5) + " more";
  return list;
}

// The schema version as a number; 0 when it is not one.
int ParseVersion(const std::string& text) {
  if (text.empty() || text.size() > 6 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return 0;
  }
  return std::stoi(text);
}

// ",?31,?32,...": `count` numbered placeholders from `first`.
std::string Placeholders(int first, int count) {
  std::string list;
  for (int k = 0; k < count; ++k) list += ",?" + std::to_string(first + k);
  return list;
}

std::string DateOrEmpty(const std::optional<Date>& date) { return date ? date->ToString() : ""; }

// "https://user@www.Kompas.com:443/read?x" → "kompas.com"; "" without a host.
std::string UrlHost(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  size_t start = scheme + 3;
  size_t end = url.find_first_of("/?#", start);
  std::string host = url.substr(start, end == std::string::npos ? end : end - start);
  size_t at = host.rfind('@');
  if (at != std::string::npos) host.erase(0, at + 1);
  size_t colon = host.rfind(':');
  if (colon != std::string::npos && host.find(']', colon) == std::string::npos) host.erase(colon);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

}  // namespace

std::string OutletOf(const Article& article) {
  return article.source.empty() ? UrlHost(article.url) : article.source;
}

std::string TextHash(const std::string& text) {
  char buffer[33];
  std::snprintf(buffer, sizeof buffer, "%016llx%016llx",
                static_cast<unsigned long long>(Fnv1a(text, 0)),
                static_cast<unsigned long long>(Mix(Fnv1a(text, 0x5bd1e995))));
  return buffer;
}

Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  auto db = sql::Database::Open(path, {/*read_only=*/false, options.busy_timeout});
  if (!db.ok()) return db.status();
  std::unique_ptr<Store> store(new Store(std::move(db).value(), options));
  Status status = store->CheckContents(/*writing=*/true);
  // (A file busy at this first look is looked at again inside the schema's
  // transaction.)
  bool busy = store->db_->LastFailureBusy();
  if (status.ok() || busy) status = store->CreateSchema();
  if (!status.ok()) return status;
  store->summaries_ = options.use_summaries;
  store->keys_ = options.use_summaries;
  return store;
}

Result<std::unique_ptr<Store>> Store::OpenReadOnly(const std::string& path,
                                                   const StoreOptions& options) {
  auto db = sql::Database::Open(path, {/*read_only=*/true, options.busy_timeout});
  if (!db.ok()) return db.status();
  std::unique_ptr<Store> store(new Store(std::move(db).value(), options));
  Status status = store->CheckContents(/*writing=*/false);
  if (!status.ok()) return status;
  auto version = store->StoredVersion();
  if (!version.ok()) return version.status();
  if (version.value() < kReadableAsItIs) status = store->ViewOldSchema(version.value());
  if (!status.ok()) return status;
  store->summaries_ = version.value() >= 3 && options.use_summaries;
  store->keys_ = version.value() >= kEventKeysVersion && options.use_summaries;
  return store;
}

Status Store::CheckContents(bool writing) {
  const std::string& path = db_->path();
  auto contents = ReadContents(db_.get());
  if (!contents.ok()) {
    if (!db_->LastFailureNotDatabase()) return contents.status();
    return Status::InvalidInput(path + " is not an SQLite database, so not a warta event database" +
                                (writing ? "; refusing to write to it" : ""));
  }
  const Contents& found = contents.value();
  if (found.tables.empty()) {
    if (writing) return Status::Ok();  // a new database
    return Status::InvalidInput(path +
                                " is empty: not a warta event database yet (create it "
                                "with warta ingest)");
  }
  if (!found.version) {
    const char* kind =
        db_->dialect().postgres() ? " is a PostgreSQL database" : " is an SQLite database";
    return Status::InvalidInput(path + kind + " but not warta's (it has tables " +
                                NameList(found.tables) + ")" +
                                (writing ? "; refusing to add tables to it" : ""));
  }
  int version = ParseVersion(*found.version);
  if (version < 1) {
    return Status::InvalidData(path + " has an unknown warta schema version \"" +
                               found.version->substr(0, 20) + "\"");
  }
  if (version > kSchemaVersion) {
    return Status::InvalidData(path + " was written by a newer warta (schema version " +
                               std::to_string(version) + "; this one knows version " +
                               std::to_string(kSchemaVersion) + ")" +
                               (writing ? "; refusing to change it" : "; read it with that warta"));
  }
  return Status::Ok();
}

Result<int> Store::StoredVersion() {
  auto contents = ReadContents(db_.get());
  if (!contents.ok()) return contents.status();
  return contents.value().version ? ParseVersion(*contents.value().version) : 0;
}

// An older file lacks what later versions added: the place columns (version
// 1 has none; versions 2 and 3 have no country name) and actor_places
// (version 4). A reader may not add them, so a temporary view and table (of
// this connection only, in memory) show them, null and empty: every query
// reads the file as it reads the current version, and nothing it holds is
// placed beyond what it stored. Unqualified, "events" names the temporary
// view first.
Status Store::ViewOldSchema(int version) {
  if (db_->dialect().postgres()) {  // (warta has written PostgreSQL from version 3 on)
    return Status::InvalidData(db_->path() + " has warta's schema version " +
                               std::to_string(version) + "; upgrade it with warta ingest");
  }
  std::string nulls;
  for (const LocationColumn& column : LocationColumnsAfter(version)) {
    nulls += std::string(", NULL AS ") + column.name;
  }
  Status status = db_->Execute("CREATE TEMP VIEW events AS SELECT *" + nulls + " FROM main.events");
  return status.ok() ? db_->Execute(ActorPlacesSchema(/*temporary=*/true)) : status;
}

Status Store::Migrate(int version) {
  if (version >= kSchemaVersion) return Status::Ok();
  // 1 → 2 and 3 → 4: the place columns each version added, empty (what an
  // older warta coded was never placed so); kSchema then adds their indexes,
  // actor_places (version 4) and ingest_claims (version 6), empty.
  for (const LocationColumn& column : LocationColumnsAfter(version)) {
    Status status = db_->Execute(std::string("ALTER TABLE events ADD COLUMN ") + column.name + " " +
                                 db_->dialect().Ddl(column.type));
    if (!status.ok()) {
      return status.WithContext("upgrading to schema version " + std::to_string(column.since));
    }
  }
  if (version < 3) {
    // 2 → 3: the summary tables, counted from the rows (event_keys too).
    Status status = db_->Execute(db_->dialect().Ddl(kSummarySchema));
    if (status.ok()) status = FillSummaries();
    return status.ok() ? status : status.WithContext("upgrading to schema version 3");
  }
  return MigrateEventKeys(version);
}

// 4 → 5 (kEventKeysVersion, a step of its own): event_keys, filled from the
// events (about half a minute per million events on SQLite).
Status Store::MigrateEventKeys(int version) {
  if (version >= kEventKeysVersion) return Status::Ok();
  Status status = db_->Execute(db_->dialect().Ddl(kSummarySchema));
  if (status.ok()) status = FillEventKeys();
  return status.ok() ? status
                     : status.WithContext("upgrading to schema version " +
                                          std::to_string(kEventKeysVersion));
}

Status Store::CreateSchema() {
  // SQLite answers "busy" at once, without calling the busy handler, where
  // waiting could deadlock (several connections switching a fresh file to WAL
  // together, or upgrading a read to a write). That moment passes: try again,
  // with growing pauses, until the busy timeout.
  auto deadline = std::chrono::steady_clock::now() + options_.busy_timeout;
  std::chrono::milliseconds pause(5);
  while (true) {
    bool busy = false;
    Status status = TryCreateSchema(&busy);
    if (status.ok() || !busy || std::chrono::steady_clock::now() + pause > deadline) {
      return status;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(200));
  }
}

Status Store::TryCreateSchema(bool* busy) {
  auto failed = [&](Status status) {
    *busy = db_->LastFailureBusy();
    db_->Execute("ROLLBACK");  // (harmless when no transaction is open)
    return status;
  };
  const sql::Dialect& dialect = db_->dialect();
  Status status = db_->Execute(dialect.Pragmas());
  if (!status.ok()) return failed(status);
  // One transaction: another process opening the file at the same time sees
  // it empty or whole, never half made (and so never mistakes it for another
  // program's).
  status = db_->Execute(dialect.BeginWrite());
  if (!status.ok()) return failed(status);
  status = CheckContents(/*writing=*/true);  // it may have been filled since
  if (!status.ok()) return failed(status);
  // An older version is upgraded in this transaction: all or nothing, and
  // other processes see the old schema or the new one.
  auto version = StoredVersion();
  if (!version.ok()) return failed(version.status());
  if (version.value() > 0) status = Migrate(version.value());  // 0: a new file
  if (status.ok()) status = db_->Execute(dialect.Ddl(kSchema));
  if (status.ok()) status = db_->Execute(dialect.Ddl(kSummarySchema));
  if (status.ok()) status = db_->Execute(dialect.Ddl(ActorPlacesSchema(/*temporary=*/false)));
  if (status.ok() && dialect.postgres()) status = db_->Execute(kSummaryUniqueKeys);
  if (status.ok() && dialect.postgres()) status = db_->Execute(dialect.Functions());
  if (status.ok()) {
    status = db_->Execute("INSERT INTO meta VALUES('schema_version', '" +
                          std::to_string(kSchemaVersion) +
                          "') ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  }
  if (status.ok()) status = db_->Execute("COMMIT");
  return status.ok() ? status : failed(status);
}

std::string Store::Now() const {
  return Stamp(options_.fixed_time ? static_cast<std::time_t>(*options_.fixed_time)
                                   : std::time(nullptr));
}

Result<sql::Loan> Store::Cached(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    auto prepared = sql::Statement::Prepare(db_.get(), sql);
    if (!prepared.ok()) return prepared.status();
    it = statements_.emplace(sql, std::move(prepared).value()).first;
  }
  it->second->Reset();
  return sql::Loan(it->second.get());
}

Status Store::Sent(const std::string& sql, long long first, std::optional<long long> second) {
  auto statement = Cached(sql);
  if (!statement.ok()) return statement.status();
  statement.value()->Bind(1, first);
  if (second) statement.value()->Bind(2, *second);
  return statement.value()->Send();
}

Result<bool> Store::HasArticle(const std::string& id, const std::string& text_hash) {
  auto stmt = Cached(
      "SELECT 1 FROM articles WHERE text_hash = ?2 UNION ALL "
      "SELECT 1 FROM articles WHERE id = ?1 LIMIT 1");
  if (!stmt.ok()) return stmt.status();
  if (id.starts_with("http://") || id.starts_with("https://")) {
    stmt.value()->Bind(1, id);
  } else {
    stmt.value()->BindNull(1);  // matches nothing
  }
  stmt.value()->Bind(2, text_hash);
  Status status;
  bool found = stmt.value()->Step(&status);
  if (!status.ok()) return status;
  return found;
}

void Store::BatchCounts::AddActor(const Actor& actor) {
  auto [it, added] = actor_index.try_emplace({actor.code, actor.name}, actors.size());
  if (added) actors.push_back({actor.code, actor.name, actor.country, actor.agent, 0});
  ++actors[it->second].events;
}

void Store::BatchCounts::AddTotal(const std::string& name, long long amount) {
  for (auto& [total, value] : totals) {
    if (total == name) {
      value += amount;
      return;
    }
  }
  totals.emplace_back(name, amount);
}

Status Store::WriteCounts() {
  for (const auto& [name, amount] : batch_counts_.totals) {
    Status status = AddToTotal(name, amount);
    if (!status.ok()) return status;
  }
  // (The first telling's country and agent are kept, as the first insert keeps them.)
  auto upsert = Cached(
      "INSERT INTO actors(code, name, country, agent, num_events) VALUES(?1,?2,?3,?4,?5) "
      "ON CONFLICT(code, name) DO UPDATE SET num_events = actors.num_events + "
      "excluded.num_events");
  if (!upsert.ok()) return upsert.status();
  for (const BatchCounts::ActorCount& actor : batch_counts_.actors) {
    upsert.value()->Bind(1, actor.code);
    upsert.value()->Bind(2, actor.name);
    upsert.value()->Bind(3, actor.country);
    upsert.value()->BindOptional(4, actor.agent);
    upsert.value()->Bind(5, actor.events);
    Status status = upsert.value()->Send();
    if (!status.ok()) return status;
  }
  batch_counts_ = {};
  return Status::Ok();
}

Result<Store::Written> Store::WriteBatch(const std::vector<CodedRecord>& batch) {
  Status begin = db_->Execute(db_->dialect().BeginWrite());
  if (!begin.ok()) return begin;
  db_->BeginPipeline();  // what is only written goes out without a round trip each
  batch_counts_ = {};
  Written written;
  for (const CodedRecord& record : batch) {
    Status status = WriteRecord(record, &written);
    if (!status.ok()) {
      db_->Execute("ROLLBACK");
      return status.WithContext("storing " + record.article.id);
    }
  }
  Status released = WriteCounts();
  if (released.ok()) released = ReleaseClaimsOf(batch);
  if (!released.ok()) {
    db_->Execute("ROLLBACK");
    return released;
  }
  Status commit = db_->Execute("COMMIT");
  if (!commit.ok()) return commit;
  return written;
}

namespace {

// `record` under an id of its own, for when another text has its id: the id
// with its text's hash, and event ids derived from that (they hash the id).
CodedRecord WithOwnId(const CodedRecord& record, const std::string& text_hash) {
  CodedRecord renamed = record;
  renamed.article.id += '#';  // (step by step: g++ 12 warns wrongly on "#" + ...)
  renamed.article.id += text_hash.substr(0, 16);
  for (Event& event : renamed.events) {
    char id[17];
    std::snprintf(
        id, sizeof id, "%016llx",
        static_cast<unsigned long long>(Fnv1a(renamed.article.id + "|" + event.event_id)));
    event.article_id = renamed.article.id;
    event.event_id = id;
  }
  return renamed;
}

}  // namespace

Status Store::WriteRecord(const CodedRecord& record, Written* written) {
  std::string hash = TextHash(record.article.text);
  auto known = HasArticle(record.article.id, hash);
  if (!known.ok()) return known.status();
  if (known.value()) return Status::Ok();  // stored by an earlier run: nothing twice
  auto taken = Cached("SELECT 1 FROM articles WHERE id = ?1");
  if (!taken.ok()) return taken.status();
  taken.value()->Bind(1, record.article.id);
  Status status;
  bool id_taken = taken.value()->Step(&status);
  if (!status.ok()) return status;
  // Same id, other text: another article, kept under an id of its own.
  if (id_taken) return InsertRecord(WithOwnId(record, hash), hash, written);
  return InsertRecord(record, hash, written);
}

Status Store::InsertRecord(const CodedRecord& record, const std::string& hash, Written* written) {
  const Article& a = record.article;
  std::vector<uint32_t> signature = Signature(a.text);
  std::set<std::string> keys = EventKeys(record.events);
  auto insert = Cached(
      "INSERT INTO articles(id, url, source, published, language, title, text_hash, story_id, "
      "num_events, minhash, num_keys, ingested_at) VALUES(?1,?2,?3,?4,?5,?6,?7,0,?8,?9,?10,?11)" +
      db_->dialect().Returning("row"));
  if (!insert.ok()) return insert.status();
  sql::Statement& s = *insert.value();
  s.Bind(1, a.id);
  s.BindOptional(2, a.url);
  s.BindOptional(3, a.source);
  s.BindOptional(4, DateOrEmpty(a.published));
  s.Bind(5, record.language);
  s.BindOptional(6, a.title);
  s.Bind(7, hash);
  s.Bind(8, static_cast<long long>(record.events.size()));
  std::string blob(reinterpret_cast<const char*>(signature.data()), signature.size() * 4);
  s.BindBlob(9, blob);
  s.Bind(10, static_cast<long long>(keys.size()));
  s.Bind(11, Now());
  auto inserted = s.Insert();
  if (!inserted.ok()) return inserted.status();
  long long row = inserted.value();
  Status status = CountArticle(row);
  if (!status.ok()) return status;
  ++written->articles;
  written->events += static_cast<long long>(record.events.size());
  auto story = AssignStory(record, row, signature, keys);
  if (!story.ok()) return story.status();
  for (const Event& event : record.events) {
    Status written = WriteEvent(record, story.value(), event);
    if (!written.ok()) return written;
  }
  return Status::Ok();
}

Status Store::WriteEvent(const CodedRecord& record, long long story, const Event& e) {
  std::string target_code = e.target ? e.target->code : "";
  std::string date = DateOrEmpty(e.date);
  // The same source, target, code and date within a story is one event.
  auto find = Cached(
      "SELECT row FROM events WHERE story_id=?1 AND source_code=?2 AND cameo=?3 "
      "AND COALESCE(target_code,'')=?4 AND COALESCE(date,'')=?5");
  if (!find.ok()) return find.status();
  find.value()->Bind(1, story);
  find.value()->Bind(2, e.source.code);
  find.value()->Bind(3, e.cameo);
  find.value()->Bind(4, target_code);
  find.value()->Bind(5, date);
  Status status;
  long long row = find.value()->Step(&status) ? find.value()->Int(0) : 0;
  if (!status.ok()) return status;
  const bool inserted = row == 0;
  if (inserted) {
    auto insert = Cached(
        "INSERT INTO events(event_id, story_id, date, date_precision, date_text, source_code, "
        "source_country, source_agent, source_name, source_start, source_end, target_code, "
        "target_country, target_agent, target_name, target_start, target_end, cameo, cameo_root, "
        "cameo_label, quad_class, goldstein, plover, modality, negated, confidence, language, "
        "first_article, published, date_added, num_mentions, num_articles, num_sources, " +
        LocationColumnList() +
        ") VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,"
        "?22,?23,?24,?25,?26,?27,?28,?29,?30,1,1,1" +
        Placeholders(31, kLocationColumnCount) + ")" + db_->dialect().Returning("row"));
    if (!insert.ok()) return insert.status();
    sql::Statement& s = *insert.value();
    s.Bind(1, e.event_id);
    s.Bind(2, story);
    s.BindOptional(3, date);
    s.BindOptional(4, e.date ? std::string(PrecisionName(e.date->precision)) : "");
    s.BindOptional(5, e.date_text);
    int at = 6;
    for (const Actor* actor : {&e.source, e.target ? &*e.target : nullptr}) {
      if (actor == nullptr) {
        for (int k = 0; k < 6; ++k) s.BindNull(at++);
        continue;
      }
      s.Bind(at++, actor->code);
      s.Bind(at++, actor->country);
      s.BindOptional(at++, actor->agent);
      s.Bind(at++, actor->name);
      s.BindOptional(at++, DateOrEmpty(actor->start));
      s.BindOptional(at++, DateOrEmpty(actor->end));
    }
    s.Bind(18, e.cameo);
    s.Bind(19, e.cameo_root);
    s.Bind(20, e.cameo_label);
    s.Bind(21, static_cast<long long>(e.quad_class));
    s.Bind(22, e.goldstein);
    s.BindOptional(23, e.plover);
    s.Bind(24, std::string(ModalityName(e.modality)));
    s.Bind(25, static_cast<long long>(e.negated));
    s.Bind(26, e.confidence);
    s.Bind(27, record.language);
    s.Bind(28, record.article.id);
    s.BindOptional(29, DateOrEmpty(record.article.published));
    s.Bind(30, Now());
    BindLocation(&s, 31, e.location);
    auto added = s.Insert();
    if (!added.ok()) return added.status();
    row = added.value();
    status = CountEvent(row);
    if (status.ok()) status = CountPlace(row);
    if (status.ok()) status = PlaceActors(row, e);
    if (!status.ok()) return status;
  }
  // Counts grow by what this telling adds: a new article, a new outlet. A
  // new event's first telling is both, and is counted as it is inserted.
  // Articles of no known outlet count together as one unknown source.
  std::string outlet = OutletOf(record.article);
  bool new_article = true, new_outlet = true;
  if (!inserted) {
    for (auto [sql, flag, value] :
         {std::tuple{"SELECT 1 FROM mentions WHERE event=?1 AND article=?2", &new_article,
                     &record.article.id},
          {"SELECT 1 FROM mentions WHERE event=?1 AND outlet=?2", &new_outlet, &outlet}}) {
      auto seen = Cached(sql);
      if (!seen.ok()) return seen.status();
      seen.value()->Bind(1, row);
      seen.value()->Bind(2, *value);
      *flag = !seen.value()->Step(&status);
      if (!status.ok()) return status;
    }
  }
  auto mention =
      Cached("INSERT INTO mentions VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)");
  if (!mention.ok()) return mention.status();
  sql::Statement& m = *mention.value();
  m.Bind(1, row);
  m.Bind(2, record.article.id);
  m.Bind(3, outlet);
  m.Bind(4, e.event_id);
  const Evidence& ev = e.evidence;
  m.Bind(5, static_cast<long long>(ev.sentence.start));
  m.Bind(6, static_cast<long long>(ev.sentence.end));
  m.Bind(7, ev.text);
  int at = 8;
  for (const Span* span : {&ev.source, &ev.verb, &ev.target}) {
    m.Bind(at++, static_cast<long long>(span->start));
    m.Bind(at++, static_cast<long long>(span->end));
  }
  m.Bind(14, e.confidence);
  status = m.Send();
  if (!status.ok()) return status;
  batch_counts_.AddTotal("mentions", 1);
  for (const Actor* actor : {&e.source, e.target ? &*e.target : nullptr}) {
    if (actor != nullptr) batch_counts_.AddActor(*actor);
  }
  if (inserted) return Status::Ok();
  status = FillLocation(row, e);
  if (!status.ok()) return status;
  auto update = Cached(
      "UPDATE events SET num_mentions = num_mentions + 1, num_articles = num_articles + ?1, "
      "num_sources = num_sources + ?2 WHERE row = ?3");
  if (!update.ok()) return update.status();
  update.value()->Bind(1, static_cast<long long>(new_article));
  update.value()->Bind(2, static_cast<long long>(new_outlet));
  update.value()->Bind(3, row);
  return update.value()->Send();
}

Status Store::FillLocation(long long row, const Event& event) {
  Status status = PlaceActors(row, event);
  if (!status.ok() || !event.location) return status;
  std::string set;
  for (int k = 0; k < kLocationColumnCount; ++k) {
    set += (k ? ", " : "") + std::string(kLocationColumns[k].name) + " = ?" + std::to_string(k + 2);
  }
  auto update = Cached("UPDATE events SET " + set + " WHERE row = ?1 AND place_id IS NULL");
  if (!update.ok()) return update.status();
  update.value()->Bind(1, row);
  BindLocation(&*update.value(), 2, event.location);
  status = update.value()->Run();
  if (!status.ok() || db_->Changes() == 0) return status;
  return CountPlace(row);  // placed only now
}

// An actor already placed keeps its place: the first telling that places it.
Status Store::PlaceActors(long long row, const Event& event) {
  auto insert =
      Cached(std::string("INSERT INTO actor_places(event, side, ") + LocationColumnList() +
             ") VALUES(?1, ?2" + Placeholders(3, kLocationColumnCount) +
             ") ON CONFLICT(event, side) DO NOTHING");
  if (!insert.ok()) return insert.status();
  for (auto [side, actor] : {std::pair{ActorSide::kSource, &event.source},
                             {ActorSide::kTarget, event.target ? &*event.target : nullptr}}) {
    if (actor == nullptr || !actor->location) continue;
    insert.value()->Bind(1, row);
    insert.value()->Bind(2, static_cast<long long>(side));
    BindLocation(&*insert.value(), 3, actor->location);
    Status status = insert.value()->Send();
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

// Joins the story of a near-duplicate or a translation, or starts one.
Result<long long> Store::AssignStory(const CodedRecord& record, long long article_row,
                                     const std::vector<uint32_t>& signature,
                                     const std::set<std::string>& keys) {
  long long story = 0;
  // Near-duplicate text: candidates share a band of the MinHash signature.
  // (One query for every band: one round trip to a server.)
  std::set<long long> candidates;
  auto band = Cached(BandsQuery());
  if (!band.ok()) return band.status();
  for (int b = 0; b < kBands; ++b) band.value()->Bind(b + 1, BandHash(signature, b));
  Status found;
  while (band.value()->Step(&found)) candidates.insert(band.value()->Int(0));
  if (!found.ok()) return found;
  auto load = Cached("SELECT minhash, story_id FROM articles WHERE row=?1");
  if (!load.ok()) return load.status();
  double best = kSameStory;
  for (long long candidate : candidates) {
    if (candidate == article_row) continue;
    load.value()->Bind(1, candidate);
    Status status;
    if (load.value()->Step(&status)) {
      std::string blob = load.value()->Blob(0);
      int same = 0;
      for (int h = 0; h < kHashes && blob.size() == kHashes * 4u; ++h) {
        uint32_t value;
        std::memcpy(&value, blob.data() + h * 4, 4);
        same += value == signature[h] ? 1 : 0;
      }
      double similarity = static_cast<double>(same) / kHashes;
      if (similarity >= best) {
        best = similarity;
        story = load.value()->Int(1);
      }
    }
    load.value()->Reset();
  }
  if (story == 0 && keys.size() >= 2) {
    // A translation shares no words but tells the same events.
    std::string sql =
        "SELECT a.story_id, COUNT(*) AS shared, a.num_keys, a.published FROM article_keys k "
        "JOIN articles a ON a.row = k.article WHERE k.key IN (";
    for (size_t i = 0; i < keys.size(); ++i) sql += i ? ",?" : "?";
    // (Ties in the order the articles were stored, on either engine.)
    sql += ") AND a.row != ? GROUP BY a.row ORDER BY shared DESC, a.row LIMIT 20";
    auto match = Cached(sql);
    if (!match.ok()) return match.status();
    int at = 1;
    for (const std::string& key : keys) match.value()->Bind(at++, key);
    match.value()->Bind(at, article_row);
    Status status;
    while (story == 0 && match.value()->Step(&status)) {
      long long shared = match.value()->Int(1);
      long long union_size = static_cast<long long>(keys.size()) + match.value()->Int(2) - shared;
      bool close = true;
      auto other = Date::Parse(match.value()->Text(3));
      if (other && record.article.published) {
        long long days =
            DaysFromCivil(other->year, other->month, other->day) -
            DaysFromCivil(record.article.published->year, record.article.published->month,
                          record.article.published->day);
        close = days <= 7 && days >= -7;
      }
      if (shared >= 2 && shared * 2 >= union_size && close) story = match.value()->Int(0);
    }
    if (!status.ok()) return status;
  }
  bool first_of_story = story == 0;
  if (story == 0) {
    auto insert =
        Cached("INSERT INTO stories(first_published) VALUES(?1)" + db_->dialect().Returning("id"));
    if (!insert.ok()) return insert.status();
    insert.value()->BindOptional(1, DateOrEmpty(record.article.published));
    auto inserted = insert.value()->Insert();
    if (!inserted.ok()) return inserted.status();
    story = inserted.value();
    batch_counts_.AddTotal("stories", 1);
  }
  Status status = Sent("UPDATE stories SET num_articles = num_articles + 1 WHERE id = ?1", story);
  if (status.ok())
    status = Sent("UPDATE articles SET story_id = ?1 WHERE row = ?2", story, article_row);
  if (!status.ok()) return status;
  // Later copies are compared with the story's first article only, which
  // keeps the candidates few however often a story is republished.
  if (!first_of_story) return story;
  auto add_band = Cached("INSERT INTO article_bands VALUES(?1,?2,?3)");
  if (!add_band.ok()) return add_band.status();
  for (int b = 0; b < kBands; ++b) {
    add_band.value()->Bind(1, static_cast<long long>(b));
    add_band.value()->Bind(2, BandHash(signature, b));
    add_band.value()->Bind(3, article_row);
    status = add_band.value()->Send();
    if (!status.ok()) return status;
  }
  auto add_key = Cached("INSERT INTO article_keys VALUES(?1,?2)");
  if (!add_key.ok()) return add_key.status();
  for (const std::string& key : keys) {
    add_key.value()->Bind(1, key);
    add_key.value()->Bind(2, article_row);
    status = add_key.value()->Send();
    if (!status.ok()) return status;
  }
  return story;
}

}  // namespace warta
