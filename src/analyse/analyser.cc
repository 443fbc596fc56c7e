#include "analyse/analyser.h"

#include <cstring>
#include <filesystem>
#include <hunspell/hunspell.hxx>
#include <mutex>

#include "util/text.h"

namespace warta {

namespace {

constexpr size_t kMaxCacheEntries = 200000;

bool IsAsciiWord(const std::string& word) {
  for (unsigned char c : word) {
    if (c >= 0x80 || !(std::isalpha(c) || c == '-' || c == '\'')) return false;
  }
  return !word.empty();
}

// Pulls "st:ROOT" and the "fl:XX" flags out of one Hunspell analysis.
void ParseMorphology(const std::string& analysis, std::string* stem, std::string* flags) {
  size_t pos = 0;
  while (pos < analysis.size()) {
    size_t end = analysis.find(' ', pos);
    if (end == std::string::npos) end = analysis.size();
    std::string_view field(analysis.data() + pos, end - pos);
    if (field.substr(0, 3) == "st:") *stem = std::string(field.substr(3));
    if (field.substr(0, 3) == "fl:") *flags += std::string(field.substr(3)) + " ";
    pos = end + 1;
  }
}

// Hunspell counts its users of a table shared by every instance (csutil's
// utf_tbl, for UTF-8 dictionaries) without a lock: two threads making or
// freeing analysers at once (two ingests in one process) freed it twice.
// Making and freeing take turns; analysing needs no lock.
std::mutex& HunspellLifetimes() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace

Analyser::~Analyser() {
  std::lock_guard<std::mutex> lock(HunspellLifetimes());
  indonesian_.reset();
  english_.reset();
}

namespace {

struct DictionaryFiles {
  const char* name;
  const char* package;
};
constexpr DictionaryFiles kDictionaries[] = {{"id_ID", "hunspell-id"}, {"en_US", "hunspell-en-us"}};

Status CheckDictionary(const std::string& hunspell_dir, const DictionaryFiles& files) {
  std::string base = hunspell_dir + "/" + files.name;
  if (std::filesystem::exists(base + ".aff") && std::filesystem::exists(base + ".dic")) {
    return Status::Ok();
  }
  return Status::NotFound(base + ".dic: Hunspell dictionary not found (install " + files.package +
                          ")");
}

// data/lexicon/en_irregular.tsv: form → lemma. Errors go to *diagnostics.
Result<WordMap<std::string>> ReadIrregular(const std::string& data_dir, Diagnostics* diagnostics) {
  std::string path = data_dir + "/lexicon/en_irregular.tsv";
  auto file = ReadTsv(path);
  if (!file.ok()) return file.status();
  Diagnostics local;
  WordMap<std::string> irregular;
  for (const TsvRecord& record : file.value().records) {
    if (record.fields.size() != 2 || record.fields[0].empty()) {
      local.Error(path, record.line, "expected `lemma<TAB>form|form`");
      continue;
    }
    for (const std::string& form : Split(record.fields[1], '|')) {
      if (!form.empty()) irregular[ToLower(form)] = record.fields[0];
    }
  }
  if (diagnostics != nullptr) diagnostics->Merge(local);
  if (!local.ok()) return local.ToStatus();
  return irregular;
}

}  // namespace

Status Analyser::Check(const std::string& data_dir, const std::string& hunspell_dir,
                       Diagnostics* diagnostics) {
  for (const DictionaryFiles& files : kDictionaries) {
    Status found = CheckDictionary(hunspell_dir, files);
    if (!found.ok()) return found;
  }
  auto irregular = ReadIrregular(data_dir, diagnostics);
  return irregular.ok() ? Status::Ok() : irregular.status();
}

Result<std::unique_ptr<Analyser>> Analyser::Load(const std::string& data_dir,
                                                 const std::string& hunspell_dir,
                                                 Diagnostics* diagnostics) {
  std::unique_ptr<Analyser> analyser(new Analyser());
  std::unique_ptr<Hunspell>* slots[] = {&analyser->indonesian_, &analyser->english_};
  for (size_t i = 0; i < std::size(kDictionaries); ++i) {
    Status found = CheckDictionary(hunspell_dir, kDictionaries[i]);
    if (!found.ok()) return found;
    std::string base = hunspell_dir + "/" + kDictionaries[i].name;
    std::lock_guard<std::mutex> lock(HunspellLifetimes());
    *slots[i] = std::make_unique<Hunspell>((base + ".aff").c_str(), (base + ".dic").c_str());
  }
  auto irregular = ReadIrregular(data_dir, diagnostics);
  if (!irregular.ok()) return irregular.status();
  analyser->irregular_ = std::move(irregular).value();
  return analyser;
}

const WordAnalysis& Analyser::Analyse(const std::string& language, const std::string& lower) {
  bool indonesian = language == "id";
  auto& cache = indonesian ? cache_id_ : cache_en_;
  auto it = cache.find(lower);
  if (it != cache.end()) return it->second;
  if (cache.size() >= kMaxCacheEntries) cache.clear();
  WordAnalysis analysis = indonesian ? AnalyseIndonesian(lower) : AnalyseEnglish(lower);
  return cache.emplace(lower, std::move(analysis)).first->second;
}

bool Analyser::Knows(const std::string& language, const std::string& lower) const {
  return (language == "id" ? indonesian_ : english_)->spell(lower);
}

WordAnalysis Analyser::AnalyseIndonesian(const std::string& lower) {
  WordAnalysis result{lower, Voice::kNone, false};
  if (!IsAsciiWord(lower) || lower.size() < 3) return result;
  std::vector<std::string> analyses = indonesian_->analyze(lower);
  if (analyses.empty()) return PassiveFallback(lower);
  std::string stem, flags;
  ParseMorphology(analyses.front(), &stem, &flags);
  if (!stem.empty()) result.lemma = stem;
  // Flags name the affix classes of the id_ID affix file: M meN-, D di-,
  // B ber-, T ter-; a/R/P/K are -an, per-an, pe-an, ke-an nominalisations.
  auto has = [&](char c) {
    for (size_t i = 0; i < flags.size(); ++i) {
      if (flags[i] == c && (i == 0 || flags[i - 1] == ' ')) return true;
    }
    return false;
  };
  if (has('D') || has('T')) {
    result.voice = Voice::kPassive;
  } else if (has('M') || has('B')) {
    result.voice = Voice::kActive;
  } else if (has('a') || has('R') || has('P') || has('K')) {
    result.nominal = true;
  }
  return result;
}

// id_ID's affix rules miss some di- forms of roots it knows (dikritik,
// digelar): a word "di" + root (+ -kan/-i) whose root Hunspell accepts is
// that root's passive.
WordAnalysis Analyser::PassiveFallback(const std::string& lower) {
  WordAnalysis result{lower, Voice::kNone, false};
  if (lower.size() < 6 || lower.compare(0, 2, "di") != 0) return result;
  std::string root = lower.substr(2);
  for (const char* suffix : {"", "kan", "i"}) {
    size_t cut = std::strlen(suffix);
    if (root.size() <= cut + 2 || root.compare(root.size() - cut, cut, suffix) != 0) continue;
    std::string candidate = root.substr(0, root.size() - cut);
    if (indonesian_->spell(candidate)) return {candidate, Voice::kPassive, false};
  }
  return result;
}

WordAnalysis Analyser::AnalyseEnglish(const std::string& lower) {
  WordAnalysis result{lower, Voice::kNone, false};
  auto irregular = irregular_.find(lower);
  if (irregular != irregular_.end()) {
    result.lemma = irregular->second;
    return result;
  }
  if (!IsAsciiWord(lower) || lower.size() < 3) return result;
  for (const std::string& stem : english_->stem(lower)) {
    // en_US also strips derivational prefixes (refused → fuse, resigned →
    // sign): an inflection keeps the word's beginning, so require it.
    if (stem != lower && stem.compare(0, 2, lower, 0, 2) == 0) {
      result.lemma = ToLower(stem);
      break;
    }
  }
  return result;
}

}  // namespace warta
