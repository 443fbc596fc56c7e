#include "read/decompress.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace warta {

namespace {

constexpr size_t kBufferBytes = 1 << 16;

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// The raw bytes of a file through a fixed buffer, with their file offsets.
class FileInput {
 public:
  FileInput(std::string name, FilePtr file)
      : name_(std::move(name)), file_(std::move(file)), buffer_(new char[kBufferBytes]) {}

  const std::string& name() const { return name_; }

  // Buffers more bytes when none are left (no-op at the end of the file).
  Status Fill() {
    if (begin_ < end_ || eof_) return Status::Ok();
    begin_ = 0;
    end_ = std::fread(buffer_.get(), 1, kBufferBytes, file_.get());
    read_ += end_;
    if (end_ < kBufferBytes) {
      if (std::ferror(file_.get())) return Status::IoError(name_ + ": read error");
      eof_ = true;
    }
    return Status::Ok();
  }

  const char* data() const { return buffer_.get() + begin_; }
  size_t size() const { return end_ - begin_; }
  void Consume(size_t count) { begin_ += count; }
  // Offset in the file of data()[0].
  uint64_t offset() const { return read_ - (end_ - begin_); }

 private:
  std::string name_;
  FilePtr file_;
  std::unique_ptr<char[]> buffer_;
  size_t begin_ = 0;
  size_t end_ = 0;
  uint64_t read_ = 0;
  bool eof_ = false;
};

// What every source shares: its input and its sticky error.
class SourceBase : public ByteSource {
 public:
  explicit SourceBase(FileInput input) : input_(std::move(input)) {}
  const std::string& name() const override { return input_.name(); }

 protected:
  Status Fail(Status status) {
    status_ = std::move(status);
    return status_;
  }
  Status Corrupt(const char* format, const char* detail) {
    std::string message =
        input_.name() + ": corrupt " + format + " data at byte " + std::to_string(input_.offset());
    if (detail != nullptr && *detail != '\0') message += std::string(" (") + detail + ")";
    return Fail(Status::InvalidInput(message));
  }
  Status Truncated(const char* format) {
    return Fail(Status::InvalidInput(input_.name() + ": truncated " + format + " data at byte " +
                                     std::to_string(input_.offset())));
  }

  FileInput input_;
  Status status_;
};

class PlainSource : public SourceBase {
 public:
  using SourceBase::SourceBase;

  Result<size_t> Read(char* buffer, size_t size) override {
    if (!status_.ok()) return status_;
    Status filled = input_.Fill();
    if (!filled.ok()) return Fail(filled);
    size_t count = std::min(size, input_.size());
    std::memcpy(buffer, input_.data(), count);
    input_.Consume(count);
    return count;
  }
};

// gzip through zlib; a new member after the end of one restarts inflate.
class GzipSource : public SourceBase {
 public:
  explicit GzipSource(FileInput input) : SourceBase(std::move(input)) {
    if (inflateInit2(&stream_, 16 + MAX_WBITS) != Z_OK) {
      Fail(Status::IoError(name() + ": cannot start gzip decompression"));
    }
  }
  ~GzipSource() override { inflateEnd(&stream_); }

  Result<size_t> Read(char* buffer, size_t size) override {
    if (!status_.ok()) return status_;
    const uInt capacity = static_cast<uInt>(std::min<size_t>(size, 1u << 30));
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = capacity;
    while (stream_.avail_out == capacity && capacity > 0) {
      Status filled = input_.Fill();
      if (!filled.ok()) return Fail(filled);
      if (member_ended_) {
        if (input_.size() == 0) break;  // the last member ended with the file
        inflateReset(&stream_);
        member_ended_ = false;
      }
      stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input_.data()));
      stream_.avail_in = static_cast<uInt>(input_.size());
      int code = inflate(&stream_, Z_NO_FLUSH);
      input_.Consume(input_.size() - stream_.avail_in);
      if (code == Z_STREAM_END) {
        member_ended_ = true;
      } else if (code == Z_BUF_ERROR) {  // no input left, no progress: cut short
        return Truncated("gzip");
      } else if (code != Z_OK) {
        return Corrupt("gzip", stream_.msg);
      }
    }
    return static_cast<size_t>(capacity - stream_.avail_out);
  }

 private:
  z_stream stream_{};
  bool member_ended_ = false;
};

// zstd through libzstd's streaming API; it reads frame after frame itself.
class ZstdSource : public SourceBase {
 public:
  explicit ZstdSource(FileInput input)
      : SourceBase(std::move(input)), stream_(ZSTD_createDStream()) {
    if (stream_ == nullptr || ZSTD_isError(ZSTD_initDStream(stream_))) {
      Fail(Status::IoError(name() + ": cannot start zstd decompression"));
    }
  }
  ~ZstdSource() override { ZSTD_freeDStream(stream_); }

