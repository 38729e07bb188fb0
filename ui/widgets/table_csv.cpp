#include "ui/widgets/table_csv.h"

#include "core/export/csv_text.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QTableView>

#include <utility>

namespace lantern::ui {
namespace {

bool isNumber(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Double:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return true;
    default:
        return false;
    }
}

} // namespace

QString tableCsv(
    const QAbstractItemModel& shown, const std::vector<int>& columns, int exportRole, int sortRole)
{
    std::string out;
    const auto appendLine = [&out, &columns](auto cell) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i > 0)
                out += ',';
            const auto [text, number] = cell(columns[i]);
            if (number)
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
            return std::pair(index.data(exportRole).toString(), isNumber(index.data(sortRole)));
        });
    return QString::fromStdString(out);
}

std::vector<int> shownColumns(const QTableView& view)
{
    std::vector<int> columns;
    const QHeaderView* header = view.horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual)
        if (const int column = header->logicalIndex(visual); !view.isColumnHidden(column))
            columns.push_back(column);
    return columns;
}

} // namespace lantern::ui
