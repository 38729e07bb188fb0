#include "ui/dashboards/hparams/hparams_csv.h"

#include "core/export/csv_text.h"
#include "ui/dashboards/hparams/hparams_table_model.h"

#include <QAbstractItemModel>

#include <utility>

namespace lantern::ui {

QString hparamsCsv(const QAbstractItemModel& shown, const std::vector<int>& columns)
{
    std::string out;
    // A cell's text; numbers (a double sort key) are written as they are, text as a CSV text
    // field (names and values from the log may look like formulas).
    const auto appendLine = [&out, &columns](auto cell) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i > 0)
                out += ',';
            const auto [text, isNumber] = cell(columns[i]);
            if (isNumber)
                out += text.toStdString();
            else
                core::appendCsvField(out, text.toStdString());
        }
        out += '\n';
    };
    appendLine([&](int column) {
        return std::pair(shown.headerData(column, Qt::Horizontal).toString(), false);
    });
    for (int row = 0; row < shown.rowCount(); ++row)
        appendLine([&](int column) {
            const QModelIndex index = shown.index(row, column);
            return std::pair(index.data(HParamsTableModel::ExportRole).toString(),
                index.data(HParamsTableModel::SortRole).typeId() == QMetaType::Double);
        });
    return QString::fromStdString(out);
}

} // namespace lantern::ui
