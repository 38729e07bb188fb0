// Dense lines filled in column by column: the extents against the polyline sampled finely, and
// the pixels a one-pixel line covers.

#include "tests/support/test_main.h"
#include "ui/widgets/dense_line.h"

#include <QImage>
#include <QTest>

#include <cmath>
#include <random>

using namespace lantern::ui;

class TestDenseLine : public QObject {
    Q_OBJECT
private slots:
    void extentsHoldEverySampleOfThePolyline()
    {
        std::mt19937_64 rng(11);
        for (int trial = 0; trial < 200; ++trial) {
            const std::size_t width = 1 + rng() % 60;
            std::uniform_real_distribution<double> y(-50, 50), step(0, trial % 3 ? 0.7 : 9);
            std::vector<QPointF> points;
            double x = std::uniform_real_distribution<double>(-5, 3)(rng);
            const std::size_t count = 1 + rng() % 120;
            for (std::size_t i = 0; i < count; ++i) {
                points.emplace_back(x, y(rng));
                x += (trial % 5 == 0 && rng() % 4 == 0) ? -step(rng) : step(rng); // some go back
                if (rng() % 7 == 0)
                    x = std::floor(x); // points on column edges
            }
            std::vector<ColumnExtent> extents(width);
            addColumnExtents(points, extents);

            // The straightforward way: many points along every segment, binned by column.
            std::vector<ColumnExtent> sampled(width);
            const auto sample = [&](QPointF p) {
                const double c = std::floor(p.x());
                if (c < 0 || c >= double(width))
                    return;
                ColumnExtent& e = sampled[std::size_t(c)];
                e = e.empty() ? ColumnExtent {p.y(), p.y()}
                              : ColumnExtent {std::min(e.top, p.y()), std::max(e.bottom, p.y())};
            };
            sample(points[0]);
            for (std::size_t i = 1; i < points.size(); ++i)
                for (int k = 1; k <= 2000; ++k)
                    sample(points[i - 1] + (points[i] - points[i - 1]) * (k / 2000.0));
            for (std::size_t c = 0; c < width; ++c) {
                const ColumnExtent &e = extents[c], &s = sampled[c];
                if (s.empty())
                    continue; // a segment can touch a column's edge between two samples
                QVERIFY2(
                    !e.empty(), qPrintable(QStringLiteral("trial %1 column %2").arg(trial).arg(c)));
                // Every sample inside; the extent's ends reached by the samples, nearly.
                QVERIFY(e.top <= s.top + 1e-9 && s.bottom <= e.bottom + 1e-9);
                QVERIFY(s.top - e.top < 0.2 && e.bottom - s.bottom < 0.2);
            }
        }
    }

    void lonePointAndOutsidePoints()
    {
        std::vector<ColumnExtent> extents(4);
        const std::vector<QPointF> one {{2.5, 7}};
        addColumnExtents(one, extents);
        QVERIFY(extents[0].empty() && extents[1].empty() && extents[3].empty());
        QCOMPARE(extents[2].top, 7.0);
        QCOMPARE(extents[2].bottom, 7.0);
        std::vector<ColumnExtent> none(4); // segments wholly left or right of the columns
        addColumnExtents(std::vector<QPointF> {{-9, 1}, {-1, 3}}, none);
        addColumnExtents(std::vector<QPointF> {{5, 1}, {8, 0}}, none);
        for (const ColumnExtent& e : none)
            QVERIFY(e.empty());
        // A segment crossing the whole width reaches every column.
        std::vector<ColumnExtent> across(4);
        addColumnExtents(std::vector<QPointF> {{-4, 0}, {8, 12}}, across);
        for (std::size_t c = 0; c < 4; ++c) {
            QCOMPARE(across[c].top, double(c + 4));
            QCOMPARE(across[c].bottom, double(c + 5));
        }
    }

    void fillsOnePixelThickWithCoverageAtTheEnds()
    {
        QImage image(3, 20, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        // Column 0: a flat line through pixel centres fills one row exactly. Column 1: on a
        // pixel edge, half of each neighbour. Column 2: from 4.5 to 8.5, rows 4 to 8 whole.
        const std::vector<ColumnExtent> extents {{10.5, 10.5}, {3.0, 3.0}, {4.5, 8.5}};
        fillColumnExtents(image, extents, QColor(255, 0, 0));
        const auto alpha = [&](int x, int y) { return qAlpha(image.pixel(x, y)); };
        QCOMPARE(alpha(0, 10), 255);
        QCOMPARE(alpha(0, 9), 0);
        QCOMPARE(alpha(0, 11), 0);
        QCOMPARE(image.pixel(0, 10), qRgba(255, 0, 0, 255));
        QVERIFY(std::abs(alpha(1, 2) - 128) <= 1 && std::abs(alpha(1, 3) - 128) <= 1);
        QCOMPARE(alpha(1, 1), 0);
        QCOMPARE(alpha(1, 4), 0);
        for (int y = 0; y < 20; ++y)
            QCOMPARE(alpha(2, y), y >= 4 && y <= 8 ? 255 : 0);

        // Translucent over opaque: source-over, once per pixel however many segments.
        QImage white(1, 3, QImage::Format_ARGB32_Premultiplied);
        white.fill(Qt::white);
        fillColumnExtents(white, {{1.5, 1.5}}, QColor(0, 0, 255, 64));
        const QRgb blended = white.pixel(0, 1);
        QVERIFY(std::abs(qRed(blended) - 191) <= 1 && std::abs(qBlue(blended) - 255) <= 1);
        QCOMPARE(white.pixel(0, 0), qRgb(255, 255, 255));
    }
};

LANTERN_TEST_MAIN(TestDenseLine)
#include "test_dense_line.moc"
