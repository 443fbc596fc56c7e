// Output formats for stored events: an aligned table for people, JSON lines
// (the event contract plus story and counts), CSV, and the GDELT 2.0 event
// table (61 tab-separated columns in GDELT's order, empty where warta has no
// value) so existing GDELT tooling reads warta's output. Stateless.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "store/store.h"
#include "util/text_table.h"

namespace warta {

enum class ExportFormat { kTable, kJsonLines, kCsv, kGdelt };

std::optional<ExportFormat> ParseExportFormat(const std::string& name);
// The header line (with its newline), or "" for formats without one.
std::string ExportHeader(ExportFormat format);
// One event as one line, with its newline.
std::string ExportRow(const StoredEvent& event, ExportFormat format);

inline constexpr int kGdeltColumns = 61;

// Events one after another in one format. A table's columns are sized to its
// rows (TextTable: the first thousand), so it is complete only after Finish;
// the other formats are the header and ExportRow's lines.
//
//   EventWriter writer(ExportFormat::kTable);
//   std::cout << writer.Start();
//   store->Query(filter, [&](const StoredEvent& e) { std::cout << writer.Row(e); });
//   std::cout << writer.Finish();
class EventWriter {
 public:
  explicit EventWriter(ExportFormat format);
  std::string Start();
  std::string Row(const StoredEvent& event);
  std::string Finish();

 private:
  ExportFormat format_;
  std::unique_ptr<TextTable> table_;  // for kTable
};

// The columns of the event table, and one event's cells, for tables of
// events from another path (`warta code --format table`).
std::vector<TextTable::Column> EventTableColumns(bool with_reports);
std::vector<std::string> EventTableCells(const Event& event);

}  // namespace warta
