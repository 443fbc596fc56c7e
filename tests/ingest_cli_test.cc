// `warta ingest | query | export | stats | serve` as a user runs them: a folder of
// mixed inputs with broken files, resumption after a kill, idempotence, the
// query filters and the export formats.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <array>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "store/sqlite.h"
#include "store/store.h"
#include "table_check.h"
#include "test_support.h"
#include "util/text.h"
#include "util/tsv.h"

namespace warta {
namespace {

namespace fs = std::filesystem;

using testing::CommandRun;

CommandRun Warta(const std::string& arguments) { return testing::RunWarta(arguments); }

std::string Fresh(const std::string& name) {
  std::string path = ::testing::TempDir() + name;
  fs::remove_all(path);
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(path + suffix);
  return path;
}

// The golden articles, and variants with their own text, as JSON lines.
void WriteCorpus(const std::string& path, int copies) {
  std::ofstream out(path);
  std::string dir = std::string(WARTA_SOURCE_DIR) + "/tests/golden/";
  std::vector<std::string> lines;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.find(".expected.") != std::string::npos || entry.path().extension() != ".jsonl")
      continue;
    auto text = ReadFileToString(entry.path().string());
    lines.push_back(text.value().substr(0, text.value().find('\n')));
  }
  std::sort(lines.begin(), lines.end());
  for (int copy = 0; copy < copies; ++copy) {
    for (const std::string& line : lines) {
      // A different id and a different last sentence for every copy.
      nlohmann::json article = nlohmann::json::parse(line);
      std::string id = "c";  // (built step by step: g++ 12 warns wrongly on "c" + ...)
      id += std::to_string(copy);
      id += "-";
      id += article["id"].get<std::string>();
      article["id"] = id;
      article["text"] =
          article["text"].get<std::string>() + " Salinan " + std::to_string(copy) + ".";
      out << article.dump() << "\n";
    }
  }
}

long long Count(const std::string& db, const std::string& what) {
  auto store = Store::OpenReadOnly(db);
  if (!store.ok()) return -1;
  auto stats = store.value()->Stats();
  if (!stats.ok()) return -1;
  return what == "articles" ? stats.value().articles : stats.value().events;
}

TEST(IngestCliTest, MixedFolderWithBrokenFilesIsIngestedAndReported) {
  std::string dir = Fresh("warta-corpus");
  fs::create_directories(dir + "/sub");
  fs::copy_file(std::string(WARTA_SOURCE_DIR) + "/tests/golden/id_treaty.jsonl", dir + "/a.jsonl");
  std::ofstream(dir + "/sub/b.html")
      << "<html><head><title>Uji</title><meta property=\"article:published_time\" "
         "content=\"2024-08-30T10:00:00Z\"></head><body><article><p>Presiden Indonesia "
         "mengunjungi Jepang pada hari Kamis dan memuji kerja sama kedua negara.</p></article>"
         "</body></html>";
  std::ofstream(dir + "/sub/broken.jsonl.gz") << "\x1f\x8b\x08\x00 this is not gzip at all";
  std::ofstream(dir + "/c.warc")
      << "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nshort";
  std::ofstream(dir + "/d.jsonl") << "[1,2]\n";
  std::string db = Fresh("warta-mixed.db");
  CommandRun run = Warta("ingest --db " + db + " " + dir);
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("broken.jsonl.gz"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("c.warc@0"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("d.jsonl:1: JSON line is not an object"), std::string::npos);
  EXPECT_EQ(Count(db, "articles"), 2);  // the JSON line and the HTML page
  CommandRun stats = Warta("stats --db " + db);
  EXPECT_NE(stats.output.find("articles 2"), std::string::npos) << stats.output;
}

// The articles the database holds: id -> number of events.
std::map<std::string, long long> StoredArticles(const std::string& db) {
  std::map<std::string, long long> articles;
  auto connection = sql::Database::Open(db, {/*read_only=*/true});
  if (!connection.ok()) return articles;
  auto select = sql::Statement::Prepare(connection.value().get(),
                                        "SELECT id, num_events FROM articles ORDER BY id");
  Status status;
  while (select.ok() && select.value()->Step(&status)) {
    articles[select.value()->Text(0)] = select.value()->Int(1);
  }
  return articles;
}

// Issue 11: `day1/0001.txt` and `day2/0001.txt` were "the same article", the
// second reported as already stored.
TEST(IngestCliTest, FilesOfTheSameNameInTwoFoldersAreTwoArticles) {
  std::string dir = Fresh("warta-days");
  fs::create_directories(dir + "/day1");
  fs::create_directories(dir + "/day2");
  std::ofstream(dir + "/day1/0001.txt")
      << "Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Bogor.\n";
  std::ofstream(dir + "/day2/0001.txt") << "Polisi menangkap 12 mahasiswa di Makassar.\n";
  std::string db = Fresh("warta-days.db");
  CommandRun first = Warta("ingest --db " + db + " " + dir + "/day1");
  EXPECT_NE(first.output.find("1 stored, 0 already stored"), std::string::npos) << first.output;
  CommandRun second = Warta("ingest --db " + db + " " + dir + "/day2/");
  EXPECT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("1 stored, 0 already stored"), std::string::npos) << second.output;
  auto stored = StoredArticles(db);
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_GT(stored["day1/0001.txt"], 0);
  EXPECT_GT(stored["day2/0001.txt"], 0);
  // Both again, from the folder above: nothing twice.
  CommandRun again = Warta("ingest --db " + db + " " + dir);
  EXPECT_NE(again.output.find("0 stored, 2 already stored"), std::string::npos) << again.output;

  // Given by themselves, both files go by "0001.txt": the second text keeps
  // its own id, and its events are stored too.
  std::string by_name = Fresh("warta-days-by-name.db");
  CommandRun files =
      Warta("ingest --db " + by_name + " " + dir + "/day1/0001.txt " + dir + "/day2/0001.txt");
  EXPECT_NE(files.output.find("2 stored, 0 already stored"), std::string::npos) << files.output;
  stored = StoredArticles(by_name);
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored.begin()->first, "0001.txt");
  EXPECT_TRUE(std::next(stored.begin())->first.starts_with("0001.txt#"));
  EXPECT_GT(std::next(stored.begin())->second, 0);
  CommandRun query = Warta("query --db " + by_name + " --code 173 --format jsonl");
  EXPECT_NE(query.output.find("\"article_id\":\"0001.txt#"), std::string::npos) << query.output;
  CommandRun files_again =
      Warta("ingest --db " + by_name + " " + dir + "/day2/0001.txt " + dir + "/day1/0001.txt");
  EXPECT_NE(files_again.output.find("0 stored, 2 already stored"), std::string::npos)
      << files_again.output;
}

