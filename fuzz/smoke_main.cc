// The main of a fuzz target when it is built without libFuzzer (g++, the
// normal and sanitizer builds): a deterministic smoke run that ctest runs on
// every build.
//
//   json_fuzz CORPUS_DIR [MUTATIONS]   every file of the folder, then MUTATIONS
//                                      (default 1000) mutated copies of them
//   json_fuzz FILE...                  just these files (to replay a crash)
//
// Mutations are libFuzzer's simplest (byte flips, inserts, erases, copies and
// splices of other corpus files) from a fixed seed, so a failure repeats: the
// failed check names the corpus file or mutation number.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "util/tsv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxMutantBytes = 1 << 16;

struct Input {
  std::string name;
  std::string bytes;
};

void Run(const Input& input) {
  warta::fuzz::CurrentInput() = {input.name, input.bytes};
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.bytes.data()), input.bytes.size());
}

// The files of `path` (a folder, in name order) or `path` itself.
std::vector<Input> Load(const std::string& path) {
  std::vector<std::string> names;
  if (fs::is_directory(path)) {
    for (const auto& entry : fs::directory_iterator(path)) {
      if (entry.is_regular_file()) names.push_back(entry.path().string());
    }
    std::sort(names.begin(), names.end());
  } else {
    names.push_back(path);
  }
  std::vector<Input> inputs;
  for (const std::string& name : names) {
    auto bytes = warta::ReadFileToString(name);
    if (!bytes.ok()) {
      std::fprintf(stderr, "%s\n", bytes.status().message().c_str());
      std::exit(2);
    }
    inputs.push_back({name, bytes.value()});
  }
  return inputs;
}

// One random edit of *bytes; `other` is another corpus file to splice from.
void Mutate(std::mt19937* random, const std::string& other, std::string* bytes) {
  auto below = [&](size_t n) { return n == 0 ? 0 : (*random)() % n; };
  size_t at = below(bytes->size() + 1);
  size_t length = 1 + below(std::min<size_t>(64, bytes->size() + 1));
  switch (below(6)) {
    case 0:
      if (at < bytes->size()) (*bytes)[at] = static_cast<char>((*random)());
      break;
    case 1:
      bytes->insert(at, 1, static_cast<char>((*random)()));
      break;
    case 2:
      bytes->erase(at, length);
      break;
    case 3:  // copy a piece of itself elsewhere
      bytes->insert(below(bytes->size() + 1), bytes->substr(at, length));
      break;
    case 4:  // splice in a piece of another input
      bytes->insert(at, other.substr(below(other.size() + 1), length));
      break;
    default:  // cut short
      bytes->resize(at);
  }
  if (bytes->size() > kMaxMutantBytes) bytes->resize(kMaxMutantBytes);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR [MUTATIONS] | FILE...\n", argv[0]);
    return 2;
  }
  bool folder = fs::is_directory(argv[1]);
  std::vector<Input> corpus;
  for (int i = 1; i < (folder ? 2 : argc); ++i) {
    std::vector<Input> loaded = Load(argv[i]);
    corpus.insert(corpus.end(), loaded.begin(), loaded.end());
  }
  if (corpus.empty()) {
    std::fprintf(stderr, "%s: no inputs in %s\n", argv[0], argv[1]);
    return 2;
  }
  for (const Input& input : corpus) Run(input);
  int mutations = folder ? (argc > 2 ? std::atoi(argv[2]) : 1000) : 0;
  std::mt19937 random(7);
  for (int round = 0; round < mutations; ++round) {
    Input mutant{"mutation " + std::to_string(round), corpus[random() % corpus.size()].bytes};
    const std::string& other = corpus[random() % corpus.size()].bytes;
    for (int edits = 1 + random() % 8; edits > 0; --edits) Mutate(&random, other, &mutant.bytes);
    Run(mutant);
  }
  std::printf("%s: %zu corpus files and %d mutations, no failure\n",
              fs::path(argv[0]).filename().c_str(), corpus.size(), mutations);
  return 0;
}
