// Pass 1, the frame: finds a sentence's verbs and marks what the later passes
// read around them.
//
//   reads   the tokens, analyses, mentions and times; the verb dictionary
//   writes  SentenceFrame: the verbs (longest pattern first, never inside a
//           name or a date; an event noun that is another verb's object is
//           no verb of its own but marked in `acts`), the asides (", yang ...
//           ,"), the clause breaks, and which verb each pledge or threat
//           governs ("berjanji akan menemui").
#pragma once

#include "events/clause.h"
#include "events/verbs.h"

namespace warta {

SentenceFrame FrameSentence(const Context& cx, const VerbDictionary& verbs);

// "menyatakan serangan ditujukan ke ...": whether a verb at token `at` makes
// the noun before it the subject of a reported clause.
bool StartsClause(const Context& cx, size_t at);

}  // namespace warta
