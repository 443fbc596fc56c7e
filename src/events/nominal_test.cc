// Pass 3, nominal and passive events: an event noun's doer, a passive's agent.
#include "events/nominal.h"

#include <gtest/gtest.h>

#include "events/pass_test_support.h"

namespace warta {
namespace {

TEST(NominalTest, DoersAndAgentsTableDriven) {
  struct Case {
    const char* text;
    const char* language;
    const char* expected;  // testing::WalkSummary
  } cases[] = {
      // An event noun opening its phrase: its doer follows, then its target.
      {"Serangan itu bertepatan dengan kunjungan Perdana Menteri India ke Moskow.", "id",
       "kunjungan: Perdana Menteri India > Moskow"},
      // A noun made from an act's verb, opening the clause with an actor
      // right after it, is that actor's act ("tuntutan Malaysia"); after a
      // preposition it is a reference ("lebih ringan dari tuntutan jaksa").
      {"Ajakan Presiden Prabowo kepada negara-negara ASEAN disambut baik.", "id",
       "Ajakan: Presiden Prabowo > ASEAN; disambut baik: - > Presiden Prabowo"},
      {"Tuntutan Malaysia ditolak oleh Filipina.", "id",
       "Tuntutan: Malaysia > -; ditolak: Filipina > Malaysia"},
      {"Vonis itu lebih ringan dari tuntutan jaksa penuntut umum.", "id", "-"},
      // After a verb it is that verb's object, no event of its own.
      {"Partai Demokrat mengakhiri kerja sama partai itu dengan Partai Gerindra.", "id", "-"},
      // A pe-...-an noun's following actor is its patient, not its doer.
      {"Penangkapan Bupati Sidoarjo dilakukan oleh KPK.", "id", "Penangkapan: - > Bupati Sidoarjo"},
      // Passives: the agent is the source, the subject the target.
      {"Korea Utara dipuji oleh Presiden Rusia.", "id", "dipuji: Presiden Rusia > Korea Utara"},
      {"Korea Utara dipuji Presiden Rusia.", "id", "dipuji: Presiden Rusia > Korea Utara"},
      {"Indonesia was condemned by China on Tuesday.", "en", "condemned: China > Indonesia"},
      // A reaction to an act in the passive aims at the act's doer (later).
      {"The attack on Ukraine's grid was condemned by the European Union.", "en",
       "attack on: - > Ukraine; condemned: European Union > -"},
      // ... also before a passive relative clause, even after a preposition.
      {"Korban berjatuhan akibat serangan udara yang dilancarkan Israel di Gaza.", "id",
       "serangan udara: Israel > -"},
      {"Serangan yang dilakukan oleh militer Israel menewaskan warga.", "id",
       "Serangan: militer Israel > -; menewaskan: militer Israel > warga"},
      // An adverb may stand between a passive and "oleh"; without "oleh", a
      // role noun between it and its agent.
      {"Tuduhan itu dibantah keras oleh Polda Metro Jaya.", "id", "dibantah: Polda > -"},
      {"Dua pemuda ditahan petugas Polres Jakarta Selatan.", "id",
       "ditahan: Polres Jakarta > pemuda"},
      // An act received: the subject is its target, the actor after
      // "dari"/"from" its source.
      {"Jokowi mendapat dukungan dari Partai Golkar.", "id",
       "mendapat dukungan: Partai Golkar > Jokowi"},
      {"Indonesia received aid from Japan after the earthquake.", "en",
       "received aid: Japan > Indonesia"},
      // Force by a weapon with no actor comes from the state it came from;
      // people from a state are no state's doing.
      {"Sabtu malam, tembakan roket dari Libanon menghantam Israel utara.", "id",
       "tembakan roket: - > -; menghantam: Libanon > Israel"},
      {"Wisatawan dari Malaysia menyerang petugas.", "id", "menyerang: - > -"},
      // A mediation naming no one: its parties are the last meeting's.
      {"Perundingan tersebut ditengahi oleh Qatar dan Turki.", "id", "ditengahi: Qatar+Turki > -"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(testing::WalkSummary(c.text, c.language), c.expected) << c.text;
  }
}

}  // namespace
}  // namespace warta