// Issue 11: an unreadable date dropped the article; a corrupt gzip member lost
// the rest of the archive.
TEST(IngestCliTest, UnreadableDatesAndCorruptMembersLoseNothingElse) {
  std::string dir = Fresh("warta-keep");
  fs::create_directories(dir);
  std::ofstream(dir + "/a.jsonl")
      << "{\"id\":1,\"published\":\"kemarin sore\",\"text\":\"Polisi menangkap 12 "
         "mahasiswa di Makassar.\"}\n"
         "{\"id\":2,\"published\":\"08/01/2024\",\"text\":\"Presiden Joko Widodo bertemu "
         "Perdana Menteri Malaysia di Bogor.\"}\n";
  // Three JSON lines, one gzip member each; the middle one corrupt.
  std::string gz;
  std::vector<std::string> lines = {
      "{\"id\":\"g1\",\"text\":\"Tentara Israel menyerang Gaza.\"}\n",
      "{\"id\":\"g2\",\"text\":\"Presiden Prancis mengunjungi Indonesia.\"}\n",
      "{\"id\":\"g3\",\"text\":\"Menteri Luar Negeri Jepang bertemu Menteri Luar Negeri "
      "China.\"}\n"};
  size_t checksum_end = 0;  // of the middle member's CRC-32
  for (const std::string& line : lines) {
    std::string member(compressBound(line.size()) + 32, '\0');
    z_stream stream{};
    deflateInit2(&stream, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(line.data()));
    stream.avail_in = static_cast<uInt>(line.size());
    stream.next_out = reinterpret_cast<Bytef*>(member.data());
    stream.avail_out = static_cast<uInt>(member.size());
    deflate(&stream, Z_FINISH);
    member.resize(stream.total_out);
    deflateEnd(&stream);
    if (&line == &lines[1]) checksum_end = gz.size() + member.size() - 4;
    gz += member;
  }
  gz[checksum_end - 2] = static_cast<char>(~gz[checksum_end - 2]);
  std::ofstream(dir + "/b.jsonl.gz", std::ios::binary) << gz;
  std::string db = Fresh("warta-keep.db");
  CommandRun run = Warta("ingest --db " + db + " " + dir);
  EXPECT_EQ(run.exit_code, 1) << run.output;  // the corrupt member failed
  EXPECT_NE(run.output.find("a.jsonl:1: publication date \"kemarin sore\" not understood"),
            std::string::npos)
      << run.output;
  EXPECT_NE(
      run.output.find("b.jsonl.gz: corrupt gzip data at byte " + std::to_string(checksum_end) +
                      " (incorrect data check); skipped to the next gzip member at byte " +
                      std::to_string(checksum_end + 4)),
      std::string::npos)
      << run.output;
  auto stored = StoredArticles(db);
  for (const char* id : {"1", "2", "g1", "g3"}) EXPECT_EQ(stored.count(id), 1u) << id;
  EXPECT_EQ(stored.count("g2"), 0u);
}

