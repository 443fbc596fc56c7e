// Pass 7, dating: when an event happened.
//
//   DateOf        reads the verb, the sentence's time expressions and the
//                 date the article last wrote; writes the event's date,
//                 date_written and date_range. The time expression nearest
//                 the verb (outside asides the verb is not in) dates it; "pada
//                 kesempatan itu" takes the previous written date; "sebulan
//                 setelah" (from `shift_floor` on, with no clause mark
//                 between) moves it back; with none, the publication day
//                 (date_written false). A date after the publication day
//                 dates only an intended event (so the flags come first): for
//                 one reported as done it is a plan's date ("berencana
//                 menjual ... pada tahun 2032"), and the event takes the
//                 nearest other date, else the publication day.
//   RememberDate  after the sentence: the date "pada kesempatan itu" in the
//                 next one means (the last written date of its events, or,
//                 with no events, of its dates).
#pragma once

#include <vector>

#include "events/clause.h"

namespace warta {

void DateOf(const Context& cx, const std::vector<bool>& relative, const VerbMatch& verb,
            size_t shift_floor, const CoderState& state, CodedEvent* event);
void RememberDate(const Context& cx, const std::vector<CodedEvent>& events, CoderState* state);

}  // namespace warta
