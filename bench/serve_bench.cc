// warta_serve_bench: how fast the web page's API answers on a large database.
//
//   warta_serve_bench [--events 1000000] [--db /tmp/warta-serve-bench.db] [--runs 5]
//
// Builds the database through the store (synthetic articles of ten events
// each, among 40 states and their governments and militaries, 2015-2025, all
// CAMEO roots), unless --db already holds at least that many events; then
// times the requests the page makes (median and slowest of --runs) and prints
// peak memory. The database is kept, so a second run measures only queries.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include "golden_corpus.h"
#include "serve/api.h"

namespace {

const char* kStates[] = {"IDN", "MYS", "SGP", "THA", "VNM", "PHL", "CHN", "JPN", "KOR", "PRK",
                         "RUS", "UKR", "USA", "GBR", "FRA", "DEU", "IND", "PAK", "IRN", "ISR",
                         "PSE", "SAU", "TUR", "EGY", "AUS", "BRA", "ZAF", "NGA", "ETH", "KEN",
                         "MMR", "KHM", "LAO", "TWN", "AFG", "IRQ", "SYR", "YEM", "LBN", "QAT"};
const char* kAgents[] = {"", "GOV", "GOV", "MIL", "COP", "OPP"};
const char* kCodes[] = {"010", "020", "036", "040", "042", "043", "046", "051", "057", "061",
                        "071", "080", "090", "100", "111", "112", "120", "130", "138", "141",
                        "150", "163", "172", "173", "180", "190", "193", "195", "200"};

int Quad(const std::string& code) {
  int root = std::stoi(code.substr(0, 2));
  return root <= 5 ? 1 : root <= 8 ? 2 : root <= 14 ? 3 : 4;
}

warta::Actor RandomActor(std::mt19937& random) {
  std::string state = kStates[random() % std::size(kStates)];
  std::string agent = kAgents[random() % std::size(kAgents)];
  return {state + agent, state,        agent,       "name of " + state + agent,
          std::nullopt,  std::nullopt, std::nullopt};
}

long long CountEvents(const std::string& db) {
  if (!std::filesystem::exists(db)) return 0;
  auto store = warta::Store::OpenReadOnly(db);
  if (!store.ok()) return 0;
  auto count = store.value()->Count({});
  return count.ok() ? count.value() : 0;
}

bool Build(const std::string& db, long long events) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  auto store = warta::Store::Open(db);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().message().c_str());
    return false;
  }
  std::mt19937 random(7);
  const long first_day = warta::DaysFromCivil(2015, 1, 1), days = 11 * 365;
  auto start = std::chrono::steady_clock::now();
  long long written = 0;
  for (long article = 0; written < events; ++article) {
    std::vector<warta::CodedRecord> batch(200);
    for (warta::CodedRecord& record : batch) {
      record.article.id = "serve-bench-" + std::to_string(article++);
      record.article.source = "Outlet " + std::to_string(random() % 30);
      record.article.url = "https://example.org/" + record.article.id;
      long day = first_day + static_cast<long>(random() % days);
      record.article.published = warta::CivilFromDays(day);
      record.language = random() % 2 ? "id" : "en";
      std::string text;
      for (int e = 0; e < 10; ++e) {
        warta::Event event;
        event.article_id = record.article.id;
        event.event_id = record.article.id + "-" + std::to_string(e);
        event.language = record.language;
        event.source = RandomActor(random);
        event.target = RandomActor(random);
        event.cameo = kCodes[random() % std::size(kCodes)];
        event.cameo_root = event.cameo.substr(0, 2);
        event.cameo_label = "label " + event.cameo;
        event.quad_class = Quad(event.cameo);
        event.goldstein = static_cast<double>(random() % 200) / 10.0 - 10.0;
        event.date = warta::CivilFromDays(day - static_cast<long>(random() % 3));
        std::string sentence = event.source.name + " acted (" + event.cameo + ") on " +
                               event.target->name + " in article " + record.article.id + ".";
        event.evidence.sentence = {text.size(), text.size() + sentence.size()};
        event.evidence.text = sentence;
        text += sentence + " ";
        record.events.push_back(event);
      }
      record.article.text = text;
    }
    --article;
    auto result = store.value()->WriteBatch(batch);
    if (!result.ok()) {
      std::fprintf(stderr, "%s\n", result.status().message().c_str());
      return false;
    }
    written += result.value().events;
    if (written % 100000 < 2000) {
      std::fprintf(stderr, "\rbuilding: %lld events", written);
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("\nbuilt %s: %lld events in %.0f s (%.0f events/s), %.0f MB\n", db.c_str(), written,
              seconds, written / seconds, std::filesystem::file_size(db) / 1e6);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  long long events = 1000000;
  int runs = 5;
  std::string db = "/tmp/warta-serve-bench.db";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--events") == 0) events = std::atoll(argv[i + 1]);
    if (std::strcmp(argv[i], "--db") == 0) db = argv[i + 1];
    if (std::strcmp(argv[i], "--runs") == 0) runs = std::max(1, std::atoi(argv[i + 1]));
  }
  long long stored = CountEvents(db);
  if (stored < events) {
    if (!Build(db, events)) return 1;
    stored = CountEvents(db);
  }
  {  // a database built by an older warta gains the indexes this one adds
    auto upgrade = warta::Store::Open(db);
    if (!upgrade.ok()) {
      std::fprintf(stderr, "%s\n", upgrade.status().message().c_str());
      return 1;
    }
  }
  std::printf("database: %lld events\n", stored);
  auto pool = warta::StorePool::Open(db, 1);
  if (!pool.ok()) {
    std::fprintf(stderr, "%s\n", pool.status().message().c_str());
    return 1;
  }
  warta::Api api(pool.value().get(), std::chrono::seconds(60));
  using Params = std::map<std::string, std::string>;
  const std::pair<std::string, Params> requests[] = {
      {"/api/events", {}},
      {"/api/events", {{"dyad", "IDN:MYS"}}},
      {"/api/events", {{"actor", "RUSGOV"}, {"root", "19"}}},
      {"/api/events", {{"from", "2020-01-01"}, {"to", "2020-03-31"}, {"quad", "4"}}},
      {"/api/events", {{"offset", "100000"}}},
      {"/api/events", {{"lang", "id"}, {"source", "Outlet 3"}}},
      {"/api/timeline", {{"dyad", "IDN:MYS"}}},
      {"/api/timeline", {{"dyad", "IDN:MYS"}, {"period", "week"}}},
      {"/api/timeline", {}},
      {"/api/network", {}},
      {"/api/network", {{"root", "19"}}},
      {"/api/actors", {{"q", "ru"}}},
      {"/api/event/" + std::to_string(stored / 2), {}},
      {"/api/stats", {}},
  };
  std::printf("%-22s %-44s %10s %10s\n", "endpoint", "parameters", "median ms", "max ms");
  for (const auto& [path, params] : requests) {
    std::vector<double> times;
    int status = 0;
    for (int r = 0; r < runs; ++r) {
      auto start = std::chrono::steady_clock::now();
      status = api.Handle(path, params).status;
      times.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
    }
    std::sort(times.begin(), times.end());
    std::string shown;
    for (const auto& [name, value] : params)
      shown += (shown.empty() ? "" : "&") + name + "=" + value;
    std::printf("%-22s %-44s %10.1f %10.1f%s\n", path.substr(0, 22).c_str(), shown.c_str(),
                times[times.size() / 2], times.back(),
                status == 200 ? "" : ("  HTTP " + std::to_string(status)).c_str());
  }
  std::printf("peak memory %.1f MB\n", warta::bench::PeakRssKb() / 1024.0);
  return 0;
}
