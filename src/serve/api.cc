#include "serve/api.h"

#include <algorithm>
#include <set>

#include "serve/timeline.h"
#include "store/export.h"
#include "store/filter.h"
#include "util/json_writer.h"
#include "util/text.h"
#include "warta/date.h"

namespace warta {

namespace {

constexpr long long kDefaultLimit = 50;
constexpr long long kMaxLimit = 500;
constexpr size_t kMaxFilledPeriods = 1200;  // about a century of months
constexpr long long kDefaultPlaces = 200;
constexpr long long kMaxPlaces = 2000;

ApiResponse Error(int status, const std::string& message) {
  ApiResponse response;
  response.status = status;
  JsonWriter json(&response.body);
  json.BeginObject();
  json.Key("error");
  json.String(message);
  json.EndObject();
  return response;
}

// A failed store call: a query stopped at its deadline is the caller's to
// narrow (503); anything else is the server's fault (500).
ApiResponse StoreError(const Status& status) {
  if (status.message().find("interrupted") != std::string::npos) {
    return Error(503, "the query took too long; narrow the filters (dates, actors, codes)");
  }
  return Error(500, status.message());
}

// Takes an endpoint's own parameter out of `params`, so that the rest are
// exactly the filters.
std::string Take(std::map<std::string, std::string>* params, const std::string& name) {
  auto it = params->find(name);
  if (it == params->end()) return "";
  std::string value = it->second;
  params->erase(it);
  return value;
}

Result<QueryFilter> Filter(const std::map<std::string, std::string>& params) {
  FilterRules rules;
  rules.max_limit = kMaxLimit;
  rules.default_limit = kDefaultLimit;
  return ParseQueryFilter(params, rules);
}

void WriteEvent(const StoredEvent& event, JsonWriter* json) {
  std::string row = ExportRow(event, ExportFormat::kJsonLines);
  row.pop_back();  // newline
  row.pop_back();  // closing brace: the evidence parts follow
  row += ",\"evidence_parts\":" + EvidenceParts(event.event.evidence) + "}";
  json->Raw(row);
}

void WriteTelling(const Telling& t, JsonWriter* json) {
  json->BeginObject();
  for (auto [key, value] : {std::pair{"article_id", &t.article_id},
                            {"title", &t.title},
                            {"url", &t.url},
                            {"source", &t.source},
                            {"published", &t.published},
                            {"language", &t.language}}) {
    json->Key(key);
    json->StringOrNull(*value);
  }
  if (!t.evidence.text.empty()) {
    json->Key("evidence");
    json->String(t.evidence.text);
    json->Key("evidence_parts");
    json->Raw(EvidenceParts(t.evidence));
  }
  json->EndObject();
}

void WritePlace(const PlaceCount& place, JsonWriter* json) {
  json->BeginObject();
  for (auto [key, value] : {std::pair{"id", &place.id},
                            {"name", &place.name},
                            {"feature", &place.feature},
                            {"country", &place.country},
                            {"adm1", &place.adm1}}) {
    json->Key(key);
    json->StringOrNull(*value);
  }
  json->Key("lat");
  json->Double(place.lat, 4);
  json->Key("lon");
  json->Double(place.lon, 4);
  json->Key("events");
  json->Int(place.events);
  json->Key("goldstein");
  json->Double(place.mean_goldstein, 2);
  json->EndObject();
}

struct Side {
  long long events = 0, quad[4] = {0, 0, 0, 0};
  double goldstein_sum = 0;
};

void WriteSide(const Side& side, JsonWriter* json) {
  json->BeginObject();
  json->Key("events");
  json->Int(side.events);
  json->Key("quad");
  json->BeginArray();
  for (long long count : side.quad) json->Int(count);
  json->EndArray();
  json->Key("goldstein");
  if (side.events) {
    json->Double(side.goldstein_sum / side.events, 2);
  } else {
    json->Null();
  }
  json->EndObject();
}

using Buckets = std::map<std::string, std::pair<Side, Side>>;  // period: forward, reverse

struct Outside {
  long long before = 0, after = 0;  // dated events in periods not shown
};

// Drops the periods outside `range`, counting their events, and fills every
// period inside it, so that gaps show as gaps.
Outside KeepRange(const TimelineRange& range, Period period, Buckets* buckets) {
  Outside outside;
  for (auto it = buckets->begin(); it != buckets->end();) {
    bool before = range.first.empty() || it->first < range.first;
    bool after = !before && it->first > range.last;
    if (!before && !after) {
      ++it;
      continue;
    }
    (before ? outside.before : outside.after) += it->second.first.events + it->second.second.events;
    it = buckets->erase(it);
  }
  if (range.first.empty()) return outside;
  buckets->try_emplace(range.first);
  for (std::string at = range.first; at < range.last && buckets->size() < kMaxFilledPeriods;) {
    at = NextPeriod(at, period);
    if (at.empty()) break;
    buckets->try_emplace(at);
  }
  return outside;
}

// "range": {"first", "last", "rule"} and "outside": {"before", "after"}.
void WriteRange(const TimelineRange& range, const Outside& outside, JsonWriter* json) {
  json->Key("range");
  json->BeginObject();
  json->Key("first");
  json->StringOrNull(range.first);
  json->Key("last");
  json->StringOrNull(range.last);
  json->Key("rule");
  json->String(range.rule);
  json->EndObject();
  json->Key("outside");
  json->BeginObject();
  json->Key("before");
  json->Int(outside.before);
  json->Key("after");
  json->Int(outside.after);
  json->EndObject();
}

}  // namespace

std::string EvidenceParts(const Evidence& evidence) {
  const std::string& text = evidence.text;
  const size_t base = evidence.sentence.start;
  struct Mark {
    size_t start, end;
    const char* role;
  };
  std::vector<Mark> marks;
  for (auto [span, role] : {std::pair{&evidence.source, "source"},
                            {&evidence.verb, "verb"},
                            {&evidence.target, "target"}}) {
    if (span->end <= span->start || span->start < base || span->end - base > text.size()) continue;
    marks.push_back({span->start - base, span->end - base, role});
  }
  std::sort(marks.begin(), marks.end(),
            [](const Mark& a, const Mark& b) { return a.start < b.start; });
  std::string out;
  JsonWriter json(&out);
  json.BeginArray();
  auto part = [&](size_t start, size_t end, const char* role) {
    if (end <= start) return;
    json.BeginObject();
    json.Key("text");
    json.String(std::string_view(text).substr(start, end - start));
    json.Key("role");
    json.String(role);
    json.EndObject();
  };
  size_t at = 0;
  for (const Mark& mark : marks) {
    if (mark.start < at) continue;  // overlaps the previous mark
    part(at, mark.start, "");
    part(mark.start, mark.end, mark.role);
    at = mark.end;
  }
  part(at, text.size(), "");
  json.EndArray();
  return out;
}

Result<std::unique_ptr<StorePool>> StorePool::Open(const std::string& path, int size) {
  std::unique_ptr<StorePool> pool(new StorePool());
  for (int i = 0; i < size; ++i) {
    auto store = Store::OpenReadOnly(path);
    if (!store.ok()) return store.status();
    if (i == 0) {  // a database that cannot be queried fails here, not on the first request
      auto probe = store.value()->Count(QueryFilter{});
      if (!probe.ok()) return probe.status();
    }
    pool->idle_.push_back(std::move(store).value());
  }
  return pool;
}

StorePool::Lease StorePool::Borrow() {
  std::unique_lock<std::mutex> lock(mutex_);
  returned_.wait(lock, [this] { return !idle_.empty(); });
  std::unique_ptr<Store> store = std::move(idle_.back());
  idle_.pop_back();
  return Lease(this, std::move(store));
}

void StorePool::Return(std::unique_ptr<Store> store) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(store));
  returned_.notify_one();
}

