// What a user does with the Scalars cards, driven through the widgets: pin a card to the top
// (and find it pinned again next session), enlarge it, chart several tags together, hide cards
// the checked runs have no data for, save a card as SVG or its data as JSON, fix its axis
// ranges. Exports of real corpus runs are read back and compared with the store point by point.

#include "core/load/logdir_loader.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/scalars/axis_range_dialog.h"
#include "ui/dashboards/scalars/scalar_card.h"
#include "ui/dashboards/scalars/scalars_dashboard.h"
#include "ui/dashboards/scalars/tag_chooser_dialog.h"
#include "ui/widgets/elided_label.h"
#include "ui/widgets/run_list_model.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QGridLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>

using namespace lantern;
using ui::ScalarCard;
using ui::ScalarsDashboard;
namespace fs = std::filesystem;

namespace {

// train and eval share loss and acc/*; only eval has lr.
void writeFixture(const fs::path& root, int steps, int firstStep = 0)
{
    for (const auto& [run, offset] : {std::pair {"train", 0.0}, std::pair {"eval", 0.5}}) {
        std::vector<std::string> records;
        if (firstStep == 0)
            records.push_back(test::fileVersionEvent());
        for (int step = firstStep; step < firstStep + steps; ++step) {
            const double wall = 1.7e9 + 12.5 * step + 0.000123;
            records.push_back(
                test::scalarEvent("loss", step, float(2 / (1.0 + step) + offset), wall));
            records.push_back(test::scalarEvent("acc/top1", step, float(0.5 + step / 400.0), wall));
            records.push_back(test::scalarEvent("acc/top5", step, float(0.7 + step / 500.0), wall));
            if (std::string(run) == "eval" && step % 10 == 0)
                records.push_back(test::scalarEvent("lr", step, float(0.1 / (1 + step)), wall));
        }
        test::appendRecords(root / run / "events.out.tfevents.1.host", records);
    }
}

// A dashboard showing a loaded logdir, its run list and the loader (for live updates).
struct Shown {
    explicit Shown(const fs::path& root, QSize size = {1200, 1400})
        : loader({{"", root}})
    {
        loader.reload();
        runs.setSnapshot(loader.snapshot());
        dashboard.resize(size);
        dashboard.show();
        dashboard.setSnapshot(loader.snapshot());
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
    }
    void reload()
    {
        loader.reload();
        runs.setSnapshot(loader.snapshot());
        dashboard.setSnapshot(loader.snapshot());
    }
    core::LogdirLoader loader;
    ui::RunListModel runs;
    ScalarsDashboard dashboard {&runs};
};

template <typename Dialog> Dialog* openDialog(QWidget* parent)
{
    for (Dialog* dialog : parent->findChildren<Dialog*>())
        if (dialog->isVisible())
            return dialog;
    return nullptr;
}

void clickOk(QDialogButtonBox* buttons)
{
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
}

QToolButton* button(ScalarCard* card, const char* name)
{
    return card->findChild<QToolButton*>(QLatin1String(name));
}

// The points of a tag of a run in the store.
std::vector<core::ScalarPoint> storePoints(
    const core::LogdirSnapshot& snapshot, const QString& run, const QString& tag)
{
    std::vector<core::ScalarPoint> points;
    const core::TagSnapshot* found = snapshot.find(run.toStdString())->find(tag.toStdString());
    found->scalars.forEach([&](const core::ScalarPoint& p) { points.push_back(p); });
    return points;
}

bool sameValue(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || test::bitsOf(a) == test::bitsOf(b);
}

// Whether an exported value reads back as the stored one: exactly as a double, or, for a value
// that is a float (a float32 series is written as the shortest text of its float), as a float.
bool readsBackAs(double written, double stored)
{
    return sameValue(written, stored)
        || (double(float(stored)) == stored && sameValue(double(float(written)), stored));
}

} // namespace

