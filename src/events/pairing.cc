#include "events/pairing.h"

#include <algorithm>
#include <string>

#include "events/roles.h"
#include "events/vocabulary.h"

namespace warta {

namespace {

// One actor on one side of an event.
struct Side {
  Actor actor;
  TokenRange range;
  bool resolved;
  bool named;
  bool state = false;  // a bare state or its capital
};

double Confidence(const CodedEvent& event, bool from_dictionary, bool resolved) {
  double confidence = 0.4;
  if (from_dictionary) confidence += 0.2;
  if (resolved) confidence += 0.1;
  if (event.target) confidence += 0.2;
  if (event.pattern->items.size() > 1) confidence += 0.1;
  if (event.date_written) confidence += 0.1;
  return std::min(confidence, 1.0);
}

// "met Qatar's prime minister in Doha", "... after he arrived in the Iranian
// capital": the state a meeting took place in, or "" when none is named.
// (The place is written after "di"/"in" and the like, a word or two before
// it: "dalam situs The New York Times" places nothing.)
std::string MeetingPlace(const Context& cx, const VerbMatch& verb) {
  auto introduced = [&](const Mention& mention) {
    for (size_t back = 1; back <= 3 && back <= mention.begin; ++back) {
      if (cx.Is(LexiconKind::kPlacePreposition, mention.begin - back)) return true;
    }
    return false;
  };
  for (const Mention& mention : cx.mentions()) {
    if (mention.begin < verb.end || !mention.location || mention.dateline) continue;
    if (!introduced(mention)) continue;
    if (!mention.actors.empty()) return mention.actors.front().country;
  }
  return "";
}

// The pairing of one clause; see PairActors.
class Pairing {
 public:
  Pairing(const Context& cx, const Clause& clause, const CodedEvent& base,
          std::vector<CodedEvent>* events)
      : cx_(cx),
        clause_(clause),
        verb_(*clause.verb),
        pattern_(*clause.pattern),
        root_(cameo::RootOf(clause.pattern->code)),
        base_(base),
        events_(*events),
        inherited_(clause.inherited) {}

  void Run(const std::vector<Actor>& last_meeting);

 private:
  void FindBetween(std::vector<int>* sources, std::vector<int>* targets);
  std::vector<Side> Expand(const std::vector<int>& group, bool written) const;
  bool Brokers() const;
  void AddMeetingParties(const std::vector<Actor>& last_meeting);
  void DropOwnState();
  void AddPlaceTarget();
  void AddStateAsDoer();
  bool Stateless() const;
  bool Reciprocal() const;
  void Pair();
  void PairEachOther(const Side& s);
  void PairWith(const Side& s, const Side& t, const std::string& host);
  void VisitAndHosting(const Side& visitor, const Side& receiver, const std::string& host);
  void Add(const Side& s, const Side* t, const char* code = nullptr);

