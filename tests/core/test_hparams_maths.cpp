// The HParams tab's maths without Qt widgets: brushes against a brute-force filter on random
// sessions, axis reordering, the quantile scale and its inverse, the scatter matrix's cell
// mapping, lines and dots rasterized straight into pixels (dots stamped from images rendered
// once as blendDot draws them), and the JSON and LaTeX exports read back to
// the same table.

#include "core/analysis/dot_stamps.h"
#include "core/analysis/hparams_brush.h"
#include "core/analysis/line_raster.h"
#include "core/analysis/quantile_scale.h"
#include "core/analysis/scatter_matrix_layout.h"
#include "core/export/table_export.h"
#include "tests/support/test_main.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using namespace lantern::core;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

ExportTable sampleTable()
{
    ExportTable table;
    table.columns = {"Session", "lr", "optimizer", "Loss_{val} & 100%", "Status"};
    table.numeric = {false, true, false, true, false};
    table.rows = {
        {TableCell::of("trial-a"), TableCell::of(0.1), TableCell::of("adam"), TableCell::of(9.5),
            TableCell::of("Success")},
        {TableCell::of("run_#2 {x}~^\\"), TableCell::of(1e-7), TableCell {},
            TableCell::of(-0.30000000000000004), TableCell::of("Failure")},
        {TableCell::of("trial \"c\" $5 & more"), TableCell::of(123456789.125), TableCell::of("sgd"),
            TableCell {}, TableCell {}},
    };
    return table;
}

} // namespace

class TestHParamsMaths : public QObject {
    Q_OBJECT
private slots:
    void brushesMatchBruteForce()
    {
        std::mt19937_64 random(21);
        std::uniform_real_distribution<double> unit(0, 1);
        for (int trial = 0; trial < 200; ++trial) {
            const std::size_t sessions = random() % 60, axes = 1 + random() % 5;
            std::vector<std::vector<double>> fractions(axes);
            for (auto& column : fractions)
                for (std::size_t s = 0; s < sessions; ++s)
                    column.push_back(random() % 10 == 0 ? kNaN : unit(random));
            std::vector<std::vector<BrushRange>> brushes(axes);
            for (auto& ranges : brushes)
                for (std::size_t b = random() % 3; b > 0; --b)
                    ranges.push_back(brushBetween(unit(random), unit(random)));
            const auto shown = brushedSessions(fractions, brushes, sessions);
            QCOMPARE(shown.size(), sessions);
            for (std::size_t s = 0; s < sessions; ++s) {
                bool expected = true;
                for (std::size_t a = 0; a < axes; ++a) {
                    if (brushes[a].empty())
                        continue;
                    bool inAny = false;
                    for (const BrushRange& r : brushes[a])
                        inAny |= fractions[a][s] >= r.lo && fractions[a][s] <= r.hi;
                    expected &= inAny; // NaN is in no range
                }
                QCOMPARE(bool(shown[s]), expected);
            }
        }
    }

    void brushesOnOneAxisAddUpAndAxesNarrowDown()
    {
        const std::vector<std::vector<double>> fractions {
            {0.1, 0.5, 0.9, kNaN}, {0.2, 0.2, 0.8, 0.2}};
        QCOMPARE(brushedSessions(fractions, {{}, {}}, 4), (std::vector<std::uint8_t> {1, 1, 1, 1}));
        QCOMPARE(brushedSessions(fractions, {{{0, 0.2}}, {}}, 4),
            (std::vector<std::uint8_t> {1, 0, 0, 0}));
        QCOMPARE(brushedSessions(fractions, {{{0, 0.2}, {0.8, 1}}, {}}, 4),
            (std::vector<std::uint8_t> {1, 0, 1, 0}));
        QCOMPARE(brushedSessions(fractions, {{{0, 0.2}, {0.8, 1}}, {{0.5, 1}}}, 4),
            (std::vector<std::uint8_t> {0, 0, 1, 0}));
        QCOMPARE(brushBetween(1.3, 0.25), (BrushRange {0.25, 1}));
    }

    void axesMoveWhereTheyAreDropped()
    {
        const std::vector<double> xs {0, 100, 200, 300};
        QCOMPARE(dropIndex(xs, 0, 250), std::size_t(2)); // right of 100 and 200
        QCOMPARE(dropIndex(xs, 3, -5), std::size_t(0));
        QCOMPARE(dropIndex(xs, 1, 150), std::size_t(1)); // stays
        std::vector<int> order {0, 1, 2, 3};
        moveElement(order, 0, 2);
        QCOMPARE(order, (std::vector<int> {1, 2, 0, 3}));
        moveElement(order, 3, 0);
        QCOMPARE(order, (std::vector<int> {3, 1, 2, 0}));
        moveElement(order, 9, 0); // out of range: unchanged
        QCOMPARE(order, (std::vector<int> {3, 1, 2, 0}));
    }

