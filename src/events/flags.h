// Pass 6, flags: whether an event is negated and how it is told.
//
//   MarkFlags  reads the clause (its verb and where its subject ends) and the
//              chain (whether an accusation or an intention is open); writes
//              the event's negated (tidak, not: within three words before the
//              verb, after the subject) and modality: alleged (inside an
//              accusation, or after "diduga", "reportedly"), intended ("akan",
//              "will"; never a pledge or threat, whose telling is itself the
//              act; and what a planner goes on to do with no subject of its
//              own: "will travel to Cairo and meet"), else asserted. Writes
//              the chain's intent_open.
#pragma once

#include "events/clause.h"

namespace warta {

void MarkFlags(const Context& cx, const Clause& clause, VerbChain* chain, CodedEvent* event);

}  // namespace warta
