// The database commands where users met trouble (issue 11, "Nothing lost,
// nothing distorted"): another program's file, a database the user may not
// write, two ingests at once, --jobs, a port already in use. Tests whose
// names carry "Concurrent" also run under ThreadSanitizer (scripts/test).
#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "test_support.h"
#include "util/text.h"
#include "util/tsv.h"

extern char** environ;

namespace warta {
namespace {

namespace fs = std::filesystem;
using testing::CommandRun;

std::string Fresh(const std::string& name) {
  std::string path = ::testing::TempDir() + name;
  std::error_code error;
  fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, error);
  fs::remove_all(path);
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(path + suffix);
  return path;
}

std::string Bytes(const std::string& path) {
  auto bytes = ReadFileToString(path);
  return bytes.ok() ? bytes.value() : "(unreadable)";
}

std::string Golden(const std::string& name) {
  return std::string(WARTA_SOURCE_DIR) + "/tests/golden/" + name;
}

// A database of the six golden articles.
std::string GoldenDatabase(const std::string& name) {
  std::string db = Fresh(name);
  std::string inputs;
  for (const char* file :
       {"id_treaty", "id_protest", "id_election", "en_treaty", "en_clash", "en_sanctions"}) {
    inputs += ' ';  // (appended step by step: g++ 12 warns wrongly on " " + ...)
    inputs += Golden(std::string(file) + ".jsonl");
  }
  CommandRun run = testing::RunWarta("ingest --db " + db + inputs);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  return db;
}

// The web page's files, as placeholders: `serve` needs them to start.
std::string FakeWebFolder() {
  std::string dir = Fresh("warta-fake-web");
  for (const char* file :
       {"index.html", "app.js", "style.css", "node_modules/chart.js/dist/chart.umd.js",
        "node_modules/cytoscape/dist/cytoscape.min.js", "map.js",
        "node_modules/topojson-client/dist/topojson-client.min.js",
        "node_modules/world-atlas/countries-50m.json"}) {
    fs::create_directories(fs::path(dir + "/" + file).parent_path());
    std::ofstream(dir + "/" + file) << "/* placeholder */\n";
  }
  return dir;
}

// A running warta: standard output and error through one pipe; stopped and
// reaped when it goes out of scope.
class Child {
 public:
  struct Options {
    std::string binary = WARTA_BINARY;
    std::vector<std::string> environment;  // NAME=VALUE added to ours
    bool unprivileged = false;             // as "nobody" when the test runs as root
  };

