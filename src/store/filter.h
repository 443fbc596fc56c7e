// Reading a QueryFilter from named parameters: one set of rules for the
// command line (`warta query --dyad PRK:RUS`) and the HTTP API
// (`/api/events?dyad=PRK:RUS`), so both accept and refuse the same things.
//
//   std::map<std::string, std::string> params = {{"dyad", "PRK:RUS"}, {"root", "04"}};
//   auto filter = ParseQueryFilter(params, {});
//   if (!filter.ok()) puts(filter.status().message().c_str());  // names the parameter
//
// Parameters: actor, country, agent, name, dyad (A:B: two actor codes or
// countries), directed (true|false), code and root (comma-separated CAMEO
// codes, roots 01-20), quad (1-4), from and to (YYYY-MM-DD, YYYY-MM or YYYY),
// lang (id|en), source, story, limit, offset, modality (asserted, alleged,
// intended, comma-separated, or any; default asserted), negated (no, yes
// or any; default no) and statements (yes or no; default yes; no leaves out
// CAMEO root 01), place (a gazetteer id such as IDN.JI, taking every place
// inside it; a country's ISO alpha-3 code; or a place's name) and near
// (LAT,LON,KM: within KM kilometres of the point). A value holding a control
// character (NUL, tab, ...) is refused, whatever its parameter.
#pragma once

#include <map>
#include <string>

#include "store/store.h"
#include "warta/status.h"

namespace warta {

struct FilterRules {
  std::string prefix;           // put before parameter names in messages ("--" on the CLI)
  long long max_limit = 0;      // 0: no cap; otherwise a larger limit is refused
  long long default_limit = 0;  // used when no limit is given (0: unlimited)
  bool allow_unknown = false;   // refuse parameters not listed above unless true
};

Result<QueryFilter> ParseQueryFilter(const std::map<std::string, std::string>& params,
                                     const FilterRules& rules);

// Parses a whole number within [min, max]; false for anything else ("", "-1", "1e3").
bool ParseBoundedNumber(const std::string& text, long long min, long long max, long long* out);

// Whether --place X is read as a gazetteer id (data/README.md: "IDN",
// "IDN.JI", "IDN.JI.surabaya": three capitals, then dot-separated parts of
// letters, digits and hyphens) rather than a place's name ("Surabaya").
bool IsPlaceId(const std::string& text);

// A CAMEO actor or country code as the store writes them: 3 to 15 capital letters or digits.
bool IsActorCode(const std::string& text);

}  // namespace warta