    void quantileScaleSpreadsRanksEvenly()
    {
        const QuantileScale scale({1000, 1, 2, 2, 3, kNaN, INFINITY});
        QCOMPARE(scale.distinctValues(), (std::vector<double> {1, 2, 3, 1000}));
        QCOMPARE(scale.fraction(1), 0.0);
        QCOMPARE(scale.fraction(2), 1.0 / 3);
        QCOMPARE(scale.fraction(3), 2.0 / 3);
        QCOMPARE(scale.fraction(1000), 1.0);
        QCOMPARE(scale.fraction(2.5), 0.5);
        QCOMPARE(scale.fraction(-7), 0.0);
        QVERIFY(std::isnan(scale.fraction(kNaN)));
        QCOMPARE(QuantileScale({4, 4}).fraction(4), 0.5);
        QVERIFY(QuantileScale({kNaN}).empty());
        std::mt19937_64 random(7);
        std::lognormal_distribution<double> skewed(0, 3);
        std::vector<double> values(300);
        for (double& v : values)
            v = skewed(random);
        const QuantileScale wide(values);
        for (double v : values)
            QCOMPARE(wide.valueAt(wide.fraction(v)), v);
        for (double f = 0; f <= 1; f += 0.0625)
            QVERIFY(std::abs(wide.fraction(wide.valueAt(f)) - f) < 1e-9);
    }

    void scatterMatrixMapsPixelsToCells()
    {
        const auto layout = ScatterMatrixLayout::fit(3, 4, 500, 400, 60, 40, 8, 20);
        QCOMPARE(layout.cellWidth, (500.0 - 60 - 32) / 4);
        QCOMPARE(layout.cellHeight, (400.0 - 40 - 24) / 3);
        for (std::size_t r = 0; r < 3; ++r)
            for (std::size_t c = 0; c < 4; ++c) {
                const CellBox b = layout.box({r, c});
                QCOMPARE(layout.cellAt(b.left + 1, b.top + 1), (MatrixCell {r, c}));
                QCOMPARE(
                    layout.cellAt(b.left + b.width - 1, b.top + b.height - 1), (MatrixCell {r, c}));
                QVERIFY(!layout.cellAt(b.left + b.width + layout.gap / 2, b.top + 1)); // gap
                double x = 0, y = 0;
                layout.toPixel({r, c}, 0.25, 0.75, x, y);
                QCOMPARE(x, b.left + 0.25 * b.width);
                QCOMPARE(y, b.top + 0.25 * b.height);
            }
        QVERIFY(!layout.cellAt(10, 100)); // the row titles' margin
        QVERIFY(!layout.cellAt(100, 10)); // the column titles'
        QVERIFY(!layout.cellAt(layout.totalWidth() + 5, 100));
        // Too small a widget: cells keep their minimum and the matrix outgrows it (it scrolls).
        const auto crowded = ScatterMatrixLayout::fit(10, 20, 300, 200, 60, 40, 4, 30);
        QCOMPARE(crowded.cellWidth, 30.0);
        QVERIFY(crowded.totalWidth() > 300);
    }

