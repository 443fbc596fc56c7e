// `warta ingest | query | export | stats`: the database commands, a thin
// shell over src/store (parse flags, call the library, print).
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <vector>

#include "cli.h"
#include "read/corpus.h"
#include "serve/server.h"
#include "store/export.h"
#include "store/filter.h"
#include "store/ingest.h"
#include "store/store.h"

namespace warta::cli {

namespace {

const char* kStoreUsage = R"(usage:
  warta ingest --db DB [--jobs N] [--batch N] [--lease MINUTES] [--published YYYY-MM-DD] INPUT...
      INPUT: files or folders (read recursively): .jsonl, .txt, .html, .warc,
      and their .gz/.zst versions. Resumable and idempotent: what is stored
      is skipped. Several ingests on one DB share the work: each claims the
      articles it codes and skips those another has claimed; a claim older
      than --lease (default 10 minutes) is taken over. Waits up to 30 s for
      another process writing to DB ($WARTA_BUSY_TIMEOUT_MS);
      $SOURCE_DATE_EPOCH fixes the time stamped.
  warta query --db DB [filters] [--format table|jsonl|csv|gdelt] [--limit N] [--offset N]
      --actor X     code (IDNGOV), country (IDN) or part of a name, either side
      --country C  --agent A  --name TEXT
      --dyad A:B    either direction; with --directed, A acts on B
      --code LIST   CAMEO codes or roots, comma-separated (042,05)
      --root LIST   roots, comma-separated (04,05)
      --quad N      quad class 1-4
      --from DATE  --to DATE   event date range (YYYY-MM-DD)
      --lang id|en  --source OUTLET  --story ID
      --place X     where the event happened: a gazetteer id and every place
                    inside it (IDN.JI: Jawa Timur; IDN: Indonesia), or a place's
                    name as written or its province's (Surabaya, Jawa Timur)
      --near LAT,LON,KM  within KM kilometres of a point (-7.25,112.75,50)
      --modality M  asserted (the default), alleged, intended, comma-separated, or any
      --negated N   no (the default), yes or any
      --statements S  yes (the default) or no: no leaves out statements
                    (CAMEO root 01: comment, deny, ...), which are events
      By default only events reported as having happened count: asserted and
      not negated. "X did not attack Y", "X reportedly attacked Y" and "X will
      attack Y" are stored, and shown with --modality any --negated any.
  warta export --db DB [--format gdelt|jsonl|csv|table] [filters]
      the query's filters, with the same defaults (asserted, not negated)
  warta stats --db DB [--modality M] [--negated N] [--statements S]
  warta serve --db DB [--port 8080] [--host 127.0.0.1] [--threads 4] [--web DIR]
      the web page and its JSON API (README.md); --port 0 takes any free port.
      Stop it with Ctrl-C.
)";

struct Flags {
  std::map<std::string, std::string> values;
  std::vector<std::string> positional;
  bool directed = false;
};

bool ParseFlags(int argc, char** argv, Flags* flags, std::string* error) {
  static const char* kWithValue[] = {
      "--db",    "--jobs", "--batch",  "--published", "--data",     "--actor",   "--country",
      "--agent", "--name", "--dyad",   "--code",      "--root",     "--quad",    "--from",
      "--to",    "--lang", "--source", "--story",     "--limit",    "--format",  "--offset",
      "--port",  "--host", "--web",    "--threads",   "--modality", "--negated", "--statements",
      "--place", "--near", "--lease"};
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--directed") {
      flags->directed = true;
      continue;
    }
    bool known = std::any_of(std::begin(kWithValue), std::end(kWithValue),
                             [&](const char* flag) { return arg == flag; });
    if (known) {
      if (i + 1 >= argc) {
        *error = arg + " needs a value";
        return false;
      }
      flags->values[arg] = argv[++i];
    } else if (arg.size() > 1 && arg[0] == '-') {
      *error = "unknown option " + arg + "\n" + kStoreUsage;
      return false;
    } else {
      flags->positional.push_back(arg);
    }
  }
  if (!flags->values.count("--db")) {
    *error = "--db DATABASE is required\n" + std::string(kStoreUsage);
    return false;
  }
  return true;
}

std::string Get(const Flags& flags, const std::string& name) {
  auto it = flags.values.find(name);
  return it == flags.values.end() ? "" : it->second;
}

// The database's options from the environment: WARTA_BUSY_TIMEOUT_MS (how
// long to wait for another process writing to it; 30 s by default) and, when
// writing, SOURCE_DATE_EPOCH (the time to stamp on what is stored, in seconds
// since 1970, so that runs can be compared byte for byte).
bool StoreOptionsFromEnvironment(bool writing, StoreOptions* options, std::string* error) {
  long long number = 0;
  if (const char* wait = std::getenv("WARTA_BUSY_TIMEOUT_MS")) {
    if (!ParseBoundedNumber(wait, 0, 24LL * 3600 * 1000, &number)) {
      *error = "WARTA_BUSY_TIMEOUT_MS must be a number of milliseconds from 0 to 86400000";
      return false;
    }
    options->busy_timeout = std::chrono::milliseconds(number);
  }
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (writing && epoch != nullptr && *epoch != '\0') {
    if (!ParseBoundedNumber(epoch, 0, 253402300799LL, &number)) {  // up to 9999-12-31
      *error = "SOURCE_DATE_EPOCH must be a number of seconds since 1970";
      return false;
    }
    options->fixed_time = number;
  }
  return true;
}