class TestScalarCards : public QObject {
    Q_OBJECT
private slots:
    // A 10 kB tag is elided in its card; the card asks for the same width as any other.
    void longTagDoesNotWidenTheCard()
    {
        ui::ScalarCard shortCard({QStringLiteral("loss")}, false);
        ui::ScalarCard longCard({QString(10000, QLatin1Char('x'))}, false);
        QCOMPARE(longCard.sizeHint().width(), shortCard.sizeHint().width());
        QCOMPARE(longCard.minimumSizeHint().width(), shortCard.minimumSizeHint().width());
        longCard.resize(400, 300);
        longCard.show();
        auto* title = longCard.findChild<ui::ElidedLabel*>(QStringLiteral("cardTitle"));
        QVERIFY(title);
        QVERIFY(title->isElided());
        QVERIFY(title->width() <= 400);
    }

    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void pinnedCardsComeFirstAndAreRemembered()
    {
        QTemporaryDir temp;
        writeFixture(ui::pathFromQString(temp.path()), 30);
        auto shown = std::make_unique<Shown>(ui::pathFromQString(temp.path()));
        ScalarsDashboard& dashboard = shown->dashboard;
        QCOMPARE(dashboard.groupNames(), (QStringList {"acc", "loss", "lr"}));

        // The card's pin button moves it to a "Pinned" group at the top (not a copy).
        ScalarCard* top5 = dashboard.card("acc/top5");
        QTest::mouseClick(button(top5, "pinButton"), Qt::LeftButton);
        QVERIFY(top5->isPinned());
        QCOMPARE(dashboard.groupNames(), (QStringList {"Pinned", "acc", "loss", "lr"}));
        QCOMPARE(dashboard.tagsInGroup("Pinned"), (QStringList {"acc/top5"}));
        QCOMPARE(dashboard.tagsInGroup("acc"), (QStringList {"acc/top1"}));
        QCOMPARE(dashboard.card("acc/top5"), top5); // the same card, zoom and all
        QVERIFY(top5->isVisible());

        // The context menu's action pins too; pinned cards are in natural order.
        top5->plot()->zoomTo({3, 9});
        dashboard.card("loss")->action("Pin to top")->trigger();
        QCOMPARE(dashboard.tagsInGroup("Pinned"), (QStringList {"acc/top5", "loss"}));
        QCOMPARE(dashboard.groupNames(), (QStringList {"Pinned", "acc", "lr"}));

        // The filter leaves pinned cards alone.
        dashboard.tagFilter()->setText(QStringLiteral("^lr"));
        QCOMPARE(dashboard.cardTags(), (QStringList {"acc/top5", "loss", "lr"}));
        dashboard.tagFilter()->clear();

        // New data: still pinned, still zoomed.
        writeFixture(ui::pathFromQString(temp.path()), 5, 30);
        shown->reload();
        QCOMPARE(dashboard.tagsInGroup("Pinned"), (QStringList {"acc/top5", "loss"}));
        QCOMPARE(dashboard.card("acc/top5")->plot()->xRange(), (ui::LinePlot::Range {3, 9}));

        // Unpin with the menu action (it shows the pin's state).
        QAction* pin = dashboard.card("loss")->action("Pin to top");
        QVERIFY(pin->isChecked());
        pin->trigger();
        QCOMPARE(dashboard.tagsInGroup("Pinned"), (QStringList {"acc/top5"}));
        QCOMPARE(dashboard.tagsInGroup("loss"), (QStringList {"loss"}));

        // Another session (a new dashboard) finds acc/top5 pinned.
        shown.reset();
        QCOMPARE(
            QSettings().value("scalars/pinnedTags").toStringList(), (QStringList {"acc/top5"}));
        Shown again(ui::pathFromQString(temp.path()));
        QCOMPARE(again.dashboard.groupNames().front(), QStringLiteral("Pinned"));
        QCOMPARE(again.dashboard.tagsInGroup("Pinned"), (QStringList {"acc/top5"}));
        QVERIFY(button(again.dashboard.card("acc/top5"), "pinButton")->isChecked());
    }

