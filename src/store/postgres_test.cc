// The PostgreSQL store against a real server: the same answers as SQLite for
// the same corpus, byte for byte, in every query format, export, stats and
// /api/* answer; schema versions; re-ingest; read-only connections and
// deadlines; the watch tables.
//
// The server is named by WARTA_TEST_POSTGRES (a connection string, e.g.
// postgresql:///warta_test?host=/tmp/pg&port=5433&user=postgres); scripts/test
// starts one and sets it, so in CI these tests run. Without it they are
// skipped with a note. Each test works in a schema of its own, made fresh and
// dropped after, so runs (and the tests of two builds) never meet.
#include "store/postgres.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "../../tests/test_support.h"
#include "serve/api.h"
#include "store/database.h"
#include "store/store.h"
#include "store/store_test_support.h"
#include "watch/state.h"

namespace warta {
namespace {

using testing::FreshPath;
using testing::RunWarta;

class PostgresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* base = std::getenv("WARTA_TEST_POSTGRES");
    if (base == nullptr || *base == '\0') {
      GTEST_SKIP() << "WARTA_TEST_POSTGRES is not set (a PostgreSQL connection string, such as "
                      "postgresql:///warta_test?host=/tmp/pg); scripts/test starts a server and "
                      "sets it";
    }
    base_ = base;
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    schema_ = "warta_test_" + std::to_string(getpid()) + "_";
    for (char c : name) schema_ += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    schema_ = schema_.substr(0, 63);
    ASSERT_NO_FATAL_FAILURE(
        OnBase("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_));
    target_ = base_ + (base_.find('?') == std::string::npos ? "?" : "&") +
              "options=-c%20search_path%3D" + schema_;
  }
  void TearDown() override {
    if (!schema_.empty()) OnBase("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }

  void OnBase(const std::string& sql) {
    auto db = sql::Database::Open(base_);
    ASSERT_TRUE(db.ok()) << db.status().message();
    Status status = db.value()->Execute(sql);
    ASSERT_TRUE(status.ok()) << status.message();
  }
  // Runs `sql` in the test's schema, as another program would.
  void Sql(const std::string& sql) {
    auto db = sql::Database::Open(target_);
    ASSERT_TRUE(db.ok()) << db.status().message();
    Status status = db.value()->Execute(sql);
    ASSERT_TRUE(status.ok()) << status.message();
  }
  std::string Value(const std::string& sql) {
    auto db = sql::Database::Open(target_);
    if (!db.ok()) return db.status().message();
    auto statement = db.value()->Prepare(sql);
    if (!statement.ok()) return statement.status().message();
    Status status;
    std::string value = statement.value()->Step(&status) ? statement.value()->Text(0) : "(none)";
    return status.ok() ? value : status.message();
  }
  // The command line's --db for the test's schema, quoted for the shell.
  std::string Db() const { return "'" + target_ + "'"; }

  std::string base_, schema_, target_;
};

// "" when equal; else where `got` first differs from `expected`, with some
// of each around it (whole answers are too long to read in a failure).
std::string Difference(const std::string& got, const std::string& expected) {
  if (got == expected) return "";
  size_t at = 0;
  while (at < got.size() && at < expected.size() && got[at] == expected[at]) ++at;
  size_t from = at < 80 ? 0 : at - 80;
  return "differs at byte " + std::to_string(at) + " of " + std::to_string(expected.size()) +
         ":\n  got      ..." + got.substr(from, 240) + "\n  expected ..." +
         expected.substr(from, 240);
}

// The last progress line (each overwrites the one before, after a '\r';
// how many there are depends on the time taken), without the rate ("...
// 1728 events, 245 articles/s"), which differs run to run.
std::string WithoutRate(std::string output) {
  size_t last = output.rfind('\r');
  if (last != std::string::npos) output.erase(0, last + 1);
  size_t rate = output.rfind(", ");
  size_t end = output.find(" articles/s", rate == std::string::npos ? 0 : rate);
  if (rate != std::string::npos && end != std::string::npos) output.erase(rate, end - rate + 11);
  return output;
}

// Near-duplicates of the first dev articles under ids and an outlet of their
// own: they join the originals' stories and fold into their events.
std::string WriteCopies() {
  std::string path = ::testing::TempDir() + "pg_copies.jsonl";
  std::ifstream in(std::string(WARTA_SOURCE_DIR) + "/eval/dev/id.articles.jsonl");
  std::ofstream out(path);
  std::string line;
  for (int i = 0; i < 30 && std::getline(in, line); ++i) {
    auto article = nlohmann::json::parse(line);
    article["id"] = article["id"].get<std::string>() + "-copy";
    article["text"] = article["text"].get<std::string>() + "\nBaca juga: berita lainnya hari ini.";
    article["source"] = "copy.example";
    out << article.dump() << "\n";
  }
  return path;
}

std::string Corpus() {
  const std::string source = WARTA_SOURCE_DIR;
  std::string inputs;
  for (const char* golden :
       {"en_clash", "en_sanctions", "en_treaty", "id_election", "id_protest", "id_treaty"}) {
    inputs += " " + source + "/tests/golden/" + golden + ".jsonl";
  }
  inputs += " " + source + "/eval/dev/en.articles.jsonl " + source + "/eval/dev/id.articles.jsonl";
  std::string seed = testing::SharedDir() + "/seed";
  if (std::filesystem::exists(seed)) inputs += " " + seed;
  return inputs + " " + WriteCopies();
}

// Ingests `inputs` (each after a space) into `db` (quoted for the shell).
testing::CommandRun IngestInto(const std::string& db, const std::string& inputs) {
  return RunWarta("ingest --db " + db + inputs);
}

class FixedTime {
 public:
  FixedTime() { setenv("SOURCE_DATE_EPOCH", "1700000000", 1); }
  ~FixedTime() { unsetenv("SOURCE_DATE_EPOCH"); }
};

TEST_F(PostgresTest, EveryAnswerIsTheSameAsSqlite) {
  FixedTime fixed;
  const std::string file = FreshPath("pg_compare.db");
  const std::string inputs = Corpus();
  auto lite = IngestInto(file, inputs);
  auto pg = IngestInto(Db(), inputs);
  ASSERT_EQ(lite.exit_code, 0) << lite.output;
  ASSERT_EQ(WithoutRate(pg.output), WithoutRate(lite.output));
  ASSERT_NE(lite.output.find("events"), std::string::npos);

  const std::vector<std::string> filters = {"--modality any --negated any",
                                            "--actor IDN",
                                            "--actor Prabowo",
                                            "--actor putin",
                                            "--name widodo",
                                            "--root 04,05 --from 2023 --to 2024-06",
                                            "--dyad IDN:USA",
                                            "--dyad RUS:PRK --directed",
                                            "--quad 4 --limit 5 --offset 2",
                                            "--offset 3",
                                            "--place IDN.JK",
                                            "--place jakarta",
                                            "--place IDN",
                                            "--near -6.2,106.8,50",
                                            "--lang en --statements no",
                                            "--source copy.example",
                                            "--code 042",
                                            "--story 3",
                                            "--modality alleged,intended --negated yes",
                                            "--country CHN --agent GOV"};
  int compared = 0;
  for (const std::string& filter : filters) {
    for (const char* format : {"table", "jsonl", "csv", "gdelt"}) {
      const std::string args = " --format " + std::string(format) + " " + filter;
      auto expected = RunWarta("query --db " + file + args);
      auto got = RunWarta("query --db " + Db() + args);
      EXPECT_EQ(got.exit_code, expected.exit_code) << args;
      EXPECT_EQ(Difference(got.output, expected.output), "") << args;
      compared += expected.output.size() > 200 ? 1 : 0;
    }
  }
  EXPECT_GT(compared, 40);  // most filters find events
  for (const char* format : {"table", "jsonl", "csv", "gdelt"}) {
    const std::string args = std::string(" --format ") + format;
    EXPECT_EQ(Difference(RunWarta("export --db " + Db() + args).output,
                         RunWarta("export --db " + file + args).output),
              "")
        << format;
  }
  for (const char* args : {"", " --modality any --negated any --statements no"}) {
    auto expected = RunWarta("stats --db " + file + args);
    EXPECT_NE(expected.output.find("articles"), std::string::npos);
    EXPECT_EQ(RunWarta("stats --db " + Db() + args).output, expected.output) << args;
  }

  auto lite_pool = StorePool::Open(file, 1);
  auto pg_pool = StorePool::Open(target_, 1);
  ASSERT_TRUE(lite_pool.ok()) << lite_pool.status().message();
  ASSERT_TRUE(pg_pool.ok()) << pg_pool.status().message();
  Api lite_api(lite_pool.value().get()), pg_api(pg_pool.value().get());
  using Params = std::map<std::string, std::string>;
  std::vector<std::pair<std::string, Params>> requests = {
      {"/api/events", {}},
      {"/api/events", {{"order", "newest"}, {"limit", "50"}, {"offset", "10"}}},
      {"/api/events", {{"actor", "IDN"}, {"modality", "any"}, {"negated", "any"}}},
      {"/api/events", {{"place", "IDN.JK"}}},
      {"/api/events", {{"near", "-6.2,106.8,100"}}},
      {"/api/timeline", {}},
      {"/api/timeline", {{"period", "week"}}},
      {"/api/timeline", {{"period", "week"}, {"dyad", "IDN:USA"}, {"range", "all"}}},
      {"/api/timeline", {{"root", "01"}, {"statements", "no"}}},
      {"/api/network", {}},
      {"/api/network", {{"nodes", "5"}, {"country", "IDN"}}},
      {"/api/places", {}},
      {"/api/places", {{"root", "04"}, {"from", "2024"}}},
      {"/api/places", {{"place", "IDN"}, {"lang", "id"}}},
      {"/api/actors", {{"q", "pr"}}},
      {"/api/actors", {{"q", "IDN"}, {"limit", "50"}}},
      {"/api/actors", {{"q", "%_"}}},
      {"/api/stats", {}},
      {"/api/stats", {{"modality", "any"}, {"negated", "any"}}},
      {"/api/stats", {{"statements", "no"}}}};
  for (int row = 1; row <= 1500; row += 37)
    requests.push_back({"/api/event/" + std::to_string(row), {}});
  for (const auto& [path, params] : requests) {
    ApiResponse expected = lite_api.Handle(path, params);
    ApiResponse got = pg_api.Handle(path, params);
    EXPECT_EQ(got.status, expected.status) << path;
    EXPECT_EQ(Difference(got.body, expected.body), "")
        << path << " " << nlohmann::json(params).dump();
  }
}

TEST_F(PostgresTest, AReIngestStoresNothingNew) {
  const std::string inputs = " " + std::string(WARTA_SOURCE_DIR) + "/tests/golden/en_clash.jsonl " +
                             WARTA_SOURCE_DIR + "/tests/golden/id_treaty.jsonl";
  auto first = IngestInto(Db(), inputs);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_EQ(first.output.find(" 0 stored"), std::string::npos) << first.output;
  auto stats = RunWarta("stats --db " + Db());
  const std::string mentions = Value("SELECT COUNT(*) FROM mentions");
  auto again = IngestInto(Db(), inputs);
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find(" 0 stored, 2 already stored"), std::string::npos) << again.output;
  EXPECT_EQ(RunWarta("stats --db " + Db()).output, stats.output);
  EXPECT_EQ(Value("SELECT COUNT(*) FROM mentions"), mentions);
}

// Two ingests at once take turns batch by batch (an advisory lock, as two
// SQLite writers take turns on the file) and store what one would: every
// article once, the same events, stories and counts.
TEST_F(PostgresTest, TwoIngestsAtOnceStoreWhatOneDoes) {
  const std::string inputs = Corpus();
  const std::string one = schema_ + "_one";
  ASSERT_NO_FATAL_FAILURE(
      OnBase("DROP SCHEMA IF EXISTS " + one + " CASCADE; CREATE SCHEMA " + one));
  const std::string single = "'" + base_ + (base_.find('?') == std::string::npos ? "?" : "&") +
                             "options=-c%20search_path%3D" + one + "'";
  auto alone = IngestInto(single, inputs);
  ASSERT_NE(alone.output.find("stored"), std::string::npos) << alone.output;
  const std::string ingest = std::string(WARTA_BINARY) + " ingest --batch 5 --db " + Db() + inputs;
  const std::string both =
      "(" + ingest + " >/dev/null 2>&1 & " + ingest + " >/dev/null 2>&1; wait)";
  ASSERT_EQ(std::system(both.c_str()), 0) << both;
  const std::string expected = RunWarta("stats --db " + single).output;
  EXPECT_NE(expected.find("stories"), std::string::npos) << expected;
  EXPECT_EQ(RunWarta("stats --db " + Db()).output, expected);
  EXPECT_EQ(RunWarta("stats --db " + Db() + " --modality any --negated any").output,
            RunWarta("stats --db " + single + " --modality any --negated any").output);
  OnBase("DROP SCHEMA IF EXISTS " + one + " CASCADE");
}

// --db postgresql: takes the server, database, user and options from the
// PG* environment variables, here those of the test's own connection string.
TEST_F(PostgresTest, ABarePostgresqlTakesTheEnvironment) {
  const std::map<std::string, std::string> variables = {
      {"host", "PGHOST"},       {"port", "PGPORT"},       {"user", "PGUSER"},
      {"dbname", "PGDATABASE"}, {"options", "PGOPTIONS"}, {"password", "PGPASSWORD"}};
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(target_.c_str(), &error);
  ASSERT_NE(options, nullptr) << (error ? error : "");
  std::vector<std::string> set;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    auto variable = variables.find(o->keyword);
    if (o->val == nullptr || variable == variables.end()) continue;
    setenv(variable->second.c_str(), o->val, 1);
    set.push_back(variable->second);
  }
  PQconninfoFree(options);
  auto made = IngestInto("postgresql:",
                         " " + std::string(WARTA_SOURCE_DIR) + "/tests/golden/en_clash.jsonl");
  auto stats = RunWarta("stats --db postgresql:");
  for (const std::string& variable : set) unsetenv(variable.c_str());
  ASSERT_EQ(made.exit_code, 0) << made.output;
  EXPECT_NE(stats.output.find("articles 1"), std::string::npos) << stats.output;
  EXPECT_EQ(RunWarta("stats --db " + Db()).output, stats.output);  // it went into the test's schema
}

TEST_F(PostgresTest, SchemaVersionsAreRecordedUpgradedAndRefused) {
  auto made =
      IngestInto(Db(), " " + std::string(WARTA_SOURCE_DIR) + "/tests/golden/en_clash.jsonl");
  ASSERT_EQ(made.exit_code, 0) << made.output;
  EXPECT_EQ(Value("SELECT value FROM meta WHERE key = 'schema_version'"),
            std::to_string(kSchemaVersion));
  const std::string stats = RunWarta("stats --db " + Db()).output;

  // Version 4 had no ingest claims, which no reader touches: read as it is,
  // given the table by a writer.
  Sql("DROP TABLE ingest_claims; UPDATE meta SET value = '4' WHERE key = 'schema_version'");
  EXPECT_EQ(RunWarta("stats --db " + Db()).output, stats);
  EXPECT_EQ(Value("SELECT value FROM meta WHERE key = 'schema_version'"), "4");
  {
    auto store = Store::Open(target_);
    ASSERT_TRUE(store.ok()) << store.status().message();
  }
  EXPECT_EQ(Value("SELECT value FROM meta WHERE key = 'schema_version'"),
            std::to_string(kSchemaVersion));
  EXPECT_EQ(Value("SELECT COUNT(*) FROM ingest_claims"), "0");

  // Version 2 had no summary tables, no actors' places and no country names:
  // a reader is told to upgrade (warta has written PostgreSQL only from
  // version 4 on main), a writer upgrades it.
  Sql("DROP TABLE summary_events, summary_places, summary_articles, summary_totals, actor_places, "
      "ingest_claims; "
      "ALTER TABLE events DROP COLUMN place_country_name; "
      "UPDATE meta SET value = '2' WHERE key = 'schema_version'");
  EXPECT_NE(RunWarta("stats --db " + Db()).output.find("upgrade it with warta ingest"),
            std::string::npos);
  EXPECT_EQ(Value("SELECT value FROM meta WHERE key = 'schema_version'"),
            "2");  // a reader wrote nothing
  {
    auto store = Store::Open(target_);
    ASSERT_TRUE(store.ok()) << store.status().message();
  }
  EXPECT_EQ(Value("SELECT value FROM meta WHERE key = 'schema_version'"),
            std::to_string(kSchemaVersion));
  EXPECT_NE(Value("SELECT COUNT(*) FROM summary_events"), "0");
  EXPECT_EQ(RunWarta("stats --db " + Db()).output, stats);

  // A newer warta's database is refused, by readers and writers, unchanged.
  Sql("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  for (bool writing : {true, false}) {
    auto store = writing ? Store::Open(target_) : Store::OpenReadOnly(target_);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.status().message().find("newer warta (schema version 99"), std::string::npos)
        << store.status().message();
    EXPECT_NE(store.status().message().find(sql::PostgresDatabase::DisplayName(target_)),
              std::string::npos);
  }
  EXPECT_EQ(Value("SELECT value FROM meta WHERE key = 'schema_version'"), "99");
}

TEST_F(PostgresTest, AnotherProgramsTablesAreRefused) {
  auto empty = Store::OpenReadOnly(target_);
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("is empty"), std::string::npos);
  Sql("CREATE TABLE customers(id INTEGER); CREATE TABLE orders(id INTEGER)");
  auto store = Store::Open(target_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find(
                "is a PostgreSQL database but not warta's (it has tables customers, orders)"),
            std::string::npos)
      << store.status().message();
  EXPECT_EQ(Value("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" +
                  schema_ + "'"),
            "2");  // nothing added
}

