// The Projector tab on our demo logdir and on folders the test writes (TSV tensors, metadata,
// a sprite atlas, bookmarks): it appears because there is an embedding, PCA finishes off the GUI
// thread, and the controls, driven with mouse and keys, change what the view and the lists show
// as the core's answers say: neighbours by count and metric, search, isolation with its own PCA,
// sphereize, 3-D, bookmarks, sprites, and each embedding's view kept while another is shown.

#include "core/analysis/nearest_neighbours.h"
#include "core/analysis/pca.h"
#include "core/demo/demo_logdir.h"
#include "core/projector/projector_discovery.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/projector/embedding_scatter_plot.h"
#include "ui/dashboards/projector/projector_dashboard.h"
#include "ui/dashboards/projector/projector_panel.h"
#include "ui/main_window.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <set>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

std::set<QRgb> distinctColors(const ui::EmbeddingScatterPlot* plot)
{
    std::set<QRgb> colors;
    for (int i = 0; i < plot->pointCount(); ++i)
        colors.insert(plot->colorOf(i));
    return colors;
}

// A point drawn where no other is, so that a click there picks it; -1 when none is.
int clickablePoint(const ui::EmbeddingScatterPlot* plot, int from = 0)
{
    for (int point = from; point < plot->pointCount(); ++point)
        if (plot->pointAt(plot->positionOf(point)) == point)
            return point;
    return -1;
}

// The points the view highlights as search matches.
std::vector<int> highlightedPoints(const ui::EmbeddingScatterPlot* plot)
{
    std::vector<int> points;
    const std::vector<bool>& flags = plot->highlighted();
    for (std::size_t i = 0; i < flags.size(); ++i)
        if (flags[i])
            points.push_back(int(i));
    return points;
}

std::vector<std::size_t> listedRows(const QListWidget* list)
{
    std::vector<std::size_t> rows;
    for (int i = 0; i < list->count(); ++i)
        rows.push_back(std::size_t(list->item(i)->data(Qt::UserRole).toULongLong()));
    return rows;
}

std::vector<std::size_t> rowsOf(const std::vector<core::Neighbour>& neighbours)
{
    std::vector<std::size_t> rows;
    for (const auto& neighbour : neighbours)
        rows.push_back(neighbour.index);
    return rows;
}

void writeText(const fs::path& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

// Rows of deterministic pseudo-random values with some structure: each row leans toward one of
// three directions, so PCA, sphereize and the two metrics all give different answers.
std::vector<float> syntheticValues(std::size_t rows, std::size_t columns, unsigned seed)
{
    std::vector<float> values(rows * columns);
    unsigned state = seed;
    const auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return float(state >> 8) / float(1u << 24) - 0.5f;
    };
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < columns; ++c)
            values[r * columns + c]
                = next() + (c == r % 3 ? 3.f * float(1 + r % 5) : 0.f) + (c == 0 ? 1.f : 0.f);
    return values;
}

std::string tsvOf(const std::vector<float>& values, std::size_t columns)
{
    std::string text;
    for (std::size_t i = 0; i < values.size(); ++i) {
        text += std::to_string(values[i]);
        text += (i + 1) % columns == 0 ? '\n' : '\t';
    }
    return text;
}

constexpr std::size_t kRowsA = 40, kColumnsA = 6, kRowsB = 30, kColumnsB = 4;

// A logdir with one event file and a projector config naming: "alpha" (TSV tensor, metadata
// with name and group columns, an 8×8 sprite atlas, bookmarks: a 3-D PCA one and a t-SNE one),
// "beta" (tensor only) and "gamma" (a sprite that is not an image).
void writeSyntheticLogdir(const fs::path& root)
{
    test::appendRecords(root / "events.out.tfevents.1.host",
        {test::fileVersionEvent(), test::scalarEvent("loss", 1, 0.5f, 2.0)});
    writeText(root / "alpha.tsv", tsvOf(syntheticValues(kRowsA, kColumnsA, 7), kColumnsA));
    std::string metadata = "name\tgroup\n";
    for (std::size_t r = 0; r < kRowsA; ++r) {
        metadata += 'p';
        metadata += std::to_string(r);
        metadata += r % 2 ? "\tOdd\n" : "\teven\n";
    }
    writeText(root / "alpha_meta.tsv", metadata);
    QImage atlas(7 * 8, 6 * 8, QImage::Format_RGB32); // 42 tiles for 40 points
    atlas.fill(Qt::darkGreen);
    QVERIFY(atlas.save(ui::qStringFromPath(root / "alpha_sprite.png")));
    writeText(root / "alpha_bookmarks.json", R"([
        {"label": "three axes", "selectedProjection": "pca", "pcaComponentDimensions": [1, 0, 2],
         "selectedPoints": [1, 2, 3, 400], "cameraDef": {"orthographic": false,
         "position": [2, 0, 0], "target": [0.5, 0, 0], "zoom": 2}},
        {"label": "t-SNE view", "selectedProjection": "tsne", "tSNEIteration": 300}])");
    writeText(root / "beta.tsv", tsvOf(syntheticValues(kRowsB, kColumnsB, 11), kColumnsB));
    writeText(root / "gamma.tsv", tsvOf(syntheticValues(kRowsB, kColumnsB, 13), kColumnsB));
    writeText(root / "gamma_sprite.png", "this is not an image");
    writeText(root / "projector_config.pbtxt", R"(
embeddings { tensor_name: "alpha" tensor_path: "alpha.tsv" metadata_path: "alpha_meta.tsv"
  bookmarks_path: "alpha_bookmarks.json"
  sprite { image_path: "alpha_sprite.png" single_image_dim: 8 single_image_dim: 8 } }
embeddings { tensor_name: "beta" tensor_path: "beta.tsv" }
embeddings { tensor_name: "gamma" tensor_path: "gamma.tsv"
  sprite { image_path: "gamma_sprite.png" single_image_dim: 8 single_image_dim: 8 } }
)");
}