    void enlargedCardsTakeTheWholeRow()
    {
        QTemporaryDir temp;
        writeFixture(ui::pathFromQString(temp.path()), 30);
        Shown shown(ui::pathFromQString(temp.path()), {1200, 2400}); // tall: no scroll bar
        ScalarsDashboard& dashboard = shown.dashboard;
        ScalarCard* top1 = dashboard.card("acc/top1");
        ScalarCard* top5 = dashboard.card("acc/top5");
        QTRY_VERIFY(top1->width() > 0 && top1->y() == top5->y()); // side by side
        const QSize normal = top1->size();

        QTest::mouseClick(button(top1, "enlargeButton"), Qt::LeftButton);
        QVERIFY(top1->isEnlarged());
        QTRY_VERIFY(top1->width() > 2 * normal.width());
        QVERIFY(top1->height() > 1.5 * normal.height());
        QTRY_VERIFY(top5->y() >= top1->y() + top1->height()); // pushed to the next row
        QVERIFY(std::abs(top5->width() - normal.width()) <= 4); // a column, give or take rounding

        // A new snapshot keeps it; toggling again (from the menu) restores it.
        shown.reload();
        QVERIFY(dashboard.card("acc/top1")->isEnlarged());
        top1->action("Enlarge")->trigger();
        QVERIFY(!top1->isEnlarged());
        QTRY_COMPARE(top1->size(), normal);
        QTRY_COMPARE(top5->y(), top1->y());
    }

    // A tag too long for its card keeps its start and its end around an ellipsis, and shows
    // whole in the tooltip; an enlarged card has room for all of it.
    void longTagsAreShortenedInTheMiddle()
    {
        QTemporaryDir temp;
        const std::string tag
            = "train/a_rather_long_name_for_a_metric_that_keeps_going/and_on_and_on/accuracy_top1";
        test::appendRecords(ui::pathFromQString(temp.path()) / "run" / "events.out.tfevents.1",
            {test::fileVersionEvent(), test::scalarEvent(tag, 1, 0.5f, 1.7e9),
                test::scalarEvent("loss", 1, 0.5f, 1.7e9)});
        Shown shown(ui::pathFromQString(temp.path()), {1200, 1400});
        ScalarCard* card = shown.dashboard.card(QString::fromStdString(tag));
        QVERIFY(card);
        auto* title = card->findChild<ui::ElidedLabel*>(QStringLiteral("cardTitle"));
        QVERIFY(title);
        QTRY_VERIFY(title->isElided());
        QVERIFY(title->text().contains(QStringLiteral("…")));
        QVERIFY(title->text().startsWith(QStringLiteral("train/")));
        QVERIFY(title->text().endsWith(QStringLiteral("top1")));
        QVERIFY(title->width() <= card->width());
        QCOMPARE(title->toolTip(), QString::fromStdString(tag));

        QTest::mouseClick(button(card, "enlargeButton"), Qt::LeftButton);
        QTRY_VERIFY(!title->isElided());
        QCOMPARE(title->text(), QString::fromStdString(tag));
        QVERIFY(title->toolTip().isEmpty());
    }

