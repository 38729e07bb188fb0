// The Projector tab's t-SNE and UMAP on a folder the test writes: four clusters in 12-D, a copy
// of them under another name, and an embedding of five points. Driven through the method
// chooser and the panel's buttons, the view animates (its points move between frames), ends
// with the clusters apart, stops its worker when PCA is chosen or it is paused, keeps each
// embedding's and method's layout where it was, and shows the notes of a too-small embedding.
// While t-SNE prepares, the progress line names each stage with its percentage. The custom
// projection lays the points out along the means of two searches per axis and says what
// they matched; bookmarks of t-SNE and UMAP layouts bring their points back without computing,
// and survive being written and read as TensorBoard's JSON; the layouts kept are bounded.

#include "core/projector/projector_bookmarks.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/projector/embedding_scatter_plot.h"
#include "ui/dashboards/projector/projector_custom_controls.h"
#include "ui/dashboards/projector/projector_dashboard.h"
#include "ui/dashboards/projector/projector_layout_controls.h"
#include "ui/dashboards/projector/projector_panel.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <array>
#include <fstream>
#include <random>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kClusters = 4, kPerCluster = 250, kColumns = 12;

std::size_t clusterOf(std::size_t row)
{
    return row % kClusters; // interleaved, so that row order says nothing
}

// Points scattered (σ 1) about four centres 12 apart, one metadata row each naming its cluster.
void writeClusters(const fs::path& root, const std::string& name, unsigned seed)
{
    std::mt19937 random(seed);
    std::normal_distribution<float> noise(0, 1);
    std::ofstream tensor(root / (name + ".tsv"));
    std::ofstream metadata(root / (name + "_meta.tsv"));
    metadata << "name\tcluster\n";
    for (std::size_t row = 0; row < kClusters * kPerCluster; ++row) {
        for (std::size_t c = 0; c < kColumns; ++c)
            tensor << (c == clusterOf(row) ? 12.f : 0.f) + noise(random)
                   << (c + 1 < kColumns ? '\t' : '\n');
        metadata << 'p' << row << "\tc" << clusterOf(row) << '\n';
    }
}

void writeLogdir(const fs::path& root)
{
    writeClusters(root, "clusters", 3);
    writeClusters(root, "copy", 5);
    std::ofstream(root / "tiny.tsv") << "1\t2\n3\t1\n2\t5\n4\t4\n0\t1\n";
    std::ofstream(root / "projector_config.pbtxt") << R"(
embeddings { tensor_name: "clusters" tensor_path: "clusters.tsv" metadata_path: "clusters_meta.tsv" }
embeddings { tensor_name: "copy" tensor_path: "copy.tsv" metadata_path: "copy_meta.tsv" }
embeddings { tensor_name: "tiny" tensor_path: "tiny.tsv" }
)";
}

// The fraction of each point's 5 nearest points in the view (2-D or 3-D) that share its cluster.
double neighbourAgreement(const std::vector<QVector3D>& points)
{
    constexpr std::size_t k = 5;
    double agree = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        std::vector<std::pair<float, std::size_t>> distances;
        for (std::size_t j = 0; j < points.size(); ++j)
            if (j != i)
                distances.emplace_back((points[i] - points[j]).lengthSquared(), j);
        std::partial_sort(distances.begin(), distances.begin() + k, distances.end());
        for (std::size_t n = 0; n < k; ++n)
            agree += clusterOf(distances[n].second) == clusterOf(i) ? 1 : 0;
    }
    return agree / double(points.size() * k);
}

} // namespace

