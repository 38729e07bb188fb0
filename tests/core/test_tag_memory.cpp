// What a run of very many tags costs on the heap, per tag: loaded, in the snapshot the window
// keeps, and in the snapshots of later reloads, which share every tag that did not change.
// Every operator new of this test is counted (fuzz/fuzz_allocation.h: the allocator's usable
// size of each block), so the bounds are bytes, not timings, and hold on any machine with
// glibc's allocator (AddressSanitizer's reports the requested sizes, which are smaller).

#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"

#include "fuzz/fuzz_allocation.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace lantern::core;
namespace fs = std::filesystem;

namespace {

constexpr int kTags = 100'000;

// 18 characters: longer than std::string's inline buffer, as most real tags are.
std::string tagName(int i)
{
    char name[32];
    std::snprintf(name, sizeof name, "metrics/tag_%06d", i);
    return name;
}

std::size_t liveBytes()
{
    return lantern::fuzz::g_liveBytes;
}

double perTag(std::size_t bytes)
{
    return double(bytes) / kTags;
}

} // namespace

class TestTagMemory : public QObject {
    Q_OBJECT
private slots:
    void manyOnePointTagsCostLittleEach()
    {
        QTemporaryDir temp;
        const fs::path root = fs::path(temp.path().toStdString());
        {
            EventFileWriter writer(root / "run");
            for (int i = 0; i < kTags; ++i)
                writer.addScalar(tagName(i), 1, float(i), 1.7e9);
            QVERIFY(writer.ok());
        }
        // The decoded data: an 18-byte name and a 24-byte point (step, wall time, value).
        const std::size_t start = liveBytes();
        LogdirLoader loader({{"", root}});
        loader.reload();
        QCOMPARE(loader.runs().at(0)->tags.size(), std::size_t(kTags));
        const double loaded = perTag(liveBytes() - start);

        const std::size_t beforeSnapshot = liveBytes();
        const auto first = loader.snapshot();
        const double snapshot = perTag(liveBytes() - beforeSnapshot);
        qInfo("per tag: %.0f B loaded, %.0f B in the snapshot", loaded, snapshot);
        // 366 and 312 before a scalar series shed its chunk byte count and padding, and each
        // tag's snapshot was shared and its entry series snapshots (three of the four are
        // always empty) shrank from 48 bytes to 16.
        QVERIFY2(loaded <= 358, qPrintable(QString::number(loaded)));
        QVERIFY2(snapshot <= 256, qPrintable(QString::number(snapshot)));

        // Nothing new: the same run snapshot, nothing allocated per tag.
        const std::size_t beforeReload = liveBytes();
        loader.reload();
        const auto second = loader.snapshot();
        QCOMPARE(second->runs.at(0), first->runs.at(0));
        QVERIFY(liveBytes() - beforeReload < 4096);

        // One tag gains a point: the new snapshot shares the other tags with the old one, which
        // a view still holds, instead of copying each of them again.
        {
            EventFileWriter writer(root / "run");
            writer.addScalar(tagName(7), 2, 1.0f, 1.7e9 + 1);
        }
        const std::size_t beforeAppend = liveBytes();
        loader.reload();
        const auto third = loader.snapshot();
        const double appended = perTag(liveBytes() - beforeAppend);
        qInfo("per tag: %.1f B for the snapshot after one point more", appended);
        QVERIFY2(appended <= 20, qPrintable(QString::number(appended))); // 312 when copied
        const TagSnapshotList& before = second->runs.at(0)->tags;
        const TagSnapshotList& after = third->runs.at(0)->tags;
        QCOMPARE(after.size(), before.size());
        for (std::size_t i = 0; i < after.size(); ++i) {
            const bool changed = after[i].tag == tagName(7);
            QCOMPARE(after.share(i) == before.share(i), !changed);
            QCOMPARE(after[i].scalars.size(), changed ? 2u : 1u);
        }
    }

    void sharedTagsAreTheTagsAsTheyAre()
    {
        // A tag written as two kinds and new tags sorted in between the old ones: each series
        // is shared only while it is unchanged, and the list stays in tag order.
        QTemporaryDir temp;
        const fs::path root = fs::path(temp.path().toStdString());
        {
            EventFileWriter writer(root / "run");
            writer.addScalar("b", 1, 1.0f, 1.7e9);
            const double values[] = {1, 2, 3};
            writer.addHistogram("b", 1, values, SummaryStyle::Tf2, 1.7e9);
            writer.addScalar("d", 1, 1.0f, 1.7e9);
        }
        LogdirLoader loader({{"", root}});
        loader.reload();
        const auto first = loader.snapshot();
        {
            EventFileWriter writer(root / "run");
            writer.addScalar("a", 1, 1.0f, 1.7e9);
            writer.addScalar("c", 1, 1.0f, 1.7e9);
            const double values[] = {4, 5};
            writer.addHistogram("b", 2, values, SummaryStyle::Tf2, 1.7e9);
        }
        loader.reload();
        const auto second = loader.snapshot();
        const TagSnapshotList& old = first->runs.at(0)->tags;
        const TagSnapshotList& now = second->runs.at(0)->tags;
        QCOMPARE(now.size(), 5u);
        std::vector<std::pair<std::string, ValueKind>> order;
        for (const TagSnapshot& tag : now)
            order.emplace_back(tag.tag, tag.kind);
        QCOMPARE(order,
            (std::vector<std::pair<std::string, ValueKind>> {{"a", ValueKind::Scalar},
                {"b", ValueKind::Scalar}, {"b", ValueKind::Histogram}, {"c", ValueKind::Scalar},
                {"d", ValueKind::Scalar}}));
        QCOMPARE(now.share(1), old.share(0)); // b, scalar: unchanged
        QVERIFY(now.share(2) != old.share(1)); // b, histogram: a step more
        QCOMPARE(now[2].histograms.size(), 2u);
        QCOMPARE(old[1].histograms.size(), 1u); // the old snapshot is as it was
        QCOMPARE(now.share(4), old.share(2)); // d
        QCOMPARE(second->runs.at(0)->find("b", ValueKind::Histogram), &now[2]);
        QCOMPARE(second->runs.at(0)->find("c"), &now[3]);
    }
};

QTEST_GUILESS_MAIN(TestTagMemory)
#include "test_tag_memory.moc"
