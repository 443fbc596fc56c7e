#include "read/decompress.h"

#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <fstream>
#include <sstream>

namespace warta {
namespace {

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "decompress_" + name;
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

// Writes `members` as one gzip member each, one after another.
void WriteGzip(const std::string& path, const std::vector<std::string>& members) {
  std::remove(path.c_str());
  for (const std::string& member : members) {
    gzFile file = gzopen(path.c_str(), "ab");
    ASSERT_NE(file, nullptr);
    ASSERT_EQ(gzwrite(file, member.data(), static_cast<unsigned>(member.size())),
              static_cast<int>(member.size()));
    gzclose(file);
  }
}

std::string Zstd(const std::string& content) {
  std::string out(ZSTD_compressBound(content.size()), '\0');
  size_t size = ZSTD_compress(out.data(), out.size(), content.data(), content.size(), 3);
  EXPECT_FALSE(ZSTD_isError(size));
  out.resize(size);
  return out;
}

// Several hundred KB of text that does not repeat much (more than one buffer
// of compressed input).
std::string LongText() {
  std::string text;
  uint32_t state = 12345;
  const char* words[] = {"presiden ", "menteri ", "bertemu ", "di ",    "Jakarta ", "pada ",
                         "Senin ",    "dengan ",  "duta ",    "besar ", "Jepang.\n"};
  while (text.size() < 400000) {
    state = state * 1103515245 + 12345;
    text += words[(state >> 16) % 11];
    text += std::to_string(state % 1000) + " ";
  }
  return text;
}

// Reads everything through small reads; the error if there is one.
Result<std::string> ReadAll(const std::string& path, size_t chunk = 1000) {
  auto source = OpenByteSource(path);
  if (!source.ok()) return source.status();
  std::string content;
  std::string buffer(chunk, '\0');
  while (true) {
    auto got = source.value()->Read(buffer.data(), buffer.size());
    if (!got.ok()) return got.status();
    if (got.value() == 0) return content;
    content.append(buffer.data(), got.value());
  }
}

TEST(DecompressTest, PlainGzipAndZstdRoundTrip) {
  const std::string text = LongText();
  WriteFile(TempPath("round.txt"), text);
  WriteGzip(TempPath("round.txt.gz"), {text});
  WriteFile(TempPath("round.txt.zst"), Zstd(text));
  for (const char* name : {"round.txt", "round.txt.gz", "round.txt.zst"}) {
    for (size_t chunk : {size_t{1}, size_t{4096}, size_t{1} << 20}) {
      if (chunk == 1 && std::string(name) != "round.txt.gz") continue;  // slow; once is enough
      auto content = ReadAll(TempPath(name), chunk);
      ASSERT_TRUE(content.ok()) << name << ": " << content.status().message();
      EXPECT_EQ(content.value(), text) << name << " read " << chunk << " bytes at a time";
    }
  }
}

TEST(DecompressTest, DetectsTheFormatByMagicBytesNotByName) {
  WriteGzip(TempPath("gzip_named.txt"), {"gzip inside a .txt"});
  WriteFile(TempPath("zstd_named.dat"), Zstd("zstd inside a .dat"));
  WriteFile(TempPath("plain_named.gz"), "plain text named .gz");
  EXPECT_EQ(ReadAll(TempPath("gzip_named.txt")).value(), "gzip inside a .txt");
  EXPECT_EQ(ReadAll(TempPath("zstd_named.dat")).value(), "zstd inside a .dat");
  EXPECT_EQ(ReadAll(TempPath("plain_named.gz")).value(), "plain text named .gz");
  WriteFile(TempPath("empty.gz"), "");
  EXPECT_EQ(ReadAll(TempPath("empty.gz")).value(), "");
}

TEST(DecompressTest, MultiMemberGzipReadsWhole) {
  const std::string big = LongText();
  WriteGzip(TempPath("members.gz"), {"first member\n", big, "third member\n", ""});
  auto content = ReadAll(TempPath("members.gz"));
  ASSERT_TRUE(content.ok()) << content.status().message();
  EXPECT_EQ(content.value(), "first member\n" + big + "third member\n");
}

TEST(DecompressTest, CorruptGzipNamesFileAndCompressedOffset) {
  const std::string path = TempPath("corrupt.warc.gz");
  WriteGzip(path, {LongText()});
  std::string bytes = ReadFile(path);
  for (size_t i = bytes.size() / 2; i < bytes.size() / 2 + 64; ++i) bytes[i] = ~bytes[i];
  WriteFile(path, bytes);
  auto content = ReadAll(path);
  ASSERT_FALSE(content.ok());
  const std::string& message = content.status().message();
  const std::string prefix = path + ": corrupt gzip data at byte ";
  ASSERT_EQ(message.substr(0, prefix.size()), prefix) << message;
  long offset = std::stol(message.substr(prefix.size()));
  EXPECT_GE(offset, static_cast<long>(bytes.size() / 2)) << message;
  EXPECT_LE(offset, static_cast<long>(bytes.size())) << message;
}

// Reads to the end, going on after errors that do not end the stream: the
// bytes read, and the errors.
std::pair<std::string, std::vector<std::string>> ReadThrough(const std::string& path) {
  auto source = OpenByteSource(path);
  EXPECT_TRUE(source.ok());
  std::string content;
  std::vector<std::string> errors;
  char buffer[4096];
  while (errors.size() < 10) {
    auto got = source.value()->Read(buffer, sizeof buffer);
    if (!got.ok()) {
      errors.push_back(got.status().message());
      if (source.value()->ended()) break;
      continue;
    }
    if (got.value() == 0) break;
    content.append(buffer, got.value());
  }
  return {content, errors};
}

// Issue 11: after one corrupt member the rest of a .warc.gz was lost.
TEST(DecompressTest, CorruptGzipMemberIsSkippedAndTheNextMembersRead) {
  const std::string path = TempPath("members_corrupt.gz");
  const std::vector<std::string> members = {"first member\n", LongText(), "third member\n",
                                            "fourth member\n"};
  std::vector<size_t> starts;  // of each member in the file
  std::remove(path.c_str());
  for (const std::string& member : members) {
    starts.push_back(ReadFile(path).size());
    std::vector<std::string> one = {member};
    WriteGzip(TempPath("member.gz"), one);
    WriteFile(path, ReadFile(path) + ReadFile(TempPath("member.gz")));
  }
  std::string bytes = ReadFile(path);
  size_t middle = (starts[1] + starts[2]) / 2;
  for (size_t i = middle; i < middle + 64; ++i) bytes[i] = ~bytes[i];
  WriteFile(path, bytes);

  auto [content, errors] = ReadThrough(path);
  ASSERT_EQ(errors.size(), 1u) << content.size();
  const std::string prefix = path + ": corrupt gzip data at byte ";
  ASSERT_EQ(errors[0].substr(0, prefix.size()), prefix) << errors[0];
  size_t offset = std::stoul(errors[0].substr(prefix.size()));
  EXPECT_GE(offset, middle) << errors[0];
  EXPECT_LT(offset, starts[2]) << errors[0];
  EXPECT_TRUE(
      errors[0].ends_with("; skipped to the next gzip member at byte " + std::to_string(starts[2])))
      << errors[0];
  EXPECT_TRUE(content.starts_with("first member\n")) << content.substr(0, 40);
  EXPECT_TRUE(content.ends_with("third member\nfourth member\n"));
  EXPECT_LT(content.size(), members[0].size() + members[1].size());

  // A corrupt last member: said so, and then the end.
  std::string last = ReadFile(path).substr(0, starts[3]) + "\x1f\x8b\x08 not a member";
  WriteFile(path, last);
  std::tie(content, errors) = ReadThrough(path);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_TRUE(errors[1].ends_with("; no gzip member after it")) << errors[1];
  EXPECT_TRUE(content.ends_with("third member\n"));
}

TEST(DecompressTest, PeekedBytesAreReadAgain) {
  WriteGzip(TempPath("peek.gz"), {"<html>", "<p>Isi.</p>"});
  auto source = OpenByteSource(TempPath("peek.gz"));
  ASSERT_TRUE(source.ok());
  std::unique_ptr<ByteSource> bytes = std::move(source).value();
  EXPECT_EQ(PeekHead(&bytes, 4), "<htm");
  std::string content(100, '\0');
  size_t total = 0;
  for (size_t got = 1; got > 0; total += got) {
    got = bytes->Read(content.data() + total, 3).value();
  }
  EXPECT_EQ(content.substr(0, total), "<html><p>Isi.</p>");
  EXPECT_EQ(bytes->name(), TempPath("peek.gz"));
}

TEST(DecompressTest, TruncatedStreamsNameFileAndOffset) {
  const std::string text = LongText();
  std::string zstd = Zstd(text);
  zstd.resize(zstd.size() / 2);
  WriteFile(TempPath("cut.jsonl.zst"), zstd);
  auto content = ReadAll(TempPath("cut.jsonl.zst"));
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(
      content.status().message(),
      TempPath("cut.jsonl.zst") + ": truncated zstd data at byte " + std::to_string(zstd.size()));

  WriteGzip(TempPath("cut.gz"), {text});
  std::string gzip = ReadFile(TempPath("cut.gz"));
  gzip.resize(gzip.size() - 100);
  WriteFile(TempPath("cut.gz"), gzip);
  content = ReadAll(TempPath("cut.gz"));
  ASSERT_FALSE(content.ok());
  EXPECT_EQ(content.status().message(),
            TempPath("cut.gz") + ": truncated gzip data at byte " + std::to_string(gzip.size()));
}

TEST(DecompressTest, ErrorsAreStickyAndMissingFilesNamed) {
  WriteFile(TempPath("junk.zst"), std::string("\x28\xb5\x2f\xfd", 4) + std::string(100, 'x'));
  auto source = OpenByteSource(TempPath("junk.zst"));
  ASSERT_TRUE(source.ok());
  char buffer[64];
  auto first = source.value()->Read(buffer, sizeof buffer);
  ASSERT_FALSE(first.ok());
  EXPECT_NE(first.status().message().find("corrupt zstd data at byte"), std::string::npos);
  auto again = source.value()->Read(buffer, sizeof buffer);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().message(), first.status().message());

