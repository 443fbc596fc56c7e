// Pass 3, nominal and passive events: who does an act that a noun or a
// passive verb names.
//
//   FindDoer      an Indonesian event noun opening its phrase takes the actor
//                 named right after it as its doer ("kunjungan Perdana Menteri
//                 India ke Moskow"), as does one before a passive relative
//                 clause ("serangan yang dilancarkan Israel"); writes doer, subject, subjects and
//                 inherited. (A pe-...-an noun names a process whose following
//                 actor is mostly its patient, "penangkapan Bupati X": none.)
//   ReceivedRoles "mendapat kecaman dari X" (flag `received`): the subject
//                 receives the act, X does it.
//   PassiveRoles  a passive verb's subject is its target and its agent ("oleh",
//                 "by", or the actor right after a di- verb) its source;
//                 writes sources, targets, inherited and hosted_told.
#pragma once

#include "events/clause.h"

namespace warta {

void FindDoer(const Context& cx, Clause* clause);
// "serangan udara yang dilancarkan Israel": whether an event noun is followed
// by a passive relative clause ("yang" + di- verb + optional "oleh"); the
// token where its agent would start goes to *agent_at.
bool PassiveRelativeAfter(const Context& cx, const VerbMatch& match, size_t* agent_at);
void PassiveRoles(const Context& cx, const SentenceFrame& frame, Clause* clause);
// "Lima warga Palestina tewas dalam serangan udara Israel", "three soldiers
// were wounded in an Israeli air strike": force named after a casualty
// phrase (lexicon `casualty`) befalls who was hurt; its doer is the noun's
// own (after it, "by X", or an adjective before it), else no one.
void CasualtyRoles(const Context& cx, Clause* clause);
// "Jokowi mendapat dukungan dari Golkar", "drew criticism from Washington":
// the subject is the target, the actor after "dari"/"from" the source.
void ReceivedRoles(const Context& cx, Clause* clause);

}  // namespace warta
