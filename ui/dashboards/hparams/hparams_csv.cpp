#include "ui/dashboards/hparams/hparams_csv.h"

#include "core/export/csv_text.h"
#include "ui/dashboards/hparams/hparams_table_model.h"

#include <QAbstractItemModel>

namespace lantern::ui {

QString hparamsCsv(const QAbstractItemModel& shown, const std::vector<int>& columns)
{
    std::string out;
    const auto appendLine = [&out, &columns](auto field) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i > 0)
                out += ',';
            core::appendCsvField(out, field(columns[i]).toStdString());
        }
        out += '\n';
    };
    appendLine([&](int column) { return shown.headerData(column, Qt::Horizontal).toString(); });
    for (int row = 0; row < shown.rowCount(); ++row)
        appendLine([&](int column) {
            return shown.index(row, column).data(HParamsTableModel::ExportRole).toString();
        });
    return QString::fromStdString(out);
}

} // namespace lantern::ui
