#include "actors/actors.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>

#include "../../tests/test_support.h"

namespace warta {
namespace {

class ActorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    segmenter_ = std::move(Segmenter::Load(testing::DataDir())).value();
    auto dictionary = ActorDictionary::Load(testing::DataDir(), *segmenter_);
    ASSERT_TRUE(dictionary.ok()) << dictionary.status().message();
    dictionary_ = std::move(dictionary).value();
    lexicon_ =
        std::move(Lexicon::Load(testing::DataDir() + "/lexicon/id.tsv", *segmenter_)).value();
    english_ =
        std::move(Lexicon::Load(testing::DataDir() + "/lexicon/en.tsv", *segmenter_)).value();
  }

  // "CODE name" of every mention in each sentence, in order.
  std::vector<std::string> Mentions(const std::vector<std::string>& sentences,
                                    const char* published = "2023-10-12", bool english = false) {
    ActorTracker tracker(*dictionary_, english ? *english_ : *lexicon_, Date::Parse(published));
    std::vector<std::string> out;
    for (const std::string& sentence : sentences) {
      for (const Mention& m : tracker.Recognise(segmenter_->Tokenize(sentence))) {
        std::string text = m.location ? "@" : "";
        for (const Actor& a : m.actors)
          text += (text.size() > 1 ? "+" : "") + a.code + " " + a.name;
        out.push_back(text);
      }
    }
    return out;
  }

  std::unique_ptr<Segmenter> segmenter_;
  std::unique_ptr<ActorDictionary> dictionary_;
  std::unique_ptr<Lexicon> lexicon_, english_;
};

TEST_F(ActorsTest, TitleCountryAndNameMakeOneActor) {
  auto found = Mentions({"Wakil Menteri Luar Negeri Korea Utara Im Chon-il menegaskan."});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], "PRKGOV Im Chon-il");
}

TEST_F(ActorsTest, ARoleInAPlaceIsThatStatesActor) {
  auto found = Mentions({"Soldiers in Niger said they had removed the president."}, "2023-07-27",
                        /*english=*/true);
  ASSERT_GE(found.size(), 1u);
  EXPECT_EQ(found[0], "NERMIL Soldiers in Niger");
  EXPECT_EQ(Mentions({"Mahasiswa di Makassar berunjuk rasa."})[0], "IDNEDU Mahasiswa di Makassar");
}

TEST_F(ActorsTest, AnOfficeInAPlaceIsNoActorOfThatPlace) {
  // A meeting at ministerial level in Jeddah: no Saudi minister, and the state
  // after the city only says where the city is.
  auto found = Mentions({"OKI menggelar pertemuan tingkat menteri di Jeddah, Arab Saudi, Sabtu."},
                        "2025-06-15");
  for (const std::string& mention : found) EXPECT_EQ(mention.find("SAUGOV"), std::string::npos);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.back(), "@SAU Arab Saudi");
  // ... but an office named by where it is from is that state's.
  auto from = Mentions({"Caracas ordered diplomats from Argentina to leave."}, "2024-07-30",
                       /*english=*/true);
  ASSERT_GE(from.size(), 2u);
  EXPECT_EQ(from[1].substr(0, 6), "ARGGOV");
}

TEST_F(ActorsTest, ATitleBeforeAKnownNameIsThatPerson) {
  auto found = Mentions({"Presiden Xi Jinping menerima Presiden Prabowo Subianto.",
                         "China mendukung program pemerintahan Prabowo.", "Prabowo tiba di Tokyo."},
                        "2024-11-10");
  ASSERT_EQ(found.size(), 6u) << ::testing::PrintToString(found);
  EXPECT_EQ(found[3], "IDNGOV Prabowo Subianto");  // after "China"
  EXPECT_EQ(found[4], "IDNGOV Prabowo Subianto");
}

TEST_F(ActorsTest, APronounAfterAnAttributionIsTheSpeakerNotSomeoneQuoted) {
  // "kata dia": the person named before the sentence, not the one quoted.
  auto found = Mentions({"Menteri Luar Negeri Retno Marsudi hadir di Jakarta.",
                         "Kami menghormati Presiden Joko Widodo, kata dia."},
                        "2019-05-01");
  ASSERT_FALSE(found.empty());
  EXPECT_NE(found.back().find("Retno Marsudi"), std::string::npos)
      << ::testing::PrintToString(found);
  // With no one named before, it is someone the text does not name.
  auto alone = Mentions({"Kami menghormati Presiden Joko Widodo, kata dia."}, "2019-05-01");
  ASSERT_FALSE(alone.empty());
  EXPECT_EQ(alone.back(), " dia") << ::testing::PrintToString(alone);  // no code: no state yet
}