  Result<size_t> Read(char* buffer, size_t size) override {
    if (!status_.ok()) return status_;
    ZSTD_outBuffer out{buffer, size, 0};
    while (out.pos == 0 && size > 0) {
      Status filled = input_.Fill();
      if (!filled.ok()) return Fail(filled);
      if (input_.size() == 0 && pending_ == 0) break;  // a frame ended with the file
      ZSTD_inBuffer in{input_.data(), input_.size(), 0};
      size_t result = ZSTD_decompressStream(stream_, &out, &in);
      input_.Consume(in.pos);
      if (ZSTD_isError(result)) return Corrupt("zstd", ZSTD_getErrorName(result));
      pending_ = result;
      if (out.pos == 0 && in.size == 0) return Truncated("zstd");
    }
    return out.pos;
  }

 private:
  ZSTD_DStream* stream_;
  size_t pending_ = 1;  // 0 when the last frame is complete
};

bool StartsWithBytes(const FileInput& input, const char* magic, size_t size) {
  return input.size() >= size && std::memcmp(input.data(), magic, size) == 0;
}

bool EndsWithNoCase(const std::string& text, const std::string& suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), text.end() - suffix.size(), [](char a, char b) {
    return a == std::tolower(static_cast<unsigned char>(b));
  });
}

// Chooses the decoder by the first bytes of `input`.
Result<std::unique_ptr<ByteSource>> SourceFor(FileInput input) {
  Status filled = input.Fill();
  if (!filled.ok()) return filled;
  std::unique_ptr<ByteSource> source;
  if (StartsWithBytes(input, "\x1f\x8b", 2)) {
    source = std::make_unique<GzipSource>(std::move(input));
  } else if (StartsWithBytes(input, "\x28\xb5\x2f\xfd", 4)) {
    source = std::make_unique<ZstdSource>(std::move(input));
  } else {
    source = std::make_unique<PlainSource>(std::move(input));
  }
  return source;
}

}  // namespace

Result<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return Status::InvalidInput(path + ": is a folder, not a file");
  }
  FilePtr file(std::fopen(path.c_str(), "rb"));
  if (file == nullptr) return Status::NotFound(path + ": cannot open file");
  return SourceFor(FileInput(path, std::move(file)));
}

Result<std::unique_ptr<ByteSource>> OpenMemoryByteSource(std::string_view bytes, std::string name) {
  // fmemopen gives the same FILE* a file would, so memory and files share
  // every line of the decoders. "rb" never writes to the buffer.
  static char empty[1] = {0};
  char* data = bytes.empty() ? empty : const_cast<char*>(bytes.data());
  FilePtr file(fmemopen(data, bytes.size(), "rb"));
  if (file == nullptr) return Status::IoError(name + ": cannot read bytes in memory");
  return SourceFor(FileInput(std::move(name), std::move(file)));
}

std::string StripCompressionSuffix(const std::string& name) {
  for (const char* suffix : {".gz", ".zst"}) {
    if (EndsWithNoCase(name, suffix)) return name.substr(0, name.size() - std::strlen(suffix));
  }
  return name;
}

std::string DescribeSize(uint64_t bytes) {
  if (bytes >= (1u << 20)) return std::to_string(bytes >> 20) + " MB";
  return std::to_string(bytes) + " bytes";
}

LineReader::LineReader(ByteSource* source, size_t max_line_bytes)
    : source_(source), max_line_bytes_(max_line_bytes), buffer_(new char[kBufferBytes]) {}

bool LineReader::Fill() {
  if (begin_ < end_) return true;
  if (at_end_) return false;
  auto got = source_->Read(buffer_.get(), kBufferBytes);
  begin_ = 0;
  end_ = got.ok() ? got.value() : 0;
  if (!got.ok()) error_ = got.status();
  at_end_ = end_ == 0;
  return !at_end_;
}

size_t LineReader::Take(size_t count, std::string* out) {
  if (out != nullptr) out->append(buffer_.get() + begin_, count);
  begin_ += count;
  offset_ += count;
  return count;
}

Result<bool> LineReader::Next(std::string* line) {
  line->clear();
  uint64_t length = 0;  // of the whole line, kept or not
  bool any = false;
  while (Fill()) {
    any = true;
    const char* start = buffer_.get() + begin_;
    const void* newline = std::memchr(start, '\n', end_ - begin_);
    size_t count = newline ? static_cast<const char*>(newline) - start : end_ - begin_;
    length += count;
    if (length <= max_line_bytes_) {
      Take(count, line);
    } else {
      line->clear();
      Take(count, nullptr);
    }
    if (newline) {
      Take(1, nullptr);
      break;
    }
  }
  if (!error_.ok()) return std::exchange(error_, Status::Ok());
  if (!any) return false;
  ++line_number_;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  if (length > max_line_bytes_) {
    return Status::InvalidInput("line is " + DescribeSize(length) + ", larger than the " +
                                DescribeSize(max_line_bytes_) + " limit");
  }
  return true;
}

Result<size_t> LineReader::ReadBytes(size_t size, std::string* out) {
  size_t total = 0;
  while (total < size && Fill()) total += Take(std::min(size - total, end_ - begin_), out);
  if (!error_.ok()) return std::exchange(error_, Status::Ok());
  return total;
}

Result<size_t> LineReader::Skip(size_t size) { return ReadBytes(size, nullptr); }

}  // namespace warta
