// store: the event database, an SQLite file in WAL mode or a PostgreSQL
// database (Open("postgresql://host/warta"): database.h); the same tables,
// rules and answers on both.
//
//   auto store = Store::Open("events.db");
//   if (!store.value()->HasArticle(id, hash)) { ... code it ... }
//   store.value()->WriteBatch(batch);          // one transaction: all or nothing
//   store.value()->Query(filter, [](const StoredEvent& e) { ... });
//
// Tables (README.md, "The database"): articles, stories, events (one row per
// real-world event, with mention, article and source counts), mentions (each
// telling of an event in an article, with its evidence), actors.
//
// Stories: an article joins the story of an earlier article whose text is a
// near-duplicate (MinHash over word 3-shingles, 64 hashes, LSH in 16 bands;
// estimated Jaccard similarity >= 0.5) or, across languages, whose coded
// events match (the same source and target states, root and date for at
// least half of them, two at least, published within a week). Within a
// story the same source, target, CAMEO code and date is one event.
//
// Opening checks that the file is warta's before anything is written: an
// empty file becomes a new event database; any other SQLite database, a file
// that is not SQLite, or a warta database of a newer schema is refused with a
// message naming the file, and left as it was. Every error names the file.
//
// Schema versions: 1 had no places; 2 stores each event's Location in
// place_* columns of the events table; 3 adds the summary tables
// (summary.cc: counts per date, root and kind, per place, per outlet and
// language, and totals), kept current by every write in the write's own
// transaction, which answer /api/stats and the counts and aggregates of
// queries that filter only on kinds, roots, quad class and dates; 4 adds
// where the text places each event's source and target (the actor_places
// table) and the place's country name (place_country_name, for GDELT's
// FullName); 5 adds event_keys (summary.h: an index of each event's actors,
// countries and places, for filters on one of them; queries do without it on
// an older file); 6 (kSchemaVersion) adds ingest's claims (the ingest_claims
// table, below), which no query reads. So a reader reads a version 4 or 5
// file as it is. Opening an older file to write
// upgrades it in one transaction (the columns added empty, the summaries
// counted from the rows, their indexes made, the version raised); opening it
// read-only reads it as it is: the columns it lacks read as null (version 1:
// every event without a place), every answer counted from the rows before
// version 3.
//
// Not thread-safe: one writer. A batch either lands whole or not at all, so a
// killed ingest loses at most the batch it was writing, and re-running skips
// what is stored (the same text, or the same page: an id that is a URL). An
// article whose id, not a URL, another text already has (two files called
// 0001.txt given by themselves, two feeds both numbering from 1) is stored
// under its id + "#" + the first 16 hex digits of its text hash, its event ids
// derived anew from that id.
//
// Claims (schema version 6), so that several ingests, in threads, processes
// or on other machines, share one corpus instead of each coding all of it:
// before coding an article an ingest claims its text hash (Claim); a key
// another live ingest holds is not given; one held longer than the lease is
// (its ingest was killed, or is slower than the lease). A claim is released
// in the transaction that stores its article (WriteBatch, for the claimant
// set by SetClaimant), and all of an ingest's claims when it ends
// (ReleaseClaims). Claims only save coding work: what is stored is decided
// under the write lock (a story joined or started, an article already stored
// skipped), so it is right even when two ingests store copies of one story,
// or one article, at once.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/database.h"
#include "warta/article.h"
#include "warta/event.h"
#include "warta/status.h"

namespace warta {

// One article as coded, ready to store.
struct CodedRecord {
  Article article;  // text is used for the hash and story detection, not stored
  std::string language;
  std::vector<Event> events;
};

struct StoredEvent {
  Event event;  // evidence and article_id: the first telling
  long long row = 0;
  long long story_id = 0;
  int num_mentions = 0, num_articles = 0, num_sources = 0;
  std::string source_url;
  std::string date_added;  // YYYYMMDDHHMMSS (UTC) of the first telling
};

// Which events a query counts. By default only what the text reports as
// having happened, as GDELT's users expect: asserted and not negated. "China
// did not attack Taiwan", "X reportedly attacked", "X will attack" stay in the
// database and are counted only when asked for.
//
// Statements (CAMEO root 01: comment, deny, ...) are events and count by
// default, as the coding conventions have it; many analysts want them out of
// a count of what actors did, so `statements = false` leaves out root 01.
struct EventKinds {
  std::set<Modality> modalities = {Modality::kAsserted};  // empty: any modality
  std::optional<bool> negated = false;                    // nullopt: negated or not
  bool statements = true;                                 // false: without root 01