  auto missing = OpenByteSource("/nonexistent/warta.gz");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "/nonexistent/warta.gz: cannot open file");
  auto folder = OpenByteSource(::testing::TempDir());
  ASSERT_FALSE(folder.ok());
  EXPECT_NE(folder.status().message().find("is a folder"), std::string::npos);
}

// Reads everything from an in-memory source; the error if there is one.
Result<std::string> ReadAllInMemory(const std::string& bytes, const std::string& name) {
  auto source = OpenMemoryByteSource(bytes, name);
  if (!source.ok()) return source.status();
  std::string content;
  char buffer[777];
  while (true) {
    auto got = source.value()->Read(buffer, sizeof buffer);
    if (!got.ok()) return got.status();
    if (got.value() == 0) return content;
    content.append(buffer, got.value());
  }
}

TEST(DecompressTest, BytesInMemoryReadAsTheSameFileWould) {
  const std::string text = LongText();
  WriteGzip(TempPath("memory.gz"), {"first member\n", text});
  EXPECT_EQ(ReadAllInMemory(ReadFile(TempPath("memory.gz")), "m.gz").value(),
            "first member\n" + text);
  EXPECT_EQ(ReadAllInMemory(Zstd(text), "m.zst").value(), text);
  EXPECT_EQ(ReadAllInMemory(text, "m.txt").value(), text);
  EXPECT_EQ(ReadAllInMemory("", "empty").value(), "");
  std::string zstd = Zstd(text);
  zstd.resize(zstd.size() / 2);
  auto cut = ReadAllInMemory(zstd, "cut.zst");
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.status().message(),
            "cut.zst: truncated zstd data at byte " + std::to_string(zstd.size()));
}

