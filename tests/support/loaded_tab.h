#pragma once
// A card tab with a card per (run, tag), such as Images or Audio, fed from a real load of a log
// directory and shown, with the runs panel's model; and the check that a reload hands new
// values only to the card whose series grew, its step slider following the newest.

#include "core/load/logdir_loader.h"
#include "tests/support/ui_test_support.h"
#include "ui/widgets/card_grid.h"
#include "ui/widgets/run_list_model.h"

#include <QSize>
#include <QSlider>
#include <QTest>

#include <cstdint>
#include <filesystem>

namespace lantern::test {

template <typename Tab> struct LoadedTab {
    LoadedTab(const std::filesystem::path& logdir, QSize size, core::LoadOptions options = {})
        : loader({{"", logdir}}, options)
    {
        reload();
        dashboard.resize(size);
        dashboard.show();
    }
    void reload()
    {
        loader.reload();
        runs.setSnapshot(loader.snapshot());
        dashboard.setSnapshot(loader.snapshot());
    }
    // The card of (tag, run) scrolled into sight (cards load once seen) until `loaded` holds
    // for it; null when there is no such card or it does not load within 10 s. Cards take
    // their places once the event loop lays them out, so the scrolling is repeated until then.
    template <typename Loaded>
    auto waitForCard(const QString& tag, const QString& run, Loaded loaded)
    {
        auto* card = dashboard.card(tag, run);
        const auto done = [&] {
            dashboard.grid()->ensureWidgetVisible(card);
            return loaded(card);
        };
        return card && QTest::qWaitFor(done, 10000) ? card : nullptr;
    }

    core::LogdirLoader loader;
    ui::RunListModel runs;
    Tab dashboard {&runs};
};

// checkScopedReload on a `Tab` whose `Card`s count their updates and have a step slider that
// follows the newest: afterwards the grown card ("x/one", "a") shows step 3, the others as
// before. Returns what went wrong, or an empty string.
template <typename Tab, typename Card>
QString checkScopedReloadFollowsTheNewest(const WriteValue& write)
{
    ui::RunListModel runs;
    Tab dashboard(&runs);
    const auto cards = [&dashboard] {
        return cardsPerTagAndRun<Card>([&dashboard](const QString& tag,
                                           const QString& run) { return dashboard.card(tag, run); },
            &Card::dataUpdates);
    };
    const QString failure
        = checkScopedReload(dashboard, runs, write, cards, QStringLiteral("x/one|a"));
    if (!failure.isEmpty())
        return failure;
    Card* grown = dashboard.card(QStringLiteral("x/one"), QStringLiteral("a"));
    Card* other = dashboard.card(QStringLiteral("x/one"), QStringLiteral("b"));
    if (grown->stepSlider()->maximum() != 3 || grown->step() != std::int64_t(3))
        return QStringLiteral(
            "the grown card shows step %1 of a slider up to %2, not the new step 3")
            .arg(grown->step())
            .arg(grown->stepSlider()->maximum());
    if (other->step() != std::int64_t(2))
        return QStringLiteral("an unchanged card moved to step %1").arg(other->step());
    return {};
}

} // namespace lantern::test
