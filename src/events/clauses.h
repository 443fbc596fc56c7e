// Pass 2, clause roles: the subject, object and agent of each verb.
//
//   OpenClause    reads the frame; writes the clause's verb, boundary (the
//                 previous verb's end), complement and limit (where its
//                 arguments end).
//   FindSubjects  reads the frame and the chain; writes subject, subjects,
//                 inherited and coordinated. The subject is the nearest
//                 actor to the left, skipping places ("di Rusia"), obliques
//                 ("bagi produk Indonesia") and asides; "A dan B" is both. A
//                 verb with none of its own, or after "dan"/"and", shares the
//                 main clause's or the previous verb's; the object of an
//                 accusation or appeal is the subject of what follows
//                 ("menuduh Korea Utara menyediakan senjata"). Joining the
//                 main clause ends an accusation in the chain.
//   FindRoles     writes sources and targets by the kind of verb: a
//                 statement's speaker (speech.h), a passive's agent and
//                 subject (nominal.h), else the subject and the object: the
//                 first actor to the right within the clause (for a pledge,
//                 within what it governs; for an event noun, after its doer).
//   CarryRoles    writes the chain's roles for the next verb.
//
// The role finders below them serve the other passes too.
#pragma once

#include <vector>

#include "events/clause.h"

namespace warta {

Clause OpenClause(const Context& cx, const SentenceFrame& frame, size_t j);
void FindSubjects(const Context& cx, const SentenceFrame& frame, VerbChain* chain, Clause* clause);
void FindRoles(const Context& cx, const SentenceFrame& frame, const VerbChain& chain,
               Clause* clause);
void CarryRoles(const Context& cx, const SentenceFrame& frame, const Clause& clause,
                VerbChain* chain);

// The subject of the verb starting at `verb_begin`, looking back no further
// than `boundary`: a mention, -1 for none, or kNoSubject.
inline constexpr int kNoSubject = -2;  // the clause has a subject, but not an actor
int SubjectOf(const Context& cx, const std::vector<bool>& relative, size_t verb_begin,
              size_t boundary);
// The object of `verb` before token `limit`, or -1.
int ObjectOf(const Context& cx, const SentenceFrame& frame, const VerbMatch& verb, size_t limit);
// The agent of a passive verb ("dipuji oleh Putin", "dipuji Putin", "was
// condemned by the EU") before token `limit`, or -1.
int AgentOf(const Context& cx, const VerbMatch& verb, size_t limit);
// Whether the verb is passive (di-/ter- verbs; "was accused", "hosted by").
bool IsPassive(const Context& cx, const VerbMatch& verb);
// `mention` and the mentions joined to it by "dan"/"and"/commas, on the left
// or on the right, in order.
std::vector<int> WithConjuncts(const Context& cx, int mention, bool leftwards);

}  // namespace warta
