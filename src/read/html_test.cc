#include "read/html.h"

#include <gtest/gtest.h>

namespace warta {
namespace {

TEST(HtmlTest, ArticleElementGivesTheTextWithoutPageFurniture) {
  const std::string html = R"(<!DOCTYPE html>
<html><head>
  <title>Site title | Berita</title>
  <meta property="og:title" content="Presiden bertemu PM Jepang">
  <meta property="og:url" content="https://berita.example/a/1">
  <meta property="og:site_name" content="Berita Contoh">
  <style>p { color: red }</style>
</head><body>
  <nav><p>Beranda Politik Ekonomi</p></nav>
  <header><p>Masuk | Daftar</p></header>
  <article>
    <h1>Presiden bertemu PM Jepang</h1>
    <figure><img src="x.jpg"><figcaption>Foto: Presiden</figcaption></figure>
    <p>Presiden   bertemu
       Perdana Menteri Jepang di Jakarta &amp; Tokyo.</p>
    <script>var ad = "Iklan";</script>
    <aside><p>Baca juga: berita lain</p></aside>
    <h2>Kerja sama</h2>
    <p>Keduanya menandatangani&nbsp;perjanjian.<br>Baris kedua.</p>
    <ul><li>Satu</li><li>Dua</li></ul>
    <blockquote>"Kami sepakat," katanya.</blockquote>
    <form><p>Komentar</p></form>
  </article>
  <footer><p>Hak cipta</p></footer>
</body></html>)";
  auto article = ArticleFromHtml(html, "page.html");
  ASSERT_TRUE(article.ok()) << article.status().message();
  EXPECT_EQ(article.value().id, "page.html");
  EXPECT_EQ(article.value().title, "Presiden bertemu PM Jepang");
  EXPECT_EQ(article.value().url, "https://berita.example/a/1");
  EXPECT_EQ(article.value().source, "Berita Contoh");
  EXPECT_FALSE(article.value().published.has_value());
  EXPECT_EQ(article.value().text,
            "Presiden bertemu Perdana Menteri Jepang di Jakarta & Tokyo.\n\n"
            "Kerja sama\n\n"
            "Keduanya menandatangani perjanjian.\nBaris kedua.\n\n"
            "Satu\n\n"
            "Dua\n\n"
            "\"Kami sepakat,\" katanya.");
}

// Regression (fuzz/corpus/html/crash-numeric-reference-overflow): gumbo turns
// "&#xe888888e;" into bytes that are not UTF-8, and the page was refused as
// "invalid UTF-8" though it is valid; its title carried the bytes on.
TEST(HtmlTest, OverflowingCharacterReferencesBecomeReplacementCharacters) {
  auto article = ArticleFromHtml(
      "<title>Judul &#xe888888e;</title><meta property='og:site_name' content='S&#xe888888e;'>"
      "<p>Menteri bertemu &#xe888888e; duta besar.</p>",
      "page.html");
  ASSERT_TRUE(article.ok()) << article.status().message();
  EXPECT_EQ(article.value().text, "Menteri bertemu \uFFFD duta besar.");
  EXPECT_EQ(article.value().title, "Judul \uFFFD");
  EXPECT_EQ(article.value().source, "S\uFFFD");
}

TEST(HtmlTest, LargestArticleElementWinsOverTeasers) {
  const std::string html =
      "<body><article><p>Teaser pendek.</p></article>"
      "<article><p>Artikel utama yang jauh lebih panjang dari teaser mana pun.</p></article>"
      "<aside><article><p>Artikel di samping yang juga sangat panjang sekali sekali "
      "sekali sekali sekali.</p></article></aside></body>";
  auto article = ArticleFromHtml(html, "x");
  ASSERT_TRUE(article.ok()) << article.status().message();
  EXPECT_EQ(article.value().text, "Artikel utama yang jauh lebih panjang dari teaser mana pun.");
}

TEST(HtmlTest, WithoutArticleTheBlockWithMostParagraphTextWins) {
  const std::string html = R"(<html><head><title> Menteri  berkunjung </title>
  <link rel="canonical" href="https://news.example/menteri"></head><body>
  <div class="sidebar"><p>Terpopuler</p><p>Indeks</p></div>
  <div class="content">
    <div class="byline">Oleh Redaksi</div>
    <p>Menteri Luar Negeri berkunjung ke Kuala Lumpur pada Senin.</p>
    <p>Ia bertemu mitranya untuk membahas perbatasan.</p>
  </div>
  <div class="related"><p>Berita terkait singkat</p></div>
</body></html>)";
  auto article = ArticleFromHtml(html, "menteri.html");
  ASSERT_TRUE(article.ok()) << article.status().message();
  EXPECT_EQ(article.value().title, "Menteri berkunjung");
  EXPECT_EQ(article.value().url, "https://news.example/menteri");
  EXPECT_EQ(article.value().text,
            "Oleh Redaksi\n\n"
            "Menteri Luar Negeri berkunjung ke Kuala Lumpur pada Senin.\n\n"
            "Ia bertemu mitranya untuk membahas perbatasan.");
}

TEST(HtmlTest, TitleFallsBackToTheFirstHeadline) {
  auto article =
      ArticleFromHtml("<h1>Judul <em>utama</em></h1><h1>Kedua</h1><p>Isi berita.</p>", "x");
  ASSERT_TRUE(article.ok()) << article.status().message();
  EXPECT_EQ(article.value().title, "Judul utama");
  EXPECT_EQ(article.value().text, "Isi berita.");
}

