
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "events/vocabulary.h"
#include "store/filter.h"
#include "store/geo.h"
#include "store/location_columns.h"
#include "store/store.h"

namespace warta {

namespace {

// Builds the WHERE clause and its parameters; every value is bound, never
// pasted into the SQL. Column names are those of the events table.
struct Where {
  explicit Where(const sql::Dialect& d) : dialect(d) {}
  const sql::Dialect& dialect;
  std::string sql = " WHERE 1=1";
  // When a filter is answered through event_keys (summary.h): the same
  // clauses over its rows, its key for the filter it stands for.
  std::string keys_sql = " WHERE 1=1";
  bool keyed = false;
  // Every clause names a column of event_keys: keys_sql answers alone.
  bool keys_only = false;
  std::vector<std::string> values;

  // Binds one value; returns its placeholder ("?3").
  std::string Param(const std::string& value) {
    values.push_back(value);
    std::string placeholder = "?";
    placeholder += std::to_string(values.size());
    return placeholder;
  }
  // `clause` already holds its placeholders (from Param).
  void AddClause(const std::string& clause) {
    sql += " AND (" + clause + ")";
    keys_sql += " AND (" + clause + ")";
  }
  // The events that have `key` in event_keys.
  void AddKey(const std::string& key) {
    std::string placeholder = Param(key);
    sql += " AND row IN (SELECT row FROM event_keys WHERE key = " + placeholder + ")";
    keys_sql += " AND key = " + placeholder;
    keyed = true;
  }
  // `clause` holds one '?' per value, in order.
  void Add(const std::string& clause, const std::vector<std::string>& bound) {
    std::string numbered;
    size_t next = 0;
    for (char c : clause) {
      if (c == '?') {
        numbered += Param(bound[next++]);
      } else {
        numbered += c;
      }
    }
    AddClause(numbered);
  }
  // Prepares `sql` (which holds this clause's placeholders) and binds the values.
  Result<std::unique_ptr<sql::Statement>> Prepare(sql::Database* db,
                                                  const std::string& text) const {
    auto stmt = sql::Statement::Prepare(db, text);
    if (!stmt.ok()) return stmt.status();
    for (size_t i = 0; i < values.size(); ++i) {
      stmt.value()->Bind(static_cast<int>(i + 1), values[i]);
    }
    return stmt;
  }
};

// "%text%" for LIKE ... ESCAPE '\', with the user's own % and _ taken literally.
std::string Contains(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// The root statements are stored under: cameo::kStatement as two digits, "01".
std::string StatementRoot() {
  char root[8];
  std::snprintf(root, sizeof root, "%02d", cameo::kStatement);
  return root;
}

// Restricts `where` to events of these kinds (stored as the modality's name
// and negated 0 or 1). Written as literals, not bound: they come from a
// closed enum, never from the user's text, and a literal term lets SQLite
// use an index restricted to them (a partial index "WHERE modality =
// 'asserted' AND negated = 0"), which a bound parameter would not.
//
// Leaving out statements is bound, like the user's filters: no partial index
// names the root, so a literal would buy nothing, and the default (with
// statements) adds no term, so the indexes above still serve it.
void AddKinds(const EventKinds& kinds, Where* where) {
  if (!kinds.modalities.empty()) {
    std::string in;
    for (Modality modality : kinds.modalities) {
      in += (in.empty() ? "'" : ", '") + std::string(ModalityName(modality)) + "'";
    }
    where->AddClause(kinds.modalities.size() == 1 ? "modality = " + in
                                                  : "modality IN (" + in + ")");
  }
  if (kinds.negated) where->AddClause(*kinds.negated ? "negated = 1" : "negated = 0");
  if (!kinds.statements) where->Add("cameo_root <> ?", {StatementRoot()});
}

// A number as bound text; compared with a place column, the column's REAL
// affinity makes it a number again.
std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", value);
  return text;
}

// --place: a gazetteer id and everything inside it (a range of ids, which
// the index answers: "IDN.JI." up to "IDN.JI/", '/' sorting right after
// '.'), a country by its code, or a place by name.
void AddPlace(const std::string& place, Where* where) {
  if (!IsPlaceId(place)) {
    const sql::Dialect& d = where->dialect;
    where->Add(
        d.EqualsIgnoringCase("place_name", "?") + " OR " + d.EqualsIgnoringCase("place_adm1", "?"),
        {place, place});
    return;
  }
  std::string clause = "place_id = ? OR (place_id >= ? AND place_id < ?)";
  std::vector<std::string> bound = {place, place + ".", place + "/"};
  if (place.size() == 3) {  // a country: also an event placed by its country alone
    clause += " OR place_country = ?";
    bound.push_back(place);
  }
  where->Add(clause, bound);
}

// --near: the box around the circle first (a range on the indexed latitude),
// then the exact distance.
void AddNear(const NearFilter& near, Where* where) {
  GeoBox box = BoxAround(near.lat, near.lon, near.km);
  where->Add("place_lat BETWEEN ? AND ?", {Number(box.min_lat), Number(box.max_lat)});
  if (!box.all_longitudes) {
    where->Add("place_lon BETWEEN ? AND ?", {Number(box.min_lon), Number(box.max_lon)});
  }
  // The distance has no column affinity to turn the bound text into a
  // number, and any number sorts before any text: cast it.
  where->Add("warta_km(place_lat, place_lon, ?, ?) <= CAST(? AS DOUBLE PRECISION)",
             {Number(near.lat), Number(near.lon), Number(near.km)});
}

// The one actor name that contains `text` ("Prabowo": "Prabowo Subianto"),
// or "" when none or several do (or the look-up fails: the query then
// takes the names itself).
std::string OnlyName(sql::Database* db, const std::string& text) {
  auto names = db->Prepare(std::string("SELECT DISTINCT name FROM actors WHERE name ") +
                           db->dialect().Like() + " ?1 ESCAPE '\\' LIMIT 2");
  if (!names.ok()) return "";
  names.value()->Bind(1, Contains(text));
  Status status;
  std::vector<std::string> found;
  while (names.value()->Step(&status)) found.push_back(names.value()->Text(0));
  return found.size() == 1 && status.ok() ? found[0] : "";
}

// Which filter event_keys answers (summary.h), when the store has it: the
// first of an actor code or name, a name, a place id and a country; "" for
// none. `which` is set to the filter the key stands for.
std::string KeyOf(const QueryFilter& f, sql::Database* db, const std::string** which) {
  auto name_key = [&](const std::string& text) {
    std::string name = OnlyName(db, text);
    return name.empty() ? name : "n:" + name;
  };
  std::string key;
  if (!f.actor.empty()) {
    key = IsActorCode(f.actor) ? "a:" + f.actor : name_key(f.actor);
    *which = &f.actor;
  } else if (!f.name.empty()) {
    key = name_key(f.name);
    *which = &f.name;
  } else if (!f.place.empty() && IsPlaceId(f.place)) {
    key = "p:" + f.place;
    *which = &f.place;
  } else if (!f.country.empty()) {
    key = "c:" + f.country;
    *which = &f.country;
  }
  if (key.empty()) *which = nullptr;
  return key;
}

// `db`: the store's database when it has event_keys, else null.
Where Build(const QueryFilter& f, const sql::Dialect& dialect, sql::Database* db = nullptr) {
  Where where(dialect);
  AddKinds(f.kinds, &where);
  const std::string* keyed = nullptr;
  if (db != nullptr) {
    std::string key = KeyOf(f, db, &keyed);
    if (!key.empty()) where.AddKey(key);
  }
  // A part of a name: the names that contain it are looked up in the actors
  // table (every actor of every telling is there, a few thousand rows), and
  // the events with those names found through their indexes, instead of
  // matching the text against every event.
  const std::string like = dialect.Like();
  const std::string name_like =
      "source_name IN (SELECT name FROM actors WHERE name " + like + " ? ESCAPE '\\') OR " +
      "target_name IN (SELECT name FROM actors WHERE name " + like + " ? ESCAPE '\\')";
  if (!f.actor.empty() && keyed != &f.actor) {
    if (IsActorCode(f.actor)) {
      where.Add("source_code = ? OR target_code = ? OR source_country = ? OR target_country = ?",
                {f.actor, f.actor, f.actor, f.actor});
    } else {
      where.Add(name_like, {Contains(f.actor), Contains(f.actor)});
    }
  }
  if (!f.country.empty() && keyed != &f.country)
    where.Add("source_country = ? OR target_country = ?", {f.country, f.country});
  if (!f.agent.empty()) where.Add("source_agent = ? OR target_agent = ?", {f.agent, f.agent});
  if (!f.name.empty() && keyed != &f.name)
    where.Add(name_like, {Contains(f.name), Contains(f.name)});
  if (!f.dyad_a.empty()) {
    std::string a = where.Param(f.dyad_a), b = where.Param(f.dyad_b);
    // Written as a disjunction of conjunctions so that SQLite can answer each
    // term from an index (source_code, target_code) or (source_country,
    // target_country) and take the union, instead of scanning every event.
    auto side = [](const std::string& from, const std::string& to) {
      std::string terms;
      for (const char* s : {"source_code", "source_country"}) {
        for (const char* t : {"target_code", "target_country"}) {
          terms += (terms.empty() ? "(" : " OR (") + std::string(s) + " = " + from + " AND " + t +
                   " = " + to + ")";
        }
      }
      return terms;
    };
    where.AddClause(f.directed ? side(a, b) : side(a, b) + " OR " + side(b, a));
  }
  if (!f.codes.empty()) {
    std::string clause;
    for (const std::string& code : f.codes) {
      clause += clause.empty() ? "" : " OR ";
      if (code.size() == 2) {
        clause += "cameo_root = " + where.Param(code);
      } else {  // the code and those below it: "042" takes "0421"; a range the index answers
        std::string after = code;
        after.back() = static_cast<char>(after.back() + 1);
        clause += "(cameo >= " + where.Param(code) + " AND cameo < " + where.Param(after) + ")";
      }
    }
    where.AddClause(clause);
  }
  if (f.quad_class) where.Add("quad_class = ?", {std::to_string(f.quad_class)});
  if (!f.from.empty()) where.Add("date >= ?", {f.from});
  // "2023-12" takes every date in December 2023: '~' sorts after digits and '-'.
  if (!f.to.empty()) where.Add("date <= ?", {f.to + "~"});
  // An event is in a language when any of its tellings is.
  if (!f.language.empty()) {
    where.Add(
        "EXISTS (SELECT 1 FROM mentions m JOIN articles a ON a.id = m.article "
        "WHERE m.event = events.row AND a.language = ?)",
        {f.language});
  }
  if (!f.source.empty()) {
    where.Add("row IN (SELECT event FROM mentions WHERE outlet = ?)", {f.source});
  }
  if (f.story) where.Add("story_id = ?", {std::to_string(f.story)});
  if (!f.place.empty() && keyed != &f.place) AddPlace(f.place, &where);
  if (f.near) AddNear(*f.near, &where);
  bool roots_only = std::all_of(f.codes.begin(), f.codes.end(),
                                [](const std::string& code) { return code.size() == 2; });
  bool others = (!f.actor.empty() && keyed != &f.actor) ||
                (!f.country.empty() && keyed != &f.country) ||
                (!f.name.empty() && keyed != &f.name) || (!f.place.empty() && keyed != &f.place) ||
                !f.agent.empty() || !f.dyad_a.empty() || !f.language.empty() || !f.source.empty() ||
                f.story != 0 || f.near || !roots_only;
  where.keys_only = where.keyed && !others;
  return where;
}

std::optional<Date> OptionalDate(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return Date::Parse(text);
}

Modality ParseModality(const std::string& text) {
  if (text == "alleged") return Modality::kAlleged;
  if (text == "intended") return Modality::kIntended;
  return Modality::kAsserted;
}

// Reads a mention's evidence columns, starting at `first`: sentence start
// and end, text, then the source, verb and target spans.
Evidence ReadEvidence(const sql::Statement& s, int first) {
  auto span = [&](int column) {
    return Span{static_cast<size_t>(s.Int(column)), static_cast<size_t>(s.Int(column + 1))};
  };
  Evidence evidence;
  evidence.sentence = span(first);
  evidence.text = s.Text(first + 2);
  evidence.source = span(first + 3);
  evidence.verb = span(first + 5);
  evidence.target = span(first + 7);
  return evidence;
}

// Reads one row of EventSelect's columns.
StoredEvent ReadStoredEvent(const sql::Statement& s) {
  StoredEvent out;
  Event& e = out.event;
  out.row = s.Int(0);
  e.event_id = s.Text(1);
  out.story_id = s.Int(2);
  e.date = OptionalDate(s.Text(3));
  e.date_text = s.Text(4);
  e.source = {s.Text(5),
              s.Text(6),
              s.Text(7),
              s.Text(8),
              OptionalDate(s.Text(9)),
              OptionalDate(s.Text(10)),
              std::nullopt};
  if (!s.IsNull(11)) {
    e.target = Actor{s.Text(11),
                     s.Text(12),
                     s.Text(13),
                     s.Text(14),
                     OptionalDate(s.Text(15)),
                     OptionalDate(s.Text(16)),
                     std::nullopt};
  }
  e.cameo = s.Text(17);
  e.cameo_root = s.Text(18);
  e.cameo_label = s.Text(19);
  e.quad_class = static_cast<int>(s.Int(20));
  e.goldstein = s.Double(21);
  e.plover = s.Text(22);
  e.modality = ParseModality(s.Text(23));
  e.negated = s.Int(24) != 0;
  e.confidence = s.Double(25);
  e.language = s.Text(26);
  e.article_id = s.Text(27);
  e.published = OptionalDate(s.Text(28));
  out.num_mentions = static_cast<int>(s.Int(29));
  out.num_articles = static_cast<int>(s.Int(30));
  out.num_sources = static_cast<int>(s.Int(31));
  out.date_added = s.Text(32);
  out.source_url = s.Text(33);
  e.evidence = ReadEvidence(s, 34);
  e.location = ReadLocation(s, 43);
  e.source.location = ReadLocation(s, 43 + kLocationColumnCount);
  if (e.target) e.target->location = ReadLocation(s, 43 + 2 * kLocationColumnCount);
  return out;
}

// The order of an article's mentions of one event, by where they are
// written: the first is the event's evidence, and the detail lists them so.
std::string MentionSpans(const std::string& alias) {
  std::string columns;
  for (const char* column : {"evidence_start", "source_start", "verb_start", "target_start"}) {
    columns += (columns.empty() ? "" : ", ") + alias + column;
  }
  return columns;
}

// The events the clause matches, each with its first telling's evidence and URL.
std::string EventSelect(const Where& where, const QueryFilter& filter) {
  const std::string nulls = where.dialect.NullsLow(filter.newest_first);
  const std::string order =
      filter.newest_first ? "date DESC" + nulls + ", row DESC" : "date" + nulls + ", row";
  std::string page;
  if (filter.limit > 0) page = " LIMIT " + std::to_string(filter.limit);
  if (filter.offset > 0) {
    if (page.empty()) page = std::string(" ") + where.dialect.NoLimit();
    page += " OFFSET " + std::to_string(filter.offset);
  }
  // Keyed alone: the page's rows from event_keys, in its index's order.
  std::string inner = where.keys_only
                          ? "SELECT * FROM events WHERE row IN (SELECT row FROM "
                            "event_keys" +
                                where.keys_sql + " ORDER BY " + order + page + ")"
                          : "SELECT * FROM events" + where.sql + " ORDER BY " + order + page;
  std::string outer_order =
      filter.newest_first ? "e.date DESC" + nulls + ", e.row DESC" : "e.date" + nulls + ", e.row";
  return "SELECT e.row, e.event_id, e.story_id, e.date, e.date_text, e.source_code, "
         "e.source_country, e.source_agent, e.source_name, e.source_start, e.source_end, "
         "e.target_code, e.target_country, e.target_agent, e.target_name, e.target_start, "
         "e.target_end, e.cameo, e.cameo_root, e.cameo_label, e.quad_class, e.goldstein, "
         "e.plover, e.modality, e.negated, e.confidence, e.language, e.first_article, "
         "e.published, e.num_mentions, e.num_articles, e.num_sources, e.date_added, a.url, "
         "m.evidence_start, m.evidence_end, m.evidence_text, m.source_start, m.source_end, "
         "m.verb_start, m.verb_end, m.target_start, m.target_end, " +
         LocationColumnList("e.") + ", " + LocationColumnList("s.") + ", " +
         LocationColumnList("t.") + " FROM (" + inner +
         ") e LEFT JOIN articles a ON a.id = e.first_article "
         "LEFT JOIN actor_places s ON s.event = e.row AND s.side = " +
         std::to_string(static_cast<int>(ActorSide::kSource)) +
         " LEFT JOIN actor_places t ON t.event = e.row AND t.side = " +
         std::to_string(static_cast<int>(ActorSide::kTarget)) +
         " "
         "LEFT JOIN mentions m ON m.event = e.row AND m.article = e.first_article "
         "AND m.event_id = e.event_id "
         // (An event told twice in one sentence under one id, "Bupati dan Wakil
         // Bupati ...", has two such mentions: the first written is its evidence,
         // one row per event on either engine.)
         "AND NOT EXISTS (SELECT 1 FROM mentions d WHERE d.event = m.event AND d.article = "
         "m.article AND d.event_id = m.event_id AND (" +
         MentionSpans("d.") + ") < (" + MentionSpans("m.") + ")) ORDER BY " + outer_order;
}

// Goldstein sums in hundredths, exactly: every Goldstein value has at most
// two decimals, so each term is a whole number and the sum is exact in a
// double, whatever order the engine adds the rows in. (A sum of the values
// themselves differs in its last bits with the order, which SQLite and
// PostgreSQL choose differently, and a mean of 0.825 then prints 0.82 on one
// and 0.83 on the other.) A summary row's goldstein_sum is such a sum, kept
// by adding in the order the events were written; rounded, it is exact too.
std::string Hundredths(const std::string& column) { return "SUM(ROUND(" + column + " * 100))"; }

// sum / 100 / count, 0 for no count (AVG's NULL read as a number).
double Mean(double hundredths, long long count) {
  return count == 0 ? 0 : hundredths / 100 / static_cast<double>(count);
}

}  // namespace

Status Store::Query(const QueryFilter& filter,
                    const std::function<void(const StoredEvent&)>& visit) {
  Where where = Build(filter, db_->dialect(), keys_ ? db_.get() : nullptr);
  auto stmt = where.Prepare(db_.get(), EventSelect(where, filter));
  if (!stmt.ok()) return stmt.status();
  Status status;
  while (stmt.value()->Step(&status)) visit(ReadStoredEvent(*stmt.value()));
  return status;
}

bool Store::SummaryAnswers(const QueryFilter& f, bool dated) const {
  bool roots_only = std::all_of(f.codes.begin(), f.codes.end(),
                                [](const std::string& code) { return code.size() == 2; });
  return summaries_ && roots_only && f.actor.empty() && f.country.empty() && f.agent.empty() &&
         f.name.empty() && f.dyad_a.empty() && f.language.empty() && f.source.empty() &&
         f.story == 0 && f.place.empty() && !f.near && (dated || (f.from.empty() && f.to.empty()));
}

Result<long long> Store::Count(const QueryFilter& filter) {
  Where where = Build(filter, db_->dialect(), keys_ ? db_.get() : nullptr);
  const std::string sql = SummaryAnswers(filter, /*dated=*/true)
                              ? "SELECT COALESCE(SUM(events), 0) FROM summary_events" + where.sql
                          : where.keys_only ? "SELECT COUNT(*) FROM event_keys" + where.keys_sql
                                            : "SELECT COUNT(*) FROM events" + where.sql;
  auto stmt = where.Prepare(db_.get(), sql);
  if (!stmt.ok()) return stmt.status();
  Status status;
  long long count = stmt.value()->Step(&status) ? stmt.value()->Int(0) : 0;
  if (!status.ok()) return status;
  return count;
}

Result<std::vector<TimelineRow>> Store::Timeline(const QueryFilter& filter, Period period) {
  Where where = Build(filter, db_->dialect(), keys_ ? db_.get() : nullptr);
  where.sql += " AND date IS NOT NULL";
  where.keys_sql += " AND date IS NOT NULL";
  // A month or year date counts in its first day's period.
  const std::string day =
      "CASE length(date) WHEN 10 THEN date WHEN 7 THEN date || '-01' ELSE date || '-01-01' END";
  const std::string bucket =
      period == Period::kMonth ? "substr(day, 1, 7)" : db_->dialect().WeekStart("day");
  std::string reverse = "0";
  if (!filter.dyad_a.empty()) {
    std::string a = where.Param(filter.dyad_a);
    reverse = "CASE WHEN source_code = " + a + " OR source_country = " + a + " THEN 0 ELSE 1 END";
  }
  // Grouped by date first (a few thousand rows at most), then by period, so
  // the date arithmetic runs once per date, not once per event.
  const bool summary = SummaryAnswers(filter, /*dated=*/true);
  const std::string by_date =
      "SELECT date, " + reverse + " AS reverse, quad_class, " +
      (summary ? "SUM(events) AS n, " + Hundredths("goldstein_sum") + " AS g FROM summary_events" +
                     where.sql
       : where.keys_only
           ? "COUNT(*) AS n, " + Hundredths("goldstein") + " AS g FROM event_keys" + where.keys_sql
           : "COUNT(*) AS n, " + Hundredths("goldstein") + " AS g FROM events" + where.sql) +
      " GROUP BY 1, 2, 3";
  const std::string with_day =
      "SELECT " + day + " AS day, reverse, quad_class, n, g FROM (" + by_date + ") AS by_date";
  auto stmt =
      where.Prepare(db_.get(), "SELECT " + bucket + ", reverse, quad_class, SUM(n), SUM(g) FROM (" +
                                   with_day + ") AS with_day GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
  if (!stmt.ok()) return stmt.status();
  std::vector<TimelineRow> rows;
  Status status;
  for (sql::Statement& s = *stmt.value(); s.Step(&status);) {
    rows.push_back(
        {s.Text(0), s.Int(1) != 0, static_cast<int>(s.Int(2)), s.Int(3), s.Double(4) / 100});
  }
  if (!status.ok()) return status;
  return rows;
}

Result<Network> Store::ActorNetwork(const QueryFilter& filter, int max_nodes) {
  Where where = Build(filter, db_->dialect(), keys_ ? db_.get() : nullptr);
  auto stmt = where.Prepare(
      db_.get(), "SELECT source_code, target_code, COUNT(*), " + Hundredths("goldstein") +
                     ", COUNT(goldstein) FROM events" + where.sql +
                     " AND target_code IS NOT NULL AND target_code != '' "
                     "AND source_code != target_code GROUP BY 1, 2 ORDER BY 1, 2");
  if (!stmt.ok()) return stmt.status();
  std::vector<NetworkEdge> edges;
  std::map<std::string, long long> totals;
  Status status;
  for (sql::Statement& s = *stmt.value(); s.Step(&status);) {
    edges.push_back({s.Text(0), s.Text(1), s.Int(2), Mean(s.Double(3), s.Int(4))});
    totals[edges.back().source] += edges.back().events;
    totals[edges.back().target] += edges.back().events;
  }
  if (!status.ok()) return status;
  Network network;
  for (const auto& [code, events] : totals) network.nodes.push_back({code, "", events});
  std::sort(network.nodes.begin(), network.nodes.end(), [](const auto& x, const auto& y) {
    return x.events != y.events ? x.events > y.events : x.code < y.code;
  });
  if (network.nodes.size() > static_cast<size_t>(max_nodes)) network.nodes.resize(max_nodes);
  std::set<std::string> kept;
  auto name =
      Cached("SELECT name FROM actors WHERE code = ?1 ORDER BY num_events DESC, name LIMIT 1");
  if (!name.ok()) return name.status();
  for (NetworkNode& node : network.nodes) {
    kept.insert(node.code);
    sql::Statement& s = *name.value();
    s.Reset();
    s.Bind(1, node.code);
    if (s.Step(&status)) node.name = s.Text(0);
    if (!status.ok()) return status;
  }
  for (NetworkEdge& edge : edges) {
    if (kept.count(edge.source) && kept.count(edge.target)) network.edges.push_back(edge);
  }
  return network;
}

Result<PlaceCounts> Store::Places(const QueryFilter& filter, int limit) {
  Where where = Build(filter, db_->dialect(), keys_ ? db_.get() : nullptr);
  PlaceCounts counts;
  const bool summary = SummaryAnswers(filter, /*dated=*/false);
  auto totals = where.Prepare(
      db_.get(),
      summary ? "SELECT COALESCE((SELECT SUM(events) FROM summary_places" + where.sql +
                    "), 0), COALESCE((SELECT SUM(events) FROM summary_events" + where.sql +
                    "), 0) - COALESCE((SELECT SUM(events) FROM summary_places" + where.sql + "), 0)"
              : "SELECT COUNT(place_id), COUNT(*) - COUNT(place_id) FROM events" + where.sql);
  if (!totals.ok()) return totals.status();
  Status status;
  if (totals.value()->Step(&status)) {
    counts.placed = totals.value()->Int(0);
    counts.unplaced = totals.value()->Int(1);
  }
  if (!status.ok()) return status;
  // Per place the gazetteer's fields are the same on every event; the name as
  // written may differ ("Surabaya", "surabaya"): the first in byte order.
  auto stmt = where.Prepare(
      db_.get(),
      std::string("SELECT place_id, MIN(place_name), MIN(place_feature), MIN(place_country), ") +
          "MIN(place_adm1), MIN(place_lat), MIN(place_lon), " +
          (summary
               ? "SUM(events), " + Hundredths("goldstein_sum") + ", SUM(events) FROM summary_places"
               : "COUNT(*), " + Hundredths("goldstein") + ", COUNT(goldstein) FROM events") +
          where.sql + " AND place_id IS NOT NULL GROUP BY place_id ORDER BY 8 DESC, 1 LIMIT " +
          std::to_string(std::max(0, limit)));
  if (!stmt.ok()) return stmt.status();
  for (sql::Statement& s = *stmt.value(); s.Step(&status);) {
    counts.places.push_back({s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Double(5),
                             s.Double(6), s.Int(7), Mean(s.Double(8), s.Int(9))});
  }
  if (!status.ok()) return status;
  return counts;
}

Result<std::vector<KnownActor>> Store::Actors(const std::string& text, int limit) {
  std::string upper;
  for (char c : text) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::string like = db_->dialect().Like();
  auto stmt = Cached(
      "SELECT code, name, COALESCE(country, ''), COALESCE(agent, ''), num_events FROM actors "
      "WHERE code " +
      like + " ?1 ESCAPE '\\' OR name " + like +
      " ?2 ESCAPE '\\' "
      "ORDER BY num_events DESC, code, name LIMIT ?3");
  if (!stmt.ok()) return stmt.status();
  sql::Statement& s = *stmt.value();
  s.Reset();
  std::string prefix = Contains(upper).substr(1);  // "RUS%": codes start with it
  s.Bind(1, prefix);
  s.Bind(2, Contains(text));
  s.Bind(3, static_cast<long long>(limit));
  std::vector<KnownActor> actors;
  Status status;
  while (s.Step(&status)) {
    actors.push_back({s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Int(4)});
  }
  if (!status.ok()) return status;
  return actors;
}

Result<EventDetail> Store::Detail(long long row) {
  const sql::Dialect& dialect = db_->dialect();
  Where where(dialect);
  where.Add("row = ?", {std::to_string(row)});
  auto stmt = where.Prepare(db_.get(), EventSelect(where, QueryFilter{}));
  if (!stmt.ok()) return stmt.status();
  Status status;
  if (!stmt.value()->Step(&status)) {
    if (!status.ok()) return status;
    return Status::NotFound("no event " + std::to_string(row));
  }
  EventDetail detail;
  detail.event = ReadStoredEvent(*stmt.value());
  auto mentions = sql::Statement::Prepare(
      db_.get(),
      "SELECT m.article, COALESCE(a.title, ''), COALESCE(a.url, ''), m.outlet, "
      "COALESCE(a.published, ''), COALESCE(a.language, ''), m.evidence_start, m.evidence_end, "
      "m.evidence_text, m.source_start, m.source_end, m.verb_start, m.verb_end, m.target_start, "
      "m.target_end FROM mentions m LEFT JOIN articles a ON a.id = m.article "
      "WHERE m.event = ?1 ORDER BY a.published" +
          std::string(dialect.NullsLow(false)) + ", a.row, " + MentionSpans("m."));
  if (!mentions.ok()) return mentions.status();
  sql::Statement& m = *mentions.value();
  m.Bind(1, row);
  while (m.Step(&status)) {
    detail.mentions.push_back(
        {m.Text(0), m.Text(1), m.Text(2), m.Text(3), m.Text(4), m.Text(5), ReadEvidence(m, 6)});
  }
  if (!status.ok()) return status;
  auto story = sql::Statement::Prepare(
      db_.get(),
      "SELECT id, COALESCE(title, ''), COALESCE(url, ''), COALESCE(source, ''), "
      "COALESCE(published, ''), COALESCE(language, '') FROM articles WHERE story_id = ?1 "
      "ORDER BY published" +
          std::string(dialect.NullsLow(false)) + ", row");
  if (!story.ok()) return story.status();
  sql::Statement& a = *story.value();
  a.Bind(1, detail.event.story_id);
  while (a.Step(&status)) {
    detail.story.push_back({a.Text(0), a.Text(1), a.Text(2), a.Text(3), a.Text(4), a.Text(5), {}});
  }
  if (!status.ok()) return status;
  return detail;
}

Result<StoreStats> Store::Stats(const EventKinds& kinds) {
  StoreStats stats;
  Where which(db_->dialect());
  AddKinds(kinds, &which);
  auto group = [&](const std::string& sql, const Where& where,
                   std::vector<std::pair<std::string, long long>>* out) -> Status {
    auto stmt = where.Prepare(db_.get(), sql);
    if (!stmt.ok()) return stmt.status();
    Status status;
    while (stmt.value()->Step(&status))
      out->push_back({stmt.value()->Text(0), stmt.value()->Int(1)});
    return status;
  };
  auto count = [&](const std::string& sql, const Where& where, long long* out) -> Status {
    auto stmt = where.Prepare(db_.get(), sql);
    if (!stmt.ok()) return stmt.status();
    Status status;
    if (stmt.value()->Step(&status)) *out = stmt.value()->Int(0);
    return status;
  };
  const Where none(db_->dialect());
  // Each count from the summary tables when the file has them: the same
  // numbers (summary.h), from thousands of rows instead of millions.
  const bool sum = summaries_;
  const std::string n = sum ? "SUM(events)" : "COUNT(*)";
  const std::string events = sum ? " FROM summary_events" : " FROM events";
  const std::string places = sum ? " FROM summary_places" : " FROM events";
  const std::string articles =
      sum ? "SUM(articles) FROM summary_articles" : "COUNT(*) FROM articles";
  for (Status s :
       {count("SELECT " + articles, none, &stats.articles),
        count("SELECT COALESCE(" + n + ", 0)" + events + which.sql, which, &stats.events),
        count(sum ? "SELECT value FROM summary_totals WHERE name = 'mentions'"
                  : "SELECT COUNT(*) FROM mentions",
              none, &stats.mentions),
        count(sum ? "SELECT value FROM summary_totals WHERE name = 'stories'"
                  : "SELECT COUNT(*) FROM stories",
              none, &stats.stories),
        group("SELECT CASE WHEN negated <> 0 THEN 'negated' ELSE modality END, " + n + events +
                  " GROUP BY 1",
              none, &stats.by_kind),
        group("SELECT language, " + articles + " GROUP BY 1 ORDER BY 2 DESC, 1", none,
              &stats.by_language),
        group("SELECT cameo_root, " + n + events + which.sql + " GROUP BY 1 ORDER BY 1", which,
              &stats.by_root),
        group("SELECT COALESCE(substr(date, 1, 7), '(undated)'), " + n + events + which.sql +
                  " GROUP BY 1 ORDER BY 1",
              which, &stats.by_month),
        group(
            "SELECT COALESCE(source, '(unknown)'), " + articles + " GROUP BY 1 ORDER BY 2 DESC, 1",
            none, &stats.by_source),
        group("SELECT * FROM (SELECT place_id || ' ' || MIN(place_name), " + n + places +
                  which.sql + " AND place_id IS NOT NULL GROUP BY place_id ORDER BY 2 DESC, " +
                  "place_id LIMIT " + std::to_string(kStatsPlaces) +
                  ") AS placed UNION ALL SELECT '(no place)', c FROM (SELECT " +
                  (sum ? "COALESCE((SELECT SUM(events) FROM summary_events" + which.sql +
                             "), 0) - COALESCE((SELECT SUM(events) FROM summary_places" +
                             which.sql + "), 0) AS c)"
                       : "COUNT(*) AS c FROM events" + which.sql + " AND place_id IS NULL)") +
                  " AS unplaced WHERE c > 0",
              which, &stats.by_place)}) {
    if (!s.ok()) return s;
  }
  // Every kind named, in a fixed order, even when none is stored.
  std::vector<std::pair<std::string, long long>> by_kind;
  for (const char* kind : {"asserted", "alleged", "intended", "negated"}) {
    long long n = 0;
    for (const auto& [name, count] : stats.by_kind) n += name == kind ? count : 0;
    by_kind.push_back({kind, n});
    stats.stored_events += n;
  }
  stats.by_kind = std::move(by_kind);
  return stats;
}

}  // namespace warta
