// Pass 4, speech: statements, their speakers and what is said.
//
//   IsAttribution    "“...,” kata Puan", "..., the Jordanian army said.": a
//                    speech verb that attributes what the sentence says. Where
//                    the sentence reports an act, the saying is no event of
//                    its own; where it reports none, it is the speaker's
//                    statement (DropStatements decides).
//   StatementRoles   a statement's addressee ("kepada wartawan") is not its
//                    target; a passive one's speaker is its agent ("Tuduhan
//                    itu dibantah oleh Polda"). Writes sources and inherited.
//   ReportedSpeech   "mengatakan kapal itu berpatroli": a verb with no actor
//                    of its own in what a speaker says is not the speaker's
//                    act. Reads and writes the chain's open statement.
//   ReadWhatIsSaid   the words a statement reports give it its code (a
//                    criticism, appeal, hope, worry, praise, denial, refusal
//                    or threat; else a comment, 010) and its target (the
//                    actor it addresses or is about).
//   DropStatements   over the sentence's events: a statement that only
//                    attributes an act the sentence reports ("..., kata
//                    juru bicara") is no event; nor one by a speaker without
//                    a political role, nor one by a speaker who does
//                    something more specific in the same sentence.
#pragma once

#include <optional>
#include <vector>

#include "events/clause.h"
#include "events/verbs.h"

namespace warta {

bool IsAttribution(const Context& cx, const Clause& clause);
// "..., ujarnya", "Ia menilai ..." with no one named before it: a statement
// whose speaker the sentence does not name.
bool UnnamedSpeaker(const Context& cx, const Clause& clause);

// "Menurut dia, ...", "Menurutnya, ...": an according-to clause whose speaker
// is a third-person pronoun (or the clitic -nya), someone named before.
bool AccordingToPronoun(const Context& cx, const Clause& clause);
// Appends that statement: its speaker is the article's last speaker, else an
// unnamed person the article rules give a state.
void AddUnnamedStatement(const Context& cx, const VerbDictionary& verbs, const Clause& clause,
                         const CodedEvent& base, const std::optional<Actor>& last_speaker,
                         std::vector<CodedEvent>* events);
// After the sentence: the actor a later "katanya" refers to.
void RememberSpeaker(const std::vector<CodedEvent>& events, CoderState* state);
// The speaker an attribution names ("kata Puan": Puan), or -1 when the
// clause is no attribution.
int AttributedSpeaker(const Context& cx, const Clause& clause);
void StatementRoles(const Context& cx, Clause* clause);

// What a statement says: the tokens it reports, the first stance word in them
// (data/verbs/<lang>/stance.tsv: "keliru" makes it a criticism, "X harus"
// an appeal to X) and the actor it is about. `speaker` is the mention who
// says it (-1 when none is named).
struct WhatIsSaid {
  TokenRange span;
  const VerbPattern* stance = nullptr;  // null: a plain comment
  int about = -1;                       // the mention it addresses or is about
};
WhatIsSaid ReadWhatIsSaid(const Context& cx, const VerbDictionary& verbs, const Clause& clause,
                          int speaker);
// Gives a statement clause what it says: a comment's code from its stance
// word, and its target when it has none. False when it is no statement: a
// private person's words ("seorang warga"), or a comment reporting figures.
bool CodeWhatIsSaid(const Context& cx, const VerbDictionary& verbs, Clause* clause,
                    CodedEvent* base);
bool ReportedSpeech(const Context& cx, const SentenceFrame& frame, const Clause& clause,
                    bool* said_open);
void DropStatements(std::vector<CodedEvent>* events);

}  // namespace warta
