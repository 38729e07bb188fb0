// TensorBoard's projector bookmarks: PCA states read with their components, dimensions and
// selection; t-SNE and UMAP ones with their parameters and every point's coordinates (marked
// unsupported with a reason when the coordinates are missing), custom ones with their
// searches; what Lantern writes reads back the same; text that is not a list of states is one
// clear error; hostile sizes are refused.

#include "core/projector/projector_bookmarks.h"
#include "tests/support/test_main.h"

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
        // Without coordinates a t-SNE or UMAP state cannot be shown.
        QVERIFY(parsed.bookmarks[2].unsupported.find("t-SNE coordinates") != std::string::npos);
        QCOMPARE(parsed.bookmarks[2].selectedPoints, (std::vector<std::size_t> {2}));
        QCOMPARE(parsed.bookmarks[2].layout.iteration, std::size_t(500));
        QCOMPARE(parsed.bookmarks[3].label, std::string("Bookmark 4"));
        QVERIFY(parsed.bookmarks[3].unsupported.find("UMAP coordinates") != std::string::npos);
        QCOMPARE(parsed.bookmarks[3].dimensions, 2);
        QVERIFY(parsed.bookmarks[4].unsupported.empty());
        QCOMPARE(parsed.bookmarks[4].custom.text[0], std::string("a"));
        // Without selectedProjection, saved components mean PCA.
        QCOMPARE(parsed.bookmarks[5].projection, std::string("pca"));
        QVERIFY(parsed.bookmarks[5].unsupported.empty());
    }

    void layoutStatesAsTensorBoardSavesThem()
    {
        // TensorBoard keeps every projection it computed in each point's map; a state of a
        // sampled run lacks the points it left out.
        const auto parsed = parseProjectorBookmarks(R"([
          {"selectedProjection": "tsne", "tSNEis3d": false, "tSNEPerplexity": 12,
           "tSNELearningRate": 10, "tSNEIteration": 321,
           "projections": [{"pca-0": 1, "tsne-0": 0.5, "tsne-1": -2, "tsne-2": 9},
                           {"tsne-0": 1.25, "tsne-1": 3}]},
          {"selectedProjection": "umap", "umapIs3d": true, "umapNeighbors": 7,
           "umapMinDist": 0.3, "projections": [{"umap-0": 1, "umap-1": 2, "umap-2": 3}]},
          {"selectedProjection": "tsne", "tSNEis3d": false,
           "projections": [{"tsne-0": 1, "tsne-1": 2}, {"pca-0": 1}]}
        ])");
        QVERIFY2(parsed.error.empty(), parsed.error.c_str());
        const auto& tsne = parsed.bookmarks[0];
        QVERIFY2(tsne.unsupported.empty(), tsne.unsupported.c_str());
        QCOMPARE(tsne.dimensions, 2);
        QCOMPARE(tsne.layout.perplexity, 12.0);
        QCOMPARE(tsne.layout.learningRate, 10.0);
        QCOMPARE(tsne.layout.iteration, std::size_t(321));
        QCOMPARE(tsne.layout.coordinates, (std::vector<float> {0.5f, -2, 1.25f, 3}));
        const auto& umap = parsed.bookmarks[1];
        QVERIFY(umap.unsupported.empty());
        QCOMPARE(umap.dimensions, 3);
        QCOMPARE(umap.layout.neighbours, std::size_t(7));
        QCOMPARE(umap.layout.minDist, 0.3);
        QCOMPARE(umap.layout.coordinates, (std::vector<float> {1, 2, 3}));
        QVERIFY(parsed.bookmarks[2].unsupported.find("every point") != std::string::npos);
        QVERIFY(parsed.bookmarks[2].layout.coordinates.empty());
    }

    void whatLanternWritesReadsBack()
    {
        std::vector<ProjectorBookmark> written(4);
        written[0].label = "t-SNE \"3-D\"";
        written[0].projection = "tsne";
        written[0].dimensions = 3;
        written[0].layout.perplexity = 25;
        written[0].layout.learningRate = 300;
        written[0].layout.iteration = 777;
        written[0].layout.seed = 9;
        written[0].layout.coordinates = {0.1f, -1e-7f, 123456.7f, 3, 4, 5};
        written[0].selectedPoints = {1};
        written[0].camera = ProjectorBookmarkCamera {false, {0.5, 1, 2}, {0, 0, 0}, 1.5};
        written[1].label = "UMAP";
        written[1].projection = "umap";
        written[1].layout.neighbours = 30;
        written[1].layout.minDist = 0.25;
        written[1].layout.epochs = 200;
        written[1].layout.iteration = 200;
        written[1].layout.coordinates = {1, 2, 3, 4};
        written[2].label = "custom";
        written[2].projection = "custom";
        written[2].custom = {"label", {"^a", "b", "", "d\\d"}, {true, false, false, true}};
        written[3].label = "PCA";
        written[3].projection = "pca";
        written[3].pcaComponents = {2, 0};
        const std::string json = projectorBookmarksJson(written);
        // TensorBoard's own names.
        for (const char* field : {"\"selectedProjection\"", "\"tSNEis3d\"", "\"umapNeighbors\"",
                 "\"tsne-2\"", "\"umap-1\"", "\"customYUpRegex\"", "\"cameraDef\""})
            QVERIFY2(json.find(field) != std::string::npos, field);
        const auto read = parseProjectorBookmarks(json);
        QVERIFY2(read.error.empty(), read.error.c_str());
        QCOMPARE(read.bookmarks.size(), std::size_t(4));
        for (std::size_t i = 0; i < 4; ++i) {
            const auto& a = written[i];
            const auto& b = read.bookmarks[i];
            QVERIFY2(b.unsupported.empty(), b.unsupported.c_str());
            QCOMPARE(b.label, a.label);
            QCOMPARE(b.projection, a.projection);
            QCOMPARE(b.selectedPoints, a.selectedPoints);
        }
        const auto& tsne = read.bookmarks[0].layout;
        QCOMPARE(read.bookmarks[0].dimensions, 3);
        QCOMPARE(tsne.coordinates, written[0].layout.coordinates); // every bit
        QCOMPARE(tsne.perplexity, 25.0);
        QCOMPARE(tsne.learningRate, 300.0);
        QCOMPARE(tsne.iteration, std::size_t(777));
        QCOMPARE(tsne.seed, std::uint64_t(9));
        QVERIFY(read.bookmarks[0].camera);
        QCOMPARE(read.bookmarks[0].camera->zoom, 1.5);
        const auto& umap = read.bookmarks[1].layout;
        QCOMPARE(read.bookmarks[1].dimensions, 2);
        QCOMPARE(umap.coordinates, written[1].layout.coordinates);
        QCOMPARE(umap.neighbours, std::size_t(30));
        QCOMPARE(umap.minDist, 0.25);
        QCOMPARE(umap.epochs, std::size_t(200));
        QCOMPARE(umap.iteration, std::size_t(200));
        const auto& custom = read.bookmarks[2].custom;
        QCOMPARE(custom.column, std::string("label"));
        QCOMPARE(custom.text, written[2].custom.text);
        QCOMPARE(custom.regex, written[2].custom.regex);
        QCOMPARE(read.bookmarks[3].pcaComponents, (std::vector<std::size_t> {2, 0}));
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

LANTERN_TEST_GUILESS_MAIN(TestProjectorBookmarks)
#include "test_projector_bookmarks.moc"
