// The summary tables of schema version 3: counts kept current by every write,
// in the write's own transaction, so that the counts and aggregates over
// millions of events read a few thousand rows instead of every event.
// Internal to the store (store.cc writes them, query.cc reads them).
//
//   summary_events    events and the sum of their Goldstein values per kind
//                     (modality, negated), date (NULL: undated), root and
//                     quad class: the columns the query filters name, so the
//                     same WHERE clause serves the events and their summary
//   summary_places    the same per placed event's place, with the place's
//                     fields (the first in byte order, as the queries take them)
//   summary_articles  articles per outlet (the article's source) and language
//   summary_totals    "mentions" and "stories"
//   event_keys        (schema version 5) one row per event and key it has:
//                     "a:" each code and country of its actors (what
//                     --actor CODE matches), "c:" each actor's country
//                     (--country), "n:" each actor's name (--actor/--name
//                     text naming one actor), "p:" its place's id, every
//                     id its id is inside ("IDN", "IDN.JK" for
//                     "IDN.JK.jakarta") and its country (--place ID), with
//                     the event's kind, date, root, quad class and
//                     Goldstein: a page of one actor's events walks the
//                     index in date order and stops after the page, and
//                     their count and timeline read the index only.
#pragma once

namespace warta {

inline const char* kSummarySchema = R"SQL(
CREATE TABLE IF NOT EXISTS summary_totals(name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS summary_events(
  modality TEXT, negated INTEGER, date TEXT, cameo_root TEXT, quad_class INTEGER,
  events INTEGER NOT NULL, goldstein_sum REAL NOT NULL);
CREATE INDEX IF NOT EXISTS summary_events_key
  ON summary_events(modality, negated, date, cameo_root, quad_class, events, goldstein_sum);
CREATE TABLE IF NOT EXISTS summary_places(
  place_id TEXT NOT NULL, modality TEXT, negated INTEGER, cameo_root TEXT, quad_class INTEGER,
  events INTEGER NOT NULL, goldstein_sum REAL NOT NULL, place_name TEXT, place_feature TEXT,
  place_country TEXT, place_adm1 TEXT, place_lat REAL, place_lon REAL);
CREATE INDEX IF NOT EXISTS summary_places_key
  ON summary_places(place_id, modality, negated, cameo_root, quad_class);
CREATE TABLE IF NOT EXISTS summary_articles(
  source TEXT, language TEXT, articles INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS summary_articles_key ON summary_articles(source, language);
CREATE TABLE IF NOT EXISTS event_keys(
  key TEXT NOT NULL, date TEXT, row INTEGER NOT NULL, modality TEXT, negated INTEGER,
  cameo_root TEXT, quad_class INTEGER, goldstein REAL);
CREATE INDEX IF NOT EXISTS event_keys_walk
  ON event_keys(key, date, row, modality, negated, cameo_root, quad_class, goldstein);
)SQL";

// The schema version that added event_keys.
inline constexpr int kEventKeysVersion = 5;

// PostgreSQL only (15 or newer): the keys its summary upserts find their row
// by, NULLs equal (an undated event's date), as in SQLite's IS comparisons.
inline const char* kSummaryUniqueKeys = R"SQL(
CREATE UNIQUE INDEX IF NOT EXISTS summary_events_unique
  ON summary_events(modality, negated, date, cameo_root, quad_class) NULLS NOT DISTINCT;
CREATE UNIQUE INDEX IF NOT EXISTS summary_places_unique
  ON summary_places(place_id, modality, negated, cameo_root, quad_class) NULLS NOT DISTINCT;
CREATE UNIQUE INDEX IF NOT EXISTS summary_articles_unique
  ON summary_articles(source, language) NULLS NOT DISTINCT;
)SQL";

}  // namespace warta