    void customChartsShowSeveralTags()
    {
        QTemporaryDir temp;
        writeFixture(ui::pathFromQString(temp.path()), 30);
        Shown shown(ui::pathFromQString(temp.path()));
        ScalarsDashboard& dashboard = shown.dashboard;
        dashboard.smoothingSlider()->setValue(0);

        // "Add tag to this chart…" on loss: a chooser listing every tag, loss checked.
        dashboard.card("loss")->action("Add tag to this chart")->trigger();
        auto* chooser = openDialog<ui::TagChooserDialog>(&dashboard);
        QVERIFY(chooser);
        QCOMPARE(chooser->list()->count(), 4);
        QCOMPARE(chooser->checkedTags(), (QStringList {"loss"}));
        QTest::keyClicks(chooser->filter(), QStringLiteral("top1"));
        QVERIFY(chooser->list()->findItems("lr", Qt::MatchExactly).front()->isHidden());
        QVERIFY(chooser->setChecked("acc/top1", true));
        clickOk(chooser->buttons());

        QCOMPARE(dashboard.customCharts().size(), 1u);
        ScalarCard* chart = dashboard.customCharts().front();
        QCOMPARE(chart->tags(), (QStringList {"loss", "acc/top1"}));
        QCOMPARE(dashboard.groupNames().front(), QStringLiteral("Custom charts"));
        QCOMPARE(dashboard.tagsInGroup("Custom charts"), (QStringList {"loss + acc/top1"}));
        QVERIFY(dashboard.card("loss")); // the tag's own card stays

        // A line per (tag, run): coloured by run, dashed by tag.
        ui::LinePlot* plot = chart->plot();
        QCOMPARE(plot->seriesCount(), 4u);
        QCOMPARE(plot->series(0).name, QStringLiteral("eval · loss"));
        QCOMPARE(plot->series(3).name, QStringLiteral("train · acc/top1"));
        QCOMPARE(plot->series(0).color, shown.runs.color("eval"));
        QCOMPARE(plot->series(2).color, shown.runs.color("eval"));
        QVERIFY(plot->series(0).style != plot->series(2).style);
        QCOMPARE(plot->series(1).style, plot->series(0).style);
        const QString tooltip
            = plot->tooltipText(QPointF(plot->pixelAtX(10), plot->plotArea().center().y()));
        QVERIFY(tooltip.contains(QStringLiteral("train · acc/top1")));
        QVERIFY(tooltip.contains(QStringLiteral("eval · loss")));

        // The CSV names each line's real run and tag.
        QTemporaryDir out;
        const QString csvPath = out.filePath("chart.csv");
        QString asked;
        dashboard.setPathChooser([&](const QString&, const QString& stem, const QString& suffix) {
            asked = stem + suffix;
            return csvPath;
        });
        chart->action("Save data as CSV")->trigger();
        QCOMPARE(asked, QStringLiteral("loss_acc_top1.csv"));
        QTRY_VERIFY(!dashboard.isExporting()); // data is written by a worker
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList rows = QString::fromUtf8(csv.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 1 + 4 * 30);
        QVERIFY(rows[1].startsWith(QStringLiteral("eval,loss,0,")));
        QVERIFY(rows[1 + 3 * 30].startsWith(QStringLiteral("train,acc/top1,0,")));
        const auto points = storePoints(*shown.loader.snapshot(), "train", "acc/top1");
        QVERIFY(readsBackAs(rows.last().split(',')[4].toDouble(), points.back().value));

        // New data: the chart stays and follows it.
        writeFixture(ui::pathFromQString(temp.path()), 10, 30);
        shown.reload();
        QCOMPARE(dashboard.customCharts().front(), chart);
        QCOMPARE(plot->series(3).data.size(), 40u);

        // "New chart…" from nothing; "Edit tags…" adds lr to it (eval only has lr).
        QTest::mouseClick(dashboard.newChartButton(), Qt::LeftButton);
        chooser = openDialog<ui::TagChooserDialog>(&dashboard);
        QVERIFY(!chooser->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        chooser->setChecked("acc/top5", true);
        clickOk(chooser->buttons());
        QCOMPARE(dashboard.customCharts().size(), 2u);
        ScalarCard* second = dashboard.customCharts()[1];
        QCOMPARE(second->plot()->seriesCount(), 2u);
        second->action("Edit tags")->trigger();
        chooser = openDialog<ui::TagChooserDialog>(&dashboard);
        chooser->setChecked("lr", true);
        clickOk(chooser->buttons());
        QCOMPARE(second->tags(), (QStringList {"acc/top5", "lr"}));
        QCOMPARE(second->plot()->seriesCount(), 3u);
        QCOMPARE(dashboard.tagsInGroup("Custom charts"),
            (QStringList {"loss + acc/top1", "acc/top5 + lr"}));

        // Charts are remembered; "Remove chart" removes one.
        QCOMPARE(QSettings().value("scalars/customCharts").toList().size(), 2);
        chart->action("Remove chart")->trigger();
        QCOMPARE(dashboard.customCharts().size(), 1u);
        QCOMPARE(dashboard.tagsInGroup("Custom charts"), (QStringList {"acc/top5 + lr"}));
        ScalarsDashboard nextSession(&shown.runs);
        nextSession.setSnapshot(shown.loader.snapshot());
        QCOMPARE(nextSession.customCharts().size(), 1u);
        QCOMPARE(nextSession.customCharts().front()->plot()->seriesCount(), 3u);
    }

    void emptyCardsHideUnlessAskedFor()
    {
        QTemporaryDir temp;
        writeFixture(ui::pathFromQString(temp.path()), 30);
        Shown shown(ui::pathFromQString(temp.path()));
        ScalarsDashboard& dashboard = shown.dashboard;
        QVERIFY(dashboard.hideEmptyBox()->isChecked());
        QVERIFY(dashboard.card("lr"));

        // Only eval has lr: unchecking eval hides lr's card.
        shown.runs.setChecked("eval", false);
        QVERIFY(!dashboard.card("lr"));
        QCOMPARE(dashboard.groupNames(), (QStringList {"acc", "loss"}));

        // Showing empty cards: lr comes back, empty, and says why.
        QTest::mouseClick(dashboard.hideEmptyBox(), Qt::LeftButton);
        QVERIFY(!dashboard.hideEmptyBox()->isChecked());
        ScalarCard* lr = dashboard.card("lr");
        QVERIFY(lr);
        QCOMPARE(lr->plot()->seriesCount(), 0u);
        QVERIFY(lr->isNoDataNoteShown());
        auto* note = lr->findChild<QLabel*>("noDataNote");
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(), QStringLiteral("No data for the selected runs"));
        QVERIFY(!dashboard.card("loss")->isNoDataNoteShown());

        // Checking eval again fills it.
        shown.runs.setChecked("eval", true);
        QCOMPARE(dashboard.card("lr"), lr);
        QCOMPARE(lr->plot()->seriesCount(), 1u);
        QVERIFY(!lr->isNoDataNoteShown());
        dashboard.hideEmptyBox()->setChecked(true);
        shown.runs.setAllChecked(false);
        QVERIFY(dashboard.cardTags().isEmpty());
    }

