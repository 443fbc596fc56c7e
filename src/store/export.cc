#include "store/export.h"

#include <cstdio>

#include "util/json_writer.h"
#include "util/text.h"

namespace warta {

namespace {

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// GDELT fields hold no tabs or newlines.
std::string Tsv(std::string value) {
  for (char& c : value) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return value;
}

// GDELT's eleven actor columns: code, name, country, known group, ethnic,
// two religions, three types.
void GdeltActor(const std::optional<Actor>& actor, std::string* out) {
  if (!actor) {
    for (int i = 0; i < 10; ++i) *out += '\t';
    return;
  }
  bool igo = actor->country == "IGO";
  *out += Tsv(actor->code) + '\t' + Tsv(actor->name) + '\t' + (igo ? "" : actor->country) + '\t' +
          (igo ? actor->code : "") + "\t\t\t\t" + actor->agent + "\t\t\t";
}

// GDELT 2.0's geographic type: 1 country, 2 US state, 3 US city or place,
// 4 world city or place, 5 world state (first-level division).
int GdeltGeoType(const Location& location) {
  bool us = location.country == "USA";
  if (location.feature == "country") return 1;
  if (location.feature == "adm1") return us ? 2 : 5;
  return us ? 3 : 4;
}

// GDELT's eight geography columns of one place (type, full name, FIPS
// country, ADM1 code, ADM2 code, latitude, longitude, feature id), each
// followed by a tab; empty when there is no place.
void GdeltGeo(const std::optional<Location>& location, std::string* out) {
  if (!location) {
    *out += std::string(8, '\t');
    return;
  }
  const Location& l = *location;
  // A store that keeps no country name gives the ISO code instead.
  const std::string& country = l.country_name.empty() ? l.country : l.country_name;
  std::string full_name = l.feature == "country" ? country : l.name;
  if (l.feature != "country" && l.feature != "adm1" && !l.adm1.empty()) full_name += ", " + l.adm1;
  if (l.feature != "country") full_name += ", " + country;
  std::string adm1_code = l.adm1_code.empty() ? l.fips_country : l.adm1_code;
  char coordinates[64];
  std::snprintf(coordinates, sizeof coordinates, "%.4f\t%.4f", l.lat, l.lon);
  *out += std::to_string(GdeltGeoType(l)) + '\t' + Tsv(full_name) + '\t' + l.fips_country + '\t' +
          adm1_code + "\t\t" + coordinates + '\t' + l.id + '\t';
}

std::string GdeltRow(const StoredEvent& s) {
  const Event& e = s.event;
  std::string out = std::to_string(s.row) + '\t';
  if (e.date) {
    int month = e.date->month ? e.date->month : 1;
    int day = e.date->day ? e.date->day : 1;
    char buffer[64];
    long day_of_year = DaysFromCivil(e.date->year, month, day) - DaysFromCivil(e.date->year, 1, 1);
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", e.date->year,
                  month, day, e.date->year, month, e.date->year,
                  e.date->year + day_of_year / 365.0);
    out += buffer;
  } else {
    out += "\t\t\t\t";
  }
  GdeltActor(e.source, &out);
  GdeltActor(e.target, &out);
  // IsRootEvent: told in the article's lead.
  out += std::string(e.evidence.sentence.start < 400 ? "1" : "0") + '\t';
  out += e.cameo + '\t' + e.cameo.substr(0, 3) + '\t' + e.cameo_root + '\t' +
         std::to_string(e.quad_class) + '\t';
  char goldstein[16];
  std::snprintf(goldstein, sizeof goldstein, "%.1f", e.goldstein);
  out += std::string(goldstein) + '\t' + std::to_string(s.num_mentions) + '\t' +
         std::to_string(s.num_sources) + '\t' + std::to_string(s.num_articles) + '\t';
  out += '\t';  // AvgTone: warta measures no tone
  // Actor1Geo and Actor2Geo: where the text places each actor (empty when
  // it says nowhere: never the actor's mere nationality), then ActionGeo.
  GdeltGeo(e.source.location, &out);
  GdeltGeo(e.target ? e.target->location : std::nullopt, &out);
  GdeltGeo(e.location, &out);
  out += s.date_added + '\t' + Tsv(s.source_url.empty() ? e.article_id : s.source_url) + '\n';
  return out;
}

// The location columns: id, name, feature, country, division, latitude,
// longitude, basis; empty when the event has no place.
std::string CsvLocation(const std::optional<Location>& location) {
  if (!location) return ",,,,,,,";
  const Location& l = *location;
  char coordinates[64];
  std::snprintf(coordinates, sizeof coordinates, "%.4f,%.4f", l.lat, l.lon);
  return CsvField(l.id) + ',' + CsvField(l.name) + ',' + l.feature + ',' + l.country + ',' +
         CsvField(l.adm1) + ',' + coordinates + ',' + l.basis;
}

std::string CsvRow(const StoredEvent& s) {
  const Event& e = s.event;
  auto actor = [](const std::optional<Actor>& a) {
    if (!a) return std::string(",,,");
    return CsvField(a->code) + ',' + CsvField(a->country) + ',' + CsvField(a->agent) + ',' +
           CsvField(a->name);
  };
  return CsvField(e.event_id) + ',' + (e.date ? e.date->ToString() : "") + ',' +
         (e.date ? PrecisionName(e.date->precision) : "") + ',' + actor(e.source) + ',' +
         actor(e.target) + ',' + e.cameo + ',' + e.cameo_root + ',' + CsvField(e.cameo_label) +
         ',' + std::to_string(e.quad_class) + ',' + std::to_string(e.goldstein) + ',' + e.plover +
         ',' + ModalityName(e.modality) + ',' + (e.negated ? "true" : "false") + ',' + e.language +
         ',' + std::to_string(s.story_id) + ',' + std::to_string(s.num_mentions) + ',' +
         std::to_string(s.num_articles) + ',' + std::to_string(s.num_sources) + ',' +
         CsvField(e.article_id) + ',' + CsvField(s.source_url) + ',' + CsvField(e.evidence.text) +
         ',' + CsvLocation(e.location) + ',' + CsvLocation(e.source.location) + ',' +
         CsvLocation(e.target ? e.target->location : std::nullopt) + '\n';
}

std::string JsonString(const std::string& text) {
  std::string out;
  JsonWriter(&out).String(text);
  return out;
}

std::string JsonRow(const StoredEvent& s) {
  std::string json = ToJson(s.event);
  json.pop_back();  // the closing brace: the stored fields follow
  json += ",\"row\":" + std::to_string(s.row) + ",\"url\":" + JsonString(s.source_url) +
          ",\"story_id\":" + std::to_string(s.story_id) +
          ",\"num_mentions\":" + std::to_string(s.num_mentions) +
          ",\"num_articles\":" + std::to_string(s.num_articles) +
          ",\"num_sources\":" + std::to_string(s.num_sources) + "}\n";
  return json;
}

std::string ActorCell(const std::optional<Actor>& actor) {
  return actor ? actor->code + " " + actor->name : "-";
}

// "asserted", "alleged, negated", ...: how the text tells the event.
std::string KindCell(const Event& e) {
  return std::string(ModalityName(e.modality)) + (e.negated ? ", negated" : "");
}

std::vector<std::string> StoredCells(const StoredEvent& s) {
  std::vector<std::string> cells = EventTableCells(s.event);
  cells.insert(cells.end() - 1,
               std::to_string(s.num_articles) + "/" + std::to_string(s.num_sources));
  return cells;
}

std::vector<size_t> MaxWidths(const std::vector<TextTable::Column>& columns) {
  std::vector<size_t> widths;
  for (const auto& column : columns) widths.push_back(column.max_width);
  return widths;
}

}  // namespace