// Clicks a check box on its indicator (its middle may be empty space past the text).
void toggle(QCheckBox* box)
{
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(box->height() / 2, box->height() / 2));
}

// Opens `logdir` in `window` and shows the projector once its first projection is shown.
ui::ProjectorDashboard* openProjector(ui::MainWindow& window, const QString& logdir)
{
    window.resize(1400, 900);
    window.show();
    auto* projector = window.findChild<ui::ProjectorDashboard*>(QStringLiteral("projector"));
    if (!projector)
        return nullptr;
    // A logdir with only projector data may show the tab (and project) by itself.
    QSignalSpy shown(projector, &ui::ProjectorDashboard::projectionShown);
    window.openLogdirs({logdir});
    if (!QTest::qWaitFor(
            [&] { return projector->hasEmbeddings() && !window.isComputing(); }, 20000))
        return nullptr;
    if (!window.showTab(QStringLiteral("projector"))) {
        qWarning("no projector tab for %s", qPrintable(logdir));
        return nullptr;
    }
    if (shown.isEmpty() && !shown.wait(20000)) {
        qWarning("no projection shown for %s", qPrintable(logdir));
        return nullptr;
    }
    return projector;
}

// Chooses the embedding whose label ends in `name` and waits for its projection.
bool chooseEmbedding(ui::ProjectorDashboard* projector, const QString& name)
{
    QComboBox* chooser = projector->embeddingChooser();
    for (int i = 0; i < chooser->count(); ++i)
        if (chooser->itemText(i).endsWith(name)) {
            if (i == chooser->currentIndex())
                return true;
            QSignalSpy shown(projector, &ui::ProjectorDashboard::projectionShown);
            chooser->setCurrentIndex(i);
            return shown.wait(20000);
        }
    return false;
}

// Chooses `column` in the colour or label chooser and waits for the points' new style, which
// is made on a worker.
bool chooseColumn(ui::ProjectorDashboard* projector, QComboBox* chooser, const QString& column)
{
    const int index = chooser->findText(column);
    if (index < 0)
        return false;
    if (index == chooser->currentIndex())
        return true;
    QSignalSpy styled(projector, &ui::ProjectorDashboard::styleShown);
    chooser->setCurrentIndex(index);
    return styled.wait(20000);
}

core::LoadedEmbedding loadSynthetic(const fs::path& root, const std::string& name)
{
    core::ProjectorEmbeddingSource source;
    source.name = name;
    source.tensorPath = root / (name + ".tsv");
    return core::loadEmbedding(source);
}

// The visible widgets of `panel`'s column given less height than they need: less than their
// minimum size hint, or for a label less than its text needs at its width. Controls' own
// parts (a combo box's line edit, a list's viewport) are left to their control.
QStringList squeezedWidgets(const ui::ProjectorPanel* panel)
{
    QStringList squeezed;
    const auto* scroll = panel->findChild<QScrollArea*>();
    if (!scroll || !scroll->widget())
        return {QStringLiteral("(no scrolled column)")};
    const QWidget* column = scroll->widget();
    for (const QWidget* widget : column->findChildren<QWidget*>()) {
        if (!widget->isVisible())
            continue;
        bool part = false;
        for (const QWidget* up = widget->parentWidget(); up && up != column;
             up = up->parentWidget())
            part = part || qobject_cast<const QAbstractScrollArea*>(up)
                || qobject_cast<const QComboBox*>(up) || qobject_cast<const QAbstractSpinBox*>(up);
        if (part)
            continue;
        int needed = widget->minimumSizeHint().height();
        if (const auto* label = qobject_cast<const QLabel*>(widget))
            needed = label->hasHeightForWidth() ? label->heightForWidth(label->width())
                                                : label->sizeHint().height();
        if (widget->height() < needed)
            squeezed << QStringLiteral("%1 %2 (%3 < %4)")
                            .arg(QString::fromLatin1(widget->metaObject()->className()),
                                widget->objectName().isEmpty() ? QStringLiteral("\"%1\"").arg(
                                    widget->property("title").toString())
                                                               : widget->objectName())
                            .arg(widget->height())
                            .arg(needed);
    }
    return squeezed;
}

} // namespace

