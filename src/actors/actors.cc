#include "actors/actors.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

#include "util/text.h"

namespace warta {

namespace {

const std::set<std::string>& KnownAgents() {
  static const std::set<std::string> kAgents = {
      "GOV", "LEG", "JUD", "COP", "MIL", "PTY", "OPP", "CVL", "EDU", "BUS", "MED",
      "CRM", "REB", "SPY", "LAB", "REL", "HLH", "REF", "ELI", "IGO", "UNO", "NGO"};
  return kAgents;
}

bool IsCountryCode(const std::string& code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::optional<Date> ParseOptionalDate(const std::string& text, bool* ok) {
  *ok = true;
  if (text.empty()) return std::nullopt;
  auto date = Date::Parse(text);
  if (!date) *ok = false;
  return date;
}

// Whether a date falls in [start, end], comparing at the coarser precision.
bool InTerm(const Date& date, const Office& office) {
  auto key = [](const Date& d, bool upper) {
    int month = d.precision == DatePrecision::kYear ? (upper ? 12 : 1) : d.month;
    int day = d.precision == DatePrecision::kDay ? d.day : (upper ? 31 : 1);
    return d.year * 10000 + month * 100 + day;
  };
  int value = key(date, false);
  if (office.start && value < key(*office.start, false)) return false;
  if (office.end && value > key(*office.end, true)) return false;
  return true;
}

// Joins pieces "Korea Utara" + "Kim Jong Un"? Only pieces of different slots.
int Slot(EntryKind kind) {
  switch (kind) {
    case EntryKind::kState:
    case EntryKind::kDemonym:
    case EntryKind::kCapital:
    case EntryKind::kCity:
      return 0;
    case EntryKind::kPerson:
      return 1;
    case EntryKind::kOrganisation:
      return 2;
    case EntryKind::kSeat:
      return 3;
    case EntryKind::kTitle:
      return 4;
  }
  return 5;
}

std::string JoinText(const std::vector<Token>& tokens, size_t begin, size_t end) {
  std::string text;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin && tokens[i].start > tokens[i - 1].end) text += ' ';
    text += tokens[i].text;
  }
  return text;
}

}  // namespace

// ---------------------------------------------------------------- loading

struct NameRule {
  size_t entry;
  std::vector<std::string> exact_words;  // for acronyms
  bool needs_capital;
};

void ActorDictionary::AddName(const Segmenter& segmenter, const std::string& name, size_t entry) {
  std::vector<Token> tokens = segmenter.Tokenize(name);
  if (tokens.empty()) return;
  std::vector<std::string> words;
  for (const Token& token : tokens) words.push_back(token.lower);
  // The entry index is packed with two case bits so the table stays simple.
  NameCase rule = NameCaseOf(name);
  phrases_.Add(std::move(words), entry * 4 + (rule.exact ? 1 : 0) + (rule.capital ? 2 : 0));
}

size_t ActorDictionary::Match(const std::vector<Token>& tokens, size_t i,
                              const ActorEntry** entry) const {
  return phrases_.Visit(tokens, i, [&](const PhraseTable<size_t>::Entry& phrase) {
    NameCase rule{(phrase.value & 1) != 0, (phrase.value & 2) != 0};
    if (!NameCaseHolds(rule, tokens, i, phrase.words.size())) return false;
    *entry = &entries_[phrase.value / 4];
    return true;
  });
}

void ActorDictionary::LoadCountries(const TsvFile& file, const Segmenter& segmenter,
                                    Diagnostics* diag) {
  static const std::map<std::string, EntryKind> kKinds = {{"name", EntryKind::kState},
                                                          {"demonym", EntryKind::kDemonym},
                                                          {"capital", EntryKind::kCapital},
                                                          {"seat", EntryKind::kSeat},
                                                          {"city", EntryKind::kCity}};
  for (const TsvRecord& record : file.records) {
    const auto& f = record.fields;
    auto kind = f.size() == 3 ? kKinds.find(f[1]) : kKinds.end();
    if (kind == kKinds.end() || !IsCountryCode(f[0])) {
      diag->Error(file.path, record.line,
                  "expected `CODE<TAB>name|demonym|capital|seat|city<TAB>names` with a "
                  "three-letter code");
      continue;
    }
    for (const std::string& raw : Split(f[2], '|')) {
      std::string name = raw;
      std::string agent = kind->second == EntryKind::kSeat ? "GOV" : "";
      size_t colon = name.rfind(':');
      if (kind->second == EntryKind::kSeat && colon != std::string::npos) {
        agent = name.substr(colon + 1);
        name = name.substr(0, colon);
        if (!KnownAgents().count(agent)) {
          diag->Error(file.path, record.line, "unknown agent \"" + agent + "\"");
          continue;
        }
      }
      if (Trim(name).empty()) {
        diag->Error(file.path, record.line, "empty name in list");
        continue;
      }
      entries_.push_back({kind->second, f[0], agent, f[0], name, {}, false, false});
      AddName(segmenter, name, entries_.size() - 1);
      if (kind->second == EntryKind::kState) state_names_.emplace(f[0], name);
    }
  }
}

void ActorDictionary::LoadOrganisations(const TsvFile& file, const Segmenter& segmenter,
                                        Diagnostics* diag) {
  for (const TsvRecord& record : file.records) {
    const auto& f = record.fields;
    if (f.size() != 4 || f[0].empty() || !IsCountryCode(f[1]) || !KnownAgents().count(f[2])) {
      diag->Error(file.path, record.line,
                  "expected `code<TAB>country<TAB>agent<TAB>names` with a known agent");
      continue;
    }
    std::vector<std::string> names = Split(f[3], '|');
    for (const std::string& name : names) {
      if (Trim(name).empty()) {
        diag->Error(file.path, record.line, "empty name in list");
        continue;
      }
      entries_.push_back(
          {EntryKind::kOrganisation, f[1], f[2], f[0], names.front(), {}, false, false});
      AddName(segmenter, name, entries_.size() - 1);
    }
  }
}

