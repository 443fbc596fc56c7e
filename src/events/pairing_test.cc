// Pass 8, pairing: the clause's actors into events, source → target, as the
// coder gives them for one sentence (before the article's rules).
#include "events/pairing.h"

#include <gtest/gtest.h>

#include "events/pass_test_support.h"

namespace warta {
namespace {

TEST(PairingTest, SourcesIntoTargetsTableDriven) {
  struct Case {
    const char* text;
    const char* language;
    const char* expected;  // testing::PreparedSentence::Coded
  } cases[] = {
      {"Presiden Rusia memuji Korea Utara.", "id", "RUSGOV 051 PRK"},
      // Conjoined subjects each act; an agreement is both parties'.
      {"Indonesia dan Jepang menandatangani perjanjian perdagangan.", "id",
       "IDN 057 JPN; JPN 057 IDN"},
      // Talks with another are that one's talks too.
      {"The U.S. secretary of state held talks with China's foreign minister on Sunday.", "en",
       "USAGOV 046 CHNGOV; CHNGOV 046 USAGOV"},
      // A meeting in one party's state is the other's visit and its hosting.
      {"China's president met the U.S. secretary of state in Beijing.", "en",
       "USAGOV 042 CHNGOV; CHNGOV 043 USAGOV"},
      // ... a place written after "in"/"di" only, not a newspaper's name.
      {"Menlu Amerika Serikat mengadakan pembicaraan dengan Menlu China, kata suratkabar The New "
       "York Times.",
       "id", "USAGOV 040 CHNGOV; CHNGOV 040 USAGOV"},
      // The parties after "antara" act on each other.
      {"Pertempuran antara militer Sudan dan RSF terus berlanjut.", "id",
       "SDNMIL 190 SDNREB; SDNREB 190 SDNMIL"},
      // Aid or violence on a place goes to its people; a visitor arriving in a
      // foreign city visits its government.
      {"Jordanian military aircraft airdropped food over Gaza.", "en", "JORMIL 073 PSECVL"},
      {"Presiden Amerika Serikat Donald Trump tiba di Kuala Lumpur pada Minggu pagi.", "id",
       "USAGOV 042 MYSGOV"},
      // A person held in the passive with no doer named is held by a state
      // (the article's: left to its rules); a body dissolved so is no one's act.
      {"Waryono ditahan di rumah tahanan selama 20 hari pertama.", "id", " 173 "},
      {"Anas Urbaningrum ditahan di rumah tahanan.", "id", " 173 IDNCRM"},
      {"Partai itu dibubarkan pada 2014.", "id", "-"},
      // The source's own state is not its target.
      {"Pemimpin Korea Utara memperingatkan bahwa Pyongyang akan mengambil tindakan keras.", "id",
       "PRKGOV 130 -"},
  };
  for (const auto& c : cases) {
    testing::PreparedSentence sentence(c.text, c.language);
    EXPECT_EQ(sentence.Coded(), c.expected) << c.text;
  }
}

TEST(PairingTest, AHostNamingNoOneHostsTheLastMeetingsParties) {
  CoderState state;
  testing::PreparedSentence talks("Pakistan dan Afghanistan menggelar perundingan di Doha.");
  talks.Code(&state);
  std::string parties;
  for (const Actor& party : state.last_meeting) parties += party.code + " ";
  EXPECT_EQ(parties, "PAK AFG ");
  testing::PreparedSentence mediated("Perundingan tersebut ditengahi oleh Qatar dan Turki.");
  std::string events;
  for (const CodedEvent& e : mediated.Code(&state)) {
    events += e.source.code + ">" + (e.target ? e.target->code : "-") + " ";
  }
  EXPECT_EQ(events, "QAT>PAK QAT>AFG TUR>PAK TUR>AFG ");
}

}  // namespace
}  // namespace warta
