// warta: the command line. A thin shell over the library: parse arguments,
// call the pipeline, print, and turn errors into messages and exit codes.
//
// Exit codes: 0 everything coded; 1 some inputs failed (the rest were coded);
// 2 usage errors or unusable data files.
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "clean/cleaner.h"
#include "cli.h"
#include "eval/eval.h"
#include "places/places.h"
#include "read/corpus.h"
#include "store/export.h"
#include "util/text.h"
#include "warta/pipeline.h"

namespace {

using warta::cli::Fail;
using warta::cli::FindDataDir;
using warta::cli::kExitPartial;
using warta::cli::kExitUsage;

const char* kUsage = R"(warta — political event data from Indonesian and English news

usage:
  warta code [options] FILE...     code articles into CAMEO events (JSON lines)
  warta clean [--explain] FILE     print the cleaned text; --explain lists removals
  warta dict check                 validate every data file
  warta ingest --db DB INPUT...    code a corpus into the database (resumable)
  warta query --db DB [filters]    events from the database (see warta query --help)
  warta export --db DB --format F  every event: table, jsonl, csv or gdelt
  warta stats --db DB              counts by language, root, month and source
  warta serve --db DB [--port N]   the web page and JSON API over the database
  warta watch --db DB SOURCE...    keep DB current from folders and feeds
  warta eval GOLD ARTICLES         code ARTICLES (.jsonl) and score against GOLD
                                   (.jsonl gold events); --explain lists every
                                   missed and spurious event
  warta help

FILE is a file or a folder (read recursively) of articles, told apart by
their first bytes, as warta ingest reads them: plain text, JSON lines (one
object a line: id, text, published, title, url, source; only text is
required), an HTML page, a WARC archive, any of them gzip- or zstd-compressed;
- is standard input.

options:
  --published YYYY-MM-DD   publication date for articles that carry none
  --format json|table|csv|gdelt
                           output format (default json: one event a line;
                           csv and gdelt as warta export writes them, each
                           event told once); for eval text (default) or json
  --lang id|en             language, instead of detecting it
  --jsonl                  read standard input as JSON lines, whatever it
                           starts with
  --trace                  explain each sentence on standard error: roots,
                           actors, dates and the verb patterns that fired
  --data DIR               data folder (default: $WARTA_DATA, or the one
                           installed beside the binary)
)";

struct Options {
  std::string published;
  std::string format;  // code: json (default) or table; eval: text (default) or json
  std::string language;
  std::string data_dir;
  bool jsonl = false;
  bool trace = false;
  bool explain = false;
  std::vector<std::string> files;
};

bool ParseOptions(int argc, char** argv, int first, Options* options, std::string* error) {
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) {
        *error = arg + " needs a value";
        return false;
      }
      *out = argv[++i];
      return true;
    };
    if (arg == "--published" || arg == "--format" || arg == "--lang" || arg == "--data") {
      std::string* out = arg == "--published" ? &options->published
                         : arg == "--format"  ? &options->format
                         : arg == "--lang"    ? &options->language
                                              : &options->data_dir;
      if (!value(out)) return false;
    } else if (arg == "--jsonl") {
      options->jsonl = true;
    } else if (arg == "--trace") {
      options->trace = true;
    } else if (arg == "--explain") {
      options->explain = true;
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      *error = "unknown option " + arg;
      return false;
    } else {
      options->files.push_back(arg);
    }
  }
  if (!options->format.empty() && options->format != "json" && options->format != "text" &&
      !warta::ParseExportFormat(options->format)) {
    *error = "--format must be json, table, csv or gdelt (code), text or json (eval)";
    return false;
  }
  if (!options->language.empty() && options->language != "id" && options->language != "en") {
    *error = "--lang must be id or en";
    return false;
  }
  auto date = warta::Date::Parse(options->published);
  if (!options->published.empty() && (!date || date->precision != warta::DatePrecision::kDay)) {
    *error = "--published must be a date YYYY-MM-DD, got \"" + options->published + "\"";
    return false;
  }
  return true;
}