void ActorDictionary::LoadPeople(const TsvFile& file, const Segmenter& segmenter,
                                 Diagnostics* diag) {
  std::map<std::string, size_t> by_name;
  for (const TsvRecord& record : file.records) {
    const auto& f = record.fields;
    bool start_ok = false, end_ok = false;
    if (f.size() != 5 || f[1].size() != 6 || !IsCountryCode(f[1].substr(0, 3)) ||
        !KnownAgents().count(f[1].substr(3))) {
      diag->Error(file.path, record.line,
                  "expected `names<TAB>CODE<TAB>start<TAB>end<TAB>office` with a "
                  "six-letter code such as RUSGOV");
      continue;
    }
    Office office{f[1], ParseOptionalDate(f[2], &start_ok), ParseOptionalDate(f[3], &end_ok), f[4]};
    if (!start_ok || !end_ok) {
      diag->Error(file.path, record.line, "dates must be YYYY-MM-DD, YYYY-MM or YYYY");
      continue;
    }
    std::vector<std::string> names = Split(f[0], '|');
    if (Trim(names.front()).empty()) {
      diag->Error(file.path, record.line, "empty name");
      continue;
    }
    auto found = by_name.find(names.front());
    if (found != by_name.end()) {
      entries_[found->second].offices.push_back(office);
      AddOneNames(segmenter, names, found->second);
      continue;
    }
    entries_.push_back({EntryKind::kPerson,
                        f[1].substr(0, 3),
                        f[1].substr(3),
                        f[1],
                        names.front(),
                        {office},
                        false,
                        false});
    size_t index = entries_.size() - 1;
    by_name[names.front()] = index;
    for (const std::string& name : names) {
      if (!Trim(name).empty()) AddName(segmenter, name, index);
    }
    AddOneNames(segmenter, names, index);
  }
}

void ActorDictionary::AddOneNames(const Segmenter& segmenter, const std::vector<std::string>& names,
                                  size_t entry) {
  auto add = [&](const std::string& word, int rank) {
    auto& owners = one_names_[word];
    for (const auto& [owner, owner_rank] : owners) {
      if (owner == entry && owner_rank <= rank) return;
    }
    owners.push_back({entry, rank});
  };
  for (const std::string& name : names) {
    std::vector<Token> tokens = segmenter.Tokenize(name);
    if (tokens.empty() || !tokens.front().capitalized) continue;
    if (tokens.size() == 1) {
      add(tokens.front().text, 0);
      continue;
    }
    add(tokens.front().text, 1);
    add(tokens.back().text, 2);
  }
}

const ActorEntry* ActorDictionary::PersonByOneName(const std::string& word,
                                                   const std::string& agent,
                                                   const std::optional<Date>& date) const {
  auto it = one_names_.find(word);
  if (it == one_names_.end()) return nullptr;
  // "Prabowo" is Prabowo Subianto's first name and Edhy Prabowo's last: the
  // closest kind of name wins, and it must be one person's only.
  for (int rank = 0; rank <= 2; ++rank) {
    const ActorEntry* found = nullptr;
    int count = 0;
    for (const auto& [entry, entry_rank] : it->second) {
      if (entry_rank != rank) continue;
      const ActorEntry& person = entries_[entry];
      if (!agent.empty() && OfficeOn(person, date)->code.substr(3) != agent) continue;
      // ("kata Jafar" in Jakarta is not Jordan's Jafar Hassan: only where
      // people go by their first name does a first name alone name them.)
      if (rank == 1 && first_name_countries_.count(person.country) == 0) continue;
      if (found != &person) ++count;
      found = &person;
    }
    if (count == 1) return found;
    if (count > 1) return nullptr;
  }
  return nullptr;
}

void ActorDictionary::LoadGrammar(const TsvFile& file, const Segmenter& segmenter,
                                  Diagnostics* diag) {
  static const std::map<std::string, Cue> kCues = {
      {"role", Cue::kRole},         {"rank", Cue::kRank},           {"honorific", Cue::kHonorific},
      {"speech", Cue::kSpeech},     {"according", Cue::kAccording}, {"passive", Cue::kPassive},
      {"adverb", Cue::kAdverb},     {"stance", Cue::kStance},       {"place_part", Cue::kPlacePart},
      {"not_name", Cue::kNotName},  {"detained", Cue::kDetained},   {"modified", Cue::kModified},
      {"office", Cue::kOffice},     {"former", Cue::kFormer},       {"envoy", Cue::kEnvoy},
      {"posted_to", Cue::kPostedTo}};
  for (const TsvRecord& record : file.records) {
    const auto& f = record.fields;
    if (f.size() == 2 && f[0] == "first_names") {
      for (const std::string& code : Split(f[1], '|'))
        first_name_countries_.insert(std::string(Trim(code)));
      continue;
    }
    auto cue = f.size() == 2 ? kCues.find(f[0]) : kCues.end();
    if (cue == kCues.end()) {
      diag->Error(file.path, record.line,
                  "expected `kind<TAB>words` with kind role, rank, honorific, speech, according, "
                  "passive, adverb, stance, detained, modified, office, former, envoy, posted_to, "
                  "place_part, not_name "
                  "or first_names");
      continue;
    }
    for (const std::string& phrase : Split(f[1], '|')) {
      std::vector<Token> tokens = segmenter.Tokenize(ToLower(phrase));
      if (tokens.empty()) {
        diag->Error(file.path, record.line, "empty word in list");
        continue;
      }
      std::vector<std::string> words;
      for (const Token& token : tokens) words.push_back(token.lower);
      cues_[static_cast<size_t>(cue->second)].Add(std::move(words), 1);
    }
  }
}

