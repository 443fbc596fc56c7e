// The events stage's shared words: CAMEO roots and codes by name, the groups
// of roots the rules reason with (reactions, pledges, force, ...) and the
// groups of actor agents (ordinary people, armed parties, ...). Every pass of
// the coder and every article rule asks here, so that one idea has one name;
// where two rules need sets that differ, both are here, side by side, with
// the reason.
//
//   int root = cameo::RootOf(event.cameo);        // "173" → 17
//   if (cameo::IsReaction(root)) ...
//   if (agents::Riots(event.source.agent)) ...
//
// Pure functions and constants; header only; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "actors/actors.h"

namespace warta {
namespace cameo {

// The CAMEO root of a code as a number ("1711" → 17, "05" → 5; 0 for no code).
inline int RootOf(std::string_view code) {
  int root = 0;
  for (size_t i = 0; i < 2 && i < code.size() && code[i] >= '0' && code[i] <= '9'; ++i) {
    root = root * 10 + (code[i] - '0');
  }
  return root;
}

// Roots (the first two digits of a code).
inline constexpr int kStatement = 1;
inline constexpr int kAppeal = 2;
inline constexpr int kIntent = 3;  // express intent to cooperate: pledges, promises, offers
inline constexpr int kConsult = 4;
inline constexpr int kDiplomaticCooperation = 5;  // praise, endorse, recognise, sign
inline constexpr int kMaterialCooperation = 6;
inline constexpr int kAid = 7;
inline constexpr int kYield = 8;
inline constexpr int kDemand = 10;
inline constexpr int kDisapprove = 11;  // criticise, accuse
inline constexpr int kReject = 12;
inline constexpr int kThreaten = 13;
inline constexpr int kProtest = 14;
inline constexpr int kReduceRelations = 16;  // sanctions, breaking off ties
inline constexpr int kCoerce = 17;           // repression, arrests
inline constexpr int kAssault = 18;
inline constexpr int kFight = 19;
inline constexpr int kMassViolence = 20;

// Codes the rules name.
inline constexpr char kCommentCode[] = "010";  // a plain statement
inline constexpr char kDenyCode[] = "016";
inline constexpr char kWorryCode[] = "012";   // pessimistic comment
inline constexpr char kHopeCode[] = "013";    // optimistic comment
inline constexpr char kAppealCode[] = "020";  // appeal, not specified below
inline constexpr char kIntentCode[] = "030";  // intent to cooperate, not specified below
inline constexpr char kMeetCode[] = "040";    // consult, not specified below
inline constexpr char kVisitCode[] = "042";
inline constexpr char kHostVisitCode[] = "043";
inline constexpr char kMediateCode[] = "045";
inline constexpr char kSignAgreementCode[] = "057";
inline constexpr char kThreatenCode[] = "130";  // threaten, not specified below
inline constexpr char kViolentProtestCode[] = "145";
inline constexpr char kArrestCode[] = "173";
inline constexpr char kUnconventionalViolenceCode[] = "180";
inline constexpr char kMilitaryForceCode[] = "190";
inline constexpr char kSmallArmsCode[] = "193";

// Appeals and demands (02, 10): what they urge has not happened.
inline bool Urges(int root) { return root == kAppeal || root == kDemand; }

// Pledges and threats (03, 13): what they govern ("berjanji akan menemui",
// "threatened to expel") gives them their specific code and target.
inline bool ExpressesIntent(int root) { return root == kIntent || root == kThreaten; }

// Reactions whose object may be an act (05, 11, 12: praise, criticism,
// rejection): "condemned the strike on the school" is aimed at whoever struck.
// Threats are not among them: the act a threat names is what it threatens
// ("threatened strikes on X"), and X, not an earlier doer, is its target.
inline bool AnswersActs(int root) {
  return root == kDiplomaticCooperation || root == kDisapprove || root == kReject;
}

// Reactions (05, 11, 12, 13): these, with threats, answer someone. One naming
// no target answers an earlier act of the article (ArticleRules), and two
// reactions of different kinds by one actor are two events, not one told twice.
inline bool IsReaction(int root) { return AnswersActs(root) || root == kThreaten; }

// Verbs whose object is the subject of the verb after it (accusations aside):
// appeals, demands, criticism ("mendesak X untuk", "menuntut X agar",
// "mengecam X karena").
inline bool ObjectActsNext(int root) { return Urges(root) || root == kDisapprove; }

// Cooperation by words and deeds (03–06): two parties doing it with no one
// else named do it to each other ("Kedua menteri berjanji ...").
inline bool Cooperates(int root) { return root >= kIntent && root <= kMaterialCooperation; }

// Protest, force posture and worse (14–20): material conflict, what a
// criticism or rejection naming no one is taken to answer.
inline bool IsMaterialConflict(int root) { return root >= kProtest; }

// Coercion and violence (17–20).
inline bool IsCoercionOrViolence(int root) { return root >= kCoerce && root <= kMassViolence; }

// Violence (18–20): assault, fighting, mass violence.
inline bool IsViolence(int root) { return root >= kAssault; }

}  // namespace cameo

namespace agents {

// Agents the rules name.
inline constexpr char kGovernment[] = "GOV";
inline constexpr char kCivilians[] = "CVL";
inline constexpr char kCriminals[] = "CRM";
inline constexpr char kInternational[] = "IGO";  // also the country of international bodies
inline constexpr char kUnitedNations[] = "UNO";

// Ordinary people: crowds of civilians, students, workers and refugees (CVL,
// EDU, LAB, REF). The list is the actors stage's IsCrowd, which composes
// "pendukung pasangan calon" with it; the pipeline places unnamed crowds
// where the story last was with it.
inline bool IsOrdinaryPeople(const std::string& agent) { return IsCrowd(agent); }

// Ordinary people whose force is a riot, a violent protest (145): all but
// refugees ("sebagian mahasiswa membakar ban").
inline bool Riots(const std::string& agent) { return IsOrdinaryPeople(agent) && agent != "REF"; }

// Speakers whose statements are no political event: ordinary people but
// workers (a union speaking counts), medics and companies (CVL, EDU, REF,
// HLH, BUS), and news media, which a text cites as its source ("seperti
// dikutip Reuters", "menurut laporan Al Jazeera") — journalists' words are no
// statement (CODING.md).
inline bool SpeaksWithoutPoliticalRole(const std::string& agent) {
  return (IsOrdinaryPeople(agent) && agent != "LAB" && agent != "EDU") || agent == "HLH" ||
         agent == "BUS" || agent == "MED";
}

// Speakers whose words count only on a political matter: someone the text
// gives no role, and scholars and students ("pengamat politik dari UNJ",
// "a professor of law") — an analyst's verdict on a minister is a statement,
// a student's words on sorting pictures are not.
inline bool SpeaksOnlyOnPolitics(const std::string& agent) {
  return agent.empty() || agent == "EDU";
}

// Irregular shooters: rebels, criminals and police; their force on people who
// are no armed party is unconventional violence (180).
inline bool ShootsIrregularly(const std::string& agent) {
  return agent == "REB" || agent == "CRM" || agent == "COP";
}

// Armed parties, and actors of no known agent: force on them keeps its code.
inline bool IsArmedParty(const std::string& agent) {
  return agent.empty() || agent == "MIL" || agent == "COP" || agent == "REB" || agent == "CRM" ||
         agent == "SPY" || agent == "GOV";
}

}  // namespace agents
}  // namespace warta