// Codes every article of `files` (read as warta ingest reads them),
// reporting bad ones and warnings; calls `on_coded` for each coded article.
// Returns the number of failures, or -1 when the data cannot be loaded
// (already reported). A warning (an unreadable date) is no failure.
int CodeEach(
    const Options& options, const std::vector<std::string>& files,
    const std::function<void(const warta::Article&, const warta::CodedArticle&)>& on_coded) {
  warta::LoadOptions load;
  load.data_dir = FindDataDir(options.data_dir);
  auto resources = warta::Resources::Load(load);
  if (!resources.ok()) return Fail(resources.status().message()), -1;
  auto coder = warta::ArticleCoder::Create(resources.value());
  if (!coder.ok()) return Fail(coder.status().message()), -1;
  warta::CodeOptions code_options{options.language};
  auto published = warta::Date::Parse(options.published);
  auto reader = warta::CorpusReader::Open(
      files, options.jsonl ? warta::InputFormat::kJsonLines : warta::InputFormat::kAuto);
  if (!reader.ok()) return Fail(reader.status().message()), -1;
  int failures = 0;
  warta::ReadItem item;
  while (reader.value()->Next(&item)) {
    if (!item.warning.empty()) Fail(item.warning);
    if (!item.article.ok()) {
      Fail(item.article.status().message());
      ++failures;
      continue;
    }
    warta::Article& article = item.article.value();
    if (!article.published && published) article.published = published;
    std::string trace;
    code_options.trace = options.trace ? &trace : nullptr;
    auto coded = coder.value()->Code(article, code_options);
    std::cerr << trace;
    if (!coded.ok()) {
      Fail(item.location + ": " + coded.status().message());
      ++failures;
      continue;
    }
    on_coded(article, coded.value());
  }
  return failures;
}

// A coded event as the store's exports write it: told once, by this article.
warta::StoredEvent AsExported(const warta::Article& article, const warta::Event& event,
                              long long row) {
  warta::StoredEvent exported;
  exported.event = event;
  exported.row = row;
  exported.num_mentions = exported.num_articles = exported.num_sources = 1;
  exported.source_url = article.url;
  return exported;
}

int RunCode(const Options& options) {
  if (options.files.empty()) return Fail("code: no input (give a FILE, or - for standard input)");
  if (options.format == "text") return Fail("code: --format must be json, table, csv or gdelt");
  bool table = options.format == "table";
  auto exported =
      options.format == "json" || table ? std::nullopt : warta::ParseExportFormat(options.format);
  warta::TextTable events(warta::EventTableColumns(/*with_reports=*/false));
  if (exported) std::cout << warta::ExportHeader(*exported);
  long long row = 0;
  int failures = CodeEach(
      options, options.files, [&](const warta::Article& article, const warta::CodedArticle& coded) {
        for (const warta::Event& event : coded.events) {
          if (table)
            std::cout << events.Add(warta::EventTableCells(event));
          else if (exported)
            std::cout << warta::ExportRow(AsExported(article, event, ++row), *exported);
          else
            std::cout << warta::ToJson(event) << "\n";
        }
      });
  if (table) std::cout << events.Finish();
  std::cout.flush();
  if (failures < 0) return kExitUsage;
  return failures == 0 ? 0 : kExitPartial;
}

int RunClean(const Options& options) {
  if (options.files.size() != 1) return Fail("clean: give exactly one FILE (or -)");
  auto cleaner = warta::Cleaner::Load(FindDataDir(options.data_dir));
  if (!cleaner.ok()) return Fail(cleaner.status().message());
  // The first article of the file, read as warta code reads it (the text of
  // a page, the first line of JSON lines).
  auto reader = warta::CorpusReader::Open(
      options.files, options.jsonl ? warta::InputFormat::kJsonLines : warta::InputFormat::kAuto);
  if (!reader.ok()) return Fail(reader.status().message());
  warta::ReadItem item;
  if (!reader.value()->Next(&item) || !item.article.ok()) {
    return Fail(item.article.status().message(), kExitPartial);
  }
  const std::string& original = item.article.value().text;
  warta::CleanedText cleaned = cleaner.value()->Clean(original);
  std::cout << cleaned.text;
  if (!cleaned.text.empty() && cleaned.text.back() != '\n') std::cout << "\n";
  int exit_code = 0;
  if (warta::Trim(cleaned.text).empty()) {
    Fail(item.location + ": " + warta::kNothingLeftAfterCleaning);
    exit_code = kExitPartial;
  }
  if (!options.explain) return exit_code;
  std::cout << "\n--- removed or repaired (" << cleaned.removals.size() << ") ---\n";
  for (const warta::Removal& removal : cleaned.removals) {
    std::string text = original.substr(removal.start, removal.end - removal.start);
    if (text.size() > 120) text = text.substr(0, 120) + "…";
    for (char& c : text) c = c == '\n' ? ' ' : c;
    std::cout << "[" << removal.start << "," << removal.end << ") " << removal.reason << ": \""
              << text << "\"\n";
  }
  return exit_code;
}