bool ActorDictionary::IsCommonWord(const std::string& lower) const {
  if (common_words_.count(lower) > 0) return true;
  // Indonesian derivation, roughly: pe(N)-/per-/ke-/ber- ... -an/-nya.
  static const char* const kPrefixes[] = {"",    "peng", "peny", "pem", "pen",
                                          "per", "pe",   "ke",   "ber"};
  static const char* const kSuffixes[] = {"nya", "an", ""};
  for (const char* prefix : kPrefixes) {
    for (const char* suffix : kSuffixes) {
      size_t p = std::strlen(prefix), q = std::strlen(suffix);
      if (p + q == 0 || lower.size() < p + q + 3) continue;
      if (lower.compare(0, p, prefix) != 0 || lower.compare(lower.size() - q, q, suffix) != 0) {
        continue;
      }
      if (common_words_.count(lower.substr(p, lower.size() - p - q)) > 0) return true;
    }
  }
  return false;
}

// Hunspell's word lists, lowercase entries only (capitalised ones are names):
// without them the grammar only loses its guard against common words.
void ActorDictionary::LoadCommonWords(const std::string& hunspell_dir) {
  for (const char* name : {"id_ID.dic", "en_US.dic"}) {
    std::ifstream in(hunspell_dir + "/" + name);
    std::string line;
    std::getline(in, line);  // the entry count
    while (std::getline(in, line)) {
      std::string word = line.substr(0, line.find('/'));
      if (!word.empty() && std::islower(static_cast<unsigned char>(word[0]))) {
        common_words_.insert(word);
      }
    }
  }
}

void ActorDictionary::LoadTitles(const TsvFile& file, const Segmenter& segmenter,
                                 Diagnostics* diag) {
  for (const TsvRecord& record : file.records) {
    const auto& f = record.fields;
    if (f.size() != 2 || !KnownAgents().count(f[0])) {
      diag->Error(file.path, record.line, "expected `AGENT<TAB>titles` with a known agent");
      continue;
    }
    for (const std::string& name : Split(f[1], '|')) {
      if (Trim(name).empty()) {
        diag->Error(file.path, record.line, "empty title in list");
        continue;
      }
      entries_.push_back({EntryKind::kTitle, "", f[0], "", name, {}, false, false});
      AddName(segmenter, name, entries_.size() - 1);
    }
  }
}

Result<std::unique_ptr<ActorDictionary>> ActorDictionary::Load(const std::string& data_dir,
                                                               const Segmenter& segmenter,
                                                               Diagnostics* diagnostics,
                                                               const std::string& hunspell_dir) {
  Diagnostics local;
  Diagnostics* diag = &local;
  std::unique_ptr<ActorDictionary> dictionary(new ActorDictionary());
  using Loader = void (ActorDictionary::*)(const TsvFile&, const Segmenter&, Diagnostics*);
  const std::pair<const char*, Loader> kFolders[] = {
      {"countries", &ActorDictionary::LoadCountries},
      {"organisations", &ActorDictionary::LoadOrganisations},
      {"people", &ActorDictionary::LoadPeople},
      {"agents", &ActorDictionary::LoadTitles},
      {"grammar", &ActorDictionary::LoadGrammar}};
  for (const auto& [folder, loader] : kFolders) {
    auto paths = ListTsvFiles(data_dir + "/actors/" + folder);
    if (!paths.ok()) return paths.status();
    for (const std::string& path : paths.value()) {
      auto file = ReadTsv(path);
      if (!file.ok()) {
        diag->Error(path, 0, file.status().message());
        continue;
      }
      (dictionary.get()->*loader)(file.value(), segmenter, diag);
    }
  }
  dictionary->phrases_.Compile();
  for (auto& table : dictionary->cues_) table.Compile();
  dictionary->LoadCommonWords(hunspell_dir);
  if (diagnostics != nullptr) diagnostics->Merge(local);
  if (!local.ok()) return local.ToStatus();
  return dictionary;
}

std::string ActorDictionary::StateName(const std::string& code) const {
  auto it = state_names_.find(code);
  return it == state_names_.end() ? code : it->second;
}

const Office* ActorDictionary::OfficeOn(const ActorEntry& person,
                                        const std::optional<Date>& date) const {
  if (person.offices.empty()) return nullptr;
  if (date) {
    for (const Office& office : person.offices) {
      if (InTerm(*date, office)) return &office;
    }
  }
  // Out of every term: the office nearest in time; with no date, the one
  // held most recently.
  auto day = [](const Date& d) {
    return DaysFromCivil(d.year, d.month ? d.month : 1, d.day ? d.day : 1);
  };
  const long kFar = 1L << 40;
  long when = date ? day(*date) : kFar;
  const Office* nearest = &person.offices.front();
  long best = kFar + 1;
  for (const Office& office : person.offices) {
    long start = office.start ? day(*office.start) : -kFar;
    long end = office.end ? day(*office.end) : kFar;
    long distance = when < start ? start - when : (when > end ? when - end : 0);
    if (distance < best) {
      best = distance;
      nearest = &office;
    }
  }
  return nearest;
}

// ---------------------------------------------------------------- tracking

ActorTracker::ActorTracker(const ActorDictionary& dictionary, const Lexicon& lexicon,
                           std::optional<Date> published)
    : dictionary_(dictionary), lexicon_(lexicon), published_(published) {}

