#include "events/verbs.h"

#include <algorithm>

#include "util/text.h"

namespace warta {

namespace {

constexpr size_t kMaxGap = 6;
constexpr size_t kNoMatch = static_cast<size_t>(-1);

bool IsBreak(const Token& token) {
  return token.text == "," || token.text == ";" || token.text == ":" || token.text == "(" ||
         token.text == ")";
}

}  // namespace

bool PassiveRelativeAt(const std::vector<Token>& tokens, const std::vector<WordAnalysis>& analyses,
                       const Lexicon& lexicon, size_t k, size_t* agent_at) {
  if (k + 2 >= tokens.size() || !lexicon.Is(LexiconKind::kRelative, tokens, k)) return false;
  if (analyses[k + 1].voice != Voice::kPassive) return false;
  k += 2;
  if (lexicon.Is(LexiconKind::kPassiveAgent, tokens, k)) ++k;
  *agent_at = k;
  return true;
}

Result<std::unique_ptr<VerbDictionary>> VerbDictionary::Load(const std::string& data_dir,
                                                             const std::string& language,
                                                             const Codebook& codebook,
                                                             Diagnostics* diagnostics) {
  Diagnostics local;
  Diagnostics* diag = &local;
  auto paths = ListTsvFiles(data_dir + "/verbs/" + language);
  if (!paths.ok()) return paths.status();
  std::unique_ptr<VerbDictionary> verbs(new VerbDictionary());
  verbs->language_ = language;
  for (const std::string& path : paths.value()) {
    auto file = ReadTsv(path);
    if (!file.ok()) {
      diag->Error(path, 0, file.status().message());
      continue;
    }
    for (const TsvRecord& record : file.value().records) {
      const auto& f = record.fields;
      if (f.size() < 2 || f.size() > 3) {
        diag->Error(path, record.line, "expected `code<TAB>pattern[<TAB>flags]`");
        continue;
      }
      // "-" marks words that look like an event verb but are none ("menangkap
      // ikan" is fishing): the longest pattern wins as usual, and the coder then
      // passes over its words.
      if (f[0] != VerbPattern::kNoEvent && codebook.Find(f[0]) == nullptr) {
        diag->Error(path, record.line, "unknown CAMEO code \"" + f[0] + "\"");
        continue;
      }
      auto pattern = std::make_unique<VerbPattern>();
      pattern->code = f[0];
      pattern->text = f[1];
      bool ok = true;
      for (const std::string& word : Split(f[1], ' ')) {
        if (word.empty()) continue;
        if (word == "...") {
          pattern->items.push_back({VerbPattern::ItemKind::kGap, ""});
        } else if (word[0] == '=' && word.size() > 1) {
          pattern->items.push_back({VerbPattern::ItemKind::kExact, ToLower(word.substr(1))});
        } else {
          pattern->items.push_back({VerbPattern::ItemKind::kLemma, ToLower(word)});
        }
      }
      if (pattern->items.empty() || pattern->items.front().kind == VerbPattern::ItemKind::kGap ||
          pattern->items.back().kind == VerbPattern::ItemKind::kGap) {
        diag->Error(path, record.line, "a pattern must start and end with a word");
        continue;
      }
      if (f.size() == 3) {
        for (const std::string& flag : Split(f[2], ',')) {
          std::string_view name = Trim(flag);
          if (name == "sym")
            pattern->reciprocal = true;
          else if (name == "noun")
            pattern->noun = true;
          else if (name == "say")
            pattern->say = true;
          else if (name == "accuse")
            pattern->accuse = true;
          else if (name == "notarget")
            pattern->no_target = true;
          else if (name == "stance")
            pattern->stance = true;
          else if (name == "received")
            pattern->received = true;
          else if (!name.empty()) {
            diag->Error(path, record.line, "unknown flag \"" + std::string(name) + "\"");
            ok = false;
          }
        }
      }
      if (!ok) continue;
      AddTo(pattern->stance ? &verbs->stance_by_first_ : &verbs->by_first_, pattern.get());
      verbs->patterns_.push_back(std::move(pattern));
    }
  }
  if (diagnostics != nullptr) diagnostics->Merge(local);
  if (!local.ok()) return local.ToStatus();
  return verbs;
}

void VerbDictionary::AddTo(Index* index, const VerbPattern* pattern) {
  Bucket& bucket = (*index)[pattern->items.front().word];
  auto position = static_cast<uint32_t>(bucket.patterns.size());
  bucket.patterns.push_back(pattern);
  const auto& items = pattern->items;
  if (items.size() == 1) {
    bucket.one_word.push_back(position);
    return;
  }
  // A pattern ends with a word, so a gap is followed by one.
  size_t second = items[1].kind == VerbPattern::ItemKind::kGap ? 2 : 1;
  bucket.by_second[items[second].word].push_back(position);
}

void VerbDictionary::Candidates(const Bucket& bucket, const std::vector<Token>& tokens,
                                const std::vector<WordAnalysis>& analyses, size_t i,
                                std::vector<const VerbPattern*>* out) {
  out->clear();
  constexpr size_t kSmall = 8;  // fewer patterns than this are simply all tried
  if (bucket.patterns.size() < kSmall) {
    out->assign(bucket.patterns.begin(), bucket.patterns.end());
    return;
  }
  // A match's second word lies after tokens[i] and no later than the first
  // break (a gap stops there; see MatchItems).
  std::vector<uint32_t> positions(bucket.one_word);
  auto add = [&](const auto& word) {
    auto it = bucket.by_second.find(word);
    if (it != bucket.by_second.end())
      positions.insert(positions.end(), it->second.begin(), it->second.end());
  };
  for (size_t k = i + 1; k < tokens.size(); ++k) {
    add(HashedLower(tokens[k]));
    if (analyses[k].lemma != tokens[k].lower) add(analyses[k].lemma);
    if (IsBreak(tokens[k])) break;
  }
  std::sort(positions.begin(), positions.end());
  positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
  for (uint32_t position : positions) out->push_back(bucket.patterns[position]);
}

// Token index just past the match of items[item..] starting at token k, or kNoMatch.
size_t VerbDictionary::MatchItems(const VerbPattern& pattern, const std::vector<Token>& tokens,
                                  const std::vector<WordAnalysis>& analyses,
                                  const std::vector<bool>& blocked, size_t item, size_t k) const {
  if (item == pattern.items.size()) return k;
  const VerbPattern::Item& want = pattern.items[item];
  if (want.kind == VerbPattern::ItemKind::kGap) {
    // A gap skips up to kMaxGap words; a named actor or a date counts as one
    // ("menetapkan Direktur Jenderal Sumber Daya Air ... berinisial HT sebagai
    // tersangka").
    // (The items may still match words inside the actor: "summon ... ambassador".)
    size_t skips = 0;
    for (size_t at = k;; ++at) {
      size_t end = MatchItems(pattern, tokens, analyses, blocked, item + 1, at);
      if (end != kNoMatch) return end;
      if (at >= tokens.size() || IsBreak(tokens[at])) return kNoMatch;
      bool same_run = at > k && blocked[at] && blocked[at - 1];
      if (!same_run && ++skips > kMaxGap) return kNoMatch;
    }
  }
  // Items after the verb may be actor words ("summon ... ambassador"): the
  // actor is still found as the target.
  if (k >= tokens.size()) return kNoMatch;
  bool hit = want.kind == VerbPattern::ItemKind::kExact
                 ? tokens[k].lower == want.word
                 : (analyses[k].lemma == want.word || tokens[k].lower == want.word);
  if (!hit) return kNoMatch;
  return MatchItems(pattern, tokens, analyses, blocked, item + 1, k + 1);
}

bool OpensPhrase(const std::vector<Token>& tokens, const Lexicon& lexicon, size_t i) {
  return i == 0 || tokens[i - 1].kind == TokenKind::kPunct ||
         lexicon.Is(LexiconKind::kPreposition, tokens, i - 1);
}

bool ProcessNoun(const std::string& lower) {
  return lower.size() > 4 && lower.compare(0, 2, "pe") == 0 && lower.compare(0, 3, "per") != 0 &&
         lower.compare(lower.size() - 2, 2, "an") == 0;
}

bool PossessedAct(const std::vector<Token>& tokens, const std::vector<WordAnalysis>& analyses,
                  const std::vector<bool>& blocked, size_t i) {
  return analyses[i].nominal && i + 1 < tokens.size() && blocked[i + 1] &&
         tokens[i + 1].kind == TokenKind::kWord && !ProcessNoun(tokens[i].lower) &&
         (i == 0 || tokens[i - 1].kind == TokenKind::kPunct);
}

bool LightVerbBefore(const std::vector<Token>& tokens, const Lexicon& lexicon, size_t i) {
  if (i > 0 && lexicon.Is(LexiconKind::kLightVerb, tokens, i - 1)) return true;
  return i > 1 && lexicon.Is(LexiconKind::kDeterminer, tokens, i - 1) &&
         lexicon.Is(LexiconKind::kLightVerb, tokens, i - 2);
}

// An event noun that names an event already told ("perundingan tersebut",
// "dengan perundingan", "the talks") is a reference, not a new event.
bool VerbDictionary::RefersBack(const VerbPattern& pattern, const std::vector<Token>& tokens,
                                const std::vector<WordAnalysis>& analyses,
                                const std::vector<bool>& blocked, const Lexicon& lexicon,
                                size_t begin, size_t end) const {
  const WordAnalysis& first = analyses[begin];
  // In Indonesian any form without a verbal prefix can be a noun here.
  bool noun = language_ == "en" ? pattern.noun : first.nominal || first.voice == Voice::kNone;
  if (!noun) return false;
  // "dalam kunjungan Menteri X ke Y" tells a visit: its actor follows it;
  // "akibat serangan yang dilancarkan (oleh) Israel" too, after a passive.
  if (end < tokens.size() && blocked[end]) return false;
  size_t agent = end;
  if (language_ == "id" && PassiveRelativeAt(tokens, analyses, lexicon, end, &agent) &&
      agent < tokens.size() && blocked[agent]) {
    return false;
  }
  if (language_ == "en" && begin > 0 &&
      lexicon.Is(LexiconKind::kDemonstrative, tokens, begin - 1)) {
    return true;
  }
  bool after_preposition = begin > 0 && (lexicon.Is(LexiconKind::kPreposition, tokens, begin - 1) ||
                                         lexicon.Is(LexiconKind::kSubordinator, tokens, begin - 1));
  bool before_demonstrative =
      end < tokens.size() && lexicon.Is(LexiconKind::kDemonstrative, tokens, end);
  return after_preposition || before_demonstrative;
}

bool VerbDictionary::StanceAt(const std::vector<Token>& tokens,
                              const std::vector<WordAnalysis>& analyses,
                              const std::vector<bool>& blocked, size_t i, VerbMatch* match) const {
  if (tokens[i].kind != TokenKind::kWord) return false;
  bool found = false;
  for (const std::string* key : {&tokens[i].lower, &analyses[i].lemma}) {
    auto it = stance_by_first_.find(*key);
    if (it == stance_by_first_.end()) continue;
    std::vector<const VerbPattern*> candidates;
    Candidates(it->second, tokens, analyses, i, &candidates);
    for (const VerbPattern* pattern : candidates) {
      size_t end = MatchItems(*pattern, tokens, analyses, blocked, 0, i);
      if (end == kNoMatch || (found && end <= match->end)) continue;
      *match = {i, end, pattern};
      found = true;
    }
    if (analyses[i].lemma == tokens[i].lower) break;
  }
  return found;
}

bool VerbDictionary::MatchAt(const std::vector<Token>& tokens,
                             const std::vector<WordAnalysis>& analyses,
                             const std::vector<bool>& blocked, const Lexicon& lexicon, size_t i,
                             VerbMatch* match, size_t* reference_end) const {
  if (blocked[i] || tokens[i].kind != TokenKind::kWord) return false;
  bool found = false;
  std::vector<const VerbPattern*> candidates;
  auto consider = [&](const auto& key) {
    auto it = by_first_.find(key);
    if (it == by_first_.end()) return;
    Candidates(it->second, tokens, analyses, i, &candidates);
    for (const VerbPattern* pattern : candidates) {
      if (pattern->items.front().kind == VerbPattern::ItemKind::kExact &&
          tokens[i].lower != pattern->items.front().word) {
        continue;
      }
      bool single = pattern->items.size() == 1;
      // ("melontarkan kecaman", "issued a warning": after a light verb it is
      // the act.)
      bool light = single && !pattern->noun && LightVerbBefore(tokens, lexicon, i);
      if (single && !pattern->noun && !light) {
        // A lone verb word must be a verb: not a nominalisation (tuduhan) in
        // Indonesian, not after a determiner ("the attack") in English.
        if (language_ == "id" && analyses[i].nominal &&
            !PossessedAct(tokens, analyses, blocked, i)) {
          continue;
        }
        // Nor a participle after "by" ("formed by ousted lawmakers").
        bool attributive = language_ == "en" && i > 0 && tokens[i].lower != analyses[i].lemma &&
                           lexicon.Is(LexiconKind::kPassiveAgent, tokens, i - 1);
        if (attributive) continue;
        if (language_ == "en" && i > 0 && lexicon.Is(LexiconKind::kDeterminer, tokens, i - 1)) {
          // ... but it still names an act ("condemned the attack"; not "a
          // proposed package").
          const std::string& word = tokens[i].lower;
          bool participle = word.size() > 2 && word.compare(word.size() - 2, 2, "ed") == 0;
          bool bare = word == analyses[i].lemma && !participle;
          if (reference_end != nullptr && bare) {
            *reference_end = std::max(*reference_end, i + 1);
          }
          continue;
        }
      }
      size_t end = MatchItems(*pattern, tokens, analyses, blocked, 0, i);
      if (end == kNoMatch) continue;
      if (RefersBack(*pattern, tokens, analyses, blocked, lexicon, i, end)) {
        if (reference_end != nullptr) *reference_end = std::max(*reference_end, end);
        continue;
      }
      // Longest first; then more items; then an exact form over a root
      // ("=menyepakati" over "sepakat").
      auto exact = [](const VerbPattern* p) {
        return p->items.front().kind == VerbPattern::ItemKind::kExact;
      };
      bool longer = !found || end > match->end ||
                    (end == match->end && pattern->items.size() > match->pattern->items.size()) ||
                    (end == match->end && pattern->items.size() == match->pattern->items.size() &&
                     exact(pattern) && !exact(match->pattern));
      if (longer) {
        *match = {i, end, pattern};
        found = true;
      }
    }
  };
  consider(analyses[i].lemma);
  if (tokens[i].lower != analyses[i].lemma) consider(HashedLower(tokens[i]));
  return found;
}

}  // namespace warta
