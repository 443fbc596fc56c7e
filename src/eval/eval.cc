#include "eval/eval.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "util/json_writer.h"
#include "util/text.h"

namespace warta {

double Counts::Precision() const {
  int found = true_positives + false_positives;
  return found ? static_cast<double>(true_positives) / found : 0;
}
double Counts::Recall() const {
  int expected = true_positives + false_negatives;
  return expected ? static_cast<double>(true_positives) / expected : 0;
}
namespace {
double Rate(int part, int whole) { return whole ? static_cast<double>(part) / whole : 0; }
}  // namespace

double PlacementScores::CountryRate() const { return Rate(country_right, gold_placed); }
double PlacementScores::Adm1Rate() const { return Rate(adm1_right, gold_placed); }
double PlacementScores::PlacedWithoutGoldRate() const {
  return Rate(placed_without_gold, gold_unplaced);
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
  auto place = json.find("place");
  if (place != json.end() && place->is_object()) {
    gold->has_place = true;
    gold->place_name = Text(*place, "name");
    gold->place_country = Text(*place, "country");
    gold->place_adm1 = Text(*place, "adm1");
  }
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

Evaluation::Evaluation(std::vector<GoldEvent> gold, PlaceNames place_names)
    : place_names_(std::move(place_names)) {
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
    ScorePlace(article_id, gold[hit], e);
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

namespace {

// "Cairo Governorate", "Provinsi Kairo": a division's name without the word
// for its kind, which a gold division ("Cairo") leaves out.
std::string WithoutKindWord(const std::string& lower) {
  static const char* kKinds[] = {"governorate", "province", "provinsi",   "region", "state",
                                 "district",    "oblast",   "prefecture", "county", "wilayah"};
  for (const char* kind : kKinds) {
    std::string word = kind;
    if (lower.size() > word.size() + 1 && lower.rfind(word + " ", 0) == 0) {
      return lower.substr(word.size() + 1);
    }
    if (lower.size() > word.size() + 1 &&
        lower.compare(lower.size() - word.size() - 1, word.size() + 1, " " + word) == 0) {
      return lower.substr(0, lower.size() - word.size() - 1);
    }
  }
  return lower;
}

}  // namespace

bool Evaluation::SameDivision(const GoldEvent& gold, const Location& location) const {
  if (gold.place_adm1.empty() || location.adm1_id.empty()) {
    return gold.place_adm1.empty() && location.adm1_id.empty();
  }
  std::vector<std::string> names = {location.adm1};
  if (place_names_) names = place_names_(location.adm1_id);
  std::string wanted = ToLower(gold.place_adm1);
  for (const std::string& name : names) {
    std::string lower = ToLower(name);
    if (lower == wanted || WithoutKindWord(lower) == wanted) return true;
  }
  return false;
}

void Evaluation::ScorePlace(const std::string& article_id, const GoldEvent& gold,
                            const Event& event) {
  PlacementScores& counts = report_.places;
  const std::optional<Location>& placed = event.location;
  std::string where = placed ? placed->name + " (" + placed->id + ", " + placed->basis + ")" : "-";
  if (!gold.has_place) {
    ++counts.gold_unplaced;
    if (!placed) return;
    ++counts.placed_without_gold;
    report_.explanations.push_back(article_id + "  place     " + Describe(event) + " at " + where +
                                   ", gold: nowhere");
    return;
  }
  ++counts.gold_placed;
  bool country = placed && placed->country == gold.place_country;
  bool division = country && SameDivision(gold, *placed);
  counts.country_right += country ? 1 : 0;
  counts.adm1_right += division ? 1 : 0;
  if (division) return;
  report_.explanations.push_back(article_id + "  place     " + Describe(event) + " at " + where +
                                 ", gold: " + gold.place_name + " (" + gold.place_country + ", " +
                                 gold.place_adm1 + ")");
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
  if (report.places.scored()) {
    const PlacementScores& p = report.places;
    std::snprintf(line, sizeof line,
                  "place on matched: country %.3f, division %.3f (%d, %d of %d with a gold "
                  "place); placed where the gold has none %d of %d (%.3f)\n\n",
                  p.CountryRate(), p.Adm1Rate(), p.country_right, p.adm1_right, p.gold_placed,
                  p.placed_without_gold, p.gold_unplaced, p.PlacedWithoutGoldRate());
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

namespace {

void CountsJson(const Counts& counts, JsonWriter* json) {
  json->BeginObject();
  json->Key("precision");
  json->Double(counts.Precision(), 3);
  json->Key("recall");
  json->Double(counts.Recall(), 3);
  json->Key("f1");
  json->Double(counts.F1(), 3);
  json->Key("hits");
  json->Int(counts.true_positives);
  json->Key("extra");
  json->Int(counts.false_positives);
  json->Key("missed");
  json->Int(counts.false_negatives);
  json->EndObject();
}

void PlacesJson(const PlacementScores& p, JsonWriter* json) {
  json->BeginObject();
  json->Key("gold_placed");
  json->Int(p.gold_placed);
  json->Key("country_right");
  json->Int(p.country_right);
  json->Key("country_rate");
  json->Double(p.CountryRate(), 3);
  json->Key("adm1_right");
  json->Int(p.adm1_right);
  json->Key("adm1_rate");
  json->Double(p.Adm1Rate(), 3);
  json->Key("gold_unplaced");
  json->Int(p.gold_unplaced);
  json->Key("placed_without_gold");
  json->Int(p.placed_without_gold);
  json->Key("placed_without_gold_rate");
  json->Double(p.PlacedWithoutGoldRate(), 3);
  json->EndObject();
}

void CountsByJson(const char* key, const std::map<std::string, Counts>& by, JsonWriter* json) {
  json->Key(key);
  json->BeginObject();
  for (const auto& [name, counts] : by) {
    json->Key(name);
    CountsJson(counts, json);
  }
  json->EndObject();
}

}  // namespace

std::string FormatReportJson(const EvalReport& report) {
  std::string out;
  JsonWriter json(&out);
  json.BeginObject();
  json.Key("articles");
  json.Int(report.articles);
  json.Key("strict");
  CountsJson(report.strict, &json);
  json.Key("root_level");
  CountsJson(report.root_level, &json);
  json.Key("matched_with_gold_date");
  json.Int(report.matched_with_gold_date);
  json.Key("matched_with_right_date");
  json.Int(report.matched_with_right_date);
  json.Key("places");
  PlacesJson(report.places, &json);
  CountsByJson("by_language", report.by_language, &json);
  CountsByJson("by_root", report.by_root, &json);
  json.EndObject();
  return out + "\n";
}

}  // namespace warta