class TestProjectorDashboard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_temp.isValid());
        core::DemoOptions options;
        options.directory = ui::pathFromQString(m_temp.path());
        options.steps = 5;
        QCOMPARE(core::writeDemoLogdir(options), std::string());
        QVERIFY(m_synthetic.isValid());
        writeSyntheticLogdir(ui::pathFromQString(m_synthetic.path()));
    }

    void demoEmbeddingIsProjected()
    {
        ui::MainWindow window;
        window.resize(1200, 800);
        window.show();
        auto* projector = window.findChild<ui::ProjectorDashboard*>(QStringLiteral("projector"));
        QVERIFY(projector);
        QVERIFY(!window.showTab(QStringLiteral("projector"))); // nothing loaded yet
        window.openLogdirs({m_temp.path()});
        QTRY_VERIFY_WITH_TIMEOUT(projector->hasEmbeddings() && !window.isComputing(), 20000);
        QSignalSpy shown(projector, &ui::ProjectorDashboard::projectionShown);
        QVERIFY(window.showTab(QStringLiteral("projector")));
        QVERIFY(shown.wait(20000)); // PCA runs only once the tab is shown

        // The plot shows every row of the embedding file.
        const fs::path root = ui::pathFromQString(m_temp.path());
        const auto found = core::discoverProjectorEmbeddings(
            {}, std::vector<std::pair<std::string, fs::path>> {{"", root}});
        QCOMPARE(found.embeddings.size(), std::size_t(1));
        const core::LoadedEmbedding embedding = core::loadEmbedding(found.embeddings[0]);
        ui::EmbeddingScatterPlot* plot = projector->plot();
        QVERIFY(embedding.rows > 100);
        QCOMPARE(plot->pointCount(), int(embedding.rows));
        QCOMPARE(projector->embeddingChooser()->currentText(),
            QStringLiteral(". · dense_1/activations"));

        // Colour by the three-valued "bucket", then by the numeric "target": a gradient.
        QComboBox* colorBy = projector->colorChooser();
        QVERIFY(chooseColumn(projector, colorBy, QStringLiteral("bucket")));
        const std::set<QRgb> buckets = distinctColors(plot);
        QVERIFY(buckets.size() >= 2 && buckets.size() <= 3);
        QVERIFY(chooseColumn(projector, colorBy, QStringLiteral("target")));
        const std::set<QRgb> targets = distinctColors(plot);
        QVERIFY2(targets.size() > 20, qPrintable(QString::number(targets.size())));

        // Search the bucket column for "low": as many as the metadata file's low rows.
        int lowRows = 0;
        for (std::size_t row = 0; row < embedding.metadata.rows.size(); ++row)
            lowRows += embedding.metadata.cell(row, 2) == "low";
        QVERIFY(lowRows > 0);
        QComboBox* searchColumn = projector->searchColumnChooser();
        searchColumn->setCurrentIndex(searchColumn->findText(QStringLiteral("bucket")));
        toggle(projector->panel()->searchRegex);
        QTest::keyClicks(projector->searchField(), QStringLiteral("^lo"));
        QTRY_COMPARE(
            projector->searchCountLabel()->text(), QStringLiteral("%1 points match").arg(lowRows));
        projector->searchField()->clear();
        QVERIFY(projector->searchCountLabel()->text().isEmpty());

        // A point drawn where no other is: hover shows its metadata, a click lists the same
        // hundred neighbours (TensorBoard's default) the core finds by cosine distance in the
        // original space.
        const int point = clickablePoint(plot);
        QVERIFY(point >= 0);
        QTest::mouseMove(plot, plot->positionOf(point));
        QTRY_VERIFY(projector->hoverText().contains(QStringLiteral("Point %1").arg(point)));
        QVERIFY(projector->hoverText().contains(QStringLiteral("bucket: ")
            + QString::fromStdString(std::string(embedding.metadata.cell(std::size_t(point), 2)))));
        QTest::mouseClick(plot, Qt::LeftButton, {}, plot->positionOf(point));
        const auto expected = core::nearestNeighbours(embedding.values, embedding.rows,
            embedding.columns, std::size_t(point), 100, core::DistanceMetric::Cosine);
        QListWidget* neighbours = projector->neighbourList();
        QTRY_COMPARE(neighbours->count(), int(expected.size()));
        QCOMPARE(listedRows(neighbours), rowsOf(expected));
    }

    void neighboursFollowCountAndMetric()
    {
        ui::MainWindow window;
        auto* projector = openAlpha(window);
        QVERIFY(projector);
        const auto embedding = loadSynthetic(syntheticRoot(), "alpha");
        QCOMPARE(embedding.rows, kRowsA);
        ui::EmbeddingScatterPlot* plot = projector->plot();
        QCOMPARE(plot->pointCount(), int(kRowsA));
        const auto nearest = [&](std::size_t row, std::size_t count, core::DistanceMetric metric) {
            return rowsOf(core::nearestNeighbours(
                embedding.values, embedding.rows, embedding.columns, row, count, metric));
        };

        // Click a point: it is selected, and its 100 neighbours (clamped to the 39 others) are
        // listed by cosine distance.
        const int point = clickablePoint(plot);
        QVERIFY(point >= 0);
        QTest::mouseClick(plot, Qt::LeftButton, {}, plot->positionOf(point));
        QCOMPARE(projector->selectedRows(), std::vector<std::size_t> {std::size_t(point)});
        QListWidget* list = projector->neighbourList();
        QTRY_COMPARE(list->count(), int(kRowsA - 1));
        QCOMPARE(listedRows(list), nearest(std::size_t(point), 100, core::DistanceMetric::Cosine));

        // Five, typed into the count.
        ui::ProjectorPanel* panel = projector->panel();
        panel->neighbourCount->setFocus();
        QTest::keyClick(panel->neighbourCount, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(panel->neighbourCount, QStringLiteral("5"));
        QCOMPARE(panel->neighbourCount->value(), 5);
        const auto cosine = nearest(std::size_t(point), 5, core::DistanceMetric::Cosine);
        QTRY_COMPARE(listedRows(list), cosine);

        // Euclidean, chosen with the keyboard: this data's nearest differ by metric.
        const auto euclidean = nearest(std::size_t(point), 5, core::DistanceMetric::Euclidean);
        QVERIFY(euclidean != cosine);
        panel->neighbourMetric->setFocus();
        QTest::keyClick(panel->neighbourMetric, Qt::Key_Down);
        QCOMPARE(panel->neighbourMetric->currentText(), QStringLiteral("Euclidean"));
        QTRY_COMPARE(listedRows(list), euclidean);
        QVERIFY(list->item(0)->text().startsWith(QString::number(
            core::nearestNeighbours(embedding.values, embedding.rows, embedding.columns,
                std::size_t(point), 1, core::DistanceMetric::Euclidean)[0]
                .distance,
            'f', 4)));

        // Clicking a listed neighbour selects it and lists its own neighbours.
        const std::size_t next = euclidean[2];
        QTest::mouseClick(
            list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(2)).center());
        QCOMPARE(projector->selectedRows(), std::vector<std::size_t> {next});
        QCOMPARE(plot->selection(), std::vector<int> {int(next)});
        QTRY_COMPARE(listedRows(list), nearest(next, 5, core::DistanceMetric::Euclidean));

        // A click on empty space clears the selection and the list.
        QTest::mouseClick(panel->clearSelection, Qt::LeftButton);
        QVERIFY(projector->selectedRows().empty());
        QCOMPARE(list->count(), 0);
    }

    void lassoModeSelectsTheRowsDrawnInsideTheLoop()
    {
        ui::MainWindow window;
        auto* projector = openAlpha(window);
        QVERIFY(projector);
        ui::ProjectorPanel* panel = projector->panel();
        ui::EmbeddingScatterPlot* plot = projector->plot();
        // The panel's tool makes a plain drag draw a lasso; here round the view's left half.
        panel->dragTool->setCurrentIndex(panel->dragTool->findData(2));
        QCOMPARE(plot->dragTool(), ui::EmbeddingScatterPlot::DragTool::Lasso);
        const int middle = plot->width() / 2;
        std::vector<std::size_t> left; // all points are shown: point i is row i
        for (int point = 0; point < plot->pointCount(); ++point)
            if (plot->positionOf(point).x() < middle - 2)
                left.push_back(std::size_t(point));
        QVERIFY(!left.empty() && left.size() < kRowsA);
        const QRect area = plot->rect().adjusted(2, 2, -2, -2);
        const std::vector<QPoint> corners {area.topLeft(), QPoint(middle, area.top()),
            QPoint(middle, area.bottom()), area.bottomLeft()};
        QTest::mousePress(plot, Qt::LeftButton, {}, corners[0]);
        for (std::size_t i = 0; i < corners.size(); ++i)
            for (int step = 1; step <= 8; ++step)
                QTest::mouseMove(
                    plot, corners[i] + (corners[(i + 1) % corners.size()] - corners[i]) * step / 8);
        QTest::mouseRelease(plot, Qt::LeftButton, {}, corners[0]);
        // Points within a pixel or two of the line may fall either side of it.
        std::vector<std::size_t> selected = projector->selectedRows();
        std::erase_if(selected, [&](std::size_t row) {
            return std::abs(plot->positionOf(int(row)).x() - middle) <= 2;
        });
        QCOMPARE(selected, left);
        QCOMPARE(panel->selection->count(), int(projector->selectedRows().size()));
    }

    void searchHighlightsAndSelects()
    {
        ui::MainWindow window;
        auto* projector = openAlpha(window);
        QVERIFY(projector);
        ui::ProjectorPanel* panel = projector->panel();
        // Substring, any case: "ODD" finds the 20 odd rows written "Odd".
        panel->searchColumn->setCurrentIndex(
            panel->searchColumn->findText(QStringLiteral("group")));
        QTest::keyClicks(panel->searchField, QStringLiteral("ODD"));
        QTRY_COMPARE(panel->searchCount->text(), QStringLiteral("20 points match"));
        // All points are shown, so point i is row i: exactly the odd ones are highlighted.
        ui::EmbeddingScatterPlot* plot = projector->plot();
        QCOMPARE(plot->highlighted().size(), std::size_t(kRowsA));
        std::vector<int> oddPoints;
        for (int point = 1; point < int(kRowsA); point += 2)
            oddPoints.push_back(point);
        QCOMPARE(highlightedPoints(plot), oddPoints);
        QTest::mouseClick(panel->selectMatches, Qt::LeftButton);
        std::vector<std::size_t> odd;
        for (std::size_t r = 1; r < kRowsA; r += 2)
            odd.push_back(r);
        QCOMPARE(projector->selectedRows(), odd);
        QCOMPARE(projector->plot()->selection().size(), std::size_t(20));
        QCOMPARE(panel->selection->count(), 20);

        // A regular expression over names: p10 … p19.
        panel->searchColumn->setCurrentIndex(panel->searchColumn->findText(QStringLiteral("name")));
        toggle(panel->searchRegex);
        panel->searchField->clear();
        QTest::keyClicks(panel->searchField, QStringLiteral("^P1\\d$"));
        QTRY_COMPARE(panel->searchCount->text(), QStringLiteral("10 points match"));
        QCOMPARE(
            highlightedPoints(plot), (std::vector<int> {10, 11, 12, 13, 14, 15, 16, 17, 18, 19}));
        QTest::mouseClick(panel->selectMatches, Qt::LeftButton);
        QCOMPARE(projector->selectedRows().front(), std::size_t(10));
        QCOMPARE(projector->selectedRows().back(), std::size_t(19));
        // Not a valid expression: said beside the field, nothing highlighted, no exception.
        QTest::keyClicks(panel->searchField, QStringLiteral("("));
        QTRY_VERIFY(panel->searchCount->text().startsWith(QStringLiteral("Not a valid regular")));
        QVERIFY(!panel->selectMatches->isEnabled());
        QVERIFY(plot->highlighted().empty());
        // A match again, then an empty field: the highlight goes with the search.
        panel->searchField->setText(QStringLiteral("^p3$"));
        QTRY_COMPARE(panel->searchCount->text(), QStringLiteral("1 point matches"));
        QCOMPARE(highlightedPoints(plot), std::vector<int> {3});
        panel->searchField->clear();
        QVERIFY(panel->searchCount->text().isEmpty());
        QVERIFY(plot->highlighted().empty());
    }

    void isolateShowsOnlyTheSelectionWithItsOwnPca()
    {
        ui::MainWindow window;
        auto* projector = openAlpha(window);
        QVERIFY(projector);
        const auto embedding = loadSynthetic(syntheticRoot(), "alpha");
        ui::ProjectorPanel* panel = projector->panel();
        const std::vector<double> allVariance = projector->varianceExplained();
        QCOMPARE(allVariance,
            core::principalComponents(embedding.values, kRowsA, kColumnsA, 10).varianceRatio);

        panel->searchColumn->setCurrentIndex(
            panel->searchColumn->findText(QStringLiteral("group")));
        QTest::keyClicks(panel->searchField, QStringLiteral("even"));
        QTRY_COMPARE(panel->searchCount->text(), QStringLiteral("20 points match"));
        QTest::mouseClick(panel->selectMatches, Qt::LeftButton);
        const std::vector<std::size_t> even = projector->selectedRows();
        QCOMPARE(even.size(), std::size_t(20));

        QSignalSpy shown(projector, &ui::ProjectorDashboard::projectionShown);
        QTest::mouseClick(panel->isolate, Qt::LeftButton);
        QVERIFY(shown.wait(20000));
        QCOMPARE(projector->plot()->pointCount(), 20);
        QCOMPARE(projector->shownRows(), even);
        core::PcaOptions options;
        options.rowsSubset = even;
        const auto isolated
            = core::principalComponents(embedding.values, kRowsA, kColumnsA, 10, options);
        QCOMPARE(projector->varianceExplained(), isolated.varianceRatio);
        QVERIFY(isolated.varianceRatio != allVariance);
        // The first component chooser says the isolated points' variance.
        QVERIFY(panel->component[0]->itemText(0).contains(
            QStringLiteral("%1%").arg(100 * isolated.varianceRatio[0], 0, 'f', 1)));
        // The selection is all shown points, drawn selected.
        QCOMPARE(projector->plot()->selection().size(), std::size_t(20));

        QTest::mouseClick(panel->showAll, Qt::LeftButton);
        QVERIFY(shown.wait(20000));
        QCOMPARE(projector->plot()->pointCount(), int(kRowsA));
        QCOMPARE(projector->varianceExplained(), allVariance);
    }

    void sphereizeAndThreeD()
    {
        ui::MainWindow window;
        auto* projector = openAlpha(window);
        QVERIFY(projector);
        const auto embedding = loadSynthetic(syntheticRoot(), "alpha");
        ui::ProjectorPanel* panel = projector->panel();
        QSignalSpy shown(projector, &ui::ProjectorDashboard::projectionShown);
        toggle(panel->sphereize);
        QVERIFY(shown.wait(20000));
        core::PcaOptions options;
        options.sphereize = true;
        QCOMPARE(projector->varianceExplained(),
            core::principalComponents(embedding.values, kRowsA, kColumnsA, 10, options)
                .varianceRatio);

        ui::EmbeddingScatterPlot* plot = projector->plot();
        QCOMPARE(plot->dimensions(), 2);
        QVERIFY(!panel->component[2]->isEnabled());
        toggle(panel->threeD);
        QCOMPARE(plot->dimensions(), 3);
        QVERIFY(panel->component[2]->isEnabled());
        QCOMPARE(panel->component[2]->currentIndex(), 2);
        // Choosing PC3 for x moves the points: x now shows the third component.
        const QPoint before = plot->positionOf(0);
        panel->component[0]->setFocus();
        QTest::keyClick(panel->component[0], Qt::Key_Down);
        QTest::keyClick(panel->component[0], Qt::Key_Down);
        QCOMPARE(panel->component[0]->currentIndex(), 2);
        QVERIFY(plot->positionOf(0) != before);
        QCOMPARE(panel->component[0]->count(), int(kColumnsA)); // min(10, dimensions)
    }

    void eachEmbeddingKeepsItsView()
    {
        ui::MainWindow window;
        auto* projector = openAlpha(window);
        QVERIFY(projector);
        ui::ProjectorPanel* panel = projector->panel();
        ui::EmbeddingScatterPlot* plot = projector->plot();
        // Alpha: 3-D, x = PC2, one point selected, zoomed in.
        toggle(panel->threeD);
        panel->component[0]->setCurrentIndex(1);
        const int point = clickablePoint(plot, 3);
        QVERIFY(point >= 0);
        QTest::mouseClick(plot, Qt::LeftButton, {}, plot->positionOf(point));
        QTRY_COMPARE(projector->neighbourList()->count(), int(kRowsA - 1));
        ui::ProjectorCamera camera = plot->camera();
        camera.zoom *= 2.5f;
        camera.yaw += 0.3f;
        plot->setCamera(camera);

        // Beta starts afresh: 2-D, nothing selected.
        QVERIFY(chooseEmbedding(projector, QStringLiteral("beta")));
        QCOMPARE(plot->pointCount(), int(kRowsB));
        QCOMPARE(plot->dimensions(), 2);
        QVERIFY(projector->selectedRows().empty());
        QVERIFY(!panel->threeD->isChecked());
        QCOMPARE(projector->neighbourList()->count(), 0);
        toggle(panel->sphereize);
        QTRY_VERIFY(!window.isComputing());

        // Back to alpha: everything as left.
        QVERIFY(chooseEmbedding(projector, QStringLiteral("alpha")));
        QCOMPARE(plot->pointCount(), int(kRowsA));
        QCOMPARE(plot->dimensions(), 3);
        QVERIFY(panel->threeD->isChecked());
        QVERIFY(!panel->sphereize->isChecked());
        QCOMPARE(panel->component[0]->currentIndex(), 1);
        QCOMPARE(projector->selectedRows(), std::vector<std::size_t> {std::size_t(point)});
        QCOMPARE(plot->selection(), std::vector<int> {point});
        QCOMPARE(plot->camera(), camera);
        QTRY_COMPARE(projector->neighbourList()->count(), int(kRowsA - 1));
        // And beta kept its sphereize.
        QVERIFY(chooseEmbedding(projector, QStringLiteral("beta")));
        QVERIFY(panel->sphereize->isChecked());
    }

    void bookmarksListedAndApplied()
    {
        ui::MainWindow window;
        auto* projector = openAlpha(window);
        QVERIFY(projector);
        ui::ProjectorPanel* panel = projector->panel();
        QListWidget* bookmarks = panel->bookmarks;
        QCOMPARE(bookmarks->count(), 2);
        QVERIFY(bookmarks->item(0)->text().startsWith(QStringLiteral("three axes")));
        QVERIFY(!bookmarks->item(0)->text().contains(QStringLiteral("not supported")));
        QVERIFY(bookmarks->item(1)->text().startsWith(QStringLiteral("t-SNE view")));
        QVERIFY(bookmarks->item(1)->text().contains(QStringLiteral("not supported")));

        // The PCA bookmark: 3-D on PC2, PC1, PC3, points 1–3 selected (400 is past the rows).
        QTest::mouseClick(bookmarks->viewport(), Qt::LeftButton, {},
            bookmarks->visualItemRect(bookmarks->item(0)).center());
        QTest::mouseClick(panel->applyBookmark, Qt::LeftButton);
        ui::EmbeddingScatterPlot* plot = projector->plot();
        QCOMPARE(plot->dimensions(), 3);
        QCOMPARE(panel->component[0]->currentIndex(), 1);
        QCOMPARE(panel->component[1]->currentIndex(), 0);
        QCOMPARE(panel->component[2]->currentIndex(), 2);
        QCOMPARE(projector->selectedRows(), (std::vector<std::size_t> {1, 2, 3}));
        QCOMPARE(plot->selection(), (std::vector<int> {1, 2, 3}));
        // Its camera looks from +x at a target half way to the largest x: turned a quarter
        // about the vertical, level, closer than the fitted view.
        const ui::ProjectorCamera camera = plot->camera();
        const ui::ViewFrame& frame = plot->frame();
        QVERIFY(std::abs(camera.yaw + float(M_PI) / 2) < 1e-4f);
        QVERIFY(std::abs(camera.pitch) < 1e-4f);
        QVERIFY(camera.zoom > 1);
        QVERIFY(std::abs(camera.target.x() - (frame.centre.x() + frame.size.x() / 4)) < 1e-4f);
        QVERIFY(std::abs(camera.target.y() - frame.centre.y()) < 1e-4f);
        QVERIFY(camera == *ui::cameraFromTensorBoard({false, {2, 0, 0}, {0.5, 0, 0}, 2}, frame));

        // The t-SNE one: a message, no dialog, the view unchanged.
        QTest::mouseClick(bookmarks->viewport(), Qt::LeftButton, {},
            bookmarks->visualItemRect(bookmarks->item(1)).center());
        QTest::mouseClick(panel->applyBookmark, Qt::LeftButton);
        QVERIFY(panel->messages().contains(QStringLiteral("“t-SNE view” is not supported")));
        QVERIFY(QApplication::activeModalWidget() == nullptr);
        QCOMPARE(plot->dimensions(), 3);
        QCOMPARE(projector->selectedRows().size(), std::size_t(3));

        // A bookmark added here holds the view (TensorBoard's cameraDef): turned with a drag,
        // bookmarked, reset, and applied, the view comes back.
        const QPoint corner(8, plot->height() - 8);
        QTest::mousePress(plot, Qt::LeftButton, {}, corner);
        for (int step = 1; step <= 6; ++step)
            QTest::mouseMove(plot, corner + QPoint(step * 10, -step * 6));
        QTest::mouseRelease(plot, Qt::LeftButton, {}, corner + QPoint(60, -36));
        const ui::ProjectorCamera turned = plot->camera();
        QVERIFY(!(turned == camera));
        QVERIFY(projector->addBookmark());
        QCOMPARE(bookmarks->count(), 3);
        plot->resetView();
        QVERIFY(!(plot->camera() == turned));
        bookmarks->setCurrentRow(2);
        QTest::mouseClick(panel->applyBookmark, Qt::LeftButton);
        const ui::ProjectorCamera back = plot->camera();
        QVERIFY(std::abs(back.yaw - turned.yaw) < 1e-4f);
        QVERIFY(std::abs(back.pitch - turned.pitch) < 1e-4f);
        QVERIFY(std::abs(back.zoom / turned.zoom - 1) < 1e-4f);
        QVERIFY((back.target - turned.target).length() < 1e-4f * frame.size.length());
        QVERIFY(!panel->messages().contains(QStringLiteral("not applied")));
    }

    void spritesShownAndBadSpritesSaid()
    {
        ui::MainWindow window;
        auto* projector = openAlpha(window);
        QVERIFY(projector);
        ui::ProjectorPanel* panel = projector->panel();
        ui::EmbeddingScatterPlot* plot = projector->plot();
        // Thumbnails are shown from the start when there is an atlas, as in TensorBoard.
        QVERIFY(panel->sprites->isEnabled());
        QVERIFY(panel->sprites->isChecked());
        plot->grab();
        QCOMPARE(plot->spritesDrawn(), int(kRowsA));
        toggle(panel->sprites);
        plot->grab();
        QCOMPARE(plot->spritesDrawn(), 0);
        toggle(panel->sprites);
        plot->grab();
        QCOMPARE(plot->spritesDrawn(), int(kRowsA));

        // Beta has no sprite; gamma's is not an image: said, and its points are still shown.
        QVERIFY(chooseEmbedding(projector, QStringLiteral("beta")));
        QVERIFY(!panel->sprites->isEnabled());
        QVERIFY(chooseEmbedding(projector, QStringLiteral("gamma")));
        QVERIFY(!panel->sprites->isEnabled());
        QCOMPARE(plot->pointCount(), int(kRowsB));
        QVERIFY2(panel->messages().contains(QStringLiteral("gamma_sprite.png")),
            qPrintable(panel->messages()));
    }

    void corpusC05InTwoAndThreeDimensions()
    {
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        const fs::path runs = *corpus / "c05_torch_embeddings_two_tags" / "runs";
        QVERIFY(fs::exists(runs));
        ui::MainWindow window;
        auto* projector = openProjector(window, ui::qStringFromPath(runs));
        QVERIFY(projector);
        QCOMPARE(projector->embeddingChooser()->count(), 2);
        ui::EmbeddingScatterPlot* plot = projector->plot();
        QCOMPARE(plot->pointCount(), 294);
        // Single-column metadata without a header: coloured by it, with a legend.
        QCOMPARE(projector->colorChooser()->currentText(), QStringLiteral("label"));
        QVERIFY(distinctColors(plot).size() > 1);
        const QString directory = qEnvironmentVariable("LANTERN_SCREENSHOT_DIR");
        if (!directory.isEmpty())
            QVERIFY(window.grab().save(directory + QStringLiteral("/projector_c05_2d.png")));
        toggle(projector->panel()->threeD);
        QCOMPARE(plot->dimensions(), 3);
        const int point = clickablePoint(plot);
        QVERIFY(point >= 0);
        QTest::mouseClick(plot, Qt::LeftButton, {}, plot->positionOf(point));
        QTRY_COMPARE(projector->neighbourList()->count(), 100);
        // Turn the cloud a little with a drag, as a user would, to show its depth.
        const ui::ProjectorCamera facing = plot->camera();
        const QPoint centre = plot->rect().center();
        QTest::mousePress(plot, Qt::LeftButton, {}, centre);
        for (int step = 1; step <= 8; ++step)
            QTest::mouseMove(plot, centre + QPoint(step * 12, step * 5));
        QTest::mouseRelease(plot, Qt::LeftButton, {}, centre + QPoint(96, 40));
        QVERIFY(!(plot->camera() == facing));
        if (!directory.isEmpty())
            QVERIFY(window.grab().save(directory + QStringLiteral("/projector_c05_3d.png")));
    }

    void messagesNeverSqueezeThePanel()
    {
        // A run, and a tensor file that cannot be read: its error is shown in the message box
        // above the other sections, deep in folders so that the message is long.
        QTemporaryDir temp;
        const fs::path folder = ui::pathFromQString(temp.path()) / "a_rather_long_folder_name"
            / "with_another_long_folder_name_below_it";
        test::appendRecords(folder / "events.out.tfevents.1.host",
            {test::fileVersionEvent(), test::scalarEvent("loss", 1, 0.5f, 2.0)});
        writeText(folder / "broken.tsv", "1\t2\nnot\ta number\n");
        writeText(folder / "projector_config.pbtxt",
            "embeddings { tensor_name: \"broken_embedding_named_by_a_keras_callback\" tensor_path: "
            "\"broken.tsv\" }\n");

        // Once loaded, show the tab. The panel's texts change as the embedding is tried; the
        // frame painted next (or a --screenshot) shows the layout as it is then, before Qt's
        // posted layout requests have gone round: already nothing may be squeezed.
        ui::MainWindow window;
        window.resize(1200, 800);
        window.show();
        QSignalSpy loaded(&window, &ui::MainWindow::loadFinished);
        window.openLogdirs({ui::qStringFromPath(folder)});
        QVERIFY(loaded.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(!window.isComputing(), 20000);
        auto* projector = window.findChild<ui::ProjectorDashboard*>(QStringLiteral("projector"));
        ui::ProjectorPanel* panel = projector->panel();
        QSignalSpy shown(projector, &ui::ProjectorDashboard::projectionShown);
        QVERIFY(window.showTab(QStringLiteral("projector")));
        QStringList squeezed = squeezedWidgets(panel);
        QVERIFY2(squeezed.isEmpty(), qPrintable(squeezed.join(QStringLiteral(", "))));
        QVERIFY(shown.wait(20000));
        QVERIFY2(panel->messages().contains(QStringLiteral("broken.tsv")),
            qPrintable(panel->messages()));
        squeezed = squeezedWidgets(panel);
        QVERIFY2(squeezed.isEmpty(), qPrintable(squeezed.join(QStringLiteral(", "))));
        QCoreApplication::processEvents();
        squeezed = squeezedWidgets(panel);
        QVERIFY2(squeezed.isEmpty(), qPrintable(squeezed.join(QStringLiteral(", "))));

        // Too short a window for the whole column: it scrolls, nothing in it is squeezed.
        for (const QSize size : {QSize(1000, 600), QSize(1000, 420), QSize(1200, 800)}) {
            window.resize(size);
            QCoreApplication::processEvents();
            squeezed = squeezedWidgets(panel);
            QVERIFY2(squeezed.isEmpty(),
                qPrintable(QStringLiteral("at %1×%2: ").arg(size.width()).arg(size.height())
                    + squeezed.join(QStringLiteral(", "))));
        }
    }

    void tabHiddenWithoutEmbeddings()
    {
        QTemporaryDir temp;
        test::appendRecords(ui::pathFromQString(temp.path()) / "events.out.tfevents.1.host",
            {test::fileVersionEvent(), test::scalarEvent("loss", 1, 0.5f, 2.0)});
        ui::MainWindow window;
        window.show();
        auto* projector = window.findChild<ui::ProjectorDashboard*>(QStringLiteral("projector"));
        QSignalSpy loaded(&window, &ui::MainWindow::loadFinished);
        window.openLogdirs({temp.path()});
        QVERIFY(loaded.wait(20000));
        QVERIFY(!projector->hasEmbeddings());
        QVERIFY(!window.showTab(QStringLiteral("projector")));
        QVERIFY(window.showTab(QStringLiteral("scalars")));
    }

private:
    fs::path syntheticRoot() const { return ui::pathFromQString(m_synthetic.path()); }

    // The synthetic logdir opened in `window`, its "alpha" embedding shown; null on failure.
    ui::ProjectorDashboard* openAlpha(ui::MainWindow& window) const
    {
        auto* projector = openProjector(window, m_synthetic.path());
        return projector && chooseEmbedding(projector, QStringLiteral("alpha")) ? projector
                                                                                : nullptr;
    }

    QTemporaryDir m_temp;
    QTemporaryDir m_synthetic;
};

LANTERN_TEST_MAIN(TestProjectorDashboard)
#include "test_projector_dashboard.moc"