StorePool::Lease Api::Borrow() {
  StorePool::Lease store = pool_->Borrow();
  store->SetDeadline(std::chrono::steady_clock::now() + time_limit_);
  return store;
}

ApiResponse Api::Handle(const std::string& path, std::map<std::string, std::string> params) {
  for (const auto& [name, value] : params) {
    if (FindInvalidUtf8(name) != std::string::npos || FindInvalidUtf8(value) != std::string::npos) {
      return Error(400, "parameters must be UTF-8 text");
    }
  }
  if (path == "/api/events") return Events(std::move(params));
  if (path == "/api/timeline") return Timeline(std::move(params));
  if (path == "/api/network") return NetworkOf(std::move(params));
  if (path == "/api/actors") return ActorsLike(params);
  if (path == "/api/places") return PlacesOf(std::move(params));
  if (path == "/api/stats") return Statistics(params);
  const std::string event_prefix = "/api/event/";
  if (path.compare(0, event_prefix.size(), event_prefix) == 0) {
    return OneEvent(path.substr(event_prefix.size()), params);
  }
  return Error(404, "no such endpoint: " + path.substr(0, 100));
}

ApiResponse Api::Events(Params params) {
  std::string order = Take(&params, "order");
  if (!order.empty() && order != "newest" && order != "oldest") {
    return Error(400, "order must be newest or oldest");
  }
  auto filter = Filter(params);
  if (!filter.ok()) return Error(400, filter.status().message());
  filter.value().newest_first = order != "oldest";
  StorePool::Lease store = Borrow();
  auto total = store->Count(filter.value());
  if (!total.ok()) return StoreError(total.status());
  ApiResponse response;
  JsonWriter json(&response.body);
  json.BeginObject();
  json.Key("total");
  json.Int(total.value());
  json.Key("offset");
  json.Int(filter.value().offset);
  json.Key("limit");
  json.Int(filter.value().limit);
  json.Key("events");
  json.BeginArray();
  Status status =
      store->Query(filter.value(), [&](const StoredEvent& event) { WriteEvent(event, &json); });
  if (!status.ok()) return StoreError(status);
  json.EndArray();
  json.EndObject();
  return response;
}