class TestProjectorLayouts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_temp.isValid());
        writeLogdir(ui::pathFromQString(m_temp.path()));
        m_window.resize(1400, 900);
        m_window.show();
        m_projector = m_window.findChild<ui::ProjectorDashboard*>(QStringLiteral("projector"));
        QVERIFY(m_projector);
        QSignalSpy shown(m_projector, &ui::ProjectorDashboard::projectionShown);
        m_window.openLogdirs({m_temp.path()});
        QVERIFY(QTest::qWaitFor([&] { return m_projector->hasEmbeddings(); }, 20000));
        QVERIFY(m_window.showTab(QStringLiteral("projector")));
        QVERIFY(!shown.isEmpty() || shown.wait(20000));
        QVERIFY(chooseEmbedding(QStringLiteral("clusters")));
        m_controls = m_projector->panel()->layoutControls;
        QVERIFY(m_controls);
    }

    // Down in the method chooser picks t-SNE: the points move between frames, the progress line
    // counts iterations with the KL divergence, and at the stop-at count the clusters are apart.
    void tsneAnimatesAndSeparatesClusters()
    {
        m_controls->stopAfter->setValue(600);
        // Every frame that reaches the view, as the view has it.
        std::vector<std::vector<QVector3D>> frames;
        std::vector<std::size_t> iterations;
        QStringList preparing; // the progress line while it prepares
        bool sameAsShown = true;
        const auto connection
            = connect(m_projector, &ui::ProjectorDashboard::layoutShown, this, [&] {
                  if (m_projector->shownLayout().points.empty()) {
                      preparing << m_controls->progress->text();
                      return;
                  }
                  frames.push_back(m_projector->plot()->points());
                  iterations.push_back(m_projector->shownLayout().iteration);
                  sameAsShown = sameAsShown && m_projector->shownLayout().points == frames.back();
              });
        chooseMethod(ui::ProjectionMethod::Tsne);
        QVERIFY(m_projector->isLayoutRunning());
        QVERIFY(m_controls->progress->text().contains(QStringLiteral("Preparing t-SNE")));
        QVERIFY(
            QTest::qWaitFor([&] { return m_projector->shownLayout().iteration >= 600; }, 60000));
        QTRY_VERIFY_WITH_TIMEOUT(!m_projector->isLayoutRunning(), 20000);
        disconnect(connection);
        QCOMPARE(m_projector->shownLayout().iteration, std::size_t(600));
        QVERIFY(sameAsShown);
        // Each stage from 0% to 100%, neighbours before affinities.
        const QString joined = preparing.join(QLatin1Char('|'));
        const auto at = [&](const char* text) { return joined.indexOf(QLatin1String(text)); };
        QVERIFY2(at("Preparing t-SNE: Finding neighbours 0%") >= 0, qPrintable(joined));
        QVERIFY2(at("Finding neighbours 0%") < at("Finding neighbours 100%"), qPrintable(joined));
        QVERIFY2(at("Finding neighbours 100%") < at("Computing affinities 0%"), qPrintable(joined));
        QVERIFY2(
            at("Computing affinities 0%") < at("Computing affinities 100%"), qPrintable(joined));
        // Animated: frames of the layout on its way, each with the points moved (the job's
        // result may repeat its last frame).
        QVERIFY2(frames.size() >= 4, qPrintable(QString::number(frames.size())));
        QVERIFY(iterations.front() < 300);
        for (std::size_t i = 1; i < frames.size(); ++i) {
            QCOMPARE(frames[i].size(), kClusters * kPerCluster);
            QVERIFY(iterations[i] > iterations[i - 1] || i + 1 == frames.size());
            QVERIFY(frames[i] != frames[i - 1] || iterations[i] == iterations[i - 1]);
        }
        QVERIFY(m_controls->progress->text().contains(QStringLiteral("KL divergence")));
        QVERIFY(m_controls->progress->text().contains(QStringLiteral("Iteration 600")));
        QVERIFY(m_controls->progress->text().contains(QStringLiteral("finished")));
        QVERIFY(!m_controls->pause->isEnabled());
        const double agreement = neighbourAgreement(m_projector->plot()->points());
        QVERIFY2(agreement > 0.95, qPrintable(QString::number(agreement)));
        // Raising the stop-at count goes on from there.
        m_controls->stopAfter->setValue(650);
        QVERIFY(
            QTest::qWaitFor([&] { return m_projector->shownLayout().iteration >= 650; }, 20000));
        QTRY_VERIFY_WITH_TIMEOUT(!m_projector->isLayoutRunning(), 20000);
        QCOMPARE(m_projector->shownLayout().iteration, std::size_t(650));
    }

    // Choosing PCA ends the job at once (the worker stops); t-SNE again shows the layout where
    // it stopped and goes on from there; PCA's own points are back meanwhile.
    void switchingMethodStopsAndKeepsTheLayout()
    {
        m_controls->stopAfter->setValue(0); // until paused
        m_controls->seed->setValue(2); // a fresh run
        QVERIFY(QTest::qWaitFor([&] { return m_projector->shownLayout().iteration > 20; }, 20000));
        QVERIFY(m_projector->isLayoutRunning());
        chooseMethod(ui::ProjectionMethod::Pca);
        QVERIFY(!m_projector->isComputing());
        QTRY_VERIFY_WITH_TIMEOUT(!m_projector->isLayoutRunning(), 5000);
        QCOMPARE(m_projector->shownLayout().iteration, std::size_t(0)); // none for PCA
        QVERIFY(m_controls->progress->isHidden() || m_controls->progress->text().isEmpty());

        chooseMethod(ui::ProjectionMethod::Tsne);
        const ui::LayoutFrame kept = m_projector->shownLayout();
        QVERIFY(kept.iteration > 20);
        QVERIFY(m_projector->plot()->points() == kept.points); // shown at once, as it was
        QVERIFY(QTest::qWaitFor(
            [&] { return m_projector->shownLayout().iteration > kept.iteration; }, 20000));
    }

    // Pause stops the worker and the count; Resume goes on.
    void pauseAndResume()
    {
        QVERIFY(m_projector->isLayoutRunning());
        QTest::mouseClick(m_controls->pause, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_projector->isLayoutRunning(), 5000);
        QTest::qWait(50); // the last frame is taken
        const std::size_t paused = m_projector->shownLayout().iteration;
        QVERIFY(m_controls->progress->text().contains(QStringLiteral("paused")));
        QCOMPARE(m_controls->pause->text(), QStringLiteral("Resume"));
        QTest::qWait(300);
        QCOMPARE(m_projector->shownLayout().iteration, paused);
        QTest::mouseClick(m_controls->pause, Qt::LeftButton);
        QVERIFY(m_projector->isLayoutRunning() || m_projector->shownLayout().iteration > paused);
        QVERIFY(
            QTest::qWaitFor([&] { return m_projector->shownLayout().iteration > paused; }, 20000));
        QCOMPARE(m_controls->pause->text(), QStringLiteral("Pause"));
    }

    // Another embedding has its own layout; the first one's is where it was when shown again.
    void eachEmbeddingKeepsItsLayout()
    {
        QVERIFY(chooseEmbedding(QStringLiteral("copy")));
        QCOMPARE(m_controls->method(), ui::ProjectionMethod::Pca); // its own view
        chooseMethod(ui::ProjectionMethod::Tsne);
        QVERIFY(QTest::qWaitFor([&] { return m_projector->shownLayout().iteration > 0; }, 20000));
        QTest::mouseClick(m_controls->pause, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_projector->isLayoutRunning(), 5000);

        QVERIFY(chooseEmbedding(QStringLiteral("clusters")));
        QCOMPARE(m_controls->method(), ui::ProjectionMethod::Tsne);
        QVERIFY(m_projector->shownLayout().iteration > 20); // not started again
        QVERIFY(m_projector->plot()->points() == m_projector->shownLayout().points);
        QVERIFY(m_projector->isLayoutRunning()); // it was running when left

        QVERIFY(chooseEmbedding(QStringLiteral("copy")));
        QVERIFY(m_controls->progress->text().contains(QStringLiteral("paused"))); // as left
        QVERIFY(!m_projector->isComputing());
        QTRY_VERIFY_WITH_TIMEOUT(!m_projector->isLayoutRunning(), 5000);
        QVERIFY(chooseEmbedding(QStringLiteral("clusters")));
    }

    // UMAP runs its epochs and keeps the clusters apart, in 2-D and in 3-D (a run of its own).
    void umapIn2DAnd3D()
    {
        m_controls->epochs->setValue(150);
        chooseMethod(ui::ProjectionMethod::Umap);
        QVERIFY(QTest::qWaitFor([&] { return m_projector->shownLayout().finished; }, 60000));
        QCOMPARE(m_projector->shownLayout().iteration, std::size_t(150));
        QVERIFY(m_controls->progress->text().contains(QStringLiteral("Epoch 150 of 150")));
        QVERIFY(neighbourAgreement(m_projector->plot()->points()) > 0.95);

        QCheckBox* threeD = m_projector->panel()->threeD;
        QTest::mouseClick(
            threeD, Qt::LeftButton, {}, QPoint(threeD->height() / 2, threeD->height() / 2));
        QVERIFY(threeD->isChecked());
        QVERIFY(QTest::qWaitFor([&] { return m_projector->shownLayout().finished; }, 60000));
        QCOMPARE(m_projector->plot()->dimensions(), 3);
        const auto& points = m_projector->plot()->points();
        QVERIFY(std::any_of(
            points.begin(), points.end(), [](const QVector3D& p) { return p.z() != 0; }));
        QVERIFY(neighbourAgreement(points) > 0.95);
        QTest::mouseClick(
            threeD, Qt::LeftButton, {}, QPoint(threeD->height() / 2, threeD->height() / 2));
        QVERIFY(m_projector->shownLayout().finished); // the 2-D one, kept
        QCOMPARE(m_projector->plot()->dimensions(), 2);
    }

    // Custom: x from the mean of cluster c0 to that of c1, y from c2 up to c3; each cluster
    // lands on its side, the counts are shown, and a bad or empty search says so.
    void customProjectionFromSearches()
    {
        ui::ProjectorCustomControls* custom = m_controls->custom;
        chooseMethod(ui::ProjectionMethod::Custom);
        QVERIFY(custom->isVisible());
        QVERIFY(m_controls->running->isHidden());
        custom->column->setCurrentIndex(custom->column->findText(QStringLiteral("cluster")));
        QSignalSpy shown(m_projector, &ui::ProjectorDashboard::customShown);
        const char* queries[4] = {"c0", "c1", "c2", "c3"};
        for (std::size_t i = 0; i < 4; ++i) {
            custom->query[i]->setFocus();
            QTest::keyClicks(custom->query[i], QString::fromLatin1(queries[i]));
        }
        QVERIFY(QTest::qWaitFor([&] { return !m_projector->isComputing(); }, 20000));
        QVERIFY(!shown.isEmpty());
        QCOMPARE(custom->found[0]->text(), QStringLiteral("x: 250 left, 250 right"));
        QCOMPARE(custom->found[1]->text(), QStringLiteral("y: 250 down, 250 up"));
        QCOMPARE(m_projector->plot()->dimensions(), 2);
        QVERIFY(!m_projector->panel()->threeD->isEnabled()); // two axes, as TensorBoard's
        const auto& points = m_projector->plot()->points();
        const auto rows = m_projector->shownRows();
        QCOMPARE(points.size(), rows.size());
        for (std::size_t i = 0; i < points.size(); ++i) {
            const std::size_t cluster = clusterOf(rows[i]);
            if (cluster == 0)
                QVERIFY(points[i].x() < -5);
            if (cluster == 1)
                QVERIFY(points[i].x() > 5);
            if (cluster == 2)
                QVERIFY(points[i].y() < -5);
            if (cluster == 3)
                QVERIFY(points[i].y() > 5);
        }

        custom->regex[0]->click(); // "c0" is a fine expression too
        QVERIFY(QTest::qWaitFor([&] { return !m_projector->isComputing(); }, 20000));
        QCOMPARE(custom->found[0]->text(), QStringLiteral("x: 250 left, 250 right"));
        custom->query[0]->setText(QStringLiteral("c(0"));
        QVERIFY(QTest::qWaitFor([&] { return !m_projector->isComputing(); }, 20000));
        QVERIFY2(custom->found[0]->text().startsWith(QStringLiteral("x left: ")),
            qPrintable(custom->found[0]->text()));
        custom->query[3]->setText(QStringLiteral("c9"));
        QVERIFY(QTest::qWaitFor([&] { return !m_projector->isComputing(); }, 20000));
        QCOMPARE(custom->found[1]->text(), QStringLiteral("y up: no point matches \"c9\""));
        custom->query[0]->setText(QStringLiteral("c0"));
        custom->query[3]->setText(QStringLiteral("c3"));
        QVERIFY(QTest::qWaitFor([&] { return !m_projector->isComputing(); }, 20000));
    }

    // A bookmark of a t-SNE layout shows its points again at once, paused, with no worker;
    // one of UMAP too (finished); written and read back as TensorBoard's JSON they are the same.
    void bookmarksKeepLayouts()
    {
        chooseMethod(ui::ProjectionMethod::Tsne);
        QTest::mouseClick(m_projector->panel()->addBookmark, Qt::LeftButton);
        // Custom was shown before: its searches are bookmarked too.
        chooseMethod(ui::ProjectionMethod::Custom);
        QVERIFY(QTest::qWaitFor([&] { return !m_projector->isComputing(); }, 20000));
        QVERIFY(m_projector->addBookmark());
        const std::vector<QVector3D> customPoints = m_projector->plot()->points();

        chooseMethod(ui::ProjectionMethod::Tsne);
        QVERIFY(
            QTest::qWaitFor([&] { return m_projector->shownLayout().iteration >= 300; }, 60000));
        QTest::mouseClick(m_controls->pause, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_projector->isLayoutRunning(), 5000);
        QTest::qWait(50);
        const ui::LayoutFrame tsne = m_projector->shownLayout();
        QVERIFY(!tsne.points.empty());
        QVERIFY(m_projector->addBookmark());
        chooseMethod(ui::ProjectionMethod::Umap);
        QVERIFY(QTest::qWaitFor([&] { return m_projector->shownLayout().finished; }, 60000));
        const ui::LayoutFrame umap = m_projector->shownLayout();
        QVERIFY(m_projector->addBookmark());
        QListWidget* list = m_projector->panel()->bookmarks;
        QVERIFY(list->count() >= 3);
        const int tsneRow = list->count() - 2, umapRow = list->count() - 1;
        QVERIFY(list->item(tsneRow)->text().contains(
            QStringLiteral("t-SNE 2-D, iteration %1").arg(tsne.iteration)));

        const auto apply = [&](int row) {
            list->setCurrentRow(row);
            QTest::mouseClick(m_projector->panel()->applyBookmark, Qt::LeftButton);
        };
        chooseMethod(ui::ProjectionMethod::Pca);
        // Another seed would lay out afresh: the bookmark must bring the saved points back.
        m_controls->seed->setValue(m_controls->seed->value() + 1);
        apply(tsneRow);
        QCOMPARE(m_controls->method(), ui::ProjectionMethod::Tsne);
        QVERIFY(!m_projector->isLayoutRunning());
        QCOMPARE(m_projector->plot()->points(), tsne.points);
        QCOMPARE(m_projector->shownLayout().iteration, tsne.iteration);
        QVERIFY(m_controls->progress->text().contains(QStringLiteral("paused")));
        QTest::qWait(200);
        QVERIFY(!m_projector->isLayoutRunning());
        // Resuming goes on from the saved points.
        QTest::mouseClick(m_controls->pause, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor(
            [&] { return m_projector->shownLayout().iteration > tsne.iteration; }, 30000));
        const double agreement = neighbourAgreement(m_projector->plot()->points());
        QVERIFY2(agreement > 0.95, qPrintable(QString::number(agreement)));
        QTest::mouseClick(m_controls->pause, Qt::LeftButton);

        apply(umapRow);
        QCOMPARE(m_controls->method(), ui::ProjectionMethod::Umap);
        QVERIFY(!m_projector->isComputing()); // nothing asked of a worker
        QTRY_VERIFY_WITH_TIMEOUT(!m_projector->isLayoutRunning(), 5000); // the paused one ends
        QCOMPARE(m_projector->plot()->points(), umap.points);
        QVERIFY(m_controls->progress->text().contains(QStringLiteral("finished")));

        // Written as TensorBoard's JSON and read back: the same states.
        const QString path = m_temp.filePath(QStringLiteral("saved_bookmarks.json"));
        QCOMPARE(m_projector->saveBookmarks(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        const auto read = core::parseProjectorBookmarks(json.toStdString());
        QVERIFY2(read.error.empty(), read.error.c_str());
        QCOMPARE(read.bookmarks.size(), std::size_t(list->count()));
        const auto& savedTsne = read.bookmarks[std::size_t(tsneRow)];
        QCOMPARE(savedTsne.projection, std::string("tsne"));
        QCOMPARE(savedTsne.layout.iteration, tsne.iteration);
        QCOMPARE(savedTsne.layout.coordinates.size(), tsne.points.size() * 2);
        for (std::size_t i = 0; i < tsne.points.size(); ++i) {
            QCOMPARE(savedTsne.layout.coordinates[2 * i], tsne.points[i].x());
            QCOMPARE(savedTsne.layout.coordinates[2 * i + 1], tsne.points[i].y());
        }
        const auto& savedCustom = read.bookmarks[std::size_t(tsneRow - 1)];
        QCOMPARE(savedCustom.projection, std::string("custom"));
        QCOMPARE(savedCustom.custom.text[1], std::string("c1"));
        apply(tsneRow - 1);
        QCOMPARE(m_controls->method(), ui::ProjectionMethod::Custom);
        QVERIFY(QTest::qWaitFor([&] { return !m_projector->isComputing(); }, 20000));
        QCOMPARE(m_projector->plot()->points(), customPoints);
        chooseMethod(ui::ProjectionMethod::Pca);
    }

    // Layouts of every embedding, method and dimensions: only the last few shown are kept.
    void keptLayoutsAreBounded()
    {
        QCheckBox* threeD = m_projector->panel()->threeD;
        for (const char* name : {"copy", "clusters", "copy"})
            for (const auto method : {ui::ProjectionMethod::Tsne, ui::ProjectionMethod::Umap})
                for (const bool three : {false, true}) {
                    QVERIFY(chooseEmbedding(QString::fromLatin1(name)));
                    chooseMethod(method);
                    if (threeD->isChecked() != three)
                        threeD->click();
                    QVERIFY(m_projector->keptLayoutCount() >= 1);
                    QVERIFY(m_projector->keptLayoutCount() <= ui::ProjectorDashboard::kKeptLayouts);
                }
        QCOMPARE(m_projector->keptLayoutCount(), ui::ProjectorDashboard::kKeptLayouts);
        if (threeD->isChecked())
            threeD->click();
        chooseMethod(ui::ProjectionMethod::Pca);
        QVERIFY(chooseEmbedding(QStringLiteral("clusters")));
    }

    // Five points cannot have perplexity 30: t-SNE says what it used instead, in the message box.
    void tooSmallEmbeddingSaysSo()
    {
        QVERIFY(chooseEmbedding(QStringLiteral("tiny")));
        m_controls->stopAfter->setValue(100);
        chooseMethod(ui::ProjectionMethod::Tsne);
        QVERIFY(QTest::qWaitFor([&] { return m_projector->shownLayout().iteration > 0; }, 20000));
        const QString messages = m_projector->panel()->messages();
        QVERIFY2(messages.contains(QStringLiteral("perplexity 30 needs 90 neighbours per point but "
                                                  "there are 5 points")),
            qPrintable(messages));
        QCOMPARE(m_projector->plot()->pointCount(), 5);
    }

    // With LANTERN_PROJECTOR_SHOTS=DIR: PNGs of t-SNE and UMAP in 2-D and 3-D of the clusters and
    // of the corpus's c01 (Fashion-MNIST with sprites) and f03 (Keras word embedding), for
    // looking at; nothing is checked but that the layouts ran.
    void screenshots()
    {
        const QString directory = qEnvironmentVariable("LANTERN_PROJECTOR_SHOTS");
        if (directory.isEmpty())
            QSKIP("set LANTERN_PROJECTOR_SHOTS to a folder to take screenshots");
        QVERIFY(chooseEmbedding(QStringLiteral("clusters")));
        QComboBox* colorBy = m_projector->colorChooser();
        colorBy->setCurrentIndex(colorBy->findText(QStringLiteral("cluster")));
        shootLayouts(directory + QStringLiteral("/clusters"));
        shootCustom(directory + QStringLiteral("/clusters_custom.png"), QStringLiteral("cluster"),
            {"c0", "c1", "c2", "c3"}, false);
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        // LANTERN_PROJECTOR_SHOTS_CORPUS may name fewer folders (f03's 88,588 words take long).
        QStringList folders = qEnvironmentVariable("LANTERN_PROJECTOR_SHOTS_CORPUS")
                                  .split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (folders.isEmpty())
            folders = {QStringLiteral("c01_torch_tutorial_images_graph_embedding"),
                QStringLiteral("f03_tf2_keras_embeddings_freq_projector")};
        for (const QString& name : folders) {
            const QByteArray folder = name.toUtf8();
            QSignalSpy shown(m_projector, &ui::ProjectorDashboard::projectionShown);
            const QString before = m_projector->embeddingChooser()->itemText(0);
            m_window.openLogdirs({ui::qStringFromPath(*corpus / folder.constData())});
            QVERIFY(QTest::qWaitFor(
                [&] {
                    return m_projector->embeddingChooser()->itemText(0) != before
                        && !m_window.isComputing();
                },
                60000));
            QVERIFY(m_window.showTab(QStringLiteral("projector")));
            QVERIFY(!shown.isEmpty() || shown.wait(60000));
            QVERIFY(QTest::qWaitFor([&] { return !m_projector->isComputing(); }, 60000));
            shootLayouts(directory + QLatin1Char('/') + name.left(3));
            if (name.startsWith(QStringLiteral("c01")))
                shootCustom(directory + QStringLiteral("/c01_custom.png"), QStringLiteral("label"),
                    {"Sandal|Sneaker|Boot", "Shirt|Pullover|Coat", "Bag", "Trouser"}, true);
        }
    }

private:
    // t-SNE (1,000 iterations) and UMAP of the embedding shown, in 2-D and 3-D, saved as
    // PREFIX_tsne_2d.png and so on.
    void shootLayouts(const QString& prefix)
    {
        m_controls->stopAfter->setValue(1000);
        m_controls->epochs->setValue(0);
        QCheckBox* threeD = m_projector->panel()->threeD;
        for (const auto method : {ui::ProjectionMethod::Tsne, ui::ProjectionMethod::Umap})
            for (const bool three : {false, true}) {
                chooseMethod(method);
                if (threeD->isChecked() != three)
                    threeD->click();
                QVERIFY(QTest::qWaitFor(
                    [&] {
                        const auto& frame = m_projector->shownLayout();
                        return frame.finished || !frame.error.isEmpty();
                    },
                    300000));
                QTRY_VERIFY_WITH_TIMEOUT(!m_projector->isLayoutRunning(), 20000);
                QVERIFY(m_window.showTab(QStringLiteral("projector")));
                QTest::qWait(100); // painted
                const QString file
                    = QStringLiteral("%1_%2_%3d.png")
                          .arg(prefix,
                              method == ui::ProjectionMethod::Tsne ? QStringLiteral("tsne")
                                                                   : QStringLiteral("umap"))
                          .arg(three ? 3 : 2);
                QVERIFY(m_window.grab().save(file));
            }
        if (threeD->isChecked())
            threeD->click();
        chooseMethod(ui::ProjectionMethod::Pca);
    }

    // The custom projection of the embedding shown by `queries` (x left, right, y down, up)
    // over `column`, saved as `file`.
    void shootCustom(
        const QString& file, const QString& column, std::array<const char*, 4> queries, bool regex)
    {
        chooseMethod(ui::ProjectionMethod::Custom);
        ui::ProjectorCustomControls* custom = m_controls->custom;
        custom->column->setCurrentIndex(custom->column->findText(column));
        for (std::size_t i = 0; i < 4; ++i) {
            custom->regex[i]->setChecked(regex);
            custom->query[i]->setText(QString::fromLatin1(queries[i]));
        }
        QVERIFY(QTest::qWaitFor([&] { return !m_projector->isComputing(); }, 60000));
        QTest::qWait(100); // painted
        QVERIFY(m_window.grab().save(file));
        chooseMethod(ui::ProjectionMethod::Pca);
    }

    bool chooseEmbedding(const QString& name)
    {
        QComboBox* chooser = m_projector->embeddingChooser();
        for (int i = 0; i < chooser->count(); ++i)
            if (chooser->itemText(i).endsWith(name)) {
                if (i == chooser->currentIndex())
                    return true;
                QSignalSpy shown(m_projector, &ui::ProjectorDashboard::projectionShown);
                chooser->setCurrentIndex(i);
                return shown.wait(20000);
            }
        return false;
    }

    // Steps the method chooser with the keyboard to `method`.
    void chooseMethod(ui::ProjectionMethod method)
    {
        QComboBox* chooser = m_controls->methodChooser;
        chooser->setFocus();
        const int wanted = chooser->findData(int(method));
        while (chooser->currentIndex() != wanted)
            QTest::keyClick(chooser, chooser->currentIndex() < wanted ? Qt::Key_Down : Qt::Key_Up);
        QCOMPARE(m_controls->method(), method);
    }

    QTemporaryDir m_temp;
    ui::MainWindow m_window;
    ui::ProjectorDashboard* m_projector = nullptr;
    ui::ProjectorLayoutControls* m_controls = nullptr;
};

LANTERN_TEST_MAIN(TestProjectorLayouts)
#include "test_projector_layouts.moc"