TEST_F(ActorsTest, ARegionAfterABodyIsNoPersonNamedEarlier) {
  // "Pidie" was read as the regent's name; after "Polres" it is where the
  // police station is.
  auto found = Mentions({"Penjabat Bupati Pidie menolak.", "Polres Pidie menangkap dua pria."},
                        "2023-12-12");
  ASSERT_GE(found.size(), 2u) << ::testing::PrintToString(found);
  EXPECT_EQ(found[1].substr(0, 6), "IDNCOP");
  EXPECT_EQ(
      std::count_if(found.begin(), found.end(),
                    [](const std::string& m) { return m.find("Pidie") != std::string::npos; }),
      1);
}

TEST_F(ActorsTest, APossessedRoleIsOfTheStateNamedBeforeIt) {
  auto found = Mentions({"Menlu Vietnam menyatakan pemerintahnya berkomitmen."}, "2024-01-15");
  ASSERT_EQ(found.size(), 2u) << ::testing::PrintToString(found);
  EXPECT_EQ(found[1].substr(0, 6), "VNMGOV");
}

TEST_F(ActorsTest, AShortFormWrittenOnceNamesThePersonLater) {
  // "Tom Lembong" is a listed form of Thomas Trikasih Lembong: "Tom" is he,
  // also after he has been named again by another form.
  auto found = Mentions({"Kejaksaan Agung menahan Tom Lembong.", "Lembong ditahan.",
                         "Penyidik menduga Tom memberikan izin impor."},
                        "2024-10-30");
  ASSERT_GE(found.size(), 4u) << ::testing::PrintToString(found);
  int lembong = std::count_if(found.begin(), found.end(), [](const std::string& m) {
    return m.find("Thomas Trikasih Lembong") != std::string::npos;
  });
  EXPECT_EQ(lembong, 3) << ::testing::PrintToString(found);
}

TEST_F(ActorsTest, AGenericBodyBelongsToTheStateNamedWithIt) {
  auto found = Mentions({"The U.S. House of Representatives voted."}, "2023-07-27",
                        /*english=*/true);
  ASSERT_GE(found.size(), 1u);
  EXPECT_EQ(found[0].substr(0, 7), "USALEG ");
}

TEST_F(ActorsTest, ADefiniteTitleIsTheActorLastNamedWithIt) {
  auto found = Mentions({"Myanmar's junta chief arrived.",
                         "President Joko Widodo, who hosted the junta chief, spoke."},
                        "2021-04-24", /*english=*/true);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[2], "MMRGOV Myanmar's junta chief");
}

TEST_F(ActorsTest, APairIsANamedPersonAndTheLatestCounterpartOfAnotherState) {
  auto found = Mentions({"Menteri Luar Negeri RI Retno Marsudi menerima Menteri Luar Negeri "
                         "Vietnam.",
                         "Menurut Kementerian Kelautan, kedua menlu sepakat."},
                        "2024-01-15");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_NE(found[3].find("IDNGOV Retno Marsudi"), std::string::npos) << found[3];
  EXPECT_NE(found[3].find("VNMGOV"), std::string::npos) << found[3];
}

TEST_F(ActorsTest, AnOfficerOfABodyIsNamedAndHeIsTheSentencesSubject) {
  auto found = Mentions({"IAEA Director General Rafael Grossi arrived.", "Grossi spoke.",
                         "The U.S. Secretary of State said he had spoken to Grossi."},
                        "2023-03-04", /*english=*/true);
  ASSERT_EQ(found.size(), 5u);
  EXPECT_EQ(found[0], "IAEA Rafael Grossi");
  EXPECT_EQ(found[1], "IAEA Rafael Grossi");
  EXPECT_EQ(found[3].substr(0, 7), "USAGOV ");
}

TEST_F(ActorsTest, PeopleNamedByAGroupAreThatGroup) {
  auto found = Mentions({"Ratusan pendukung pasangan calon bupati berunjuk rasa."});
  ASSERT_GE(found.size(), 1u);
  EXPECT_EQ(found[0].substr(0, 4), "CVL ") << found[0];
}