TEST(IngestCliTest, KilledIngestResumesWithNothingLostAndNothingTwice) {
  std::string corpus = Fresh("warta-resume.jsonl");
  WriteCorpus(corpus, 500);  // 3000 articles
  std::string clean = Fresh("warta-clean.db");
  ASSERT_EQ(Warta("ingest --batch 20 --db " + clean + " " + corpus).exit_code, 0);
  long long articles = Count(clean, "articles"), events = Count(clean, "events");
  ASSERT_EQ(articles, 3000);

  std::string db = Fresh("warta-killed.db");
  pid_t child = fork();
  if (child == 0) {
    execl(WARTA_BINARY, WARTA_BINARY, "ingest", "--batch", "20", "--db", db.c_str(), corpus.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill it once some batches are stored, in the middle of the run.
  for (int i = 0; i < 400; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    if (fs::exists(db) && Count(db, "articles") >= 40) break;
  }
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  long long partial = Count(db, "articles");
  EXPECT_GT(partial, 0);
  EXPECT_LT(partial, 3000) << "the run should have been killed before the end";
  CommandRun again = Warta("ingest --batch 20 --db " + db + " " + corpus);
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(Count(db, "articles"), articles);
  EXPECT_EQ(Count(db, "events"), events);
  // And once more: everything is skipped.
  CommandRun idle = Warta("ingest --db " + db + " " + corpus);
  EXPECT_NE(idle.output.find("0 stored, 3000 already stored"), std::string::npos) << idle.output;
  EXPECT_EQ(Count(db, "events"), events);
}

// Issue 13: two `warta ingest` processes on one file at once (claiming what
// they code: workers_test.cc checks that each article is coded once) store
// what one stores, each article once.
TEST(IngestCliTest, TwoIngestProcessesShareTheCorpusAndStoreWhatOneDoes) {
  std::string corpus = Fresh("warta-two.jsonl");
  WriteCorpus(corpus, 40);
  std::string one = Fresh("warta-two-one.db"), both = Fresh("warta-two-both.db");
  ASSERT_EQ(Warta("ingest --batch 10 --db " + one + " " + corpus).exit_code, 0);
  std::string ingest =
      std::string(WARTA_BINARY) + " ingest --batch 10 --db " + both + " " + corpus + " 2>" + both;
  std::string run = "(" + ingest + ".1.log & " + ingest + ".2.log; wait)";
  ASSERT_EQ(std::system(run.c_str()), 0) << run;
  EXPECT_EQ(Warta("stats --db " + both).output, Warta("stats --db " + one).output);
  EXPECT_EQ(Warta("stats --db " + both + " --modality any --negated any").output,
            Warta("stats --db " + one + " --modality any --negated any").output);
  // Between them they stored each article once.
  long long stored = 0;
  for (const char* log : {".1.log", ".2.log"}) {
    std::string output = ReadFileToString(both + log).value();
    output.erase(0, output.rfind('\r') + 1);
    stored += std::atoll(output.substr(output.find(" read, ") + 7).c_str());
  }
  EXPECT_EQ(stored, Count(one, "articles"));
}

TEST(IngestCliTest, QueryFiltersAndExportFormats) {
  std::string corpus = Fresh("warta-query.jsonl");
  WriteCorpus(corpus, 1);
  std::string db = Fresh("warta-query.db");
  ASSERT_EQ(Warta("ingest --jobs 2 --db " + db + " " + corpus).exit_code, 0);
  CommandRun table =
      Warta("query --db " + db + " --dyad ARM:AZE --from 2022-01-01 --root 11,19 --format table");
  EXPECT_EQ(table.exit_code, 0);
  EXPECT_EQ(table.output.rfind("DATE", 0), 0u);
  EXPECT_NE(table.output.find("ARM"), std::string::npos) << table.output;
  EXPECT_NE(table.output.find("ART/SRC  EVIDENCE"), std::string::npos) << table.output;
  testing::ExpectColumnsApart(table.output);
  testing::ExpectColumnsApart(Warta("query --db " + db + " --format table").output);
  CommandRun csv = Warta("query --db " + db + " --actor IDN --format csv");
  EXPECT_EQ(csv.output.rfind("event_id,date", 0), 0u);
  EXPECT_GT(std::count(csv.output.begin(), csv.output.end(), '\n'), 2);
  CommandRun gdelt = Warta("export --db " + db + " --format gdelt");
  size_t lines = 0;
  for (const std::string& line : Split(gdelt.output, '\n')) {
    if (line.empty()) continue;
    EXPECT_EQ(Split(line, '\t').size(), 61u) << line;
    ++lines;
  }
  EXPECT_GT(lines, 20u);
  CommandRun jsonl = Warta("export --db " + db);
  EXPECT_NE(jsonl.output.find("\"num_articles\":"), std::string::npos);
  // Bad requests: clear messages, exit 2.
  EXPECT_EQ(Warta("query --db " + db + " --dyad ARM").exit_code, 2);
  EXPECT_EQ(Warta("query --db " + db + " --from yesterday").exit_code, 2);
  EXPECT_EQ(Warta("query --db " + db + " --root 4x").exit_code, 2);
  EXPECT_EQ(Warta("query --db " + db + " --format xml").exit_code, 2);
  CommandRun missing = Warta("query --db /nonexistent/x.db");
  EXPECT_NE(missing.output.find("no such database"), std::string::npos);
}

// The GDELT export and the default query hold only what the text reports as
// having happened; the rest is one flag away, and a bad flag value is refused
// by name.
TEST(IngestCliTest, NegatedAllegedAndIntendedEventsAreOnlyBehindFlags) {
  std::string corpus = Fresh("warta-kinds.jsonl");
  std::ofstream(corpus)
      << R"({"id": "kinds", "published": "2024-03-06", "text": "China did not attack Taiwan )"
      << R"(on Tuesday.\n\nIsrael reportedly attacked Iran on Tuesday.\n\nJapan condemned )"
      << R"(North Korea on Tuesday."})"
      << "\n";
  std::string db = Fresh("warta-kinds.db");
  ASSERT_EQ(Warta("ingest --db " + db + " " + corpus).exit_code, 0);
  CommandRun gdelt = Warta("export --db " + db + " --format gdelt");
  ASSERT_EQ(gdelt.exit_code, 0) << gdelt.output;
  EXPECT_EQ(gdelt.output.find("\tCHN\t"), std::string::npos) << gdelt.output;
  EXPECT_EQ(gdelt.output.find("\tISR\t"), std::string::npos) << gdelt.output;
  EXPECT_NE(gdelt.output.find("\tJPN\t"), std::string::npos) << gdelt.output;
  CommandRun query = Warta("query --db " + db + " --format jsonl");
  EXPECT_EQ(query.output.find("\"CHN\""), std::string::npos) << query.output;
  CommandRun negated = Warta("query --db " + db + " --format jsonl --negated yes");
  EXPECT_NE(negated.output.find("\"source\":{\"code\":\"CHN\""), std::string::npos)
      << negated.output;
  EXPECT_EQ(std::count(negated.output.begin(), negated.output.end(), '\n'), 1);
  CommandRun alleged = Warta("export --db " + db + " --format csv --modality alleged");
  EXPECT_NE(alleged.output.find("ISR"), std::string::npos) << alleged.output;
  CommandRun everything =
      Warta("query --db " + db + " --format jsonl --modality any --negated any");
  EXPECT_EQ(std::count(everything.output.begin(), everything.output.end(), '\n'), 3)
      << everything.output;
  CommandRun stats = Warta("stats --db " + db);
  EXPECT_NE(stats.output.find("events 1 (asserted, not negated"), std::string::npos)
      << stats.output;
  EXPECT_NE(stats.output.find("stored events 3"), std::string::npos) << stats.output;

  for (auto [flags, message] :
       {std::pair{"--modality maybe", "--modality must be"},
        {"--negated perhaps", "--negated must be no, yes or any"},
        {"--dyad A:B:C", "--dyad must be A:B"},
        {"--root 99", "--root takes CAMEO roots"},
        {"--code 04x", "--code takes CAMEO codes"},
        {"--lang fr", "--lang must be id or en"},
        {"--quad 5", "--quad must be 1, 2, 3 or 4"},
        {"--from 2024-3-6", "--from must be a date"},
        {"--limit -1", "--limit must be a number"},
        {"--actor \"$(printf 'a\\001b')\"", "--actor must not hold control characters"}}) {
    CommandRun bad = Warta("query --db " + db + " " + flags);
    EXPECT_EQ(bad.exit_code, 2) << flags;
    EXPECT_NE(bad.output.find(message), std::string::npos) << flags << ": " << bad.output;
  }
  CommandRun bad_stats = Warta("stats --db " + db + " --negated maybe");
  EXPECT_EQ(bad_stats.exit_code, 2);
  EXPECT_NE(bad_stats.output.find("--negated must be"), std::string::npos) << bad_stats.output;
}