std::vector<ActorTracker::Piece> ActorTracker::FindPieces(const std::vector<Token>& tokens) const {
  std::vector<Piece> pieces;
  for (size_t i = 0; i < tokens.size();) {
    const ActorEntry* entry = nullptr;
    size_t length = 0;
    // Pair phrases ("para pemimpin") win over the titles inside them.
    size_t pair = std::max(lexicon_.Match(LexiconKind::kPairPeople, tokens, i),
                           lexicon_.Match(LexiconKind::kPairStates, tokens, i));
    if (pair > 0) {
      i += pair;
      continue;
    }
    length = dictionary_.Match(tokens, i, &entry);
    if (length == 0) {
      // "para pendukungnya", "pasukannya": a role word with the possessive
      // "-nya" is that role.
      if (const ActorEntry* role = PossessedRole(tokens[i])) pieces.push_back({i, i + 1, role});
      ++i;
      continue;
    }
    // ("kerja sama militer", "bantuan militer": a role word after a noun it
    // qualifies is an adjective, no actor.)
    // ("terpilih sebagai presiden": a bare role after "sebagai" is an office
    // someone holds, no actor of its own; "sebagai tersangka" still says who
    // the one named is.)
    bool office = entry->agent != "CRM" && OfficeOnly(tokens, i, length);
    if (entry->kind == EntryKind::kTitle && (ModifiedBefore(tokens, i) || office)) {
      i += length;
      continue;
    }
    pieces.push_back({i, i + length, entry});
    i += length;
  }
  return pieces;
}

bool ActorTracker::PostedEnvoy(const std::vector<Token>& tokens, const Mention& envoy) const {
  for (size_t k = envoy.begin; k < envoy.end; ++k) {
    if (dictionary_.MatchCue(Cue::kEnvoy, tokens, k) > 0) return true;
  }
  return false;
}

bool ActorTracker::OfficeOnly(const std::vector<Token>& tokens, size_t i, size_t length) const {
  if (i == 0 || dictionary_.MatchCue(Cue::kOffice, tokens, i - 1) != 1) return false;
  size_t after = i + length;
  return after >= tokens.size() || !tokens[after].capitalized;
}

bool ActorTracker::ModifiedBefore(const std::vector<Token>& tokens, size_t i) const {
  for (size_t back = 1; back <= 2 && back <= i; ++back) {
    if (dictionary_.MatchCue(Cue::kModified, tokens, i - back) == back) return true;
  }
  return false;
}

const ActorEntry* ActorTracker::PossessedRole(const Token& token) const {
  const std::string& word = token.lower;
  if (token.kind != TokenKind::kWord || !HasNyaClitic(word)) return nullptr;
  Token bare = token;
  bare.lower = word.substr(0, word.size() - 3);
  bare.lower_hash = WordHash{}(bare.lower);
  bare.text = token.text.substr(0, token.text.size() - 3);
  const ActorEntry* entry = nullptr;
  size_t length = dictionary_.Match({bare}, 0, &entry);
  return length == 1 && entry->kind == EntryKind::kTitle ? entry : nullptr;
}

bool ActorTracker::IsConnector(const std::vector<Token>& tokens, size_t k) const {
  const Token& token = tokens[k];
  if (token.text == "'" || token.text == "’") return true;
  if (token.lower == "s" && k > 0 && (tokens[k - 1].text == "'" || tokens[k - 1].text == "’")) {
    return true;
  }
  return lexicon_.Is(LexiconKind::kConnector, tokens, k);
}

size_t ActorTracker::ExtendName(const std::vector<Token>& tokens, size_t from,
                                const std::vector<Piece>& pieces, size_t next_piece) const {
  size_t end = from;
  size_t limit = next_piece < pieces.size() ? pieces[next_piece].begin : tokens.size();
  // "Kapolres Jakarta Selatan": the compass word is the place's.
  if (from > 0 && dictionary_.MatchCue(Cue::kPlacePart, tokens, from) > 0) return from;
  while (end < limit && end - from < 4 && tokens[end].kind == TokenKind::kWord &&
         tokens[end].capitalized && !tokens[end].newline_before) {
    ++end;
  }
  return end;
}

void ActorTracker::Remember(const Actor& actor, bool person, const std::string& written) {
  auto same = [&](const Entity& e) { return e.actor.SameAs(actor); };
  Entity entity{actor, {}, person, sentences_seen_};
  // (Forms learnt before stay known when the person is named again.)
  auto learn = [&](const std::string& word) {
    bool known = std::find(entity.name_words.begin(), entity.name_words.end(), word) !=
                 entity.name_words.end();
    if (!known) entity.name_words.push_back(word);
  };
  for (const Entity& earlier : entities_) {
    if (!same(earlier)) continue;
    for (const std::string& word : earlier.name_words) learn(word);
    entity.first_sentence = std::min(entity.first_sentence, earlier.first_sentence);
  }
  entities_.erase(std::remove_if(entities_.begin(), entities_.end(), same), entities_.end());
  if (person) {
    // The full name's words and those of the form written ("Tom Lembong"
    // makes a later "Tom" this person too).
    for (const std::string& name : {actor.name, written}) {
      for (const std::string& word : Split(name, ' ')) {
        if (word.size() >= 2 && StartsUpper(word)) learn(word);
      }
    }
  }
  entities_.push_back(std::move(entity));
  // (A wire service cited, "kepada AFP", "Reuters reported", says whose news
  // it carries, not what the article is about.)
  if (actor.country.empty() || actor.agent == "MED") return;
  first_seen_.emplace(actor.country, sentences_seen_);
  CountCountry(actor.country);
}

void ActorTracker::CountCountry(const std::string& country) {
  for (auto& [seen, count] : country_counts_) {
    if (seen == country) {
      ++count;
      return;
    }
  }
  country_counts_.push_back({country, 1});
}

const ActorTracker::Entity* ActorTracker::KnownPerson(const std::vector<Token>& tokens,
                                                      size_t begin, size_t end) const {
  for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
    if (!it->person || it->actor.country.empty()) continue;
    bool all = true;
    for (size_t k = begin; k < end && all; ++k) {
      all = std::find(it->name_words.begin(), it->name_words.end(), tokens[k].text) !=
            it->name_words.end();
    }
    if (all) return &*it;
  }
  return nullptr;
}

bool ActorTracker::NewInThisSentence(const std::string& country) const {
  auto it = first_seen_.find(country);
  return it != first_seen_.end() && it->second == sentences_seen_;
}