std::vector<TextTable::Column> EventTableColumns(bool with_reports) {
  std::vector<TextTable::Column> columns = {{"DATE", 10},   {"SOURCE", 30},   {"EVENT", 40},
                                            {"TARGET", 30}, {"MODALITY", 17}, {"EVIDENCE", 100}};
  if (with_reports) columns.insert(columns.end() - 1, {"ART/SRC", 9});
  return columns;
}

std::vector<std::string> EventTableCells(const Event& e) {
  return {e.date ? e.date->ToString() : "?",
          ActorCell(e.source),
          e.cameo + " " + e.cameo_label,
          ActorCell(e.target),
          KindCell(e),
          e.evidence.text};
}

EventWriter::EventWriter(ExportFormat format) : format_(format) {
  if (format == ExportFormat::kTable) {
    table_ = std::make_unique<TextTable>(EventTableColumns(/*with_reports=*/true));
  }
}

std::string EventWriter::Start() { return table_ ? "" : ExportHeader(format_); }

std::string EventWriter::Row(const StoredEvent& event) {
  return table_ ? table_->Add(StoredCells(event)) : ExportRow(event, format_);
}

std::string EventWriter::Finish() { return table_ ? table_->Finish() : ""; }

std::optional<ExportFormat> ParseExportFormat(const std::string& name) {
  if (name == "table") return ExportFormat::kTable;
  if (name == "json" || name == "jsonl") return ExportFormat::kJsonLines;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "gdelt") return ExportFormat::kGdelt;
  return std::nullopt;
}

std::string ExportHeader(ExportFormat format) {
  switch (format) {
    case ExportFormat::kTable: {  // at the columns' widest (EventWriter sizes them)
      std::vector<std::string> titles;
      for (const auto& column : EventTableColumns(true)) titles.push_back(column.title);
      return TextTable::FormatRow(titles, MaxWidths(EventTableColumns(true)));
    }
    case ExportFormat::kCsv:
      return "event_id,date,date_precision,source_code,source_country,source_agent,source_name,"
             "target_code,target_country,target_agent,target_name,cameo,cameo_root,cameo_label,"
             "quad_class,goldstein,plover,modality,negated,language,story_id,num_mentions,"
             "num_articles,num_sources,article_id,url,evidence,location_id,location_name,"
             "location_feature,location_country,location_adm1,location_lat,location_lon,"
             "location_basis,source_location_id,source_location_name,source_location_feature,"
             "source_location_country,source_location_adm1,source_location_lat,"
             "source_location_lon,source_location_basis,target_location_id,target_location_name,"
             "target_location_feature,target_location_country,target_location_adm1,"
             "target_location_lat,target_location_lon,target_location_basis\n";
    default:
      return "";
  }
}

std::string ExportRow(const StoredEvent& event, ExportFormat format) {
  switch (format) {
    case ExportFormat::kTable:
      return TextTable::FormatRow(StoredCells(event), MaxWidths(EventTableColumns(true)));
    case ExportFormat::kJsonLines:
      return JsonRow(event);
    case ExportFormat::kCsv:
      return CsvRow(event);
    case ExportFormat::kGdelt:
      return GdeltRow(event);
  }
  return "";
}

}  // namespace warta
