// server: `warta serve`, the HTTP shell around Api (api.h) and the web page's
// files. GET /api/... answers JSON; GET / and the page's files come from the
// web folder (web/ in the repository, share/warta/web when installed), and
// the chart libraries from web/node_modules, installed by scripts/setup.
//
//   ServeOptions options;
//   options.db = "events.db";
//   Status status = Serve(options, [](int port) { printf("listening on %d\n", port); });
//
// Blocks until SIGINT or SIGTERM, then stops cleanly.
#pragma once

#include <functional>
#include <string>

#include "warta/status.h"

namespace warta {

struct ServeOptions {
  std::string db;
  std::string host = "127.0.0.1";  // loopback unless asked: the page has no login
  int port = 8080;                 // 0: any free port (reported through on_listening)
  std::string web_dir;             // the page's files
  int threads = 4;
};

Status Serve(const ServeOptions& options, const std::function<void(int port)>& on_listening);

}  // namespace warta
