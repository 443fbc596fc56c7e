// Coding rules on single sentences, both languages: voice, negation,
// modality, conjunctions, reciprocity. Table-driven through the pipeline.
#include "events/coder.h"

#include <gtest/gtest.h>

#include "../../tests/test_support.h"

namespace warta {
namespace {

struct CoderCase {
  const char* text;
  // "SRC CAMEO TGT modality[ negated]" of the first event whose CAMEO root
  // matches, TGT "-" when none.
  const char* root;
  const char* expected;
};

std::string Summarise(const std::string& text, const std::string& root) {
  for (const Event& e : testing::CodeText(text, "2024-03-06")) {
    if (e.cameo_root != root) continue;
    return e.source.code + " " + e.cameo_root + " " + (e.target ? e.target->code : "-") + " " +
           ModalityName(e.modality) + (e.negated ? " negated" : "");
  }
  return "none";
}

TEST(CoderTest, SentencesTableDriven) {
  const CoderCase cases[] = {
      // Active and passive voice.
      {"Presiden Rusia memuji Korea Utara.", "05", "RUSGOV 05 PRK asserted"},
      {"Korea Utara dipuji oleh Presiden Rusia.", "05", "RUSGOV 05 PRK asserted"},
      {"Indonesia was condemned by China on Tuesday.", "11", "CHN 11 IDN asserted"},
      {"China condemned Indonesia on Tuesday.", "11", "CHN 11 IDN asserted"},
      // Negation and modality.
      {"Rusia tidak menyerang Ukraina.", "19", "RUS 19 UKR asserted negated"},
      {"Presiden Indonesia akan mengunjungi Jepang.", "04", "IDNGOV 04 JPN intended"},
      {"Japan's prime minister will visit Indonesia next week.", "04", "JPNGOV 04 IDN intended"},
      // A schedule is a plan, and so is what the planner goes on to do.
      {"Presiden Indonesia dijadwalkan bertemu Presiden Amerika Serikat di Washington.", "04",
       "IDNGOV 04 USAGOV intended"},
      {"Indonesia's foreign minister is scheduled to visit Egypt to discuss aid.", "04",
       "IDNGOV 04 EGY intended"},
      {"Indonesia's foreign minister will travel to Cairo to meet Egypt's president.", "04",
       "IDNGOV 04 EGYGOV intended"},
      {"Amerika Serikat menuduh Korea Utara menyediakan senjata ke Rusia.", "07",
       "PRK 07 RUS alleged"},
      {"Amerika Serikat menuduh Korea Utara menyediakan senjata ke Rusia.", "11",
       "USA 11 PRK asserted"},
      // What is denied did not happen; the denial has no target; "said" alone
      // is no event.
      {"Rusia membantah menyerang fasilitas sipil Ukraina.", "19", "none"},
      {"Rusia membantah menyerang fasilitas sipil Ukraina.", "01", "RUS 01 - asserted"},
      // A political actor's public statement is an event (CODING.md): a
      // comment (010) where nothing more specific fits ...
      {"Menteri Luar Negeri Jepang mengatakan situasi tetap tenang.", "01", "JPNGOV 01 - asserted"},
      // ... but not where it only attributes the act the sentence reports.
      {"Polisi menangkap tiga tersangka, kata juru bicara Polda Metro Jaya.", "01", "none"},
      {"Juru bicara militer China mengatakan kapal itu berpatroli secara normal.", "15", "none"},
      // Praise or criticism of an act is aimed at whoever did it: the latest
      // act of force, else what the article leads with.
      {"Polisi menangkap 23 mahasiswa. Penangkapan itu dikecam oleh LBH Makassar.", "11",
       "IDNCVL 11 IDNCOP asserted"},
      {"European Union leaders agreed to open membership talks with Moldova. Moldova's "
       "president welcomed the decision.",
       "05", "MDAGOV 05 EUR asserted"},
      // Two named bodies with one actor code are still two actors.
      {"Sekretaris Jenderal Partai Demokrat menuding NasDem mengkhianati koalisi.", "11",
       "IDNPTY 11 IDNPTY asserted"},
      // A meeting in one party's state is the other's visit, and its hosting.
      {"China's president met the U.S. secretary of state in Beijing.", "04",
       "USAGOV 04 CHNGOV asserted"},
      // After "said that X ...", "and" goes on with X; a noun after "the" is no act.
      {"Indonesia said that ASEAN condemned the air strike and called on Myanmar to stop.", "02",
       "ASEAN 02 MMR asserted"},
      {"Indonesia said that ASEAN condemned the air strike and called on Myanmar to stop.", "19",
       "none"},
      // Aid dropped on a place goes to its people; the speaker after a comma is
      // not the object.
      {"Jordanian military aircraft airdropped food over Gaza, the Jordanian army said.", "07",
       "JORMIL 07 PSECVL asserted"},
      // The two sides act on each other, not on a role of no state.
      {"China's president met the U.S. secretary of state, and the two sides agreed to improve "
       "military communication.",
       "03", "USA 03 CHN asserted"},
      // A government acting through its ministry is one actor.
      {"Pemerintah Indonesia melalui Kementerian Luar Negeri mendesak India menahan diri.", "02",
       "IDNGOV 02 IND asserted"},
      // A bare verb right after "menyatakan" is the speaker's own act; "kedua
      // partai" are the last two parties named.
      {"Partai Demokrat menyatakan keluar dari koalisi bersama NasDem.", "16",
       "IDNPTY 16 IDNPTY asserted"},
      {"Partai NasDem dan PKB berkoalisi setelah ketua umum kedua partai menandatangani piagam.",
       "05", "IDNPTY 05 IDNPTY asserted"},
      // Condemning an act aims at whoever did it, not at what it hit.
      {"Israel's military struck a school in Gaza. The European Union condemned the strike on "
       "the school.",
       "11", "EUR 11 ISRMIL asserted"},
      // ... but a noun with its own verb after "menyatakan" is what is said.
      {"Kementerian Pertahanan Rusia membantah menyerang fasilitas sipil dan menyatakan serangan "
       "ditujukan ke fasilitas militer Ukraina.",
       "19", "none"},
      // A state's own capital in its warning is not the warning's target, nor is
      // the state itself the target of its government's reaction.
      {"Korea Utara meluncurkan rudal. Pemimpin Korea Utara memperingatkan bahwa Pyongyang akan "
       "mengambil tindakan keras.",
       "13", "PRKGOV 13 - asserted"},
      // A threat joined to an accusation, with no one of its own, is aimed at
      // the accused.
      {"Pyongyang menuduh pesawat mata-mata Amerika Serikat melanggar wilayah udaranya dan "
       "mengancam akan menembak jatuh pesawat tersebut.",
       "13", "PRKGOV 13 USASPY asserted"},
      // Talks named deep in another verb's object are no event.
      {"Georgian protesters denounced the government's decision to freeze talks on joining the "
       "EU.",
       "04", "none"},
      // What an enacted bill does, its maker does.
      {"The U.S. House of Representatives passed a bill on Thursday that would impose sanctions "
       "on the International Criminal Court.",
       "16", "USALEG 16 ICC intended"},
      // An event noun after a possessive, deep in another verb's object, is none.
      {"Iran's foreign minister said that Tehran would respond to any resolution at next week's "
       "meeting of the board.",
       "04", "none"},
      // A pledge naming the pledger's own state as the one to act.
      {"Presiden Joko Widodo berjanji Indonesia akan segera mengirimkan bantuan tahap kedua.", "03",
       "IDNGOV 03 - asserted"},
      {"Presiden Joko Widodo berjanji Indonesia akan segera mengirimkan bantuan tahap kedua.", "07",
       "none"},
      // A relative clause does not give the subject.
      {"Uni Soviet, yang didominasi oleh Rusia, mengakui Korea Utara sebagai negara.", "05",
       "SUN 05 PRK asserted"},
      // An aim is no act; an act after "since" with no actor of its own is
      // background, but one whose actor is told is an event.
      {"Pejabat kabupaten memberikan uang kepada DPRD agar DPRD menyetujui rancangan anggaran.",
       "03", "none"},
      {"Ketegangan India dan Pakistan memuncak sejak serangan militan terhadap tentara India di "
       "Kashmir.",
       "19", "none"},
      {"Moskow dan Pyongyang semakin dekat sejak Rusia menyerang Ukraina.", "19",
       "RUS 19 UKR asserted"},
      // An Indonesian event noun's doer follows it, and its target the doer;
      // not so after a verb, whose object the noun is.
      {"Serangan itu bertepatan dengan kunjungan Perdana Menteri India ke Moskow.", "04",
       "INDGOV 04 RUSGOV asserted"},
      {"Partai Demokrat mengakhiri kerja sama partai itu dengan Partai Gerindra.", "06", "none"},
      // Rebels shooting civilians is unconventional violence (18).
      {"Kelompok Kriminal Bersenjata menembak mati seorang tukang ojek di Ilaga.", "18",
       "IDNREB 18 IDNLAB asserted"},
      // An actor after "bagi"/"kepada"/"against" is no later verb's subject;
      // an event noun after a preposition, with no doer, names a known event.
      {"Donald Trump mengumumkan penurunan tarif bagi produk Indonesia, seusai berbicara "
       "melalui telepon dengan Presiden Prabowo Subianto.",
       "04", "USAGOV 04 IDNGOV asserted"},
      {"Warga Kurima mengungsi karena khawatir terjebak dalam pertempuran.", "19", "none"},
      // Unnamed people are of the country where the story happens; a rejection
      // of "the request" answers whoever made it.
      {"Sebuah perahu yang membawa 140 pengungsi Rohingya mendarat di Kabupaten Pidie, Aceh. "
       "Ratusan warga setempat menolak kedatangan para pengungsi itu.",
       "12", "IDNCVL 12 MMRREF asserted"},
      {"UNHCR mendesak pemerintah daerah di Aceh menyediakan tempat penampungan. Namun, "
       "Pemerintah Kabupaten Pidie menolak permintaan tersebut.",
       "12", "IDNGOV 12 UNHCR asserted"},
      // A pattern's gap counts a named actor as one word.
      {"KPK menetapkan Direktur Jenderal Sumber Daya Air Kementerian Pekerjaan Umum berinisial "
       "HT sebagai tersangka.",
       "17", "IDNGOV 17 IDNGOV asserted"},
      // Force or damage by protesters is a violent protest.
      {"Sebagian mahasiswa membakar ban dan melempari aparat dengan batu.", "14",
       "IDNEDU 14 IDNCOP asserted"},
      {"Pendukung pasangan calon bupati terlibat bentrok dengan pendukung pasangan lain.", "19",
       "none"},
      // A pledge naming no one is made to the other state of the latest event.
      {"Korea Selatan memprotes Korea Utara atas balon sampah. Pyongyang berjanji menghentikan "
       "pengiriman balon.",
       "03", "PRKGOV 03 KOR asserted"},
      // Relief goods are aid; aid from abroad naming no one goes to the people
      // of the country the article is about, never to the giver's own forces.
      {"Gempa merusak ribuan rumah di Kabupaten Majene, Sulawesi Barat. Pemerintah Jepang "
       "menyalurkan generator listrik dan tenda.",
       "07", "JPNGOV 07 IDNCVL asserted"},
      // A warning's target is whoever it says will suffer.
      {"Pemimpin Tertinggi Iran memperingatkan bahwa Israel akan menerima hukuman berat.", "13",
       "IRNGOV 13 ISR asserted"},
      // Repression naming no one falls on the latest protesters.
      {"Ratusan mahasiswa berunjuk rasa di depan Gedung DPR. Polisi membubarkan paksa aksi itu.",
       "17", "IDNCOP 17 IDNEDU asserted"},
      // A visitor arriving in a foreign city visits its government.
      {"Presiden Amerika Serikat Donald Trump tiba di Kuala Lumpur pada Minggu pagi.", "04",
       "USAGOV 04 MYSGOV asserted"},
      // A restrictive relative clause says who someone is, not what happened.
      {"Polisi menangkap tiga pemuda yang memboikot pemilu.", "14", "none"},
      {"Polisi menangkap tiga pemuda yang memboikot pemilu.", "17", "IDNCOP 17 IDNCVL asserted"},
      {"Seorang mahasiswa ditembak oleh anggota polisi saat penggerebekan.", "18",
       "IDNCOP 18 IDNEDU asserted"},
      // An arrest naming no one is of suspects of the arresting state; a
      // protest naming no one is against the protesters' own government.
      {"Densus 88 menangkap empat anggota jaringan yang sama.", "17", "IDNCOP 17 IDNCRM asserted"},
      {"Ratusan mahasiswa Papua berunjuk rasa di kawasan Patung Kuda.", "14",
       "IDNEDU 14 IDNGOV asserted"},
      // An unnamed speaker belongs to the country the article is about, not
      // to the wire service it spoke to.
      {"Juru bicara militer kepada AFP mengatakan militer Israel tidak membalas tembakan.", "01",
       "ISRMIL 01 ISRMIL asserted"},
      // An event noun after a light verb names the act ("melontarkan
      // kecaman", "issued a warning").
      {"Partai Golkar melontarkan kecaman terhadap Jokowi.", "11", "IDNPTY 11 IDNGOV asserted"},
      {"Mahasiswa menyampaikan tuntutan kepada DPR.", "10", "IDNEDU 10 IDNLEG asserted"},
      {"Russia issued a warning to Ukraine.", "13", "RUS 13 UKR asserted"},
      // Readiness to support is a pledge of support (032).
      {"Partai Nasional Demokrat siap mendukung Jusuf Kalla.", "03", "IDNPTY 03 IDNGOV asserted"},
      // Naming someone a candidate endorses them; standing oneself is no act.
      {"PDI Perjuangan menunjuk Joko Widodo sebagai calon presiden.", "05",
       "IDNPTY 05 IDNGOV asserted"},
      {"Menteri Hukum akan mencalonkan diri sebagai calon legislator.", "05", "none"},
      // Talks told with a light verb and "dengan" are consultations with that one.
      {"Ketua Umum Hanura belum melakukan pembahasan kabinet dengan Presiden Joko Widodo.", "04",
       "IDNPTY 04 IDNGOV asserted negated"},
      // A person held with no doer named: the article's state (IDN).
      {"Waryono ditahan di rumah tahanan Guntur selama 20 hari pertama.", "17",
       "IDN 17 IDN asserted"},
  };
  for (const CoderCase& c : cases) EXPECT_EQ(Summarise(c.text, c.root), c.expected) << c.text;
}

TEST(CoderTest, ConjoinedSubjectsEachActAndReciprocalVerbsGoBothWays) {
  auto events = testing::CodeText("Pyongyang dan Moskow membantah tuduhan itu.", "2023-10-12");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].source.country, "PRK");
  EXPECT_EQ(events[1].source.country, "RUS");
  events = testing::CodeText("Indonesia dan Jepang menandatangani perjanjian perdagangan.",
                             "2023-10-12");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].source.country + ">" + events[0].target->country, "IDN>JPN");
  EXPECT_EQ(events[1].source.country + ">" + events[1].target->country, "JPN>IDN");
}