  const Context& cx_;
  const Clause& clause_;
  const VerbMatch& verb_;
  const VerbPattern& pattern_;
  int root_;
  const CodedEvent& base_;
  std::vector<CodedEvent>& events_;
  bool inherited_;        // the sources come from an earlier verb
  bool between_ = false;  // the parties were named after "antara"/"between"
  std::vector<Side> from_, to_;
};

void Pairing::Run(const std::vector<Actor>& last_meeting) {
  std::vector<int> sources = clause_.sources;
  std::vector<int> targets = clause_.targets;
  FindBetween(&sources, &targets);
  from_ = Expand(sources, !inherited_);
  to_ = Expand(targets, true);
  AddMeetingParties(last_meeting);
  DropOwnState();
  AddPlaceTarget();
  AddStateAsDoer();
  Pair();
}

// "pertempuran antara militer Sudan dan RSF", "clashes between A and B":
// the parties named after "antara"/"between" act on each other.
void Pairing::FindBetween(std::vector<int>* sources, std::vector<int>* targets) {
  if (verb_.end >= cx_.tokens().size() || !cx_.Is(LexiconKind::kBetween, verb_.end)) return;
  for (size_t m = 0; m < cx_.mentions().size() && !between_; ++m) {
    if (cx_.mentions()[m].begin != verb_.end + 1) continue;
    std::vector<int> parties = WithConjuncts(cx_, static_cast<int>(m), false);
    if (parties.size() < 2) continue;
    *sources = parties;
    targets->clear();
    inherited_ = false;
    between_ = true;
  }
}

// The actors of mentions; `written` false: where the verb is (inherited).
std::vector<Side> Pairing::Expand(const std::vector<int>& group, bool written) const {
  std::vector<Side> sides;
  for (int m : group) {
    const Mention& mention = cx_.mentions()[m];
    for (const Actor& actor : mention.actors) {
      TokenRange range =
          written ? TokenRange{mention.begin, mention.end} : TokenRange{verb_.begin, verb_.begin};
      sides.push_back({actor, range, mention.resolved, mention.named, mention.is_state});
    }
  }
  return sides;
}

// Hosting and mediating.
bool Pairing::Brokers() const {
  return pattern_.code == cameo::kHostVisitCode || pattern_.code == cameo::kMediateCode;
}

// "The talks, hosted by Turkey", "Perundingan tersebut ditengahi oleh Qatar
// dan Turki": the host received, the mediators mediated between, the parties
// of the meeting last told. ("Hakan Fidan, yang menjadi tuan rumah
// pertemuan": so does a host or mediator naming no one.)
void Pairing::AddMeetingParties(const std::vector<Actor>& last_meeting) {
  if (!clause_.hosted_told && !(Brokers() && to_.empty())) return;
  for (const Actor& party : last_meeting) {
    bool itself = std::any_of(from_.begin(), from_.end(),
                              [&](const Side& s) { return s.actor.SameAs(party); });
    if (!itself) to_.push_back({party, {verb_.begin, verb_.begin}, true, false});
  }
}

// "Pyongyang memperingatkan bahwa Pyongyang akan ...", "berjanji Indonesia
// akan ...": the source's own state named after the verb is the source
// again, not its target.
// ("mengirimkan pesawat Angkatan Udara Singapura yang membawa tenda": aid
// goes to others, never to the giver's own forces or people.)
void Pairing::DropOwnState() {
  bool aid = root_ == cameo::kAid;
  auto own_state = [&](const Side& t) {
    return (t.actor.agent.empty() || t.state || aid) && !from_.empty() &&
           std::all_of(from_.begin(), from_.end(),
                       [&](const Side& s) { return s.actor.country == t.actor.country; });
  };
  to_.erase(std::remove_if(to_.begin(), to_.end(), own_state), to_.end());
}

// An attack on a place with no actor named hits that place's people
// ("serangan udara ke Desa Pazigyi", "struck ... in Russia's Samara region").
// So does aid dropped or sent to a place ("airdropped food over northern
// Gaza"). And a visitor arriving in a foreign city visits its government
// ("Trump tiba di Kuala Lumpur").
void Pairing::AddPlaceTarget() {
  bool visit = pattern_.code == cameo::kVisitCode;
  bool reaches_place = cameo::IsViolence(root_) || root_ == cameo::kAid || visit;
  if (!to_.empty() || !reaches_place || pattern_.no_target) return;
  for (const Mention& mention : cx_.mentions()) {
    if (!mention.location || mention.dateline || mention.begin < verb_.end ||
        mention.begin >= clause_.limit || mention.actors.empty()) {
      continue;
    }
    Actor people;
    people.country = mention.actors.front().country;
    people.agent = visit ? agents::kGovernment : agents::kCivilians;
    people.code = people.country + people.agent;
    people.name = mention.actors.front().name;
    bool abroad = std::none_of(from_.begin(), from_.end(),
                               [&](const Side& s) { return s.actor.country == people.country; });
    if (!visit || abroad) to_.push_back({people, {mention.begin, mention.end}, false, false});
    return;
  }
}

// "the two sides agreed ... on military communication": no target is a
// state's (true when there is none).
bool Pairing::Stateless() const {
  return std::all_of(to_.begin(), to_.end(), [](const Side& t) { return t.actor.country.empty(); });
}

// "A dan B bertemu di sela-sela KTT NATO": a reciprocal act of two subjects
// is between them, whatever is named after it. Two parties pledging, meeting
// or praising with no one else named act toward each other ("Kedua menteri
// berjanji ..."). (Mediators or hosts named together never act on each other.)
bool Pairing::Reciprocal() const {
  bool overlap = false;
  for (const Side& s : from_) {
    for (const Side& t : to_) overlap = overlap || s.actor.country == t.actor.country;
  }
  bool cooperative = cameo::Cooperates(root_) && !Brokers();
  return from_.size() >= 2 &&
         (pattern_.reciprocal || overlap || ((cooperative || between_) && Stateless()));
}

// "Waryono ditahan di rumah tahanan Guntur", "he was arrested on Monday":
// a person held, charged or tried in the passive with no doer named is so by
// a state: the one the article is about (the article's rules give it).
void Pairing::AddStateAsDoer() {
  if (!from_.empty() || to_.size() != 1 || root_ != cameo::kCoerce || !IsPassive(cx_, verb_) ||
      base_.modality != Modality::kAsserted) {
    return;
  }
  // (A body "dibubarkan" or "dinonaktifkan" with no doer: whose act it is
  // the text does not say.)
  const Actor& befallen = to_.front().actor;
  bool person =
      befallen.start.has_value() || befallen.agent.empty() || befallen.agent == agents::kCriminals;
  if (!person) return;
  from_.push_back(Side{Actor{}, {verb_.begin, verb_.begin}, false, false, true});
}

void Pairing::Pair() {
  bool reciprocal = Reciprocal();
  if (reciprocal && (pattern_.reciprocal || Stateless())) to_.clear();
  std::string host = pattern_.reciprocal && pattern_.code == cameo::kMeetCode && !reciprocal
                         ? MeetingPlace(cx_, verb_)
                         : std::string();
  for (const Side& s : from_) {
    if (reciprocal) {
      PairEachOther(s);
    } else if (to_.empty()) {
      Add(s, nullptr);
    } else {
      for (const Side& t : to_) PairWith(s, t, host);
    }
  }
}

void Pairing::PairEachOther(const Side& s) {
  const std::vector<Side>& others = to_.empty() ? from_ : to_;
  for (const Side& t : others) {
    // Two parties of one state count when both are distinct bodies (army and
    // RSF); a state and its own leader do not.
    bool unknown = s.actor.country.empty() || t.actor.country.empty();
    bool bodies = !s.actor.agent.empty() && !t.actor.agent.empty() && s.actor.code != t.actor.code;
    // So do two named bodies of one kind ("kedua partai").
    bool named = s.named && t.named && !s.actor.SameAs(t.actor);
    bool distinct = unknown ? !s.actor.SameAs(t.actor)
                            : t.actor.country != s.actor.country || (between_ && bodies) || named;
    if (distinct) Add(s, &t);
  }
}

void Pairing::PairWith(const Side& s, const Side& t, const std::string& host) {
  // The same actor code on both sides is the same actor, unless two
  // different people or bodies are named ("Partai Demokrat menuding
  // NasDem", "Bawaslu merekomendasikan KPU").
  bool people = s.actor.start.has_value() || t.actor.start.has_value();
  bool named = s.named || t.named;
  bool same = s.actor.SameAs(t.actor) || (s.actor.code == t.actor.code && !s.actor.code.empty() &&
                                          !people && !named && !s.actor.agent.empty());
  if (same) return;
  // "A met B in Doha": a meeting in one party's state is the other's visit
  // (042) and the host's hosting (043).
  bool s_hosts = !host.empty() && s.actor.country == host;
  bool t_hosts = !host.empty() && t.actor.country == host;
  if (s_hosts != t_hosts) {
    VisitAndHosting(s_hosts ? t : s, s_hosts ? s : t, host);
    return;
  }
  Add(s, &t);
  // "A held talks with B", "A signed a pact with B": a meeting or an
  // agreement is B's with A as well (not a pledge to hold one).
  bool mutual = pattern_.reciprocal && base_.code.empty() &&
                (root_ == cameo::kConsult || pattern_.code == cameo::kSignAgreementCode);
  if (mutual && !t.actor.country.empty()) Add(t, &s);
}

void Pairing::VisitAndHosting(const Side& visitor, const Side& receiver, const std::string& host) {
  // "visited Japan and met the prime minister in Tokyo": one visit.
  bool told = std::any_of(events_.begin(), events_.end(), [&](const CodedEvent& e) {
    return e.pattern->code == cameo::kVisitCode && e.source.SameAs(visitor.actor) && e.target &&
           e.target->country == host;
  });
  if (!told) Add(visitor, &receiver, cameo::kVisitCode);
  Add(receiver, &visitor, cameo::kHostVisitCode);
}

void Pairing::Add(const Side& s, const Side* t, const char* code) {
  CodedEvent event = base_;
  if (code != nullptr) event.code = code;
  event.source = s.actor;
  event.source_range = s.range;
  if (t != nullptr) {
    event.target = t->actor;
    event.target_range = t->range;
  }
  event.confidence = Confidence(event, !inherited_ && !s.resolved, s.resolved || inherited_);
  events_.push_back(std::move(event));
}

}  // namespace

void PairActors(const Context& cx, const Clause& clause, const CodedEvent& base,
                const std::vector<Actor>& last_meeting, std::vector<CodedEvent>* events) {
  Pairing(cx, clause, base, events).Run(last_meeting);
}

void RememberMeeting(const std::vector<CodedEvent>& events, CoderState* state) {
  std::vector<Actor> meeting;
  for (const CodedEvent& event : events) {
    if (cameo::RootOf(event.pattern->code) != cameo::kConsult || !event.pattern->reciprocal) {
      continue;
    }
    for (const Actor* actor : {&event.source, event.target ? &*event.target : nullptr}) {
      bool known =
          actor == nullptr || std::any_of(meeting.begin(), meeting.end(),
                                          [&](const Actor& a) { return a.SameAs(*actor); });
      if (!known) meeting.push_back(*actor);
    }
  }
  if (!meeting.empty()) state->last_meeting = meeting;
}

}  // namespace warta