// Ingest's exit code for a failed run: the database could not be written
// (locked by another process, a disk error) is a failed job, 1; a database
// that is not warta's or cannot be opened is a usage error, 2.
int IngestFailure(const Status& status) {
  return Fail(status.message(),
              status.code() == Status::Code::kIoError ? kExitPartial : kExitUsage);
}

bool IsDay(const std::string& text) {
  auto date = Date::Parse(text);
  return date && date->precision == DatePrecision::kDay;
}

int RunIngest(const Flags& flags) {
  if (flags.positional.empty()) return Fail("ingest: no input (give files or folders)");
  long long jobs = 1, batch = 200;
  if (!Get(flags, "--jobs").empty() && !ParseBoundedNumber(Get(flags, "--jobs"), 1, 64, &jobs)) {
    return Fail("--jobs must be a number from 1 to 64");
  }
  if (!Get(flags, "--batch").empty() &&
      !ParseBoundedNumber(Get(flags, "--batch"), 1, 100000, &batch)) {
    return Fail("--batch must be a number from 1 to 100000");
  }
  long long lease = 10;
  if (!Get(flags, "--lease").empty() &&
      !ParseBoundedNumber(Get(flags, "--lease"), 1, 10080, &lease)) {
    return Fail("--lease must be a number of minutes from 1 to 10080");
  }
  std::optional<Date> published;
  if (!Get(flags, "--published").empty()) {
    if (!IsDay(Get(flags, "--published"))) return Fail("--published must be YYYY-MM-DD");
    published = Date::Parse(Get(flags, "--published"));
  }
  LoadOptions load;
  load.data_dir = FindDataDir(Get(flags, "--data"));
  auto resources = Resources::Load(load);
  if (!resources.ok()) return Fail(resources.status().message());
  auto input = CorpusReader::Open(flags.positional);
  if (!input.ok()) return Fail(input.status().message());
  IngestOptions options;
  std::string error;
  if (!StoreOptionsFromEnvironment(true, &options.store, &error)) return Fail(error);
  options.jobs = static_cast<int>(jobs);
  options.batch = static_cast<size_t>(batch);
  options.lease = std::chrono::minutes(lease);
  options.on_error = [](const std::string& message) { std::cerr << "warta: " << message << "\n"; };
  bool progressed = false;  // a progress line to end before any message
  options.on_progress = [&progressed](const IngestProgress& p) {
    progressed = true;
    std::cerr << "\ringest: " << p.read << " read, " << p.stored << " stored, " << p.skipped
              << " already stored, " << p.failed << " failed, "
              << (p.claimed_elsewhere > 0
                      ? std::to_string(p.claimed_elsewhere) + " claimed by another worker, "
                      : std::string())
              << p.events << " events, "
              << static_cast<long long>(p.seconds > 0 ? p.read / p.seconds : 0) << " articles/s"
              << std::flush;
  };
  auto next = [&](ReadItem* item) {
    bool more = input.value()->Next(item);
    if (more && !item->warning.empty()) std::cerr << "warta: " << item->warning << "\n";
    if (more && item->article.ok() && !item->article.value().published && published) {
      item->article.value().published = published;
    }
    return more;
  };
  auto result = Ingest(Get(flags, "--db"), resources.value(), next, options);
  if (progressed) std::cerr << "\n";
  if (!result.ok()) return IngestFailure(result.status());
  return result.value().failed == 0 ? 0 : kExitPartial;
}

// The query flags, read by the same rules as the HTTP API's parameters.
bool BuildFilter(const Flags& flags, QueryFilter* filter, std::string* error) {
  std::map<std::string, std::string> params;
  for (const auto& [flag, value] : flags.values) {
    if (flag != "--db" && flag != "--format" && flag != "--data") params[flag.substr(2)] = value;
  }
  if (flags.directed) params["directed"] = "true";
  FilterRules rules;
  rules.prefix = "--";
  auto parsed = ParseQueryFilter(params, rules);
  if (!parsed.ok()) {
    *error = parsed.status().message();
    return false;
  }
  *filter = parsed.value();
  return true;
}

