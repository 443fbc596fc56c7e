#include "serve/server.h"

#include <httplib.h>
#include <netdb.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "serve/api.h"

namespace warta {

namespace {

struct Asset {
  std::string path;  // as requested
  std::string file;  // relative to the web folder
  std::string content_type;
};

// The page and the libraries it loads. The libraries come from the npm
// registry (web/package.json), installed into web/node_modules.
const Asset kAssets[] = {
    {"/", "index.html", "text/html; charset=utf-8"},
    {"/app.js", "app.js", "text/javascript; charset=utf-8"},
    {"/style.css", "style.css", "text/css; charset=utf-8"},
    {"/vendor/chart.umd.js", "node_modules/chart.js/dist/chart.umd.js",
     "text/javascript; charset=utf-8"},
    {"/vendor/cytoscape.min.js", "node_modules/cytoscape/dist/cytoscape.min.js",
     "text/javascript; charset=utf-8"},
    // The map: the world's countries as TopoJSON (Natural Earth 1:50m, from
    // the world-atlas package) and the decoder; no tile server.
    {"/map.js", "map.js", "text/javascript; charset=utf-8"},
    {"/vendor/topojson-client.min.js", "node_modules/topojson-client/dist/topojson-client.min.js",
     "text/javascript; charset=utf-8"},
    {"/vendor/countries-50m.json", "node_modules/world-atlas/countries-50m.json",
     "application/json"},
};

Result<std::string> ReadWhole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path.string() + ": missing");
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// Stops `server` at SIGINT or SIGTERM. The signals are blocked in every
// thread (the server's threads inherit the mask) and taken here with sigwait,
// so no handler and no global flag are needed.
class SignalStopper {
 public:
  explicit SignalStopper(httplib::Server* server) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
    waiter_ = std::thread([this, server] {
      timespec tick{0, 200 * 1000 * 1000};
      while (!done_) {
        if (sigtimedwait(&signals_, nullptr, &tick) > 0) {
          // A signal just after binding comes before the server runs, and
          // stop() does nothing then; the signal would be lost, and later
          // ones never taken. Wait for it to run (or for Serve to end).
          while (!done_ && !(bound_ && server->is_running())) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
          }
          server->stop();
          return;
        }
      }
    });
  }
  // Called once the server holds its socket, before it runs. (httplib's own
  // flags live in a library the thread sanitizer does not see into; this
  // one tells it that the socket was made before stop() closes it.)
  void Bound() { bound_ = true; }
  ~SignalStopper() {
    done_ = true;
    waiter_.join();
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }

 private:
  sigset_t signals_, previous_;
  std::atomic<bool> done_{false}, bound_{false};
  std::thread waiter_;
};

// SO_REUSEADDR only, so a restarted server need not wait out the old one's
// closing connections. Not SO_REUSEPORT (httplib's default): with it a
// second server binds the same port and the two split the requests.
void ExclusivePort(socket_t sock) {
  int yes = 1;
  setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

// Why `host`:`port` cannot be listened on, found by trying it as the
// server does; errno is gone by the time httplib reports failure.
std::string WhyNotListening(const std::string& host, int port) {
  const std::string where = host + ":" + std::to_string(port);
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) {
    return "cannot listen on " + where + ": " + host + " is not a name of this machine";
  }
  int error = 0;
  for (addrinfo* address = found; address != nullptr && error != EADDRINUSE;
       address = address->ai_next) {
    int sock = socket(address->ai_family, address->ai_socktype, address->ai_protocol);
    if (sock < 0) {
      error = errno;
      continue;
    }
    ExclusivePort(sock);
    bool listening = bind(sock, address->ai_addr, address->ai_addrlen) == 0 && listen(sock, 1) == 0;
    error = listening ? 0 : errno;
    close(sock);
  }
  freeaddrinfo(found);
  const std::string port_name = "port " + std::to_string(port);
  if (error == EADDRINUSE) return port_name + " is in use by another program";
  if (error == EADDRNOTAVAIL)
    return "cannot listen on " + where + ": not an address of this machine";
  if (error == EACCES) return "cannot listen on " + where + ": " + port_name + " needs privileges";
  return "cannot listen on " + where + (error ? std::string(": ") + std::strerror(error) : "");
}

}  // namespace

Status Serve(const ServeOptions& options, const std::function<void(int port)>& on_listening) {
  std::map<std::string, std::pair<std::string, std::string>> assets;  // path → type, body
  for (const Asset& asset : kAssets) {
    auto body = ReadWhole(std::filesystem::path(options.web_dir) / asset.file);
    if (!body.ok()) {
      return Status::NotFound(body.status().message() +
                              " (the web page's files; run scripts/setup, which installs the "
                              "chart libraries with npm, or give --web DIR)");
    }
    assets[asset.path] = {asset.content_type, std::move(body).value()};
  }
  if (!sql::IsPostgres(options.db) && !std::filesystem::exists(options.db)) {
    return Status::NotFound(options.db + ": no such database (create it with warta ingest)");
  }
  auto pool = StorePool::Open(options.db, options.threads);
  if (!pool.ok()) return pool.status();
  Api api(pool.value().get());

  httplib::Server server;
  // A browser keeps up to six connections to a host alive, each holding a
  // thread while it idles: with fewer threads than that, page loads stall
  // for the keep-alive timeout. Threads are cheap; database connections (the
  // pool, `options.threads`) are what limits concurrent queries.
  const int threads = std::max(16, options.threads * 2);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_keep_alive_timeout(2);
  server.set_payload_max_length(64 * 1024);
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"}});
  for (const auto& [path, asset] : assets) {
    const auto* content = &asset;
    // The libraries change only with web/package-lock.json; the page's own
    // files are revalidated so an upgrade shows at once.
    const bool library = path.rfind("/vendor/", 0) == 0;
    server.Get(path, [content, library](const httplib::Request&, httplib::Response& response) {
      response.set_header("Cache-Control", library ? "public, max-age=86400" : "no-cache");
      response.set_content(content->second, content->first.c_str());
    });
  }
  server.Get(R"(/api/.*)", [&api](const httplib::Request& request, httplib::Response& response) {
    std::map<std::string, std::string> params;
    for (const auto& [name, value] : request.params) {
      if (!params.emplace(name, value).second) {
        response.status = 400;
        response.set_content("{\"error\":\"each parameter may be given once\"}",
                             "application/json");
        return;
      }
    }
    ApiResponse answer = api.Handle(request.path, std::move(params));
    response.status = answer.status;
    response.set_header("Cache-Control", "no-store");
    response.set_content(answer.body, "application/json");
  });
  server.set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty()) return;
    std::string message = response.status == 404 ? "no such page" : "bad request";
    response.set_content("{\"error\":\"" + message + "\"}", "application/json");
  });

  server.set_socket_options(ExclusivePort);

  SignalStopper stopper(&server);
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port < 0) return Status::IoError(WhyNotListening(options.host, 0));
  } else if (!server.bind_to_port(options.host, port)) {
    return Status::IoError(WhyNotListening(options.host, port));
  }
  stopper.Bound();
  on_listening(port);
  if (!server.listen_after_bind()) return Status::IoError("the server stopped with an error");
  return Status::Ok();
}

}  // namespace warta
