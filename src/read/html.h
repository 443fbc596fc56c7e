// read/html: the article in a news web page, through the gumbo HTML5 parser.
//
//   auto article = ArticleFromHtml(page, "page.html");
//   if (!article.ok()) return article.status();  // "no article text found"
//
// What is taken from where:
//   title      og:title, else <title>, else the first <h1>
//   published  the first date ParsePublishedDate reads (util/date_format.h:
//              ISO, day/month/year, month names in Indonesian or English,
//              epoch), by priority: article:published_time, og:published_time,
//              itemprop="datePublished" (content, datetime or its text), meta
//              name date / pubdate / publishdate / DC.date.issued /
//              content_PublishedDate / parsely-pub-date, then <time datetime>
//              inside the main text
//   url        og:url, else <link rel="canonical">
//   source     og:site_name
//   text       the <article> element (the one with most text when there are
//              several), else the element whose own <p> children hold the most
//              text, else <body>. Paragraphs (p, h2..h6, li, blockquote, and
//              other blocks) are separated by "\n\n"; the headline (<h1>),
//              script, style, nav, header, footer, aside, form, figure,
//              figcaption, noscript, iframe, template, svg, button and select
//              are left out. Entities are decoded, runs of white space folded.
// Meta names match without regard to case, in `property` or `name`.
//
// The input is taken as UTF-8 (invalid bytes become U+FFFD). The id is
// `default_id` (callers choose it: the URL for a page that names one, see
// corpus.h). A page with no text is InvalidInput("no article text found");
// text failing ValidateArticleText is that error. A page that gives a
// publication date none of which can be read comes without one, and
// *warning (when not null) says so. Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "warta/article.h"
#include "warta/status.h"

namespace warta {

Result<Article> ArticleFromHtml(std::string_view html, const std::string& default_id,
                                std::string* warning = nullptr);

}  // namespace warta
