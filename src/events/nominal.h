// Pass 3, nominal and passive events: who does an act that a noun or a
// passive verb names.
//
//   FindDoer      an Indonesian event noun opening its phrase takes the actor
//                 named right after it as its doer ("kunjungan Perdana Menteri
//                 India ke Moskow"); writes doer, subject, subjects and
//                 inherited. (A pe-...-an noun names a process whose following
//                 actor is mostly its patient, "penangkapan Bupati X": none.)
//   PassiveRoles  a passive verb's subject is its target and its agent ("oleh",
//                 "by", or the actor right after a di- verb) its source;
//                 writes sources, targets, inherited and hosted_told.
#pragma once

#include "events/clause.h"

namespace warta {

void FindDoer(const Context& cx, Clause* clause);
void PassiveRoles(const Context& cx, const SentenceFrame& frame, Clause* clause);

}  // namespace warta
