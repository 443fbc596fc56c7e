#include "warta/pipeline.h"

#include <cstdio>
#include <cstdlib>
#include <set>
#include <tuple>

#include "actors/actors.h"
#include "analyse/analyser.h"
#include "analyse/lexicon.h"
#include "clean/cleaner.h"
#include "events/codebook.h"
#include "events/coder.h"
#include "events/verbs.h"
#include "language/language.h"
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

void FillCountry(const std::string& country, Actor* actor) {
  if (!actor->country.empty() || country.empty()) return;
  // An international body named by its kind ("blok itu") is no state's.
  if (actor->agent == "IGO" || actor->agent == "UNO") {
    actor->country = "IGO";
    actor->code = "IGO" + actor->agent;
    return;
  }
  actor->country = country;
  actor->code = country + actor->agent;
}

// Builds the contract's Event from what the coder found in one sentence.
Event ToEvent(const Article& article, const std::string& language, const CleanedText& cleaned,
              const Sentence& sentence, const CodedEvent& coded, const Codebook& codebook) {
  const auto& tokens = sentence.tokens;
  auto span = [&](TokenRange range) {
    if (range.begin == range.end) {
      size_t at = cleaned.ToOriginal(tokens[range.begin].start);
      return Span{at, at};
    }
    return Span{cleaned.ToOriginal(tokens[range.begin].start),
                cleaned.ToOriginal(tokens[range.end - 1].end - 1) + 1};
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

// "China condemned the sanctions", "The strikes were condemned by Egypt": a
// criticism, rejection or threat whose object is an act, not an actor, is
// aimed at whoever did the latest act of force or pressure (roots 14-20;
// for a rejection also an appeal or demand) before it by another actor; failing that, like praise
// of "the decision", at whoever did what the article leads with. A denial (016) answers a charge
// and has no target of its own.
const Event* ReactedTo(const std::vector<Event>& events, size_t i) {
  const Event& e = events[i];
  // A state and its government are one actor ("Korea Utara" and
  // "Pyongyang"); two bodies of one state are two (army and RSF).
  auto other = [&](const Event& before) {
    bool state = before.source.agent.empty() || e.source.agent.empty() ||
                 (before.source.agent == "GOV" && e.source.agent == "GOV");
    bool same = before.source.country == e.source.country && state;
    return before.source.code != e.source.code && !before.source.country.empty() && !same;
  };
  // A rejection may answer an appeal or a demand as well ("menolak permintaan
  // tersebut" after UNHCR urged the government).
  bool rejection = e.cameo_root == "12";
  if (e.cameo_root != "05") {
    for (size_t k = i; k-- > 0;) {
      int root = std::atoi(events[k].cameo_root.c_str());
      bool answered = root >= 14 || (rejection && (root == 2 || root == 10));
      if (answered && other(events[k])) return &events[k];
    }
  }
  for (size_t k = 0; k < i; ++k) {
    if (other(events[k])) return &events[k];
  }
  return nullptr;
}

// "Xi menyatakan China siap memperluas kerja sama investasi", "Pyongyang
// berjanji menghentikan pengiriman balon": a pledge with no one named is made
// to the other state of the latest event its maker's state took part in.
const Actor* PledgedTo(const std::vector<Event>& events, size_t i) {
  const std::string& country = events[i].source.country;
  if (country.empty()) return nullptr;
  for (size_t k = i; k-- > 0;) {
    const Event& before = events[k];
    if (!before.target) continue;
    const Actor& a = before.source;
    const Actor& b = *before.target;
    bool a_other = !a.country.empty() && a.country != country && a.country != "IGO";
    bool b_other = !b.country.empty() && b.country != country && b.country != "IGO";
    if (a.country == country && b_other) return &b;
    if (b.country == country && a_other) return &a;
  }
  return nullptr;
}

// The unnamed people of one agent of a country ("IDN" "CRM": suspects).
Actor Unnamed(const std::string& country, const std::string& agent) {
  Actor actor;
  actor.code = country + agent;
  actor.country = country;
  actor.agent = agent;
  actor.name = country;
  return actor;
}

// Targets the text leaves implicit: of reactions (ReactedTo), pledges
// (PledgedTo), repression (the latest protesters, else suspects), protests
// (the protesters' government) and aid from abroad; `country` is the one the
// article is about.
void AddImplicitTargets(const std::string& country, std::vector<Event>* events) {
  Actor people;  // an unnamed target made up here
  for (size_t i = 0; i < events->size(); ++i) {
    Event& e = (*events)[i];
    if (e.target) continue;
    int root = std::atoi(e.cameo_root.c_str());
    bool reaction = root == 5 || root == 11 || root == 12 || root == 13;
    const Actor* answered = nullptr;
    if (reaction) {
      if (const Event* act = ReactedTo(*events, i)) answered = &act->source;
    } else if (root == 3) {
      answered = PledgedTo(*events, i);
    } else if (root == 17) {
      // "membubarkan paksa aksi itu", "fired tear gas to disperse the crowd":
      // repression naming no one falls on the latest protesters.
      for (size_t k = i; k-- > 0 && answered == nullptr;) {
        const Event& before = (*events)[k];
        if (before.cameo_root == "14" && !before.source.SameAs(e.source)) {
          answered = &before.source;
        }
      }
      // "Densus 88 menangkap empat anggota jaringan yang sama": whoever an
      // arrest names no actor for are suspects of the arresting state.
      if (answered == nullptr && e.cameo == "173" && !e.source.country.empty()) {
        people = Unnamed(e.source.country, "CRM");
        answered = &people;
      }
    } else if (root == 14 && e.cameo != "145" && !e.source.country.empty() &&
               e.source.country != "IGO") {
      // "Ratusan mahasiswa Papua berunjuk rasa di kawasan Patung Kuda": a
      // protest naming no one is against the protesters' own government.
      people = Unnamed(e.source.country, "GOV");
      answered = &people;
    } else if (root == 7 && !country.empty() && e.source.country != country &&
               e.source.country != "IGO") {
      // "Pemerintah Jepang menyalurkan generator listrik, tenda ...": aid
      // from abroad with no one named goes to the people of the country
      // the article is about.
      people = Unnamed(country, "CVL");
      answered = &people;
    }
    if (answered == nullptr) continue;
    e.target = *answered;
    e.evidence.target = Span{e.evidence.verb.start, e.evidence.verb.start};
  }
}

// The same event said twice in one article is one event; the first telling
// (usually the lead) is kept.
std::vector<Event> FoldDuplicates(std::vector<Event> events) {
  std::set<std::tuple<std::string, std::string, std::string, std::string, std::string, bool>> seen;
  std::vector<Event> kept;
  for (Event& event : events) {
    std::string target = event.target ? event.target->code + "/" + event.target->name : "";
    auto key = std::make_tuple(event.source.code + "/" + event.source.name, target, event.cameo,
                               event.date ? event.date->ToString() : "",
                               std::string(ModalityName(event.modality)), event.negated);
    if (seen.insert(key).second) kept.push_back(std::move(event));
  }
  return kept;
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

}  // namespace

Result<CodedArticle> ArticleCoder::Code(const Article& article, const CodeOptions& options) {
  const Resources::Impl& r = state_->resources->impl();
  CleanedText cleaned = r.cleaner->Clean(article.text);
  if (Trim(cleaned.text).empty()) return Status::InvalidInput(kNothingLeftAfterCleaning);
  CodedArticle result;
  result.language = options.language;
  if (result.language.empty()) {
    LanguageGuess guess = DetectLanguage(cleaned.text);
    result.language = guess.code;
    if (!guess.reliable) {
      // Too short for CLD2 (it then says "en"): let the function words and
      // the Hunspell dictionaries decide.
      std::vector<Token> tokens = r.segmenter->Tokenize(cleaned.text.substr(0, 4096));
      int indonesian = 2 * r.lexicons[0]->CountFunctionWords(tokens);
      int english = 2 * r.lexicons[1]->CountFunctionWords(tokens);
      for (const Token& token : tokens) {
        if (token.kind != TokenKind::kWord) continue;
        indonesian += state_->analyser->Knows("id", token.lower) ? 1 : 0;
        english += state_->analyser->Knows("en", token.lower) ? 1 : 0;
      }
      if (indonesian != english) result.language = indonesian > english ? "id" : "en";
    }
  }
  if (!IsSupportedLanguage(result.language)) {
    return Status::InvalidInput("language \"" + result.language +
                                "\" is not supported (warta codes Indonesian and English; "
                                "--lang id|en overrides detection)");
  }
  int li = LanguageIndex(result.language);
  const Lexicon& lexicon = *r.lexicons[li];
  EventCoder coder(*r.verbs[li], lexicon, result.language);
  ActorTracker tracker(*r.actors, lexicon, article.published);
  CoderState coder_state;
  std::string story_place;  // the country of the last place named, for unnamed actors
  std::vector<Event> events;
  SentenceReader sentences(*r.segmenter, cleaned.text);
  Sentence sentence;
  while (sentences.Next(&sentence)) {
    std::vector<WordAnalysis> analyses;
    analyses.reserve(sentence.tokens.size());
    for (const Token& token : sentence.tokens) {
      analyses.push_back(token.kind == TokenKind::kWord
                             ? state_->analyser->Analyse(result.language, token.lower)
                             : WordAnalysis{token.lower, Voice::kNone, false});
    }
    std::vector<Mention> mentions = tracker.Recognise(sentence.tokens);
    std::vector<TimeExpression> times = r.times[li]->Find(sentence.tokens, article.published);
    SentenceInput input{&sentence.tokens, &analyses, &mentions, &times, article.published};
    if (options.trace != nullptr) Trace(sentence, analyses, mentions, times, options.trace);
    // "families in Khan Younis": an actor without a state belongs to the place
    // the sentence names ("Police in Minsk" names one too).
    std::string place;  // the first place this sentence names
    for (const Mention& mention : mentions) {
      bool names_place = (mention.location && !mention.dateline) || mention.placed;
      if (names_place && !mention.actors.empty() && place.empty()) {
        place = mention.actors.front().country;
      }
    }
    // ... else, for local people, to the place where the story was last said
    // to be ("Ratusan warga setempat" after a boat landed in Pidie, Aceh).
    // (Unnamed officials belong to the country the article is about.)
    if (!place.empty()) story_place = place;
    auto fill = [&](Actor* actor) {
      FillCountry(place.empty() && IsCrowd(actor->agent) ? story_place : place, actor);
    };
    for (CodedEvent& coded : coder.Code(input, &coder_state)) {
      fill(&coded.source);
      if (coded.target) fill(&*coded.target);
      if (options.trace != nullptr) {
        *options.trace += "  event " + coded.pattern->code + " \"" + coded.pattern->text + "\" " +
                          coded.source.code + " -> " + (coded.target ? coded.target->code : "-") +
                          "\n";
      }
      events.push_back(ToEvent(article, result.language, cleaned, sentence, coded, *r.codebook));
    }
  }
  std::string country = tracker.DominantCountry();
  if (country.empty() && result.language == "id") country = "IDN";
  for (Event& event : events) {
    FillCountry(country, &event.source);
    if (event.target) FillCountry(country, &*event.target);
    char id[17];
    std::snprintf(id, sizeof id, "%016llx",
                  static_cast<unsigned long long>(
                      Fnv1a(article.id + "|" + std::to_string(event.evidence.verb.start) + "|" +
                            event.cameo + "|" + event.source.code + "|" + event.source.name + "|" +
                            (event.target ? event.target->code + "|" + event.target->name : ""))));
    event.event_id = id;
  }
  AddImplicitTargets(country, &events);
  result.events = FoldDuplicates(std::move(events));
  return result;
}

}  // namespace warta