  bool IsDefault() const {
    return modalities == EventKinds().modalities && negated == false && statements;
  }
};

// Events within `km` kilometres (great-circle) of a point.
struct NearFilter {
  double lat = 0, lon = 0, km = 0;
};

struct QueryFilter {
  EventKinds kinds;
  std::string actor;           // code (PRKGOV), country (PRK) or part of a name, either side
  std::string country;         // either side
  std::string agent;           // either side
  std::string name;            // part of a name, either side
  std::string dyad_a, dyad_b;  // code or country; either direction unless directed
  bool directed = false;
  std::vector<std::string> codes;  // CAMEO codes (prefixes: "04" is a root)
  int quad_class = 0;
  std::string from, to;  // YYYY-MM-DD, inclusive, on the event date
  std::string language;
  std::string source;  // the outlet of any telling
  long long story = 0;
  // A gazetteer id (every event placed at it or inside it: "IDN.JI" takes
  // "IDN.JI.surabaya"), a country's ISO alpha-3 code, or a place's name
  // (ASCII case-insensitive, as written or as its first-level division's
  // name). Which of these: IsPlaceId in filter.h.
  std::string place;
  std::optional<NearFilter> near;
  long long limit = 0;   // 0: all
  long long offset = 0;  // events to skip, for paging
  bool newest_first = false;
};

// Events per period for a timeline, by direction and quad class.
enum class Period { kWeek, kMonth };
struct TimelineRow {
  std::string period;    // YYYY-MM-DD (the Monday of a week) or YYYY-MM
  bool reverse = false;  // with a dyad A:B: true for B acting on A
  int quad_class = 0;
  long long events = 0;
  double goldstein_sum = 0;
};

// Actors with their event counts and the events between them.
struct NetworkNode {
  std::string code, name;
  long long events = 0;
};
struct NetworkEdge {
  std::string source, target;  // actor codes; source acts on target
  long long events = 0;
  double mean_goldstein = 0;
};
struct Network {
  std::vector<NetworkNode> nodes;  // most events first
  std::vector<NetworkEdge> edges;  // only between the nodes kept
};

// Events per place (events with no place are counted apart).
struct PlaceCount {
  std::string id, name, feature, country, adm1;
  double lat = 0, lon = 0;
  long long events = 0;
  double mean_goldstein = 0;
};
struct PlaceCounts {
  std::vector<PlaceCount> places;  // most events first, then by id
  long long placed = 0;            // events with a place, in every place (not only those kept)
  long long unplaced = 0;          // events the filter matches that have no place
};

// An actor known to the database, for completion.
struct KnownActor {
  std::string code, name, country, agent;
  long long events = 0;
};

// One telling of an event, or one article of a story.
struct Telling {
  std::string article_id, title, url, source, published, language;
  Evidence evidence;  // empty for a story's articles
};
struct EventDetail {
  StoredEvent event;
  std::vector<Telling> mentions;  // every telling of this event
  std::vector<Telling> story;     // every article of its story
};

struct StoreStats {
  long long articles = 0, mentions = 0, stories = 0;
  long long events = 0;         // of the kinds asked for (by default asserted, not negated)
  long long stored_events = 0;  // every event stored, of any kind
  // Every stored event once: "asserted", "alleged", "intended" (not negated)
  // and "negated" (of any modality).
  std::vector<std::pair<std::string, long long>> by_kind;
  // by_root and by_month count the events of the kinds asked for.
  std::vector<std::pair<std::string, long long>> by_language, by_root, by_month, by_source;
  // The places with the most events of the kinds asked for ("IDN.JI Jawa
  // Timur"), at most kStatsPlaces, then "(no place)" when any has none.
  std::vector<std::pair<std::string, long long>> by_place;
};
inline constexpr int kStatsPlaces = 20;

// A text's identity for de-duplication (128 bits, hex).
std::string TextHash(const std::string& text);

// The outlet that told an article, for counting sources: its `source`, else
// its URL's host without "www." (kompas.com); "" when neither is known, so
// that all such articles count as one unknown source.
std::string OutletOf(const Article& article);

// The schema this warta writes, recorded in the meta table.
inline constexpr int kSchemaVersion = 6;
// Files of this version or later are read as the current one: 5 added
// event_keys, which queries do without (Store::keys_), and 6 ingest_claims,
// which readers never touch.
inline constexpr int kReadableAsItIs = 4;

struct StoreOptions {
  // How long a write waits for another process's transaction before failing
  // with "another process is writing to it".
  std::chrono::milliseconds busy_timeout = std::chrono::seconds(30);
  // When set, the time stamped on what is stored (ingested_at, date_added),
  // in seconds since 1970 UTC, so that two runs store identical bytes
  // (`warta ingest` takes it from SOURCE_DATE_EPOCH). Otherwise: now.
  std::optional<long long> fixed_time;
  // false: every answer counted from the events themselves, never from the
  // summary tables (for tests that compare the two).
  bool use_summaries = true;
};

class Store {
 public:
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             const StoreOptions& options = {});
  // For queries beside a running ingest: never writes, never waits for the
  // writer; works in a folder and on files the user may not write to.
  static Result<std::unique_ptr<Store>> OpenReadOnly(const std::string& path,
                                                     const StoreOptions& options = {});
  ~Store();

