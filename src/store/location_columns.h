// How an event's Location is stored: the place_* columns of the events table
// (schema version 2), in one order shared by the schema, its upgrade, the
// writer and every query. Internal to the store. Stateless.
#pragma once

#include <optional>
#include <string>

#include "store/database.h"
#include "warta/event.h"

namespace warta {

struct LocationColumn {
  const char* name;
  const char* type;  // SQLite's declared type (Dialect::Ddl gives PostgreSQL's)
};

// Null in place_id means the event has no place; the other columns are then null too.
inline constexpr LocationColumn kLocationColumns[] = {
    {"place_id", "TEXT"},      {"place_name", "TEXT"},      {"place_feature", "TEXT"},
    {"place_country", "TEXT"}, {"place_adm1", "TEXT"},      {"place_adm1_id", "TEXT"},
    {"place_fips", "TEXT"},    {"place_adm1_code", "TEXT"}, {"place_lat", "REAL"},
    {"place_lon", "REAL"},     {"place_start", "INTEGER"},  {"place_end", "INTEGER"},
    {"place_basis", "TEXT"}};
inline constexpr int kLocationColumnCount =
    static_cast<int>(sizeof kLocationColumns / sizeof kLocationColumns[0]);

// "place_id, place_name, ...", each name after `prefix` ("e.").
std::string LocationColumnList(const std::string& prefix = "");

// Binds the columns to parameters first .. first + kLocationColumnCount - 1,
// all null for no place.
void BindLocation(sql::Statement* statement, int first, const std::optional<Location>& location);

// Reads the columns from result columns first .. first + kLocationColumnCount - 1.
std::optional<Location> ReadLocation(const sql::Statement& statement, int first);

}  // namespace warta
