#include "read/corpus.h"

#include <gtest/gtest.h>
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
      root + "/a.txt a.txt",
      root + "/c.html c.html",
      root + "/d/e.warc.zst@0 urn:uuid:1",
      root + "/d/e.warc.zst@" + std::to_string(first_record.size()) + " urn:uuid:2",
      root + "/sub/b.jsonl.gz:1 x1",
      root + "/sub/b.jsonl.gz:2 ! " + root + "/sub/b.jsonl.gz:2: not valid JSON",
      root + "/sub/b.jsonl.gz:4 sub/b.jsonl.gz:4",
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
  EXPECT_EQ(item.article.value().id, "plain.txt.gz");
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
      root + "/4_good.txt 4_good.txt",
      root + "/5_cut.warc@0 ! " + root + "/5_cut.warc@0: truncated WARC record: 2 of 99 bytes",
      root + "/6_after.txt 6_after.txt",
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

TEST(CorpusTest, OverLongJsonLineIsSkippedWithAnError) {
  const std::string root = TreeRoot("corpus_long");
  std::string huge = "{\"text\":\"" + std::string(kMaxArticleBytes + 100, 'a') + "\"}\n";
  WriteGzip(root + "/big.jsonl.gz", huge + "{\"text\":\"Pendek.\"}\n");
  auto items = ReadCorpus({root});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0], root + "/big.jsonl.gz:1 ! " + root +
                          "/big.jsonl.gz:1: line is 16 MB, larger than the 16 MB limit");
  EXPECT_EQ(items[1], root + "/big.jsonl.gz:2 big.jsonl.gz:2");
}

}  // namespace
}  // namespace warta