TEST_F(PostgresTest, ReadOnlyConnectionsNeverWrite) {
  ASSERT_TRUE(Store::Open(target_).ok());
  auto db = sql::Database::Open(target_, {/*read_only=*/true});
  ASSERT_TRUE(db.ok()) << db.status().message();
  Status status = db.value()->Execute("CREATE TABLE written(id INTEGER)");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("read-only transaction"), std::string::npos) << status.message();
}

TEST_F(PostgresTest, ADeadlineInterruptsASlowStatement) {
  auto db = sql::Database::Open(target_);
  ASSERT_TRUE(db.ok()) << db.status().message();
  db.value()->SetDeadline(std::chrono::steady_clock::now() + std::chrono::milliseconds(100));
  auto slow = db.value()->Prepare("SELECT pg_sleep(5)");
  ASSERT_TRUE(slow.ok()) << slow.status().message();
  auto start = std::chrono::steady_clock::now();
  Status status;
  EXPECT_FALSE(slow.value()->Step(&status));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
  EXPECT_NE(status.message().find("interrupted"), std::string::npos) << status.message();
  // Without a deadline the connection runs on.
  db.value()->SetDeadline(std::chrono::steady_clock::time_point::max());
  auto quick = db.value()->Prepare("SELECT pg_sleep(0.2), 7");
  ASSERT_TRUE(quick.ok());
  ASSERT_TRUE(quick.value()->Step(&status)) << status.message();
  EXPECT_EQ(quick.value()->Int(1), 7);
}

