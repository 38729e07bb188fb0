// The Projector tab's t-SNE and UMAP on a folder the test writes: four clusters in 12-D, a copy
// of them under another name, and an embedding of five points. Driven through the method
// chooser and the panel's buttons, the view animates (its points move between frames), ends
// with the clusters apart, stops its worker when PCA is chosen or it is paused, keeps each
// embedding's and method's layout where it was, and shows the notes of a too-small embedding.

#include "tests/support/test_support.h"
#include "ui/dashboards/projector/embedding_scatter_plot.h"
#include "ui/dashboards/projector/projector_dashboard.h"
#include "ui/dashboards/projector/projector_layout_controls.h"
#include "ui/dashboards/projector/projector_panel.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
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
        writeLogdir(m_temp.path().toStdString());
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
        bool sameAsShown = true;
        const auto connection
            = connect(m_projector, &ui::ProjectorDashboard::layoutShown, this, [&] {
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
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        for (const char* folder : {"c01_torch_tutorial_images_graph_embedding",
                 "f03_tf2_keras_embeddings_freq_projector"}) {
            QSignalSpy shown(m_projector, &ui::ProjectorDashboard::projectionShown);
            const QString before = m_projector->embeddingChooser()->itemText(0);
            m_window.openLogdirs({QString::fromStdString((*corpus / folder).string())});
            QVERIFY(QTest::qWaitFor(
                [&] {
                    return m_projector->embeddingChooser()->itemText(0) != before
                        && !m_window.isComputing();
                },
                60000));
            QVERIFY(m_window.showTab(QStringLiteral("projector")));
            QVERIFY(!shown.isEmpty() || shown.wait(60000));
            QVERIFY(QTest::qWaitFor([&] { return !m_projector->isComputing(); }, 60000));
            shootLayouts(directory + QLatin1Char('/') + QString::fromLatin1(folder).left(3));
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

QTEST_MAIN(TestProjectorLayouts)
#include "test_projector_layouts.moc"
