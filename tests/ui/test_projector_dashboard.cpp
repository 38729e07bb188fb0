// The Projector tab on our demo logdir: it appears because the demo has an embedding, PCA
// finishes off the GUI thread, and the plot, colouring, search, hover and neighbours show
// what the embedding's files hold.

#include "core/analysis/nearest_neighbours.h"
#include "core/demo/demo_logdir.h"
#include "core/projector/projector_discovery.h"
#include "tests/support/test_support.h"
#include "ui/dashboards/projector/embedding_scatter_plot.h"
#include "ui/dashboards/projector/projector_dashboard.h"
#include "ui/main_window.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

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

} // namespace

class TestProjectorDashboard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_temp.isValid());
        core::DemoOptions options;
        options.directory = m_temp.path().toStdString();
        options.steps = 5;
        QCOMPARE(core::writeDemoLogdir(options), std::string());
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
        const fs::path root = m_temp.path().toStdString();
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
        colorBy->setCurrentIndex(colorBy->findText(QStringLiteral("bucket")));
        const std::set<QRgb> buckets = distinctColors(plot);
        QVERIFY(buckets.size() >= 2 && buckets.size() <= 3);
        colorBy->setCurrentIndex(colorBy->findText(QStringLiteral("target")));
        const std::set<QRgb> targets = distinctColors(plot);
        QVERIFY2(targets.size() > 20, qPrintable(QString::number(targets.size())));

        // Search the bucket column for "low": as many as the metadata file's low rows.
        int lowRows = 0;
        for (std::size_t row = 0; row < embedding.metadata.rows.size(); ++row)
            lowRows += embedding.metadata.cell(row, 2) == "low";
        QVERIFY(lowRows > 0);
        QComboBox* searchColumn = projector->searchColumnChooser();
        searchColumn->setCurrentIndex(searchColumn->findText(QStringLiteral("bucket")));
        QTest::keyClicks(projector->searchField(), QStringLiteral("^lo"));
        QCOMPARE(
            projector->searchCountLabel()->text(), QStringLiteral("%1 points match").arg(lowRows));
        projector->searchField()->clear();
        QVERIFY(projector->searchCountLabel()->text().isEmpty());

        // A point drawn where no other is: hover shows its metadata, a click lists the same
        // ten neighbours the core finds by cosine distance in the original space.
        int point = 0;
        while (point < plot->pointCount() && plot->pointAt(plot->positionOf(point)) != point)
            ++point;
        QVERIFY(point < plot->pointCount());
        QTest::mouseMove(plot, plot->positionOf(point));
        QTRY_VERIFY(projector->hoverText().contains(QStringLiteral("Point %1").arg(point)));
        QVERIFY(projector->hoverText().contains(QStringLiteral("bucket: ")
            + QString::fromStdString(std::string(embedding.metadata.cell(std::size_t(point), 2)))));
        QTest::mouseClick(plot, Qt::LeftButton, {}, plot->positionOf(point));
        const auto expected = core::nearestNeighbours(embedding.values, embedding.rows,
            embedding.columns, std::size_t(point), 10, core::DistanceMetric::Cosine);
        QListWidget* neighbours = projector->neighbourList();
        QCOMPARE(neighbours->count(), 10);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(neighbours->item(i)->data(Qt::UserRole).toInt(),
                int(expected[std::size_t(i)].index));
    }

    void tabHiddenWithoutEmbeddings()
    {
        QTemporaryDir temp;
        test::appendRecords(fs::path(temp.path().toStdString()) / "events.out.tfevents.1.host",
            {test::fileVersionEvent(), test::scalarEvent("loss", 1, 0.5f, 2.0)});
        ui::MainWindow window;
        window.show();
        auto* projector = window.findChild<ui::ProjectorDashboard*>(QStringLiteral("projector"));
        QSignalSpy found(projector, &ui::ProjectorDashboard::embeddingsFound);
        window.openLogdirs({temp.path()});
        QVERIFY(found.wait(20000));
        QCOMPARE(found.first().first().toBool(), false);
        QVERIFY(!window.showTab(QStringLiteral("projector")));
        QVERIFY(window.showTab(QStringLiteral("scalars")));
    }

private:
    QTemporaryDir m_temp;
};

QTEST_MAIN(TestProjectorDashboard)
#include "test_projector_dashboard.moc"
