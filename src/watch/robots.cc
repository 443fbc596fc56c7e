#include "watch/robots.h"

#include <algorithm>
#include <cctype>

namespace warta::watch {

namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

// Whether `pattern` ("*" any run, "$" at its end the end) matches the start of `path`.
bool Matches(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return true;
  if (pattern == "$") return path.empty();
  if (pattern.front() == '*') {
    for (size_t skip = 0; skip <= path.size(); ++skip) {
      if (Matches(pattern.substr(1), path.substr(skip))) return true;
    }
    return false;
  }
  return !path.empty() && pattern.front() == path.front() &&
         Matches(pattern.substr(1), path.substr(1));
}

struct Line {
  std::string field;  // lower case
  std::string value;
};

std::vector<Line> Lines(std::string_view text) {
  std::vector<Line> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    line = line.substr(0, line.find('#'));
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    lines.push_back(
        {Lower(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1)))});
  }
  return lines;
}

}  // namespace

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules rules;
  rules.rules_.push_back({"/", false});
  return rules;
}

RobotsRules RobotsRules::Parse(std::string_view text, std::string_view agent) {
  std::string own = Lower(agent);
  RobotsRules mine, anyone;
  bool found_mine = false;
  // Consecutive user-agent lines open one group; a rule line ends the run.
  std::vector<std::string> group_agents;
  bool in_rules = false;
  for (const Line& line : Lines(text)) {
    if (line.field == "user-agent") {
      if (in_rules) group_agents.clear();
      in_rules = false;
      group_agents.push_back(Lower(line.value));
      continue;
    }
    if (line.field != "allow" && line.field != "disallow") continue;
    in_rules = true;
    bool for_me =
        std::any_of(group_agents.begin(), group_agents.end(), [&](const std::string& name) {
          return name != "*" && !name.empty() && own.find(name) != std::string::npos;
        });
    bool for_all = std::find(group_agents.begin(), group_agents.end(), "*") != group_agents.end();
    found_mine = found_mine || for_me;
    if (line.value.empty()) continue;  // "Disallow:" forbids nothing
    Rule rule{line.value, line.field == "allow"};
    if (for_me) mine.rules_.push_back(rule);
    if (for_all) anyone.rules_.push_back(rule);
  }
  return found_mine ? mine : anyone;
}

bool RobotsRules::Allows(std::string_view path) const {
  const Rule* best = nullptr;
  for (const Rule& rule : rules_) {
    if (!Matches(rule.pattern, path)) continue;
    if (best == nullptr || rule.pattern.size() > best->pattern.size() ||
        (rule.pattern.size() == best->pattern.size() && rule.allow)) {
      best = &rule;
    }
  }
  return best == nullptr || best->allow;
}

}  // namespace warta::watch
