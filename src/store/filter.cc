#include "store/filter.h"

#include <set>

#include "warta/date.h"

namespace warta {

namespace {

constexpr size_t kMaxValueBytes = 200;  // longer values are typing accidents or attacks

const std::set<std::string>& KnownParameters() {
  static const std::set<std::string> known = {
      "actor", "country", "agent", "name", "dyad",   "directed", "code",  "root",
      "quad",  "from",    "to",    "lang", "source", "story",    "limit", "offset"};
  return known;
}

// Splits "042,05" and checks each part is a CAMEO code (a root when `roots`).
Status ParseCodes(const std::string& list, bool roots, const std::string& name,
                  std::vector<std::string>* codes) {
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string code =
        list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    bool digits = !code.empty() && code.size() <= 4 &&
                  code.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || (roots && code.size() != 2)) {
      return Status::InvalidInput(name + " takes CAMEO " +
                                  (roots ? "roots (two digits)" : "codes") +
                                  ", comma-separated: \"" + code + "\"");
    }
    codes->push_back(code);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return Status::Ok();
}

Status ParseDyad(const std::string& dyad, const std::string& name, QueryFilter* filter) {
  size_t colon = dyad.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == dyad.size()) {
    return Status::InvalidInput(name + " must be A:B, e.g. PRK:RUS");
  }
  filter->dyad_a = dyad.substr(0, colon);
  filter->dyad_b = dyad.substr(colon + 1);
  return Status::Ok();
}

}  // namespace

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

Result<QueryFilter> ParseQueryFilter(const std::map<std::string, std::string>& params,
                                     const FilterRules& rules) {
  QueryFilter filter;
  filter.limit = rules.default_limit;
  auto name = [&](const std::string& key) { return rules.prefix + key; };
  for (const auto& [key, value] : params) {
    if (!rules.allow_unknown && !KnownParameters().count(key)) {
      return Status::InvalidInput("unknown parameter " + name(key));
    }
    if (value.size() > kMaxValueBytes) {
      return Status::InvalidInput(name(key) + " is too long (at most 200 bytes)");
    }
  }
  auto get = [&](const std::string& key) {
    auto it = params.find(key);
    return it == params.end() ? std::string() : it->second;
  };
  filter.actor = get("actor");
  filter.country = get("country");
  filter.agent = get("agent");
  filter.name = get("name");
  filter.language = get("lang");
  filter.source = get("source");
  filter.from = get("from");
  filter.to = get("to");
  for (const char* key : {"from", "to"}) {
    const std::string value = get(key);
    if (!value.empty() && !Date::Parse(value)) {
      return Status::InvalidInput(name(key) + " must be a date, YYYY-MM-DD, YYYY-MM or YYYY: \"" +
                                  value + "\"");
    }
  }
  if (!filter.from.empty() && !filter.to.empty() &&
      filter.to < filter.from.substr(0, filter.to.size())) {
    return Status::InvalidInput(name("from") + " is after " + name("to"));
  }
  if (!get("dyad").empty()) {
    Status status = ParseDyad(get("dyad"), name("dyad"), &filter);
    if (!status.ok()) return status;
  }
  std::string directed = get("directed");
  if (!directed.empty() && directed != "true" && directed != "false" && directed != "1" &&
      directed != "0") {
    return Status::InvalidInput(name("directed") + " must be true or false");
  }
  filter.directed = directed == "true" || directed == "1";
  for (const char* key : {"code", "root"}) {
    if (get(key).empty()) continue;
    Status status = ParseCodes(get(key), std::string(key) == "root", name(key), &filter.codes);
    if (!status.ok()) return status;
  }
  long long number = 0;
  if (!get("quad").empty()) {
    if (!ParseBoundedNumber(get("quad"), 1, 4, &number)) {
      return Status::InvalidInput(name("quad") + " must be 1, 2, 3 or 4");
    }
    filter.quad_class = static_cast<int>(number);
  }
  if (!get("story").empty()) {
    if (!ParseBoundedNumber(get("story"), 1, 1LL << 40, &number)) {
      return Status::InvalidInput(name("story") + " must be a story number");
    }
    filter.story = number;
  }
  if (!get("limit").empty()) {
    long long max = rules.max_limit ? rules.max_limit : 1LL << 40;
    if (!ParseBoundedNumber(get("limit"), 1, max, &number)) {
      return Status::InvalidInput(name("limit") + " must be a number from 1 to " +
                                  std::to_string(max));
    }
    filter.limit = number;
  }
  if (!get("offset").empty()) {
    if (!ParseBoundedNumber(get("offset"), 0, 1LL << 40, &number)) {
      return Status::InvalidInput(name("offset") + " must be a number, 0 or more");
    }
    filter.offset = number;
  }
  return filter;
}

}  // namespace warta