  // Whether the article is already stored: one with this text hash, or, when
  // the id is a URL (http:// or https://), with this id: a page fetched again
  // is that page. Any other id alone says nothing (day1/0001.txt may be
  // another text than an earlier 0001.txt).
  Result<bool> HasArticle(const std::string& id, const std::string& text_hash);
  // Stores the batch in one transaction; articles already stored are skipped.
  struct Written {
    long long articles = 0, events = 0;
  };
  // With a claimant set, releases its claims on the articles of the batch
  // in the same transaction.
  Result<Written> WriteBatch(const std::vector<CodedRecord>& batch);

  // Whose claims Claim takes and WriteBatch releases: a name no other
  // ingest uses (NewClaimant()).
  void SetClaimant(const std::string& claimant) { claimant_ = claimant; }
  // Claims `keys` (text hashes) in one short transaction that does not wait
  // for writers' batches (SQLite: for the write lock only). Returns, in the
  // order of `keys`, whether each is the claimant's now: free, its own
  // already, or held by another for longer than `lease`.
  Result<std::vector<bool>> Claim(const std::vector<std::string>& keys, std::chrono::seconds lease);
  // Releases every claim the claimant holds (`claimant`: another's, whose
  // process is known to have ended).
  Status ReleaseClaims();
  Status ReleaseClaims(const std::string& claimant);
  // Every claimant holding claims.
  Result<std::vector<std::string>> Claimants();
  Status Query(const QueryFilter& filter, const std::function<void(const StoredEvent&)>& visit);
  // How many events the filter matches, ignoring its limit and offset.
  Result<long long> Count(const QueryFilter& filter);
  // Dated events only; month- and year-dated events fall in their first day's period.
  Result<std::vector<TimelineRow>> Timeline(const QueryFilter& filter, Period period);
  // The `max_nodes` actors (by code) with the most events that have a target.
  Result<Network> ActorNetwork(const QueryFilter& filter, int max_nodes);
  // The `limit` places with the most events the filter matches (its own
  // limit and offset ignored).
  Result<PlaceCounts> Places(const QueryFilter& filter, int limit);
  // Actors whose code starts with, or whose name contains, `text`; most events first.
  Result<std::vector<KnownActor>> Actors(const std::string& text, int limit);
  // NotFound when there is no event with this row.
  Result<EventDetail> Detail(long long row);
  // Counts; events by root and month are those of `kinds`.
  Result<StoreStats> Stats(const EventKinds& kinds = {});
  // Counts the summary tables anew from the rows, in one transaction: for
  // tools that write rows by bulk SQL (the benchmark's generator).
  Status RebuildSummaries();
  // Queries still running at `deadline` fail with an "interrupted" error.
  void SetDeadline(std::chrono::steady_clock::time_point deadline) { db_->SetDeadline(deadline); }

