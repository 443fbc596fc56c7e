// Pass 4, speech: attributions, speakers, what is said, and which statements
// are events.
#include "events/speech.h"

#include <gtest/gtest.h>

#include "events/pass_test_support.h"

namespace warta {
namespace {

TEST(SpeechTest, AttributionsSpeakersAndWhatIsSaidTableDriven) {
  struct Case {
    const char* text;
    const char* language;
    const char* expected;  // testing::WalkSummary
  } cases[] = {
      // The speaker after the verb, or after a comma at the end: attribution.
      {"“Kami tidak akan mundur,” kata Puan Maharani.", "id", "kata: attribution"},
      {"Jordanian military aircraft airdropped food over Gaza, the Jordanian army said.", "en",
       "airdropped: Jordanian military > -; said: attribution"},
      // A passive statement's speaker is its agent.
      {"Tuduhan itu dibantah oleh Polda Metro Jaya.", "id", "dibantah: Polda > -"},
      // In what a speaker says, a verb with no actor of its own is not the
      // speaker's act; a bare verb right after "menyatakan" is.
      {"Juru bicara militer China mengatakan kapal itu berpatroli secara normal.", "id",
       "mengatakan: Juru bicara militer China > -; berpatroli: no event"},
      {"Partai Demokrat menyatakan keluar dari koalisi bersama NasDem.", "id",
       "menyatakan: Partai Demokrat > -; keluar dari koalisi: Partai Demokrat > NasDem"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(testing::WalkSummary(c.text, c.language), c.expected) << c.text;
  }
}

VerbPattern Pattern(const char* code, bool say) {
  VerbPattern pattern;
  pattern.code = code;
  pattern.say = say;
  return pattern;
}

// A coded event of `pattern` by `agent` of Indonesia.
CodedEvent Said(const VerbPattern* pattern, const std::string& agent) {
  CodedEvent event;
  event.pattern = pattern;
  event.source.country = "IDN";
  event.source.agent = agent;
  event.source.code = "IDN" + agent;
  event.source.name = "Indonesia " + agent;
  return event;
}

TEST(SpeechTest, DropStatementsTableDriven) {
  VerbPattern comment = Pattern("010", true);
  VerbPattern deny = Pattern("016", true);
  VerbPattern accuse = Pattern("112", false);
  struct Case {
    std::vector<CodedEvent> events;
    size_t kept;  // how many remain
  } cases[] = {
      // A plain statement is an event of its own ...
      {{Said(&comment, "GOV")}, 1},
      // ... but not where the sentence reports an act it attributes ...
      {{Said(&comment, "GOV"), Said(&accuse, "MIL")}, 1},
      // ... nor beside a more specific statement of its speaker's.
      {{Said(&comment, "GOV"), Said(&deny, "GOV")}, 1},
      {{Said(&comment, "GOV"), Said(&deny, "LEG")}, 2},
      // A specific one is, by a political actor ...
      {{Said(&deny, "GOV")}, 1},
      {{Said(&deny, "LEG")}, 1},
      // ... not by residents, refugees, medics or companies ...
      {{Said(&deny, "CVL")}, 0},
      // (Scholars and students speak on a political matter: CodeWhatIsSaid
      // reads the sentence for that.)
      {{Said(&deny, "EDU")}, 1},
      {{Said(&deny, "REF")}, 0},
      {{Said(&deny, "HLH")}, 0},
      {{Said(&deny, "BUS")}, 0},
      // ... (workers' unions speak politically) ...
      {{Said(&deny, "LAB")}, 1},
      // ... and not when its speaker does something more specific.
      {{Said(&deny, "GOV"), Said(&accuse, "GOV")}, 1},
      {{Said(&deny, "GOV"), Said(&accuse, "MIL")}, 2},
  };
  for (Case& c : cases) {
    DropStatements(&c.events);
    EXPECT_EQ(c.events.size(), c.kept) << c.events.size();
  }
}

// What a statement says gives it its code and target: "CODE TARGET" for the
// sentence's events ("-": no target), as the coder gives them.
TEST(SpeechTest, WhatIsSaidGivesTheCodeAndTargetTableDriven) {
  struct Case {
    const char* text;
    const char* language;
    const char* expected;  // "SOURCE CODE TARGET; ..." (before the article's rules give
                           // unnamed officials their state)
  } cases[] = {
      // An evaluation that finds fault is a criticism of whom it is about.
      {"Ketua DPR menilai Menteri Hukum keliru.", "id", "LEG 111 GOV"},
      {"Russia's foreign ministry said the sanctions were unacceptable.", "en", "RUSGOV 111 -"},
      // An obligation laid on an actor is an appeal to it, also before an
      // attribution ...
      {"\"Washington must stop arming Kyiv,\" the Kremlin spokesman said.", "en",
       "RUSGOV 020 USAGOV"},
      {"Pemerintah harus segera menurunkan harga BBM, kata Ketua DPR.", "id", "LEG 020 GOV"},
      // ... and after "menurut X,".
      {"Menurut Ketua DPR, Presiden seharusnya mendengar suara rakyat.", "id", "LEG 020 GOV"},
      // ... but not when negated, nor without an actor to lay it on.
      {"Ketua DPR mengatakan pemilu tidak harus ditunda.", "id", "LEG 010 -"},
      // Hope and worry.
      {"Ketua DPR yakin pemilu berjalan damai.", "id", "LEG 013 -"},
      {"Ketua DPR mengaku khawatir pemilu akan ditunda.", "id", "LEG 012 -"},
      // An attribution set between commas inside what is said ("..., lanjut
      // X, ..."); a cue negated a word before ("tidak adanya dukungan") says
      // nothing; a bare "sebut X" attributes.
      {"Tanpa dukungan itu, lanjut Ketua DPR, mustahil Presiden maju lagi.", "id", "LEG 012 GOV"},
      {"Dengan tidak adanya dukungan tersebut, Presiden tidak maju, kata Ketua DPR.", "id",
       "LEG 010 GOV"},
      {"Pejabat yang pakai mobil mewah harus kena, sebut Ketua DPR.", "id", "LEG 010 GOV"},
      // A belief that finds fault is a criticism.
      {"Ketua DPR meyakini ada perbuatan melawan hukum yang dilakukan KPU.", "id",
       "LEG 111 IDNGOV"},
      // A criticism beside the act it speaks of is an event of its own.
      {"Keputusan Presiden tersebut akan menyulitkan posisi Fraksi PDI-Perjuangan di DPR untuk "
       "membela kebijakan Presiden Jokowi, kata Ahmad Basarah.",
       "id", "IDNLEG 052 IDNGOV; IDNLEG 111 GOV"},
      // Saying that another broke a deal is an accusation; what it says was
      // done is alleged, not a fact the saying attributes.
      {"Menteri Tedjo mengatakan KPK melanggar kesepakatan dengan kepolisian.", "id",
       "IDNGOV 112 IDNGOV; IDNGOV 128 COP"},
      // A fault found anywhere in what is said outweighs approval before it;
      // a role before a body after "kata" is the speaker.
      {"Wajar saja jika anggota DPR melakukan interpelasi akibat kecerobohan Menteri Hukum, kata "
       "Ketua Fraksi Partai Golkar.",
       "id", "IDNPTY 111 LEG"},
      // An act said not to be done is what is said, no fact the saying
      // attributes: the statement stays.
      {"Ketua DPR menegaskan fraksi tidak bisa menahan Nazaruddin.", "id",
       "LEG 010 IDNCRM; LEG 173 IDNCRM"},
      // An act in a relative clause describes someone; a verdict there is
      // the speaker's.
      {"Partai Demokrat berada di luar koalisi yang mendukung Prabowo, kata Ketua DPR.", "id",
       "LEG 010 IDNPTY"},
      {"Ketua DPR menyatakan SBY adalah presiden yang taat asas.", "id", "LEG 051 IDNPTY"},
      // A hope that another actor act is an appeal to it; confidence, or a
      // hope about the speaker's own side, is not.
      {"Ketua DPR berharap pemerintah segera menurunkan harga BBM.", "id", "LEG 020 GOV"},
      {"Ketua DPR berharap agar Presiden mendengar suara rakyat.", "id", "LEG 020 GOV"},
      {"Russia's foreign minister hoped Washington would lift the sanctions.", "en",
       "RUSGOV 020 USAGOV; USAGOV 085 -"},
      {"Ketua DPR yakin pemerintah akan menurunkan harga BBM.", "id", "LEG 013 GOV"},
      {"Ketua DPP Golkar berharap kadernya tetap di kabinet.", "id", "IDNPTY 013 GOV"},
      // "menurut" names its speaker after it, never before: "menurut kami"
      // inside a quote leaves the statement to its attribution.
      {"Jadi inilah kisruhnya pemerintahan, ini menurut kami, ucap Ketua DPR.", "id",
       "LEG 111 GOV"},
      // A comment about an actor names it as its target; the speaker's own
      // body named by its kind ("pemerintah" for a minister) is not one.
      {"Menteri Luar Negeri Retno Marsudi mengatakan Malaysia sudah menerima nota itu.", "id",
       "IDNGOV 010 MYS"},
      {"Menteri Keuangan mengatakan pemerintah terus berupaya menekan inflasi.", "id", "GOV 010 -"},
      // A denial's target is who accused, seldom named in what is denied.
      {"Ketua DPP partai itu membantah pihaknya mengalah kepada Partai Golkar.", "id", "PTY 016 -"},
      // A private person's words and a comment reporting figures are no
      // statement.
      {"Seorang warga mengatakan Menteri Hukum keliru.", "id", "-"},
      // An unnamed official is an anonymous source; a named one speaks.
      {"Partai Golkar tidak akan mundur, kata seorang pejabat kementerian.", "id", "-"},
      {"Partai Golkar tidak akan mundur, kata pejabat kementerian Budi Santoso.", "id",
       "IDNGOV 010 IDNPTY"},
      {"Menurut Kementerian Kesehatan, sedikitnya 16 rumah sakit berhenti beroperasi.", "id", "-"},
      {"The missile flew about 4,600 km, according to Japan's defence ministry.", "en", "-"},
      // Talk of markets, business, weather or sport, naming no political
      // matter and no political actor, is no statement, whoever says it; a
      // political word or actor in it makes it one.
      {"Menteri Keuangan mengatakan pertumbuhan ekonomi mencapai lima persen.", "id", "-"},
      {"Tersangka membantah menerima keuntungan dari pengadaan itu.", "id", "CRM 016 -"},
      {"China mengklaim seluruh perairan itu, termasuk zona ekonomi eksklusif Filipina.", "id",
       "CHN 010 PHL"},
      {"Kepala BMKG mengatakan curah hujan akan meningkat pekan depan.", "id", "-"},
      {"Japan's finance minister said the economy grew 2 percent in the third quarter.", "en", "-"},
      {"The central bank governor said inflation would ease next year.", "en", "-"},
      {"Ketua DPR mengatakan kenaikan harga minyak membebani anggaran negara.", "id", "LEG 010 -"},
      {"The finance minister said inflation would hurt the government's budget.", "en",
       "GOV 010 -"},
  };
  for (const auto& c : cases) {
    testing::PreparedSentence sentence(c.text, c.language);
    EXPECT_EQ(sentence.Coded(), c.expected) << c.text;
  }
}

// "..., ujarnya" and an unresolved "Ia menilai": the speaker is the last one
// named in the article, else an unnamed one the article rules place.
TEST(SpeechTest, ACliticOrPronounSpeaksForTheLastSpeaker) {
  CoderState state;
  testing::PreparedSentence first("Ketua DPP PKS Nasir Djamil hadir di Gedung DPR.");
  first.Code(&state);
  ASSERT_TRUE(state.last_speaker.has_value());
  EXPECT_EQ(state.last_speaker->name, "Nasir Djamil");
  testing::PreparedSentence second("Pemerintah harus menaikkan harga BBM, ujarnya.");
  auto events = second.Code(&state);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source.name, "Nasir Djamil");
  EXPECT_EQ(CodeOf(events[0]), "020");
  ASSERT_TRUE(events[0].target.has_value());
  EXPECT_EQ(events[0].target->agent, "GOV");

  CoderState fresh;
  testing::PreparedSentence alone("Ia menilai Menteri Hukum keliru.");
  auto unnamed = alone.Code(&fresh);
  ASSERT_EQ(unnamed.size(), 1u);
  EXPECT_EQ(CodeOf(unnamed[0]), "111");
  EXPECT_TRUE(unnamed[0].source.country.empty());  // the article's country, later
}

// "X mengatakan pihaknya telah ...", "said it had ...": the speaker's own act.
TEST(SpeechTest, WhatTheSpeakerSaysItDidIsItsAct) {
  EXPECT_EQ(
      testing::PreparedSentence("Militer Israel mengatakan pihaknya telah menyerang Gaza.").Coded(),
      "ISRMIL 190 PSECVL");
  EXPECT_EQ(
      testing::PreparedSentence("The Israeli military said it had struck 30 Hamas targets.", "en")
          .Coded(),
      "ISRMIL 190 PSEREB");
}

}  // namespace
}  // namespace warta
