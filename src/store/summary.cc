// Keeping the summary tables (summary.h) current: each write adds what it
// stored, read back from the row it wrote, so the summaries count exactly
// what a COUNT over the rows would.
#include "store/summary.h"

#include <set>

#include "store/store.h"

namespace warta {

namespace {

// The first value in byte order, NULLs left out, as MIN() over rows takes it;
// `from` names the event's row ("e." or PostgreSQL's "excluded.").
std::string KeepFirst(const std::string& column, const std::string& from) {
  const std::string kept = "summary_places." + column;
  return column + " = CASE WHEN " + kept + " IS NULL OR " + from + column + " < " + kept +
         " THEN " + from + column + " ELSE " + kept + " END";
}

const char* const kKeptPlaceColumns[] = {"place_name", "place_feature", "place_country",
                                         "place_adm1", "place_lat",     "place_lon"};

// The columns event_keys copies from the event, after the key.
const char* kKeyedColumns = "date, row, modality, negated, cameo_root, quad_class, goldstein";

// Which event_keys key takes which actor column ("a:" codes and countries,
// "c:" countries, "n:" names); empty values have no key.
const std::pair<const char*, const char*> kActorKeys[] = {
    {"a:", "source_code"},    {"a:", "target_code"},    {"a:", "source_country"},
    {"a:", "target_country"}, {"c:", "source_country"}, {"c:", "target_country"},
    {"n:", "source_name"},    {"n:", "target_name"}};

// The places --place `id` takes: the id, each id it is inside ("IDN" and
// "IDN.JK" for "IDN.JK.jakarta": the filter's range of ids), and a
// country's three-letter code.
std::set<std::string> PlaceKeys(const std::string& id, const std::string& country) {
  std::set<std::string> keys;
  for (size_t dot = id.find('.'); dot != std::string::npos; dot = id.find('.', dot + 1)) {
    keys.insert("p:" + id.substr(0, dot));
  }
  keys.insert("p:" + id);
  if (country.size() == 3) keys.insert("p:" + country);
  return keys;
}

}  // namespace

// Adds the event (or article) of row ?1 to its summary row. SQLite: `update`
// (an UPDATE ... FROM the row) and, when it matched none, `insert` (an
// INSERT ... SELECT). PostgreSQL: one `insert` ON CONFLICT(`keys`) DO UPDATE
// SET `set`, on the unique keys of kSummaryUniqueKeys, whose NULLs are equal
// (an undated event's row is found by its index, where the UPDATE's IS NOT
// DISTINCT FROM would read every summary row).
Status Store::AddOrInsert(const Summing& summing, long long row) {
  if (db_->dialect().postgres()) {
    auto upsert =
        Cached(summing.insert + " ON CONFLICT(" + summing.keys + ") DO UPDATE SET " + summing.set);
    if (!upsert.ok()) return upsert.status();
    upsert.value()->Bind(1, row);
    return upsert.value()->Send();
  }
  auto add = Cached(summing.update);
  if (!add.ok()) return add.status();
  add.value()->Bind(1, row);
  Status status = add.value()->Run();
  if (!status.ok() || db_->Changes() > 0) return status;
  auto first = Cached(summing.insert);
  if (!first.ok()) return first.status();
  first.value()->Bind(1, row);
  return first.value()->Run();
}

Status Store::CountEvent(long long row) {
  Status status = KeyEvent(row);
  if (!status.ok()) return status;
  return AddOrInsert(
      {"UPDATE summary_events SET events = events + 1, goldstein_sum = goldstein_sum + "
       "COALESCE(e.goldstein, 0) FROM (SELECT * FROM events WHERE row = ?1) e "
       "WHERE summary_events.modality IS NOT DISTINCT FROM e.modality "
       "AND summary_events.negated IS NOT DISTINCT FROM e.negated "
       "AND summary_events.date IS NOT DISTINCT FROM e.date "
       "AND summary_events.cameo_root IS NOT DISTINCT FROM e.cameo_root "
       "AND summary_events.quad_class IS NOT DISTINCT FROM e.quad_class",
       "INSERT INTO summary_events SELECT modality, negated, date, cameo_root, quad_class, 1, "
       "COALESCE(goldstein, 0) FROM events WHERE row = ?1",
       "modality, negated, date, cameo_root, quad_class",
       "events = summary_events.events + 1, "
       "goldstein_sum = summary_events.goldstein_sum + excluded.goldstein_sum"},
      row);
}

Status Store::CountPlace(long long row) {
  Status status = KeyPlace(row);
  if (!status.ok()) return status;
  std::string keep, keep_excluded;
  for (const char* column : kKeptPlaceColumns) {
    keep += ", " + KeepFirst(column, "e.");
    keep_excluded += ", " + KeepFirst(column, "excluded.");
  }
  return AddOrInsert(
      {"UPDATE summary_places SET events = events + 1, goldstein_sum = goldstein_sum + "
       "COALESCE(e.goldstein, 0)" +
           keep +
           " FROM (SELECT * FROM events WHERE row = ?1 AND place_id IS NOT NULL) e "
           "WHERE summary_places.place_id = e.place_id "
           "AND summary_places.modality IS NOT DISTINCT FROM e.modality "
           "AND summary_places.negated IS NOT DISTINCT FROM e.negated "
           "AND summary_places.cameo_root IS NOT DISTINCT FROM e.cameo_root "
           "AND summary_places.quad_class IS NOT DISTINCT FROM e.quad_class",
       "INSERT INTO summary_places SELECT place_id, modality, negated, cameo_root, quad_class, 1, "
       "COALESCE(goldstein, 0), place_name, place_feature, place_country, place_adm1, place_lat, "
       "place_lon FROM events WHERE row = ?1 AND place_id IS NOT NULL",
       "place_id, modality, negated, cameo_root, quad_class",
       "events = summary_places.events + 1, "
       "goldstein_sum = summary_places.goldstein_sum + excluded.goldstein_sum" +
           keep_excluded},
      row);
}

Status Store::InsertKeys(long long row, const std::set<std::string>& keys) {
  auto insert = Cached(std::string("INSERT INTO event_keys SELECT CAST(?2 AS TEXT), ") +
                       kKeyedColumns + " FROM events WHERE row = ?1");
  if (!insert.ok()) return insert.status();
  for (const std::string& key : keys) {
    insert.value()->Reset();
    insert.value()->Bind(1, row);
    insert.value()->Bind(2, key);
    Status status = insert.value()->Run();
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

Status Store::KeyEvent(long long row) {
  std::string columns;
  for (const auto& [prefix, column] : kActorKeys)
    columns += (columns.empty() ? "" : ", ") + std::string(column);
  auto read = Cached("SELECT " + columns + " FROM events WHERE row = ?1");
  if (!read.ok()) return read.status();
  read.value()->Bind(1, row);
  std::set<std::string> keys;
  Status status;
  if (read.value()->Step(&status)) {
    for (size_t k = 0; k < std::size(kActorKeys); ++k) {
      std::string value = read.value()->Text(static_cast<int>(k));
      if (!value.empty()) keys.insert(kActorKeys[k].first + value);
    }
  }
  if (!status.ok()) return status;
  return InsertKeys(row, keys);
}

Status Store::KeyPlace(long long row) {
  auto read = Cached(
      "SELECT place_id, COALESCE(place_country, '') FROM events WHERE row = ?1 "
      "AND place_id IS NOT NULL");
  if (!read.ok()) return read.status();
  read.value()->Bind(1, row);
  Status status;
  std::set<std::string> keys;
  if (read.value()->Step(&status)) keys = PlaceKeys(read.value()->Text(0), read.value()->Text(1));
  if (!status.ok()) return status;
  return InsertKeys(row, keys);
}

// By bulk SQL: the actors' keys in one statement (UNION: each event's key
// once); the places' keys per place id (a few thousand), each id's keys
// computed here, a country's code left out where the first statement wrote
// it already.
Status Store::FillEventKeys() {
  const std::string events = std::string(db_->dialect().OwnTables()) + "events";
  std::string sql = "DELETE FROM event_keys; INSERT INTO event_keys ";
  for (const auto& [prefix, column] : kActorKeys) {
    sql += std::string(&prefix == &kActorKeys[0].first ? "" : " UNION ") + "SELECT '" + prefix +
           "' || " + column + ", " + kKeyedColumns + " FROM " + events + " WHERE " + column +
           " <> ''";
  }
  sql += " UNION SELECT 'p:' || place_country, " + std::string(kKeyedColumns) + " FROM " + events +
         " WHERE place_id IS NOT NULL AND length(place_country) = 3";
  Status status = db_->Execute(sql);
  if (!status.ok()) return status;
  std::vector<std::pair<std::string, std::string>> places;
  {
    auto ids = sql::Statement::Prepare(
        db_.get(), "SELECT DISTINCT place_id FROM " + events + " WHERE place_id IS NOT NULL");
    if (!ids.ok()) return ids.status();
    while (ids.value()->Step(&status)) places.push_back({ids.value()->Text(0), ""});
    if (!status.ok()) return status;
  }
  auto insert = sql::Statement::Prepare(
      db_.get(),
      "INSERT INTO event_keys SELECT CAST(?1 AS TEXT), " + std::string(kKeyedColumns) + " FROM " +
          events +
          " WHERE place_id = ?2 AND (place_country IS NULL OR length(place_country) <> 3 "
          "OR 'p:' || place_country <> ?1)");
  if (!insert.ok()) return insert.status();
  for (const auto& [id, unused] : places) {
    for (const std::string& key : PlaceKeys(id, "")) {
      insert.value()->Reset();
      insert.value()->Bind(1, key);
      insert.value()->Bind(2, id);
      status = insert.value()->Run();
      if (!status.ok()) return status;
    }
  }
  return Status::Ok();
}

Status Store::CountArticle(long long row) {
  return AddOrInsert(
      {"UPDATE summary_articles SET articles = articles + 1 "
       "FROM (SELECT source, language FROM articles WHERE row = ?1) a "
       "WHERE summary_articles.source IS NOT DISTINCT FROM a.source "
       "AND summary_articles.language IS NOT DISTINCT FROM a.language",
       "INSERT INTO summary_articles SELECT source, language, 1 FROM articles WHERE row = ?1",
       "source, language", "articles = summary_articles.articles + 1"},
      row);
}

Status Store::AddToTotal(const std::string& name, long long amount) {
  auto add = Cached(
      "INSERT INTO summary_totals VALUES(?1, ?2) "
      "ON CONFLICT(name) DO UPDATE SET value = summary_totals.value + excluded.value");
  if (!add.ok()) return add.status();
  add.value()->Bind(1, name);
  add.value()->Bind(2, amount);
  return add.value()->Send();
}

Status Store::FillSummaries() {
  // main.events: a version 1 file being upgraded has no temporary view, but
  // say which table is meant.
  const sql::Dialect& dialect = db_->dialect();
  const std::string own = dialect.OwnTables();
  const std::string total = dialect.Total("goldstein");
  Status status = db_->Execute(
      "DELETE FROM summary_events; DELETE FROM summary_places; DELETE FROM summary_articles; "
      "DELETE FROM summary_totals; "
      "INSERT INTO summary_events SELECT modality, negated, date, cameo_root, quad_class, "
      "COUNT(*), " +
      total + " FROM " + own +
      "events GROUP BY 1, 2, 3, 4, 5; "
      "INSERT INTO summary_places SELECT place_id, modality, negated, cameo_root, quad_class, "
      "COUNT(*), " +
      total +
      ", MIN(place_name), MIN(place_feature), MIN(place_country), "
      "MIN(place_adm1), MIN(place_lat), MIN(place_lon) FROM " +
      own +
      "events WHERE place_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5; "
      "INSERT INTO summary_articles SELECT source, language, COUNT(*) FROM " +
      own +
      "articles GROUP BY 1, 2; "
      "INSERT INTO summary_totals SELECT 'mentions', COUNT(*) FROM " +
      own +
      "mentions; "
      "INSERT INTO summary_totals SELECT 'stories', COUNT(*) FROM " +
      own + "stories;");
  return status.ok() ? FillEventKeys() : status;
}

Status Store::RebuildSummaries() {
  Status status = db_->Execute(db_->dialect().BeginWrite());
  if (!status.ok()) return status;
  status = FillSummaries();
  if (status.ok()) status = db_->Execute("COMMIT");
  if (!status.ok()) db_->Execute("ROLLBACK");
  return status;
}

}  // namespace warta