    void savesSvgAndJson()
    {
        QTemporaryDir temp;
        writeFixture(ui::pathFromQString(temp.path()), 30);
        Shown shown(ui::pathFromQString(temp.path()));
        ScalarsDashboard& dashboard = shown.dashboard;
        QTemporaryDir out;
        QString asked;
        dashboard.setPathChooser([&](const QString&, const QString& stem, const QString& suffix) {
            asked = stem + suffix;
            return out.filePath(asked);
        });

        ScalarCard* top1 = dashboard.card("acc/top1");
        top1->action("Save as SVG")->trigger();
        QCOMPARE(asked, QStringLiteral("acc_top1.svg"));
        QSvgRenderer svg(out.filePath(asked));
        QVERIFY(svg.isValid());
        QCOMPARE(svg.viewBox(), QRect(QPoint(0, 0), top1->size()));
        QFile svgFile(out.filePath(asked));
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        QVERIFY(svgFile.readAll().contains("acc/top1")); // the title, as text

        top1->action("Save data as JSON")->trigger();
        QCOMPARE(asked, QStringLiteral("acc_top1.json"));
        QTRY_VERIFY(!dashboard.isExporting()); // data is written by a worker
        QFile jsonFile(out.filePath(asked));
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonDocument json = QJsonDocument::fromJson(jsonFile.readAll());
        const QJsonArray runs = json.array(); // one object per line, as lantern-cli writes
        QCOMPARE(runs.size(), 2);
        for (const QJsonValue run : runs) {
            QCOMPARE(run["tag"].toString(), QStringLiteral("acc/top1"));
            const auto points = storePoints(
                *shown.loader.snapshot(), run["run"].toString(), QStringLiteral("acc/top1"));
            const QJsonArray written = run["points"].toArray();
            QCOMPARE(written.size(), qsizetype(points.size()));
            for (qsizetype i = 0; i < written.size(); ++i) {
                QCOMPARE(written[i][0].toInteger(), points[std::size_t(i)].step);
                QVERIFY(sameValue(written[i][1].toDouble(), points[std::size_t(i)].wallTime));
                QVERIFY(readsBackAs(written[i][2].toDouble(), points[std::size_t(i)].value));
            }
        }
    }

