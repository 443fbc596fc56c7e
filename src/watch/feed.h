// watch/feed: the items of an RSS 2.0 (or RSS 1.0), Atom or sitemap
// (<urlset>) document, through libxml2.
//
//   auto feed = ParseFeed(body, "https://example.com/rss");
//   if (!feed.ok()) log(feed.status().message());  // names the URL and the line
//   for (const FeedItem& item : feed.value().items) Fetch(item.link);
//
// Taken from each item:
//   RSS      <item>: <link> (else a <guid> that is a URL), <title>,
//            <pubDate> (else <dc:date>)
//   Atom     <entry>: <link href> (rel "alternate" or none), <title>,
//            <published> (else <updated>)
//   sitemap  <url>: <loc>, <lastmod>
// Links are as written (maybe relative: resolve them against the feed's URL).
// Dates are read by ParsePublishedDate (util/date_format.h); an item whose
// date cannot be read comes without one. Items without a link are left out.
// A document that is not well-formed XML, or whose root is none of rss,
// rdf:RDF, feed or urlset, is InvalidData naming the URL. External entities
// and network access are never used. Stateless and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "warta/date.h"
#include "warta/status.h"

namespace warta::watch {

enum class FeedKind { kRss, kAtom, kSitemap };

struct FeedItem {
  std::string link;
  std::string title;
  std::optional<Date> published;
};

struct Feed {
  FeedKind kind = FeedKind::kRss;
  std::vector<FeedItem> items;  // in document order
};

Result<Feed> ParseFeed(std::string_view xml, const std::string& url);

}  // namespace warta::watch
