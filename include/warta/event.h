// The event record: warta's output contract (documented in README.md).
//
// Field names are stable; tools downstream read them. Offsets in `Evidence`
// are byte offsets into the ORIGINAL article text, not the cleaned text.
// Plain value types; ToJson is thread-safe.
#pragma once

#include <optional>
#include <string>

#include "warta/date.h"

namespace warta {

enum class Modality { kAsserted, kAlleged, kIntended };
const char* ModalityName(Modality modality);

struct Span {
  size_t start = 0;  // byte offsets into the original article text
  size_t end = 0;
};

struct Evidence {
  Span sentence;
  std::string text;  // the sentence as it appears in the original
  Span source;       // where the source, verb and target were written;
  Span verb;         // a zero-length span when not written (e.g. inherited)
  Span target;
};

// Where an event happened (issue 14). Ids come from the gazetteer in data/places/ and are
// hierarchical: "IDN", "IDN.JI" (a province), "IDN.JI.surabaya" (a city in it), so every
// place inside X has an id that is X or starts with "X.".
struct Location {
  std::string id;
  std::string name;          // as written in the text (or the gazetteer's name when not written)
  std::string feature;       // "country", "adm1", "adm2", "city" or "site"
  std::string country;       // ISO alpha-3
  std::string country_name;  // the gazetteer's name of the country ("Indonesia"), for GDELT
  std::string adm1;          // the first-level division's name; empty for a whole country
  std::string adm1_id;       // its gazetteer id ("IDN.JI"); empty for a whole country
  std::string fips_country;  // FIPS 10-4 country code, as GDELT writes it ("ID")
  std::string adm1_code;     // GDELT's ADM1 code (FIPS country + division, "ID08"); empty if none
  double lat = 0;
  double lon = 0;
  Span span;          // where the place is written; zero-length when not written
  std::string basis;  // "written" (in the event's sentence), "carried" (an earlier
                      // sentence of the article), "dateline", "actor" (only the actors'
                      // country: weak)
};

struct Actor {
  std::string code;           // CAMEO actor code, e.g. "PRKGOV", "UNO"
  std::string country;        // ISO alpha-3, or "IGO"
  std::string agent;          // "GOV", "MIL", ... or empty
  std::string name;           // the name as written (or as first written in the article)
  std::optional<Date> start;  // the office's term, when from the people dictionary
  std::optional<Date> end;
  // Where the text places the actor ("pengungsi di Rafah", "Gubernur Jawa
  // Timur"): GDELT's Actor1Geo/Actor2Geo. Null when the text says nowhere;
  // never only its nationality. Basis "written".
  std::optional<Location> location;

  bool SameAs(const Actor& other) const { return code == other.code && name == other.name; }
};

struct Event {
  std::string article_id;
  std::string event_id;
  std::string language;
  std::optional<Date> published;

  std::optional<Date> date;
  std::string date_text;  // empty when dated by the publication day

  Actor source;
  std::optional<Actor> target;

  std::string cameo;  // "042"
  std::string cameo_root;
  std::string cameo_label;
  int quad_class = 0;
  double goldstein = 0;
  std::string plover;  // empty when PLOVER has no counterpart

  Modality modality = Modality::kAsserted;
  bool negated = false;
  Evidence evidence;
  double confidence = 0;
  std::optional<Location> location;  // null where nothing in the text supports a place
};

// One JSON object on one line, with the field names of the contract.
std::string ToJson(const Event& event);

}  // namespace warta
