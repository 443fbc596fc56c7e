// Codes that are not the verb pattern's own.
//
//   IntentCode    a pledge or threat takes its specific code from the verb it
//                 governs ("berjanji akan menemui" → 036 intent to meet;
//                 "mengancam akan menyerang" → 138 threaten with force).
//   RecodeByDoer  after the sentence's events are paired: force or damage by
//                 ordinary people is a violent protest (145: "sebagian
//                 mahasiswa membakar ban"); shooting or attacking people who
//                 are no armed party, by rebels, criminals or police, is
//                 unconventional violence (180: "KKB menembak mati seorang
//                 tukang ojek"; rockets and air strikes keep their codes).
#pragma once

#include <string>

#include "events/coded_event.h"

namespace warta {

std::string IntentCode(const VerbPattern& intent, const VerbPattern& governed);
void RecodeByDoer(CodedEvent* event);

}  // namespace warta