    void linesCoverThePixelsTheyCross()
    {
        constexpr int w = 40, h = 30;
        std::vector<std::uint32_t> pixels(w * h, 0);
        const PixelBuffer buffer {pixels.data(), w, h, w};
        const auto alpha = [&](int x, int y) { return int(pixels[y * w + x] >> 24); };
        // Horizontal through pixel centres: exactly the pixels of row 10, fully covered.
        blendLine(buffer, 2.5, 10.5, 20.5, 10.5, 0x336699, 1.0);
        for (int x = 0; x < w; ++x)
            QCOMPARE(alpha(x, 10), x >= 2 && x <= 20 ? 255 : 0);
        QCOMPARE(pixels[10 * w + 5], 0xff336699u);
        QCOMPARE(alpha(5, 9) + alpha(5, 11), 0);
        // A steep line: every row it crosses gets a full pixel's worth, split between two.
        std::fill(pixels.begin(), pixels.end(), 0);
        blendLine(buffer, 5.5, 2.5, 9.5, 22.5, 0xffffff, 1.0);
        for (int y = 2; y <= 22; ++y) {
            int sum = 0, touched = 0;
            for (int x = 0; x < w; ++x) {
                sum += alpha(x, y);
                touched += alpha(x, y) > 0;
            }
            QVERIFY2(std::abs(sum - 255) <= 2 && touched <= 2, qPrintable(QString::number(y)));
        }
        QCOMPARE(alpha(5, 0) + alpha(5, 25), 0);
        // Half alpha over opaque white: half the colour.
        std::fill(pixels.begin(), pixels.end(), 0xffffffffu);
        blendLine(buffer, 0.5, 0.5, 10.5, 0.5, 0x000000, 0.5);
        QCOMPARE(pixels[3], 0xff7f7f7fu); // alpha 128 of 255 black
        // Far outside, or not finite: nothing written, nothing out of bounds.
        std::fill(pixels.begin(), pixels.end(), 0);
        blendLine(buffer, -500, -20, 900, -3, 0xffffff, 1.0);
        blendLine(buffer, 5, -1e300, 6, -1e299, 0xffffff, 1.0);
        blendLine(buffer, kNaN, 5, 10, 5, 0xffffff, 1.0);
        QVERIFY(std::all_of(pixels.begin(), pixels.end(), [](std::uint32_t p) { return p == 0; }));
        // Ends far beyond the buffer: only the part inside it, the whole row.
        blendLine(buffer, -1e300, 5.5, 1e300, 5.5, 0xffffff, 1.0);
        for (int x = 0; x < w; ++x)
            QCOMPARE(alpha(x, 5), 255);
    }