// Every name of each gazetteer place, for scoring a gold division written in
// either language; no names (the division's display name only) when the
// gazetteer cannot be read, which warta code reports.
warta::PlaceNames GazetteerNames(const std::string& data_dir) {
  auto segmenter = warta::Segmenter::Load(data_dir);
  if (!segmenter.ok()) return nullptr;
  auto gazetteer = warta::Gazetteer::Load(data_dir, *segmenter.value());
  if (!gazetteer.ok()) return nullptr;
  std::shared_ptr<const warta::Gazetteer> shared = std::move(gazetteer).value();
  return [shared](const std::string& id) {
    int index = shared->Find(id);
    return index < 0 ? std::vector<std::string>{} : shared->at(index).names;
  };
}

int RunEval(const Options& options) {
  if (options.files.size() != 2) return Fail("usage: warta eval GOLD.jsonl ARTICLES.jsonl");
  if (options.format == "table") return Fail("eval: --format must be text or json");
  auto gold = warta::ReadGold(options.files[0]);
  if (!gold.ok()) return Fail(gold.status().message());
  warta::Evaluation evaluation(std::move(gold).value(),
                               GazetteerNames(FindDataDir(options.data_dir)));
  int failures = CodeEach(options, {options.files[1]},
                          [&](const warta::Article& article, const warta::CodedArticle& coded) {
                            evaluation.Add(article.id, coded.language, coded.events);
                          });
  if (failures < 0) return kExitUsage;
  warta::EvalReport report = evaluation.Finish();
  std::cout << (options.format == "json" ? warta::FormatReportJson(report)
                                         : warta::FormatReport(report, options.explain));
  return failures == 0 ? 0 : kExitPartial;
}

int RunDictCheck(const Options& options) {
  warta::LoadOptions load;
  load.data_dir = FindDataDir(options.data_dir);
  std::vector<std::string> problems = warta::Resources::Check(load);
  for (const std::string& problem : problems) std::cerr << problem << "\n";
  if (!problems.empty()) {
    std::cerr << "warta: " << problems.size() << " problem(s) in " << load.data_dir << "\n";
    return kExitUsage;
  }
  std::cout << "ok: every data file in " << load.data_dir << " is valid\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2 || std::strcmp(argv[1], "help") == 0 || std::strcmp(argv[1], "--help") == 0 ||
      std::strcmp(argv[1], "-h") == 0) {
    std::cout << kUsage;
    return argc < 2 ? kExitUsage : 0;
  }
  std::string command = argv[1];
  if (command == "ingest" || command == "query" || command == "export" || command == "stats" ||
      command == "serve") {
    return warta::cli::RunStoreCommand(command, argc, argv);
  }
  if (command == "watch") return warta::cli::RunWatchCommand(argc, argv);
  int first = 2;
  if (command == "dict") {
    if (argc < 3 || std::strcmp(argv[2], "check") != 0) return Fail("usage: warta dict check");
    first = 3;
  }
  Options options;
  std::string error;
  if (!ParseOptions(argc, argv, first, &options, &error)) return Fail(error);
  if (command == "code") return RunCode(options);
  if (command == "clean") return RunClean(options);
  if (command == "dict") return RunDictCheck(options);
  if (command == "eval") return RunEval(options);
  return Fail("unknown command \"" + command + "\" (try warta help)");
}
