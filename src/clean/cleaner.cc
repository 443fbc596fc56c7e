#include "clean/cleaner.h"

#include <re2/re2.h>
#include <utf8proc.h>

#include <algorithm>
#include <cctype>

#include "util/text.h"

namespace warta {

namespace {

// Appends cleaned text while recording where each byte came from.
class Builder {
 public:
  explicit Builder(CleanedText* out) : out_(out) {}

  void Copy(std::string_view original, size_t start, size_t end) {
    out_->text.append(original.substr(start, end - start));
    for (size_t i = start; i < end; ++i) out_->to_original.push_back(static_cast<uint32_t>(i));
  }
  void Emit(std::string_view replacement, size_t original_offset) {
    out_->text.append(replacement);
    out_->to_original.insert(out_->to_original.end(), replacement.size(),
                             static_cast<uint32_t>(original_offset));
  }

 private:
  CleanedText* out_;
};

bool IsStrippedSpace(int32_t cp) {
  return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

bool IsZeroWidth(int32_t cp) {
  return (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF || cp == 0x00AD;
}

// Copies original[start, end) in NFC, mapping each composed run of a starter
// and its combining marks to the starter's offset.
void AppendNormalized(std::string_view original, size_t start, size_t end, Builder* builder) {
  size_t pos = start;
  while (pos < end) {
    size_t run_start = pos;
    // ASCII fast path; the last letter before a non-ASCII byte is left for the
    // slow path, since a combining mark may follow it.
    size_t scan = pos;
    while (scan < end && static_cast<unsigned char>(original[scan]) < 0x80) ++scan;
    size_t stop = scan < end && scan > pos ? scan - 1 : scan;
    if (stop > pos) {
      builder->Copy(original, pos, stop);
      pos = stop;
      continue;
    }
    int32_t cp = DecodeUtf8(original.substr(0, end), &pos);
    if (IsZeroWidth(cp)) continue;
    if (IsStrippedSpace(cp)) {
      builder->Emit(" ", run_start);
      continue;
    }
    size_t run_end = pos;
    while (run_end < end) {
      size_t next = run_end;
      int32_t mark = DecodeUtf8(original.substr(0, end), &next);
      if (mark < 0 || utf8proc_get_property(mark)->combining_class == 0) break;
      run_end = next;
    }
    if (run_end == pos) {
      builder->Copy(original, run_start, pos);
      continue;
    }
    std::string run(original.substr(run_start, run_end - run_start));
    utf8proc_uint8_t* composed =
        utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(run.c_str()));
    builder->Emit(composed ? reinterpret_cast<const char*>(composed) : run, run_start);
    free(composed);
    pos = run_end;
  }
}

// Translation debris inside one line, as removals (original offsets).
void FindDebris(std::string_view original, size_t line_start, size_t line_end,
                std::vector<Removal>* debris) {
  static const RE2 kBracketWord(R"((\s?)\[([A-Za-z][A-Za-z ]{0,20})\])");
  static const RE2 kLoneQuote(R"((^|\s)(‘|’|'|“|”|")\s)");
  std::string_view line = original.substr(line_start, line_end - line_start);
  re2::StringPiece input(line.data(), line.size());
  re2::StringPiece space, word;
  while (RE2::FindAndConsume(&input, kBracketWord, &space, &word)) {
    size_t end = static_cast<size_t>(input.data() - original.data());
    size_t start = static_cast<size_t>(space.data() - original.data());
    bool glued = space.empty() && start > line_start &&
                 IsAlphaCodePoint(static_cast<unsigned char>(original[start - 1]));
    debris->push_back(
        {start, end, glued ? "bracket edit glued to a word" : "untranslated bracketed text"});
  }
  input = re2::StringPiece(line.data(), line.size());
  re2::StringPiece before, quote;
  while (RE2::FindAndConsume(&input, kLoneQuote, &before, &quote)) {
    size_t start = static_cast<size_t>(quote.data() - original.data());
    debris->push_back({start, start + quote.size() + 1, "stray quote mark"});
    // Give back the trailing space so a following lone quote can match.
    input =
        re2::StringPiece(original.data() + start + quote.size(), line_end - start - quote.size());
  }
}

// Bytes that are not white space: how much text a span holds.
size_t VisibleBytes(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += std::isspace(static_cast<unsigned char>(c)) ? 0 : 1;
  return count;
}

}  // namespace

Cleaner::~Cleaner() = default;

Result<std::unique_ptr<Cleaner>> Cleaner::Load(const std::string& data_dir,
                                               Diagnostics* diagnostics) {
  Diagnostics local;
  Diagnostics* diag = &local;
  std::string path = data_dir + "/clean/furniture.tsv";
  auto file = ReadTsv(path);
  if (!file.ok()) return file.status();
  std::unique_ptr<Cleaner> cleaner(new Cleaner());
  for (const TsvRecord& record : file.value().records) {
    if (record.fields.size() != 2 || (record.fields[0] != "line" && record.fields[0] != "tail")) {
      diag->Error(path, record.line, "expected `line|tail<TAB>regex`");
      continue;
    }
    RE2::Options options;
    options.set_log_errors(false);
    RE2 regex(record.fields[1], options);
    if (!regex.ok()) {
      diag->Error(path, record.line, "bad regex: " + regex.error());
      continue;
    }
    cleaner->rules_.push_back({record.fields[0] == "tail", record.fields[1]});
  }
  // All rules compile into one RE2::Set, so a line is matched once, not once per rule.
  RE2::Options options;
  options.set_log_errors(false);
  cleaner->set_ = std::make_unique<RE2::Set>(options, RE2::ANCHOR_BOTH);
  for (const Rule& rule : cleaner->rules_) {
    if (cleaner->set_->Add(rule.pattern, nullptr) < 0) {
      diag->Error(path, 0, "cannot add rule to the set: " + rule.pattern);
    }
  }
  if (!cleaner->set_->Compile())
    diag->Error(path, 0, "the furniture rules do not compile together");
  if (diagnostics != nullptr) diagnostics->Merge(local);
  if (!local.ok()) return local.ToStatus();
  return cleaner;
}

const Cleaner::Rule* Cleaner::MatchFurniture(std::string_view line) const {
  std::vector<int> matched;
  if (!set_->Match(re2::StringPiece(line.data(), line.size()), &matched)) return nullptr;
  // The first rule in the file wins.
  return &rules_[static_cast<size_t>(*std::min_element(matched.begin(), matched.end()))];
}

CleanedText Cleaner::Clean(std::string_view original) const {
  CleanedText out;
  out.text.reserve(original.size());
  out.to_original.reserve(original.size() + 1);
  Builder builder(&out);
  // Text kept so far and text not yet read, counted without white space.
  size_t kept = 0;
  size_t unread = VisibleBytes(original);
  size_t line_start = 0;
  while (line_start < original.size()) {
    size_t newline = original.find('\n', line_start);
    size_t line_end = newline == std::string_view::npos ? original.size() : newline;
    size_t next = newline == std::string_view::npos ? original.size() : newline + 1;
    std::string_view trimmed = Trim(original.substr(line_start, line_end - line_start));
    size_t line_bytes = VisibleBytes(trimmed);
    unread -= line_bytes;
    const Rule* rule = trimmed.empty() ? nullptr : MatchFurniture(trimmed);
    // A footer ends the story only where the story came before it: a
    // "Previous article: ..." link above the body would otherwise take the
    // whole article with it. A footer that would remove more text than it
    // leaves drops just its own line.
    bool ends_story = rule != nullptr && rule->tail && kept >= unread;
    if (ends_story) {
      out.removals.push_back(
          {line_start, original.size(), "page furniture from here to the end: " + rule->pattern});
      break;
    }
    if (rule != nullptr) {
      out.removals.push_back({line_start, next,
                              std::string(rule->tail ? "page furniture line (a footer rule, but "
                                                       "most of the article follows it): "
                                                     : "page furniture line: ") +
                                  rule->pattern});
      line_start = next;
      continue;
    }
    kept += line_bytes;
    std::vector<Removal> debris;
    FindDebris(original, line_start, line_end, &debris);
    std::sort(debris.begin(), debris.end(),
              [](const Removal& a, const Removal& b) { return a.start < b.start; });
    size_t pos = line_start;
    for (Removal& removal : debris) {
      if (removal.start < pos) continue;  // overlapping: the first one wins
      AppendNormalized(original, pos, removal.start, &builder);
      pos = removal.end;
      out.removals.push_back(std::move(removal));
    }
    AppendNormalized(original, pos, next, &builder);
    line_start = next;
  }
  uint32_t last = out.to_original.empty() ? 0 : out.to_original.back() + 1;
  out.to_original.push_back(last);
  return out;
}

}  // namespace warta