 private:
  Store(std::unique_ptr<sql::Database> db, const StoreOptions& options)
      : db_(std::move(db)), options_(options) {}
  // Refuses a file that is not an empty or a warta database; `writing`
  // words the refusal for a writer.
  Status CheckContents(bool writing);
  // The schema version stored in the file (0: none yet).
  Result<int> StoredVersion();
  // Reads an older file as the current schema, without writing to it.
  Status ViewOldSchema(int version);
  // Adds what each version since `version` added; inside the schema's transaction.
  Status Migrate(int version);
  Status MigrateEventKeys(int version);
  Status CreateSchema();
  // One attempt; *busy: it failed because SQLite found the file busy.
  Status TryCreateSchema(bool* busy);
  std::string Now() const;
  Status WriteRecord(const CodedRecord& record, Written* written);
  // Stores a record not stored yet, whose id is free.
  Status InsertRecord(const CodedRecord& record, const std::string& hash, Written* written);
  // `keys` are the record's event keys (source|target|root|date), for translations.
  Result<long long> AssignStory(const CodedRecord& record, long long article_row,
                                const std::vector<uint32_t>& signature,
                                const std::set<std::string>& keys);
  Status WriteEvent(const CodedRecord& record, long long story, const Event& event);
  // summary.cc: what each write adds to the summary tables.
  Status CountEvent(long long row);
  Status CountPlace(long long row);
  Status CountArticle(long long row);
  struct Summing {
    std::string update, insert;  // SQLite: the UPDATE, else the INSERT
    std::string keys, set;       // PostgreSQL: the INSERT ON CONFLICT(keys) DO UPDATE SET set
  };
  Status AddOrInsert(const Summing& summing, long long row);
  Status AddToTotal(const std::string& name, long long amount);
  // event_keys (summary.h): the keys of the event of `row`, its actors' or
  // its place's; inserted with the event's columns.
  Status KeyEvent(long long row);
  Status KeyPlace(long long row);
  Status InsertKeys(long long row, const std::set<std::string>& keys);
  // Empties and fills event_keys from the events; inside a transaction.
  Status FillEventKeys();
  // Empties and fills the summary tables from the rows; inside a transaction.
  Status FillSummaries();
  // Whether the summary tables can answer a filter (kinds, roots, quad, dates only).
  // `dated`: the table has the date (summary_events; summary_places has not).
  bool SummaryAnswers(const QueryFilter& filter, bool dated) const;
  // A telling that places an event (or its source or target) not placed yet
  // gives it its place.
  Status FillLocation(long long row, const Event& event);
  // Stores where the text places the event's source and target.
  Status PlaceActors(long long row, const Event& event);

  // Claims the distinct, sorted `keys` (ordered, so that two claimants never
  // wait for each other in a circle); adds those taken to *taken.
  Status ClaimSorted(const std::vector<std::string>& keys, std::chrono::seconds lease,
                     std::set<std::string>* taken);
  // What a batch adds to the actors' event counts and to summary_totals,
  // gathered as it is written and written once at its end (WriteCounts): one
  // statement per actor and total a batch, not one per event. In the order
  // first seen, so new rows are made in the order one statement per event
  // made them.
  struct BatchCounts {
    struct ActorCount {
      std::string code, name, country, agent;
      long long events = 0;
    };
    std::vector<ActorCount> actors;
    std::map<std::pair<std::string, std::string>, size_t> actor_index;  // by code and name
    std::vector<std::pair<std::string, long long>> totals;

    void AddActor(const Actor& actor);
    void AddTotal(const std::string& name, long long amount);
  };
  Status WriteCounts();
  // Releases the claimant's claims on the batch's articles, in the write's
  // transaction, in key order: a claimer locks keys in that order too, so
  // the two never wait for each other in a circle.
  Status ReleaseClaimsOf(const std::vector<CodedRecord>& batch);
  // Sends `sql` (cached) with its integer parameters, results unread.
  Status Sent(const std::string& sql, long long first, std::optional<long long> second = {});
  // Prepared once per store and reused: preparing costs more than running.
  Result<sql::Loan> Cached(const std::string& sql);

  std::unique_ptr<sql::Database> db_;
  StoreOptions options_;
  std::map<std::string, std::unique_ptr<sql::Statement>> statements_;
  bool summaries_ = false;  // the file has them (version 3) and options_ allow them
  bool keys_ = false;       // the file has event_keys (version 5) and options_ allow them
  std::string claimant_;    // "": WriteBatch releases no claims
  BatchCounts batch_counts_;
};

// A claimant's name no other ingest has: host, process and a random number.
std::string NewClaimant();
// Whether a claimant (named by NewClaimant) is known to have ended: it ran
// on this host and no process has its id now. A killed ingest's claims are
// then released at once, not when their lease ends. (Processes in another
// PID namespace under the same host name would look ended: give them
// host names of their own.)
bool ClaimantIsGone(const std::string& claimant);

}  // namespace warta