TEST(CoderTest, ADeterminerMayOpenTheLastOfSeveralConjuncts) {
  auto events = testing::CodeText(
      "The launch was condemned by South Korea, Japan and the United States.", "2023-07-12");
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[2].source.country, "USA");
}

TEST(CoderTest, TalksHostedByAStateAreItsHostingOfTheirParties) {
  auto events = testing::CodeText(
      "Russian and Ukrainian delegations held peace talks in Istanbul on Friday. The talks, "
      "hosted by Turkey's foreign minister, lasted two hours.",
      "2025-05-17");
  std::vector<std::string> hosted;
  for (const Event& e : events) {
    if (e.cameo == "043") hosted.push_back(e.source.country + ">" + e.target->country);
  }
  EXPECT_EQ(hosted, (std::vector<std::string>{"TUR>RUS", "TUR>UKR"}));
}

TEST(CoderTest, TalksWithAnotherAreThatOnesTalksToo) {
  auto events = testing::CodeText(
      "The U.S. secretary of state held talks with China's foreign minister on Sunday.",
      "2023-06-19");
  std::vector<std::string> talks;
  for (const Event& e : events) talks.push_back(e.source.code + ">" + e.target->code);
  EXPECT_EQ(talks, (std::vector<std::string>{"USAGOV>CHNGOV", "CHNGOV>USAGOV"}));
}