TEST_F(ActorsTest, InitialsNameThePersonLater) {
  auto found = Mentions({"KPK menetapkan Bupati Kapuas Timur berinisial HS sebagai tersangka.",
                         "Penyidik menangkap HS."});
  ASSERT_GE(found.size(), 3u);
  EXPECT_EQ(found[1], "GOV HS");
  EXPECT_EQ(found.back(), "GOV HS");
}

TEST_F(ActorsTest, BothCountriesAreTheStatesSpokenOfBefore) {
  auto found =
      Mentions({"India and Pakistan exchanged fire.",
                "China, which has close ties with Pakistan, urged both countries to stop."},
               "2019-02-27", /*english=*/true);
  ASSERT_EQ(found.size(), 5u);
  EXPECT_NE(found[4].find("IND"), std::string::npos) << found[4];
  EXPECT_NE(found[4].find("PAK"), std::string::npos) << found[4];
}

TEST_F(ActorsTest, WithNoPersonNamedHeIsTheLastOfficeHolder) {
  auto found =
      Mentions({"Kepala Penerangan Kodam XVII mengatakan situasi aman.", "Ia menuding KKB."});
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found[found.size() - 2].substr(0, 3), found[0].substr(0, 3)) << found[found.size() - 2];
}

TEST_F(ActorsTest, LeadersCountedAreNoPair) {
  auto found =
      Mentions({"Presiden Rusia Vladimir Putin menerima Perdana Menteri India Narendra Modi.",
                "KTT itu dihadiri para pemimpin 32 negara."});
  for (const std::string& mention : found)
    EXPECT_EQ(mention.find('+'), std::string::npos) << mention;
}

TEST_F(ActorsTest, PeopleResolveToTheirOfficeOnTheDate) {
  EXPECT_EQ(Mentions({"Presiden Rusia Vladimir Putin"})[0], "RUSGOV Vladimir Putin");
  auto medvedev = Mentions({"Dmitry Medvedev berbicara."}, "2010-01-01");
  EXPECT_EQ(medvedev[0], "RUSGOV Dmitry Medvedev");
}

TEST_F(ActorsTest, MetonymsAndPlaces) {
  auto found = Mentions({"Pyongyang dan Moskow membantah.", "Kremlin melancarkan invasi.",
                         "Perundingan terjadi di Rusia."});
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].substr(0, 6), "PRKGOV");
  EXPECT_EQ(found[1].substr(0, 6), "RUSGOV");
  EXPECT_EQ(found[2].substr(0, 6), "RUSGOV");
  EXPECT_EQ(found[3].substr(0, 4), "@RUS");
}

TEST_F(ActorsTest, LaterMentionsResolveWithinTheArticle) {
  auto found =
      Mentions({"Pemimpin Korea Utara Kim Jong Un dan Presiden Rusia Vladimir Putin bertemu.",
                "Kim memuji Putin.", "Dia berjanji.", "Setelah itu, kedua pria tersebut pergi."});
  ASSERT_EQ(found.size(), 6u);
  EXPECT_EQ(found[2], "PRKGOV Kim Jong Un");
  EXPECT_EQ(found[3], "RUSGOV Vladimir Putin");
  EXPECT_EQ(found[4], "RUSGOV Vladimir Putin");  // the most recent person
  EXPECT_EQ(found[5], "RUSGOV Vladimir Putin+PRKGOV Kim Jong Un");
}

TEST_F(ActorsTest, EnglishOrderAndAcronymCase) {
  auto found = Mentions({"Russian President Vladimir Putin met the Indonesian foreign minister.",
                         "The US and the UN spoke as well as Indonesia."},
                        "2023-10-12", true);
  ASSERT_EQ(found.size(), 5u);
  EXPECT_EQ(found[0], "RUSGOV Vladimir Putin");
  EXPECT_EQ(found[1].substr(0, 6), "IDNGOV");
  EXPECT_EQ(found[2].substr(0, 3), "USA");
  EXPECT_EQ(found[3].substr(0, 3), "UNO");
  EXPECT_EQ(found[4].substr(0, 3), "IDN");
}

