// Pass 4, speech: statements, their speakers and what is said.
//
//   IsAttribution    "“...,” kata Puan", "..., the Jordanian army said.": a
//                    speech verb that attributes what the sentence reports,
//                    no event of its own.
//   StatementRoles   a statement's addressee ("kepada wartawan") is not its
//                    target; a passive one's speaker is its agent ("Tuduhan
//                    itu dibantah oleh Polda"). Writes sources and inherited.
//   ReportedSpeech   "mengatakan kapal itu berpatroli": a verb with no actor
//                    of its own in what a speaker says is not the speaker's
//                    act. Reads and writes the chain's open statement.
//   DropStatements   over the sentence's events: "X said" is how news
//                    attributes what it reports, so a plain statement (010) is
//                    never an event, nor a specific one (a denial, a claim) by
//                    a speaker without a political role, nor one by a speaker
//                    who does something more specific in the same sentence.
#pragma once

#include <vector>

#include "events/clause.h"

namespace warta {

bool IsAttribution(const Context& cx, const Clause& clause);
void StatementRoles(const Context& cx, Clause* clause);
bool ReportedSpeech(const Context& cx, const SentenceFrame& frame, const Clause& clause,
                    bool* said_open);
void DropStatements(std::vector<CodedEvent>* events);

}  // namespace warta
