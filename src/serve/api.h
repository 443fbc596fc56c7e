// api: the JSON API of `warta serve`, without the HTTP. The server (server.h)
// turns each request into a call of Api::Handle; the tests call it directly.
//
//   StorePool pool("events.db", 4);
//   Api api(&pool);
//   ApiResponse r = api.Handle("/api/events", {{"dyad", "PRK:RUS"}, {"limit", "20"}});
//   // r.status == 200, r.body == {"total":..,"events":[..]}
//
// Endpoints (README.md, "The web page and its API"):
//   /api/events     the filters of `warta query`, limit (1-500, default 50),
//                   offset, order (newest|oldest)
//   /api/timeline   the filters, period (week|month), range (bulk|all): events
//                   per period by quad class and mean Goldstein value, per
//                   direction of a dyad, over the range timeline.h chooses,
//                   with the events outside it counted
//   /api/network    the filters, nodes (2-100, default 30): top actors and the
//                   events between them
//   /api/places     the filters, limit (1-2000, default 200): events and mean
//                   Goldstein value per place (id, name, feature, country,
//                   adm1, lat, lon), most events first, with the events
//                   placed and not placed
//   /api/actors     q (1-100 bytes), limit (1-50): actors for completion
//   /api/event/ROW  one event with every telling's evidence and its story
//   /api/stats      modality, negated, statements: counts by kind, language,
//                   root, month, source and place
// Like `warta query`, every endpoint counts only asserted, non-negated events
// unless modality= or negated= ask for others, and leaves out statements
// (CAMEO root 01) when statements=no (store.h, EventKinds).
// Bad parameters get 400 and a message naming the parameter; an unknown path
// 404; a query running past the time limit 503. Never a 500 for bad input.
#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/store.h"
#include "warta/status.h"

namespace warta {

// Read-only connections to one database, lent one per request: SQLite
// connections are not shared between threads.
class StorePool {
 public:
  // Opens `size` connections; fails when the file is not a warta database.
  static Result<std::unique_ptr<StorePool>> Open(const std::string& path, int size);

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    Store* operator->() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };
  Lease Borrow();  // waits while every connection is lent

 private:
  StorePool() = default;
  void Return(std::unique_ptr<Store> store);

  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Store>> idle_;
};

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

class Api {
 public:
  explicit Api(StorePool* pool, std::chrono::milliseconds time_limit = std::chrono::seconds(10))
      : pool_(pool), time_limit_(time_limit) {}

  // `path` without the query string; `params` decoded, each name once.
  ApiResponse Handle(const std::string& path, std::map<std::string, std::string> params);

 private:
  using Params = std::map<std::string, std::string>;
  ApiResponse Events(Params params);
  ApiResponse Timeline(Params params);
  ApiResponse NetworkOf(Params params);
  ApiResponse PlacesOf(Params params);
  ApiResponse ActorsLike(const Params& params);
  ApiResponse OneEvent(const std::string& row, const Params& params);
  ApiResponse Statistics(const Params& params);

  StorePool::Lease Borrow();  // a connection with this request's deadline set

  StorePool* pool_;
  std::chrono::milliseconds time_limit_;
};

// The evidence sentence cut into parts, each marked "source", "verb", "target"
// or "" (plain text), as a JSON array: [{"text":"Putin","role":"source"},...].
// Spans outside the sentence or overlapping an earlier one are left plain.
std::string EvidenceParts(const Evidence& evidence);

}  // namespace warta