  Child(const std::vector<std::string>& arguments, const Options& options) {
    std::vector<std::string> strings = {options.binary};
    strings.insert(strings.end(), arguments.begin(), arguments.end());
    std::vector<std::string> environment(options.environment);
    for (char** variable = environ; *variable != nullptr; ++variable) {
      environment.push_back(*variable);
    }
    std::vector<char*> argv, envp;
    for (std::string& s : strings) argv.push_back(s.data());
    for (std::string& s : environment) envp.push_back(s.data());
    argv.push_back(nullptr);
    envp.push_back(nullptr);
    uid_t uid = 0;
    gid_t gid = 0;
    bool drop = options.unprivileged && geteuid() == 0;
    if (drop) {
      const passwd* nobody = getpwnam("nobody");
      uid = nobody ? nobody->pw_uid : 65534;
      gid = nobody ? nobody->pw_gid : 65534;
    }
    int fds[2];
    EXPECT_EQ(pipe(fds), 0);
    pid_ = fork();
    if (pid_ == 0) {  // only async-signal-safe calls from here to exec
      dup2(fds[1], 1);
      dup2(fds[1], 2);
      close(fds[0]);
      close(fds[1]);
      if (drop && (setgroups(0, nullptr) != 0 || setgid(gid) != 0 || setuid(uid) != 0)) _exit(126);
      execve(argv[0], argv.data(), envp.data());
      _exit(127);
    }
    close(fds[1]);
    out_ = fds[0];
  }
  ~Child() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) close(out_);
  }

  // Reads until `text` has been printed or `seconds` have passed.
  bool WaitFor(const std::string& text, int seconds = 60) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (output_.find(text) == std::string::npos) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || !ReadSome(static_cast<int>(left.count()))) return false;
    }
    return true;
  }
  // Signals it (SIGTERM stops serve), reads what is left and returns the
  // exit code; -1 (after killing it) when it has not ended within `seconds`.
  int Finish(int signal = 0, int seconds = 300) {
    if (signal != 0) kill(pid_, signal);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    int status = 0;
    while (waitpid(pid_, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
        return -1;
      }
      ReadSome(50);
    }
    pid_ = -1;
    while (ReadSome(0)) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  const std::string& output() const { return output_; }

 private:
  bool ReadSome(int timeout_ms) {
    pollfd ready{out_, POLLIN, 0};
    if (poll(&ready, 1, timeout_ms) <= 0) return false;
    char buffer[4096];
    ssize_t n = read(out_, buffer, sizeof buffer);
    if (n <= 0) return false;
    output_.append(buffer, static_cast<size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int out_ = -1;
  std::string output_;
};

// `warta serve` on a free port; the port once it listens.
int StartServe(Child* child) {
  if (!child->WaitFor("(Ctrl-C stops)")) {
    ADD_FAILURE() << "serve did not start: " << child->output();
    return 0;
  }
  const std::string& out = child->output();
  size_t colon = out.find(':', out.find("http://") + 7);
  return std::atoi(out.c_str() + colon + 1);
}

// Issue 11: ingesting into another program's database added warta's tables to it.
TEST(StoreCliTest, AFileThatIsNotAWartaDatabaseIsRefusedAndLeftAsItWas) {
  std::string foreign = Fresh("warta-cli-foreign.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(foreign.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "CREATE TABLE foo(x); CREATE TABLE bar(y);", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  std::string text = Fresh("warta-cli-notes.txt");
  std::ofstream(text) << "my notes\n";
  const std::map<std::string, std::string> expected = {
      {foreign, foreign + " is an SQLite database but not warta's (it has tables bar, foo)"},
      {text, text + " is not an SQLite database, so not a warta event database"}};
  for (const auto& [file, message] : expected) {
    std::string before = Bytes(file);
    CommandRun ingest = testing::RunWarta("ingest --db " + file + " " + Golden("id_treaty.jsonl"));
    EXPECT_EQ(ingest.exit_code, 2) << ingest.output;
    EXPECT_NE(ingest.output.find("warta: " + message), std::string::npos) << ingest.output;
    for (const char* reading : {"stats", "query", "export"}) {
      CommandRun read = testing::RunWarta(std::string(reading) + " --db " + file);
      EXPECT_EQ(read.exit_code, 2) << read.output;
      EXPECT_NE(read.output.find("warta: " + message), std::string::npos) << read.output;
    }
    EXPECT_EQ(Bytes(file), before);
    EXPECT_FALSE(fs::exists(file + "-wal"));
  }
  CommandRun refused =
      testing::RunWarta("ingest --db " + foreign + " " + Golden("id_treaty.jsonl"));
  EXPECT_NE(refused.output.find("; refusing to add tables to it"), std::string::npos);
}

// Issue 11: `warta stats` on a database the user may not write failed with
// "attempt to write a readonly database", and `serve` called it "not a warta
// event database". As root (whom permissions do not stop) the commands run
// as "nobody", from a copy of the binary that user can reach.
TEST(StoreCliTest, ReadingCommandsWorkOnADatabaseTheUserMayNotWrite) {
  // The tests' own folder is private (0700): this one is open to the reader.
  char pattern[] = "/tmp/warta-read-only-XXXXXX";
  ASSERT_NE(mkdtemp(pattern), nullptr);
  const std::string base = pattern;
  struct Cleanup {
    std::string dir;
    ~Cleanup() {
      std::error_code error;
      for (const auto& entry : fs::recursive_directory_iterator(dir, error)) {
        fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, error);
      }
      fs::remove_all(dir, error);
    }
  } cleanup{base};
  const fs::perms readable = fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read;
  const fs::perms open_folder =
      readable | fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec;
  const std::string folder = base + "/read-only", db = folder + "/events.db";
  const std::string binary = base + "/warta", web = base + "/web";
  fs::create_directories(folder);
  fs::copy_file(GoldenDatabase("warta-read-only-source.db"), db);
  fs::copy_file(WARTA_BINARY, binary);
  fs::copy(FakeWebFolder(), web, fs::copy_options::recursive);
  fs::permissions(base, open_folder | fs::perms::owner_write);
  for (const auto& entry : fs::recursive_directory_iterator(web)) {
    fs::permissions(entry.path(), entry.is_directory() ? open_folder : readable);
  }
  fs::permissions(web, open_folder);
  fs::permissions(binary, open_folder);
  fs::permissions(db, readable);
  fs::permissions(folder, open_folder);
  std::string before = Bytes(db);
  Child::Options as_reader;
  as_reader.binary = binary;
  as_reader.unprivileged = true;
  auto run = [&](std::vector<std::string> arguments) {
    Child child(arguments, as_reader);
    int code = child.Finish();
    return CommandRun{code, child.output()};
  };
  CommandRun stats = run({"stats", "--db", db});
  EXPECT_EQ(stats.exit_code, 0) << stats.output;
  EXPECT_NE(stats.output.find("articles 6"), std::string::npos) << stats.output;
  CommandRun query = run({"query", "--db", db, "--format", "csv", "--actor", "IDN"});
  EXPECT_EQ(query.exit_code, 0) << query.output;
  EXPECT_GT(std::count(query.output.begin(), query.output.end(), '\n'), 2);
  CommandRun gdelt = run({"export", "--db", db, "--format", "gdelt"});
  EXPECT_EQ(gdelt.exit_code, 0) << gdelt.output;

  Child serve({"serve", "--db", db, "--web", web, "--port", "0"}, as_reader);
  int port = StartServe(&serve);
  ASSERT_GT(port, 0);
  httplib::Client client("127.0.0.1", port);
  auto answer = client.Get("/api/stats");
  ASSERT_TRUE(answer) << "no answer";
  EXPECT_EQ(answer->status, 200) << answer->body;
  EXPECT_EQ(nlohmann::json::parse(answer->body)["articles"], 6) << answer->body;
  EXPECT_EQ(serve.Finish(SIGTERM), 0) << serve.output();

  EXPECT_EQ(Bytes(db), before);
  EXPECT_EQ(std::distance(fs::directory_iterator(folder), fs::directory_iterator()), 1)
      << "nothing was created beside it";

  // As a killed ingest leaves it: a story still in the write-ahead log.
  const std::string killed = base + "/killed", killed_db = killed + "/events.db";
  fs::create_directories(killed);
  std::string source = GoldenDatabase("warta-killed-source.db");
  sqlite3* writer = nullptr;
  ASSERT_EQ(sqlite3_open(source.c_str(), &writer), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(writer,
                         "PRAGMA wal_autocheckpoint=0; "
                         "BEGIN; INSERT INTO stories(first_published) VALUES('2024-01-01'); "
                         "UPDATE summary_totals SET value = value + 1 WHERE name = 'stories'; "
                         "COMMIT",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  for (const char* suffix : {"", "-wal", "-shm"}) {
    fs::copy_file(source + suffix, killed_db + suffix);
    fs::permissions(killed_db + suffix, readable);
  }
  sqlite3_close(writer);
  fs::permissions(killed, open_folder);
  CommandRun pending = run({"stats", "--db", killed_db});
  EXPECT_EQ(pending.exit_code, 0) << pending.output;
  EXPECT_NE(pending.output.find("stories 7\n"), std::string::npos) << pending.output;
}

// Issue 11: a second ingest died with "database is locked" and exit 2.
TEST(StoreCliTest, AnIngestThatCannotGetTheDatabaseSaysAnotherProcessHasItAndExits1) {
  std::string db = GoldenDatabase("warta-cli-locked.db");
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  Child::Options impatient;  // the default wait is 30 s
  impatient.environment = {"WARTA_BUSY_TIMEOUT_MS=300"};
  Child ingest({"ingest", "--db", db, testing::SharedDir() + "/dev/id-sentences.jsonl"}, impatient);
  int code = ingest.Finish();
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  EXPECT_EQ(code, 1) << ingest.output();
  EXPECT_NE(ingest.output().find("warta: " + db +
                                 " is locked: another process is writing to it (waited 300 ms)"),
            std::string::npos)
      << ingest.output();
  impatient.environment = {"WARTA_BUSY_TIMEOUT_MS=soon"};
  Child bad({"ingest", "--db", db, Golden("id_treaty.jsonl")}, impatient);
  EXPECT_EQ(bad.Finish(), 2);
  EXPECT_NE(bad.output().find("WARTA_BUSY_TIMEOUT_MS must be"), std::string::npos);
}

// The golden articles, copied `copies` times with their own ids and endings.
std::string CopiedCorpus(const std::string& name, int copies) {
  std::string path = Fresh(name);
  std::ofstream out(path);
  for (int copy = 0; copy < copies; ++copy) {
    for (const char* file :
         {"en_clash", "en_sanctions", "en_treaty", "id_election", "id_protest", "id_treaty"}) {
      std::string text = ReadFileToString(Golden(std::string(file) + ".jsonl")).value();
      nlohmann::json article = nlohmann::json::parse(text.substr(0, text.find('\n')));
      std::string id = article["id"].get<std::string>() + "-" + std::to_string(copy);
      article["id"] = id;
      article["text"] = article["text"].get<std::string>() + " Salinan " + std::to_string(copy);
      if (copy % 3 == 1) article.erase("source");
      if (copy % 3 == 2) article["url"] = "https://www.outlet" + std::to_string(copy) + ".example/";
      out << article.dump() << "\n";
    }
  }
  return path;
}

// Issue 11: two ingests at once: the second must wait its turn, not die.
TEST(StoreCliTest, TwoIngestsAtOnceBothFinishAndStoreEachArticleOnce) {
  std::string corpus = CopiedCorpus("warta-cli-together.jsonl", 100);
  std::string db = Fresh("warta-cli-together.db");
  Child first({"ingest", "--batch", "10", "--db", db, corpus}, {});
  Child second({"ingest", "--batch", "10", "--db", db, corpus}, {});
  EXPECT_EQ(first.Finish(), 0) << first.output();
  EXPECT_EQ(second.Finish(), 0) << second.output();
  CommandRun stats = testing::RunWarta("stats --db " + db);
  EXPECT_NE(stats.output.find("articles 600\n"), std::string::npos) << stats.output;
}

// Issue 11: `--jobs 2` changed story ids, rows (GDELT's GlobalEventID, the
// page's /api/event/ROW links) and event ids between identical runs.
TEST(IngestConcurrentCliTest, TheNumberOfJobsDoesNotChangeWhatIsStored) {
  std::string corpus = CopiedCorpus("warta-cli-jobs.jsonl", 8);
  {
    std::ofstream out(corpus, std::ios::app);
    std::string dev = ReadFileToString(testing::SharedDir() + "/dev/id-sentences.jsonl").value();
    out << dev.substr(0, dev.find('\n', dev.size() / 4) + 1);
  }
  Child::Options reproducible;
  reproducible.environment = {"SOURCE_DATE_EPOCH=1700000000"};
  std::string first_gdelt, first_jsonl;
  for (const char* jobs : {"1", "4", "2"}) {
    std::string db = Fresh(std::string("warta-cli-jobs-") + jobs + ".db");
    Child ingest({"ingest", "--jobs", jobs, "--batch", "7", "--db", db, corpus}, reproducible);
    ASSERT_EQ(ingest.Finish(), 0) << ingest.output();
    Child gdelt({"export", "--db", db, "--format", "gdelt"}, {});
    Child jsonl({"query", "--db", db, "--format", "jsonl"}, {});
    ASSERT_EQ(gdelt.Finish(), 0) << gdelt.output();
    ASSERT_EQ(jsonl.Finish(), 0) << jsonl.output();
    if (first_gdelt.empty()) {
      first_gdelt = gdelt.output();
      first_jsonl = jsonl.output();
      EXPECT_NE(first_gdelt.find("\t20231114221320\t"), std::string::npos) << "DATEADDED, fixed";
      EXPECT_GT(std::count(first_jsonl.begin(), first_jsonl.end(), '\n'), 50);
      continue;
    }
    EXPECT_TRUE(gdelt.output() == first_gdelt) << "--jobs " << jobs << " changed the GDELT export";
    EXPECT_TRUE(jsonl.output() == first_jsonl) << "--jobs " << jobs << " changed the events";
  }
}

// Issue 11: a second `serve` on a port in use started anyway, and the two
// split the requests between them.
TEST(ServeCliTest, APortInUseIsRefused) {
  std::string db = GoldenDatabase("warta-cli-port.db");
  std::string web = FakeWebFolder();
  Child first({"serve", "--db", db, "--web", web, "--port", "0"}, {});
  int port = StartServe(&first);
  ASSERT_GT(port, 0);
  Child second({"serve", "--db", db, "--web", web, "--port", std::to_string(port)}, {});
  bool listening = second.WaitFor("(Ctrl-C stops)", 10);
  int code = second.Finish(listening ? SIGTERM : 0);
  EXPECT_FALSE(listening) << second.output();
  EXPECT_EQ(code, 2);
  EXPECT_NE(
      second.output().find("warta: port " + std::to_string(port) + " is in use by another program"),
      std::string::npos)
      << second.output();
  EXPECT_EQ(first.Finish(SIGTERM), 0) << first.output();
}

// A signal that came just after `serve` said it listened was lost (the
// server was not running yet), and later ones were never taken.
TEST(ServeCliTest, ASignalRightAfterListeningStopsIt) {
  std::string db = GoldenDatabase("warta-cli-signal.db");
  std::string web = FakeWebFolder();
  for (int round = 0; round < 10; ++round) {
    Child serve({"serve", "--db", db, "--web", web, "--port", "0"}, {});
    ASSERT_TRUE(serve.WaitFor("(Ctrl-C stops)")) << serve.output();
    EXPECT_EQ(serve.Finish(SIGTERM, 20), 0) << "round " << round << ": " << serve.output();
  }
}

// Many requests at once, each answered as it is alone; under ThreadSanitizer
// the server must report no race (it would exit 66).
TEST(ServeConcurrentTest, ParallelRequestsAreAnsweredAsOneAtATime) {
  std::string db = GoldenDatabase("warta-cli-parallel.db");
  Child serve({"serve", "--db", db, "--web", FakeWebFolder(), "--port", "0", "--threads", "3"}, {});
  int port = StartServe(&serve);
  ASSERT_GT(port, 0);
  const std::vector<std::string> paths = {"/api/events?limit=5",
                                          "/api/events?actor=IDN&order=oldest",
                                          "/api/timeline",
                                          "/api/network?nodes=5",
                                          "/api/actors?q=ID",
                                          "/api/stats",
                                          "/api/event/1",
                                          "/api/events?quad=9",
                                          "/"};
  std::map<std::string, std::string> alone;
  httplib::Client client("127.0.0.1", port);
  for (const std::string& path : paths) {
    auto answer = client.Get(path);
    ASSERT_TRUE(answer) << path;
    alone[path] = std::to_string(answer->status) + " " + answer->body;
  }
  std::vector<std::thread> threads;
  std::vector<std::string> differences(8);
  for (size_t t = 0; t < differences.size(); ++t) {
    threads.emplace_back([&, t] {
      httplib::Client mine("127.0.0.1", port);
      for (size_t i = 0; i < 20; ++i) {
        const std::string& path = paths[(t + i) % paths.size()];
        auto answer = mine.Get(path);
        std::string got = answer ? std::to_string(answer->status) + " " + answer->body : "none";
        if (got != alone[path]) differences[t] += path + " ";
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& difference : differences) EXPECT_EQ(difference, "");
  EXPECT_EQ(serve.Finish(SIGTERM), 0) << serve.output();
  EXPECT_EQ(serve.output().find("ThreadSanitizer"), std::string::npos) << serve.output();
}

}  // namespace
}  // namespace warta
