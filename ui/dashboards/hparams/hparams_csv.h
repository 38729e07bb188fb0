#pragma once
// The HParams table as shown, for export: CSV (RFC 4180: a header of column titles, then one line
// per session in the order shown, each cell exact — HParamsTableModel::ExportRole: numbers read
// back as the same double, unset cells empty), or a core::ExportTable for JSON and LaTeX.

#include "core/export/table_export.h"

#include <QString>

#include <vector>

class QAbstractItemModel;

namespace lantern::ui {

// `columns` are the model's columns to write, in order.
QString hparamsCsv(const QAbstractItemModel& shown, const std::vector<int>& columns);
// Numbers (HParamsTableModel::SortRole doubles) stay numbers, text stays text, unset cells empty.
core::ExportTable hparamsExportTable(
    const QAbstractItemModel& shown, const std::vector<int>& columns);

} // namespace lantern::ui
