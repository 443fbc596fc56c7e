#include "eval/eval.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

namespace warta {

double Counts::Precision() const {
  int found = true_positives + false_positives;
  return found ? static_cast<double>(true_positives) / found : 0;
}
double Counts::Recall() const {
  int expected = true_positives + false_negatives;
  return expected ? static_cast<double>(true_positives) / expected : 0;
}
double Counts::F1() const {
  double p = Precision(), r = Recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

namespace {

std::string Text(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// Our gold format, or the shared development set's.
bool ParseGold(const nlohmann::json& json, GoldEvent* gold) {
  gold->article = json.contains("article") ? Text(json, "article") : Text(json, "doc");
  if (json.value("none", false)) return false;
  for (auto [key, country, agent] : {std::tuple{"source", &gold->source, &gold->source_agent},
                                     {"target", &gold->target, &gold->target_agent}}) {
    auto it = json.find(key);
    if (it != json.end() && it->is_object()) {
      *country = Text(*it, "country");
      *agent = Text(*it, "agent");
    } else {
      *country = Text(json, key);
      *agent = Text(json, (std::string(key) + "_agent").c_str());
    }
  }
  gold->cameo = Text(json, "cameo");
  gold->root = json.contains("root") ? Text(json, "root") : gold->cameo.substr(0, 2);
  gold->date = Text(json, "date");
  gold->modality = Text(json, "modality");
  gold->evidence = Text(json, "evidence");
  gold->negated = json.value("negated", false);
  return true;
}

bool Symmetric(const std::string& root, const std::string& cameo) {
  return root == "04" || cameo == "057";
}

std::string Describe(const Event& e) {
  return e.source.code + " " + e.cameo + " " + (e.target ? e.target->code : "-") + " " +
         (e.date ? e.date->ToString() : "?");
}

}  // namespace

Result<std::vector<GoldEvent>> ReadGold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open gold file");
  std::vector<GoldEvent> gold;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto json = nlohmann::json::parse(line, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
      return Status::InvalidInput(path + ":" + std::to_string(number) + ": not a JSON object");
    }
    GoldEvent event;
    bool is_event = ParseGold(json, &event);
    if (event.article.empty()) {
      return Status::InvalidInput(path + ":" + std::to_string(number) +
                                  ": missing \"article\" (or \"doc\")");
    }
    if (is_event &&
        ((event.source.empty() && event.source_agent.empty()) || event.root.size() != 2)) {
      return Status::InvalidInput(path + ":" + std::to_string(number) +
                                  ": an event needs \"source\" and \"cameo\"");
    }
    // An article with no events still counts as an article to code.
    if (!is_event) event.root.clear();
    gold.push_back(std::move(event));
  }
  return gold;
}

Evaluation::Evaluation(std::vector<GoldEvent> gold) {
  for (GoldEvent& event : gold) gold_by_article_[event.article].push_back(std::move(event));
}

void Evaluation::Add(const std::string& article_id, const std::string& language,
                     const std::vector<Event>& events) {
  ++report_.articles;
  seen_languages_[article_id] = language;
  std::vector<GoldEvent>& gold = gold_by_article_[article_id];
  std::vector<bool> strict_used(gold.size(), false), root_used(gold.size(), false);
  Counts& lang = report_.by_language[language];
  for (const Event& e : events) {
    std::string target = e.target ? e.target->country : "";
    int hit = -1;
    bool mirror = false;
    for (size_t g = 0; g < gold.size(); ++g) {
      const GoldEvent& x = gold[g];
      if (x.root.empty() || x.root != e.cameo_root) continue;
      bool forward = x.source == e.source.country && x.target == target;
      bool backward =
          Symmetric(x.root, e.cameo) && x.source == target && x.target == e.source.country;
      if (strict_used[g]) {
        mirror = mirror || (Symmetric(x.root, e.cameo) && (forward || backward));
        continue;
      }
      if (forward || backward) {
        hit = static_cast<int>(g);
        break;
      }
    }
    if (hit < 0 && mirror) continue;
    // Root level: any unused gold event of the same root.
    bool root_hit = false;
    for (size_t g = 0; g < gold.size() && !root_hit; ++g) {
      root_hit = !root_used[g] && !gold[g].root.empty() && gold[g].root == e.cameo_root;
      if (root_hit) root_used[g] = true;
    }
    ++(root_hit ? report_.root_level.true_positives : report_.root_level.false_positives);
    if (hit < 0) {
      ++report_.strict.false_positives;
      ++lang.false_positives;
      ++report_.by_root[e.cameo_root].false_positives;
      report_.explanations.push_back(article_id + "  spurious  " + Describe(e) + "  | " +
                                     e.evidence.text);
      continue;
    }
    strict_used[hit] = true;
    ++report_.strict.true_positives;
    ++lang.true_positives;
    ++report_.by_root[e.cameo_root].true_positives;
    if (!gold[hit].date.empty()) ++report_.matched_with_gold_date;
    if (e.date && e.date->ToString() == gold[hit].date) ++report_.matched_with_right_date;
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    if (gold[g].root.empty()) continue;
    if (!root_used[g]) ++report_.root_level.false_negatives;
    if (strict_used[g]) continue;
    ++report_.strict.false_negatives;
    ++lang.false_negatives;
    ++report_.by_root[gold[g].root].false_negatives;
    const GoldEvent& x = gold[g];
    report_.explanations.push_back(
        article_id + "  missed    " + x.source + x.source_agent + " " + x.cameo + " " +
        (x.target.empty() ? "-" : x.target + x.target_agent) + " " + x.date + "  | " + x.evidence);
  }
}

EvalReport Evaluation::Finish() {
  for (auto& [article, gold] : gold_by_article_) {
    if (seen_languages_.count(article)) continue;
    for (const GoldEvent& x : gold) {
      if (x.root.empty()) continue;
      ++report_.strict.false_negatives;
      ++report_.root_level.false_negatives;
      ++report_.by_root[x.root].false_negatives;
      report_.explanations.push_back(article + "  missed    (article not coded) " + x.cameo);
    }
  }
  return report_;
}

std::string FormatReport(const EvalReport& report, bool explain) {
  std::string out;
  char line[256];
  auto row = [&](const std::string& name, const Counts& c) {
    std::snprintf(line, sizeof line, "%-22s %9.3f %7.3f %7.3f %6d %6d %6d\n", name.c_str(),
                  c.Precision(), c.Recall(), c.F1(), c.true_positives, c.false_positives,
                  c.false_negatives);
    out += line;
  };
  std::snprintf(line, sizeof line, "articles: %d\n\n%-22s %9s %7s %7s %6s %6s %6s\n",
                report.articles, "", "precision", "recall", "F1", "hits", "extra", "missed");
  out += line;
  row("strict", report.strict);
  row("root level", report.root_level);
  // Scored only over matches whose gold has a date: a set coded without
  // dates says so rather than scoring 0.
  if (report.matched_with_gold_date == 0) {
    out += "date right on matched: no dates in gold\n\n";
  } else {
    std::snprintf(
        line, sizeof line, "date right on matched: %.3f (%d of %d)\n\n",
        static_cast<double>(report.matched_with_right_date) / report.matched_with_gold_date,
        report.matched_with_right_date, report.matched_with_gold_date);
    out += line;
  }
  for (const auto& [language, counts] : report.by_language) row("language " + language, counts);
  out += "\n";
  for (const auto& [root, counts] : report.by_root) row("root " + root, counts);
  if (explain) {
    out += "\n";
    for (const std::string& explanation : report.explanations) out += explanation + "\n";
  }
  return out;
}

}  // namespace warta
