#include "store/filter.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "util/text.h"
#include "warta/date.h"

namespace warta {

namespace {

constexpr size_t kMaxValueBytes = 200;  // longer values are typing accidents or attacks

using Params = std::map<std::string, std::string>;

const std::set<std::string>& KnownParameters() {
  static const std::set<std::string> known = {
      "actor", "country", "agent",    "name",    "dyad",       "directed", "code",
      "root",  "quad",    "from",     "to",      "lang",       "source",   "story",
      "limit", "offset",  "modality", "negated", "statements", "place",    "near"};
  return known;
}

std::string Get(const Params& params, const std::string& key) {
  auto it = params.find(key);
  return it == params.end() ? std::string() : it->second;
}

// A NUL or another control character is never part of a name or a code; SQLite
// would see a shorter string than was checked ("actor=%00" matched everything).
bool HasControlCharacter(const std::string& value) {
  return std::any_of(value.begin(), value.end(), [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

// What every value must be, whatever its parameter.
Status CheckValues(const Params& params, const FilterRules& rules) {
  for (const auto& [key, value] : params) {
    const std::string name = rules.prefix + key;
    if (!rules.allow_unknown && !KnownParameters().count(key)) {
      return Status::InvalidInput("unknown parameter " + name);
    }
    if (value.size() > kMaxValueBytes) {
      return Status::InvalidInput(name + " is too long (at most 200 bytes)");
    }
    if (HasControlCharacter(value)) {
      return Status::InvalidInput(name + " must not hold control characters (such as NUL)");
    }
  }
  return Status::Ok();
}

// A CAMEO code: two to four digits whose first two are a root, 01 to 20.
bool IsCameoCode(const std::string& code, bool root_only) {
  if (code.size() < 2 || code.size() > (root_only ? 2u : 4u) ||
      code.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  int root = std::stoi(code.substr(0, 2));
  return root >= 1 && root <= 20;
}

// Splits "042,05" and checks each part is a CAMEO code (a root when `roots`).
Status ParseCodes(const std::string& list, bool roots, const std::string& name,
                  std::vector<std::string>* codes) {
  for (const std::string& code : Split(list, ',')) {
    if (!IsCameoCode(code, roots)) {
      return Status::InvalidInput(
          name + " takes CAMEO " +
          (roots ? "roots (two digits, 01 to 20)" : "codes (two to four digits, root 01 to 20)") +
          ", comma-separated: \"" + code + "\"");
    }
    codes->push_back(code);
  }
  return Status::Ok();
}

// One side of a dyad: an actor code or a country (PRKGOV, PRK, and groups as
// short as AU or G7), in capitals; lower case is taken as meant.
bool ParseDyadSide(std::string side, std::string* out) {
  for (char& c : side) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (side.size() < 2 || side.size() > 15 || side[0] < 'A' || side[0] > 'Z') return false;
  for (char c : side) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  *out = side;
  return true;
}

Status ParseDyad(const std::string& dyad, const std::string& name, QueryFilter* filter) {
  std::vector<std::string> sides = Split(dyad, ':');
  if (sides.size() != 2 || !ParseDyadSide(sides[0], &filter->dyad_a) ||
      !ParseDyadSide(sides[1], &filter->dyad_b)) {
    return Status::InvalidInput(name + " must be A:B, two actor codes or countries, e.g. PRK:RUS");
  }
  return Status::Ok();
}

Status ParseDates(const Params& params, const std::string& prefix, QueryFilter* filter) {
  filter->from = Get(params, "from");
  filter->to = Get(params, "to");
  for (const char* key : {"from", "to"}) {
    const std::string value = Get(params, key);
    if (!value.empty() && !Date::Parse(value)) {
      return Status::InvalidInput(
          prefix + key + " must be a date, YYYY-MM-DD, YYYY-MM or YYYY: \"" + value + "\"");
    }
  }
  if (!filter->from.empty() && !filter->to.empty() &&
      filter->to < filter->from.substr(0, filter->to.size())) {
    return Status::InvalidInput(prefix + "from is after " + prefix + "to");
  }
  return Status::Ok();
}

// modality=asserted,alleged (or any).
Status ParseModalities(const std::string& list, const std::string& name,
                       std::set<Modality>* modalities) {
  static const std::map<std::string, Modality> kNames = {{"asserted", Modality::kAsserted},
                                                         {"alleged", Modality::kAlleged},
                                                         {"intended", Modality::kIntended}};
  std::vector<std::string> parts = Split(list, ',');
  modalities->clear();
  for (const std::string& part : parts) {
    auto known = kNames.find(part);
    if (known != kNames.end()) {
      modalities->insert(known->second);
    } else if (part != "any" || parts.size() > 1) {
      return Status::InvalidInput(name +
                                  " must be asserted, alleged, intended (comma-separated) or "
                                  "any: \"" +
                                  part + "\"");
    }
  }
  if (modalities->size() == kNames.size()) modalities->clear();  // all three: any
  return Status::Ok();
}

// statements=yes|no: whether statements (CAMEO root 01) count; yes by default.
Status ParseStatements(const std::string& value, const std::string& name, bool* statements) {
  if (value == "yes" || value.empty()) {
    *statements = true;
  } else if (value == "no") {
    *statements = false;
  } else {
    return Status::InvalidInput(name + " must be yes or no (no leaves out CAMEO root 01): \"" +
                                value + "\"");
  }
  return Status::Ok();
}

// modality=..., negated=no|yes|any and statements=yes|no.
Status ParseKinds(const Params& params, const std::string& prefix, EventKinds* kinds) {
  if (!Get(params, "modality").empty()) {
    Status status =
        ParseModalities(Get(params, "modality"), prefix + "modality", &kinds->modalities);
    if (!status.ok()) return status;
  }
  const std::string negated = Get(params, "negated");
  if (negated == "no") {
    kinds->negated = false;
  } else if (negated == "yes") {
    kinds->negated = true;
  } else if (negated == "any") {
    kinds->negated = std::nullopt;
  } else if (!negated.empty()) {
    return Status::InvalidInput(prefix + "negated must be no, yes or any");
  }
  return ParseStatements(Get(params, "statements"), prefix + "statements", &kinds->statements);
}

Status ParseNumbers(const Params& params, const FilterRules& rules, QueryFilter* filter) {
  const std::string& prefix = rules.prefix;
  long long number = 0;
  if (!Get(params, "quad").empty()) {
    if (!ParseBoundedNumber(Get(params, "quad"), 1, 4, &number)) {
      return Status::InvalidInput(prefix + "quad must be 1, 2, 3 or 4");
    }
    filter->quad_class = static_cast<int>(number);
  }
  if (!Get(params, "story").empty()) {
    if (!ParseBoundedNumber(Get(params, "story"), 1, 1LL << 40, &number)) {
      return Status::InvalidInput(prefix + "story must be a story number");
    }
    filter->story = number;
  }
  if (!Get(params, "limit").empty()) {
    long long max = rules.max_limit ? rules.max_limit : 1LL << 40;
    if (!ParseBoundedNumber(Get(params, "limit"), 1, max, &number)) {
      return Status::InvalidInput(prefix + "limit must be a number from 1 to " +
                                  std::to_string(max));
    }
    filter->limit = number;
  }
  if (!Get(params, "offset").empty()) {
    if (!ParseBoundedNumber(Get(params, "offset"), 0, 1LL << 40, &number)) {
      return Status::InvalidInput(prefix + "offset must be a number, 0 or more");
    }
    filter->offset = number;
  }
  return Status::Ok();
}

// dyad, directed, code and root.
Status ParseEventShape(const Params& params, const std::string& prefix, QueryFilter* filter) {
  if (!Get(params, "dyad").empty()) {
    Status status = ParseDyad(Get(params, "dyad"), prefix + "dyad", filter);
    if (!status.ok()) return status;
  }
  std::string directed = Get(params, "directed");
  if (!directed.empty() && directed != "true" && directed != "false" && directed != "1" &&
      directed != "0") {
    return Status::InvalidInput(prefix + "directed must be true or false");
  }
  filter->directed = directed == "true" || directed == "1";
  for (const char* key : {"code", "root"}) {
    if (Get(params, key).empty()) continue;
    Status status =
        ParseCodes(Get(params, key), std::string(key) == "root", prefix + key, &filter->codes);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

// A decimal number ("-6.2", "106.8", "50"): no exponents, no "nan" or "inf".
bool ParseDecimal(const std::string& text, double* out) {
  size_t digits = 0, points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '.') {
      ++points;
    } else if (!((c == '-' || c == '+') && i == 0)) {
      return false;
    }
  }
  if (digits == 0 || points > 1 || text.size() > 20) return false;
  *out = std::stod(text);
  return true;
}

// near=LAT,LON,KM: a point in decimal degrees and a radius in kilometres.
Status ParseNear(const std::string& value, const std::string& name, QueryFilter* filter) {
  std::vector<std::string> parts = Split(value, ',');
  NearFilter near;
  bool ok = parts.size() == 3 && ParseDecimal(std::string(Trim(parts[0])), &near.lat) &&
            ParseDecimal(std::string(Trim(parts[1])), &near.lon) &&
            ParseDecimal(std::string(Trim(parts[2])), &near.km);
  if (!ok) {
    return Status::InvalidInput(name +
                                " must be LAT,LON,KM: decimal degrees and kilometres, e.g. "
                                "-6.2,106.8,50: \"" +
                                value + "\"");
  }
  if (near.lat < -90 || near.lat > 90) {
    return Status::InvalidInput(name + ": the latitude must be from -90 to 90");
  }
  if (near.lon < -180 || near.lon > 180) {
    return Status::InvalidInput(name + ": the longitude must be from -180 to 180");
  }
  if (near.km <= 0 || near.km > 20040) {  // half the Earth's circumference takes everything
    return Status::InvalidInput(name + ": the distance must be more than 0 and at most 20040 km");
  }
  filter->near = near;
  return Status::Ok();
}

}  // namespace

bool IsPlaceId(const std::string& text) {
  if (text.size() < 3 ||
      !std::all_of(text.begin(), text.begin() + 3, [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return false;
  }
  if (text.size() == 3) return true;
  if (text[3] != '.' || text.back() == '.') return false;
  for (size_t i = 4; i < text.size(); ++i) {
    char c = text[i];
    bool part = std::isalnum(static_cast<unsigned char>(c)) || c == '-';
    if (!part && !(c == '.' && text[i - 1] != '.')) return false;
  }
  return true;
}

bool ParseBoundedNumber(const std::string& text, long long min, long long max, long long* out) {
  if (text.empty() || text.size() > 12 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  *out = std::stoll(text);
  return *out >= min && *out <= max;
}

bool IsActorCode(const std::string& text) {
  if (text.size() < 3 || text.size() > 15) return false;
  for (char c : text) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return text[0] >= 'A' && text[0] <= 'Z';
}

Result<QueryFilter> ParseQueryFilter(const Params& params, const FilterRules& rules) {
  QueryFilter filter;
  filter.limit = rules.default_limit;
  const std::string& prefix = rules.prefix;
  for (Status status :
       {CheckValues(params, rules), ParseDates(params, prefix, &filter),
        ParseEventShape(params, prefix, &filter), ParseKinds(params, prefix, &filter.kinds),
        ParseNumbers(params, rules, &filter)}) {
    if (!status.ok()) return status;
  }
  filter.actor = Get(params, "actor");
  filter.country = Get(params, "country");
  filter.agent = Get(params, "agent");
  filter.name = Get(params, "name");
  filter.source = Get(params, "source");
  filter.language = Get(params, "lang");
  filter.place = std::string(Trim(Get(params, "place")));
  if (!Get(params, "near").empty()) {
    Status status = ParseNear(Get(params, "near"), prefix + "near", &filter);
    if (!status.ok()) return status;
  }
  if (!filter.language.empty() && filter.language != "id" && filter.language != "en") {
    return Status::InvalidInput(prefix + "lang must be id or en");
  }
  return filter;
}

}  // namespace warta
