#include "watch/folder.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

#include "read/corpus.h"

namespace warta::watch {

namespace fs = std::filesystem;

namespace {

constexpr uint32_t kEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE;

// As the corpus reader names a folder given: its last component.
std::string FolderName(const std::string& folder) {
  std::error_code error;
  fs::path path = fs::absolute(folder, error);
  std::string normal = (error ? fs::path(folder) : path).lexically_normal().generic_string();
  while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
  return fs::path(normal).filename().string();
}

std::string Join(const std::string& folder, const std::string& name) {
  return folder.empty() ? name : folder + "/" + name;
}

}  // namespace

Result<std::unique_ptr<FolderWatch>> FolderWatch::Open(const std::vector<std::string>& folders) {
  int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) return Status::IoError(std::string("cannot watch folders: ") + std::strerror(errno));
  std::unique_ptr<FolderWatch> watch(new FolderWatch(fd));
  std::vector<LandedFile> ignored;  // what is there at the start is for the full scan
  for (const std::string& folder : folders) {
    std::error_code error;
    if (!fs::is_directory(folder, error)) return Status::InvalidInput(folder + ": not a folder");
    Status status = watch->Add(folder, FolderName(folder), "", &ignored);
    if (!status.ok()) return status;
  }
  return watch;
}

FolderWatch::~FolderWatch() { close(fd_); }

Status FolderWatch::Add(const std::string& root, const std::string& root_id,
                        const std::string& relative, std::vector<LandedFile>* found) {
  std::string path = (fs::path(root) / relative).string();
  int wd = inotify_add_watch(fd_, path.c_str(), kEvents | IN_ONLYDIR);
  if (wd < 0) return Status::IoError(path + ": cannot watch: " + std::strerror(errno));
  watched_[wd] = {root, root_id, relative};
  std::error_code error;
  std::set<std::string> names;  // sorted, as the walk reads them
  for (fs::directory_iterator it(path, error), end; !error && it != end; it.increment(error)) {
    names.insert(it->path().filename().string());
  }
  for (const std::string& name : names) {
    if (name.starts_with(".")) continue;
    std::string child = Join(relative, name);
    if (fs::is_directory(fs::symlink_status(fs::path(root) / child, error))) {
      Status status = Add(root, root_id, child, found);
      if (!status.ok()) return status;
    } else if (CorpusReader::WalkReads(name)) {
      found->push_back({(fs::path(root) / child).string(), Join(root_id, child)});
    }
  }
  return Status::Ok();
}

void FolderWatch::Take(const Watched& folder, const std::string& name, bool is_folder,
                       Landed* landed) {
  if (name.starts_with(".")) return;
  std::string relative = Join(folder.relative, name);
  if (is_folder) {
    Status status = Add(folder.root, folder.root_id, relative, &landed->files);
    if (!status.ok()) landed->rescan = true;  // watched or not, the next scan reads it
    return;
  }
  if (CorpusReader::WalkReads(name)) {
    landed->files.push_back(
        {(fs::path(folder.root) / relative).string(), Join(folder.root_id, relative)});
  }
}

Result<Landed> FolderWatch::TakeLanded() {
  Landed landed;
  alignas(inotify_event) char buffer[64 * 1024];
  while (true) {
    ssize_t length = read(fd_, buffer, sizeof buffer);
    if (length < 0 && errno == EINTR) continue;
    if (length < 0 && errno == EAGAIN) break;
    if (length <= 0)
      return Status::IoError(std::string("reading folder events: ") + std::strerror(errno));
    for (char* at = buffer; at < buffer + length;) {
      const auto* event = reinterpret_cast<const inotify_event*>(at);
      at += sizeof(inotify_event) + event->len;
      if (event->mask & IN_Q_OVERFLOW) landed.rescan = true;
      if (event->mask & IN_IGNORED) watched_.erase(event->wd);  // the folder is gone
      auto folder = watched_.find(event->wd);
      if (folder == watched_.end() || event->len == 0) continue;
      bool is_folder = (event->mask & IN_ISDIR) != 0;
      // A file created is taken when closed; a folder when it appears.
      if ((event->mask & IN_CREATE) && !is_folder) continue;
      Watched where = folder->second;  // Take may add watches, moving map entries
      Take(where, event->name, is_folder, &landed);
    }
  }
  // A file written twice before this call is read once.
  std::set<std::string> seen;
  std::vector<LandedFile> unique;
  for (LandedFile& file : landed.files) {
    if (seen.insert(file.path).second) unique.push_back(std::move(file));
  }
  landed.files = std::move(unique);
  return landed;
}

}  // namespace warta::watch
