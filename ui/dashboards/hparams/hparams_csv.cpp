#include "ui/dashboards/hparams/hparams_csv.h"

#include "ui/dashboards/hparams/hparams_table_model.h"
#include "ui/widgets/table_csv.h"

namespace lantern::ui {

QString hparamsCsv(const QAbstractItemModel& shown, const std::vector<int>& columns)
{
    return tableCsv(shown, columns, HParamsTableModel::ExportRole, HParamsTableModel::SortRole);
}

core::ExportTable hparamsExportTable(
    const QAbstractItemModel& shown, const std::vector<int>& columns)
{
    core::ExportTable table;
    for (const int column : columns) {
        table.columns.push_back(
            shown.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString().toStdString());
        table.numeric.push_back(true);
    }
    for (int row = 0; row < shown.rowCount(); ++row) {
        std::vector<core::TableCell>& cells = table.rows.emplace_back();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const QVariant value = shown.index(row, columns[i]).data(HParamsTableModel::SortRole);
            if (value.typeId() == QMetaType::Double)
                cells.push_back(core::TableCell::of(value.toDouble()));
            else if (const QString text = value.toString(); !text.isEmpty()) {
                cells.push_back(core::TableCell::of(text.toStdString()));
                table.numeric[i] = false;
            } else
                cells.emplace_back();
        }
    }
    return table;
}

} // namespace lantern::ui