TEST(DecompressTest, StripsCompressionSuffixes) {
  EXPECT_EQ(StripCompressionSuffix("crawl.warc.gz"), "crawl.warc");
  EXPECT_EQ(StripCompressionSuffix("a.jsonl.ZST"), "a.jsonl");
  EXPECT_EQ(StripCompressionSuffix("a.txt"), "a.txt");
  EXPECT_EQ(StripCompressionSuffix("gz"), "gz");
}

TEST(LineReaderTest, SplitsLinesAndSkipsOverLongOnes) {
  WriteGzip(TempPath("lines.gz"),
            {"one\r\n", "two\n\n" + std::string(5000, 'x') + "\nthree\n", "last without end"});
  auto source = OpenByteSource(TempPath("lines.gz"));
  ASSERT_TRUE(source.ok());
  LineReader lines(source.value().get(), 1000);
  std::string line;
  std::vector<std::string> got;
  while (true) {
    auto next = lines.Next(&line);
    if (next.ok() && !next.value()) break;
    got.push_back(next.ok() ? line
                            : "error " + std::to_string(lines.line_number()) + ": " +
                                  next.status().message());
  }
  std::vector<std::string> expected = {
      "one",   "two",
      "",      "error 4: line is 5000 bytes, over the 1000 bytes limit",
      "three", "last without end"};
  EXPECT_EQ(got, expected);
  EXPECT_EQ(lines.line_number(), 6);
}

TEST(LineReaderTest, ReadsBlocksBetweenLinesAndCountsOffsets) {
  WriteFile(TempPath("blocks.txt"), "head\nBLOCK1234tail\n");
  auto source = OpenByteSource(TempPath("blocks.txt"));
  ASSERT_TRUE(source.ok());
  LineReader lines(source.value().get());
  std::string line, block;
  ASSERT_TRUE(lines.Next(&line).value());
  EXPECT_EQ(lines.offset(), 5u);
  EXPECT_EQ(lines.ReadBytes(5, &block).value(), 5u);
  EXPECT_EQ(block, "BLOCK");
  EXPECT_EQ(lines.Skip(4).value(), 4u);
  ASSERT_TRUE(lines.Next(&line).value());
  EXPECT_EQ(line, "tail");
  EXPECT_EQ(lines.Skip(10).value(), 0u);
  EXPECT_FALSE(lines.Next(&line).value());
}

TEST(LineReaderTest, SourceErrorIsReportedOnceThenEnds) {
  std::string zstd = Zstd("a\nb\n" + LongText());
  zstd.resize(zstd.size() - 10);
  WriteFile(TempPath("lines_cut.zst"), zstd);
  auto source = OpenByteSource(TempPath("lines_cut.zst"));
  ASSERT_TRUE(source.ok());
  LineReader lines(source.value().get());
  std::string line;
  int errors = 0;
  while (true) {
    auto next = lines.Next(&line);
    if (next.ok() && !next.value()) break;
    if (!next.ok()) {
      ++errors;
      EXPECT_NE(next.status().message().find("truncated zstd data"), std::string::npos);
    }
  }
  EXPECT_EQ(errors, 1);
}

}  // namespace
}  // namespace warta
