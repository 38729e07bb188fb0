#pragma once
// The HParams tab on a log directory a test writes into a temporary folder, loaded for real and
// shown with the runs panel's model: what the HParams tests start from.

#include "core/load/logdir_loader.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/hparams/hparams_dashboard.h"
#include "ui/dashboards/hparams/hparams_filter_model.h"
#include "ui/widgets/run_list_model.h"

#include <QSize>
#include <QStringList>
#include <QTemporaryDir>

#include <filesystem>
#include <functional>

namespace lantern::test {

struct HParamsTab {
    // `write` fills the log directory before the first load.
    HParamsTab(const std::function<void(const std::filesystem::path&)>& write, QSize size)
    {
        write(root);
        dashboard.resize(size);
        dashboard.show();
        reload();
    }
    void reload()
    {
        loader.reload();
        runs.setSnapshot(loader.snapshot());
        dashboard.setSnapshot(loader.snapshot());
    }
    // The sessions of the table's rows (its first column), in the table's order.
    QStringList shownRuns() const
    {
        QStringList shown;
        for (int row = 0; row < dashboard.filterModel()->rowCount(); ++row)
            shown.append(dashboard.filterModel()->index(row, 0).data().toString());
        return shown;
    }

    QTemporaryDir temp;
    std::filesystem::path root = ui::pathFromQString(temp.path());
    core::LogdirLoader loader {{{"", root}}};
    ui::RunListModel runs;
    ui::HParamsDashboard dashboard {&runs};
};

} // namespace lantern::test
