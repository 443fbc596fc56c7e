// Several ingests on one database at once (issue 13): each claims what it
// codes, so together they code every article once, and they store what one
// ingest stores. Which worker stores an article first may change which
// telling is an event's first (its event id, evidence, first article) and
// how rows and story ids are numbered; so what is compared is what a user
// sees whatever the order: every event's actors, code, date, kind and
// counts, the articles that tell it and the articles of its story (as sets),
// and the stats. On SQLite, and on PostgreSQL when WARTA_TEST_POSTGRES names
// a server. The names carry "Concurrent" so the ThreadSanitizer build runs them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <thread>

#include "store/database.h"
#include "store/ingest.h"
#include "store/ingest_test_support.h"
#include "store/store.h"
#include "store/store_test_support.h"

namespace warta {
namespace {

using testing::FreshPath;

// The shared corpus without repeated texts, so that "coded once each" is
// the corpus's size.
std::vector<Article> DistinctCorpus() {
  std::vector<Article> corpus;
  std::set<std::string> seen;
  for (Article& article : testing::Corpus()) {
    if (seen.insert(TextHash(article.text)).second) corpus.push_back(std::move(article));
  }
  return corpus;
}

IngestOptions Options() {
  IngestOptions options;
  options.batch = 4;
  options.store.fixed_time = 1700000000;
  return options;
}

std::string Joined(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  std::string joined;
  for (const std::string& item : items) joined += item + " ";
  return joined;
}

std::string StatsText(const StoreStats& s) {
  std::string text = std::to_string(s.articles) + " " + std::to_string(s.mentions) + " " +
                     std::to_string(s.stories) + " " + std::to_string(s.events) + " " +
                     std::to_string(s.stored_events) + "\n";
  for (const auto* list :
       {&s.by_kind, &s.by_language, &s.by_root, &s.by_month, &s.by_source, &s.by_place}) {
    for (const auto& [name, count] : *list) text += name + "=" + std::to_string(count) + " ";
    text += "\n";
  }
  return text;
}

// What a user sees, independent of the order the workers stored in.
std::string Seen(const std::string& db) {
  auto store = Store::OpenReadOnly(db);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (!store.ok()) return "";
  QueryFilter every;
  every.kinds.modalities.clear();
  every.kinds.negated.reset();
  std::vector<long long> rows;
  Status status = store.value()->Query(every, [&](const StoredEvent& e) { rows.push_back(e.row); });
  EXPECT_TRUE(status.ok()) << status.message();
  std::vector<std::string> lines;
  for (long long row : rows) {
    auto detail = store.value()->Detail(row);
    EXPECT_TRUE(detail.ok()) << detail.status().message();
    if (!detail.ok()) continue;
    const StoredEvent& s = detail.value().event;
    const Event& e = s.event;
    std::string line = e.source.code + "|" + (e.target ? e.target->code : "") + "|" + e.cameo +
                       "|" + (e.date ? e.date->ToString() : "") + "|" +
                       std::string(ModalityName(e.modality)) + "|" + std::to_string(e.negated) +
                       "|" + std::to_string(s.num_mentions) + "/" + std::to_string(s.num_articles) +
                       "/" + std::to_string(s.num_sources) + " told by: ";
    std::vector<std::string> tellers, story;
    for (const Telling& t : detail.value().mentions) tellers.push_back(t.article_id);
    for (const Telling& t : detail.value().story) story.push_back(t.article_id);
    lines.push_back(line + Joined(tellers) + "story: " + Joined(story));
  }
  auto stats = store.value()->Stats();
  EXPECT_TRUE(stats.ok()) << stats.status().message();
  return Joined(lines) + "\n" + (stats.ok() ? StatsText(stats.value()) : "");
}

// Runs `workers` ingests of `corpus` into `db` at once, each on a thread with
// connections of its own; returns how many articles they coded together.
long long IngestTogether(const std::string& db, const std::vector<Article>& corpus, int workers) {
  std::vector<Result<IngestProgress>> results(workers, Status::InvalidInput("not run"));
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      results[w] = Ingest(db, testing::SharedResources(), testing::Reading(&corpus), Options());
    });
  }
  for (std::thread& thread : threads) thread.join();
  long long coded = 0;
  for (const auto& result : results) {
    EXPECT_TRUE(result.ok()) << result.status().message();
    if (!result.ok()) continue;
    EXPECT_EQ(result.value().failed, 0);
    EXPECT_EQ(result.value().read, static_cast<long long>(corpus.size()));
    coded += result.value().coded;
  }
  return coded;
}

long long ClaimsLeft(const std::string& db) {
  auto connection = sql::Database::Open(db);
  EXPECT_TRUE(connection.ok()) << connection.status().message();
  if (!connection.ok()) return -1;
  auto count = connection.value()->Prepare("SELECT COUNT(*) FROM ingest_claims");
  EXPECT_TRUE(count.ok()) << count.status().message();
  Status status;
  return count.ok() && count.value()->Step(&status) ? count.value()->Int(0) : -1;
}

