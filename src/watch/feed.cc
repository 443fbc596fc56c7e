#include "watch/feed.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>
#include <mutex>

#include "util/date_format.h"

namespace warta::watch {

namespace {

void InitLibxmlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct ContextFree {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

bool Named(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

std::string Text(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string text = content != nullptr ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string Attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string text = value != nullptr ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return text;
}

// The text of the first child element named one of `names`, in that order of preference.
std::string ChildText(const xmlNode* parent, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
      if (Named(child, name)) {
        std::string text = Text(child);
        if (!text.empty()) return text;
      }
    }
  }
  return "";
}

bool LooksLikeUrl(const std::string& text) {
  return text.starts_with("http://") || text.starts_with("https://");
}

FeedItem RssItem(const xmlNode* item) {
  FeedItem feed_item{ChildText(item, {"link"}), ChildText(item, {"title"}), std::nullopt};
  if (feed_item.link.empty()) {
    std::string guid = ChildText(item, {"guid"});
    if (LooksLikeUrl(guid)) feed_item.link = guid;
  }
  feed_item.published = ParsePublishedDate(ChildText(item, {"pubDate", "date"}));
  return feed_item;
}

FeedItem AtomEntry(const xmlNode* entry) {
  FeedItem item{"", ChildText(entry, {"title"}), std::nullopt};
  for (const xmlNode* child = entry->children; child != nullptr; child = child->next) {
    if (!Named(child, "link")) continue;
    std::string rel = Attribute(child, "rel");
    if (rel.empty() || rel == "alternate") {
      item.link = Attribute(child, "href");
      break;
    }
  }
  item.published = ParsePublishedDate(ChildText(entry, {"published", "updated"}));
  return item;
}

FeedItem SitemapUrl(const xmlNode* url) {
  return {ChildText(url, {"loc"}), "", ParsePublishedDate(ChildText(url, {"lastmod"}))};
}

// Every element named `name` among the children of `parent` (and of its
// <channel>, where RSS 2.0 keeps its items).
void Collect(const xmlNode* parent, const char* name, FeedItem (*read)(const xmlNode*),
             Feed* feed) {
  for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (Named(child, "channel")) Collect(child, name, read, feed);
    if (!Named(child, name)) continue;
    FeedItem item = read(child);
    if (!item.link.empty()) feed->items.push_back(std::move(item));
  }
}

}  // namespace

Result<Feed> ParseFeed(std::string_view xml, const std::string& url) {
  InitLibxmlOnce();
  std::unique_ptr<xmlParserCtxt, ContextFree> context(xmlNewParserCtxt());
  if (!context) return Status::IoError(url + ": cannot start the XML parser");
  // No network, no entity expansion: a feed cannot make the parser fetch or grow.
  int flags = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(
      context.get(), xml.data(), static_cast<int>(xml.size()), url.c_str(), nullptr, flags));
  if (!doc || !context->wellFormed) {
    const xmlError* error = xmlCtxtGetLastError(context.get());
    std::string reason =
        error != nullptr && error->message != nullptr ? error->message : "empty document\n";
    if (!reason.empty() && reason.back() == '\n') reason.pop_back();
    std::string line = error != nullptr ? " (line " + std::to_string(error->line) + ")" : "";
    return Status::InvalidData(url + ": not a feed: broken XML" + line + ": " + reason);
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  Feed feed;
  if (root != nullptr && (Named(root, "rss") || Named(root, "RDF"))) {
    feed.kind = FeedKind::kRss;
    Collect(root, "item", &RssItem, &feed);
  } else if (root != nullptr && Named(root, "feed")) {
    feed.kind = FeedKind::kAtom;
    Collect(root, "entry", &AtomEntry, &feed);
  } else if (root != nullptr && Named(root, "urlset")) {
    feed.kind = FeedKind::kSitemap;
    Collect(root, "url", &SitemapUrl, &feed);
  } else {
    std::string name = root != nullptr ? reinterpret_cast<const char*>(root->name) : "";
    return Status::InvalidData(url + ": not a feed: its root element is <" + name +
                               ">, not <rss>, <feed> or <urlset>");
  }
  return feed;
}

}  // namespace warta::watch
