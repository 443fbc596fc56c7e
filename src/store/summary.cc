// Keeping the summary tables (summary.h) current: each write adds what it
// stored, read back from the row it wrote, so the summaries count exactly
// what a COUNT over the rows would.
#include "store/summary.h"

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
  return db_->Execute(
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
