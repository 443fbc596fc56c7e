#include "read/reader.h"

#include <gtest/gtest.h>

#include <fstream>

namespace warta {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::vector<ReadItem> ReadAll(const std::string& path) {
  auto reader = ArticleReader::Open(path);
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
  EXPECT_NE(items[5].article.status().message().find("not a YYYY-MM-DD date"), std::string::npos);
  ASSERT_TRUE(items[6].article.ok());
  EXPECT_EQ(items[6].article.value().id, "mixed.jsonl:8");
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
  std::string huge(kMaxArticleBytes + 10, 'a');
  EXPECT_NE(ReadAll(WriteTemp("huge.txt", huge))[0].article.status().message().find("limit"),
            std::string::npos);
}

TEST(ReaderTest, MissingFileIsAnError) {
  auto reader = ArticleReader::Open("/nonexistent/warta.txt");
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(reader.status().message().find("/nonexistent/warta.txt"), std::string::npos);
}

}  // namespace
}  // namespace warta