    void csvAndJsonRoundTripACorpusRun()
    {
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        // A Keras run logging every batch: 37,500 points per tag, microsecond wall times.
        Shown shown(*corpus / "b06_tf1_keras_batch_level_75k");
        ScalarsDashboard& dashboard = shown.dashboard;
        QVERIFY(dashboard.cardTags().size() >= 4);
        QTemporaryDir out;
        std::size_t checked = 0;
        for (const QString& tag : dashboard.allTags()) {
            ScalarCard* card = dashboard.card(tag);
            const QString csvPath = out.filePath("a.csv"), jsonPath = out.filePath("a.json");
            QVERIFY(dashboard.exportCard(card, ScalarCard::Export::Csv, csvPath));
            QVERIFY(dashboard.exportCard(card, ScalarCard::Export::Json, jsonPath));
            QFile csvFile(csvPath), jsonFile(jsonPath);
            QVERIFY(csvFile.open(QIODevice::ReadOnly) && jsonFile.open(QIODevice::ReadOnly));
            const QStringList rows
                = QString::fromUtf8(csvFile.readAll()).split('\n', Qt::SkipEmptyParts);
            const QJsonArray runs = QJsonDocument::fromJson(jsonFile.readAll()).array();
            qsizetype row = 1;
            for (const QJsonValue run : runs) {
                const auto points
                    = storePoints(*shown.loader.snapshot(), run["run"].toString(), tag);
                const QJsonArray written = run["points"].toArray();
                QCOMPARE(written.size(), qsizetype(points.size()));
                for (std::size_t i = 0; i < points.size(); ++i, ++row) {
                    const QStringList fields = rows[row].split(',');
                    QCOMPARE(fields[1], tag);
                    QCOMPARE(fields[2].toLongLong(), points[i].step);
                    QVERIFY(sameValue(fields[3].toDouble(), points[i].wallTime));
                    QVERIFY(readsBackAs(fields[4].toDouble(), points[i].value));
                    const QJsonArray point = written[qsizetype(i)].toArray();
                    QCOMPARE(point[0].toInteger(), points[i].step);
                    QVERIFY(sameValue(point[1].toDouble(), points[i].wallTime));
                    QVERIFY(readsBackAs(point[2].toDouble(), points[i].value));
                    ++checked;
                }
            }
            QCOMPARE(row, rows.size());
        }
        QVERIFY(checked > 75000);
    }

