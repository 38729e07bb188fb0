#pragma once
// What log directories hold, in words for the status bar: "1 run · 120 scalar points ·
// 3 images · 1 graph", each count with its noun in the right number, kinds with none left out.

#include <QString>

namespace lantern::core {
struct LogdirSnapshot;
}

namespace lantern::ui {

QString holdingsText(const core::LogdirSnapshot& snapshot);

} // namespace lantern::ui
