// The Text tab fed from a real load: text summaries written with EventFileWriter (markdown
// paragraphs, rank-1 and rank-2 tables, hostile HTML and images), shown as cards per tag and
// run, grouped and filtered, paged through newest first, switched to plain text, and updated
// live; ML-Agents' hyperparameters from the corpus, and a legacy logdir with no text values.

#include "core/io/path_text.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "core/write/png_encoder.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "tests/support/ui_test_support.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/text/text_card.h"
#include "ui/dashboards/text/text_dashboard.h"
#include "ui/main_window.h"
#include "ui/widgets/card_grid.h"
#include "ui/widgets/elided_label.h"
#include "ui/widgets/run_list_model.h"
#include "ui/widgets/safe_text_browser.h"

#include <QCheckBox>
#include <QDir>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextTable>
#include <QToolButton>

#include <atomic>
#include <chrono>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

constexpr double kStart = 1.7e9;

// The markdown run "a" writes at `step` of "notes/intro".
std::string noteAt(int step, const std::string& imagePath)
{
    return "## Epoch " + std::to_string(step) + "\n\nloss went **down** <b>raw</b> "
        + "<img src=\"https://example.com/x.png\"> ![chart](file://" + imagePath + ")";
}

// Run "a": "notes/intro" at steps 0-24, "tables/grid" ([2, 3]) at step 5 and "tables/list"
// ([3]) at step 6. Run "b": "notes/intro" at step 3. `image` is a real PNG the notes point at.
void writeLogdir(const fs::path& root, const fs::path& image)
{
    {
        core::EventFileWriter writer(root / "a");
        for (int step = 0; step < 25; ++step)
            writer.addText("notes/intro", step, noteAt(step, core::pathText(image)), kStart + step);
        const std::int64_t grid[] = {2, 3};
        writer.addTextTensor("tables/grid", 5, grid,
            std::vector<std::string> {"name", "**value**", "unit", "lr", "0.1", "`1/s`"},
            kStart + 5);
        const std::int64_t list[] = {3};
        writer.addTextTensor(
            "tables/list", 6, list, std::vector<std::string> {"one", "two", "three"}, kStart + 6);
    }
    core::EventFileWriter writer(root / "b");
    writer.addText("notes/intro", 3, "from *b*", kStart + 3);
}

// A log directory loaded once, with a runs model and a Text tab on what was loaded.
struct Loaded {
    Loaded()
    {
        test::writeBytes(image, core::encodePng(4, 4, 3, std::vector<std::uint8_t>(48, 200)));
        writeLogdir(root, image);
        reload();
        dashboard.resize(1100, 800);
    }
    void reload()
    {
        loader.reload();
        runs.setSnapshot(loader.snapshot());
        dashboard.setSnapshot(loader.snapshot());
    }
    QTemporaryDir temp;
    fs::path root = ui::pathFromQString(temp.path()) / "logs";
    fs::path image = ui::pathFromQString(temp.path()) / "chart.png";
    core::LogdirLoader loader {{{"", root}}};
    ui::RunListModel runs;
    ui::TextDashboard dashboard {&runs};
};

// Every table in a document, in order.
std::vector<QTextTable*> tablesOf(QTextDocument* document)
{
    std::vector<QTextTable*> tables;
    for (QTextFrame* frame : document->rootFrame()->childFrames())
        if (auto* table = qobject_cast<QTextTable*>(frame))
            tables.push_back(table);
    return tables;
}

QString cellText(QTextTable* table, int row, int column)
{
    const QTextTableCell cell = table->cellAt(row, column);
    QTextCursor cursor = cell.firstCursorPosition();
    cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
    return cursor.selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
}

// The character format of the first occurrence of `text` in the document.
QTextCharFormat formatOf(QTextDocument* document, const QString& text)
{
    QTextCursor found = document->find(text);
    QTextCursor at(document);
    at.setPosition(found.selectionStart() + 1);
    return at.charFormat();
}

