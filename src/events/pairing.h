// Pass 8, pairing: the clause's actors into events, source → target.
//
//   PairActors       reads the clause's sources and targets, the base event
//                    (code, verb, flags, date) and the parties of the last
//                    meeting told; appends one event per source and target to
//                    `events` (which it also reads: one visit per visitor and
//                    host). On the way:
//                    - "pertempuran antara A dan B": the parties after
//                      "antara"/"between" act on each other;
//                    - a host or mediator naming no one hosted or mediated
//                      the last meeting's parties;
//                    - the source's own state is not its target ("Pyongyang
//                      memperingatkan bahwa Pyongyang akan ..."), nor its own
//                      forces or people of its aid;
//                    - violence or aid on a place hits its people; a visitor
//                      arriving in a foreign city visits its government;
//                    - reciprocal acts and two parties cooperating with no one
//                      else named go both ways; a meeting in one party's state
//                      is the other's visit (042) and the host's hosting (043);
//                      talks or an agreement with another are theirs too.
//   RememberMeeting  after the sentence: the parties of its meetings or talks,
//                    for a later "hosted by" or "ditengahi oleh".
#pragma once

#include <vector>

#include "events/clause.h"

namespace warta {

void PairActors(const Context& cx, const Clause& clause, const CodedEvent& base,
                const std::vector<Actor>& last_meeting, std::vector<CodedEvent>* events);
void RememberMeeting(const std::vector<CodedEvent>& events, CoderState* state);

}  // namespace warta
