#include "read/corpus.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>

namespace warta {
namespace {

namespace fs = std::filesystem;

void WriteFile(const std::string& path, const std::string& content) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

void WriteGzip(const std::string& path, const std::string& content) {
  fs::create_directories(fs::path(path).parent_path());
  gzFile file = gzopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  gzwrite(file, content.data(), static_cast<unsigned>(content.size()));
  gzclose(file);
}

void WriteZstd(const std::string& path, const std::string& content) {
  std::string out(ZSTD_compressBound(content.size()), '\0');
  size_t size = ZSTD_compress(out.data(), out.size(), content.data(), content.size(), 3);
  ASSERT_FALSE(ZSTD_isError(size));
  out.resize(size);
  WriteFile(path, out);
}

std::string WarcResponse(const std::string& id, const std::string& html) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html;
  return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <" + id +
         ">\r\nWARC-Target-URI: https://example.org/" + id +
         "\r\nContent-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

// "location id" per article, "location ! message" per error.
std::vector<std::string> ReadCorpus(const std::vector<std::string>& inputs) {
  auto corpus = CorpusReader::Open(inputs);
  EXPECT_TRUE(corpus.ok());
  std::vector<std::string> items;
  ReadItem item;
  while (corpus.value()->Next(&item)) {
    items.push_back(
        item.location + " " +
        (item.article.ok() ? item.article.value().id : "! " + item.article.status().message()));
  }
  return items;
}

// A fresh folder under the test temp folder.
std::string TreeRoot(const std::string& name) {
  std::string root = ::testing::TempDir() + name;
  fs::remove_all(root);
  fs::create_directories(root);
  return root;
}

TEST(CorpusTest, FolderTreeReadsEveryKnownKindInSortedOrder) {
  const std::string root = TreeRoot("corpus_tree");
  WriteFile(root + "/a.txt", "Presiden berpidato di Jakarta.\n");
  WriteFile(root + "/c.html",
            "<html><head><meta property=\"article:published_time\" content=\"2023-10-12\">"
            "</head><body><p>Menteri bertemu duta besar.</p></body></html>");
  const std::string first_record = WarcResponse("urn:uuid:1", "<p>Polisi menangkap.</p>");
  WriteZstd(root + "/d/e.warc.zst",
            first_record + WarcResponse("urn:uuid:2", "<p>Tentara berpatroli.</p>"));
  WriteFile(root + "/f.png", "\x89PNG\r\n");
  WriteFile(root + "/g.unknown", "skipped in folders");
  WriteFile(root + "/.hidden.txt", "hidden");
  WriteFile(root + "/.git/x.txt", "hidden folder");
  WriteGzip(root + "/sub/b.jsonl.gz",
            "{\"id\":\"x1\",\"text\":\"Satu.\"}\n"
            "not json\n"
            "\n"
            "{\"text\":\"Empat.\"}\n");
  std::vector<std::string> expected = {
      root + "/a.txt corpus_tree/a.txt",
      root + "/c.html corpus_tree/c.html",
      root + "/d/e.warc.zst@0 https://example.org/urn:uuid:1",
      root + "/d/e.warc.zst@" + std::to_string(first_record.size()) +
          " https://example.org/urn:uuid:2",
      root + "/sub/b.jsonl.gz:1 x1",
      root + "/sub/b.jsonl.gz:2 ! " + root + "/sub/b.jsonl.gz:2: not valid JSON",
      root + "/sub/b.jsonl.gz:4 corpus_tree/sub/b.jsonl.gz:4",
  };
  EXPECT_EQ(ReadCorpus({root}), expected);
}

TEST(CorpusTest, ArticlesCarryWhatTheirFilesSay) {
  const std::string root = TreeRoot("corpus_fields");
  WriteFile(root + "/page.htm",
            "<html><head><meta property=\"article:published_time\" content=\"2023-10-12\">"
            "<title>Judul</title></head><body><p>Menteri bertemu duta besar.</p></body></html>");
  WriteFile(root + "/plain.txt.gz", "not really gzip, read as it is\n");
  auto corpus = CorpusReader::Open({root});
  ASSERT_TRUE(corpus.ok());
  ReadItem item;
  ASSERT_TRUE(corpus.value()->Next(&item));
  ASSERT_TRUE(item.article.ok()) << item.article.status().message();
  EXPECT_EQ(item.article.value().title, "Judul");
  EXPECT_EQ(item.article.value().published->ToString(), "2023-10-12");
  EXPECT_EQ(item.article.value().text, "Menteri bertemu duta besar.");
  ASSERT_TRUE(corpus.value()->Next(&item));
  ASSERT_TRUE(item.article.ok()) << item.article.status().message();
  EXPECT_EQ(item.article.value().id, "corpus_fields/plain.txt.gz");
  EXPECT_EQ(item.article.value().text, "not really gzip, read as it is\n");
  EXPECT_FALSE(corpus.value()->Next(&item));
}

TEST(CorpusTest, BadFilesAreErrorItemsAndReadingGoesOn) {
  const std::string root = TreeRoot("corpus_bad");
  WriteFile(root + "/1_empty.html", "<html><body><nav>Menu</nav></body></html>");
  WriteFile(root + "/2_binary.txt", std::string("ab\0cd", 5));
  WriteGzip(root + "/3_corrupt.txt.gz", std::string(5000, 'x') + "y");
  std::string bytes;
  {
    std::ifstream in(root + "/3_corrupt.txt.gz", std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  bytes.resize(bytes.size() - 4);  // cut the gzip trailer
  WriteFile(root + "/3_corrupt.txt.gz", bytes);
  WriteFile(root + "/4_good.txt", "Baik.");
  WriteFile(root + "/5_cut.warc",
            "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99\r\n\r\nab");
  WriteFile(root + "/6_after.txt", "Sesudah.");
  std::vector<std::string> expected = {
      root + "/1_empty.html ! " + root + "/1_empty.html: no article text found",
      root + "/2_binary.txt ! " + root +
          "/2_binary.txt: binary data (NUL byte at byte 2), not text",
      root + "/3_corrupt.txt.gz ! " + root + "/3_corrupt.txt.gz: truncated gzip data at byte " +
          std::to_string(bytes.size()),
      root + "/4_good.txt corpus_bad/4_good.txt",
      root + "/5_cut.warc@0 ! " + root + "/5_cut.warc@0: truncated WARC record: 2 of 99 bytes",
      root + "/6_after.txt corpus_bad/6_after.txt",
  };
  EXPECT_EQ(ReadCorpus({root}), expected);
}

TEST(CorpusTest, NamedFilesAreReadWhateverTheirNameAndMissingOnesReported) {
  const std::string root = TreeRoot("corpus_named");
  WriteFile(root + "/notes.md", "Catatan rapat.");
  WriteGzip(root + "/lines.jsonl.gz", "{\"text\":\"Satu.\"}\n");
  std::vector<std::string> expected = {
      root + "/notes.md notes.md",
      root + "/missing.txt ! " + root + "/missing.txt: cannot open file",
      root + "/lines.jsonl.gz:1 lines.jsonl.gz:1",
  };
  EXPECT_EQ(ReadCorpus({root + "/notes.md", root + "/missing.txt", root + "/lines.jsonl.gz"}),
            expected);
  EXPECT_FALSE(CorpusReader::Open({}).ok());
}

// Issue 11: `day1/0001.txt` and `day2/0001.txt` were one article "0001.txt".
TEST(CorpusTest, IdsAreThePathFromTheFolderHoldingTheInput) {
  const std::string root = TreeRoot("corpus_ids");
  WriteFile(root + "/day1/0001.txt", "Presiden Joko Widodo bertemu Perdana Menteri Malaysia.");
  WriteFile(root + "/day2/0001.txt", "Polisi menangkap 12 mahasiswa di Makassar.");
  WriteFile(root + "/day2/sub/feed.jsonl", "{\"text\":\"Satu.\"}\n");
  auto ids = [](const std::vector<std::string>& inputs) {
    std::vector<std::string> found;
    auto corpus = CorpusReader::Open(inputs);
    ReadItem item;
    while (corpus.value()->Next(&item)) {
      found.push_back(item.article.ok() ? item.article.value().id
                                        : "! " + item.article.status().message());
    }
    return found;
  };
  std::vector<std::string> expected = {"day1/0001.txt", "day2/0001.txt", "day2/sub/feed.jsonl:1"};
  EXPECT_EQ(ids({root + "/day1", root + "/day2"}), expected);
  // However the folder is written: a trailing slash, a detour, "." for it.
  EXPECT_EQ(ids({root + "/day1/", root + "/day1/../day2/."}), expected);
  std::error_code error;
  fs::path before = fs::current_path();
  fs::current_path(root + "/day2");
  auto from_inside = ids({"."});
  fs::current_path(before, error);
  EXPECT_EQ(from_inside, (std::vector<std::string>{"day2/0001.txt", "day2/sub/feed.jsonl:1"}));
  // A folder above them: the ids start there.
  EXPECT_EQ(ids({root})[0], "corpus_ids/day1/0001.txt");
  // A file given by itself goes by its own name.
  EXPECT_EQ(ids({root + "/day2/0001.txt"}), std::vector<std::string>{"0001.txt"});
}

TEST(CorpusTest, PagesGoByTheirUrlAndWarcRecordsByTheirTargetUri) {
  const std::string root = TreeRoot("corpus_urls");
  WriteFile(root + "/a/index.html",
            "<html><head><meta property=\"og:url\" content=\"https://berita.example/satu\">"
            "</head><body><p>Menteri bertemu duta besar.</p></body></html>");
  WriteFile(root + "/b/index.html",
            "<html><head><link rel=\"canonical\" href=\"https://berita.example/dua\">"
            "</head><body><p>Polisi menangkap dua orang.</p></body></html>");
  WriteFile(root + "/c/index.html", "<p>Tanpa alamat.</p>");
  WriteFile(root + "/d.warc", WarcResponse("urn:uuid:9", "<p>Tentara berpatroli.</p>"));
  auto items = ReadCorpus({root});
  std::vector<std::string> expected = {
      root + "/a/index.html https://berita.example/satu",
      root + "/b/index.html https://berita.example/dua",
      root + "/c/index.html corpus_urls/c/index.html",
      root + "/d.warc@0 https://example.org/urn:uuid:9",
  };
  EXPECT_EQ(items, expected);
}

// Issue 11: `warta code page.html` read HTML as plain text. Every file is read
// by its first bytes, whatever its name.
TEST(CorpusTest, FormatIsToldByTheFirstBytes) {
  struct Case {
    std::string head, name;
    InputFormat expected;
  };
  const std::vector<Case> cases = {
      {"<!DOCTYPE html><html>", "page.txt", InputFormat::kHtml},
      {"\xEF\xBB\xBF  \n<html lang=\"id\">", "x", InputFormat::kHtml},
      {"<p>Jakarta - Presiden", "notes", InputFormat::kHtml},
      {"<?xml version=\"1.0\"?><html xmlns=", "x", InputFormat::kHtml},
      {"<?xml version=\"1.0\"?><rss>", "x", InputFormat::kPlain},
      {"WARC/1.1\r\nWARC-Type: warcinfo", "crawl.dat", InputFormat::kWarc},
      {"{\"id\": \"a\", \"text\": \"x\"}\n", "feed", InputFormat::kJsonLines},
      {"\n\n{ \"text\": 1}", "feed.txt", InputFormat::kJsonLines},
      {"{Breaking} Presiden berpidato.", "a.txt", InputFormat::kPlain},
      {"not json\n{\"text\":\"x\"}", "feed.jsonl.gz", InputFormat::kJsonLines},
      {"Presiden berpidato.", "page.HTM", InputFormat::kHtml},
      {"Presiden berpidato.", "a.txt", InputFormat::kPlain},
      {"Presiden < wakil", "a", InputFormat::kPlain},
      {"", "x.warc.zst", InputFormat::kWarc},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DetectFormat(c.head, c.name), c.expected) << c.head << " named " << c.name;
  }
}

TEST(CorpusTest, StandardInputIsAnInputLikeAFile) {
  const std::string root = TreeRoot("corpus_stdin");
  WriteGzip(root + "/in.gz", "{\"text\":\"Satu.\"}\n{\"id\":7,\"text\":\"Dua.\"}\n");
  // Standard input is this process's: point it at the file for the test.
  int saved = dup(STDIN_FILENO);
  int file = open((root + "/in.gz").c_str(), O_RDONLY);
  ASSERT_GE(file, 0);
  dup2(file, STDIN_FILENO);
  close(file);
  auto items = ReadCorpus({"-"});
  dup2(saved, STDIN_FILENO);
  close(saved);
  std::vector<std::string> expected = {"<stdin>:1 stdin:1", "<stdin>:2 7"};
  EXPECT_EQ(items, expected);
}

TEST(CorpusTest, OverLongJsonLineIsSkippedWithAnError) {
  const std::string root = TreeRoot("corpus_long");
  std::string huge = "{\"text\":\"" + std::string(kMaxArticleBytes + 100, 'a') + "\"}\n";
  WriteGzip(root + "/big.jsonl.gz", huge + "{\"text\":\"Pendek.\"}\n");
  auto items = ReadCorpus({root});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0], root + "/big.jsonl.gz:1 ! " + root +
                          "/big.jsonl.gz:1: line is 16 MB, over the 16 MB limit");
  EXPECT_EQ(items[1], root + "/big.jsonl.gz:2 corpus_long/big.jsonl.gz:2");
}

}  // namespace
}  // namespace warta
