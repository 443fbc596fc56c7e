#include "read/html.h"

#include <gumbo.h>

#include <array>
#include <cctype>
#include <memory>
#include <optional>

#include "read/reader.h"
#include "util/date_format.h"
#include "util/text.h"

namespace warta {

namespace {

// Deeper nesting than this is not walked (browsers flatten it too); keeps the
// recursion bounded on hostile pages.
constexpr int kMaxDepth = 512;

GumboOptions ParserOptions() {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not wanted; do not record them
  return options;
}

struct OutputDeleter {
  void operator()(GumboOutput* output) const {
    GumboOptions options = ParserOptions();
    gumbo_destroy_output(&options, output);
  }
};

bool IsElement(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

bool IsTag(const GumboNode* node, GumboTag tag) {
  return IsElement(node) && node->v.element.tag == tag &&
         node->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

const GumboVector& Children(const GumboNode* node) {
  return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

const GumboNode* Child(const GumboNode* node, unsigned int index) {
  return static_cast<const GumboNode*>(Children(node).data[index]);
}

// The attribute's value, or "" when absent.
std::string_view Attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&node->v.element.attributes, name);
  return attribute != nullptr ? attribute->value : "";
}

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// Left out of the text (and, for <article>, of the candidates).
bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_H1:  // the headline: the title carries it
      return true;
    default:
      return false;
  }
}

// Elements that end the paragraph before them and start a new one after.
bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

// Builds text from text nodes: white space folded to one space, paragraphs
// joined by "\n\n", <br> as a line break.
class TextBuilder {
 public:
  void AddText(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        space_ = true;
      } else if (c == 0xC2 && i + 1 < text.size() && text[i + 1] == '\xA0') {
        space_ = true;  // no-break space
        ++i;
      } else {
        if (space_ && !paragraph_.empty() && paragraph_.back() != '\n') paragraph_ += ' ';
        space_ = false;
        paragraph_ += static_cast<char>(c);
      }
    }
  }

  void LineBreak() {
    if (!paragraph_.empty() && !paragraph_.ends_with("\n\n")) paragraph_ += '\n';
    space_ = false;
  }

  void EndParagraph() {
    while (!paragraph_.empty() && (paragraph_.back() == '\n' || paragraph_.back() == ' ')) {
      paragraph_.pop_back();
    }
    if (!paragraph_.empty()) {
      if (!text_.empty()) text_ += "\n\n";
      text_ += paragraph_;
    }
    paragraph_.clear();
    space_ = false;
  }

  std::string Finish() {
    EndParagraph();
    return std::move(text_);
  }

 private:
  std::string text_;
  std::string paragraph_;
  bool space_ = false;
};

void CollectText(const GumboNode* node, int depth, TextBuilder* text) {
  if (depth > kMaxDepth) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
      node->type == GUMBO_NODE_WHITESPACE) {
    text->AddText(node->v.text.text);
    return;
  }
  if (!IsElement(node)) return;
  GumboTag tag = node->v.element.tag;
  if (IsSkipped(tag)) return;
  if (tag == GUMBO_TAG_BR) {
    text->LineBreak();
    return;
  }
  bool block = IsBlock(tag);
  if (block) text->EndParagraph();
  for (unsigned int i = 0; i < Children(node).length; ++i) {
    CollectText(Child(node, i), depth + 1, text);
  }
  if (block) text->EndParagraph();
}

std::string TextOf(const GumboNode* node) {
  TextBuilder text;
  CollectText(node, 0, &text);
  return text.Finish();
}

// The text of a node's children, ignoring what would skip the node itself
// (for <title> and <h1>).
std::string InnerText(const GumboNode* node) {
  TextBuilder text;
  for (unsigned int i = 0; i < Children(node).length; ++i) CollectText(Child(node, i), 1, &text);
  return text.Finish();
}

// Where the publication date was found, in order of trust.
enum DateSource { kArticlePublished, kOgPublished, kItemprop, kMetaName, kDateSources };