// Whether the text asks for the system's fixed-width font: what the product asks for, not
// what the machine's fonts happen to resolve to.
bool isMonospace(const QTextCharFormat& format)
{
    return format.fontFixedPitch()
        && format.fontFamilies().toStringList()
        == QFontDatabase::systemFont(QFontDatabase::FixedFont).families();
}

// How many pixels of `image` are pure red.
int redPixels(const QImage& image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            count += c.red() > 200 && c.green() < 60 && c.blue() < 60;
        }
    return count;
}

// Counts the readers that open a FIFO, letting each go at once: with no reader it never
// blocks, and a reader stuck in open() is released (so a regression fails instead of hanging).
class FifoWatch {
public:
    explicit FifoWatch(std::string path)
        : m_path(std::move(path))
        , m_thread([this] {
            while (!m_done) {
                const int fd = ::open(m_path.c_str(), O_WRONLY | O_NONBLOCK);
                if (fd >= 0) {
                    ++m_readers;
                    ::close(fd);
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        })
    {
    }
    ~FifoWatch() { stop(); }
    int stop()
    {
        m_done = true;
        if (m_thread.joinable())
            m_thread.join();
        return m_readers;
    }

private:
    std::string m_path;
    std::atomic<bool> m_done {false};
    std::atomic<int> m_readers {0};
    std::thread m_thread;
};

QString plainText(ui::TextCard* card)
{
    return card->browser()->toPlainText();
}

} // namespace

class TestTextDashboard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // A reload that grows one series hands entries to that card alone; hidden, the tab does
    // nothing until it is shown.
    void aReloadTouchesOnlyTheChangedCards()
    {
        const test::WriteValue write
            = [](core::EventFileWriter& writer, const std::string& tag, std::int64_t step) {
                  writer.addText(tag, step, "step " + std::to_string(step), kStart + double(step));
              };
        ui::RunListModel runs;
        ui::TextDashboard dashboard(&runs);
        const auto cards = [&dashboard] {
            return test::cardsPerTagAndRun<ui::TextCard>(
                [&dashboard](
                    const QString& tag, const QString& run) { return dashboard.card(tag, run); },
                &ui::TextCard::entriesUpdates);
        };
        const QString failure
            = test::checkScopedReload(dashboard, runs, write, cards, QStringLiteral("x/one|a"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(
            dashboard.card("x/one", "a")->shownSteps(), (std::vector<std::int64_t> {3, 2, 1, 0}));
        QCOMPARE(dashboard.card("x/one", "b")->shownSteps(), (std::vector<std::int64_t> {2, 1, 0}));
    }

    void cardsPerTagAndRunGroupedAndFiltered()
    {
        Loaded loaded;
        ui::CardGrid* grid = loaded.dashboard.grid();
        QCOMPARE(grid->groupNames(), (QStringList {"notes", "tables"}));
        QCOMPARE(grid->cardTitles(),
            (QStringList {
                "notes/intro · a", "notes/intro · b", "tables/grid · a", "tables/list · a"}));

        QTest::keyClicks(loaded.dashboard.tagFilter(), QStringLiteral("GRID|list"));
        QCOMPARE(grid->cardTitles(), (QStringList {"tables/grid · a", "tables/list · a"}));
        loaded.dashboard.tagFilter()->setText(QStringLiteral("nothing"));
        QVERIFY(grid->cardTitles().isEmpty());
        QCOMPARE(grid->findChild<QLabel*>(QStringLiteral("emptyMessage"))->text(),
            QStringLiteral("No text tags match “nothing”."));
        loaded.dashboard.tagFilter()->setText(QStringLiteral("(")); // invalid: filters nothing
        QCOMPARE(grid->cardTitles().size(), 4);
        QVERIFY(!loaded.dashboard.tagFilter()->toolTip().isEmpty());
        loaded.dashboard.tagFilter()->clear();

        // Only checked runs have cards.
        loaded.runs.setChecked(QStringLiteral("a"), false);
        QCOMPARE(grid->cardTitles(), (QStringList {"notes/intro · b"}));
        loaded.runs.setChecked(QStringLiteral("a"), true);
        QCOMPARE(grid->cardTitles().size(), 4);
    }

    void markdownRenderedHtmlShownAsTextNothingLoaded()
    {
        Loaded loaded;
        ui::TextCard* card = loaded.dashboard.card("notes/intro", "a");
        QVERIFY(card);
        QTextDocument* document = card->browser()->document();
        const QString text = plainText(card);
        QVERIFY2(text.startsWith(QStringLiteral("Step 24")), qPrintable(text.left(80)));
        QVERIFY(text.contains(QStringLiteral("Epoch 24\nloss went down <b>raw</b> "
                                             "<img src=\"https://example.com/x.png\">")));
        QVERIFY(formatOf(document, QStringLiteral("down")).fontWeight() == QFont::Bold);
        QCOMPARE(document->find(QStringLiteral("Epoch 24")).blockFormat().headingLevel(), 2);
        QVERIFY(formatOf(document, QStringLiteral("raw")).fontWeight() != QFont::Bold);

        // The markdown image names a real PNG: a plain QTextBrowser loads it, the card's does not.
        const QUrl image = QUrl::fromLocalFile(ui::qStringFromPath(loaded.image));
        QTextBrowser ordinary;
        QVERIFY(ordinary.loadResource(QTextDocument::ImageResource, image).isValid());
        const QImage answered
            = document->resource(QTextDocument::ImageResource, image).value<QImage>();
        QCOMPARE(answered.size(), QSize(1, 1)); // the empty placeholder, not the file
        QCOMPARE(answered.pixelColor(0, 0).alpha(), 0);
        QVERIFY(text.contains(QStringLiteral("[image: chart]")));
        QVERIFY(!card->browser()->openLinks());

        // Plain text: the markdown as written.
        QTest::mouseClick(loaded.dashboard.markdownBox(), Qt::LeftButton);
        QVERIFY(!loaded.dashboard.markdownBox()->isChecked());
        QVERIFY(plainText(card).contains(
            QStringLiteral("## Epoch 24\n\nloss went **down** <b>raw</b>")));
        QVERIFY(formatOf(document, QStringLiteral("down")).fontWeight() != QFont::Bold);
        QTest::mouseClick(loaded.dashboard.markdownBox(), Qt::LeftButton);
        QVERIFY(!plainText(card).contains(QStringLiteral("**down**")));
    }

    // Images named by absolute and relative paths and file: URLs, of a real PNG and of a FIFO
    // (whose open() would block until a writer comes): none is opened or drawn.
    void imagesAreNeverLoaded()
    {
        QTemporaryDir temp;
        const std::string dir = temp.path().toStdString();
        std::vector<std::uint8_t> pixels(32 * 32 * 3, 0);
        for (std::size_t i = 0; i < pixels.size(); i += 3)
            pixels[i] = 255;
        test::writeBytes(dir + "/red.png", core::encodePng(32, 32, 3, pixels));
        QCOMPARE(::mkfifo((dir + "/pipe").c_str(), 0600), 0);
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(temp.path())); // relative paths resolve here
        {
            core::EventFileWriter writer(fs::path(dir) / "logs" / "a");
            writer.addText("notes", 1,
                "![absolute](" + dir + "/red.png) ![relative](red.png) ![url](file://" + dir
                    + "/red.png) ![fifo](" + dir + "/pipe) ![relative fifo](pipe)",
                kStart);
        }
        core::LogdirLoader loader {{{"", fs::path(dir) / "logs"}}};
        loader.reload();
        ui::RunListModel runs;
        runs.setSnapshot(loader.snapshot());
        ui::TextDashboard dashboard {&runs};
        dashboard.resize(1100, 800);
        FifoWatch watch(dir + "/pipe");
        dashboard.setSnapshot(loader.snapshot());
        ui::TextCard* card = dashboard.card("notes", "a");
        QVERIFY(card);
        dashboard.show();
        const QImage shown = card->browser()->viewport()->grab().toImage();
        const int readers = watch.stop();
        QDir::setCurrent(previous);
        QCOMPARE(redPixels(shown), 0);
        QCOMPARE(readers, 0);
        const QString text = plainText(card);
        for (const char* alt : {"absolute", "relative", "url", "fifo", "relative fifo"})
            QVERIFY2(text.contains(QStringLiteral("[image: %1]").arg(QLatin1String(alt))),
                qPrintable(text));
        QTextDocument* document = card->browser()->document();
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
            for (auto it = block.begin(); !it.atEnd(); ++it)
                QVERIFY(!it.fragment().charFormat().isImageFormat());
    }

    // A name from the log that looks like HTML is shown as written in a tooltip (which Qt
    // renders as rich text when it can), never as an image that opens its file.
    void namesInToolTipsLoadNothing()
    {
        QTemporaryDir temp;
        const std::string fifo = temp.path().toStdString() + "/pipe";
        QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
        const QString name
            = QStringLiteral("<img src=\"%1\"> tag").arg(QString::fromStdString(fifo));
        ui::ElidedLabel label;
        label.setFullText(name);
        label.resize(40, 20); // elided: the full name becomes the tooltip
        label.show();
        QVERIFY(label.isElided());
        QLabel toolTip; // what QToolTip shows: a label of automatically detected format
        toolTip.setText(label.toolTip());
        FifoWatch watch(fifo);
        toolTip.adjustSize();
        toolTip.grab();
        QCOMPARE(watch.stop(), 0);
        QTextDocument shown;
        shown.setHtml(label.toolTip());
        QCOMPARE(shown.toPlainText(), name);
    }

    // The whole window on a log whose run, tags, hparams and text all look like HTML naming
    // a FIFO in the working directory: no tab's label, title or document opens it.
    void htmlLookingNamesLoadNothingOnAnyTab()
    {
        QTemporaryDir temp;
        const std::string dir = temp.path().toStdString();
        QCOMPARE(::mkfifo((dir + "/pipe").c_str(), 0600), 0);
        const std::string name = "<img src=pipe>";
        const fs::path root = fs::path(dir) / "logs";
        {
            const std::string metrics[] = {name};
            core::EventFileWriter writer(root / name);
            writer.addHParams({{name, core::HParamValue(name)}}, metrics, kStart);
            writer.addScalar(name, 0, 1.0f, kStart);
            writer.addText(name + "/text", 0, name + " ![x](pipe)", kStart);
            const double values[] = {1, 2, 3};
            writer.addHistogram(name + "/weights", 0, values, core::SummaryStyle::Tf2, kStart);
            const core::EncodedImage image {
                2, 2, 3, core::encodePng(2, 2, 3, std::vector<std::uint8_t>(12, 90))};
            writer.addImage(
                name + "/image", 0, std::span(&image, 1), core::SummaryStyle::Tf2, kStart);
            writer.addPrCurve(
                name + "/pr", 0, {{3, 2, 1}, {1, 1, 0}, {0, 1, 2}, {0, 1, 2}}, kStart);
        }
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(temp.path()));
        FifoWatch watch(dir + "/pipe");
        {
            ui::MainWindow window;
            window.resize(1200, 800);
            window.show();
            QVERIFY(test::openLogdirAndWait(window, root));
            for (const char* tab : {"scalars", "histograms", "distributions", "images", "text",
                     "pr_curves", "hparams"}) {
                QVERIFY2(window.showTab(QLatin1String(tab)), tab);
                window.grab();
            }
        }
        const int readers = watch.stop();
        QDir::setCurrent(previous);
        QCOMPARE(readers, 0);
    }

