#include "read/warc.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <iterator>

namespace warta {
namespace {

std::string TempPath(const std::string& name) { return ::testing::TempDir() + "warc_" + name; }

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::string Record(const std::string& type, const std::string& id, const std::string& block,
                   const std::string& version = "WARC/1.0") {
  return version + "\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + id +
         ">\r\nWARC-Target-URI: https://news.example/" + id +
         "\r\nWARC-Date: 2024-01-02T03:04:05Z\r\nContent-Type: application/http; "
         "msgtype=" +
         type + "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block +
         "\r\n\r\n";
}

std::string Http(int status, const std::string& type, const std::string& body,
                 const std::string& extra_headers = "") {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + type + "\r\n" +
         extra_headers + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string Page(const std::string& text) {
  return "<html><head><title>T</title></head><body><p>" + text + "</p></body></html>";
}

// Reads the file whole: "location id text" per article, "location ! message"
// per error.
std::vector<std::string> ReadWarc(const std::string& path) {
  auto source = OpenByteSource(path);
  EXPECT_TRUE(source.ok());
  WarcReader warc(source.value().get(), path);
  std::vector<std::string> items;
  ReadItem item;
  while (warc.Next(&item)) {
    items.push_back(item.location + " " +
                    (item.article.ok() ? item.article.value().id + " " + item.article.value().text
                                       : "! " + item.article.status().message()));
  }
  return items;
}

TEST(WarcTest, OnlyHtmlResponsesBecomeArticles) {
  std::string warc =
      "WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 9\r\n\r\nsoftware\n\r\n\r\n";
  warc += Record("request", "req", "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n");
  size_t first = warc.size();
  warc += Record("response", "a", Http(200, "text/html; charset=UTF-8", Page("Berita satu.")));
  warc += Record("response", "png", Http(200, "image/png", "\x89PNG...."));
  warc += Record("response", "gone", Http(404, "text/html", Page("Tidak ditemukan.")));
  warc += Record("metadata", "meta", "fetchTimeMs: 12\r\n");
  size_t second = warc.size();
  warc += Record("response", "b", Http(200, "TEXT/HTML", Page("Berita dua.")), "WARC/1.1");
  size_t third = warc.size();
  warc += Record("response", "c", "HTTP/1.0 200 OK\nContent-Type: text/html\n\n" + Page("Tiga."));
  const std::string path = TempPath("mixed.warc");
  WriteFile(path, warc);
  std::vector<std::string> expected = {
      path + "@" + std::to_string(first) + " https://news.example/a Berita satu.",
      path + "@" + std::to_string(second) + " https://news.example/b Berita dua.",
      path + "@" + std::to_string(third) + " https://news.example/c Tiga."};
  EXPECT_EQ(ReadWarc(path), expected);
}

TEST(WarcTest, UrlFromTargetUriUnlessThePageNamesOne) {
  std::string own =
      "<head><meta property=\"og:url\" content=\"https://own.example/x\"></head>"
      "<body><p>Isi.</p></body>";
  WriteFile(TempPath("urls.warc"), Record("response", "a", Http(200, "text/html", Page("Isi."))) +
                                       Record("response", "b", Http(200, "text/html", own)));
  auto source = OpenByteSource(TempPath("urls.warc"));
  ASSERT_TRUE(source.ok());
  WarcReader warc(source.value().get(), "urls.warc");
  ReadItem item;
  ASSERT_TRUE(warc.Next(&item));
  ASSERT_TRUE(item.article.ok()) << item.article.status().message();
  EXPECT_EQ(item.article.value().url, "https://news.example/a");
  EXPECT_EQ(item.article.value().title, "T");
  ASSERT_TRUE(warc.Next(&item));
  ASSERT_TRUE(item.article.ok()) << item.article.status().message();
  EXPECT_EQ(item.article.value().url, "https://own.example/x");
  EXPECT_FALSE(warc.Next(&item));
}

TEST(WarcTest, ChunkedAndCompressedBodiesAreDecoded) {
  std::string page = Page("Polisi menangkap dua orang di Bandung.");
  std::string chunked;
  for (size_t pos = 0; pos < page.size(); pos += 10) {
    std::string chunk = page.substr(pos, 10);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", chunk.size());
    chunked += std::string(size) + (pos == 0 ? ";ext=1" : "") + "\r\n" + chunk + "\r\n";
  }
  chunked += "0\r\nX-Trailer: y\r\n\r\n";
  std::string deflated(compressBound(page.size()), '\0');
  uLongf size = deflated.size();
  ASSERT_EQ(compress2(reinterpret_cast<Bytef*>(deflated.data()), &size,
                      reinterpret_cast<const Bytef*>(page.data()), page.size(), 6),
            Z_OK);
  deflated.resize(size);
  std::string chunked_http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
      "Transfer-Encoding: chunked\r\n\r\n" +
      chunked;
  const std::string path = TempPath("encoded.warc");
  WriteFile(path, Record("response", "chunked", chunked_http) +
                      Record("response", "deflate",
                             Http(200, "text/html", deflated, "Content-Encoding: deflate\r\n")) +
                      Record("response", "brotli",
                             Http(200, "text/html", "xx", "Content-Encoding: br\r\n")) +
                      Record("response", "badchunk",
                             "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                             "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc"));
  auto items = ReadWarc(path);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_NE(items[0].find(" https://news.example/chunked Polisi menangkap dua orang di Bandung."),
            std::string::npos)
      << items[0];
  EXPECT_NE(items[1].find(" https://news.example/deflate Polisi menangkap"), std::string::npos)
      << items[1];
  EXPECT_NE(items[2].find("! " + path + "@"), std::string::npos) << items[2];
  EXPECT_NE(items[2].find(": unsupported Content-Encoding \"br\""), std::string::npos) << items[2];
  EXPECT_NE(items[3].find(": bad chunk size in chunked body"), std::string::npos) << items[3];
}

TEST(WarcTest, TruncatedRecordIsAnErrorThatEndsTheFile) {
  std::string good = Record("response", "a", Http(200, "text/html", Page("Berita.")));
  std::string cut = Record("response", "b", Http(200, "text/html", Page("Berita terpotong.")));
  cut.resize(cut.size() - 30);
  const std::string path = TempPath("truncated.warc");
  WriteFile(path, good + cut);
  auto items = ReadWarc(path);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0], path + "@0 https://news.example/a Berita.");
  const std::string at = path + "@" + std::to_string(good.size());
  EXPECT_TRUE(items[1].starts_with(at + " ! " + at + ": truncated WARC record: ")) << items[1];

  WriteFile(path, good + "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n");
  items = ReadWarc(path);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_NE(items[1].find("truncated WARC record header (no blank line)"), std::string::npos)
      << items[1];

  WriteFile(path, "<html>not a warc</html>\n" + good);
  items = ReadWarc(path);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_NE(items[0].find("@0 ! " + path + "@0: not a WARC record header"), std::string::npos)
      << items[0];
}

TEST(WarcTest, GzipPerRecordAndCorruptionNamesTheRecord) {
  const std::string path = TempPath("crawl.warc.gz");
  std::remove(path.c_str());
  std::vector<std::string> records = {
      Record("response", "a", Http(200, "text/html", Page("Satu."))),
      Record("request", "r", "GET / HTTP/1.1\r\n\r\n"),
      Record("response", "b", Http(200, "text/html", Page("Dua.")))};
  for (const std::string& record : records) {  // one gzip member a record, as crawlers write
    gzFile file = gzopen(path.c_str(), "ab");
    ASSERT_NE(file, nullptr);
    gzwrite(file, record.data(), static_cast<unsigned>(record.size()));
    gzclose(file);
  }
  auto items = ReadWarc(path);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1], path + "@" + std::to_string(records[0].size() + records[1].size()) +
                          " https://news.example/b Dua.");

