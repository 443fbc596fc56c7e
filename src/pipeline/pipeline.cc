#include "warta/pipeline.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <span>

#include "actors/actors.h"
#include "analyse/analyser.h"
#include "analyse/lexicon.h"
#include "clean/cleaner.h"
#include "events/article_rules.h"
#include "events/codebook.h"
#include "events/coder.h"
#include "events/verbs.h"
#include "events/vocabulary.h"
#include "language/language.h"
#include "places/places.h"
#include "segment/segmenter.h"
#include "time/time_expr.h"
#include "util/hash.h"
#include "util/text.h"

namespace warta {

namespace {

const char* kLanguages[] = {"id", "en"};

int LanguageIndex(const std::string& language) { return language == "en" ? 1 : 0; }

}  // namespace

struct Resources::Impl {
  LoadOptions options;
  std::unique_ptr<Cleaner> cleaner;
  std::unique_ptr<Segmenter> segmenter;
  std::unique_ptr<Codebook> codebook;
  std::unique_ptr<ActorDictionary> actors;
  std::unique_ptr<Gazetteer> gazetteer;
  std::unique_ptr<Lexicon> lexicons[2];
  std::unique_ptr<VerbDictionary> verbs[2];
  std::unique_ptr<TimeFinder> times[2];
};

Resources::~Resources() = default;

// Loads each part; on failure records the problem and goes on, so a check
// reports everything at once.
static void LoadAll(const LoadOptions& options, Resources::Impl* impl, Diagnostics* diag,
                    std::vector<std::string>* fatal) {
  auto keep = [&](auto result, auto* slot) {
    if (result.ok())
      *slot = std::move(result).value();
    else
      fatal->push_back(result.status().message());
  };
  const std::string& dir = options.data_dir;
  keep(Cleaner::Load(dir, diag), &impl->cleaner);
  keep(Segmenter::Load(dir), &impl->segmenter);
  keep(Codebook::Load(dir, diag), &impl->codebook);
  if (!impl->segmenter) return;
  keep(ActorDictionary::Load(dir, *impl->segmenter, diag), &impl->actors);
  keep(Gazetteer::Load(dir, *impl->segmenter, diag), &impl->gazetteer);
  for (int i = 0; i < 2; ++i) {
    std::string language = kLanguages[i];
    keep(Lexicon::Load(dir + "/lexicon/" + language + ".tsv", *impl->segmenter, diag),
         &impl->lexicons[i]);
    keep(TimeFinder::Load(dir, language, *impl->segmenter, diag), &impl->times[i]);
    if (impl->codebook) {
      keep(VerbDictionary::Load(dir, language, *impl->codebook, diag), &impl->verbs[i]);
    }
  }
}

Result<std::shared_ptr<const Resources>> Resources::Load(const LoadOptions& options) {
  std::shared_ptr<Resources> resources(new Resources());
  resources->impl_ = std::make_unique<Impl>();
  resources->impl_->options = options;
  Diagnostics diag;
  std::vector<std::string> fatal;
  LoadAll(options, resources->impl_.get(), &diag, &fatal);
  if (!fatal.empty()) return Status::InvalidData(fatal.front());
  if (!diag.ok()) return diag.ToStatus();
  // Check the Hunspell files now rather than on the first article; each
  // ArticleCoder loads its own Hunspell (it is not thread-safe).
  Status analyser = Analyser::Check(options.data_dir, options.hunspell_dir);
  if (!analyser.ok()) return analyser;
  return std::shared_ptr<const Resources>(resources);
}

std::vector<std::string> Resources::Check(const LoadOptions& options) {
  Impl impl;
  Diagnostics diag;
  std::vector<std::string> problems;
  LoadAll(options, &impl, &diag, &problems);
  Status analyser = Analyser::Check(options.data_dir, options.hunspell_dir, &diag);
  if (!analyser.ok() && diag.ok()) problems.push_back(analyser.message());
  std::set<std::string> seen(problems.begin(), problems.end());
  for (const std::string& error : diag.errors()) {
    if (seen.insert(error).second) problems.push_back(error);
  }
  // A loader that stopped on its errors repeats the first one as its status.
  std::vector<std::string> unique;
  for (const std::string& problem : problems) {
    bool repeated = false;
    for (const std::string& error : diag.errors()) {
      repeated = repeated || (problem != error && problem.rfind(error, 0) == 0);
    }
    if (!repeated) unique.push_back(problem);
  }
  return unique;
}

struct ArticleCoder::State {
  std::shared_ptr<const Resources> resources;
  std::unique_ptr<Analyser> analyser;
};

ArticleCoder::~ArticleCoder() = default;

Result<std::unique_ptr<ArticleCoder>> ArticleCoder::Create(
    std::shared_ptr<const Resources> resources) {
  auto analyser =
      Analyser::Load(resources->impl().options.data_dir, resources->impl().options.hunspell_dir);
  if (!analyser.ok()) return analyser.status();
  std::unique_ptr<ArticleCoder> coder(new ArticleCoder());
  coder->state_ = std::make_unique<State>();
  coder->state_->resources = std::move(resources);
  coder->state_->analyser = std::move(analyser).value();
  return coder;
}

namespace {

// Where tokens [begin, end) of a sentence are in the original text; a
// zero-length span at `begin` when the range is empty.
Span OriginalSpan(const CleanedText& cleaned, const std::vector<Token>& tokens, size_t begin,
                  size_t end) {
  if (begin == end) {
    size_t at = cleaned.ToOriginal(tokens[begin].start);
    return Span{at, at};
  }
  return Span{cleaned.ToOriginal(tokens[begin].start),
              cleaned.ToOriginal(tokens[end - 1].end - 1) + 1};
}

// Builds the contract's Event from what the coder found in one sentence.
Event ToEvent(const Article& article, const std::string& language, const CleanedText& cleaned,
              const Sentence& sentence, const CodedEvent& coded, const Codebook& codebook) {
  const auto& tokens = sentence.tokens;
  auto span = [&](TokenRange range) {
    return OriginalSpan(cleaned, tokens, range.begin, range.end);
  };
  Event event;
  event.article_id = article.id;
  event.language = language;
  event.published = article.published;
  event.date = coded.date;
  if (coded.date_written) {
    Span date = span(coded.date_range);
    event.date_text = article.text.substr(date.start, date.end - date.start);
  }
  event.source = coded.source;
  event.target = coded.target;
  const CameoCode* code = codebook.Find(coded.code.empty() ? coded.pattern->code : coded.code);
  event.cameo = code->code;
  event.cameo_root = code->code.substr(0, 2);
  event.cameo_label = code->label;
  event.quad_class = code->quad_class;
  event.goldstein = code->goldstein;
  event.plover = code->plover;
  event.modality = coded.modality;
  event.negated = coded.negated;
  event.evidence.sentence = {cleaned.ToOriginal(sentence.start),
                             cleaned.ToOriginal(sentence.end - 1) + 1};
  event.evidence.text = article.text.substr(
      event.evidence.sentence.start, event.evidence.sentence.end - event.evidence.sentence.start);
  event.evidence.source = span(coded.source_range);
  event.evidence.verb = span(coded.verb);
  event.evidence.target = coded.target ? span(coded.target_range) : Span{};
  event.confidence = coded.confidence;
  return event;
}

// A place the text writes as the event's location, with its span and the
// name as written.
Location WrittenLocation(const Gazetteer& gazetteer, const Article& article,
                         const CleanedText& cleaned, const std::vector<Token>& tokens,
                         const PlaceInText& place, const char* basis) {
  Location location = gazetteer.ToLocation(place.place);
  location.span = OriginalSpan(cleaned, tokens, place.begin, place.end);
  location.name = article.text.substr(location.span.start, location.span.end - location.span.start);
  if (place.site) location.feature = FeatureName(Feature::kSite);
  location.basis = basis;
  return location;
}

// What the placer needs of a coded event.
EventWords WordsOf(const CodedEvent& coded) {
  EventWords words;
  words.verb_begin = coded.verb.begin;
  words.verb_end = coded.verb.end;
  words.source_begin = coded.source_range.begin;
  words.source_end = coded.source_range.end;
  if (coded.target) {
    words.target_begin = coded.target_range.begin;
    words.target_end = coded.target_range.end;
    words.countries.push_back(coded.target->country);
  }
  words.countries.push_back(coded.source.country);
  const std::string& code = CodeOf(coded);
  words.target_is_where = code == cameo::kVisitCode || cameo::IsViolence(cameo::RootOf(code));
  words.statement = coded.pattern->say;
  return words;
}

// Where an earlier event of the sentence placed this actor, or nothing.
std::optional<Location> EarlierPlace(const Actor& actor, std::span<const Event> earlier) {
  for (auto event = earlier.rbegin(); event != earlier.rend(); ++event) {
    for (const Actor* other : {&event->source, event->target ? &*event->target : nullptr}) {
      if (other != nullptr && other->location && other->SameAs(actor)) return other->location;
    }
  }
  return std::nullopt;
}

// How many of the last tokens of an actor's words are a person's name: the
// words of its name ("Nasir Djamil" of "Ketua DPP PKS Nasir Djamil"); 0 when
// the mention written there is no person.
size_t PersonWords(const std::vector<Mention>& mentions, const std::vector<Token>& tokens,
                   TokenRange range, const Actor& actor) {
  auto mention = std::find_if(mentions.begin(), mentions.end(), [&](const Mention& m) {
    return m.begin == range.begin && m.end == range.end;
  });
  if (mention == mentions.end() || !mention->person) return 0;
  std::vector<std::string> name = Split(actor.name, ' ');
  size_t k = range.end;
  while (k > range.begin && std::find(name.begin(), name.end(), tokens[k - 1].text) != name.end()) {
    --k;
  }
  return range.end - k;
}

// Where the sentence places the event's source and target (basis "written").
// An actor it does not write again (a subject shared with the verb before:
// "Pengungsi di Rafah mengecam Israel dan menuntut bantuan") is where an
// earlier event of the sentence placed it.
void PlaceActors(const Gazetteer& gazetteer, const ArticlePlacer& placer, const Article& article,
                 const CleanedText& cleaned, const std::vector<Token>& tokens,
                 const std::vector<Mention>& mentions, const CodedEvent& coded,
                 std::span<const Event> earlier, Event* event) {
  auto place = [&](TokenRange range, Actor* actor) {
    if (range.begin == range.end) {
      actor->location = EarlierPlace(*actor, earlier);
      return;
    }
    ActorWords words{range.begin,      range.end,
                     actor->country,   IsCrowd(actor->agent),
                     coded.verb.begin, PersonWords(mentions, tokens, range, *actor)};
    if (std::optional<PlaceInText> where = placer.PlaceActor(words)) {
      actor->location = WrittenLocation(gazetteer, article, cleaned, tokens, *where, "written");
    }
  };
  place(coded.source_range, &event->source);
  if (event->target) place(coded.target_range, &*event->target);
}

// Where the sentence places the event and its actors; `earlier`: the
// sentence's events before it.
void PlaceEvent(const Gazetteer& gazetteer, const ArticlePlacer& placer, const Article& article,
                const CleanedText& cleaned, const std::vector<Token>& tokens,
                const std::vector<Mention>& mentions, const CodedEvent& coded,
                std::span<const Event> earlier, std::string* trace, Event* event) {
  PlaceActors(gazetteer, placer, article, cleaned, tokens, mentions, coded, earlier, event);
  std::optional<PlaceInText> place = placer.Place(WordsOf(coded));
  if (!place) return;
  event->location = WrittenLocation(gazetteer, article, cleaned, tokens, *place, "written");
  if (trace != nullptr) {
    *trace += std::string("    at ") + event->location->id + " \"" + event->location->name + "\"\n";
  }
}

// Tokens inside time expressions: no place phrase runs through a date.
std::vector<bool> TimeTokens(size_t size, const std::vector<TimeExpression>& times) {
  std::vector<bool> blocked(size, false);
  for (const TimeExpression& time : times) {
    for (size_t k = time.begin; k < time.end && k < size; ++k) blocked[k] = true;
  }
  return blocked;
}

void Trace(const Sentence& sentence, const std::vector<WordAnalysis>& analyses,
           const std::vector<Mention>& mentions, const std::vector<TimeExpression>& times,
           std::string* out) {
  *out += "sentence:";
  for (size_t i = 0; i < sentence.tokens.size(); ++i) {
    *out += " " + sentence.tokens[i].text;
    const WordAnalysis& a = analyses[i];
    if (a.lemma != sentence.tokens[i].lower) *out += "/" + a.lemma;
    if (a.voice == Voice::kPassive) *out += "(pass)";
    if (a.nominal) *out += "(n)";
  }
  *out += "\n";
  for (const Mention& m : mentions) {
    *out += "  actor [" + std::to_string(m.begin) + "," + std::to_string(m.end) + ")";
    for (const Actor& actor : m.actors) *out += " " + actor.code + " \"" + actor.name + "\"";
    if (m.location) *out += " (place)";
    if (m.resolved) *out += " (resolved)";
    *out += "\n";
  }
  for (const TimeExpression& t : times) {
    *out += "  time [" + std::to_string(t.begin) + "," + std::to_string(t.end) + ") " +
            (t.date                       ? t.date->ToString()
             : t.kind == TimeKind::kShift ? "shift"
                                          : "?") +
            "\n";
  }
}

void TraceEvent(const CodedEvent& coded, std::string* out) {
  *out += "  event " + CodeOf(coded) + " \"" + coded.pattern->text + "\" " + coded.source.code +
          " -> " + (coded.target ? coded.target->code : "-") + "\n";
}

// The language of a text: CLD2's guess, or, when it is unsure (a text too
// short for it: it then says "en"), the function words and the Hunspell
// dictionaries decide.
std::string GuessLanguage(const Resources::Impl& r, Analyser* analyser,
                          const CleanedText& cleaned) {
  LanguageGuess guess = DetectLanguage(cleaned.text);
  if (guess.reliable) return guess.code;
  std::vector<Token> tokens = r.segmenter->Tokenize(cleaned.text.substr(0, 4096));
  int indonesian = 2 * r.lexicons[0]->CountFunctionWords(tokens);
  int english = 2 * r.lexicons[1]->CountFunctionWords(tokens);
  for (const Token& token : tokens) {
    if (token.kind != TokenKind::kWord) continue;
    indonesian += analyser->Knows("id", token.lower) ? 1 : 0;
    english += analyser->Knows("en", token.lower) ? 1 : 0;
  }
  if (indonesian == english) return guess.code;
  return indonesian > english ? "id" : "en";
}

std::vector<WordAnalysis> AnalyseWords(Analyser* analyser, const std::string& language,
                                       const std::vector<Token>& tokens) {
  std::vector<WordAnalysis> analyses;
  analyses.reserve(tokens.size());
  for (const Token& token : tokens) {
    analyses.push_back(token.kind == TokenKind::kWord
                           ? analyser->Analyse(language, token.lower)
                           : WordAnalysis{token.lower, Voice::kNone, false});
  }
  return analyses;
}

// Codes an article sentence by sentence: its events, their actors placed
// where each sentence says (ArticlePlaces), each event at the place its
// sentence writes (ArticlePlacer), in *country the country the article names
// most and in *dateline the place it was filed from.
std::vector<Event> CodeSentences(const Resources::Impl& r, Analyser* analyser,
                                 const Article& article, const CleanedText& cleaned,
                                 const std::string& language, const CodeOptions& options,
                                 std::string* country, std::optional<Location>* dateline) {
  std::string* trace = options.trace;
  int li = LanguageIndex(language);
  const Lexicon& lexicon = *r.lexicons[li];
  EventCoder coder(*r.verbs[li], lexicon, language);
  ActorTracker tracker(*r.actors, lexicon, article.published);
  CoderState coder_state;
  ArticlePlaces places;
  ArticlePlacer placer(*r.gazetteer, lexicon);
  bool first = true;
  std::vector<Event> events;
  SentenceReader sentences(*r.segmenter, cleaned.text);
  Sentence sentence;
  while (sentences.Next(&sentence)) {
    std::vector<WordAnalysis> analyses = AnalyseWords(analyser, language, sentence.tokens);
    std::vector<Mention> mentions = tracker.Recognise(sentence.tokens);
    std::vector<TimeExpression> times = r.times[li]->Find(sentence.tokens, article.published);
    SentenceInput input{&sentence.tokens, &analyses, &mentions, &times, article.published};
    if (trace != nullptr) Trace(sentence, analyses, mentions, times, trace);
    places.Read(mentions);
    if (options.places) placer.Read(sentence.tokens, TimeTokens(sentence.tokens.size(), times));
    if (first && options.places && placer.dateline().place >= 0) {
      *dateline = WrittenLocation(*r.gazetteer, article, cleaned, sentence.tokens,
                                  placer.dateline(), "dateline");
    }
    first = false;
    const size_t sentence_first = events.size();
    for (CodedEvent& coded : coder.Code(input, &coder_state)) {
      places.Fill(&coded.source);
      if (coded.target) places.Fill(&*coded.target);
      if (trace != nullptr) TraceEvent(coded, trace);
      events.push_back(ToEvent(article, language, cleaned, sentence, coded, *r.codebook));
      if (options.places) {
        std::span<const Event> earlier(events.data() + sentence_first,
                                       events.size() - 1 - sentence_first);
        PlaceEvent(*r.gazetteer, placer, article, cleaned, sentence.tokens, mentions, coded,
                   earlier, trace, &events.back());
      }
    }
  }
  *country = tracker.DominantCountry();
  return events;
}

// 16 hex digits, stable across runs: a hash of the article, the verb's
// place, the code and the actors.
std::string EventId(const Article& article, const Event& event) {
  char id[17];
  std::snprintf(id, sizeof id, "%016llx",
                static_cast<unsigned long long>(
                    Fnv1a(article.id + "|" + std::to_string(event.evidence.verb.start) + "|" +
                          event.cameo + "|" + event.source.code + "|" + event.source.name + "|" +
                          (event.target ? event.target->code + "|" + event.target->name : ""))));
  return id;
}

}  // namespace

Result<CodedArticle> ArticleCoder::Code(const Article& article, const CodeOptions& options) {
  const Resources::Impl& r = state_->resources->impl();
  CleanedText cleaned = r.cleaner->Clean(article.text);
  if (Trim(cleaned.text).empty()) return Status::InvalidInput(kNothingLeftAfterCleaning);
  CodedArticle result;
  result.language = options.language;
  if (result.language.empty()) result.language = GuessLanguage(r, state_->analyser.get(), cleaned);
  if (!IsSupportedLanguage(result.language)) {
    return Status::InvalidInput("language \"" + result.language +
                                "\" is not supported (warta codes Indonesian and English; "
                                "--lang id|en overrides detection)");
  }
  std::string country;
  std::optional<Location> dateline;
  std::vector<Event> events = CodeSentences(r, state_->analyser.get(), article, cleaned,
                                            result.language, options, &country, &dateline);
  if (country.empty() && result.language == "id") country = "IDN";
  for (Event& event : events) {
    FillCountry(country, &event.source);
    if (event.target) FillCountry(country, &*event.target);
    event.event_id = EventId(article, event);
  }
  AddImplicitTargets(country, &events);
  result.events = FoldStatements(FoldDuplicates(std::move(events)));
  if (options.places) PlaceByArticle(dateline, &result.events);
  return result;
}

}  // namespace warta
