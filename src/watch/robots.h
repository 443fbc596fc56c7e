// watch/robots: what a site's robots.txt lets warta fetch (RFC 9309).
//
//   RobotsRules rules = RobotsRules::Parse(body, "warta");
//   if (!rules.Allows("/news/1")) skip();
//
// The group for the first user-agent that is a part of `agent` (case
// ignored) applies, else the group for "*", else nothing is forbidden.
// Within it the longest matching Allow or Disallow path wins, Allow on a tie;
// "*" in a path matches any characters and a final "$" the end of the path.
// An empty Disallow forbids nothing. A plain value: thread-safe to read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace warta::watch {

class RobotsRules {
 public:
  static RobotsRules Parse(std::string_view text, std::string_view agent);
  static RobotsRules AllowAll() { return RobotsRules(); }
  static RobotsRules DisallowAll();

  // `path` is the URL's path and query ("/news/1?x=2").
  bool Allows(std::string_view path) const;

 private:
  struct Rule {
    std::string pattern;
    bool allow = false;
  };
  std::vector<Rule> rules_;
};

}  // namespace warta::watch