// `fresh(name)` gives an empty database named after `name`.
void CheckWorkersShareOneCorpus(const std::function<std::string(const std::string&)>& fresh) {
  std::vector<Article> corpus = DistinctCorpus();
  ASSERT_GE(corpus.size(), 40u);
  const std::string one = fresh("one");
  EXPECT_EQ(IngestTogether(one, corpus, 1), static_cast<long long>(corpus.size()));
  const std::string expected = Seen(one);
  ASSERT_NE(expected.find("story: "), std::string::npos) << expected;
  for (int workers : {2, 3}) {
    const std::string db = fresh("workers" + std::to_string(workers));
    EXPECT_EQ(IngestTogether(db, corpus, workers), static_cast<long long>(corpus.size()))
        << workers << " workers code each article once";
    EXPECT_EQ(Seen(db), expected) << workers << " workers";
    EXPECT_EQ(ClaimsLeft(db), 0) << "every claim released";
  }
}

// An article claimed by a live worker is left to it; a claim older than the
// lease (its worker was killed elsewhere) is taken over, and so is one of a
// worker on this host whose process has ended.
void CheckClaimsAreHonouredAndStaleOnesTakenOver(const std::string& db) {
  std::vector<Article> corpus = DistinctCorpus();
  corpus.resize(12);
  {
    auto store = Store::Open(db);  // the schema, then two claims as other workers left them
    ASSERT_TRUE(store.ok()) << store.status().message();
  }
  auto connection = sql::Database::Open(db);
  ASSERT_TRUE(connection.ok()) << connection.status().message();
  const std::string now = connection.value()->dialect().NowSeconds();
  char host[256] = "";
  gethostname(host, sizeof host - 1);
  // (No process has an id past Linux's largest, 2^22.)
  const std::string ended = std::string(host) + ":999999999:0";
  Status status = connection.value()->Execute(
      "INSERT INTO ingest_claims VALUES('" + TextHash(corpus[3].text) + "', 'alive', " + now +
      "), ('" + TextHash(corpus[5].text) + "', 'killed', " + now + " - 3600), ('" +
      TextHash(corpus[7].text) + "', '" + ended + "', " + now + ")");
  ASSERT_TRUE(status.ok()) << status.message();
  auto result = Ingest(db, testing::SharedResources(), testing::Reading(&corpus), Options());
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result.value().claimed_elsewhere, 1);
  EXPECT_EQ(result.value().failed, 0);
  EXPECT_EQ(result.value().coded, 11);
  auto store = Store::OpenReadOnly(db);
  ASSERT_TRUE(store.ok());
  for (size_t i = 0; i < corpus.size(); ++i) {
    auto stored = store.value()->HasArticle(corpus[i].id, TextHash(corpus[i].text));
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored.value(), i != 3) << "article " << i;
  }
  EXPECT_EQ(ClaimsLeft(db), 1) << "only the live worker's claim is left";
}

TEST(IngestWorkersConcurrentTest, TwoAndThreeWorkersStoreWhatOneStoresCodingEachArticleOnce) {
  CheckWorkersShareOneCorpus(
      [](const std::string& name) { return FreshPath("warta-workers-" + name + ".db"); });
}

TEST(IngestWorkersConcurrentTest, AClaimOfALiveWorkerIsLeftAndAStaleOneTakenOver) {
  CheckClaimsAreHonouredAndStaleOnesTakenOver(FreshPath("warta-workers-claims.db"));
}

// The same on PostgreSQL, each database a schema of its own.
class PostgresWorkersConcurrentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* base = std::getenv("WARTA_TEST_POSTGRES");
    if (base == nullptr || *base == '\0') GTEST_SKIP() << "WARTA_TEST_POSTGRES is not set";
    base_ = base;
  }
  void TearDown() override {
    for (const std::string& schema : schemas_)
      OnBase("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }
  void OnBase(const std::string& sql) {
    auto db = sql::Database::Open(base_);
    ASSERT_TRUE(db.ok()) << db.status().message();
    Status status = db.value()->Execute(sql);
    EXPECT_TRUE(status.ok()) << status.message();
  }
  std::string Fresh(const std::string& name) {
    std::string schema = "warta_workers_" + std::to_string(getpid()) + "_" + name;
    OnBase("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
    schemas_.push_back(schema);
    return base_ + (base_.find('?') == std::string::npos ? "?" : "&") +
           "options=-c%20search_path%3D" + schema;
  }

  std::string base_;
  std::vector<std::string> schemas_;
};

TEST_F(PostgresWorkersConcurrentTest, TwoAndThreeWorkersStoreWhatOneStoresCodingEachArticleOnce) {
  CheckWorkersShareOneCorpus([this](const std::string& name) { return Fresh(name); });
}

TEST_F(PostgresWorkersConcurrentTest, AClaimOfALiveWorkerIsLeftAndAStaleOneTakenOver) {
  CheckClaimsAreHonouredAndStaleOnesTakenOver(Fresh("claims"));
}

}  // namespace
}  // namespace warta
