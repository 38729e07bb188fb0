// The Dashboard interface and its registry: every dashboard class in the sources is registered,
// the window's tabs are exactly the registry's dashboards, each one's busy/ready signals cover
// the work it does off the GUI thread, and change notices leave hidden or unaffected tabs alone.

#include "core/demo/demo_logdir.h"
#include "core/write/event_file_writer.h"
#include "core/write/png_encoder.h"
#include "tests/support/test_main.h"
#include "tests/support/ui_test_support.h"
#include "ui/adapter/log_loader.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/dashboard.h"
#include "ui/dashboards/dashboard_registry.h"
#include "ui/dashboards/text/text_card.h"
#include "ui/dashboards/text/text_dashboard.h"
#include "ui/main_window.h"
#include "ui/widgets/run_list_model.h"

#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

// Every class under ui/dashboards that derives, directly or not, from Dashboard and that no
// other class derives from: the dashboards a tab can be made of.
std::set<std::string> dashboardClassesInSources()
{
    std::map<std::string, std::string> baseOf;
    const std::regex declaration(R"(class\s+(\w+)\s*(?:final\s*)?:\s*public\s+(\w+))");
    for (const auto& entry :
        fs::recursive_directory_iterator(fs::path(LANTERN_SOURCE_DIR) / "ui" / "dashboards")) {
        if (entry.path().extension() != ".h")
            continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string source = text.str();
        for (std::sregex_iterator it(source.begin(), source.end(), declaration), end; it != end;
             ++it)
            baseOf[(*it)[1]] = (*it)[2];
    }
    std::set<std::string> bases;
    for (const auto& [derived, base] : baseOf)
        bases.insert(base);
    std::set<std::string> dashboards;
    for (const auto& [name, base] : baseOf) {
        std::string ancestor = base;
        while (ancestor != "Dashboard" && baseOf.contains(ancestor))
            ancestor = baseOf[ancestor];
        if (ancestor == "Dashboard" && !bases.contains(name))
            dashboards.insert(name);
    }
    return dashboards;
}

std::string bareClassName(const QObject* object)
{
    const std::string name = object->metaObject()->className();
    return name.substr(name.rfind(':') + 1);
}

QTabWidget* tabsOf(ui::MainWindow& window)
{
    return window.findChild<QTabWidget*>(QStringLiteral("dashboards"));
}

} // namespace