int RunQuery(const Flags& flags, const std::string& default_format) {
  std::string name = Get(flags, "--format").empty() ? default_format : Get(flags, "--format");
  auto format = ParseExportFormat(name);
  if (!format) return Fail("--format must be table, jsonl, csv or gdelt");
  QueryFilter filter;
  std::string error;
  if (!BuildFilter(flags, &filter, &error)) return Fail(error);
  if (!sql::IsPostgres(Get(flags, "--db")) && !std::filesystem::exists(Get(flags, "--db"))) {
    return Fail(Get(flags, "--db") + ": no such database (create it with warta ingest)");
  }
  StoreOptions options;
  if (!StoreOptionsFromEnvironment(false, &options, &error)) return Fail(error);
  auto store = Store::OpenReadOnly(Get(flags, "--db"), options);
  if (!store.ok()) return Fail(store.status().message());
  EventWriter writer(*format);
  std::cout << writer.Start();
  Status status = store.value()->Query(
      filter, [&](const StoredEvent& event) { std::cout << writer.Row(event); });
  std::cout << writer.Finish();
  if (!status.ok()) return Fail(status.message());
  return 0;
}

// "asserted, not negated", "alleged or intended, negated or not", ...,
// then ", without statements" when root 01 is left out.
std::string DescribeKinds(const EventKinds& kinds) {
  std::string modalities;
  for (Modality m : kinds.modalities) {
    modalities += (modalities.empty() ? "" : " or ") + std::string(ModalityName(m));
  }
  if (modalities.empty()) modalities = "of any modality";
  std::string negated =
      !kinds.negated ? ", negated or not" : (*kinds.negated ? ", negated" : ", not negated");
  return modalities + negated + (kinds.statements ? "" : ", without statements (root 01)");
}

int RunStats(const Flags& flags) {
  std::map<std::string, std::string> params;
  for (const char* key : {"modality", "negated", "statements"}) {
    if (flags.values.count(std::string("--") + key))
      params[key] = Get(flags, std::string("--") + key);
  }
  FilterRules rules;
  rules.prefix = "--";
  auto filter = ParseQueryFilter(params, rules);
  if (!filter.ok()) return Fail(filter.status().message());
  if (!sql::IsPostgres(Get(flags, "--db")) && !std::filesystem::exists(Get(flags, "--db"))) {
    return Fail(Get(flags, "--db") + ": no such database (create it with warta ingest)");
  }
  StoreOptions options;
  std::string error;
  if (!StoreOptionsFromEnvironment(false, &options, &error)) return Fail(error);
  auto store = Store::OpenReadOnly(Get(flags, "--db"), options);
  if (!store.ok()) return Fail(store.status().message());
  auto stats = store.value()->Stats(filter.value().kinds);
  if (!stats.ok()) return Fail(stats.status().message());
  const StoreStats& s = stats.value();
  std::cout << "articles " << s.articles << "\nstories " << s.stories << "\nevents " << s.events
            << " (" << DescribeKinds(filter.value().kinds) << "; by root and month below)"
            << "\nstored events " << s.stored_events << "\nmentions " << s.mentions << "\n";
  for (auto [title, rows] : {std::pair{"kind (every stored event)", &s.by_kind},
                             {"language", &s.by_language},
                             {"root", &s.by_root},
                             {"month", &s.by_month},
                             {"source", &s.by_source},
                             {"place (the busiest)", &s.by_place}}) {
    std::cout << "\nby " << title << ":\n";
    for (const auto& [key, count] : *rows) std::cout << "  " << key << "\t" << count << "\n";
  }
  return 0;
}

int RunServe(const Flags& flags) {
  ServeOptions options;
  options.db = Get(flags, "--db");
  options.web_dir = FindWebDir(Get(flags, "--web"));
  if (!Get(flags, "--host").empty()) options.host = Get(flags, "--host");
  long long number = 0;
  if (!Get(flags, "--port").empty()) {
    if (!ParseBoundedNumber(Get(flags, "--port"), 0, 65535, &number)) {
      return Fail("--port must be a number from 0 to 65535");
    }
    options.port = static_cast<int>(number);
  }
  if (!Get(flags, "--threads").empty()) {
    if (!ParseBoundedNumber(Get(flags, "--threads"), 1, 64, &number)) {
      return Fail("--threads must be a number from 1 to 64");
    }
    options.threads = static_cast<int>(number);
  }
  Status status = Serve(options, [&](int port) {
    std::cout << "warta: serving " << sql::DisplayName(options.db) << " at http://" << options.host
              << ":" << port << "/ (Ctrl-C stops)" << std::endl;
  });
  if (!status.ok()) return Fail(status.message());
  std::cout << "warta: stopped" << std::endl;
  return 0;
}

}  // namespace

int RunStoreCommand(const std::string& command, int argc, char** argv) {
  if (argc >= 3 && (std::strcmp(argv[2], "--help") == 0 || std::strcmp(argv[2], "-h") == 0)) {
    std::cout << kStoreUsage;
    return 0;
  }
  Flags flags;
  std::string error;
  if (!ParseFlags(argc, argv, &flags, &error)) return Fail(error);
  if (command == "ingest") return RunIngest(flags);
  if (command == "query") return RunQuery(flags, "table");
  if (command == "export") return RunQuery(flags, "jsonl");
  if (command == "serve") return RunServe(flags);
  return RunStats(flags);
}

}  // namespace warta::cli