TEST_F(PostgresTest, AStatementInterruptedByAnotherKeepsItsRows) {
  auto db = sql::Database::Open(target_);
  ASSERT_TRUE(db.ok()) << db.status().message();
  auto rows = db.value()->Prepare("SELECT generate_series(1, 1000)");
  ASSERT_TRUE(rows.ok());
  Status status;
  long long sum = 0;
  for (int i = 0; i < 10 && rows.value()->Step(&status); ++i) sum += rows.value()->Int(0);
  // Another statement in the middle: the first reads on from what was kept.
  ASSERT_TRUE(db.value()->Execute("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES(1), (2)").ok());
  EXPECT_EQ(db.value()->Changes(), 2);
  while (rows.value()->Step(&status)) sum += rows.value()->Int(0);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(sum, 500500);
}

TEST_F(PostgresTest, WatchStateRemembersPagesInTheOrderFound) {
  auto state = watch::WatchState::Open(target_, {});
  ASSERT_TRUE(state.ok()) << state.status().message();
  for (const char* url : {"https://b.example/2", "https://a.example/1", "https://c.example/3"}) {
    auto added = state.value()->AddPage(url, "https://feed.example/rss", std::nullopt);
    ASSERT_TRUE(added.ok()) << added.status().message();
    EXPECT_TRUE(added.value()) << url;
  }
  auto again = state.value()->AddPage("https://a.example/1", "https://feed.example/rss", {});
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again.value());
  ASSERT_TRUE(state.value()->MarkDone("https://b.example/2").ok());
  auto pending = state.value()->Pending();
  ASSERT_TRUE(pending.ok()) << pending.status().message();
  ASSERT_EQ(pending.value().size(), 2u);
  EXPECT_EQ(pending.value()[0].url, "https://a.example/1");
  EXPECT_EQ(pending.value()[1].url, "https://c.example/3");
}

