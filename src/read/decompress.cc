#include "read/decompress.h"

#include <unistd.h>
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

  // Buffers at least `count` (<= kBufferBytes) bytes, fewer only at the end
  // of the file.
  Status Ensure(size_t count) {
    if (size() >= count || eof_) return Status::Ok();
    std::memmove(buffer_.get(), data(), size());
    end_ = size();
    begin_ = 0;
    while (end_ < count && !eof_) {
      size_t got = std::fread(buffer_.get() + end_, 1, kBufferBytes - end_, file_.get());
      read_ += got;
      end_ += got;
      if (got == 0) {
        if (std::ferror(file_.get())) return Status::IoError(name_ + ": read error");
        eof_ = true;
      }
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
  // Errors that do not end the stream are not kept in status_.
  bool ended() const override { return !status_.ok(); }

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

// Where a gzip member starts: the magic, deflate, no reserved flag bits, and
// a known operating system byte (which keeps chance matches inside
// compressed data rare: about one in 2^31 bytes).
constexpr size_t kGzipHeaderBytes = 10;
bool IsGzipHeader(const unsigned char* p) {
  return p[0] == 0x1f && p[1] == 0x8b && p[2] == 8 && (p[3] & 0xE0) == 0 &&
         (p[9] <= 13 || p[9] == 255);
}

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
        return SkipCorruptMember(stream_.msg);
      }
    }
    return static_cast<size_t>(capacity - stream_.avail_out);
  }

 private:
  // A corrupt member loses its own bytes, not the rest of the file: crawls
  // write one member per record, so reading goes on at the next member. The
  // error is returned once, not kept.
  Status SkipCorruptMember(const char* detail) {
    std::string message = name() + ": corrupt gzip data at byte " + std::to_string(input_.offset());
    if (detail != nullptr && *detail != '\0') message += std::string(" (") + detail + ")";
    Status skipped = SkipToNextMember();
    if (!skipped.ok()) return Fail(skipped);
    member_ended_ = true;  // the next read starts a member, or finds the end
    if (input_.size() == 0) return Status::InvalidInput(message + "; no gzip member after it");
    return Status::InvalidInput(message + "; skipped to the next gzip member at byte " +
                                std::to_string(input_.offset()));
  }

  // Moves the input to the next member's header, or to the end of the file.
  Status SkipToNextMember() {
    while (true) {
      Status filled = input_.Ensure(kGzipHeaderBytes);
      if (!filled.ok()) return filled;
      if (input_.size() < kGzipHeaderBytes) {  // no header fits before the end
        input_.Consume(input_.size());
        return Status::Ok();
      }
      const auto* data = reinterpret_cast<const unsigned char*>(input_.data());
      size_t candidates = input_.size() - kGzipHeaderBytes + 1;
      for (size_t i = 0; i < candidates; ++i) {
        const void* found = std::memchr(data + i, 0x1f, candidates - i);
        if (found == nullptr) break;
        i = static_cast<const unsigned char*>(found) - data;
        if (IsGzipHeader(data + i)) {
          input_.Consume(i);
          return Status::Ok();
        }
      }
      input_.Consume(candidates);
    }
  }

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

// The bytes PeekHead read, then the rest of the source they came from.
class ReplaySource : public ByteSource {
 public:
  ReplaySource(std::string head, Status pending, std::unique_ptr<ByteSource> rest)
      : head_(std::move(head)), pending_(std::move(pending)), rest_(std::move(rest)) {}

  Result<size_t> Read(char* buffer, size_t size) override {
    if (position_ < head_.size()) {
      size_t count = std::min(size, head_.size() - position_);
      std::memcpy(buffer, head_.data() + position_, count);
      position_ += count;
      return count;
    }
    if (!pending_.ok()) return std::exchange(pending_, Status::Ok());
    return rest_->Read(buffer, size);
  }
  bool ended() const override { return pending_.ok() && rest_->ended(); }
  const std::string& name() const override { return rest_->name(); }

 private:
  std::string head_;
  size_t position_ = 0;
  Status pending_;  // an error met while peeking, returned after the head
  std::unique_ptr<ByteSource> rest_;
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
  if (path != "-" && std::filesystem::is_directory(path, error)) {
    return Status::InvalidInput(path + ": is a folder, not a file");
  }
  // Standard input through a copy of its descriptor, so closing the source
  // leaves stdin itself alone.
  int stdin_copy = path == "-" ? dup(STDIN_FILENO) : -1;
  FilePtr file(path == "-" ? (stdin_copy >= 0 ? fdopen(stdin_copy, "rb") : nullptr)
                           : std::fopen(path.c_str(), "rb"));
  const std::string name = path == "-" ? "<stdin>" : path;
  if (file == nullptr) {
    if (stdin_copy >= 0) close(stdin_copy);
    return Status::NotFound(name + ": cannot open file");
  }
  FileInput input(name, std::move(file));
  return SourceFor(std::move(input));
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

std::string PeekHead(std::unique_ptr<ByteSource>* source, size_t size) {
  std::string head(size, '\0');
  size_t filled = 0;
  Status pending;
  while (filled < size) {
    auto got = (*source)->Read(head.data() + filled, size - filled);
    if (!got.ok()) {
      pending = got.status();
      break;
    }
    if (got.value() == 0) break;
    filled += got.value();
  }
  head.resize(filled);
  *source = std::make_unique<ReplaySource>(head, std::move(pending), std::move(*source));
  return head;
}

std::string StripCompressionSuffix(const std::string& name) {
  for (const char* suffix : {".gz", ".zst"}) {
    if (EndsWithNoCase(name, suffix)) return name.substr(0, name.size() - std::strlen(suffix));
  }
  return name;
}

LineReader::LineReader(ByteSource* source, size_t max_line_bytes)
    : source_(source), max_line_bytes_(max_line_bytes), buffer_(new char[kBufferBytes]) {}

bool LineReader::Fill() {
  if (begin_ < end_) return true;
  if (at_end_) return false;
  auto got = source_->Read(buffer_.get(), kBufferBytes);
  begin_ = 0;
  end_ = got.ok() ? got.value() : 0;
  if (!got.ok()) {
    error_ = got.status();
    source_error_ = true;
    at_end_ = source_->ended();
    return false;
  }
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
  source_error_ = false;
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
    return OverLimit("line", length, max_line_bytes_);
  }
  return true;
}

Result<size_t> LineReader::ReadBytes(size_t size, std::string* out) {
  source_error_ = false;
  size_t total = 0;
  while (total < size && Fill()) total += Take(std::min(size - total, end_ - begin_), out);
  if (!error_.ok()) return std::exchange(error_, Status::Ok());
  return total;
}

Result<size_t> LineReader::Skip(size_t size) { return ReadBytes(size, nullptr); }

}  // namespace warta
