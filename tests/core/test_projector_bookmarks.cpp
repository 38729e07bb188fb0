// TensorBoard's projector bookmarks: PCA states read with their components, dimensions and
// selection; t-SNE, UMAP and custom ones kept and marked unsupported with a reason; text
// that is not a list of states is one clear error; hostile sizes are refused.

#include "core/projector/projector_bookmarks.h"

#include <QTest>

using namespace lantern::core;

class TestProjectorBookmarks : public QObject {
    Q_OBJECT
private slots:
    void statesAsTensorBoardSavesThem()
    {
        const auto parsed = parseProjectorBookmarks(R"([
          {"label": "clusters", "isSelected": false, "selectedProjection": "pca",
           "dataSetDimensions": [100, 8], "pcaComponentDimensions": [0, 2],
           "selectedPoints": [4, 7, 1], "cameraDef": {"orthographic": true},
           "projections": [{"pca-0": 0.5}], "selectedColorOptionName": "label"},
          {"label": "in 3-D", "selectedProjection": "pca", "pcaComponentDimensions": [1, 2, 3]},
          {"label": "t-SNE run", "selectedProjection": "tsne", "tSNEIteration": 500,
           "selectedPoints": [2]},
          {"selectedProjection": "umap", "umapIs3d": false},
          {"label": "custom", "selectedProjection": "custom", "customXLeftText": "a"},
          {"label": "old", "pcaComponentDimensions": [0, 1]}
        ])");
        QVERIFY2(parsed.error.empty(), parsed.error.c_str());
        QCOMPARE(parsed.bookmarks.size(), std::size_t(6));
        const auto& first = parsed.bookmarks[0];
        QCOMPARE(first.label, std::string("clusters"));
        QCOMPARE(first.projection, std::string("pca"));
        QCOMPARE(first.pcaComponents, (std::vector<std::size_t> {0, 2}));
        QCOMPARE(first.dimensions, 2);
        QCOMPARE(first.selectedPoints, (std::vector<std::size_t> {4, 7, 1}));
        QVERIFY(first.unsupported.empty());
        QCOMPARE(parsed.bookmarks[1].dimensions, 3);
        QCOMPARE(parsed.bookmarks[1].pcaComponents, (std::vector<std::size_t> {1, 2, 3}));
        QVERIFY(parsed.bookmarks[1].unsupported.empty());
        QVERIFY(parsed.bookmarks[2].unsupported.find("t-SNE") != std::string::npos);
        QCOMPARE(parsed.bookmarks[2].selectedPoints, (std::vector<std::size_t> {2}));
        QCOMPARE(parsed.bookmarks[3].label, std::string("Bookmark 4"));
        QVERIFY(parsed.bookmarks[3].unsupported.find("UMAP") != std::string::npos);
        QVERIFY(parsed.bookmarks[4].unsupported.find("custom") != std::string::npos);
        // Without selectedProjection, saved components mean PCA.
        QCOMPARE(parsed.bookmarks[5].projection, std::string("pca"));
        QVERIFY(parsed.bookmarks[5].unsupported.empty());
    }

    void camerasAreKeptWhenComplete()
    {
        const auto parsed = parseProjectorBookmarks(R"([
          {"pcaComponentDimensions": [0, 1, 2], "cameraDef": {"orthographic": false,
           "position": [0.45, 0.9, 1.6], "target": [0.1, -0.2, 0], "zoom": 1.5}},
          {"pcaComponentDimensions": [0, 1], "cameraDef": {"orthographic": true,
           "position": [0.2, 0.3, 4], "target": [0.2, 0.3, 0], "zoom": 2}},
          {"pcaComponentDimensions": [0, 1], "cameraDef": {"orthographic": true}},
          {"pcaComponentDimensions": [0, 1], "cameraDef": {"position": [0, 0], "target": [0, 0, 0],
           "zoom": 1}},
          {"pcaComponentDimensions": [0, 1], "cameraDef": {"position": [0, 0, "1"],
           "target": [0, 0, 0], "zoom": 1}},
          {"pcaComponentDimensions": [0, 1], "cameraDef": {"position": [0, 0, 1],
           "target": [0, 0, 0], "zoom": 0}},
          {"pcaComponentDimensions": [0, 1], "cameraDef": [1, 2, 3]},
          {"pcaComponentDimensions": [0, 1]}
        ])");
        QVERIFY2(parsed.error.empty(), parsed.error.c_str());
        QCOMPARE(parsed.bookmarks.size(), std::size_t(8));
        const auto& perspective = parsed.bookmarks[0].camera;
        QVERIFY(perspective);
        QVERIFY(!perspective->orthographic);
        QCOMPARE(perspective->position, (std::array<double, 3> {0.45, 0.9, 1.6}));
        QCOMPARE(perspective->target, (std::array<double, 3> {0.1, -0.2, 0}));
        QCOMPARE(perspective->zoom, 1.5);
        const auto& flat = parsed.bookmarks[1].camera;
        QVERIFY(flat && flat->orthographic);
        QCOMPARE(flat->zoom, 2.0);
        // Missing or malformed parts: no camera, and the state is still applied.
        for (std::size_t i = 2; i < parsed.bookmarks.size(); ++i) {
            QVERIFY2(!parsed.bookmarks[i].camera, qPrintable(QString::number(i)));
            QVERIFY(parsed.bookmarks[i].unsupported.empty());
        }
    }

    void oddStatesAreMarkedNotDropped()
    {
        const auto parsed = parseProjectorBookmarks(R"([
          42,
          {"label": "", "selectedProjection": "pca", "pcaComponentDimensions": [0, 11]},
          {"selectedProjection": "pca", "pcaComponentDimensions": [0]},
          {"selectedProjection": "pca", "pcaComponentDimensions": [0, 1.5]},
          {"selectedProjection": "pca"},
          {"selectedProjection": "warp"},
          {"selectedPoints": [1, -2, 2.5, "3", 4]}
        ])");
        QVERIFY2(parsed.error.empty(), parsed.error.c_str());
        QCOMPARE(parsed.bookmarks.size(), std::size_t(7));
        for (const auto& bookmark : parsed.bookmarks)
            QVERIFY2(!bookmark.unsupported.empty(), bookmark.label.c_str());
        QCOMPARE(parsed.bookmarks[0].label, std::string("Bookmark 1"));
        QCOMPARE(parsed.bookmarks[1].label, std::string("Bookmark 2"));
        QVERIFY(parsed.bookmarks[5].unsupported.find("warp") != std::string::npos);
        // Only whole non-negative numbers are points.
        QCOMPARE(parsed.bookmarks[6].selectedPoints, (std::vector<std::size_t> {1, 4}));
    }

    void notABookmarksListIsOneError()
    {
        for (const char* text : {"", "not json", "{\"label\": \"x\"}", "[1, 2", "\"[]\""}) {
            const auto parsed = parseProjectorBookmarks(text);
            QVERIFY2(!parsed.error.empty(), text);
            QVERIFY(parsed.bookmarks.empty());
        }
        QVERIFY(parseProjectorBookmarks("not json").error.find("not JSON") != std::string::npos);
        const auto empty = parseProjectorBookmarks("[]");
        QVERIFY(empty.error.empty());
        QVERIFY(empty.bookmarks.empty());
    }

    void hostileSizesAreRefused()
    {
        std::string many = "[";
        for (std::size_t i = 0; i < kMaxParsedBookmarksValues; ++i)
            many += "0,";
        many += "0]";
        QVERIFY(many.size() < kMaxParsedBookmarksBytes);
        QVERIFY(parseProjectorBookmarks(many).error.find("values") != std::string::npos);
        const std::string huge = "[\"" + std::string(kMaxParsedBookmarksBytes, 'x') + "\"]";
        QVERIFY(parseProjectorBookmarks(huge).error.find("bytes") != std::string::npos);
        // Deep nesting is the JSON reader's error, not a crash.
        QVERIFY(!parseProjectorBookmarks(std::string(100000, '[')).error.empty());
    }
};

QTEST_GUILESS_MAIN(TestProjectorBookmarks)
#include "test_projector_bookmarks.moc"
