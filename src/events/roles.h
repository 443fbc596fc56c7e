// Role finders: who is the subject, object or agent of one verb, and who is
// joined to whom by "dan"/"and". They read the sentence (and the frame's
// asides, breaks and event nouns) and write nothing; the passes (clauses.h,
// nominal.h, speech.h, pairing.h) decide what to do with what they find.
// Mentions are indexes into SentenceInput::mentions; -1 is none.
#pragma once

#include <vector>

#include "events/clause.h"

namespace warta {

// The subject of the verb starting at `verb_begin`, looking back no further
// than `boundary`: the nearest actor to the left, skipping places ("di
// Rusia"), obliques ("bagi produk Indonesia") and asides; after "yang", the
// noun before it ("passed a bill that would impose": the bill's maker).
// -1 for none, or kNoSubject.
inline constexpr int kNoSubject = -2;  // the clause has a subject, but not an actor
int SubjectOf(const Context& cx, const std::vector<bool>& relative, size_t verb_begin,
              size_t boundary);
// The object of `verb` before token `limit`: the first actor to the right in
// the clause (a pledge reaches into what it governs, a warning past "bahwa";
// a reaction to an act aims at the act's doer, not at what it hit), or -1.
// The actor right after a partner word ("dengan", "with") in [verb end, limit).
int PartnerOf(const Context& cx, const VerbMatch& verb, size_t limit);
int ObjectOf(const Context& cx, const SentenceFrame& frame, const VerbMatch& verb, size_t limit);
// The agent of a passive verb ("dipuji oleh Putin", "dipuji Putin", "was
// condemned by the EU") before token `limit`, or -1.
int AgentOf(const Context& cx, const VerbMatch& verb, size_t limit);
// The mention that starts at token k, or -1.
int MentionAt(const Context& cx, size_t k);
// The actor (not a place) in [begin, k) ending right before token k, with at
// most two lowercase words between ("negara harusnya", "Jakarta must",
// "soldiers were wounded in"); -1 when none.
int ActorBefore(const Context& cx, size_t begin, size_t k);

// ",", a closing quote: what stands before an attribution ("..., kata X").
bool IsQuoteOrComma(const std::string& text);
// Whether the verb is passive (di-/ter- verbs; "was accused", "hosted by").
bool IsPassive(const Context& cx, const VerbMatch& verb);
// `mention` and the mentions joined to it by "dan"/"and"/commas, on the left
// or on the right, in order.
std::vector<int> WithConjuncts(const Context& cx, int mention, bool leftwards);
// "menuduh X melakukan", "mendesak X untuk", "menuntut X agar": whether the
// verb's object is the subject of the next verb.
bool ObjectControls(const VerbPattern& pattern);

}  // namespace warta