// Statements are events (root 01) and count; --statements no leaves them out
// of query, export and stats, and a value other than yes or no is refused by
// name. The article is the dev set's id-dev-40, where Trump's letter to
// Prabowo "yang menyatakan tarif 32 persen akan tetap diberlakukan" is a 010.
TEST(IngestCliTest, StatementsNoLeavesOutRoot01) {
  auto dev = ReadFileToString(std::string(WARTA_SOURCE_DIR) + "/eval/dev/id.articles.jsonl");
  ASSERT_TRUE(dev.ok());
  std::string corpus = Fresh("warta-statements.jsonl");
  for (const std::string& line : Split(dev.value(), '\n')) {
    if (line.find("\"id-dev-40\"") != std::string::npos) std::ofstream(corpus) << line << "\n";
  }
  std::string db = Fresh("warta-statements.db");
  ASSERT_EQ(Warta("ingest --db " + db + " " + corpus).exit_code, 0);
  auto lines = [](const std::string& text) { return std::count(text.begin(), text.end(), '\n'); };
  CommandRun all = Warta("query --db " + db + " --format jsonl");
  ASSERT_EQ(all.exit_code, 0) << all.output;
  ASSERT_NE(all.output.find("\"cameo\":\"010\""), std::string::npos) << all.output;
  EXPECT_EQ(Warta("query --db " + db + " --format jsonl --statements yes").output, all.output);
  CommandRun acts = Warta("query --db " + db + " --format jsonl --statements no");
  ASSERT_EQ(acts.exit_code, 0) << acts.output;
  EXPECT_EQ(acts.output.find("\"cameo_root\":\"01\""), std::string::npos) << acts.output;
  EXPECT_EQ(lines(acts.output), lines(all.output) - 1) << acts.output;
  CommandRun csv = Warta("export --db " + db + " --format csv --statements no");
  EXPECT_EQ(lines(csv.output), lines(acts.output) + 1) << csv.output;  // and the header
  EXPECT_EQ(csv.output.find(",010,"), std::string::npos) << csv.output;
  CommandRun stats = Warta("stats --db " + db + " --statements no");
  EXPECT_NE(stats.output.find("events " + std::to_string(lines(acts.output)) +
                              " (asserted, not negated, without statements"),
            std::string::npos)
      << stats.output;
  EXPECT_EQ(stats.output.find("\n  01\t"), std::string::npos) << stats.output;
  EXPECT_NE(Warta("stats --db " + db).output.find("\n  01\t1\n"), std::string::npos);

  for (const char* command : {"query", "export", "stats"}) {
    for (const char* bad : {"maybe", "false", "any", "NO"}) {
      CommandRun run = Warta(std::string(command) + " --db " + db + " --statements " + bad);
      EXPECT_EQ(run.exit_code, 2) << command << " " << bad << ": " << run.output;
      EXPECT_NE(run.output.find("--statements must be yes or no"), std::string::npos)
          << command << " " << bad << ": " << run.output;
    }
  }
  EXPECT_EQ(Warta("query --db " + db + " --statements").exit_code, 2);  // needs a value
}

}  // namespace
}  // namespace warta

namespace warta {
namespace {

// `warta serve` refuses what it cannot serve, before listening, with exit 2.
TEST(ServeCliTest, BadDatabasePortOrWebFolderIsAClearError) {
  CommandRun missing = testing::RunWarta("serve --db " + ::testing::TempDir() + "nowhere.db");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.output.find("no such database"), std::string::npos) << missing.output;

  std::string text = ::testing::TempDir() + "serve-not-a-db.txt";
  std::ofstream(text) << "not a database\n";
  CommandRun not_db = testing::RunWarta("serve --db " + text + " --port 0");
  EXPECT_EQ(not_db.exit_code, 2);
  EXPECT_NE(not_db.output.find("not a warta event database"), std::string::npos) << not_db.output;

  CommandRun port = testing::RunWarta("serve --db " + text + " --port 70000");
  EXPECT_EQ(port.exit_code, 2);
  EXPECT_NE(port.output.find("--port must be a number from 0 to 65535"), std::string::npos);

  CommandRun web = testing::RunWarta("serve --db " + text + " --web /nonexistent");
  EXPECT_EQ(web.exit_code, 2);
  EXPECT_NE(web.output.find("index.html: missing"), std::string::npos) << web.output;
}

}  // namespace
}  // namespace warta
