// Helpers for the tests of the event coder's passes: the repository's data
// loaded once per test binary, one sentence run through the stages before the
// events stage (segment, analyse, actors, time), and a walk through the
// per-verb passes in the driver's order (EventCoder::Code), recording what
// each verb came to.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "../../tests/test_support.h"
#include "actors/actors.h"
#include "analyse/analyser.h"
#include "analyse/lexicon.h"
#include "events/clause.h"
#include "events/clauses.h"
#include "events/codebook.h"
#include "events/coder.h"
#include "events/frame.h"
#include "events/nominal.h"
#include "events/speech.h"
#include "events/suppression.h"
#include "events/verbs.h"
#include "segment/segmenter.h"
#include "time/time_expr.h"

namespace warta::testing {

// Appends `item` to the list in *list, after `separator` unless it is the first.
inline void Append(std::string* list, const char* separator, const std::string& item) {
  if (!list->empty()) *list += separator;
  *list += item;
}

struct EventsData {
  std::unique_ptr<Segmenter> segmenter;
  std::unique_ptr<Codebook> codebook;
  std::unique_ptr<ActorDictionary> actors;
  std::unique_ptr<Lexicon> lexicons[2];
  std::unique_ptr<VerbDictionary> verbs[2];
  std::unique_ptr<TimeFinder> times[2];
  std::unique_ptr<Analyser> analyser;  // not thread-safe: the tests run one at a time
};

template <typename T>
std::unique_ptr<T> Loaded(Result<std::unique_ptr<T>> result) {
  EXPECT_TRUE(result.ok()) << result.status().message();
  return result.ok() ? std::move(result).value() : nullptr;
}

inline EventsData& Data() {
  static EventsData* data = [] {
    auto* d = new EventsData;
    std::string dir = DataDir();
    d->segmenter = Loaded(Segmenter::Load(dir));
    d->codebook = Loaded(Codebook::Load(dir));
    d->actors = Loaded(ActorDictionary::Load(dir, *d->segmenter));
    const char* languages[] = {"id", "en"};
    for (int i = 0; i < 2; ++i) {
      std::string language = languages[i];
      d->lexicons[i] = Loaded(Lexicon::Load(dir + "/lexicon/" + language + ".tsv", *d->segmenter));
      d->verbs[i] = Loaded(VerbDictionary::Load(dir, language, *d->codebook));
      d->times[i] = Loaded(TimeFinder::Load(dir, language, *d->segmenter));
    }
    d->analyser = Loaded(Analyser::Load(dir));
    return d;
  }();
  return *data;
}

// One sentence (the first of `text`) as the events stage reads it, with its
// Context and SentenceFrame. Not copyable: the context points into it.
class PreparedSentence {
 public:
  explicit PreparedSentence(const std::string& text, const std::string& language = "id",
                            const std::string& published = "2024-03-06")
      : english_(language == "en"),
        input_{&tokens_, &analyses_, &mentions_, &times_, Date::Parse(published)},
        cx_{input_, *Data().lexicons[english_], english_} {
    EventsData& data = Data();
    std::vector<Sentence> sentences = data.segmenter->Split(text);
    if (!sentences.empty()) tokens_ = sentences.front().tokens;
    for (const Token& token : tokens_) {
      analyses_.push_back(token.kind == TokenKind::kWord
                              ? data.analyser->Analyse(language, token.lower)
                              : WordAnalysis{token.lower, Voice::kNone, false});
    }
    ActorTracker tracker(*data.actors, *data.lexicons[english_], input_.published);
    mentions_ = tracker.Recognise(tokens_);
    times_ = data.times[english_]->Find(tokens_, input_.published);
    frame_ = FrameSentence(cx_, *data.verbs[english_]);
  }
  PreparedSentence(const PreparedSentence&) = delete;
  PreparedSentence& operator=(const PreparedSentence&) = delete;

  const Context& cx() const { return cx_; }
  const SentenceFrame& frame() const { return frame_; }

  // The words of tokens [begin, end), space-separated.
  std::string Words(size_t begin, size_t end) const {
    std::string words;
    for (size_t k = begin; k < end; ++k) Append(&words, " ", tokens_[k].text);
    return words;
  }
  // The words of mentions, joined by "+" ("-" for none).
  std::string Mentions(const std::vector<int>& group) const {
    std::string text;
    for (int m : group) {
      Append(&text, "+", Words(mentions_[m].begin, mentions_[m].end));
    }
    return text.empty() ? "-" : text;
  }
  // The sentence's events as the coder gives them (before the article's
  // rules), with what it carries from the sentences before in *state.
  std::vector<CodedEvent> Code(CoderState* state) const {
    EventCoder coder(*Data().verbs[english_], *Data().lexicons[english_], english_ ? "en" : "id");
    return coder.Code(input_, state);
  }
  // The same, each "SOURCE CODE TARGET" ("-" for no target), joined by "; ".
  std::string Coded() const {
    CoderState state;
    std::string events;
    for (const CodedEvent& e : Code(&state)) {
      Append(&events, "; ",
             e.source.code + " " + CodeOf(e) + " " + (e.target ? e.target->code : "-"));
    }
    return events.empty() ? "-" : events;
  }

 private:
  bool english_;
  std::vector<Token> tokens_;
  std::vector<WordAnalysis> analyses_;
  std::vector<Mention> mentions_;
  std::vector<TimeExpression> times_;
  SentenceInput input_;
  Context cx_;
  SentenceFrame frame_;
};

// What the per-verb passes made of one verb.
struct VerbOutcome {
  std::string verb;  // its words
  std::string what;  // "SOURCES > TARGETS", "governed", "attribution" or "no event"
};

// Runs the per-verb passes over the sentence in the driver's order, carrying
// the chain: "SOURCES > TARGETS" for a verb that is an event, else why not.
inline std::vector<VerbOutcome> Walk(const PreparedSentence& sentence) {
  const Context& cx = sentence.cx();
  const SentenceFrame& frame = sentence.frame();
  VerbChain chain;
  std::vector<VerbOutcome> outcomes;
  for (size_t j = 0; j < frame.verbs.size(); ++j) {
    std::string words = sentence.Words(frame.verbs[j].begin, frame.verbs[j].end);
    if (frame.Governed(j)) {
      outcomes.push_back({words, "governed"});
      continue;
    }
    Clause clause = OpenClause(cx, frame, j);
    FindSubjects(cx, frame, &chain, &clause);
    FindDoer(cx, &clause);
    if (IsAttribution(cx, clause)) {
      outcomes.push_back({words, "attribution"});
      continue;
    }
    FindRoles(cx, frame, chain, &clause);
    bool no_event = Suppressed(cx, frame, clause, &chain);
    CarryRoles(cx, frame, clause, &chain);
    std::string roles =
        sentence.Mentions(clause.sources) + " > " + sentence.Mentions(clause.targets);
    outcomes.push_back({words, no_event ? "no event" : roles});
    if (!no_event && clause.pattern->accuse) chain.inside_accusation = true;
  }
  return outcomes;
}

// The outcomes as one line: "verb: what; verb: what".
inline std::string WalkSummary(const std::string& text, const std::string& language = "id") {
  PreparedSentence sentence(text, language);
  std::string summary;
  for (const VerbOutcome& outcome : Walk(sentence)) {
    Append(&summary, "; ", outcome.verb + ": " + outcome.what);
  }
  return summary.empty() ? "-" : summary;
}

}  // namespace warta::testing