ApiResponse Api::Timeline(Params params) {
  std::string period_name = Take(&params, "period");
  if (!period_name.empty() && period_name != "week" && period_name != "month") {
    return Error(400, "period must be week or month");
  }
  Period period = period_name == "week" ? Period::kWeek : Period::kMonth;
  std::string range_name = Take(&params, "range");
  if (!range_name.empty() && range_name != "bulk" && range_name != "all") {
    return Error(400, "range must be bulk or all");
  }
  auto filter = Filter(params);
  if (!filter.ok()) return Error(400, filter.status().message());
  if (params.count("limit") || params.count("offset")) {
    return Error(400, "the timeline takes no limit or offset");
  }
  auto rows = Borrow()->Timeline(filter.value(), period);
  if (!rows.ok()) return StoreError(rows.status());
  Buckets buckets;
  std::map<std::string, long long> counts;
  for (const TimelineRow& row : rows.value()) {
    Side& side = row.reverse ? buckets[row.period].second : buckets[row.period].first;
    side.events += row.events;
    if (row.quad_class >= 1 && row.quad_class <= 4) side.quad[row.quad_class - 1] += row.events;
    side.goldstein_sum += row.goldstein_sum;
    counts[row.period] += row.events;
  }
  TimelineRange range = ChooseRange(counts, filter.value(), period, range_name == "all");
  Outside outside = KeepRange(range, period, &buckets);
  ApiResponse response;
  JsonWriter json(&response.body);
  json.BeginObject();
  json.Key("period");
  json.String(period == Period::kWeek ? "week" : "month");
  json.Key("dyad");
  if (filter.value().dyad_a.empty()) {
    json.Null();
  } else {
    json.BeginArray();
    json.String(filter.value().dyad_a);
    json.String(filter.value().dyad_b);
    json.EndArray();
  }
  WriteRange(range, outside, &json);
  json.Key("buckets");
  json.BeginArray();
  for (const auto& [name, sides] : buckets) {
    json.BeginObject();
    json.Key("period");
    json.String(name);
    json.Key("forward");
    WriteSide(sides.first, &json);
    json.Key("reverse");
    WriteSide(sides.second, &json);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return response;
}

ApiResponse Api::NetworkOf(Params params) {
  long long nodes = 30;
  std::string nodes_text = Take(&params, "nodes");
  if (!nodes_text.empty() && !ParseBoundedNumber(nodes_text, 2, 100, &nodes)) {
    return Error(400, "nodes must be a number from 2 to 100");
  }
  if (params.count("limit") || params.count("offset")) {
    return Error(400, "the network takes nodes, not limit or offset");
  }
  auto filter = Filter(params);
  if (!filter.ok()) return Error(400, filter.status().message());
  auto network = Borrow()->ActorNetwork(filter.value(), static_cast<int>(nodes));
  if (!network.ok()) return StoreError(network.status());
  ApiResponse response;
  JsonWriter json(&response.body);
  json.BeginObject();
  json.Key("nodes");
  json.BeginArray();
  for (const NetworkNode& node : network.value().nodes) {
    json.BeginObject();
    json.Key("code");
    json.String(node.code);
    json.Key("name");
    json.String(node.name);
    json.Key("events");
    json.Int(node.events);
    json.EndObject();
  }
  json.EndArray();
  json.Key("edges");
  json.BeginArray();
  for (const NetworkEdge& edge : network.value().edges) {
    json.BeginObject();
    json.Key("source");
    json.String(edge.source);
    json.Key("target");
    json.String(edge.target);
    json.Key("events");
    json.Int(edge.events);
    json.Key("goldstein");
    json.Double(edge.mean_goldstein, 2);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return response;
}

ApiResponse Api::PlacesOf(Params params) {
  long long limit = kDefaultPlaces;
  std::string limit_text = Take(&params, "limit");
  if (!limit_text.empty() && !ParseBoundedNumber(limit_text, 1, kMaxPlaces, &limit)) {
    return Error(400, "limit must be a number from 1 to " + std::to_string(kMaxPlaces));
  }
  if (params.count("offset")) return Error(400, "/api/places takes no offset");
  auto filter = Filter(params);
  if (!filter.ok()) return Error(400, filter.status().message());
  auto counts = Borrow()->Places(filter.value(), static_cast<int>(limit));
  if (!counts.ok()) return StoreError(counts.status());
  ApiResponse response;
  JsonWriter json(&response.body);
  json.BeginObject();
  json.Key("placed");
  json.Int(counts.value().placed);
  json.Key("unplaced");
  json.Int(counts.value().unplaced);
  json.Key("places");
  json.BeginArray();
  for (const PlaceCount& place : counts.value().places) WritePlace(place, &json);
  json.EndArray();
  json.EndObject();
  return response;
}

ApiResponse Api::ActorsLike(const Params& params) {
  for (const auto& [name, value] : params) {
    if (name != "q" && name != "limit") return Error(400, "unknown parameter " + name);
  }
  auto q = params.find("q");
  if (q == params.end() || q->second.empty() || q->second.size() > 100) {
    return Error(400, "q must be 1 to 100 bytes of text to complete");
  }
  long long limit = 10;
  auto limit_text = params.find("limit");
  if (limit_text != params.end() && !ParseBoundedNumber(limit_text->second, 1, 50, &limit)) {
    return Error(400, "limit must be a number from 1 to 50");
  }
  auto actors = Borrow()->Actors(q->second, static_cast<int>(limit));
  if (!actors.ok()) return StoreError(actors.status());
  ApiResponse response;
  JsonWriter json(&response.body);
  json.BeginObject();
  json.Key("actors");
  json.BeginArray();
  for (const KnownActor& actor : actors.value()) {
    json.BeginObject();
    for (auto [key, value] : {std::pair{"code", &actor.code},
                              {"name", &actor.name},
                              {"country", &actor.country},
                              {"agent", &actor.agent}}) {
      json.Key(key);
      json.StringOrNull(*value);
    }
    json.Key("events");
    json.Int(actor.events);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return response;
}

ApiResponse Api::OneEvent(const std::string& row_text, const Params& params) {
  if (!params.empty()) return Error(400, "/api/event/ROW takes no parameters");
  long long row = 0;
  if (!ParseBoundedNumber(row_text, 1, 1LL << 50, &row)) {
    return Error(400, "event row must be a positive number");
  }
  auto detail = Borrow()->Detail(row);
  if (!detail.ok()) {
    if (detail.status().code() == Status::Code::kNotFound)
      return Error(404, "no event " + row_text);
    return StoreError(detail.status());
  }
  ApiResponse response;
  JsonWriter json(&response.body);
  json.BeginObject();
  json.Key("event");
  WriteEvent(detail.value().event, &json);
  json.Key("mentions");
  json.BeginArray();
  for (const Telling& t : detail.value().mentions) WriteTelling(t, &json);
  json.EndArray();
  json.Key("story");
  json.BeginArray();
  for (const Telling& t : detail.value().story) WriteTelling(t, &json);
  json.EndArray();
  json.EndObject();
  return response;
}

ApiResponse Api::Statistics(const Params& params) {
  for (const auto& [name, value] : params) {
    if (name != "modality" && name != "negated" && name != "statements") {
      return Error(400, "/api/stats takes no parameters but modality, negated and statements");
    }
  }
  auto filter = Filter(params);
  if (!filter.ok()) return Error(400, filter.status().message());
  auto stats = Borrow()->Stats(filter.value().kinds);
  if (!stats.ok()) return StoreError(stats.status());
  const StoreStats& s = stats.value();
  ApiResponse response;
  JsonWriter json(&response.body);
  json.BeginObject();
  for (auto [key, value] : {std::pair{"articles", s.articles},
                            {"events", s.events},
                            {"stored_events", s.stored_events},
                            {"mentions", s.mentions},
                            {"stories", s.stories}}) {
    json.Key(key);
    json.Int(value);
  }
  for (auto [key, rows] : {std::pair{"by_kind", &s.by_kind},
                           {"by_language", &s.by_language},
                           {"by_root", &s.by_root},
                           {"by_month", &s.by_month},
                           {"by_source", &s.by_source},
                           {"by_place", &s.by_place}}) {
    json.Key(key);
    json.BeginObject();
    for (const auto& [name, count] : *rows) {
      json.Key(name);
      json.Int(count);
    }
    json.EndObject();
  }
  json.EndObject();
  return response;
}

}  // namespace warta
