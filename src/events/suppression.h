// Pass 5, suppression: what is no event.
//
//   Suppressed        per verb, after its roles: whether it is no event, and
//                     which frames it leaves open for the next verb (writes
//                     the chain's appeal, denial, statement and aim). Not
//                     events: what is urged or demanded ("mendesak X menerima
//                     gencatan senjata"), what is denied ("membantah
//                     menyerang"), what a speaker says (speech.h), an aim
//                     ("agar DPRD menyetujui"), background ("sejak serangan
//                     ..."), and a restrictive relative clause that says who
//                     someone is ("tiga pemuda yang memboikot pemilu").
//   DropRepeatedActs  over the sentence's events: a second act of one kind by
//                     one actor with no target of its own is part of the
//                     first ("menyerang Kyiv, menewaskan 38 orang"), and one
//                     act of violence on one state's people is told once.
#pragma once

#include <vector>

#include "events/clause.h"

namespace warta {

bool Suppressed(const Context& cx, const SentenceFrame& frame, const Clause& clause,
                VerbChain* chain);
void DropRepeatedActs(std::vector<CodedEvent>* events);

}  // namespace warta
