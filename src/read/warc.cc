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
  // Past the limit the bytes are only counted, for the message, and only so
  // far: a small body can inflate to gigabytes.
  constexpr uint64_t kCounted = uint64_t{64} * kMaxArticleBytes;
  uint64_t total = 0;
  while (code == Z_OK && total <= kCounted) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    code = inflate(&stream, Z_NO_FLUSH);
    size_t got = sizeof buffer - stream.avail_out;
    total += got;
    if (total <= kMaxArticleBytes) out.append(buffer, got);
  }
  inflateEnd(&stream);
  if (total > kCounted) {
    return Status::InvalidInput("page is more than " + DescribeSize(kCounted) + ", over the " +
                                DescribeSize(kMaxArticleBytes) + " limit");
  }
  if (total > kMaxArticleBytes) return OverLimit("page", total, kMaxArticleBytes);
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
// one (not 200, not HTML). Its id is the URI it was fetched from.
Result<std::optional<Article>> PageArticle(std::string_view block, const Fields& fields,
                                           std::string* warning) {
  auto response = ParseHttp(block);
  if (!response.ok()) return response.status();
  if (response.value().status != 200) return std::optional<Article>();
  if (!IsHtml(Field(response.value().headers, "content-type"))) return std::optional<Article>();
  auto body = DecodeBody(response.value());
  if (!body.ok()) return body.status();
  std::string uri = StripAngles(Field(fields, "warc-target-uri"));
  std::string id = !uri.empty() ? uri : StripAngles(Field(fields, "warc-record-id"));
  auto article = ArticleFromHtml(body.value(), id, warning);
  if (!article.ok()) return article.status();
  if (article.value().url.empty()) article.value().url = uri;
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
  item->warning.clear();
  while (!done_) {
    RecordHeader header;
    auto got = ReadHeader(&header);
    if (!got.ok()) return Fail(header.offset, got.status(), item);
    if (!got.value()) break;
    if (ReadBlock(header, item)) return true;
  }
  done_ = true;
  return false;
}

Result<bool> WarcReader::ReadHeader(RecordHeader* header) {
  std::string line;
  while (true) {  // blank lines end the previous record
    header->offset = lines_.offset();
    auto got = lines_.Next(&line);
    if (!got.ok() && (!resync_ || lines_.source_error())) return got.status();
    if (got.ok() && !got.value()) return false;
    // After lost bytes, the rest of the record they cut is skipped unread.
    bool skipped = resync_ && (!got.ok() || !line.starts_with("WARC/"));
    if (!skipped && !Trim(line).empty()) break;
  }
  resync_ = false;
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
  if (!got.ok()) return Fail(header.offset, got.status(), item);
  if (got.value() < header.length) {
    return Fail(header.offset,
                Status::InvalidInput("truncated WARC record: " + std::to_string(got.value()) +
                                     " of " + std::to_string(header.length) + " bytes"),
                item);
  }
  if (type != "response") return false;
  item->location = Location(header.offset);
  if (!wanted) {
    item->article =
        OverLimit("record", header.length, kMaxWarcRecordBytes).WithContext(item->location);
    return true;
  }
  std::string warning;
  auto page = PageArticle(block_, header.fields, &warning);
  if (!page.ok()) {
    item->article = page.status().WithContext(item->location);
    return true;
  }
  if (!page.value()) return false;
  item->article = std::move(*page.value());
  if (!warning.empty()) item->warning = item->location + ": " + warning;
  return true;
}

bool WarcReader::Fail(uint64_t offset, const Status& status, ReadItem* item) {
  resync_ = lines_.source_error() && !lines_.ended();
  done_ = !resync_;
  item->location = Location(offset);
  item->article = NameRecord(status, name_, item->location);
  return true;
}

}  // namespace warta
