// What the event coder reads for one sentence (SentenceInput), what it gives
// back (CodedEvent) and what it carries from one sentence of an article to the
// next (CoderState). Plain data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "analyse/analyser.h"
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

// The event's code: its own when the coder chose one, else its pattern's.
inline const std::string& CodeOf(const CodedEvent& event) {
  return event.code.empty() ? event.pattern->code : event.code;
}

// One sentence, as the earlier stages left it. The vectors are borrowed: they
// must outlive the call that reads them.
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
  std::vector<Actor> last_meeting;    // the parties of the last meeting or talks told
  std::optional<Actor> last_speaker;  // the last named actor an event was coded for
};

}  // namespace warta