    void tablesForRankOneAndTwo()
    {
        Loaded loaded;
        ui::TextCard* grid = loaded.dashboard.card("tables/grid", "a");
        const std::vector<QTextTable*> gridTables = tablesOf(grid->browser()->document());
        QCOMPARE(gridTables.size(), std::size_t(1));
        QTextTable* table = gridTables[0];
        QCOMPARE(table->rows(), 2);
        QCOMPARE(table->columns(), 3);
        QCOMPARE(cellText(table, 0, 0), QStringLiteral("name"));
        QCOMPARE(cellText(table, 0, 1), QStringLiteral("value")); // markdown in a cell
        QCOMPARE(cellText(table, 1, 2), QStringLiteral("1/s"));
        QVERIFY(formatOf(grid->browser()->document(), QStringLiteral("value")).fontWeight()
            == QFont::Bold);
        QVERIFY(isMonospace(formatOf(grid->browser()->document(), QStringLiteral("1/s"))));

        ui::TextCard* list = loaded.dashboard.card("tables/list", "a");
        const std::vector<QTextTable*> listTables = tablesOf(list->browser()->document());
        QCOMPARE(listTables.size(), std::size_t(1));
        QCOMPARE(listTables[0]->rows(), 3);
        QCOMPARE(listTables[0]->columns(), 1);
        QCOMPARE(cellText(listTables[0], 2, 0), QStringLiteral("three"));
        QVERIFY(plainText(list).startsWith(QStringLiteral("Step 6")));

        // A paragraph has no table.
        QVERIFY(tablesOf(loaded.dashboard.card("notes/intro", "b")->browser()->document()).empty());
    }