TEST_F(ActorsTest, ARoleHolderIsRememberedByOneName) {
  auto found = Mentions({"Ketua DPP PKS Hadi Sumarno mengkritik kebijakan itu.",
                         "Sumarno menilai kebijakan itu keliru."});
  ASSERT_GE(found.size(), 2u) << ::testing::PrintToString(found);
  EXPECT_EQ(found.front(), "IDNPTY Hadi Sumarno");
  EXPECT_NE(std::find(found.begin() + 1, found.end(), "IDNPTY Hadi Sumarno"), found.end())
      << ::testing::PrintToString(found);
}

// The role grammar and unlisted speakers: sentence → the mention expected
// ("CODE name"), or none with these words for cases that must not be actors.
struct GrammarCase {
  const char* sentence;
  const char* expected;  // "CODE name" of some mention; "" when `absent` must not appear
  const char* absent;    // a name no mention may carry; "" for none
  bool english;
};

// How gtest prints a case (in failures and test lists): its sentence.
void PrintTo(const GrammarCase& c, std::ostream* os) { *os << c.sentence; }

class ActorGrammarTest : public ActorsTest, public ::testing::WithParamInterface<GrammarCase> {};

TEST_P(ActorGrammarTest, FindsTheActor) {
  const GrammarCase& c = GetParam();
  auto found = Mentions({c.sentence}, "2024-11-10", c.english);
  if (*c.expected != '\0') {
    EXPECT_NE(std::find(found.begin(), found.end(), std::string(c.expected)), found.end())
        << c.sentence << "\n"
        << ::testing::PrintToString(found);
  }
  if (*c.absent != '\0') {
    for (const std::string& mention : found) {
      EXPECT_EQ(mention.find(c.absent), std::string::npos) << c.sentence << ": " << mention;
    }
  }
}

// Cases are named by their place in the list (the default name would print
// the case's bytes, pointers included).
std::string CaseNumber(const ::testing::TestParamInfo<GrammarCase>& info) {
  return "case" + std::to_string(info.index);
}