// No server needed: what a connection that cannot be made says.
TEST(PostgresConnectionTest, ABadConnectionStringIsAClearErrorNamingIt) {
  auto store = Store::Open("postgresql://warta:secret@127.0.0.1:1/nowhere?connect_timeout=5");
  ASSERT_FALSE(store.ok());
  const std::string& message = store.status().message();
  EXPECT_NE(message.find("postgresql://warta@127.0.0.1:1/nowhere"), std::string::npos) << message;
  EXPECT_NE(message.find("cannot connect to PostgreSQL"), std::string::npos) << message;
  EXPECT_EQ(message.find("secret"), std::string::npos) << message;

  auto bad = RunWarta("query --db 'postgresql://127.0.0.1:notaport/x'");
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.output.find("postgresql://127.0.0.1:notaport/x: cannot connect to PostgreSQL"),
            std::string::npos)
      << bad.output;
}

TEST(PostgresConnectionTest, PasswordsAreLeftOutOfMessages) {
  using sql::PostgresDatabase;
  EXPECT_EQ(PostgresDatabase::DisplayName("postgresql://u:pw@host:5432/db"),
            "postgresql://u@host:5432/db");
  EXPECT_EQ(PostgresDatabase::DisplayName("postgres://host/db?password=pw&sslmode=require"),
            "postgres://host/db?sslmode=require");
  EXPECT_EQ(PostgresDatabase::DisplayName("postgresql:///db?host=/tmp&password=pw"),
            "postgresql:///db?host=/tmp");
  EXPECT_EQ(PostgresDatabase::DisplayName("postgresql:"), "postgresql:");
  EXPECT_TRUE(sql::IsPostgres("postgresql:"));
  EXPECT_TRUE(sql::IsPostgres("postgres://h/db"));
  EXPECT_FALSE(sql::IsPostgres("postgresql.db"));
  EXPECT_FALSE(sql::IsPostgres("events.db"));
}

}  // namespace
}  // namespace warta