    void dotsCoverTheirDisc()
    {
        constexpr int w = 20, h = 20;
        std::vector<std::uint32_t> pixels(w * h, 0);
        const PixelBuffer buffer {pixels.data(), w, h, w};
        blendDot(buffer, 10, 10, 2.5, 0xff0000, 1.0);
        int total = 0;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const int a = int(pixels[y * w + x] >> 24);
                total += a;
                if (std::hypot(x + 0.5 - 10, y + 0.5 - 10) > 3.0)
                    QCOMPARE(a, 0); // outside the rim
            }
        QCOMPARE(pixels[9 * w + 9], 0xffff0000u); // inside: the colour, opaque
        // About the disc's area in covered pixels.
        QVERIFY(std::abs(total / 255.0 - M_PI * 2.5 * 2.5) < 2.5);
        blendDot(buffer, -100, 5, 2, 0xffffff, 1.0); // outside: nothing, no crash
        blendDot(buffer, 0, 0, 2, 0x00ff00, 1.0); // a corner: clipped
        QVERIFY(int(pixels[0] >> 24) == 255);
    }

    void stampedDotsMatchBlendDot()
    {
        // On a busy background, overlapping and clipped at every edge: a centre at a stamp's
        // own sub-pixel offset gives blendDot's pixels exactly, any other centre nearly.
        constexpr int w = 37, h = 23;
        std::mt19937 random(7);
        std::vector<std::uint32_t> background(w * h);
        for (std::uint32_t& pixel : background) {
            const std::uint32_t a = random() % 256;
            const auto channel = [&] { return std::uint32_t(random() % (a + 1)); };
            pixel = a << 24 | channel() << 16 | channel() << 8 | channel(); // premultiplied
        }
        const std::vector<std::uint32_t> colors {0x969696, 0x440154, 0xfde725, 0x21918c};
        for (const double radius : {1.0, 2.2, 4.4}) {
            const DotStamps stamps(radius, 0.75, colors);
            std::vector<std::uint32_t> drawn = background, stamped = background;
            std::vector<std::uint32_t> drawnOff = background, stampedOff = background;
            const auto buffer = [](std::vector<std::uint32_t>& pixels) {
                return PixelBuffer {pixels.data(), w, h, w};
            };
            std::uniform_int_distribution<int> column(-4, w + 3), row(-4, h + 3), phase(0, 3);
            std::uniform_real_distribution<double> anywhere(0, 1);
            for (int dot = 0; dot < 200; ++dot) {
                const double x = column(random) + (phase(random) + 0.5) / 4;
                const double y = row(random) + (phase(random) + 0.5) / 4;
                const std::size_t color = std::size_t(dot) % colors.size();
                blendDot(buffer(drawn), x, y, radius, colors[color], 0.75);
                stamps.stamp(buffer(stamped), x, y, color);
                const double offX = column(random) + anywhere(random);
                const double offY = row(random) + anywhere(random);
                blendDot(buffer(drawnOff), offX, offY, radius, colors[color], 0.75);
                stamps.stamp(buffer(stampedOff), offX, offY, color);
            }
            QCOMPARE(stamped, drawn);
            // Off the offsets, at most an eighth of a pixel away: each pixel's channels close.
            int largest = 0;
            for (std::size_t i = 0; i < drawnOff.size(); ++i)
                for (const int shift : {0, 8, 16, 24})
                    largest = std::max(largest,
                        std::abs(
                            int(stampedOff[i] >> shift & 0xff) - int(drawnOff[i] >> shift & 0xff)));
            QVERIFY2(largest < 64, qPrintable(QString::number(largest)));
        }
        const DotStamps stamps(2.2, 1.0, colors);
        std::vector<std::uint32_t> pixels(w * h, 0);
        const PixelBuffer buffer {pixels.data(), w, h, w};
        stamps.stamp(buffer, kNaN, 5, 0); // nothing, no crash
        stamps.stamp(buffer, 1e300, -1e300, 0);
        stamps.stamp(buffer, 5, 5, colors.size()); // no such colour
        QVERIFY(std::all_of(pixels.begin(), pixels.end(), [](std::uint32_t p) { return p == 0; }));
    }

    void jsonExportReadsBackTheSameTable()
    {
        const ExportTable table = sampleTable();
        const std::string json = tableJson(table);
        std::string error;
        const auto back = parseTableJson(json, &error);
        QVERIFY2(back, error.c_str());
        QCOMPARE(back->columns, table.columns);
        QCOMPARE(back->rows, table.rows);
        QCOMPARE(back->numeric, table.numeric);
        QVERIFY(json.find("null") != std::string::npos); // unset cells
    }

    void jsonNonFiniteNumbersComeBackAsText()
    {
        ExportTable table;
        table.columns = {"loss"};
        table.numeric = {true};
        table.rows = {{TableCell::of(kNaN)}, {TableCell::of(-INFINITY)}};
        const auto back = parseTableJson(tableJson(table));
        QVERIFY(back);
        QCOMPARE(back->rows[0][0], TableCell::of("NaN"));
        QCOMPARE(back->rows[1][0], TableCell::of("-Infinity"));
    }

    void jsonBadInputSaysWhy()
    {
        std::string error;
        QVERIFY(!parseTableJson("[1, 2", &error));
        QVERIFY(!error.empty());
        QVERIFY(!parseTableJson(R"({"columns": ["a"], "rows": [[1, 2]]})", &error));
        QCOMPARE(error, std::string("row 1 has 2 cells, not 1"));
    }

    void latexExportReadsBackTheSameTable()
    {
        const ExportTable table = sampleTable();
        const std::string latex = tableLatex(table);
        QVERIFY(latex.starts_with("\\begin{tabular}{lrlrl}\n\\hline\n"));
        QVERIFY(latex.find("run\\_\\#2 \\{x\\}\\textasciitilde{}\\textasciicircum{}"
                           "\\textbackslash{}")
            != std::string::npos);
        QVERIFY(latex.find("Loss\\_\\{val\\} \\& 100\\%") != std::string::npos);
        std::string error;
        const auto back = parseTableLatex(latex, &error);
        QVERIFY2(back, error.c_str());
        QCOMPARE(*back, table);
    }

    void latexNonFiniteAndLineBreaks()
    {
        ExportTable table;
        table.columns = {"name", "loss"};
        table.numeric = {false, true};
        table.rows = {{TableCell::of("two\nlines"), TableCell::of(INFINITY)}};
        const auto back = parseTableLatex(tableLatex(table));
        QVERIFY(back);
        QCOMPARE(back->rows[0][0], TableCell::of("two lines"));
        QCOMPARE(back->rows[0][1].kind, TableCell::Kind::Number);
        QVERIFY(std::isinf(back->rows[0][1].number));
        std::string error;
        QVERIFY(!parseTableLatex("\\begin{tabular}{ll}\na & b & c \\\\\n\\end{tabular}", &error));
        QCOMPARE(error, std::string("a row has 3 cells, not 2"));
        QVERIFY(!parseTableLatex("no table", &error));
    }
};

LANTERN_TEST_GUILESS_MAIN(TestHParamsMaths)
#include "test_hparams_maths.moc"
