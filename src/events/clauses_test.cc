// Pass 2, clause roles: each verb's sources and targets, as the passes up to
// suppression leave them ("SOURCES > TARGETS", mentions by their words).
#include "events/clauses.h"

#include <gtest/gtest.h>

#include "events/pass_test_support.h"

namespace warta {
namespace {

struct RolesCase {
  const char* text;
  const char* language;
  const char* expected;  // testing::WalkSummary
};

TEST(ClausesTest, SubjectsAndObjectsTableDriven) {
  const RolesCase cases[] = {
      // The nearest actor to the left, and the first to the right.
      {"Presiden Rusia memuji Korea Utara.", "id", "memuji: Presiden Rusia > Korea Utara"},
      // "A dan B" is both.
      {"Indonesia dan Jepang menandatangani perjanjian perdagangan.", "id",
       "menandatangani perjanjian: Indonesia+Jepang > -"},
      // Every member of a list with a serial comma; "..., and the two sides"
      // after a single actor opens a clause instead.
      {"China mengecam Filipina, Vietnam, dan Malaysia atas klaim itu.", "id",
       "mengecam: China > Filipina+Vietnam+Malaysia"},
      {"China mengecam Filipina, Vietnam dan Malaysia atas klaim itu.", "id",
       "mengecam: China > Filipina+Vietnam+Malaysia"},
      {"The launch was condemned by South Korea, Japan and the United States.", "en",
       "condemned: South Korea+Japan+United States > -"},
      // Passives joined by "dan" befall one subject and share the agent
      // written after the last.
      {"Wakil Ketua KPK Bambang Widjojanto ditangkap dan ditetapkan sebagai tersangka oleh Polri.",
       "id",
       "ditangkap: Polri > KPK Bambang Widjojanto; ditetapkan sebagai tersangka: Polri > KPK "
       "Bambang Widjojanto"},
      // The source a sentence cites does not act in it; a speaker set off by
      // a comma may.
      {"Milisi Janjaweed yang menurut perkiraan PBB membunuh 200.000 orang menyerang desa itu.",
       "id", "menurut: no event; membunuh: no event; menyerang: no event"},
      {"Menurut Sri, pihaknya telah berkoordinasi dengan Kementerian Luar Negeri.", "id",
       "Menurut: attribution; berkoordinasi: Sri > Kementerian Luar Negeri"},
      // A comma with no "dan" after it ends a phrase, not a list member.
      {"Melalui keputusan Demokrat, Nazaruddin dicopot dari jabatannya.", "id",
       "dicopot: - > Nazaruddin"},
      // The pattern's own last word, a bare kind of actor, is no object.
      {"The United States sent troops to Poland.", "en", "sent troops: United States > Poland"},
      // The object of an accusation is the subject of what follows.
      {"Amerika Serikat menuduh Korea Utara menyediakan senjata ke Rusia.", "id",
       "menuduh: Amerika Serikat > Korea Utara; menyediakan senjata: Korea Utara > Rusia"},
      // An aside gives no subject; after it, the subject before it goes on.
      {"Uni Soviet, yang didominasi oleh Rusia, mengakui Korea Utara sebagai negara.", "id",
       "mengakui Korea Utara sebagai negara: Uni Soviet > Korea Utara"},
      {"Mesir dan Qatar, yang bersama AS menengahi perundingan, juga mengecam serangan Israel.",
       "id", "menengahi: AS > -; mengecam: Mesir+Qatar > Israel"},
      // The other party of talks is who comes after "dengan"/"with", not the
      // thing talked about.
      {"Ketua Umum Hanura melakukan pembahasan kabinet dengan Presiden.", "id",
       "melakukan pembahasan: Ketua Umum Hanura > Presiden"},
      // The actor named before the role it acts in.
      {"Malaysia selaku Ketua ASEAN menyerukan Myanmar menghentikan kekerasan.", "id",
       "menyerukan Myanmar menghentikan kekerasan: Malaysia > Myanmar"},
      // After "said that X ...", "and" goes on with X.
      {"Indonesia said that ASEAN condemned the air strike and called on Myanmar to stop.", "en",
       "said: Indonesia > -; condemned: ASEAN > -; called on: ASEAN > Myanmar"},
      // A threat joined to an accusation, with no one of its own, aims at the
      // accused.
      {"Pyongyang menuduh pesawat mata-mata Amerika Serikat melanggar wilayah udaranya dan "
       "mengancam akan menembak jatuh pesawat tersebut.",
       "id",
       "menuduh pesawat mata-mata Amerika Serikat melanggar wilayah: Pyongyang > mata-mata "
       "Amerika Serikat; mengancam akan menembak jatuh: Pyongyang > mata-mata Amerika Serikat"},
      // What an enacted bill does, its maker does.
      {"The U.S. House of Representatives passed a bill on Thursday that would impose sanctions "
       "on the International Criminal Court.",
       "en", "impose sanctions: U.S. House of Representatives > International Criminal Court"},
      // An actor after "bagi" is no later verb's subject.
      {"Donald Trump mengumumkan penurunan tarif bagi produk Indonesia, seusai berbicara melalui "
       "telepon dengan Presiden Prabowo Subianto.",
       "id",
       "mengumumkan: Donald Trump > -; penurunan tarif: Donald Trump > Indonesia; berbicara "
       "melalui telepon: Donald Trump > Presiden Prabowo Subianto"},
      // A criticism of an act aims at its doer, not at what it hit; a threat
      // of an act at whom it would hit (why AnswersActs leaves out threats).
      {"The European Union condemned the strike on the school.", "en",
       "condemned: European Union > -"},
      {"Iran threatened strikes on Israel.", "en", "threatened: Iran > Israel"},
      // ... and at the doer a passive relative clause after the thing names.
      {"Indonesia mengecam serangan yang dilakukan oleh Israel.", "id",
       "mengecam: Indonesia > Israel"},
      {"Menteri menolak usulan yang diajukan oleh DPR.", "id", "menolak usulan: Menteri > DPR"},
      {"Tedjo meragukan kebenaran kasus korupsi yang disidik KPK.", "id",
       "meragukan: Tedjo > KPK; disidik: no event"},
      {"Indonesia condemned the attack carried out by Israel.", "en",
       "condemned: Indonesia > Israel"},
      {"The UN condemned the attack on the school by Israel.", "en", "condemned: UN > Israel"},
      // A warning reaches past the "bahwa" right after it.
      {"Pemimpin Tertinggi Iran memperingatkan bahwa Israel akan menerima hukuman berat.", "id",
       "memperingatkan: Pemimpin Tertinggi Iran > Israel"},
  };
  for (const RolesCase& c : cases) {
    EXPECT_EQ(testing::WalkSummary(c.text, c.language), c.expected) << c.text;
  }
}

}  // namespace
}  // namespace warta