TEST(HtmlTest, PageWithoutBodyTextIsAnError) {
  for (const char* html : {"", "<html><head><title>Hanya judul</title></head></html>",
                           "<html><body><script>document.write('x')</script><nav><p>Menu</p></nav>"
                           "<div>  &nbsp; </div></body></html>"}) {
    auto article = ArticleFromHtml(html, "x");
    ASSERT_FALSE(article.ok()) << html;
    EXPECT_EQ(article.status().code(), Status::Code::kInvalidInput);
    EXPECT_EQ(article.status().message(), "no article text found") << html;
  }
}

TEST(HtmlTest, TextOutsideParagraphsIsKept) {
  auto article = ArticleFromHtml(
      "<body><div>Jakarta - Polisi menangkap<br><br>dua orang."
      "</div></body>",
      "x");
  ASSERT_TRUE(article.ok()) << article.status().message();
  EXPECT_EQ(article.value().text, "Jakarta - Polisi menangkap\n\ndua orang.");
}

TEST(HtmlTest, PublicationDateFromEveryKindOfTag) {
  struct Case {
    std::string head;  // goes into <head>
    std::string body;  // goes into <article>
    std::string expected;
  };
  const std::vector<Case> cases = {
      {R"(<meta property="article:published_time" content="2023-10-12T08:00:00+07:00">)", "",
       "2023-10-12"},
      {R"(<meta property="og:published_time" content="2023-10-13">)", "", "2023-10-13"},
      {R"(<meta itemprop="datePublished" content="2023-10-14T01:02:03Z">)", "", "2023-10-14"},
      {"", R"(<time itemprop="datePublished" datetime="2023-10-15">15 Okt</time>)", "2023-10-15"},
      {R"(<meta name="date" content="2023-10-16">)", "", "2023-10-16"},
      {R"(<meta name="pubdate" content="2023-10-17 10:00">)", "", "2023-10-17"},
      {R"(<meta name="publishdate" content="Selasa, 2023-10-18">)", "", "2023-10-18"},
      {R"(<meta name="DC.date.issued" content="2023-10-19">)", "", "2023-10-19"},
      {"", R"(<p>Diterbitkan <time datetime="2023-10-20T09:00">Jumat</time></p>)", "2023-10-20"},
      // Priority: article:published_time over a plain meta date and <time>.
      {R"(<meta name="date" content="2020-01-01"><meta property="article:published_time" )"
       R"(content="2023-10-21">)",
       R"(<time datetime="2019-05-05">x</time>)", "2023-10-21"},
      // Not a valid date: the next source is used (12/10/2023 is day first).
      {R"(<meta property="article:published_time" content="2023-13-45"><meta name="date" )"
       R"(content="12/10/2023"><meta name="pubdate" content="2023-10-22">)",
       "", "2023-10-12"},
      {R"(<meta name="date" content="kemarin">)", "", ""},
      // The formats Indonesian and English sites write (issue 11).
      {R"(<meta name="publishdate" content="2024/01/08 10:00:00">)", "", "2024-01-08"},
      {R"(<meta name="content_PublishedDate" content="2024-01-08 10:00:00">)", "", "2024-01-08"},
      {R"(<meta property="article:published_time" content="Mon, 08 Jan 2024 03:00:00 GMT">)", "",
       "2024-01-08"},
      {R"(<meta name="pubdate" content="kemarin"><meta name="date" content="08/01/2024">)", "",
       "2024-01-08"},
      {"", R"(<span itemprop="datePublished">Senin, 8 Januari 2024 10:00 WIB</span>)",
       "2024-01-08"},
      {"", R"(<time datetime="2024-01-08T23:30:00+07:00">Senin</time>)", "2024-01-08"},
  };
  for (const Case& c : cases) {
    std::string html = "<html><head>" + c.head + "</head><body><article>" + c.body +
                       "<p>Isi berita yang cukup.</p></article></body></html>";
    auto article = ArticleFromHtml(html, "x");
    ASSERT_TRUE(article.ok()) << article.status().message();
    EXPECT_EQ(article.value().published ? article.value().published->ToString() : "", c.expected)
        << c.head << c.body;
  }
}

TEST(HtmlTest, UnreadablePublicationDateIsAWarningNotAnError) {
  const std::string page =
      "<html><head><meta property=\"article:published_time\" content=\"kemarin sore\">"
      "</head><body><p>Isi berita yang cukup.</p></body></html>";
  std::string warning;
  auto article = ArticleFromHtml(page, "x", &warning);
  ASSERT_TRUE(article.ok()) << article.status().message();
  EXPECT_FALSE(article.value().published);
  EXPECT_EQ(warning, "publication date \"kemarin sore\" not understood; coded without one");
  // A readable date anywhere else is enough: no warning then.
  warning.clear();
  article = ArticleFromHtml(
      "<meta property=\"article:published_time\" content=\"kemarin\"><meta name=\"date\" "
      "content=\"8 Januari 2024\"><p>Isi berita yang cukup.</p>",
      "x", &warning);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article.value().published->ToString(), "2024-01-08");
  EXPECT_EQ(warning, "");
}

TEST(HtmlTest, BrokenAndDeeplyNestedHtmlIsRead) {
  auto broken = ArticleFromHtml("<p>Satu <b>dua<p>tiga</i> &unknown; &#x41;", "x");
  ASSERT_TRUE(broken.ok()) << broken.status().message();
  EXPECT_EQ(broken.value().text, "Satu dua\n\ntiga &unknown; A");

  std::string deep;
  for (int i = 0; i < 2000; ++i) deep += "<div>";
  deep += "terlalu dalam";
  auto nested = ArticleFromHtml("<p>Teks atas.</p>" + deep, "x");
  ASSERT_TRUE(nested.ok()) << nested.status().message();
  EXPECT_EQ(nested.value().text, "Teks atas.");
}

}  // namespace
}  // namespace warta
