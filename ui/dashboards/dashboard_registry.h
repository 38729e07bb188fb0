#pragma once
// Every dashboard of the main window, in tab order: the one list the window builds its tabs
// from. Adding a tab is adding a Dashboard subclass and its line here (see the test
// test_dashboard_registry, which fails for a dashboard class that is not listed).

#include "ui/adapter/data_reader.h"

#include <vector>

class QWidget;

namespace lantern::ui {

class Dashboard;
class RunListModel;

// What a dashboard may be built with.
struct DashboardServices {
    RunListModel* runs = nullptr;
    DataReaderPtr reader; // on-demand reads (images, graphs, embeddings)
};

// The dashboards, made for `parent`, in tab order.
std::vector<Dashboard*> createDashboards(const DashboardServices& services, QWidget* parent);

} // namespace lantern::ui