    void axisRangesStayUntilCleared()
    {
        QTemporaryDir temp;
        writeFixture(ui::pathFromQString(temp.path()), 60);
        Shown shown(ui::pathFromQString(temp.path()));
        ui::LinePlot* loss = shown.dashboard.plot("loss");
        QCOMPARE(loss->xRange(), (ui::LinePlot::Range {0, 59}));

        shown.dashboard.card("loss")->action("Set axis ranges")->trigger();
        auto* dialog = openDialog<ui::AxisRangeDialog>(&shown.dashboard);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->field("xMin"), QStringLiteral("10"));
        QTest::keyClicks(dialog->field("xMax"), QStringLiteral("5"));
        QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled()); // min > max
        QTest::keyClicks(dialog->field("xMax"), QStringLiteral("0")); // 50
        QTest::keyClicks(dialog->field("yMin"), QStringLiteral("x"));
        QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled()); // not a number
        dialog->field("yMin")->clear();
        QTest::keyClicks(dialog->field("yMin"), QStringLiteral("0"));
        clickOk(dialog->buttons());
        QCOMPARE(loss->xRange(), (ui::LinePlot::Range {10, 50}));
        QCOMPARE(loss->yRange().lo, 0.0);

        // New data, a zoom and its reset: back to the fixed ranges.
        writeFixture(ui::pathFromQString(temp.path()), 20, 60);
        shown.reload();
        QCOMPARE(loss->series(0).data.size(), 80u);
        QCOMPARE(loss->xRange(), (ui::LinePlot::Range {10, 50}));
        loss->zoomTo({20, 30});
        QTest::mouseDClick(loss, Qt::LeftButton, {}, loss->plotArea().center().toPoint());
        QCOMPARE(loss->xRange(), (ui::LinePlot::Range {10, 50}));

        // The dialog shows them again; "All automatic" clears them.
        shown.dashboard.card("loss")->action("Set axis ranges")->trigger();
        dialog = openDialog<ui::AxisRangeDialog>(&shown.dashboard);
        QCOMPARE(dialog->field("xMin")->text(), QStringLiteral("10"));
        QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Reset), Qt::LeftButton);
        QVERIFY(dialog->field("xMax")->text().isEmpty());
        clickOk(dialog->buttons());
        // Steps 0..79 and, as points arrived while shown, a little headroom (a multiple of 4).
        QCOMPARE(loss->xRange(), (ui::LinePlot::Range {0, 80}));
        QVERIFY(!loss->xLimits().isSet() && !loss->yLimits().isSet());
        QVERIFY(loss->yRange().lo < 0); // fitted again: 5% of the span below the lowest loss
    }

    void drawsAPinnedAnEnlargedAndACustomChart()
    {
        // A picture to look at: PyTorch's add_scalars runs from the corpus, or the fixture.
        QTemporaryDir temp;
        const auto corpus = test::corpusDirectory();
        fs::path root = corpus ? *corpus / "c03_torch_add_scalars_subdirs_embedding" : fs::path();
        if (!corpus || !fs::exists(root)) {
            writeFixture(ui::pathFromQString(temp.path()), 60);
            root = ui::pathFromQString(temp.path());
        }
        Shown shown(root, {1400, 1300});
        ScalarsDashboard& dashboard = shown.dashboard;
        const QStringList tags = dashboard.allTags();
        QVERIFY(tags.size() >= 3);
        dashboard.setPinned(tags.back(), true);
        QTest::mouseClick(button(dashboard.card(tags[0]), "enlargeButton"), Qt::LeftButton);
        ScalarCard* chart = dashboard.addCustomChart({tags[0], tags[1]});
        QCOMPARE(chart->plot()->seriesCount(), 2 * dashboard.card(tags[0])->plot()->seriesCount());
        QCOMPARE(dashboard.groupNames().mid(0, 2), (QStringList {"Pinned", "Custom charts"}));
        QTest::qWait(50);
        ui::LinePlot* plot = chart->plot();
        QTest::mouseClick(plot, Qt::LeftButton, {}, plot->plotArea().center().toPoint());
        QVERIFY(plot->pinnedReadout()->isVisible());
        const QString png = QDir::temp().filePath(QStringLiteral("lantern_scalar_cards.png"));
        QVERIFY(dashboard.grab().save(png));
        qInfo("dashboard drawn to %s", qPrintable(png));
    }
};

LANTERN_TEST_MAIN(TestScalarCards)
#include "test_scalar_cards.moc"
