// Output formats for stored events: an aligned table for people, JSON lines
// (the event contract plus story and counts), CSV, and the GDELT 2.0 event
// table (61 tab-separated columns in GDELT's order, empty where warta has no
// value) so existing GDELT tooling reads warta's output. Stateless.
#pragma once

#include <optional>
#include <string>

#include "store/store.h"

namespace warta {

enum class ExportFormat { kTable, kJsonLines, kCsv, kGdelt };

std::optional<ExportFormat> ParseExportFormat(const std::string& name);
// The header line (with its newline), or "" for formats without one.
std::string ExportHeader(ExportFormat format);
// One event as one line, with its newline.
std::string ExportRow(const StoredEvent& event, ExportFormat format);

inline constexpr int kGdeltColumns = 61;

}  // namespace warta
