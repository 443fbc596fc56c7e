// The gazetteer: data/places/**/*.tsv read, checked and indexed (places.h).

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>

#include "analyse/lexicon.h"
#include "places/places.h"
#include "util/text.h"

namespace warta {

const char* FeatureName(Feature feature) {
  switch (feature) {
    case Feature::kCountry:
      return "country";
    case Feature::kAdm1:
      return "adm1";
    case Feature::kAdm2:
      return "adm2";
    case Feature::kCity:
      return "city";
    case Feature::kSite:
      return "site";
  }
  return "city";
}

namespace {

const std::map<std::string, Feature> kFeatures = {{"country", Feature::kCountry},
                                                  {"adm1", Feature::kAdm1},
                                                  {"adm2", Feature::kAdm2},
                                                  {"city", Feature::kCity},
                                                  {"site", Feature::kSite}};

// Every *.tsv under places/, subfolders included, in name order.
Result<std::vector<std::string>> PlaceFiles(const std::string& data_dir) {
  std::string dir = data_dir + "/places";
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    return Status::NotFound(dir + ": gazetteer folder not found");
  }
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".tsv") {
      paths.push_back(entry.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

bool AllOf(const std::string& text, bool (*ok)(char)) {
  return !text.empty() && std::all_of(text.begin(), text.end(), ok);
}
bool UpperOrDigit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool Upper(char c) { return c >= 'A' && c <= 'Z'; }
bool SlugChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

// "" when the id is well formed for its depth, else what is wrong.
std::string IdProblem(const std::vector<std::string>& parts) {
  if (parts[0].size() != 3 || !AllOf(parts[0], Upper)) {
    return "a country's id is its ISO 3166-1 alpha-3 code (three capitals)";
  }
  for (size_t k = 1; k < parts.size(); ++k) {
    bool division = k == 1 && AllOf(parts[k], UpperOrDigit);
    if (!division && !AllOf(parts[k], SlugChar)) {
      return "id part \"" + parts[k] +
             "\" is neither a division code (capitals) nor a lower-case slug";
    }
  }
  return "";
}

// A decimal degree with at least two decimals, within [-limit, limit].
bool ParseDegrees(const std::string& text, double limit, double* value) {
  size_t dot = text.find('.');
  if (dot == std::string::npos || text.size() - dot - 1 < 2) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return error == std::errc() && end == text.data() + text.size() && *value >= -limit &&
         *value <= limit;
}

// FIPS 10-4 country code (two capitals) or GDELT ADM1 code (FIPS country and
// a two-character division number); "-" where FIPS has none.
std::string CodeProblem(Feature feature, const std::string& code) {
  if (code == "-") return "";
  if (feature == Feature::kCountry) {
    return code.size() == 2 && AllOf(code, Upper) ? "" : "a country's code is two capitals or -";
  }
  if (feature == Feature::kAdm1) {
    return code.size() == 4 && Upper(code[0]) && Upper(code[1]) && AllOf(code, UpperOrDigit)
               ? ""
               : "a division's code is GDELT's ADM1 code (\"ID04\") or -";
  }
  return "only countries and first-level divisions have a code; write -";
}

// One record as a place; false (with the problem reported) when it is bad.
bool ParsePlace(const std::string& path, const TsvRecord& record, Diagnostics* diag, Place* place) {
  auto error = [&](const std::string& message) {
    diag->Error(path, record.line, message);
    return false;
  };
  const auto& f = record.fields;
  if (f.size() != 6 && f.size() != 7) {
    return error(
        "expected 6 or 7 tab-separated fields (id, feature, lat, lon, code, names[, "
        "flags]), got " +
        std::to_string(f.size()));
  }
  place->id = f[0];
  std::vector<std::string> parts = Split(f[0], '.');
  if (std::string problem = IdProblem(parts); !problem.empty()) return error(problem);
  auto feature = kFeatures.find(f[1]);
  if (feature == kFeatures.end()) {
    return error("unknown feature \"" + f[1] + "\" (country, adm1, adm2, city or site)");
  }
  place->feature = feature->second;
  if ((place->feature == Feature::kCountry) != (parts.size() == 1)) {
    return error("a country's id has one part, and only a country's");
  }
  if (place->feature == Feature::kAdm1 && parts.size() != 2) {
    return error("a first-level division's id is its country's id, a dot and its code");
  }
  if (!ParseDegrees(f[2], 90, &place->lat)) {
    return error("latitude \"" + f[2] + "\" is not decimal degrees (-90..90, two decimals)");
  }
  if (!ParseDegrees(f[3], 180, &place->lon)) {
    return error("longitude \"" + f[3] + "\" is not decimal degrees (-180..180, two decimals)");
  }
  if (std::string problem = CodeProblem(place->feature, f[4]); !problem.empty()) {
    return error(problem);
  }
  place->code = f[4] == "-" ? "" : f[4];
  for (const std::string& name : Split(f[5], '|')) {
    std::string trimmed(Trim(name));
    if (trimmed.empty()) return error("empty name in \"" + f[5] + "\"");
    place->names.push_back(trimmed);
  }
  if (f.size() == 7 && !Trim(f[6]).empty()) {
    for (const std::string& flag : Split(f[6], ',')) {
      if (Trim(flag) != "word") return error("unknown flag \"" + flag + "\" (word)");
      place->word = true;
    }
  }
  return true;
}

}  // namespace

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& data_dir,
                                                   const Segmenter& segmenter,
                                                   Diagnostics* diagnostics) {
  auto paths = PlaceFiles(data_dir);
  if (!paths.ok()) return paths.status();
  std::unique_ptr<Gazetteer> gazetteer(new Gazetteer());
  Diagnostics local;
  std::map<std::string, std::pair<std::string, int>> seen;  // id → file and line
  std::vector<std::pair<std::string, int>> where;           // of each place
  for (const std::string& path : paths.value()) {
    auto file = ReadTsv(path);
    if (!file.ok()) {
      local.Error(path, 0, file.status().message());
      continue;
    }
    for (const TsvRecord& record : file.value().records) {
      Place place;
      if (!ParsePlace(path, record, &local, &place)) continue;
      auto [it, added] = seen.emplace(place.id, std::pair{path, record.line});
      if (!added) {
        local.Error(path, record.line,
                    "duplicate id " + place.id + " (first at " + it->second.first + ":" +
                        std::to_string(it->second.second) + ")");
        continue;
      }
      where.emplace_back(path, record.line);
      gazetteer->places_.push_back(std::move(place));
    }
  }
  gazetteer->Index();
  for (size_t i = 0; i < gazetteer->places_.size(); ++i) {
    const Place& place = gazetteer->places_[i];
    if (place.feature != Feature::kCountry && place.parent < 0) {
      std::string parent = place.id.substr(0, place.id.rfind('.'));
      local.Error(where[i].first, where[i].second,
                  "parent " + parent + " of " + place.id + " is not in the gazetteer");
    }
  }
  for (size_t i = 0; i < gazetteer->places_.size(); ++i) {
    for (const std::string& name : gazetteer->places_[i].names) {
      std::vector<std::string> words = PhraseWords(segmenter, name);
      NameCase rule = NameCaseOf(name);
      gazetteer->has_lowercase_names_ =
          gazetteer->has_lowercase_names_ || (!rule.capital && !rule.exact);
      gazetteer->names_.Add(std::move(words), {static_cast<int>(i), rule});
    }
  }
  gazetteer->names_.Compile();
  if (diagnostics != nullptr) diagnostics->Merge(local);
  if (!local.ok()) return local.ToStatus();
  return gazetteer;
}

// Ids sorted for look-up; each place's parent, country and division.
void Gazetteer::Index() {
  for (size_t i = 0; i < places_.size(); ++i) by_id_.emplace_back(places_[i].id, i);
  std::sort(by_id_.begin(), by_id_.end());
  for (Place& place : places_) {
    size_t dot = place.id.rfind('.');
    if (dot != std::string::npos) place.parent = Find(place.id.substr(0, dot));
  }
  for (size_t i = 0; i < places_.size(); ++i) {
    for (int k = static_cast<int>(i); k >= 0; k = places_[k].parent) {
      if (places_[k].feature == Feature::kCountry) places_[i].country = k;
      if (places_[k].feature == Feature::kAdm1 && places_[i].adm1 < 0) places_[i].adm1 = k;
    }
  }
}

int Gazetteer::Find(const std::string& id) const {
  auto it = std::lower_bound(by_id_.begin(), by_id_.end(), std::pair<std::string, int>{id, -1});
  return it != by_id_.end() && it->first == id ? it->second : -1;
}

bool Gazetteer::Within(int place, int ancestor) const {
  for (int k = place; k >= 0; k = places_[k].parent) {
    if (k == ancestor) return true;
  }
  return false;
}

size_t Gazetteer::Match(const std::vector<Token>& tokens, size_t i,
                        std::vector<int>* places) const {
  places->clear();
  size_t length = 0;
  names_.Visit(tokens, i, [&](const auto& entry) {
    size_t size = entry.words.size();
    if (length > 0 && size < length) return true;  // longest first: no more readings
    if ((length == 0 || size == length) && NameCaseHolds(entry.value.second, tokens, i, size)) {
      length = size;
      if (std::find(places->begin(), places->end(), entry.value.first) == places->end()) {
        places->push_back(entry.value.first);
      }
    }
    return false;  // go on: places that share the name come next
  });
  return length;
}

Location Gazetteer::ToLocation(int index) const {
  const Place& place = at(index);
  Location location;
  location.id = place.id;
  location.name = place.names.front();
  location.feature = FeatureName(place.feature);
  location.country = place.id.substr(0, 3);
  if (place.country >= 0) {
    location.fips_country = at(place.country).code;
    location.country_name = at(place.country).names.front();
  }
  if (place.adm1 >= 0) {
    const Place& adm1 = at(place.adm1);
    location.adm1 = adm1.names.front();
    location.adm1_id = adm1.id;
    location.adm1_code = adm1.code;
  }
  location.lat = place.lat;
  location.lon = place.lon;
  return location;
}

}  // namespace warta
