
#include "store/store.h"

namespace warta {

namespace {

// Builds the WHERE clause and its parameters; every value is bound, never
// pasted into the SQL. Column names are those of the events table.
struct Where {
  std::string sql = " WHERE 1=1";
  std::vector<std::string> values;

  // `clause` holds one '?' per value, in order.
  void Add(const std::string& clause, const std::vector<std::string>& bound) {
    std::string numbered;
    size_t next = 0;
    for (char c : clause) {
      if (c == '?') {
        values.push_back(bound[next++]);
        numbered.push_back('?');
        numbered.append(std::to_string(values.size()));
      } else {
        numbered += c;
      }
    }
    sql += " AND (" + numbered + ")";
  }
};

bool IsCode(const std::string& value) {
  for (char c : value) {
    if (!(c >= 'A' && c <= 'Z')) return false;
  }
  return value.size() >= 3;
}

Where Build(const QueryFilter& f) {
  Where where;
  if (!f.actor.empty()) {
    if (IsCode(f.actor)) {
      where.Add("source_code = ? OR target_code = ? OR source_country = ? OR target_country = ?",
                {f.actor, f.actor, f.actor, f.actor});
    } else {
      where.Add("source_name LIKE ? OR target_name LIKE ?",
                {"%" + f.actor + "%", "%" + f.actor + "%"});
    }
  }
  if (!f.country.empty())
    where.Add("source_country = ? OR target_country = ?", {f.country, f.country});
  if (!f.agent.empty()) where.Add("source_agent = ? OR target_agent = ?", {f.agent, f.agent});
  if (!f.name.empty()) {
    where.Add("source_name LIKE ? OR target_name LIKE ?", {"%" + f.name + "%", "%" + f.name + "%"});
  }
  if (!f.dyad_a.empty()) {
    const std::string side =
        "(source_code = ? OR source_country = ?) AND (target_code = ? OR target_country = ?)";
    const std::string& a = f.dyad_a;
    const std::string& b = f.dyad_b;
    if (f.directed) {
      where.Add(side, {a, a, b, b});
    } else {
      where.Add("(" + side + ") OR (" + side + ")", {a, a, b, b, b, b, a, a});
    }
  }
  if (!f.codes.empty()) {
    std::string clause;
    std::vector<std::string> bound;
    for (const std::string& code : f.codes) {
      clause += (clause.empty() ? "" : " OR ") + std::string("cameo LIKE ?");
      bound.push_back(code + "%");
    }
    where.Add(clause, bound);
  }
  if (f.quad_class) where.Add("quad_class = ?", {std::to_string(f.quad_class)});
  if (!f.from.empty()) where.Add("date >= ?", {f.from});
  if (!f.to.empty()) where.Add("substr(date, 1, length(?)) <= ?", {f.to, f.to});
  // An event is in a language when any of its tellings is.
  if (!f.language.empty()) {
    where.Add(
        "row IN (SELECT m.event FROM mentions m JOIN articles a ON a.id = m.article "
        "WHERE a.language = ?)",
        {f.language});
  }
  if (!f.source.empty()) {
    where.Add(
        "row IN (SELECT m.event FROM mentions m JOIN articles a ON a.id = m.article "
        "WHERE a.source = ?)",
        {f.source});
  }
  if (f.story) where.Add("story_id = ?", {std::to_string(f.story)});
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

}  // namespace

Status Store::Query(const QueryFilter& filter,
                    const std::function<void(const StoredEvent&)>& visit) {
  Where where = Build(filter);
  std::string sql =
      "SELECT e.row, e.event_id, e.story_id, e.date, e.date_text, e.source_code, "
      "e.source_country, e.source_agent, e.source_name, e.source_start, e.source_end, "
      "e.target_code, e.target_country, e.target_agent, e.target_name, e.target_start, "
      "e.target_end, e.cameo, e.cameo_root, e.cameo_label, e.quad_class, e.goldstein, e.plover, "
      "e.modality, e.negated, e.confidence, e.language, e.first_article, e.published, "
      "e.num_mentions, e.num_articles, e.num_sources, e.date_added, a.url, "
      "m.evidence_start, m.evidence_end, m.evidence_text, m.source_start, m.source_end, "
      "m.verb_start, m.verb_end, m.target_start, m.target_end "
      "FROM (SELECT * FROM events" +
      where.sql + " ORDER BY date, row" +
      (filter.limit > 0 ? " LIMIT " + std::to_string(filter.limit) : std::string()) +
      ") e LEFT JOIN articles a ON a.id = e.first_article "
      "LEFT JOIN mentions m ON m.event = e.row AND m.article = e.first_article "
      "AND m.event_id = e.event_id ORDER BY e.date, e.row";
  auto stmt = sql::Statement::Prepare(db_.get(), sql);
  if (!stmt.ok()) return stmt.status();
  sql::Statement& s = *stmt.value();
  for (size_t i = 0; i < where.values.size(); ++i) s.Bind(static_cast<int>(i + 1), where.values[i]);
  Status status;
  while (s.Step(&status)) {
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
                OptionalDate(s.Text(10))};
    if (!s.IsNull(11)) {
      e.target = Actor{s.Text(11),
                       s.Text(12),
                       s.Text(13),
                       s.Text(14),
                       OptionalDate(s.Text(15)),
                       OptionalDate(s.Text(16))};
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
    e.evidence.sentence = {static_cast<size_t>(s.Int(34)), static_cast<size_t>(s.Int(35))};
    e.evidence.text = s.Text(36);
    e.evidence.source = {static_cast<size_t>(s.Int(37)), static_cast<size_t>(s.Int(38))};
    e.evidence.verb = {static_cast<size_t>(s.Int(39)), static_cast<size_t>(s.Int(40))};
    e.evidence.target = {static_cast<size_t>(s.Int(41)), static_cast<size_t>(s.Int(42))};
    visit(out);
  }
  return status;
}

Result<StoreStats> Store::Stats() {
  StoreStats stats;
  auto count = [&](const std::string& sql, long long* out) -> Status {
    auto stmt = sql::Statement::Prepare(db_.get(), sql);
    if (!stmt.ok()) return stmt.status();
    Status status;
    if (stmt.value()->Step(&status)) *out = stmt.value()->Int(0);
    return status;
  };
  auto group = [&](const std::string& sql,
                   std::vector<std::pair<std::string, long long>>* out) -> Status {
    auto stmt = sql::Statement::Prepare(db_.get(), sql);
    if (!stmt.ok()) return stmt.status();
    Status status;
    while (stmt.value()->Step(&status))
      out->push_back({stmt.value()->Text(0), stmt.value()->Int(1)});
    return status;
  };
  for (Status s :
       {count("SELECT COUNT(*) FROM articles", &stats.articles),
        count("SELECT COUNT(*) FROM events", &stats.events),
        count("SELECT COUNT(*) FROM mentions", &stats.mentions),
        count("SELECT COUNT(*) FROM stories", &stats.stories),
        group("SELECT language, COUNT(*) FROM articles GROUP BY 1 ORDER BY 2 DESC",
              &stats.by_language),
        group("SELECT cameo_root, COUNT(*) FROM events GROUP BY 1 ORDER BY 1", &stats.by_root),
        group("SELECT IFNULL(substr(date, 1, 7), '(undated)'), COUNT(*) FROM events "
              "GROUP BY 1 ORDER BY 1",
              &stats.by_month),
        group("SELECT IFNULL(source, '(unknown)'), COUNT(*) FROM articles GROUP BY 1 "
              "ORDER BY 2 DESC",
              &stats.by_source)}) {
    if (!s.ok()) return s;
  }
  return stats;
}

}  // namespace warta
