#include "store/location_columns.h"

namespace warta {

std::string LocationColumnList(const std::string& table) {
  std::string list;
  for (const LocationColumn& column : kLocationColumns) {
    list += (list.empty() ? "" : ", ") + table + column.name;
  }
  return list;
}

std::vector<LocationColumn> LocationColumnsAfter(int version) {
  std::vector<LocationColumn> columns;
  for (const LocationColumn& column : kLocationColumns) {
    if (column.since > version) columns.push_back(column);
  }
  return columns;
}

std::string ActorPlacesSchema(bool temporary) {
  std::string columns;
  for (const LocationColumn& column : kLocationColumns) {
    columns += std::string(", ") + column.name + " " + column.type;
  }
  return std::string("CREATE ") + (temporary ? "TEMP " : "") +
         "TABLE IF NOT EXISTS actor_places(event INTEGER NOT NULL, side INTEGER NOT NULL" +
         columns + ", PRIMARY KEY(event, side))";
}

void BindLocation(sql::Statement* s, int first, const std::optional<Location>& location) {
  if (!location) {
    for (int k = 0; k < kLocationColumnCount; ++k) s->BindNull(first + k);
    return;
  }
  const Location& l = *location;
  int at = first;
  s->Bind(at++, l.id);
  for (const std::string* text :
       {&l.name, &l.feature, &l.country, &l.adm1, &l.adm1_id, &l.fips_country, &l.adm1_code}) {
    s->BindOptional(at++, *text);
  }
  s->Bind(at++, l.lat);
  s->Bind(at++, l.lon);
  s->Bind(at++, static_cast<long long>(l.span.start));
  s->Bind(at++, static_cast<long long>(l.span.end));
  s->BindOptional(at++, l.basis);
  s->BindOptional(at, l.country_name);
}

std::optional<Location> ReadLocation(const sql::Statement& s, int first) {
  if (s.IsNull(first)) return std::nullopt;
  Location l;
  int at = first;
  l.id = s.Text(at++);
  for (std::string* text :
       {&l.name, &l.feature, &l.country, &l.adm1, &l.adm1_id, &l.fips_country, &l.adm1_code}) {
    *text = s.Text(at++);
  }
  l.lat = s.Double(at++);
  l.lon = s.Double(at++);
  l.span.start = static_cast<size_t>(s.Int(at++));
  l.span.end = static_cast<size_t>(s.Int(at++));
  l.basis = s.Text(at++);
  l.country_name = s.Text(at);
  return l;
}

}  // namespace warta