class TestDashboardRegistry : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void everyDashboardClassIsRegisteredOnce()
    {
        const std::set<std::string> inSources = dashboardClassesInSources();
        QVERIFY(inSources.size() >= 9); // the parse found the nine we have at least
        QWidget parent;
        ui::RunListModel runs;
        std::multiset<std::string> registered;
        std::set<QString> keys;
        for (ui::Dashboard* dashboard : ui::createDashboards({&runs, nullptr}, &parent)) {
            registered.insert(bareClassName(dashboard));
            QVERIFY2(keys.insert(dashboard->key()).second, qPrintable(dashboard->key()));
            QVERIFY(!dashboard->title().isEmpty());
        }
        for (const std::string& name : inSources)
            QVERIFY2(registered.count(name) == 1,
                (name + " is not registered once in dashboard_registry.cpp").c_str());
        QCOMPARE(registered.size(), inSources.size());
    }

    void windowTabsAreTheRegistrysDashboardsInOrder()
    {
        ui::MainWindow window;
        QTabWidget* tabs = tabsOf(window);
        QVERIFY(tabs);
        const std::vector<ui::Dashboard*>& dashboards = window.dashboards();
        QWidget parent;
        ui::RunListModel runs;
        const std::vector<ui::Dashboard*> registry
            = ui::createDashboards({&runs, nullptr}, &parent);
        QCOMPARE(dashboards.size(), registry.size());
        int dashboardTabs = 0;
        for (int index = 0; index < tabs->count(); ++index) {
            auto* dashboard = qobject_cast<ui::Dashboard*>(tabs->widget(index));
            if (!dashboard) {
                QCOMPARE(tabs->widget(index)->objectName(), QStringLiteral("overview"));
                continue;
            }
            QCOMPARE(dashboard, dashboards[std::size_t(dashboardTabs)]);
            QCOMPARE(bareClassName(dashboard), bareClassName(registry[std::size_t(dashboardTabs)]));
            QCOMPARE(dashboard->objectName(), dashboard->key());
            QCOMPARE(tabs->tabText(index), dashboard->title());
            ++dashboardTabs;
        }
        QCOMPARE(std::size_t(dashboardTabs), registry.size());
    }

    // The demo holds data for every tab: each is shown, and one that computes in the background
    // must say busy (its isComputing() sees the work) and then ready once the work is done; one
    // that does not must never say busy.
    void everyDashboardReportsItsWork()
    {
        QTemporaryDir temp;
        core::DemoOptions options;
        options.directory = ui::pathFromQString(temp.path());
        options.steps = 20;
        QVERIFY(core::writeDemoLogdir(options).empty());
        {
            // What the demo lacks: images (each step a new one to decode), text, a PR curve,
            // hparams.
            core::EventFileWriter writer(options.directory / "extras");
            writer.addHParams({{"lr", 0.1}});
            for (std::int64_t step = 1; step <= 2; ++step) {
                const std::vector<std::uint8_t> pixels(16 * 16 * 3, std::uint8_t(step * 60));
                const core::EncodedImage image {16, 16, 3, core::encodePng(16, 16, 3, pixels)};
                writer.addImage("samples", step, std::span(&image, 1));
                writer.addText("notes", step, "a note");
                writer.addPrCurve("pr", step, {{4, 2}, {4, 1}, {0, 3}, {0, 2}});
            }
            QVERIFY(writer.flush());
            // A card of more than 32 runs renders its lines on a worker.
            for (int run = 0; run < 40; ++run) {
                core::EventFileWriter many(options.directory / "many" / std::to_string(run));
                many.addScalar("0/many", 1, float(run), 1.0); // the first card
                QVERIFY(many.flush());
            }
        }
        ui::MainWindow window;
        window.resize(1200, 800);
        window.show();
        struct Seen {
            int busy = 0;
            int ready = 0;
            bool computingWhenReady = false;
        };
        std::map<ui::Dashboard*, Seen> seen;
        for (ui::Dashboard* dashboard : window.dashboards()) {
            connect(dashboard, &ui::Dashboard::busy, this,
                [&seen, dashboard] { ++seen[dashboard].busy; });
            connect(dashboard, &ui::Dashboard::ready, this, [&seen, dashboard] {
                ++seen[dashboard].ready;
                seen[dashboard].computingWhenReady |= dashboard->isComputing();
            });
        }
        QVERIFY(test::openLogdirAndWait(window, ui::pathFromQString(temp.path())));
        QTRY_VERIFY_WITH_TIMEOUT(!window.isComputing(), 20000); // the projector's search
        for (ui::Dashboard* dashboard : window.dashboards()) {
            const QString key = dashboard->key();
            QVERIFY2(window.showTab(key), qPrintable(key + " has no data in the demo"));
            QCoreApplication::processEvents(); // painted, as a screenshot does: views start work
            QTRY_VERIFY_WITH_TIMEOUT(!window.isComputing(), 20000);
            QTRY_VERIFY2(!dashboard->isBusy(), qPrintable(key)); // ready() has followed
        }
        for (ui::Dashboard* dashboard : window.dashboards()) {
            const Seen& s = seen[dashboard];
            const QByteArray key = dashboard->key().toUtf8();
            QVERIFY2(s.ready > 0, key);
            QVERIFY2(!s.computingWhenReady, key);
            if (dashboard->computesInBackground())
                QVERIFY2(s.busy > 0, key + " computes in the background but never said busy");
            else
                QVERIFY2(s.busy == 0 && !dashboard->isComputing(), key);
        }
    }

    // A live run: a scalar and a text tag. Changes reach the tab in view; a hidden tab keeps
    // the newest snapshot until shown; a change to scalars leaves the Text tab alone.
    void changeNoticesSpareHiddenAndUnaffectedTabs()
    {
        QTemporaryDir temp;
        const fs::path run = ui::pathFromQString(temp.path()) / "train";
        core::EventFileWriter writer(run);
        writer.addScalar("loss", 1, 1.0f, 1.0);
        writer.addText("notes", 1, "first", 1.0);
        QVERIFY(writer.flush());
        ui::MainWindow window;
        window.resize(1200, 800);
        window.show();
        window.loader()->setReloadInterval(60 * 60 * 1000); // reloads only when asked
        QVERIFY(test::openLogdirAndWait(window, ui::pathFromQString(temp.path())));
        auto* text = window.findChild<ui::TextDashboard*>(QStringLiteral("text"));
        QVERIFY(text);
        QVERIFY(window.showTab(QStringLiteral("scalars")));
        const int textApplied = text->appliedUpdates();
        QPointer<ui::TextCard> card = text->card(QStringLiteral("notes"), QStringLiteral("train"));
        QVERIFY(card);
        QCOMPARE(card->shownSteps(), std::vector<std::int64_t> {1});
        const auto reload = [&window] {
            QSignalSpy finished(&window, &ui::MainWindow::loadFinished);
            window.loader()->reload();
            return finished.wait(20000);
        };

        // Only the scalar grows: the scalars tab applies it, appends only, naming train/loss.
        auto* scalars = window.dashboards().front();
        const int scalarsApplied = scalars->appliedUpdates();
        writer.addScalar("loss", 2, 0.5f, 2.0);
        QVERIFY(writer.flush());
        QVERIFY(reload());
        QVERIFY(window.loader()->lastChange()->appendsOnly);
        QVERIFY(window.loader()->lastChange()->touchesTag("train", "loss"));
        QVERIFY(!window.loader()->lastChange()->touchesTag("train", "notes"));
        QCOMPARE(scalars->appliedUpdates(), scalarsApplied + 1);
        QCOMPARE(text->appliedUpdates(), textApplied);

        // The text grows while its tab is hidden: nothing happens until it is shown.
        writer.addText("notes", 2, "second", 2.0);
        QVERIFY(writer.flush());
        QVERIFY(reload());
        QCOMPARE(text->appliedUpdates(), textApplied);
        QVERIFY(text->hasPendingUpdate());
        QVERIFY(card);
        QCOMPARE(card->shownSteps(), std::vector<std::int64_t> {1});
        QVERIFY(window.showTab(QStringLiteral("text")));
        QCOMPARE(text->appliedUpdates(), textApplied + 1);
        QVERIFY(!text->hasPendingUpdate());
        card = text->card(QStringLiteral("notes"), QStringLiteral("train"));
        QVERIFY(card);
        QTRY_COMPARE(card->shownSteps(), (std::vector<std::int64_t> {2, 1}));

        // In view, but only scalars change: the Text tab does not rebuild.
        writer.addScalar("loss", 3, 0.25f, 3.0);
        QVERIFY(writer.flush());
        QVERIFY(reload());
        QCOMPARE(text->appliedUpdates(), textApplied + 1);
        QVERIFY(!text->hasPendingUpdate());
    }
};

LANTERN_TEST_MAIN(TestDashboardRegistry)
#include "test_dashboard_registry.moc"
