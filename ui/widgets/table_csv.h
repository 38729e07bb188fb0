#pragma once
// A table model as CSV (RFC 4180): a header of column titles, then one line per row in the
// order shown. A cell is written from its `exportRole` text: as it is when its `sortRole` value
// is a number (numbers read back as the same value), else as a CSV text field (names and values
// from the log may look like spreadsheet formulas; core/export/csv_text.h neutralises them).

#include <QString>

#include <vector>

class QAbstractItemModel;
class QTableView;

namespace lantern::ui {

// `columns` are the model's columns to write, in order.
QString tableCsv(
    const QAbstractItemModel& shown, const std::vector<int>& columns, int exportRole, int sortRole);

// The columns a table view shows, in the order shown (the user may have moved them).
std::vector<int> shownColumns(const QTableView& view);

} // namespace lantern::ui
