#include "ui/dashboards/hparams/hparams_csv.h"

#include "ui/dashboards/hparams/hparams_table_model.h"
#include "ui/widgets/table_csv.h"

namespace lantern::ui {

QString hparamsCsv(const QAbstractItemModel& shown, const std::vector<int>& columns)
{
    return tableCsv(shown, columns, HParamsTableModel::ExportRole, HParamsTableModel::SortRole);
}

} // namespace lantern::ui