std::string ActorTracker::DominantCountry() const {
  std::string best;
  int best_count = 0;
  for (const auto& [country, count] : country_counts_) {
    if (count > best_count && country != "IGO") {
      best = country;
      best_count = count;
    }
  }
  return best;
}

bool IsCrowd(const std::string& agent) {
  return agent == "CVL" || agent == "EDU" || agent == "LAB" || agent == "REF";
}

// "Ketua Umum PKPI Sutiyoso", "Menteri Pertahanan Prabowo": the role written
// with a listed person's name is the one the text gives them, whatever the
// list says they held on that day (the day is often unknown). (The name and
// the person stay; the term's dates go when the role differs.)
void WrittenRole(const ActorEntry* role, const ActorEntry* place, Actor* actor) {
  if (role == nullptr || role->agent.empty()) return;
  std::string country = !role->country.empty() ? role->country
                        : place != nullptr     ? place->country
                                               : actor->country;
  if (role->agent == actor->agent && country == actor->country) return;
  actor->agent = role->agent;
  actor->country = country;
  actor->code = country + role->agent;
}

Mention ActorTracker::Compose(const std::vector<Token>& tokens, const std::vector<Piece>& pieces,
                              size_t first, size_t last) {
  Mention mention{pieces[first].begin, pieces[last].end, {}, false, false, false, false, false};
  const ActorEntry* by_slot[6] = {};
  for (size_t p = first; p <= last; ++p) {
    int slot = Slot(pieces[p].entry->kind);
    if (slot != 4 || by_slot[4] == nullptr) by_slot[slot] = pieces[p].entry;
    // The last title is the most specific, except that people named by a
    // group ("pendukung pasangan calon bupati", "supporters of the
    // president") are that group.
    bool group_head = by_slot[4] != nullptr && IsCrowd(by_slot[4]->agent);
    if (slot == 4 && !group_head) by_slot[4] = pieces[p].entry;
  }
  const ActorEntry* place = by_slot[0];
  const ActorEntry* person = by_slot[1];
  const ActorEntry* organisation = by_slot[2];
  const ActorEntry* seat = by_slot[3];
  const ActorEntry* title = by_slot[4];
  Actor actor;
  actor.name = JoinText(tokens, mention.begin, mention.end);
  bool is_person = false;
  if (person != nullptr) {
    actor = ListedPerson(*person);
    is_person = true;
    // ("Mantan Ketua MK Mahfud": a former role is not the one they hold.)
    bool former = false;
    for (size_t k = mention.begin > 2 ? mention.begin - 2 : 0; k < mention.end; ++k) {
      former = former || dictionary_.MatchCue(Cue::kFormer, tokens, k) > 0;
    }
    if (!former) WrittenRole(organisation != nullptr ? organisation : title, place, &actor);
  } else if (organisation != nullptr && place != nullptr && organisation->country != "IGO" &&
             place->country != organisation->country) {
    // "Kementerian Perdagangan China", "the U.S. House of Representatives": a
    // generic body's name with its state.
    actor.country = place->country;
    actor.agent = organisation->agent;
  } else if (organisation != nullptr) {
    actor.code = organisation->code;
    actor.country = organisation->country;
    actor.agent = organisation->agent;
    actor.name = organisation->name;
    // "IAEA Director General Rafael Grossi": the body's officer, named, so a
    // later "Grossi" or "he" is this actor.
    size_t name_end =
        title != nullptr ? ExtendName(tokens, mention.end, pieces, last + 1) : mention.end;
    if (name_end > mention.end) {
      actor.name = JoinText(tokens, mention.end, name_end);
      mention.end = name_end;
      is_person = true;
    }
  } else if (title != nullptr) {
    actor.country = place ? place->country : (seat ? seat->country : "");
    actor.agent = title->agent;
    size_t name_end = ExtendName(tokens, mention.end, pieces, last + 1);
    if (name_end > mention.end) {
      actor.name = JoinText(tokens, mention.end, name_end);
      // "pemerintahan Prabowo" after "Presiden Prabowo Subianto": a title
      // before a name already known is that person.
      const Entity* known =
          actor.country.empty() ? KnownPerson(tokens, mention.end, name_end) : nullptr;
      // "Presiden Prabowo mengecam Israel": one name of one listed holder
      // of the title's kind is that person, whatever state is named next.
      const ActorEntry* listed =
          actor.country.empty() && known == nullptr && name_end == mention.end + 1
              ? dictionary_.PersonByOneName(tokens[mention.end].text, title->agent, published_)
              : nullptr;
      if (known != nullptr) actor = known->actor;
      if (listed != nullptr) actor = ListedPerson(*listed);
      mention.end = name_end;
      is_person = true;
    }
  } else if (seat != nullptr) {
    actor.country = seat->country;
    actor.agent = seat->agent;
  } else {
    actor.country = place->country;
    // A capital as an actor is its government ("Pyongyang membantah ...").
    if (place->kind == EntryKind::kCapital) actor.agent = "GOV";
    mention.is_state = place->kind == EntryKind::kState || place->kind == EntryKind::kDemonym ||
                       place->kind == EntryKind::kCapital;
    size_t before = mention.begin;
    if (before > 0 && lexicon_.Is(LexiconKind::kDemonstrative, tokens, before - 1)) --before;
    bool after_preposition =
        before > 0 && lexicon_.Is(LexiconKind::kLocationPreposition, tokens, before - 1);
    // "Jakarta (Antara) -", "YEREVAN/BAKU, Sept 14": a dateline, not an actor.
    bool dateline = (place->kind == EntryKind::kCapital || place->kind == EntryKind::kCity) &&
                    IsDatelineName(tokens, mention.begin, mention.end, sentences_seen_ == 0);
    mention.location = place->kind == EntryKind::kCity || dateline || after_preposition;
    mention.dateline = dateline;
  }
  // "the court", "pengadilan tersebut": a bare title with a determiner is the
  // last actor of that kind already named ("the International Criminal Court").
  bool bare_title = title != nullptr && place == nullptr && seat == nullptr && !is_person &&
                    organisation == nullptr;
  bool definite =
      (mention.begin > 0 && lexicon_.Is(LexiconKind::kDemonstrative, tokens, mention.begin - 1)) ||
      (mention.end < tokens.size() &&
       lexicon_.Is(LexiconKind::kDemonstrative, tokens, mention.end));
  if (bare_title && definite) {
    if (const Entity* earlier =
            EarlierHolder(actor, JoinText(tokens, mention.begin, mention.end))) {
      actor = earlier->actor;
      mention.resolved = true;
    }
  }
  for (size_t p = first + 1; p <= last; ++p) {
    size_t gap = pieces[p].begin;
    mention.placed =
        mention.placed || (Slot(pieces[p].entry->kind) == 0 && gap == pieces[p - 1].end + 1 &&
                           lexicon_.Is(LexiconKind::kLocationPreposition, tokens, gap - 1));
  }
  if (actor.code.empty()) actor.code = actor.country + actor.agent;
  mention.named = is_person || (organisation != nullptr && actor.code == organisation->code);
  mention.person = is_person;
  mention.actors.push_back(actor);
  if (!mention.location) {
    Remember(actor, is_person,
             person != nullptr ? JoinText(tokens, mention.begin, mention.end) : "");
  }
  // Where the story happens says whose its unnamed actors are ("warga
  // setempat" in Pidie, Aceh), as the actors named do.
  if (mention.location && !mention.dateline && !actor.country.empty()) {
    CountCountry(actor.country);
  }
  return mention;
}

