// eval: how well warta codes, against hand-coded gold events.
//
//   auto gold = ReadGold("eval/dev/id.gold.jsonl");
//   Evaluation evaluation(gold.value());
//   for (each coded article) evaluation.Add(article_id, language, events, text);
//   EvalReport report = evaluation.Finish();
//   std::cout << FormatReport(report, /*explain=*/true);
//
// Gold format (one JSON object a line, documented in README.md):
//   {"article", "source", "source_agent", "target", "target_agent", "cameo",
//    "date", "modality", "negated", "evidence"}
// and, for the development sentences in ../shared/dev, their own format
// ({"doc", "source": {"country", "agent", ...}, "target": {...}, "cameo", ...}
// or {"doc", "none": true}) is read too.
//
// Matching: an event matches a gold event of the same article with the same
// source country, target country (or both none) and CAMEO root ("strict");
// meetings and talks (04) and signed agreements (057) match either way, and
// the second direction of such a reciprocal event is neither a hit nor a
// miss. "Root level" matches on article and root only. Each gold event
// matches at most one event. Not thread-safe.
//
// Placement is scored on strict matches: right at country level (of matches
// whose gold has a place), right at first-level division (the gold division
// is one of the names of the location's division, ignoring case; a gold
// without a division wants a whole country), and placed where the gold has
// no place.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "warta/event.h"
#include "warta/status.h"

namespace warta {

struct GoldEvent {
  std::string article;
  std::string source, source_agent, target, target_agent;  // target "" when none
  std::string cameo, root, date, modality, evidence;
  bool negated = false;
  // Where the sentence says the event happened ("place" in ../shared/dev):
  // absent when the gold says nowhere.
  bool has_place = false;
  std::string place_name, place_country, place_adm1;  // adm1 "" for a whole country
};

struct Counts {
  int true_positives = 0, false_positives = 0, false_negatives = 0;
  double Precision() const;
  double Recall() const;
  double F1() const;
};

// Placement on matched events (issue 14).
struct PlacementScores {
  int gold_placed = 0;          // matched events whose gold has a place
  int country_right = 0;        // ... placed in the gold's country
  int adm1_right = 0;           // ... and in its first-level division (or both a whole country)
  int gold_unplaced = 0;        // matched events whose gold has no place
  int placed_without_gold = 0;  // ... that warta placed all the same
  bool scored() const { return gold_placed + gold_unplaced > 0; }
  double CountryRate() const;
  double Adm1Rate() const;
  double PlacedWithoutGoldRate() const;
};

struct EvalReport {
  Counts strict, root_level;
  int matched_with_right_date = 0;
  int matched_with_gold_date = 0;             // matched events whose gold event has a date
  std::map<std::string, Counts> by_root;      // strict, by gold or coded root
  std::map<std::string, Counts> by_language;  // strict
  PlacementScores places;
  std::vector<std::string> explanations;  // one line per miss or spurious event
  int articles = 0;
};

// Reads gold events; errors name the file and line.
Result<std::vector<GoldEvent>> ReadGold(const std::string& path);

// Every name of a gazetteer place by id ("IDN.JI" → Jawa Timur, Jatim, East
// Java), so a gold division written in either language matches.
using PlaceNames = std::function<std::vector<std::string>(const std::string& id)>;

class Evaluation {
 public:
  // Without `place_names` a gold division is compared with the location's
  // division name only.
  explicit Evaluation(std::vector<GoldEvent> gold, PlaceNames place_names = nullptr);
  // Scores one coded article against its gold events.
  void Add(const std::string& article_id, const std::string& language,
           const std::vector<Event>& events);
  // Counts gold events of articles never added as misses, and returns the report.
  EvalReport Finish();

 private:
  void ScorePlace(const std::string& article_id, const GoldEvent& gold, const Event& event);
  bool SameDivision(const GoldEvent& gold, const Location& location) const;

  PlaceNames place_names_;
  std::map<std::string, std::vector<GoldEvent>> gold_by_article_;
  std::map<std::string, std::string> seen_languages_;
  EvalReport report_;
};

std::string FormatReport(const EvalReport& report, bool explain);
// The report as one JSON object (`warta eval --format json`).
std::string FormatReportJson(const EvalReport& report);

}  // namespace warta
