// The article rules, on events made by hand: implicit targets, duplicates,
// and the countries of actors the text names without one.
#include "events/article_rules.h"

#include <gtest/gtest.h>

namespace warta {
namespace {

Actor MakeActor(const std::string& country, const std::string& agent = "") {
  Actor actor;
  actor.country = country;
  actor.agent = agent;
  actor.code = country + agent;
  actor.name = actor.code;
  return actor;
}

Event MakeEvent(const Actor& source, const std::string& cameo,
                const std::optional<Actor>& target = std::nullopt) {
  Event event;
  event.source = source;
  event.target = target;
  event.cameo = cameo;
  event.cameo_root = cameo.substr(0, 2);
  return event;
}

// Each event's target code, "-" for none.
std::string Targets(const std::vector<Event>& events) {
  std::string targets;
  for (const Event& e : events) {
    if (!targets.empty()) targets += " ";
    targets += e.target ? e.target->code : "-";
  }
  return targets;
}

TEST(ArticleRulesTest, ImplicitTargetsTableDriven) {
  Actor isr = MakeActor("ISR", "MIL"), eur = MakeActor("EUR"), pse = MakeActor("PSE");
  Actor mda = MakeActor("MDA", "GOV"), unhcr = MakeActor("IGO", "UNO");
  Actor idn_gov = MakeActor("IDN", "GOV"), idn_cop = MakeActor("IDN", "COP");
  Actor idn_edu = MakeActor("IDN", "EDU"), kor = MakeActor("KOR"), prk = MakeActor("PRK", "GOV");
  Actor jpn = MakeActor("JPN", "GOV");
  struct Case {
    const char* what;
    std::vector<Event> events;
    std::string country;  // the article's
    const char* expected;
  } cases[] = {
      {"a criticism answers the latest act of force by another",
       {MakeEvent(isr, "190", pse), MakeEvent(eur, "111")},
       "",
       "PSE ISRMIL"},
      {"praise answers what the article leads with",
       {MakeEvent(eur, "040", mda), MakeEvent(mda, "051")},
       "",
       "MDAGOV EUR"},
      {"a rejection answers an appeal",
       {MakeEvent(unhcr, "020", idn_gov), MakeEvent(idn_gov, "120")},
       "IDN",
       "IDNGOV IGOUNO"},
      {"a pledge is made to the other state of its maker's latest event",
       {MakeEvent(kor, "111", prk), MakeEvent(prk, "030")},
       "",
       "PRKGOV KOR"},
      {"a protest is against the protesters' government; repression falls on them",
       {MakeEvent(idn_edu, "141"), MakeEvent(idn_cop, "172")},
       "IDN",
       "IDNGOV IDNEDU"},
      {"a violent protest has no implicit target", {MakeEvent(idn_edu, "145")}, "IDN", "-"},
      {"an arrest naming no one is of suspects", {MakeEvent(idn_cop, "173")}, "IDN", "IDNCRM"},
      {"aid from abroad goes to the article's country's people",
       {MakeEvent(jpn, "070"), MakeEvent(idn_gov, "070"), MakeEvent(unhcr, "070")},
       "IDN",
       "IDNCVL - -"},
      {"a denial answers no one", {MakeEvent(isr, "190", pse), MakeEvent(eur, "016")}, "", "PSE -"},
  };
  for (Case& c : cases) {
    AddImplicitTargets(c.country, &c.events);
    EXPECT_EQ(Targets(c.events), c.expected) << c.what;
  }
}

TEST(ArticleRulesTest, FoldDuplicatesTableDriven) {
  Actor rus = MakeActor("RUS"), ukr = MakeActor("UKR");
  Event attack = MakeEvent(rus, "190", ukr);
  Event intended = attack;
  intended.modality = Modality::kIntended;
  Event negated = attack;
  negated.negated = true;
  Event dated = attack;
  dated.date = Date::Parse("2024-03-01");
  Event other_code = MakeEvent(rus, "193", ukr);
  struct Case {
    const char* what;
    std::vector<Event> events;
    size_t kept;
  } cases[] = {
      {"the same event told twice is one", {attack, attack}, 1},
      {"intended is another event", {attack, intended}, 2},
      {"negated is another event", {attack, negated}, 2},
      {"another date is another event", {attack, dated}, 2},
      {"another code is another event", {attack, other_code}, 2},
  };
  for (Case& c : cases) EXPECT_EQ(FoldDuplicates(c.events).size(), c.kept) << c.what;
}

Mention Place(const std::string& country) {
  Mention mention;
  mention.actors = {MakeActor(country)};
  mention.location = true;
  return mention;
}

TEST(ArticleRulesTest, CountriesOfActorsNamedWithoutOne) {
  struct Case {
    const char* agent;
    const char* country;
    const char* expected;
  } cases[] = {{"COP", "IDN", "IDNCOP"},
               {"IGO", "IDN", "IGOIGO"},
               {"UNO", "IDN", "IGOUNO"},
               {"COP", "", "COP"}};
  for (const Case& c : cases) {
    Actor actor;
    actor.agent = c.agent;
    actor.code = c.agent;
    FillCountry(c.country, &actor);
    EXPECT_EQ(actor.code, c.expected) << c.agent;
  }
  // The sentence's place; for ordinary people, else the story's last place.
  ArticlePlaces places;
  places.Read({Place("MMR")});
  Actor police = MakeActor("", "COP");
  places.Fill(&police);
  EXPECT_EQ(police.code, "MMRCOP");
  places.Read({});
  Actor residents = MakeActor("", "CVL"), officials = MakeActor("", "GOV");
  places.Fill(&residents);
  places.Fill(&officials);
  EXPECT_EQ(residents.code, "MMRCVL");
  EXPECT_EQ(officials.code, "GOV");
}

}  // namespace
}  // namespace warta
