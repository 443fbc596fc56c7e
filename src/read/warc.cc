#include "read/warc.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

#include "read/html.h"
#include "util/text.h"

namespace warta {

namespace {

constexpr size_t kMaxHeaderLineBytes = 1 << 16;
constexpr size_t kMaxHeaderBytes = 1 << 20;

using Fields = std::map<std::string, std::string>;

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::string Field(const Fields& fields, const std::string& name) {
  auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

std::string StripAngles(std::string_view text) {
  if (text.size() >= 2 && text.front() == '<' && text.back() == '>') {
    text = text.substr(1, text.size() - 2);
  }
  return std::string(text);
}

std::optional<uint64_t> ParseNumber(std::string_view text, int base) {
  uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Adds "Name: value" to *fields (name lowercased, first one kept).
void AddField(std::string_view line, Fields* fields) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;  // not a field: ignored
  fields->emplace(Lower(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
}

struct HttpResponse {
  int status = 0;
  Fields headers;
  std::string_view body;
};

Result<HttpResponse> ParseHttp(std::string_view block) {
  size_t crlf = block.find("\r\n\r\n");
  size_t lf = block.find("\n\n");
  size_t end = std::min(crlf, lf);
  if (end == std::string_view::npos) {
    return Status::InvalidInput("HTTP response without a blank line after its headers");
  }
  HttpResponse response;
  response.body = block.substr(end + (end == crlf ? 4 : 2));
  std::vector<std::string> lines = Split(block.substr(0, end), '\n');
  std::string_view status_line = Trim(lines.front());
  size_t space = status_line.find(' ');
  auto status = ParseNumber(
      space == std::string_view::npos ? "" : Trim(status_line.substr(space + 1, 4)), 10);
  if (!status_line.starts_with("HTTP/") || !status) {
    return Status::InvalidInput("not an HTTP response");
  }
  response.status = static_cast<int>(*status);
  for (size_t i = 1; i < lines.size(); ++i) AddField(lines[i], &response.headers);
  return response;
}

// Undoes `Transfer-Encoding: chunked` (trailers are ignored).
Result<std::string> Dechunk(std::string_view body) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) return Status::InvalidInput("truncated chunked body");
    std::string_view size_line = body.substr(pos, eol - pos);
    auto size = ParseNumber(Trim(size_line.substr(0, size_line.find(';'))), 16);
    if (!size) return Status::InvalidInput("bad chunk size in chunked body");
    pos = eol + 1;
    if (*size == 0) return out;
    if (*size > body.size() - pos) return Status::InvalidInput("truncated chunked body");
    out.append(body.substr(pos, *size));
    pos += *size;
    if (body.substr(pos, 2) == "\r\n") pos += 2;
    if (body.substr(pos, 1) == "\n") pos += 1;
  }
}

// Undoes `Content-Encoding: gzip` or `deflate` (zlib format), in memory, up to
// kMaxArticleBytes.
Result<std::string> Inflate(std::string_view body) {
  z_stream stream{};
  if (inflateInit2(&stream, 32 + MAX_WBITS) != Z_OK) {
    return Status::IoError("cannot start gzip decompression");
  }
  std::string out;
  char buffer[1 << 14];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  stream.avail_in = static_cast<uInt>(std::min<size_t>(body.size(), kMaxWarcRecordBytes));
  int code = Z_OK;
  while (code == Z_OK && out.size() <= kMaxArticleBytes) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    code = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  inflateEnd(&stream);
  if (out.size() > kMaxArticleBytes) {
    return Status::InvalidInput("page is larger than the " + DescribeSize(kMaxArticleBytes) +
                                " limit");
  }
  if (code != Z_STREAM_END) return Status::InvalidInput("corrupt compressed HTTP body");
  return out;
}

Result<std::string> DecodeBody(const HttpResponse& response) {
  std::string body(response.body);
  if (Lower(Field(response.headers, "transfer-encoding")).find("chunked") != std::string::npos) {
    auto dechunked = Dechunk(body);
    if (!dechunked.ok()) return dechunked.status();
    body = std::move(dechunked).value();
  }
  std::string encoding = Lower(Field(response.headers, "content-encoding"));
  if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") return Inflate(body);
  if (!encoding.empty() && encoding != "identity") {
    return Status::InvalidInput("unsupported Content-Encoding \"" + encoding + "\"");
  }
  return body;
}

bool IsHtml(const std::string& content_type) {
  std::string type = Lower(content_type);
  return type.find("text/html") != std::string::npos ||
         type.find("application/xhtml+xml") != std::string::npos;
}

// The article in a response record's block; nullopt for a page that is not
// one (not 200, not HTML).
Result<std::optional<Article>> PageArticle(std::string_view block, const Fields& fields) {
  auto response = ParseHttp(block);
  if (!response.ok()) return response.status();
  if (response.value().status != 200) return std::optional<Article>();
  if (!IsHtml(Field(response.value().headers, "content-type"))) return std::optional<Article>();
  auto body = DecodeBody(response.value());
  if (!body.ok()) return body.status();
  auto article = ArticleFromHtml(body.value(), StripAngles(Field(fields, "warc-record-id")));
  if (!article.ok()) return article.status();
  if (article.value().url.empty()) {
    article.value().url = StripAngles(Field(fields, "warc-target-uri"));
  }
  return std::optional<Article>(std::move(article).value());
}

// `status` with the record's location in front; errors of the source already
// start with the file's name, which the location replaces.
Status NameRecord(const Status& status, const std::string& name, const std::string& location) {
  const std::string prefix = name + ": ";
  if (!status.message().starts_with(prefix)) return status.WithContext(location);
  std::string message = location + ": " + status.message().substr(prefix.size());
  switch (status.code()) {
    case Status::Code::kIoError:
      return Status::IoError(std::move(message));
    case Status::Code::kNotFound:
      return Status::NotFound(std::move(message));
    case Status::Code::kInvalidData:
      return Status::InvalidData(std::move(message));
    default:
      return Status::InvalidInput(std::move(message));
  }
}

}  // namespace

WarcReader::WarcReader(ByteSource* source, std::string name)
    : name_(std::move(name)), lines_(source, kMaxHeaderLineBytes) {}

std::string WarcReader::Location(uint64_t offset) const {
  return name_ + "@" + std::to_string(offset);
}

bool WarcReader::Next(ReadItem* item) {
  while (!done_) {
    RecordHeader header;
    auto got = ReadHeader(&header);
    if (!got.ok()) return Stop(header.offset, got.status(), item);
    if (!got.value()) break;
    if (ReadBlock(header, item)) return true;
  }
  done_ = true;
  return false;
}

Result<bool> WarcReader::ReadHeader(RecordHeader* header) {
  std::string line;
  do {  // blank lines end the previous record
    header->offset = lines_.offset();
    auto got = lines_.Next(&line);
    if (!got.ok()) return got.status();
    if (!got.value()) return false;
  } while (Trim(line).empty());
  if (!line.starts_with("WARC/")) {
    return Status::InvalidInput("not a WARC record header: \"" + line.substr(0, 40) + "\"");
  }
  Status fields = ReadFields(header);
  if (!fields.ok()) return fields;
  auto length = ParseNumber(Field(header->fields, "content-length"), 10);
  if (!length) return Status::InvalidInput("WARC record without a valid Content-Length");
  header->length = *length;
  return true;
}

Status WarcReader::ReadFields(RecordHeader* header) {
  std::string line, field;
  size_t total = 0;
  while (true) {
    auto got = lines_.Next(&line);
    if (!got.ok()) return got.status();
    if (!got.value()) return Status::InvalidInput("truncated WARC record header (no blank line)");
    total += line.size();
    if (total > kMaxHeaderBytes) {
      return Status::InvalidInput("WARC record header larger than " +
                                  DescribeSize(kMaxHeaderBytes));
    }
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {  // continues the field
      field += ' ';
      field += Trim(line);
      continue;
    }
    if (!field.empty()) AddField(field, &header->fields);
    if (line.empty()) return Status::Ok();
    field = line;
  }
}

bool WarcReader::ReadBlock(const RecordHeader& header, ReadItem* item) {
  std::string type = Lower(Field(header.fields, "warc-type"));
  bool wanted = type == "response" && header.length <= kMaxWarcRecordBytes;
  block_.clear();
  auto got = wanted ? lines_.ReadBytes(header.length, &block_) : lines_.Skip(header.length);
  if (!got.ok()) return Stop(header.offset, got.status(), item);
  if (got.value() < header.length) {
    return Stop(header.offset,
                Status::InvalidInput("truncated WARC record: " + std::to_string(got.value()) +
                                     " of " + std::to_string(header.length) + " bytes"),
                item);
  }
  if (type != "response") return false;
  item->location = Location(header.offset);
  if (!wanted) {
    item->article =
        Status::InvalidInput("record is " + DescribeSize(header.length) + ", larger than the " +
                             DescribeSize(kMaxWarcRecordBytes) + " limit")
            .WithContext(item->location);
    return true;
  }
  auto page = PageArticle(block_, header.fields);
  if (!page.ok()) {
    item->article = page.status().WithContext(item->location);
    return true;
  }
  if (!page.value()) return false;
  item->article = std::move(*page.value());
  return true;
}

bool WarcReader::Stop(uint64_t offset, const Status& status, ReadItem* item) {
  done_ = true;
  item->location = Location(offset);
  item->article = NameRecord(status, name_, item->location);
  return true;
}

}  // namespace warta