// "the junta chief" after "Myanmar's junta chief", "the court" after "the
// International Criminal Court": the last actor named with these very words,
// else the last of the title's kind.
const ActorTracker::Entity* ActorTracker::EarlierHolder(const Actor& title,
                                                        const std::string& words) const {
  std::string lower = ToLower(words);
  const Entity* of_kind = nullptr;
  for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
    if (it->actor.agent != title.agent || it->actor.country.empty()) continue;
    if (ToLower(it->actor.name).find(lower) != std::string::npos) return &*it;
    if (of_kind == nullptr) of_kind = &*it;
  }
  return of_kind;
}

// "Bupati Kapuas Timur berinisial HS": the person's initials name them, so a
// later "HS" is this actor.
void ActorTracker::NameByInitials(const std::vector<Token>& tokens, Mention* mention) {
  if (mention->end >= tokens.size()) return;  // the mention ends the sentence
  size_t n = lexicon_.Match(LexiconKind::kInitials, tokens, mention->end);
  size_t at = mention->end + n;
  if (n == 0 || at >= tokens.size() || mention->location || mention->actors.size() != 1 ||
      entities_.empty()) {
    return;
  }
  const std::string& word = tokens[at].text;
  bool initials =
      word.size() >= 2 && word.size() <= 4 &&
      std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!initials || !entities_.back().actor.SameAs(mention->actors.front())) return;
  mention->end = at + 1;
  mention->actors.front().name = word;
  entities_.back().actor.name = word;
  entities_.back().person = true;
  entities_.back().name_words = {word};
}

// "“...,” kata dia", "..., said he": a pronoun after an attribution verb that
// follows a comma or a quote is the speaker of what came before.
bool ActorTracker::InvertedSpeakerPronoun(const std::vector<Token>& tokens, size_t i) const {
  if (i < 2 || !lexicon_.Is(LexiconKind::kPronoun, tokens, i)) return false;
  if (dictionary_.MatchCue(Cue::kSpeech, tokens, i - 1) != 1) return false;
  const std::string& before = tokens[i - 2].text;
  return before == "," || before == "\"" || before == "”" || before == "’";
}

// "The U.S. Secretary of State said he had spoken ...": "he" after the
// sentence's subject, an office holder or person, is that subject.
std::optional<Mention> ActorTracker::SubjectPronoun(const std::vector<Token>& tokens, size_t i,
                                                    const std::vector<Mention>& mentions) const {
  if (mentions.empty() || !lexicon_.Is(LexiconKind::kPronoun, tokens, i)) return std::nullopt;
  if (InvertedSpeakerPronoun(tokens, i)) return std::nullopt;
  const Mention& first = mentions.front();
  if (first.location || first.actors.size() != 1) return std::nullopt;
  const Actor& actor = first.actors.front();
  if (actor.agent.empty() || actor.country.empty() || actor.country == "IGO") return std::nullopt;
  Mention mention{i, i + 1, {actor}, false, true, false, false, false};
  return mention;
}

// "kedua partai", "both parties": the last two distinct bodies of the kind
// the phrase names (not governments: capitals and seats stand for those).
std::vector<Actor> ActorTracker::PairOfBodies(const std::vector<Token>& tokens, size_t begin,
                                              size_t end) const {
  std::string agent;
  for (size_t k = begin; k < end && agent.empty(); ++k) {
    const ActorEntry* entry = nullptr;
    if (dictionary_.Match(tokens, k, &entry) > 0 && entry->kind == EntryKind::kTitle) {
      agent = entry->agent;
    }
  }
  std::vector<Actor> found;
  if (agent.empty() || agent == "GOV") return found;
  for (auto it = entities_.rbegin(); it != entities_.rend() && found.size() < 2; ++it) {
    const Actor& actor = it->actor;
    if (it->person || actor.agent != agent || actor.country.empty()) continue;
    if (!found.empty() && found.front().name == actor.name) continue;
    found.push_back(actor);
  }
  if (found.size() < 2) found.clear();
  return found;
}

// The latest office holder of a state other than `person`'s.
const ActorTracker::Entity* ActorTracker::CounterpartOf(const Actor& person) const {
  for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
    const Actor& actor = it->actor;
    bool office = !actor.agent.empty() && !actor.country.empty() && actor.country != "IGO";
    if (office && actor.country != person.country) return &*it;
  }
  return nullptr;
}

