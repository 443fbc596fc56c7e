#include "read/reader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "read/corpus.h"

namespace warta {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::vector<ReadItem> ReadAll(const std::string& path) {
  auto reader = CorpusReader::Open({path});
  EXPECT_TRUE(reader.ok());
  std::vector<ReadItem> items;
  ReadItem item;
  while (reader.value()->Next(&item)) items.push_back(item);
  return items;
}

TEST(ReaderTest, PlainTextIsOneArticleNamedByItsFile) {
  auto items = ReadAll(WriteTemp("plain.txt", "Presiden berpidato.\n"));
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].article.ok());
  EXPECT_EQ(items[0].article.value().id, "plain.txt");
}

TEST(ReaderTest, JsonLinesReadEveryFieldAndReportBadLinesByNumber) {
  std::string path =
      WriteTemp("mixed.jsonl",
                "{\"id\":\"a\",\"text\":\"Satu.\",\"published\":\"2023-10-12\",\"title\":\"T\"}\n"
                "[1,2]\n"
                "{\"title\":\"no text\"}\n"
                "\n"
                "{\"text\":\"\"}\n"
                "not json\n"
                "{\"text\":\"Dua.\",\"published\":\"yesterday\"}\n"
                "{\"text\":\"Tiga.\",\"published\":\"2023-10-12T08:00:00Z\"}\n");
  auto items = ReadAll(path);
  ASSERT_EQ(items.size(), 7u);
  ASSERT_TRUE(items[0].article.ok());
  EXPECT_EQ(items[0].article.value().published->ToString(), "2023-10-12");
  EXPECT_NE(items[1].article.status().message().find("mixed.jsonl:2: JSON line is not an object"),
            std::string::npos);
  EXPECT_NE(items[2].article.status().message().find(":3: missing field \"text\""),
            std::string::npos);
  EXPECT_NE(items[3].article.status().message().find(":5: empty article"), std::string::npos);
  EXPECT_NE(items[4].article.status().message().find(":6: not valid JSON"), std::string::npos);
  // An unreadable date keeps the article, without a date, and warns once.
  ASSERT_TRUE(items[5].article.ok());
  EXPECT_FALSE(items[5].article.value().published);
  EXPECT_EQ(items[5].warning, path +
                                  ":7: publication date \"yesterday\" not understood; coded "
                                  "without one");
  ASSERT_TRUE(items[6].article.ok());
  EXPECT_EQ(items[6].article.value().id, "mixed.jsonl:8");
  EXPECT_EQ(items[6].warning, "");
}

// Issue 11: a numeric id or a date in another common format dropped the article.
TEST(ReaderTest, JsonIdsMayBeNumbersAndDatesAnyCommonFormat) {
  struct Case {
    std::string line;
    std::string id, published, warning;
  };
  const std::vector<Case> cases = {
      {R"({"id":123,"text":"x"})", "123", "", ""},
      {R"({"id":12345678901234,"text":"x"})", "12345678901234", "", ""},
      {R"({"text":"x","published":"Senin, 08 Jan 2024 10:00 WIB"})", "d", "2024-01-08", ""},
      {R"({"text":"x","published":"08/01/2024"})", "d", "2024-01-08", ""},
      {R"({"text":"x","published":"Mon, 08 Jan 2024 03:00:00 GMT"})", "d", "2024-01-08", ""},
      {R"({"text":"x","published":"2024-01-08 23:59:59+0700"})", "d", "2024-01-08", ""},
      {R"({"text":"x","published":"January 8, 2024"})", "d", "2024-01-08", ""},
      {R"({"text":"x","published":1704682800})", "d", "2024-01-08", ""},
      {R"({"text":"x","published":1704682800000})", "d", "2024-01-08", ""},
      {R"({"text":"x","published":""})", "d", "", ""},
      {R"({"text":"x","published":null})", "d", "", ""},
      {R"({"text":"x","published":"kemarin sore"})", "d", "",
       "publication date \"kemarin sore\" not understood; coded without one"},
      {R"({"text":"x","published":true})", "d", "",
       "publication date \"true\" not understood; coded without one"},
  };
  for (const Case& c : cases) {
    std::string warning;
    auto article = ParseArticleJson(c.line, "d", &warning);
    ASSERT_TRUE(article.ok()) << c.line << ": " << article.status().message();
    EXPECT_EQ(article.value().id, c.id) << c.line;
    EXPECT_EQ(article.value().published ? article.value().published->ToString() : "", c.published)
        << c.line;
    EXPECT_EQ(warning, c.warning) << c.line;
  }
  EXPECT_FALSE(ParseArticleJson(R"({"id":[1],"text":"x"})", "d").ok());
}

TEST(ReaderTest, RefusesBinaryBrokenUtf8EmptyAndHugeInput) {
  EXPECT_NE(
      ReadAll(WriteTemp("bin.txt", std::string("ab\0cd", 5)))[0].article.status().message().find(
          "binary data"),
      std::string::npos);
  EXPECT_NE(ReadAll(WriteTemp("bad.txt", "caf\xC3 ok"))[0].article.status().message().find(
                "invalid UTF-8 at byte 3"),
            std::string::npos);
  EXPECT_NE(ReadAll(WriteTemp("empty.txt", " \n"))[0].article.status().message().find("empty"),
            std::string::npos);
}

// Issue 11: a 50 MB file was reported as "16 MB": the size said is the file's.
TEST(ReaderTest, TooLargeInputSaysItsRealSize) {
  std::string path = WriteTemp("huge.txt", std::string(kMaxArticleBytes + (9u << 19), 'a'));
  auto items = ReadAll(path);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].article.status().message(),
            path + ": article is 20.5 MB, over the 16 MB limit");
  std::remove(path.c_str());
  path = WriteTemp("huge.html", "<p>" + std::string(kMaxArticleBytes + (1u << 20), 'a'));
  EXPECT_EQ(ReadAll(path)[0].article.status().message(),
            path + ": page is 17 MB, over the 16 MB limit");
  std::remove(path.c_str());
}

TEST(ReaderTest, SizesAreDescribedWithoutOverstating) {
  EXPECT_EQ(DescribeSize(300), "300 bytes");
  EXPECT_EQ(DescribeSize(16u << 20), "16 MB");
  EXPECT_EQ(DescribeSize((16u << 20) + 100), "16 MB");
  EXPECT_EQ(DescribeSize(52'794'000), "50.3 MB");
  EXPECT_EQ(DescribeSize((1u << 20) * 2 - 1), "1.9 MB");
}

TEST(ReaderTest, MissingFileIsAnError) {
  auto items = ReadAll("/nonexistent/warta.txt");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].article.status().message(), "/nonexistent/warta.txt: cannot open file");
}

}  // namespace
}  // namespace warta
