// How a Location is stored: the place_* columns, in one order shared by the
// schema, its upgrades, the writer and every query. An event's own place is
// in the events table (schema version 2; place_country_name since version
// 4); where the text places its source and target (GDELT's Actor1Geo and
// Actor2Geo, schema version 4) is in the actor_places table, one row per
// placed actor, with the same columns: a table of its own, because a wider
// events table turns SQLite's plans for the timeline away from its covering
// index. Internal to the store. Stateless.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "warta/event.h"

namespace warta {

struct LocationColumn {
  const char* name;
  const char* type;  // SQLite's declared type (Dialect::Ddl gives PostgreSQL's)
  int since;         // the schema version that added it to the events table
};

// Null in place_id means no place; the other columns are then null too.
inline constexpr LocationColumn kLocationColumns[] = {
    {"place_id", "TEXT", 2},      {"place_name", "TEXT", 2},        {"place_feature", "TEXT", 2},
    {"place_country", "TEXT", 2}, {"place_adm1", "TEXT", 2},        {"place_adm1_id", "TEXT", 2},
    {"place_fips", "TEXT", 2},    {"place_adm1_code", "TEXT", 2},   {"place_lat", "REAL", 2},
    {"place_lon", "REAL", 2},     {"place_start", "INTEGER", 2},    {"place_end", "INTEGER", 2},
    {"place_basis", "TEXT", 2},   {"place_country_name", "TEXT", 4}};
inline constexpr int kLocationColumnCount =
    static_cast<int>(sizeof kLocationColumns / sizeof kLocationColumns[0]);

// The sides of an event in actor_places.side.
enum class ActorSide { kSource = 1, kTarget = 2 };

// "place_id, place_name, ...", each name after `table` ("e.").
std::string LocationColumnList(const std::string& table = "");

// The place columns the events table of a file of schema `version` lacks.
std::vector<LocationColumn> LocationColumnsAfter(int version);

// The actor_places table (schema version 4), made if missing; `temporary`:
// in the connection's temporary schema, for reading an older file.
std::string ActorPlacesSchema(bool temporary);

// Binds the columns to parameters first .. first + kLocationColumnCount - 1,
// all null for no place.
void BindLocation(sql::Statement* statement, int first, const std::optional<Location>& location);

// Reads the columns from result columns first .. first + kLocationColumnCount - 1.
std::optional<Location> ReadLocation(const sql::Statement& statement, int first);

}  // namespace warta
