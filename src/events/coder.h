// events: who did what to whom in one sentence.
//
//   EventCoder coder(verbs, lexicon);            // per language; cheap
//   std::vector<CodedEvent> events = coder.Code(sentence, &state);
//
// For every verb pattern found (longest first, never inside a name or a date):
//   source  the clause's subject: the nearest actor to the left of the verb,
//           skipping places ("di Rusia") and relative clauses (", yang ... ,");
//           "A dan B" is both. With no subject of its own, a verb shares the
//           previous verb's subject ("Kim tiba ... untuk menghadiri"); the
//           object of an accusation or appeal is the subject of what follows
//           ("menuduh Korea Utara menyediakan senjata").
//   target  the first actor to the right, before the next verb.
//   voice   passive (di-/ter- verbs, "was accused by") swaps them: the subject
//           is the target and the agent ("oleh", "by", or the actor right after
//           an Indonesian di- verb) the source.
//   flags   negated (tidak, not), intended (akan, will), alleged (diduga,
//           reportedly, or inside an accusation).
//   date    the time expression nearest the verb, shifted by "sebulan setelah",
//           or the previous sentence's date for "pada kesempatan itu"; else the
//           publication day (date_text empty). A date after the publication
//           day dates only an intended event: for one reported as done it is
//           a plan's date ("berencana menjual ... pada tahun 2032"), and the
//           event takes the nearest other date, else the publication day.
// Reciprocal patterns (sym) and plural subjects acting on each other
// ("keduanya memuji kedua negara") give an event for each direction.
// Thread-safe: the coder is immutable; per-article state lives in CoderState.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "analyse/analyser.h"
#include "analyse/lexicon.h"
#include "events/verbs.h"
#include "segment/segmenter.h"
#include "time/time_expr.h"
#include "warta/event.h"

namespace warta {

struct TokenRange {
  size_t begin = 0;
  size_t end = 0;  // begin == end: not written in the sentence
};

struct CodedEvent {
  Actor source;
  std::optional<Actor> target;
  const VerbPattern* pattern = nullptr;
  std::string code;  // when not the pattern's own (a pledge's specific intent code)
  TokenRange verb, source_range, target_range, date_range;
  Modality modality = Modality::kAsserted;
  bool negated = false;
  std::optional<Date> date;
  bool date_written = false;  // from a time expression (else the publication day)
  double confidence = 0;
};

struct SentenceInput {
  const std::vector<Token>* tokens;
  const std::vector<WordAnalysis>* analyses;
  const std::vector<Mention>* mentions;
  const std::vector<TimeExpression>* times;
  std::optional<Date> published;
};

// What the coder carries from one sentence of an article to the next.
struct CoderState {
  std::optional<Date> last_written_date;
  std::vector<Actor> last_meeting;  // the parties of the last meeting or talks told
};

class EventCoder {
 public:
  EventCoder(const VerbDictionary& verbs, const Lexicon& lexicon, const std::string& language)
      : verbs_(verbs), lexicon_(lexicon), english_(language == "en") {}

  std::vector<CodedEvent> Code(const SentenceInput& input, CoderState* state) const;

 private:
  struct Clause;  // one verb with its arguments, while coding
  // The verbs of the sentence; `acts` marks event nouns that are another
  // verb's object ("condemned the strike").
  std::vector<VerbMatch> FindVerbs(const SentenceInput& input, std::vector<bool>* acts) const;
  // The verb that verb j pledges or threatens ("berjanji akan menemui"), or
  // verbs.size() when there is none.
  size_t Complement(const SentenceInput& input, const std::vector<VerbMatch>& verbs,
                    size_t j) const;
  // Whether a phrase of `kind` starts at any of tokens [from, to).
  bool AnyBetween(LexiconKind kind, const SentenceInput& input, size_t from, size_t to) const;
  bool Background(const SentenceInput& input, size_t from, size_t verb_begin) const;
  bool Describes(const SentenceInput& input, const VerbMatch& verb) const;
  bool Oblique(const SentenceInput& input, const Mention& mention, size_t from) const;
  bool IsPassive(const SentenceInput& input, const VerbMatch& verb) const;
  std::vector<bool> RelativeClauseTokens(const std::vector<Token>& tokens) const;
  int InstrumentMaker(const SentenceInput& input, size_t k) const;
  int SubjectOf(const SentenceInput& input, const std::vector<bool>& relative, size_t verb_begin,
                size_t boundary) const;
  static constexpr int kNoSubject = -2;  // the clause has a subject, but not an actor
  int ObjectOf(const SentenceInput& input, const std::vector<bool>& relative,
               const std::vector<bool>& breaks, const std::vector<bool>& acts,
               const VerbMatch& verb, size_t limit) const;
  bool TrailingAttribution(const SentenceInput& input, const VerbMatch& verb, int subject) const;
  int InvertedSpeaker(const SentenceInput& input, const VerbMatch& verb, size_t limit) const;
  std::string MeetingPlace(const SentenceInput& input, const VerbMatch& verb) const;
  int AgentOf(const SentenceInput& input, const VerbMatch& verb, size_t limit) const;
  std::vector<int> WithConjuncts(const SentenceInput& input, int mention, bool leftwards) const;
  Modality ModalityOf(const SentenceInput& input, const VerbMatch& verb, size_t subject_end,
                      bool inside_accusation) const;
  bool IsNegated(const SentenceInput& input, const VerbMatch& verb, size_t subject_end) const;
  void DateOf(const SentenceInput& input, const std::vector<bool>& relative, const VerbMatch& verb,
              size_t shift_floor, const CoderState& state, CodedEvent* event) const;

  const VerbDictionary& verbs_;
  const Lexicon& lexicon_;
  bool english_;
};

}  // namespace warta