  std::ofstream(path, std::ios::binary | std::ios::app) << "\x1f\x8b garbage";
  items = ReadWarc(path);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_NE(items[2].find(": corrupt gzip data at byte "), std::string::npos) << items[2];
  EXPECT_EQ(items[2].find(path + ": "), std::string::npos) << items[2];
}

// Issue 11: after one corrupt gzip member, the rest of a .warc.gz was lost.
TEST(WarcTest, RecordsAfterACorruptGzipMemberAreStillRead) {
  std::string words;
  uint32_t state = 7;
  while (words.size() < 200000) {  // a page that does not compress away
    state = state * 1103515245 + 12345;
    words += "kata";  // (step by step: g++ 12 warns wrongly on "kata" + ...)
    words += std::to_string(state % 100000);
    words += ' ';
  }
  std::vector<std::string> records = {
      Record("response", "a", Http(200, "text/html", Page("Satu."))),
      Record("response", "b", Http(200, "text/html", Page(words))),
      Record("response", "c", Http(200, "text/html", Page("Tiga."))),
      Record("response", "d", Http(200, "text/html", Page("Empat.")))};
  const std::string path = TempPath("corrupt_member.warc.gz");
  std::string bytes;
  std::vector<size_t> starts;
  for (const std::string& record : records) {  // one gzip member a record, as crawlers write
    const std::string member_path = TempPath("member.gz");
    std::remove(member_path.c_str());
    gzFile file = gzopen(member_path.c_str(), "wb");
    ASSERT_NE(file, nullptr);
    gzwrite(file, record.data(), static_cast<unsigned>(record.size()));
    gzclose(file);
    std::ifstream in(member_path, std::ios::binary);
    starts.push_back(bytes.size());
    bytes.append(std::istreambuf_iterator<char>(in), {});
  }
  size_t middle = (starts[1] + starts[2]) / 2;
  for (size_t i = middle; i < middle + 64; ++i) bytes[i] = static_cast<char>(~bytes[i]);
  WriteFile(path, bytes);

  auto items = ReadWarc(path);
  ASSERT_EQ(items.size(), 4u) << ::testing::PrintToString(items);
  EXPECT_EQ(items[0], path + "@0 https://news.example/a Satu.");
  const std::string at = path + "@" + std::to_string(records[0].size());
  EXPECT_TRUE(items[1].starts_with(at + " ! " + at + ": corrupt gzip data at byte ")) << items[1];
  EXPECT_NE(items[1].find("; skipped to the next gzip member at byte " + std::to_string(starts[2])),
            std::string::npos)
      << items[1];
  EXPECT_TRUE(items[2].ends_with(" https://news.example/c Tiga.")) << items[2];
  EXPECT_TRUE(items[3].ends_with(" https://news.example/d Empat.")) << items[3];
}

}  // namespace
}  // namespace warta
