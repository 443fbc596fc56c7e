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
#pragma once

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
};

struct Counts {
  int true_positives = 0, false_positives = 0, false_negatives = 0;
  double Precision() const;
  double Recall() const;
  double F1() const;
};

struct EvalReport {
  Counts strict, root_level;
  int matched_with_right_date = 0;
  int matched_with_gold_date = 0;             // matched events whose gold event has a date
  std::map<std::string, Counts> by_root;      // strict, by gold or coded root
  std::map<std::string, Counts> by_language;  // strict
  std::vector<std::string> explanations;      // one line per miss or spurious event
  int articles = 0;
};

// Reads gold events; errors name the file and line.
Result<std::vector<GoldEvent>> ReadGold(const std::string& path);

class Evaluation {
 public:
  explicit Evaluation(std::vector<GoldEvent> gold);
  // Scores one coded article against its gold events.
  void Add(const std::string& article_id, const std::string& language,
           const std::vector<Event>& events);
  // Counts gold events of articles never added as misses, and returns the report.
  EvalReport Finish();

 private:
  std::map<std::string, std::vector<GoldEvent>> gold_by_article_;
  std::map<std::string, std::string> seen_languages_;
  EvalReport report_;
};

std::string FormatReport(const EvalReport& report, bool explain);

}  // namespace warta
