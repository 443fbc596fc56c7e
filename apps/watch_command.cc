// `warta watch`: keeps a database current from folders and feeds until
// stopped (src/watch). A thin shell: flags, signals, log lines.
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "cli.h"
#include "store/filter.h"
#include "watch/watch.h"

namespace warta::cli {

namespace {

const char* kWatchUsage = R"(usage:
  warta watch --db DB [--feed URL]... [--feeds FILE] [--interval SECONDS] [FOLDER...]
      Runs until stopped (Ctrl-C or SIGTERM: the batch in hand is stored,
      then it exits with 0). FOLDER: read whole at the start, then each
      file as it lands (once written and closed, or moved in).
      --feed URL      an RSS, Atom or sitemap URL (repeatable)
      --feeds FILE    one feed URL a line (# comments, blank lines)
      --interval S    seconds between polls of the feeds (default 900)
      --batch N       articles per transaction (default 200)
      --data DIR      data folder
)";

struct WatchFlags {
  std::string db, data_dir, feeds_file;
  long long interval = 900, batch = 200;
  watch::WatchOptions options;
};

Status ReadFeedList(const std::string& path, std::vector<std::string>* feeds) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot open the feed list");
  std::string line;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    line.erase(0, line.find_first_not_of(" \t\r"));
    line.erase(line.find_last_not_of(" \t\r") + 1);
    if (!line.empty()) feeds->push_back(line);
  }
  return Status::Ok();
}

bool ParseWatchFlags(int argc, char** argv, WatchFlags* flags, std::string* error) {
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    bool takes_value = arg == "--db" || arg == "--feed" || arg == "--feeds" ||
                       arg == "--interval" || arg == "--batch" || arg == "--data";
    if (takes_value && i + 1 >= argc) return *error = arg + " needs a value", false;
    std::string value = takes_value ? argv[++i] : "";
    if (arg == "--db")
      flags->db = value;
    else if (arg == "--feed")
      flags->options.feeds.push_back(value);
    else if (arg == "--feeds")
      flags->feeds_file = value;
    else if (arg == "--data")
      flags->data_dir = value;
    else if (arg == "--interval" && !ParseBoundedNumber(value, 1, 7 * 24 * 3600, &flags->interval))
      return *error = "--interval must be a number of seconds from 1 to 604800", false;
    else if (arg == "--batch" && !ParseBoundedNumber(value, 1, 100000, &flags->batch))
      return *error = "--batch must be a number from 1 to 100000", false;
    else if (!takes_value && arg.starts_with("-"))
      return *error = "unknown option " + arg + "\n" + kWatchUsage, false;
    else if (!takes_value)
      flags->options.folders.push_back(arg);
  }
  if (flags->db.empty())
    return *error = std::string("--db DATABASE is required\n") + kWatchUsage, false;
  if (!flags->feeds_file.empty()) {
    Status status = ReadFeedList(flags->feeds_file, &flags->options.feeds);
    if (!status.ok()) return *error = status.message(), false;
  }
  if (flags->options.folders.empty() && flags->options.feeds.empty()) {
    return *error = std::string("watch: nothing to watch (give folders, --feed or --feeds)\n") +
                    kWatchUsage,
           false;
  }
  return true;
}

// SIGINT and SIGTERM, blocked in every thread, arrive on a file descriptor
// the watcher polls: it stops between batches, never in the middle of one.
int StopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signalfd(-1, &signals, SFD_CLOEXEC);
}

}  // namespace

int RunWatchCommand(int argc, char** argv) {
  if (argc >= 3 && (std::string(argv[2]) == "--help" || std::string(argv[2]) == "-h")) {
    std::cout << kWatchUsage;
    return 0;
  }
  WatchFlags flags;
  std::string error;
  if (!ParseWatchFlags(argc, argv, &flags, &error)) return Fail(error);
  int stop_fd = StopSignals();  // before any thread starts, so all inherit the mask
  if (stop_fd < 0) return Fail("cannot receive signals");
  LoadOptions load;
  load.data_dir = FindDataDir(flags.data_dir);
  auto resources = Resources::Load(load);
  if (!resources.ok()) return Fail(resources.status().message());
  flags.options.interval = std::chrono::seconds(flags.interval);
  flags.options.batch = static_cast<size_t>(flags.batch);
  flags.options.on_log = [](const std::string& line) {
    std::cerr << "warta: " << line << std::endl;
  };
  auto watcher = watch::Watcher::Create(flags.db, resources.value(), flags.options);
  if (!watcher.ok()) return Fail(watcher.status().message());
  Status status = watcher.value()->Run(stop_fd);
  close(stop_fd);
  if (!status.ok()) return Fail(status.message(), kExitPartial);
  return 0;
}

}  // namespace warta::cli
