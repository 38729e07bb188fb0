// How text tensors are laid out: a paragraph for rank 0, tables for rank 1 and 2, the first
// 2-D slice of higher ranks, and shapes that do not match the strings; the writer's text
// tensors read back through the loader, and ML-Agents' hyperparameter text from the corpus.

#include "core/analysis/text_layout.h"
#include "core/io/path_text.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace lantern::core;
using namespace lantern::test;

namespace {

TextLayout layoutOf(std::vector<std::int64_t> shape, std::size_t count)
{
    return textLayoutOf(shape, count);
}

} // namespace

class TestTextLayout : public QObject {
    Q_OBJECT
private slots:
    void rankDecidesParagraphOrTable()
    {
        QCOMPARE(layoutOf({}, 1), TextLayout {});
        QCOMPARE(layoutOf({3}, 3), (TextLayout {true, 3, 1, 0}));
        QCOMPARE(layoutOf({2, 3}, 6), (TextLayout {true, 2, 3, 0}));
        QCOMPARE(layoutOf({4, 2, 3}, 24), (TextLayout {true, 2, 3, 3}));
        QCOMPARE(layoutOf({1, 1, 2, 5}, 10), (TextLayout {true, 2, 5, 4}));
        QCOMPARE(layoutOf({0}, 0), (TextLayout {true, 0, 1, 0}));
        QCOMPARE(layoutOf({3, 0}, 0), (TextLayout {true, 0, 1, 0}));
        // No first slice, so no 5 × 7 cells past the (no) strings.
        QCOMPARE(layoutOf({0, 5, 7}, 0), (TextLayout {true, 0, 1, 0}));
    }

    void mismatchedShapesShowEveryString()
    {
        QCOMPARE(layoutOf({2, 2}, 3), (TextLayout {true, 3, 1, 0}));
        QCOMPARE(layoutOf({}, 2), (TextLayout {true, 2, 1, 0}));
        QCOMPARE(layoutOf({5, 0}, 1), TextLayout {}); // one string for no cells: a paragraph
        QCOMPARE(layoutOf({-1, 2}, 2), (TextLayout {true, 2, 1, 0}));
        const std::int64_t huge = std::numeric_limits<std::int64_t>::max();
        QCOMPARE(layoutOf({huge, huge, huge}, 4), (TextLayout {true, 4, 1, 0}));
        QCOMPARE(layoutOf({huge, 0}, 0), (TextLayout {true, 0, 1, 0}));
    }

    // One string for a shape of several cells is TensorFlow's broadcast: it fills the table the
    // shape declares (its first 2-D slice), however large; a view shows what fits.
    void oneStringRepeatsInEveryCell()
    {
        QCOMPARE(layoutOf({5}, 1), (TextLayout {true, 5, 1, 0, true}));
        QCOMPARE(layoutOf({2, 3}, 1), (TextLayout {true, 2, 3, 0, true}));
        QCOMPARE(layoutOf({4, 2, 3}, 1), (TextLayout {true, 2, 3, 3, true}));
        const std::int64_t big = std::int64_t(1) << 40;
        const TextLayout huge = layoutOf({big, 2}, 1);
        QCOMPARE(huge, (TextLayout {true, std::size_t(big), 2, 0, true}));
        QCOMPARE(huge.cellIndex(std::size_t(big) - 1, 1), std::size_t(0));
        // A shape whose cells overflow, or that has one cell, holds no broadcast.
        const std::int64_t max = std::numeric_limits<std::int64_t>::max();
        QCOMPARE(layoutOf({max, max}, 1), TextLayout {});
        QCOMPARE(layoutOf({1, 1}, 1), (TextLayout {true, 1, 1, 0, false}));
        QCOMPARE(layoutOf({2, 3}, 6).cellIndex(1, 2), std::size_t(5));
    }

    void writerTensorsReadBack()
    {
        QTemporaryDir temp;
        const std::filesystem::path root = pathFromText(temp.path().toStdString());
        const std::vector<std::string> cells = {"a", "**b**", "c", "1", "2", "3"};
        {
            EventFileWriter writer(root);
            writer.addText("notes", 1, "# Title\n\nbody");
            const std::int64_t shape[] = {2, 3};
            writer.addTextTensor("table", 2, shape, cells);
            QVERIFY(writer.ok());
        }
        LogdirLoader loader({{"", root}});
        loader.reload();
        const RunSnapshot* run = loader.snapshot()->find(".");
        QVERIFY(run);
        const TagSnapshot* notes = run->find("notes");
        const TagSnapshot* table = run->find("table");
        QVERIFY(notes && table);
        QCOMPARE(notes->kind, ValueKind::Text);
        QCOMPARE(table->kind, ValueKind::Text);
        const TensorEntry& paragraph = notes->tensors[0];
        QCOMPARE(textLayoutOf(paragraph.shape, paragraph.strings.size()), TextLayout {});
        QCOMPARE(paragraph.strings, (std::vector<std::string> {"# Title\n\nbody"}));
        const TensorEntry& grid = table->tensors[0];
        QCOMPARE(grid.step, std::int64_t(2));
        QCOMPARE(grid.strings, cells);
        QCOMPARE(textLayoutOf(grid.shape, grid.strings.size()), (TextLayout {true, 2, 3, 0}));
    }

    void mlAgentsHyperparameters()
    {
        const auto snapshot = loadCorpusLogdir("c10_mlagents_torch_text_histo");
        if (!snapshot)
            QSKIP(qPrintable(corpusMissingMessage()));
        const RunSnapshot* run = snapshot->find("results/ppo/MoveToGoal");
        QVERIFY(run);
        const TagSnapshot* tag = run->find("Hyperparameters/text_summary");
        QVERIFY(tag);
        QCOMPARE(tag->kind, ValueKind::Text);
        QCOMPARE(tag->tensors.size(), std::size_t(1));
        // torch.utils.tensorboard's add_text writes a rank-1 tensor of one string.
        const TensorEntry& entry = tag->tensors[0];
        QCOMPARE(entry.shape, (std::vector<std::int64_t> {1}));
        QCOMPARE(textLayoutOf(entry.shape, entry.strings.size()), (TextLayout {true, 1, 1, 0}));
        QVERIFY(entry.strings[0].starts_with("\ttrainer_type:\tppo\n\thyperparameters:"));
    }
};

LANTERN_TEST_GUILESS_MAIN(TestTextLayout)
#include "test_text_layout.moc"
