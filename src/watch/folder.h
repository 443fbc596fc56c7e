// watch/folder: files that land in watched folders, through Linux inotify.
//
//   auto folders = FolderWatch::Open({"inbox"});
//   poll(folders.value()->fd(), ...);                    // readable: something happened
//   auto landed = folders.value()->TakeLanded();
//   for (const LandedFile& file : landed.value().files) Read(file.path, file.id);
//
// A file has landed when it is closed after writing (IN_CLOSE_WRITE) or moved
// in (IN_MOVED_TO), so a file still being written is taken once, whole.
// Folders are watched recursively, and a folder created (or moved in) later
// is watched from then on, its files already there taken as landed. Only
// files a folder walk reads are reported (CorpusReader::WalkReads: hidden
// files and unknown extensions are not). Each file's id is the one the walk
// of the folder gives it (read/corpus.h: "inbox/day1/0001.txt"). When the
// kernel's queue overflowed, `rescan` says events were lost: read the
// folders whole again. Not thread-safe.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "warta/status.h"

namespace warta::watch {

struct LandedFile {
  std::string path;  // to open
  std::string id;    // for its articles
};

struct Landed {
  std::vector<LandedFile> files;  // in the order they landed, each once
  bool rescan = false;
};

class FolderWatch {
 public:
  static Result<std::unique_ptr<FolderWatch>> Open(const std::vector<std::string>& folders);
  ~FolderWatch();
  FolderWatch(const FolderWatch&) = delete;
  FolderWatch& operator=(const FolderWatch&) = delete;

  int fd() const { return fd_; }
  // What landed since the last call; does not block.
  Result<Landed> TakeLanded();

 private:
  struct Watched {
    std::string root;      // the folder given
    std::string root_id;   // its name, first in ids
    std::string relative;  // this folder under root ("" for root)
  };
  explicit FolderWatch(int fd) : fd_(fd) {}
  // Watches root/relative and the folders under it; adds the files already in them to *found.
  Status Add(const std::string& root, const std::string& root_id, const std::string& relative,
             std::vector<LandedFile>* found);
  void Take(const Watched& folder, const std::string& name, bool is_folder, Landed* landed);

  int fd_;
  std::map<int, Watched> watched_;  // by inotify watch descriptor
};

}  // namespace warta::watch
