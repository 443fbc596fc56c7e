#include "events/recode.h"

#include "events/vocabulary.h"

namespace warta {

namespace {

struct Specific {
  int root;          // of the verb governed
  const char* code;  // the intent or threat it makes
};

// "berjanji akan menemui": intent to meet (036), to cooperate (032, 031), to
// give aid (033), to yield (035).
constexpr Specific kIntents[] = {{cameo::kConsult, "036"},
                                 {cameo::kDiplomaticCooperation, "032"},
                                 {cameo::kMaterialCooperation, "031"},
                                 {cameo::kAid, "033"},
                                 {cameo::kYield, "035"}};
// "mengancam akan menyerang": threaten sanctions (131), repression (137),
// force (138).
constexpr Specific kThreats[] = {{cameo::kReduceRelations, "131"},
                                 {cameo::kCoerce, "137"},
                                 {cameo::kAssault, "138"},
                                 {cameo::kFight, "138"},
                                 {cameo::kMassViolence, "138"}};

template <size_t N>
const char* Find(const Specific (&table)[N], int root) {
  for (const Specific& specific : table) {
    if (specific.root == root) return specific.code;
  }
  return nullptr;
}

}  // namespace

std::string IntentCode(const VerbPattern& intent, const VerbPattern& governed) {
  int root = cameo::RootOf(governed.code);
  const char* specific = nullptr;
  if (intent.code == cameo::kIntentCode) specific = Find(kIntents, root);
  if (intent.code == cameo::kThreatenCode) specific = Find(kThreats, root);
  return specific != nullptr ? specific : intent.code;
}

void RecodeByDoer(CodedEvent* event) {
  const std::string& code = CodeOf(*event);
  const std::string& by = event->source.agent;
  if (agents::Riots(by) && cameo::IsCoercionOrViolence(cameo::RootOf(code))) {
    event->code = cameo::kViolentProtestCode;
    return;
  }
  // "The convoy came under fire from rebels": fire received from an armed
  // group or an army is shooting, not criticism.
  bool armed = by == "MIL" || by == "REB";
  if (event->pattern->received && cameo::RootOf(code) == cameo::kDisapprove && armed) {
    event->code = cameo::kSmallArmsCode;
    return;
  }
  bool force = code == cameo::kMilitaryForceCode || code == cameo::kSmallArmsCode;
  if (!force || !event->target) return;
  // (So is police shooting them: "RA, mahasiswa ..., ditembak oleh anggota
  // Polres".)
  if (agents::ShootsIrregularly(by) && !agents::IsArmedParty(event->target->agent)) {
    event->code = cameo::kUnconventionalViolenceCode;
  }
}

}  // namespace warta