TEST(CoderTest, OneActOfForceOnOneStatesPeopleIsOneEventPerSentence) {
  auto events = testing::CodeText(
      "Israeli warplanes struck homes in Gaza on Monday, killing at least 70 people.",
      "2024-07-23");
  size_t force = 0;
  for (const Event& e : events) force += e.cameo_root == "19" ? 1 : 0;
  EXPECT_EQ(force, 1u);
}

// A statement is not dated to the year of the plan it mentions: what is
// reported as done happened by publication; only an intended event takes a
// later date.
TEST(CoderTest, AnEventReportedAsDoneIsNotDatedAfterItsArticle) {
  struct Case {
    const char* text;
    const char* root;
    const char* date;  // of the first event of that root
    const char* date_text;
  };
  const Case cases[] = {
      {"Menteri Pertahanan Indonesia membantah pemerintah berencana menjual pesawat itu pada "
       "tahun 2032.",
       "01", "2024-05-01", ""},
      {"Menteri Pertahanan Indonesia mengkritik Malaysia yang berencana menjual pesawat itu pada "
       "tahun 2032.",
       "11", "2024-05-01", ""},
      {"The Indonesian defence minister criticised Malaysia over its plan to sell the aircraft in "
       "2032.",
       "11", "2024-05-01", ""},
      // Its own date still dates it.
      {"Pada hari Senin, Menteri Pertahanan Indonesia mengkritik Malaysia yang berencana menjual "
       "pesawat itu pada tahun 2032.",
       "11", "2024-04-29", "Pada hari Senin"},
      {"Menteri Pertahanan Indonesia mengkritik Malaysia pada tahun 2024.", "11", "2024",
       "pada tahun 2024"},
      // A plan is dated by the plan's date.
      {"Indonesia akan mengunjungi Malaysia pada tahun 2032.", "04", "2032", "pada tahun 2032"},
      {"Indonesia will visit Malaysia in 2032.", "04", "2032", "in 2032"},
  };
  for (const Case& c : cases) {
    std::string found = "no event";
    for (const Event& e : testing::CodeText(c.text, "2024-05-01")) {
      if (e.cameo_root != c.root) continue;
      found = (e.date ? e.date->ToString() : "null") + " \"" + e.date_text + "\"";
      break;
    }
    EXPECT_EQ(found, std::string(c.date) + " \"" + c.date_text + "\"") << c.text;
  }
}

TEST(CoderTest, WithoutAPublicationDateRelativeDatesStayUnresolved) {
  auto events = testing::CodeText("Rusia menyerang Ukraina pada hari Kamis.");
  ASSERT_FALSE(events.empty());
  EXPECT_FALSE(events[0].date.has_value());
  EXPECT_EQ(events[0].date_text, "pada hari Kamis");
}

TEST(CoderTest, MediatorsOfTheTalksMediateBetweenTheirParties) {
  int mediations = 0;
  for (const Event& e : testing::CodeText("Pakistan dan Afghanistan menggelar perundingan di Doha. "
                                          "Perundingan tersebut ditengahi oleh Qatar dan Turki.",
                                          "2025-10-20")) {
    if (e.cameo != "045" || !e.target) continue;
    EXPECT_TRUE(e.source.country == "QAT" || e.source.country == "TUR") << e.source.code;
    EXPECT_TRUE(e.target->country == "PAK" || e.target->country == "AFG") << e.target->code;
    ++mediations;
  }
  EXPECT_EQ(mediations, 4);
}

}  // namespace
}  // namespace warta
