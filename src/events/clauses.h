// Pass 2, clause roles: the subject, object and agent of each verb, with the
// role finders of roles.h.
//
//   OpenClause    reads the frame; writes the clause's verb, boundary (the
//                 previous verb's end), complement and limit (where its
//                 arguments end).
//   FindSubjects  reads the frame and the chain; writes subject, subjects,
//                 inherited and coordinated. A verb with no subject of its
//                 own, or after "dan"/"and", shares the main clause's or the
//                 previous verb's; "A dan B" is both; the object of an
//                 accusation or appeal is the subject of what follows
//                 ("menuduh Korea Utara menyediakan senjata"). Joining the
//                 main clause ends an accusation in the chain.
//   FindRoles     writes sources and targets by the kind of verb: a
//                 statement's speaker (speech.h), a passive's agent and
//                 subject (nominal.h), else the subject and the object (for a
//                 pledge, within what it governs; for an event noun, after its
//                 doer; a threat joined to the main clause with no one of its
//                 own, the main clause's target).
//   CarryRoles    writes the chain's roles for the next verb.
#pragma once

#include "events/clause.h"

namespace warta {

Clause OpenClause(const Context& cx, const SentenceFrame& frame, size_t j);
void FindSubjects(const Context& cx, const SentenceFrame& frame, VerbChain* chain, Clause* clause);
void FindRoles(const Context& cx, const SentenceFrame& frame, const VerbChain& chain,
               Clause* clause);
void CarryRoles(const Context& cx, const SentenceFrame& frame, const Clause& clause,
                VerbChain* chain);

}  // namespace warta