// What the page says about itself, and its <article> elements.
struct PageFacts {
  std::string og_title, title, h1, og_url, canonical, site_name;
  std::array<std::optional<Date>, kDateSources> dates;
  std::string unread_date;  // the first date given that could not be read
  std::vector<const GumboNode*> articles;
};

void SetOnce(std::string* field, std::string_view value) {
  if (field->empty()) *field = std::string(Trim(value));
}

void SetDateOnce(std::optional<Date>* date, std::string_view value, PageFacts* facts) {
  if (date->has_value() || Trim(value).empty()) return;
  *date = ParsePublishedDate(value);
  if (!date->has_value() && facts->unread_date.empty()) facts->unread_date = Trim(value);
}

bool IsPublishedDateName(const std::string& key) {
  for (const char* name : {"date", "pubdate", "publishdate", "dc.date.issued",
                           "content_publisheddate", "parsely-pub-date"}) {
    if (key == name) return true;
  }
  return false;
}

void NoteMeta(const GumboNode* node, PageFacts* facts) {
  std::string key = AsciiLower(Attribute(node, "property"));
  if (key.empty()) key = AsciiLower(Attribute(node, "name"));
  std::string_view content = Attribute(node, "content");
  if (key == "og:title") SetOnce(&facts->og_title, content);
  if (key == "og:url") SetOnce(&facts->og_url, content);
  if (key == "og:site_name") SetOnce(&facts->site_name, content);
  if (key == "article:published_time") {
    SetDateOnce(&facts->dates[kArticlePublished], content, facts);
  }
  if (key == "og:published_time") SetDateOnce(&facts->dates[kOgPublished], content, facts);
  if (IsPublishedDateName(key)) SetDateOnce(&facts->dates[kMetaName], content, facts);
}

void NoteElement(const GumboNode* node, bool skipped, PageFacts* facts) {
  if (IsTag(node, GUMBO_TAG_META)) NoteMeta(node, facts);
  if (IsTag(node, GUMBO_TAG_TITLE)) SetOnce(&facts->title, InnerText(node));
  if (IsTag(node, GUMBO_TAG_H1) && facts->h1.empty()) facts->h1 = InnerText(node);
  if (IsTag(node, GUMBO_TAG_LINK) && AsciiLower(Attribute(node, "rel")) == "canonical") {
    SetOnce(&facts->canonical, Attribute(node, "href"));
  }
  if (AsciiLower(Attribute(node, "itemprop")) == "datepublished") {
    std::string value(Attribute(node, "content"));
    if (value.empty()) value = Attribute(node, "datetime");
    if (value.empty()) value = InnerText(node);  // <span itemprop=...>Senin, 8 Jan 2024</span>
    SetDateOnce(&facts->dates[kItemprop], value, facts);
  }
  if (IsTag(node, GUMBO_TAG_ARTICLE) && !skipped) facts->articles.push_back(node);
}