    // TensorFlow writes one string for a whole shape when every cell holds it (a broadcast);
    // TensorBoard shows the table the shape declares, the string in every cell.
    void oneStringFillsTheTableItsShapeDeclares()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        {
            core::EventFileWriter writer(root);
            const std::int64_t shape[] = {2, 3};
            writer.addTextTensor("same", 1, shape, std::vector<std::string> {"*x*"}, kStart);
        }
        core::LogdirLoader loader {{{"", root}}};
        loader.reload();
        ui::RunListModel runs;
        runs.setSnapshot(loader.snapshot());
        ui::TextDashboard dashboard {&runs};
        dashboard.setSnapshot(loader.snapshot());
        ui::TextCard* card = dashboard.card("same", ".");
        QVERIFY(card);
        const std::vector<QTextTable*> tables = tablesOf(card->browser()->document());
        QCOMPARE(tables.size(), std::size_t(1));
        QCOMPARE(tables[0]->rows(), 2);
        QCOMPARE(tables[0]->columns(), 3);
        for (int row = 0; row < 2; ++row)
            for (int column = 0; column < 3; ++column)
                QCOMPARE(cellText(tables[0], row, column), QStringLiteral("x"));
    }

    void pagesNewestFirst()
    {
        Loaded loaded;
        ui::TextCard* card = loaded.dashboard.card("notes/intro", "a");
        auto* older = card->findChild<QToolButton*>(QStringLiteral("olderSteps"));
        auto* newer = card->findChild<QToolButton*>(QStringLiteral("newerSteps"));
        auto* shown = card->findChild<QLabel*>(QStringLiteral("stepsShown"));
        QCOMPARE(card->pageCount(), std::size_t(3));
        QCOMPARE(card->shownSteps(),
            (std::vector<std::int64_t> {24, 23, 22, 21, 20, 19, 18, 17, 16, 15}));
        QVERIFY(!newer->isEnabled());
        QCOMPARE(shown->text(), QStringLiteral("1–10 of 25 steps"));
        QTest::mouseClick(older, Qt::LeftButton);
        QTest::mouseClick(older, Qt::LeftButton);
        QCOMPARE(card->shownSteps(), (std::vector<std::int64_t> {4, 3, 2, 1, 0}));
        QCOMPARE(shown->text(), QStringLiteral("21–25 of 25 steps"));
        QVERIFY(!older->isEnabled());
        QVERIFY(plainText(card).contains(QStringLiteral("Epoch 0\n")));
        QVERIFY(!plainText(card).contains(QStringLiteral("Epoch 5\n")));
        QTest::mouseClick(newer, Qt::LeftButton);
        QCOMPARE(card->shownSteps().front(), std::int64_t(14));
        // One step: no pager.
        QVERIFY(!loaded.dashboard.card("notes/intro", "b")
                     ->findChild<QLabel*>(QStringLiteral("stepsShown"))
                     ->isVisibleTo(loaded.dashboard.card("notes/intro", "b")));
    }

    void newStepsAppearLive()
    {
        Loaded loaded;
        ui::TextCard* card = loaded.dashboard.card("notes/intro", "a");
        {
            core::EventFileWriter writer(loaded.root / "a");
            writer.addText("notes/intro", 25, "the **newest**", kStart + 25);
            writer.addText("notes/fresh", 25, "a new tag", kStart + 25);
        }
        loaded.reload();
        QCOMPARE(loaded.dashboard.card("notes/intro", "a"), card); // the same card, updated
        QCOMPARE(card->shownSteps().front(), std::int64_t(25));
        QVERIFY(plainText(card).startsWith(QStringLiteral("Step 25")));
        QVERIFY(plainText(card).contains(QStringLiteral("the newest")));
        QCOMPARE(card->pageCount(), std::size_t(3));
        QVERIFY(loaded.dashboard.card("notes/fresh", "a"));
    }

    void mlAgentsHyperparameters()
    {
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        ui::MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(test::openLogdirAndWait(window, *corpus / "c10_mlagents_torch_text_histo"));
        QVERIFY(window.showTab(QStringLiteral("text")));
        auto* dashboard = window.findChild<ui::TextDashboard*>(QStringLiteral("text"));
        QCOMPARE(dashboard->grid()->cardTitles().size(), 4);
        ui::TextCard* card = dashboard->card(QStringLiteral("Hyperparameters/text_summary"),
            QStringLiteral("results/ppo/MoveToGoal"));
        QVERIFY(card);
        QCOMPARE(card->shownSteps(), (std::vector<std::int64_t> {0}));
        // A rank-1 tensor of one string: a one-cell table holding a code block (the lines
        // are indented by a tab).
        const std::vector<QTextTable*> tables = tablesOf(card->browser()->document());
        QCOMPARE(tables.size(), std::size_t(1));
        QCOMPARE(tables[0]->rows(), 1);
        const QString cell = cellText(tables[0], 0, 0);
        QVERIFY2(cell.startsWith(
                     QStringLiteral("trainer_type:\tppo\nhyperparameters:\t\n  batch_size:\t1024")),
            qPrintable(cell.left(120)));
        QVERIFY(cell.contains(QStringLiteral("summary_freq:\t50000")));
        QVERIFY(isMonospace(formatOf(card->browser()->document(), QStringLiteral("trainer_type"))));
    }

    void legacyTextAssetHasNoValues()
    {
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        // tensorboardX 1.x left plugins/tensorboard_text/tensors.json naming an op "Text", but
        // no event file of this logdir holds a text value: no Text tab.
        ui::MainWindow window;
        window.show();
        QVERIFY(test::openLogdirAndWait(window, *corpus / "d04_tensorboardx_1x_2018_legacy"));
        QVERIFY(window.showTab(QStringLiteral("scalars")));
        QVERIFY(!window.showTab(QStringLiteral("text")));
        auto* dashboard = window.findChild<ui::TextDashboard*>(QStringLiteral("text"));
        QVERIFY(dashboard->grid()->cardTitles().isEmpty());
        QCOMPARE(dashboard->grid()->findChild<QLabel*>(QStringLiteral("emptyMessage"))->text(),
            QStringLiteral("The checked runs have no text summaries."));
    }
};

LANTERN_TEST_MAIN(TestTextDashboard)
#include "test_text_dashboard.moc"