namespace {

// Agents that name groups of people rather than institutions.
bool IsGroupAgent(const std::string& agent) {
  static const std::set<std::string> kGroups = {"CVL", "EDU", "LAB", "REB", "OPP", "MIL",
                                                "COP", "CRM", "REF", "PTY", "BUS", "MED"};
  return kGroups.count(agent) > 0;
}

}  // namespace

std::vector<Actor> ActorTracker::RecentGroup() const {
  for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
    if (!it->person && IsGroupAgent(it->actor.agent)) return {it->actor};
  }
  for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
    if (!it->person) return {it->actor};
  }
  return {};
}

std::optional<Mention> ActorTracker::Resolve(const std::vector<Token>& tokens, size_t i) {
  Mention mention{i, i + 1, {}, false, true, false, false, false};
  // `stated`: people only of a known state (a pair of counterparts, not
  // "Kementerian Kelautan" read as a title and a name); states only if
  // named before this sentence.
  // "..., kata dia": a pronoun naming the speaker of what the sentence
  // quotes is someone named before the sentence, not a person in the quote.
  bool speaker = InvertedSpeakerPronoun(tokens, i);
  auto recent = [&](bool people, size_t count, bool offices = false, bool stated = false) {
    std::vector<Actor> found;
    for (auto it = entities_.rbegin(); it != entities_.rend() && found.size() < count; ++it) {
      if (speaker && it->first_sentence == sentences_seen_) continue;
      bool office = !it->actor.agent.empty() && it->actor.country != "IGO";
      if (people && !it->person && !(office && offices)) continue;
      if (stated && it->actor.country.empty()) continue;
      if (people && std::any_of(found.begin(), found.end(),
                                [&](const Actor& a) { return a.SameAs(it->actor); })) {
        continue;
      }
      if (!people) {
        if (it->actor.country.empty() || it->actor.country == "IGO") continue;
        if (stated && NewInThisSentence(it->actor.country)) continue;
        bool seen = std::any_of(found.begin(), found.end(),
                                [&](const Actor& a) { return a.country == it->actor.country; });
        if (seen) continue;
        Actor state;
        state.code = state.country = it->actor.country;
        state.name = dictionary_.StateName(state.country);
        // Name the state as the article wrote it, when it did.
        for (const Entity& entity : entities_) {
          if (entity.actor.code == state.country) state.name = entity.actor.name;
        }
        found.push_back(state);
        continue;
      }
      found.push_back(it->actor);
    }
    return found;
  };
  size_t pair = lexicon_.Match(LexiconKind::kPairPeople, tokens, i);
  // "para pemimpin 32 negara": leaders counted are a crowd, not a pair.
  if (pair > 0 && i + pair < tokens.size() && tokens[i + pair].kind == TokenKind::kNumber) {
    return std::nullopt;
  }
  if (size_t n = pair) {
    // Named people first ("kedua pria tersebut"), then one named person and
    // the latest office holder of another state ("kedua menlu" after Retno
    // and "Menteri Luar Negeri Vietnam"), then office holders ("the two leaders").
    mention.actors = PairOfBodies(tokens, i, i + n);
    mention.named = mention.actors.size() == 2;
    if (mention.actors.empty()) mention.actors = recent(true, 2, false, true);
    if (mention.actors.size() == 1) {
      if (const Entity* other = CounterpartOf(mention.actors.front())) {
        mention.actors.push_back(other->actor);
      }
    }
    if (mention.actors.size() < 2) mention.actors = recent(true, 2);
    if (mention.actors.size() < 2) mention.actors = recent(true, 2, true);
    mention.end = i + n;
  } else if (size_t m = lexicon_.Match(LexiconKind::kPairStates, tokens, i)) {
    // "China, which has close ties with Pakistan, urged both countries":
    // states the article spoke of before this sentence come first.
    mention.actors = recent(false, 2, false, true);
    if (mention.actors.size() < 2) mention.actors = recent(false, 2);
    mention.end = i + m;
  } else if (lexicon_.Is(LexiconKind::kPronoun, tokens, i)) {
    // The last person named; with none, the last office holder ("Kepala
    // Penerangan Kodam ... Ia juga menuding").
    mention.actors = recent(true, 1);
    if (mention.actors.empty()) mention.actors = recent(true, 1, true, true);
    if (mention.actors.empty()) {
      // No one named before ("Ia menilai ..." opening what the reader has):
      // a person the text does not name, whose state the article gives.
      Actor unnamed;
      unnamed.name = tokens[i].lower;  // "Ia" and "ia" are one unnamed person
      mention.actors.push_back(unnamed);
      mention.person = true;
      return mention;
    }
  } else if (lexicon_.Is(LexiconKind::kPluralPronoun, tokens, i)) {
    // "mereka", "they": the last group of people named (protesters, police,
    // rebels), else the last body or state.
    mention.actors = RecentGroup();
    if (mention.actors.empty()) return std::nullopt;
    return mention;
  } else if (tokens[i].capitalized && tokens[i].kind == TokenKind::kWord) {
    for (auto it = entities_.rbegin(); it != entities_.rend(); ++it) {
      if (std::find(it->name_words.begin(), it->name_words.end(), tokens[i].text) !=
          it->name_words.end()) {
        mention.actors.push_back(it->actor);
        break;
      }
    }
    // "Jokowi", "Prabowo" alone: the one listed person of that name (not
    // one word of a longer name: "Siswo Pramono" is not Pramono Anung).
    auto capital_word = [&](size_t k) {
      return k < tokens.size() && tokens[k].kind == TokenKind::kWord && tokens[k].capitalized;
    };
    bool alone = (i == 0 || !capital_word(i - 1)) && !capital_word(i + 1);
    const ActorEntry* listed =
        mention.actors.empty() && alone && !dictionary_.IsCommonWord(tokens[i].lower)
            ? dictionary_.PersonByOneName(tokens[i].text, "", published_)
            : nullptr;
    if (listed != nullptr) {
      mention.actors.push_back(ListedPerson(*listed));
      mention.person = mention.named = true;
    }
  }
  if (mention.actors.size() < (mention.end - mention.begin > 1 ? 2u : 1u)) return std::nullopt;
  if (mention.actors.size() == 1) Remember(mention.actors.front(), true);
  return mention;
}

