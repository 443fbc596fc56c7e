#include "events/article_rules.h"

#include <set>
#include <tuple>

#include "events/vocabulary.h"

namespace warta {

void ArticlePlaces::Read(const std::vector<Mention>& mentions) {
  place_.clear();
  for (const Mention& mention : mentions) {
    bool names_place = (mention.location && !mention.dateline) || mention.placed;
    if (names_place && !mention.actors.empty()) {
      place_ = mention.actors.front().country;
      break;
    }
  }
  if (!place_.empty()) story_place_ = place_;
}

void ArticlePlaces::Fill(Actor* actor) const {
  bool local = place_.empty() && agents::IsOrdinaryPeople(actor->agent);
  FillCountry(local ? story_place_ : place_, actor);
}

void FillCountry(const std::string& country, Actor* actor) {
  if (!actor->country.empty() || country.empty()) return;
  if (actor->agent == agents::kInternational || actor->agent == agents::kUnitedNations) {
    actor->country = agents::kInternational;
    actor->code = agents::kInternational + actor->agent;
    return;
  }
  actor->country = country;
  actor->code = country + actor->agent;
}

namespace {

// Whether `before` was done by another actor than `e`: a state and its
// government are one actor ("Korea Utara" and "Pyongyang"); two bodies of one
// state are two (army and RSF).
bool ByAnother(const Event& before, const Event& e) {
  bool state =
      before.source.agent.empty() || e.source.agent.empty() ||
      (before.source.agent == agents::kGovernment && e.source.agent == agents::kGovernment);
  bool same = before.source.country == e.source.country && state;
  return before.source.code != e.source.code && !before.source.country.empty() && !same;
}

// "China condemned the sanctions", "The strikes were condemned by Egypt": a
// criticism, rejection or threat whose object is an act, not an actor, is
// aimed at whoever did the latest act of material conflict (roots 14-20; for
// a rejection also an appeal or demand: "menolak permintaan tersebut" after
// UNHCR urged the government) before it by another actor; failing that, like
// praise of "the decision", at whoever did what the article leads with.
const Event* ReactedTo(const std::vector<Event>& events, size_t i) {
  const Event& e = events[i];
  int root = cameo::RootOf(e.cameo_root);
  if (root != cameo::kDiplomaticCooperation) {
    for (size_t k = i; k-- > 0;) {
      int before = cameo::RootOf(events[k].cameo_root);
      bool answered =
          cameo::IsMaterialConflict(before) || (root == cameo::kReject && cameo::Urges(before));
      if (answered && ByAnother(events[k], e)) return &events[k];
    }
  }
  for (size_t k = 0; k < i; ++k) {
    if (ByAnother(events[k], e)) return &events[k];
  }
  return nullptr;
}

// "Xi menyatakan China siap memperluas kerja sama investasi", "Pyongyang
// berjanji menghentikan pengiriman balon": a pledge with no one named is made
// to the other state of the latest event its maker's state took part in.
const Actor* PledgedTo(const std::vector<Event>& events, size_t i) {
  const std::string& country = events[i].source.country;
  if (country.empty()) return nullptr;
  auto other = [&](const Actor& actor) {
    return !actor.country.empty() && actor.country != country &&
           actor.country != agents::kInternational;
  };
  for (size_t k = i; k-- > 0;) {
    const Event& before = events[k];
    if (!before.target) continue;
    const Actor& a = before.source;
    const Actor& b = *before.target;
    if (a.country == country && other(b)) return &b;
    if (b.country == country && other(a)) return &a;
  }
  return nullptr;
}

// The unnamed people of one agent of a country ("IDN" "CRM": suspects).
Actor Unnamed(const std::string& country, const std::string& agent) {
  Actor actor;
  actor.code = country + agent;
  actor.country = country;
  actor.agent = agent;
  actor.name = country;
  return actor;
}

// "membubarkan paksa aksi itu", "fired tear gas to disperse the crowd":
// repression naming no one falls on the latest protesters. "Densus 88
// menangkap empat anggota jaringan yang sama": whoever an arrest names no
// actor for are suspects of the arresting state.
const Actor* Repressed(const std::vector<Event>& events, size_t i, Actor* made) {
  const Event& e = events[i];
  for (size_t k = i; k-- > 0;) {
    const Event& before = events[k];
    if (cameo::RootOf(before.cameo_root) == cameo::kProtest && !before.source.SameAs(e.source)) {
      return &before.source;
    }
  }
  if (e.cameo != cameo::kArrestCode || e.source.country.empty()) return nullptr;
  *made = Unnamed(e.source.country, agents::kCriminals);
  return made;
}

// "Ratusan mahasiswa Papua berunjuk rasa di kawasan Patung Kuda": a protest
// naming no one is against the protesters' own government.
const Actor* ProtestedTo(const Event& e, Actor* made) {
  const std::string& country = e.source.country;
  if (e.cameo == cameo::kViolentProtestCode || country.empty() ||
      country == agents::kInternational) {
    return nullptr;
  }
  *made = Unnamed(country, agents::kGovernment);
  return made;
}

// "Pemerintah Jepang menyalurkan generator listrik, tenda ...": aid from
// abroad with no one named goes to the people of the country the article is
// about.
const Actor* AidedFromAbroad(const Event& e, const std::string& country, Actor* made) {
  const std::string& from = e.source.country;
  if (country.empty() || from == country || from == agents::kInternational) return nullptr;
  *made = Unnamed(country, agents::kCivilians);
  return made;
}

// Whom events[i], naming no target, is aimed at, or null; an unnamed target
// made up here is kept in *made.
const Actor* ImplicitTarget(const std::vector<Event>& events, size_t i, const std::string& country,
                            Actor* made) {
  const Event& e = events[i];
  int root = cameo::RootOf(e.cameo_root);
  if (cameo::IsReaction(root)) {
    const Event* act = ReactedTo(events, i);
    return act != nullptr ? &act->source : nullptr;
  }
  if (root == cameo::kIntent) return PledgedTo(events, i);
  if (root == cameo::kCoerce) return Repressed(events, i, made);
  if (root == cameo::kProtest) return ProtestedTo(e, made);
  if (root == cameo::kAid) return AidedFromAbroad(e, country, made);
  return nullptr;
}

}  // namespace

void AddImplicitTargets(const std::string& country, std::vector<Event>* events) {
  for (size_t i = 0; i < events->size(); ++i) {
    Event& e = (*events)[i];
    if (e.target) continue;
    Actor made;
    const Actor* answered = ImplicitTarget(*events, i, country, &made);
    if (answered == nullptr) continue;
    e.target = *answered;
    e.evidence.target = Span{e.evidence.verb.start, e.evidence.verb.start};
  }
}

std::vector<Event> FoldDuplicates(std::vector<Event> events) {
  using Key = std::tuple<std::string, std::string, std::string, std::string, int, bool>;
  std::set<Key> seen;
  std::vector<Event> kept;
  for (Event& event : events) {
    std::string target = event.target ? event.target->code + "/" + event.target->name : "";
    Key key{event.source.code + "/" + event.source.name,
            target,
            event.cameo,
            event.date ? event.date->ToString() : "",
            static_cast<int>(event.modality),
            event.negated};
    if (seen.insert(key).second) kept.push_back(std::move(event));
  }
  return kept;
}

std::vector<Event> FoldStatements(std::vector<Event> events) {
  auto statement = [](const Event& e) { return e.cameo == cameo::kCommentCode; };
  auto same_target = [](const Event& a, const Event& b) {
    if (!a.target) return true;
    return b.target && a.target->SameAs(*b.target);
  };
  std::vector<bool> drop(events.size(), false);
  for (size_t i = 0; i < events.size(); ++i) {
    if (!statement(events[i])) continue;
    for (size_t j = 0; j < events.size() && !drop[i]; ++j) {
      if (j == i || drop[j] || !events[j].source.SameAs(events[i].source)) continue;
      bool earlier_or_act = j < i || !statement(events[j]);
      drop[i] = earlier_or_act && same_target(events[i], events[j]);
    }
  }
  std::vector<Event> kept;
  for (size_t i = 0; i < events.size(); ++i) {
    if (!drop[i]) kept.push_back(std::move(events[i]));
  }
  return kept;
}

}  // namespace warta