INSTANTIATE_TEST_SUITE_P(
    ActorRoles, ActorGrammarTest,
    ::testing::Values(
        GrammarCase{"Ketua Komisi II DPR RI Budi Santosa Wirya menilai usul itu keliru.",
                    "IDNLEG Budi Santosa Wirya", "", false},
        // A foreign leader's first name alone is not that leader (people of
        // Indonesia, Thailand, ... go by first names; others by last names).
        GrammarCase{"Fraksi tidak bisa menahan kepergiannya, kata Benny.", "", "Gantz", false},
        GrammarCase{"Pemerintah tidak bisa menahan kepergiannya, kata Netanyahu.",
                    "ISRGOV Benjamin Netanyahu", "", false},
        GrammarCase{"Fraksi tidak bisa menahan kepergiannya, kata Prabowo.",
                    "IDNGOV Prabowo Subianto", "", false},
        // A role in apposition after an attribution is the speaker's; a noun
        // that opens what is said after the comma is not.
        GrammarCase{"Menteri itu keliru, kata Ubedillah Badrun, pengamat politik dari UNJ.",
                    "EDU Ubedillah Badrun", "", false},
        GrammarCase{"Sejak awal, kata Agung, Menteri berasal dari Golkar sudah tahu.", "",
                    "GOV Agung", false},
        // An envoy's state is whose envoy; the state it is posted to is a place.
        GrammarCase{"Duta Besar Amerika Serikat untuk Irak, Zalmay Khalilzad, tiba.",
                    "USAGOV Zalmay Khalilzad", "IRQ", false},
        GrammarCase{"The US ambassador to Iraq met rebel leaders.", "USAGOV US ambassador", "",
                    true},
        // A role word after a noun it qualifies ("kerja sama militer") is no
        // actor; after a thing it owns ("pangkalan militer") it is.
        GrammarCase{"Kedua pria itu mengatakan kerja sama militer telah dibahas.", "", "MIL",
                    false},
        GrammarCase{"RSF menyerang pangkalan militer di Khartoum.", "SDNMIL militer di Khartoum",
                    "", false},
        // The role written with a listed person's name is theirs in the text,
        // unless it is a former one; each party is named as itself.
        GrammarCase{"Ketua Umum PKPI Sutiyoso mengecam Jokowi.", "IDNPTY Sutiyoso", "SPY", false},
        GrammarCase{"Mantan Ketua Mahkamah Konstitusi Mahfud Md bersikukuh maju.",
                    "IDNGOV Mahfud MD", "JUD", false},
        GrammarCase{"Ketua Umum PKPI mengecam Jokowi.",
                    "IDNPTY Partai Keadilan dan Persatuan Indonesia", "Bulan Bintang", false},
        // A bare role after "sebagai"/"as" is an office, not who holds it
        // ("sebagai tersangka" still says who the one named is), nor is a
        // role qualifying "kandidat".
        GrammarCase{"Ia yakin bisa mewujudkannya jika terpilih sebagai presiden.", "", "GOV",
                    false},
        GrammarCase{"He served as foreign minister for a decade.", "", "GOV", true},
        GrammarCase{"Ia tidak membedakan kandidat menteri dari partai.", "", "GOV", false},
        GrammarCase{"KPK menetapkan Waryono sebagai tersangka.", "CRM tersangka", "", false},
        GrammarCase{"Tapi Bouygues mengatakan labanya naik.", " Bouygues", "Tapi", false},
        // A name opening a clause before a passive verb of justice is a person.
        GrammarCase{"Waryono ditahan di rumah tahanan Guntur.", " Waryono", "", false},
        GrammarCase{"Politisi senior Partai Golkar, Zaenal Bintang, berpendapat lain.",
                    "IDNPTY Zaenal Bintang", "Politisi", false},
        GrammarCase{"Anggota tim pemenangan Partai Demokrat, Rina Kartikasari, membantah.",
                    "IDNPTY Rina Kartikasari", "", false},
        GrammarCase{"Hakim Pengadilan Negeri Medan Darmo Sitepu menolak eksepsi.",
                    "IDNJUD Darmo Sitepu", "", false},
        GrammarCase{"Menteri Pertahanan Malaysia Halim Rosli datang.", "MYSGOV Halim Rosli", "",
                    false},
        GrammarCase{"Juru bicara Kementerian Luar Negeri China Wen Lihua mengecam.",
                    "CHNGOV Wen Lihua", "", false},
        GrammarCase{"Kapolres Bandung Utara Kombes Yudi Harsono menahan pelaku.",
                    "IDNCOP Yudi Harsono", "", false},
        GrammarCase{"Duta Besar RI di Canberra Arif Wicaksana bertemu pejabat.",
                    "IDNGOV Arif Wicaksana", "AUS", false},
        GrammarCase{"Presiden Prabowo mengecam Israel.", "IDNGOV Prabowo Subianto", "", false},
        GrammarCase{"President Prabowo met the Australian prime minister.",
                    "IDNGOV Prabowo Subianto", "", true}),
    CaseNumber);

INSTANTIATE_TEST_SUITE_P(
    ActorSpeakers, ActorGrammarTest,
    ::testing::Values(
        GrammarCase{"Kami siap menang, kata Darsono di Kendari.", " Darsono", "", false},
        GrammarCase{"Namun Darsono menegaskan partainya solid.", " Darsono", "", false},
        GrammarCase{"Menurut Pak Wiryo, keputusan itu tepat.", " Wiryo", "Pak", false},
        GrammarCase{"Hal itu disampaikan Sulastri kepada wartawan.", " Sulastri", "", false},
        GrammarCase{"Marzuki Ahmadi juga membantah tudingan itu.", " Marzuki Ahmadi", "", false},
        GrammarCase{"Sudarmo optimistis partainya menang.", " Sudarmo", "", false},
        GrammarCase{"\"We will not yield,\" said Okonkwo.", " Okonkwo", "", true},
        GrammarCase{"Okonkwo said the talks had failed.", " Okonkwo", "", true},
        // Not speakers: openers, days, derived common words, outlets, datelines.
        GrammarCase{"Namun Selasa lalu harga naik.", "", "Namun", false},
        GrammarCase{"Pertemuan berlangsung tertutup.", "", "Pertemuan", false},
        GrammarCase{"Pihaknya berharap masalah selesai.", "", "Pihaknya", false},
        GrammarCase{"Seperti dikutip Kompas, harga naik.", "", "Kompas", false},
        GrammarCase{"Menurut laporan Tempo, harga naik.", "", "Tempo", false},
        GrammarCase{"Harga beras meningkat tajam.", "", "Harga", false},
        GrammarCase{"Polisi menangkap tersangka berinisial RI.", "", "IDN", false}),
    CaseNumber);

}  // namespace
}  // namespace warta