void CollectFacts(const GumboNode* node, bool skipped, int depth, PageFacts* facts) {
  if (depth > kMaxDepth || !IsElement(node)) return;
  if (node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return;  // svg, math
  NoteElement(node, skipped, facts);
  skipped = skipped || (IsSkipped(node->v.element.tag) && !IsTag(node, GUMBO_TAG_H1) &&
                        !IsTag(node, GUMBO_TAG_HEAD));
  for (unsigned int i = 0; i < Children(node).length; ++i) {
    CollectFacts(Child(node, i), skipped, depth + 1, facts);
  }
}

// The element whose own <p> children hold the most text, with that amount.
void FindDensestBlock(const GumboNode* node, int depth, const GumboNode** best, size_t* best_size) {
  if (depth > kMaxDepth || !IsElement(node) || IsSkipped(node->v.element.tag)) return;
  size_t size = 0;
  for (unsigned int i = 0; i < Children(node).length; ++i) {
    const GumboNode* child = Child(node, i);
    if (IsTag(child, GUMBO_TAG_P)) size += TextOf(child).size();
  }
  if (size > *best_size) {
    *best = node;
    *best_size = size;
  }
  for (unsigned int i = 0; i < Children(node).length; ++i) {
    FindDensestBlock(Child(node, i), depth + 1, best, best_size);
  }
}

const GumboNode* FindBody(const GumboNode* root) {
  for (unsigned int i = 0; i < Children(root).length; ++i) {
    if (IsTag(Child(root, i), GUMBO_TAG_BODY)) return Child(root, i);
  }
  return root;
}

// The element holding the article and its text.
std::pair<const GumboNode*, std::string> FindMainText(const GumboNode* root,
                                                      const PageFacts& facts) {
  std::pair<const GumboNode*, std::string> main{nullptr, ""};
  for (const GumboNode* article : facts.articles) {
    std::string text = TextOf(article);
    if (text.size() > main.second.size()) main = {article, std::move(text)};
  }
  if (main.first != nullptr) return main;
  const GumboNode* best = nullptr;
  size_t best_size = 0;
  FindDensestBlock(root, 0, &best, &best_size);
  if (best == nullptr) best = FindBody(root);
  return {best, TextOf(best)};
}

// The first <time datetime> with a date inside `node`.
std::optional<Date> FindTimeDate(const GumboNode* node, int depth) {
  if (depth > kMaxDepth || !IsElement(node)) return std::nullopt;
  if (IsTag(node, GUMBO_TAG_TIME)) {
    if (auto date = ParsePublishedDate(Attribute(node, "datetime"))) return date;
  }
  for (unsigned int i = 0; i < Children(node).length; ++i) {
    if (auto date = FindTimeDate(Child(node, i), depth + 1)) return date;
  }
  return std::nullopt;
}

// gumbo (0.10) decodes a numeric character reference past 2^31, such as
// "&#xe888888e;", through a signed overflow into bytes that are not UTF-8; they
// become U+FFFD here, as invalid bytes of the page itself do in gumbo, so such
// a page is read rather than refused as "invalid UTF-8" (found by
// fuzz/html_fuzz).
std::string ValidUtf8(std::string text) {
  if (FindInvalidUtf8(text) == std::string::npos) return text;
  std::string valid;
  for (size_t pos = 0; pos < text.size();) {
    size_t start = pos;
    if (DecodeUtf8(text, &pos) < 0) {
      AppendUtf8(0xFFFD, &valid);
    } else {
      valid.append(text, start, pos - start);
    }
  }
  return valid;
}

std::optional<Date> PublicationDate(const PageFacts& facts, const GumboNode* main) {
  for (const auto& date : facts.dates) {
    if (date) return date;
  }
  return FindTimeDate(main, 0);
}

}  // namespace

Result<Article> ArticleFromHtml(std::string_view html, const std::string& default_id,
                                std::string* warning) {
  GumboOptions options = ParserOptions();
  std::unique_ptr<GumboOutput, OutputDeleter> output(
      gumbo_parse_with_options(&options, html.data(), html.size()));
  if (output == nullptr || output->root == nullptr) {
    return Status::InvalidInput("cannot parse HTML");
  }
  PageFacts facts;
  CollectFacts(output->root, false, 0, &facts);
  auto [main, found] = FindMainText(output->root, facts);
  std::string text = ValidUtf8(std::move(found));
  if (Trim(text).empty()) return Status::InvalidInput("no article text found");
  Status valid = ValidateArticleText(text);
  if (!valid.ok()) return valid;
  Article article;
  article.id = default_id;
  article.text = std::move(text);
  article.title = ValidUtf8(!facts.og_title.empty() ? facts.og_title
                            : !facts.title.empty()  ? facts.title
                                                    : facts.h1);
  article.url = ValidUtf8(!facts.og_url.empty() ? facts.og_url : facts.canonical);
  article.source = ValidUtf8(facts.site_name);
  article.published = PublicationDate(facts, main);
  if (!article.published && !facts.unread_date.empty() && warning != nullptr) {
    *warning = DateNotUnderstood(facts.unread_date);
  }
  return article;
}

}  // namespace warta