std::vector<Mention> ActorTracker::Recognise(const std::vector<Token>& tokens) {
  std::vector<Piece> pieces = FindPieces(tokens);
  std::vector<Mention> mentions;
  size_t p = 0;
  for (size_t i = 0; i < tokens.size();) {
    while (p < pieces.size() && pieces[p].begin < i) ++p;
    if (p < pieces.size() && pieces[p].begin == i) {
      // Gather neighbouring pieces of different slots into one actor.
      size_t last = p;
      int used = 1 << Slot(pieces[p].entry->kind);
      while (last + 1 < pieces.size()) {
        const Piece& next = pieces[last + 1];
        size_t gap_begin = pieces[last].end;
        size_t gap = next.begin - gap_begin;
        bool connected = gap <= 2;
        bool named = gap <= 4 && (used & (1 << 4)) && !(used & (1 << 1));
        for (size_t k = gap_begin; k < next.begin; ++k) {
          connected = connected && IsConnector(tokens, k);
          // "Panglima Angkatan Pertahanan Australia": a title, the unit's
          // capitalised name, then its state.
          named = named && tokens[k].capitalized && !tokens[k].newline_before;
        }
        // "China's commerce ministry", "Iran's top diplomat": after a
        // possessive, a word or two may qualify the title.
        bool possessive = gap >= 3 && gap <= 4 && IsConnector(tokens, gap_begin) &&
                          tokens[gap_begin + 1].lower == "s" && Slot(next.entry->kind) == 4;
        for (size_t k = gap_begin + 2; possessive && k < next.begin; ++k) {
          possessive = tokens[k].kind == TokenKind::kWord && !tokens[k].capitalized;
        }
        // "Soldiers in Niger", "mahasiswa di Makassar": a bare role of a
        // group, then the place it is in, is that place's state's actor.
        // (Not "pertemuan tingkat menteri di Jeddah": an office is a state's,
        // named by where it is from: "diplomats from Argentina".)
        bool origin = tokens[gap_begin].lower == "from" || tokens[gap_begin].lower == "dari";
        bool located = gap == 1 && used == (1 << 4) && Slot(next.entry->kind) == 0 &&
                       (IsGroupAgent(pieces[last].entry->agent) || origin) &&
                       lexicon_.Is(LexiconKind::kLocationPreposition, tokens, gap_begin);
        bool joined = gap == 0 || connected || possessive || located ||
                      (named && Slot(next.entry->kind) == 0);
        int slot = Slot(next.entry->kind);
        if (!joined || ((used >> slot) & 1 && slot != 4)) break;
        used |= 1 << slot;
        ++last;
      }
      mentions.push_back(Compose(tokens, pieces, p, last));
      // "di Jeddah, Arab Saudi", "in Doha, Qatar": a state right after a
      // place and a comma says where that place is.
      Mention& added = mentions.back();
      if (mentions.size() >= 2 && added.is_state && added.begin >= 2 &&
          tokens[added.begin - 1].text == ",") {
        const Mention& before = mentions[mentions.size() - 2];
        if (before.location && !before.dateline && before.end + 1 == added.begin) {
          added.location = true;
        }
      }
      // "Duta Besar AS untuk Irak", "the US ambassador to Iraq": the state an
      // envoy is posted to is where the office is, not whose.
      if (mentions.size() >= 2 && added.begin >= 1 &&
          dictionary_.MatchCue(Cue::kPostedTo, tokens, added.begin - 1) == 1) {
        const Mention& envoy = mentions[mentions.size() - 2];
        if (envoy.end + 1 == added.begin && PostedEnvoy(tokens, envoy)) added.location = true;
      }
      // "Menlu Vietnam menyatakan pemerintahnya ...": a possessed role is of
      // the state of the actor named before it in the sentence.
      if (Actor& role = added.actors.front(); added.end == added.begin + 1 &&
                                              role.country.empty() &&
                                              PossessedRole(tokens[added.begin]) != nullptr) {
        for (size_t m = mentions.size() - 1; m-- > 0;) {
          const Mention& before = mentions[m];
          if (before.location || before.actors.empty()) continue;
          if (before.actors.front().country.empty()) continue;
          role.country = before.actors.front().country;
          role.code = role.country + role.agent;
          break;
        }
      }
      NameByInitials(tokens, &mentions.back());
      i = mentions.back().end;
      p = last + 1;
      continue;
    }
    if (auto subject = SubjectPronoun(tokens, i, mentions)) {
      mentions.push_back(std::move(*subject));
      ++i;
      continue;
    }
    // "DPRD Konawe Raya", "Polres Pidie" after "Bupati Pidie": a capitalised
    // word right after a body's name says where the body is; it is not the
    // person whose title once stood before it.
    bool qualifies = !mentions.empty() && mentions.back().end == i && tokens[i].capitalized &&
                     !mentions.back().location;
    if (qualifies) {
      ++i;
      continue;
    }
    if (auto resolved = Resolve(tokens, i)) {
      i = resolved->end;
      mentions.push_back(std::move(*resolved));
      continue;
    }
    i += std::max<size_t>(1, std::max(lexicon_.Match(LexiconKind::kPairPeople, tokens, i),
                                      lexicon_.Match(LexiconKind::kPairStates, tokens, i)));
  }
  NameRoleHolders(tokens, &mentions);
  FindSpeakers(tokens, &mentions);
  TakeApposedRoles(tokens, &mentions);
  ++sentences_seen_;
  return mentions;
}

}  // namespace warta
